using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links.Cache;

/// <summary>
/// The on-disk cache (default <c>.citecheck/cache/</c>): one JSON file per URL, named by the SHA-256 of the URL, holding
/// the fetch result (outcome, code, final URL, redirects, page title candidates, content hash and text). Every file is
/// written atomically through the host as soon as its URL is checked, so an interrupted run keeps what it did.
/// Format in docs/links.md; <see cref="Version"/> changes when it does (older files are ignored).
/// </summary>
public sealed class LinkCache(IHost host, string directory, TimeSpan maxAge)
{
    public const int Version = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public string Directory => directory;

    public TimeSpan MaxAge => maxAge;

    public string PathOf(string url) =>
        Path.Combine(directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32] + ".json");

    /// <summary>The cached result for a URL, when there is one and (unless <paramref name="anyAge"/>) it is younger than the max age.</summary>
    public FetchResult? Read(string url, bool anyAge = false)
    {
        var path = PathOf(url);
        if (!host.FileExists(path))
        {
            return null;
        }
        try
        {
            var entry = JsonSerializer.Deserialize<Entry>(host.ReadAllBytes(path), Json);
            if (entry is null || entry.Version != Version || entry.Result is null || entry.Result.Url != url)
            {
                return null;
            }
            if (!anyAge && host.Now - entry.Result.CheckedAt > maxAge)
            {
                return null;
            }
            return entry.Result with { FromCache = true };
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null; // a damaged entry is a miss; the next write replaces it
        }
    }

    public void Write(FetchResult result)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new Entry(Version, result with { FromCache = false }), Json);
        host.CreateDirectory(directory);
        host.WriteAtomically(PathOf(result.Url), bytes);
    }

    private sealed record Entry(int Version, FetchResult? Result);
}

/// <summary>
/// The cache wrapped around a fetcher (not the other way round): a fresh entry answers without a request; a new, lasting
/// result is written. Writes (each one flushed to disk by the host) are made by a few writer threads of their own, off the
/// requests' path, through a bounded queue (a full queue holds the fetches back, so memory stays bounded);
/// <see cref="FlushAsync"/> waits for every write queued, and is called by the checker before it returns, also on Ctrl-C.
/// </summary>
public sealed class CachingLinkFetcher(ILinkFetcher inner, LinkCache cache) : ILinkFetcher
{
    private const int Writers = 4;
    private const int Queued = 8;

    private readonly Lock _lock = new();
    private Channel<FetchResult>? _queue;
    private Task[]? _writers;
    private Exception? _failure;

    public async Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        if (cache.Read(url.AbsoluteUri) is { } cached)
        {
            return cached;
        }
        var result = await inner.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        if (result.Cacheable)
        {
            // Not cancelled with the run: a result fetched is kept, even when Ctrl-C comes while it waits for room.
            await Queue().WriteAsync(result, CancellationToken.None).ConfigureAwait(false);
        }
        return result;
    }

    public async Task FlushAsync()
    {
        Channel<FetchResult>? queue;
        Task[]? writers;
        lock (_lock)
        {
            (queue, writers, _queue, _writers) = (_queue, _writers, null, null);
        }
        if (queue is not null)
        {
            queue.Writer.TryComplete();
            await Task.WhenAll(writers!).ConfigureAwait(false);
        }
        if (Interlocked.Exchange(ref _failure, null) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        await inner.FlushAsync().ConfigureAwait(false);
    }

    private ChannelWriter<FetchResult> Queue()
    {
        lock (_lock)
        {
            if (_queue is null)
            {
                var queue = Channel.CreateBounded<FetchResult>(new BoundedChannelOptions(Queued) { SingleWriter = false, SingleReader = false });
                _writers = [.. Enumerable.Range(0, Writers).Select(_ => Task.Factory.StartNew(() => Write(queue.Reader), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
                _queue = queue;
            }
            return _queue.Writer;
        }
    }

    /// <summary>One writer thread: a write that fails is kept for <see cref="FlushAsync"/> to throw, and the queue is still drained.</summary>
    private void Write(ChannelReader<FetchResult> reader)
    {
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var result))
            {
                if (Volatile.Read(ref _failure) is not null)
                {
                    continue;
                }
                try
                {
                    cache.Write(result);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, e, null);
                }
            }
        }
    }
}

/// <summary>--offline: the cache alone, whatever the age of its entries; never a request.</summary>
public sealed class OfflineLinkFetcher(LinkCache cache, IHost host) : ILinkFetcher
{
    public Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken) =>
        Task.FromResult(cache.Read(url.AbsoluteUri, anyAge: true)
            ?? new FetchResult(FetchOutcome.NotCached, null, url.AbsoluteUri, url.AbsoluteUri, host.Now) { Cause = "offline, and not in the cache" });
}
