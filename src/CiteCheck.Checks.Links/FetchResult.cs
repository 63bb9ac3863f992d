using System.Collections.Immutable;

namespace CiteCheck.Checks.Links;

/// <summary>How a fetch ended, before any judgement about the page.</summary>
public enum FetchOutcome
{
    /// <summary>A final answer (not a redirect) came back; see <see cref="FetchResult.Code"/>.</summary>
    Answered,

    /// <summary>The host name does not resolve.</summary>
    NameNotResolved,

    /// <summary>The address is private, loopback or link-local and such addresses are not allowed.</summary>
    Refused,

    /// <summary>Gave up: timeouts, connection failures, an open circuit; <see cref="FetchResult.Cause"/> says which.</summary>
    Failed,

    /// <summary>A 2xx answer came, but its body could not be decoded (corrupt gzip, an encoding not asked for); <see cref="FetchResult.Cause"/> says why.</summary>
    Unreadable,

    /// <summary>A redirect came back to a URL already visited.</summary>
    RedirectLoop,

    /// <summary>More redirects than allowed, or a redirect to something that is not http(s).</summary>
    BadRedirect,

    /// <summary>Offline and not in the cache.</summary>
    NotCached,
}

/// <summary>One redirect hop: from, status code, to.</summary>
public sealed record Redirect(string From, int Code, string To)
{
    public bool Permanent => Code is 301 or 308;
}

/// <summary>
/// What a page said about itself: its content type, the title candidates (title, og:title, first h1), a hash of its
/// content, its visible text (for the figure check; scripts are never run, and their text is dropped) and whether the
/// body passed a size cap (such a body is not read: no title, hash or text; <see cref="FetchResult.Cause"/> says which cap).
/// </summary>
public sealed record PageInfo(string? ContentType, string? Title, string? OgTitle, string? Heading, string ContentHash, string? Text, bool Truncated);

/// <summary>
/// The outcome of fetching one URL (what the cache stores): the outcome, the final HTTP code, the final URL, the redirect
/// chain, the page, the cause of a failure (or the cap a 2xx body passed), the attempts made and when. Judging it is <see cref="Classification.LinkClassifier"/>'s job,
/// so a changed bibliography title is judged again without a request.
/// </summary>
public sealed record FetchResult(FetchOutcome Outcome, int? Code, string Url, string FinalUrl, DateTimeOffset CheckedAt)
{
    public ImmutableArray<Redirect> Redirects { get; init; } = [];

    public PageInfo? Page { get; init; }

    public string? Cause { get; init; }

    public int Attempts { get; init; } = 1;

    /// <summary>Set by the cache when the result was read from it rather than fetched (not stored).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool FromCache { get; init; }

    /// <summary>Transient results are not cached, so the next run tries again: failures, refusals, and 408/429/5xx answers.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Cacheable => Outcome switch
    {
        FetchOutcome.Answered => Code is { } c && !Http.LinkPipelineBuilder.IsRetryableStatus(c),
        FetchOutcome.NameNotResolved or FetchOutcome.RedirectLoop or FetchOutcome.BadRedirect => true,
        _ => false,
    };
}

/// <summary>Fetches one URL. The HTTP fetcher, the cache (which wraps a fetcher) and the offline fetcher implement it.</summary>
public interface ILinkFetcher
{
    Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>Finishes what the fetches left running (the cache's writes); the checker waits for it before it returns, cancelled or not.</summary>
    Task FlushAsync() => Task.CompletedTask;
}
