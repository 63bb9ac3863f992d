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
public sealed partial class LinkCache(IHost host, string directory, TimeSpan maxAge)
{
    public const int Version = 1;

    private volatile bool _created;

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
            var entry = JsonSerializer.Deserialize(host.ReadAllBytes(path), CacheJson.Default.Entry);
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

    /// <summary>
    /// Writes one entry: atomically (a reader never sees half an entry) but not flushed to the disk, since a damaged entry
    /// is a miss and a flush per URL cost more system time than the requests did.
    /// </summary>
    public void Write(FetchResult result)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new Entry(Version, result with { FromCache = false }), CacheJson.Default.Entry);
        if (!_created)
        {
            host.CreateDirectory(directory);
            _created = true;
        }
        host.WriteAtomicallyUnflushed(PathOf(result.Url), bytes);
    }

    internal sealed record Entry(int Version, FetchResult? Result);

    /// <summary>The entry's JSON, generated at build time (no reflection, nothing for the JIT to compile at run time).</summary>
    [JsonSourceGenerationOptions(
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        Converters = [typeof(OutcomeConverter)])]
    [JsonSerializable(typeof(Entry))]
    internal sealed partial class CacheJson : JsonSerializerContext;

    /// <summary>Outcomes as kebab-case names ("name-not-resolved"), as the cache format says (docs/links.md).</summary>
    internal sealed class OutcomeConverter() : JsonStringEnumConverter<FetchOutcome>(JsonNamingPolicy.KebabCaseLower);
}

/// <summary>
/// The cache wrapped around a fetcher (not the other way round): a fresh entry answers without a request; a new, lasting
/// result is written. Writes are made by two writer threads of their own, off the requests' path, through a queue bounded
/// by the size of what waits in it (<see cref="QueuedBytes"/>, page texts counted at two bytes a character): a run's
/// results are queued as fast as they come, so a slow disk never holds a request back, and a queue full of large pages
/// holds the fetches back, so memory stays bounded. <see cref="FlushAsync"/> waits for every write queued, and is called
/// by the checker before it returns, also on Ctrl-C.
/// </summary>
public sealed class CachingLinkFetcher(ILinkFetcher inner, LinkCache cache) : ILinkFetcher
{
    /// <summary>What may wait to be written: 16 MiB, some 16 pages of the largest text kept (1 MB each), or thousands of ordinary ones.</summary>
    public const long QueuedBytes = 16 * 1024 * 1024;

    private const int Writers = 2;

    private readonly Lock _lock = new();
    private Channel<(FetchResult Result, long Size)>? _queue;
    private Task[]? _writers;
    private Exception? _failure;
    private long _queued;
    private TaskCompletionSource? _room;

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
            var size = SizeOf(result);
            await RoomAsync(size).ConfigureAwait(false);
            Queue().TryWrite((result, size));
        }
        return result;
    }

    public async Task FlushAsync()
    {
        Channel<(FetchResult, long)>? queue;
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

    /// <summary>What an entry holds in memory while it waits, roughly: its page text and a kilobyte for the rest.</summary>
    private static long SizeOf(FetchResult result) => 1024 + (2L * (result.Page?.Text?.Length ?? 0));

    /// <summary>Waits until the entry fits in the queue's budget (an empty queue takes any entry), and takes its share.</summary>
    private async Task RoomAsync(long size)
    {
        while (true)
        {
            Task freed;
            lock (_lock)
            {
                if (_queued == 0 || _queued + size <= QueuedBytes)
                {
                    _queued += size;
                    return;
                }
                _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                freed = _room.Task;
            }
            await freed.ConfigureAwait(false);
        }
    }

    private void Written(long size)
    {
        TaskCompletionSource? room;
        lock (_lock)
        {
            _queued -= size;
            (room, _room) = (_room, null);
        }
        room?.TrySetResult();
    }

    private ChannelWriter<(FetchResult, long)> Queue()
    {
        lock (_lock)
        {
            if (_queue is null)
            {
                var queue = Channel.CreateUnbounded<(FetchResult, long)>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
                _writers = [.. Enumerable.Range(0, Writers).Select(_ => Task.Factory.StartNew(() => Write(queue.Reader), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
                _queue = queue;
            }
            return _queue.Writer;
        }
    }

    /// <summary>One writer thread: a write that fails is kept for <see cref="FlushAsync"/> to throw, and the queue is still drained.</summary>
    private void Write(ChannelReader<(FetchResult Result, long Size)> reader)
    {
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var entry))
            {
                try
                {
                    if (Volatile.Read(ref _failure) is null)
                    {
                        cache.Write(entry.Result);
                    }
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, e, null);
                }
                finally
                {
                    Written(entry.Size);
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
