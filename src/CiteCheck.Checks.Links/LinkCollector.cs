using System.Collections.Immutable;
using CiteCheck.Checks.Citations;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links;

/// <summary>
/// Collects every distinct URL of a document, from its citations' link targets and its bibliography's <c>url:</c> fields,
/// each with every place that uses it. Placeholders ('#' or empty) are not URLs: <see cref="PlaceholderLinkCheck"/> reports them.
/// URLs that are not absolute http(s) are kept, marked excluded, so the summary can count them.
/// </summary>
public static class LinkCollector
{
    public static ImmutableArray<LinkRequest> Collect(Document document)
    {
        var uses = new Dictionary<string, (string Written, Uri? Url, string? Excluded, List<LinkUse> Uses, List<string> Titles, List<string> Archives)>(StringComparer.Ordinal);
        var order = new List<string>();

        void Add(string written, LinkUse use, Source? source)
        {
            var (key, url, excluded) = Normalise(written);
            if (!uses.TryGetValue(key, out var entry))
            {
                entry = (written.Trim(), url, excluded, [], [], []);
                uses[key] = entry;
                order.Add(key);
            }
            if (!entry.Uses.Contains(use))
            {
                entry.Uses.Add(use);
            }
            if (source?.Title is { Length: > 0 } title && !entry.Titles.Contains(title))
            {
                entry.Titles.Add(title);
            }
            if (source?.Archive is { Length: > 0 } archive && !entry.Archives.Contains(archive))
            {
                entry.Archives.Add(archive);
            }
        }

        foreach (var c in document.Citations)
        {
            if (!PlaceholderLinkCheck.IsPlaceholder(c.Target))
            {
                Add(c.Target!, new LinkUse(c.TargetSpan ?? c.Span, c.SourceKey, LinkOrigin.Citation), document.Bibliography.Find(c.SourceKey));
            }
        }
        foreach (var s in document.Bibliography.Entries.Concat(document.Bibliography.Footnotes))
        {
            if (!PlaceholderLinkCheck.IsPlaceholder(s.Url) && s.Definition is { } span)
            {
                Add(s.Url!, new LinkUse(span, s.Key, LinkOrigin.Bibliography), s);
            }
        }
        return
        [
            .. order.Select(key =>
            {
                var e = uses[key];
                return new LinkRequest(key, e.Url, e.Written, [.. e.Uses])
                {
                    Titles = [.. e.Titles],
                    Archive = e.Archives.FirstOrDefault(),
                    ExcludedBecause = e.Excluded,
                };
            }),
        ];
    }

    /// <summary>The key a URL is checked and cached under (absolute, without fragment), the URL itself, and why it is excluded, if it is.</summary>
    public static (string Key, Uri? Url, string? Excluded) Normalise(string written)
    {
        var text = written.Trim();
        if (text.StartsWith('<') && text.EndsWith('>'))
        {
            text = text[1..^1];
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return (text, null, "not an absolute URL");
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return (uri.AbsoluteUri, null, $"'{uri.Scheme}:' is not checked (only http and https are)");
        }
        var withoutFragment = new UriBuilder(uri) { Fragment = "" }.Uri;
        return (withoutFragment.AbsoluteUri, withoutFragment, null);
    }
}
