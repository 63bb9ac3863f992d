namespace CiteCheck.Checks.Links;

/// <summary>Every verdict a URL can get. The names (kebab-case) are used in JSON and the docs.</summary>
public enum LinkState
{
    /// <summary>2xx, the page looks like itself.</summary>
    Ok,

    /// <summary>Reached through a permanent redirect (301, 308): the citation should be updated to the new URL.</summary>
    Redirected,

    /// <summary>404, 410, or the host does not exist (DNS failure).</summary>
    Broken,

    /// <summary>Gave up after retries (timeouts, connection failures, 5xx, 429 past the cap, redirect loops); the last cause is kept.</summary>
    Unreachable,

    /// <summary>401 or 403: a bot wall or a login, not proof that the page is gone.</summary>
    Blocked,

    /// <summary>2xx, but the page says it is not there, or a deep link lands on the site's home page.</summary>
    Soft404,

    /// <summary>2xx, but the page's title is clearly not the bibliography's title.</summary>
    TitleMismatch,

    /// <summary>2xx, but the body passed a size cap (read or decompressed), so the page was not read and nothing on it was judged.</summary>
    TooLarge,

    /// <summary>2xx, but the body could not be decoded (corrupt gzip, an encoding not asked for), so nothing on the page was judged.</summary>
    Unreadable,

    /// <summary>Not checked: not http(s), not absolute, or offline with no cache entry.</summary>
    Excluded,
}

/// <summary>
/// The one status type (after lychee's <c>Status</c>): the verdict, the HTTP code that led to it, a human-readable detail
/// (the last cause for <see cref="LinkState.Unreachable"/>), the final URL after redirects, the new URL of a permanent
/// redirect, whether the archived copy answered when the live URL is broken, and whether it came from the cache.
/// A cached status is the status as it was when checked; <see cref="Cached"/> marks it (lychee's <c>Status::Cached</c>).
/// </summary>
public sealed record LinkStatus(LinkState State, int? Code, string Detail)
{
    public Uri? FinalUrl { get; init; }

    /// <summary>The URL a permanent redirect points to (the one editors should write instead).</summary>
    public Uri? PermanentRedirect { get; init; }

    /// <summary>For broken (or soft-404) links with a bibliography <c>archive:</c>: true when the archived copy answered.</summary>
    public bool? ArchivedCopyOk { get; init; }

    public bool Cached { get; init; }

    public string Name => Cached ? $"cached {StateName(State)}" : StateName(State);

    public override string ToString() =>
        Name + (Code is { } c ? $" ({c})" : "") + (ArchivedCopyOk == true ? " (archived copy ok)" : "") + (Detail.Length > 0 ? $": {Detail}" : "");

    public static string StateName(LinkState state) => state switch
    {
        LinkState.Ok => "ok",
        LinkState.Redirected => "redirected",
        LinkState.Broken => "broken",
        LinkState.Unreachable => "unreachable",
        LinkState.Blocked => "blocked",
        LinkState.Soft404 => "soft-404",
        LinkState.TitleMismatch => "title-mismatch",
        LinkState.TooLarge => "too-large",
        LinkState.Unreadable => "unreadable",
        _ => "excluded",
    };

    public static bool TryParse(string name, out LinkState state)
    {
        foreach (var s in Enum.GetValues<LinkState>())
        {
            if (StateName(s) == name)
            {
                state = s;
                return true;
            }
        }
        state = LinkState.Excluded;
        return false;
    }
}
