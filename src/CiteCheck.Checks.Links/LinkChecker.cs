using System.Collections.Immutable;
using CiteCheck.Checks.Links.Cache;
using CiteCheck.Checks.Links.Classification;
using CiteCheck.Checks.Links.Figures;
using CiteCheck.Checks.Links.Http;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links;

/// <summary>
/// One URL's verdict, with the fetch it was judged on (null when it was not fetched), and the figures its page's text holds
/// (null when the text was not read). The page's text itself is let go once matched: the cache keeps it, the run does not.
/// </summary>
public sealed record LinkResult(LinkRequest Request, LinkStatus Status, FetchResult? Fetch)
{
    public PageFigures? Figures { get; init; }
}

/// <summary>Reported after each URL: how many are done out of how many, and the last result.</summary>
public sealed record LinkProgress(int Done, int Total, LinkResult Last);

/// <summary>What a link check found: every URL's result, and the diagnostics at every place that uses them.</summary>
public sealed record LinkReport(ImmutableArray<LinkResult> Results, ImmutableArray<Diagnostic> Diagnostics)
{
    public int Count(LinkState state) => Results.Count(r => r.Status.State == state);

    /// <summary>"12 ok, 1 broken, 2 cached …": counts by status name, in the order of <see cref="LinkState"/>.</summary>
    public string Summary()
    {
        var parts = Enum.GetValues<LinkState>().Select(s => (s, n: Count(s))).Where(x => x.n > 0).Select(x => $"{x.n} {LinkStatus.StateName(x.s)}").ToList();
        var cached = Results.Count(r => r.Status.Cached);
        if (cached > 0)
        {
            parts.Add($"{cached} from the cache");
        }
        return $"{Results.Length} {(Results.Length == 1 ? "link" : "links")}" + (parts.Count > 0 ? ": " + string.Join(", ", parts) : "");
    }
}

/// <summary>
/// The link checker: collect the document's URLs, fetch each once (hosts interleaved, so one slow host does not hold the
/// others back), judge each, try the archive of a broken one, then report at every use and check figures against the pages.
/// </summary>
public sealed class LinkChecker(ILinkFetcher fetcher, LinkCheckOptions options, IFigureSource? figures = null)
{
    private readonly LinkCheckOptions _options = options.Validate();
    private readonly IFigureSource _figures = figures ?? new SimpleFigureSource();

    /// <summary>The usual composition: HTTP fetcher over the host's handler, wrapped by the cache; or the cache alone when offline.</summary>
    public static (ILinkFetcher Fetcher, IDisposable? Owned) CreateFetcher(IHost host, LinkCheckOptions options, LinkCache? cache, bool offline, TimeProvider? time = null)
    {
        if (offline)
        {
            return (new OfflineLinkFetcher(cache ?? throw new ArgumentException("--offline needs a cache", nameof(cache)), host), null);
        }
        var http = new HttpLinkFetcher(host, options, time);
        return (cache is null ? http : new CachingLinkFetcher(http, cache), http);
    }

    public async Task<LinkReport> CheckAsync(Document document, IProgress<LinkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var requests = LinkCollector.Collect(document);
        // Worked out beside the first requests (the figure extractor reads every claim), awaited when a page needs it.
        var needs = Task.Run(() => FigureNeeds.Plan(document, _figures), cancellationToken);
        var results = new LinkResult[requests.Length];
        var order = Interleave(requests);
        var done = 0;
        try
        {
            // URLs in progress at once: more than the requests in flight, since a URL waiting out a Retry-After or a
            // backoff holds no request slot (see HttpLinkFetcher); but at most twice --host-concurrency of one host, so a
            // URL never queues at its host's gate long enough for its timeouts (which count from the gate) to fire.
            var urls = Math.Max(64, _options.Concurrency * 4);
            var perHost = new Dictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);
            foreach (var r in requests)
            {
                perHost.TryAdd(r.Host, new SemaphoreSlim(_options.HostConcurrency * 2));
            }
            try
            {
                await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = urls, CancellationToken = cancellationToken }, async (i, token) =>
                {
                    var admitted = perHost[requests[i].Host];
                    await admitted.WaitAsync(token).ConfigureAwait(false);
                    try
                    {
                        results[i] = await CheckOneAsync(requests[i], needs, token).ConfigureAwait(false);
                    }
                    finally
                    {
                        admitted.Release();
                    }
                    progress?.Report(new LinkProgress(Interlocked.Increment(ref done), requests.Length, results[i]));
                }).ConfigureAwait(false);
            }
            finally
            {
                foreach (var gate in perHost.Values)
                {
                    gate.Dispose();
                }
            }
        }
        finally
        {
            await fetcher.FlushAsync().ConfigureAwait(false); // the cache's writes, also when cancelled
        }
        var diagnostics = LinkDiagnostics.For(results).Concat(FigureSupportCheck.Run(results, await needs.ConfigureAwait(false)));
        return new LinkReport([.. results], [.. diagnostics]);
    }

    /// <summary>Checks one URL; the figures of <paramref name="needs"/> are matched against its page's text, which is then dropped.</summary>
    public async Task<LinkResult> CheckOneAsync(LinkRequest request, Task<FigureNeeds>? needs, CancellationToken cancellationToken)
    {
        if (request.Url is null)
        {
            return new LinkResult(request, new LinkStatus(LinkState.Excluded, null, request.ExcludedBecause ?? "not checked"), null);
        }
        var fetch = await fetcher.FetchAsync(request.Url, cancellationToken).ConfigureAwait(false);
        var status = LinkClassifier.Classify(request, fetch, _options);
        if (status.State is LinkState.Broken or LinkState.Soft404 && request.Archive is { } archive)
        {
            status = status with { ArchivedCopyOk = await ArchiveAnswersAsync(archive, cancellationToken).ConfigureAwait(false) };
        }
        PageFigures? figures = null;
        if (fetch.Page?.Text is { Length: > 0 } text)
        {
            if (needs is not null && FigureSupportCheck.Reads(status.State))
            {
                figures = (await needs.ConfigureAwait(false)).Match(request.SourceKeys, text);
            }
            fetch = fetch with { Page = fetch.Page with { Text = null } };
        }
        return new LinkResult(request, status, fetch) { Figures = figures };
    }

    /// <summary>Whether the archived copy is there: ok, redirected (archives redirect to the nearest snapshot) or too large to read, and not a soft 404.</summary>
    private async Task<bool> ArchiveAnswersAsync(string archive, CancellationToken cancellationToken)
    {
        var (key, url, _) = LinkCollector.Normalise(archive);
        if (url is null)
        {
            return false;
        }
        var request = new LinkRequest(key, url, archive, []);
        var fetch = await fetcher.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        return LinkClassifier.Classify(request, fetch, _options).State is LinkState.Ok or LinkState.Redirected or LinkState.TooLarge;
    }

    /// <summary>Request indices ordered round-robin across hosts: the first URL of every host, then the second of every host, …</summary>
    private static List<int> Interleave(ImmutableArray<LinkRequest> requests) =>
        [
            .. requests.Select((r, i) => (r.Host, i))
                .GroupBy(x => x.Host, StringComparer.OrdinalIgnoreCase)
                .SelectMany(g => g.Select((x, rank) => (x.i, rank)))
                .OrderBy(x => x.rank)
                .ThenBy(x => x.i)
                .Select(x => x.i),
        ];
}
