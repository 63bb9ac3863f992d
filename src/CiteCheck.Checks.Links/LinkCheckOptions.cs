namespace CiteCheck.Checks.Links;

/// <summary>
/// How the link checker behaves. Options are a record validated once, when the checker is built
/// (<see cref="Validate"/> throws <see cref="ArgumentException"/> naming the option), as Polly validates its strategies.
/// </summary>
public sealed record LinkCheckOptions
{
    public const int MaxConcurrency = 1024;

    public const int MaxHostConcurrency = 256;

    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    public static readonly TimeSpan MaxHostInterval = TimeSpan.FromMinutes(1);

    /// <summary>Requests in flight at once, all hosts together (a URL waiting out a Retry-After or a backoff holds none).</summary>
    public int Concurrency { get; init; } = 128;

    /// <summary>Bodies being read at once, all hosts together: what bounds the memory of a run (each holds at most one page's text).</summary>
    public int BodyConcurrency { get; init; } = 16;

    /// <summary>Requests in flight to one host at once.</summary>
    public int HostConcurrency { get; init; } = 8;

    /// <summary>The least time between the starts of two requests to one host.</summary>
    public TimeSpan HostInterval { get; init; } = TimeSpan.Zero;

    /// <summary>Time one attempt may take, body included (--timeout).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Time one request may take over all its attempts and waits.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt (on 408, 429, 5xx, timeouts and connection failures only).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Median delay of the first retry; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest <c>Retry-After</c> honoured; a server asking for more is given up on (unreachable).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Redirects followed before giving up.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>Bytes read from the wire for one response; a body past this is not read further and not judged (too large).</summary>
    public long MaxResponseBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Bytes a compressed body may expand to (a gzip bomb stops here).</summary>
    public long MaxDecompressedBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Start tags a page may have; a page with more is not read further and not judged (too large).</summary>
    public int MaxElements { get; init; } = 250_000;

    /// <summary>Characters of page text kept in the cache for the figure check.</summary>
    public int MaxTextChars { get; init; } = 500_000;

    /// <summary>Send HEAD before GET. Off by default: the checks need the body of every HTML page (see docs/links.md).</summary>
    public bool HeadFirst { get; init; }

    /// <summary>Allow private, loopback and link-local addresses (off by default; tests turn it on for loopback servers).</summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>Per-host circuit breaker: share of failed attempts, over <see cref="BreakerSamplingDuration"/>, that opens it.</summary>
    public double BreakerFailureRatio { get; init; } = 0.8;

    /// <summary>Attempts to one host before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; init; } = 6;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Browser-like, because some sites refuse anything else; the checker never runs scripts whatever it claims.</summary>
    public string UserAgent { get; init; } = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    public string Accept { get; init; } = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    public string AcceptLanguage { get; init; } = "en-GB,en;q=0.9";

    /// <summary>Soft-404 and title checks: a title similarity below this is a mismatch (see <see cref="Classification.TitleMatcher"/>).</summary>
    public double TitleThreshold { get; init; } = 0.5;

    public LinkCheckOptions Validate()
    {
        Require(Concurrency is >= 1 and <= MaxConcurrency, nameof(Concurrency), $"between 1 and {MaxConcurrency}");
        Require(BodyConcurrency is >= 1 and <= MaxConcurrency, nameof(BodyConcurrency), $"between 1 and {MaxConcurrency}");
        Require(HostConcurrency is >= 1 and <= MaxHostConcurrency, nameof(HostConcurrency), $"between 1 and {MaxHostConcurrency}");
        Require(HostInterval >= TimeSpan.Zero && HostInterval <= MaxHostInterval, nameof(HostInterval), "between 0 and 1 minute");
        Require(Timeout >= MinTimeout && Timeout <= MaxTimeout, nameof(Timeout), "between 10 ms and 1 hour");
        Require(TotalTimeout >= Timeout, nameof(TotalTimeout), "at least the per-attempt timeout");
        Require(MaxRetries is >= 0 and <= 10, nameof(MaxRetries), "between 0 and 10");
        Require(RetryBaseDelay > TimeSpan.Zero && RetryBaseDelay <= TimeSpan.FromMinutes(1), nameof(RetryBaseDelay), "above 0 and at most 1 minute");
        Require(MaxRetryAfter >= TimeSpan.Zero && MaxRetryAfter <= TimeSpan.FromHours(1), nameof(MaxRetryAfter), "between 0 and 1 hour");
        Require(MaxRedirects is >= 0 and <= 50, nameof(MaxRedirects), "between 0 and 50");
        Require(MaxResponseBytes >= 1024, nameof(MaxResponseBytes), "at least 1 KiB");
        Require(MaxDecompressedBytes >= MaxResponseBytes, nameof(MaxDecompressedBytes), "at least MaxResponseBytes");
        Require(MaxElements >= 1, nameof(MaxElements), "at least 1");
        Require(MaxTextChars >= 0, nameof(MaxTextChars), "0 or more");
        Require(BreakerFailureRatio is > 0 and <= 1, nameof(BreakerFailureRatio), "above 0 and at most 1");
        Require(BreakerMinimumThroughput >= 2, nameof(BreakerMinimumThroughput), "at least 2");
        Require(BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), nameof(BreakerSamplingDuration), "at least 500 ms");
        Require(BreakerBreakDuration >= TimeSpan.FromMilliseconds(500), nameof(BreakerBreakDuration), "at least 500 ms");
        Require(!string.IsNullOrWhiteSpace(UserAgent), nameof(UserAgent), "not empty");
        Require(TitleThreshold is >= 0 and <= 1, nameof(TitleThreshold), "between 0 and 1");
        return this;
    }

    private static void Require(bool condition, string name, string what)
    {
        if (!condition)
        {
            throw new ArgumentException($"link option {name} must be {what}", name);
        }
    }
}
