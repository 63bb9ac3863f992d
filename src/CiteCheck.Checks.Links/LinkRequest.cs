using System.Collections.Immutable;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links;

/// <summary>Where a URL is written: a citation's link target or a bibliography entry's <c>url:</c>.</summary>
public enum LinkOrigin
{
    Citation,
    Bibliography,
}

/// <summary>One place that uses a URL: its span, the source key it stands for, and whether it is a citation or a bibliography entry.</summary>
public sealed record LinkUse(SourceSpan Span, string SourceKey, LinkOrigin Origin);

/// <summary>
/// One distinct URL to check, with every place that uses it (lychee's model: a request remembers where it came from,
/// so each result is reported at each of those places). <see cref="Key"/> is the URL without its fragment, which the
/// server never sees. <see cref="Archive"/> is the bibliography's <c>archive:</c> copy, when an entry using the URL gives one.
/// </summary>
public sealed record LinkRequest(string Key, Uri? Url, string Written, ImmutableArray<LinkUse> Uses)
{
    /// <summary>Titles the bibliography gives for the sources that use this URL (for the title check).</summary>
    public ImmutableArray<string> Titles { get; init; } = [];

    public string? Archive { get; init; }

    /// <summary>Why the URL is not checked (not http or https, not absolute), or null when it is.</summary>
    public string? ExcludedBecause { get; init; }

    public string Host => Url?.IdnHost ?? "";

    public ImmutableArray<string> SourceKeys => [.. Uses.Select(u => u.SourceKey).Distinct(StringComparer.Ordinal)];
}
