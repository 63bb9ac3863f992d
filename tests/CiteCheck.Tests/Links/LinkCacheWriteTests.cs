using CiteCheck.Checks.Links;
using CiteCheck.Checks.Links.Cache;
using CiteCheck.Compiler;
using CiteCheck.Model;

namespace CiteCheck.Tests.Links;

/// <summary>
/// The cache's writes: queued off the requests' path, bounded by what waits (not by a count of entries), all written by
/// the time the run returns, and written atomically but unflushed on the real file system. A disk that does not answer
/// is simulated by a host whose writes wait for the test, so nothing here depends on how fast the machine is.
/// </summary>
public sealed class LinkCacheWriteTests
{
    [Fact(Timeout = 120_000)] // a generous bound on a hang, not a speed: the fetches must not wait for the stuck disk at all
    public async Task Ordinary_results_never_wait_for_the_disk_and_are_all_written_by_flush()
    {
        using var host = new StuckDiskHost();
        var fetcher = new CachingLinkFetcher(new AnsweringFetcher(textChars: 100), new LinkCache(host, "cache", TimeSpan.FromDays(1)));

        // 200 results while no write can finish: the old queue of 8 entries held the ninth fetch back until the disk answered.
        var results = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => fetcher.FetchAsync(new Uri($"http://example.org/{i}"), CancellationToken.None)));
        Assert.All(results, r => Assert.Equal(200, r.Code));
        Assert.Empty(host.Memory.Files); // the disk is stuck: every write is still waiting

        host.Unstick();
        await fetcher.FlushAsync();
        Assert.Equal(200, host.Memory.Files.Count);
        Assert.Equal(200, host.UnflushedWrites);
        Assert.Equal(0, host.FlushedWrites);
    }

    [Fact(Timeout = 120_000)]
    public async Task Large_pages_waiting_to_be_written_hold_the_next_fetch_back()
    {
        using var host = new StuckDiskHost();
        // Each result holds 6 MB of text: two fit in the 16 MiB the queue may hold, a third does not.
        const int chars = 3_000_000;
        Assert.True(3 * 2L * chars > CachingLinkFetcher.QueuedBytes && 2 * (2L * chars + 1024) <= CachingLinkFetcher.QueuedBytes);
        var fetcher = new CachingLinkFetcher(new AnsweringFetcher(chars), new LinkCache(host, "cache", TimeSpan.FromDays(1)));

        await fetcher.FetchAsync(new Uri("http://example.org/1"), CancellationToken.None);
        await fetcher.FetchAsync(new Uri("http://example.org/2"), CancellationToken.None);
        var third = fetcher.FetchAsync(new Uri("http://example.org/3"), CancellationToken.None);
        Assert.False(third.IsCompleted); // no write can finish, so no room is freed

        host.Unstick();
        Assert.Equal(200, (await third).Code);
        await fetcher.FlushAsync();
        Assert.Equal(3, host.Memory.Files.Count);
    }

    [Fact]
    public void Unflushed_atomic_write_replaces_the_file_whole_and_leaves_no_temporary()
    {
        var dir = Directory.CreateTempSubdirectory("citecheck-unflushed-").FullName;
        try
        {
            var path = Path.Combine(dir, "entry.json");
            IHost host = new PhysicalHost();
            host.WriteAtomicallyUnflushed(path, "first"u8);
            host.WriteAtomicallyUnflushed(path, "second, longer"u8);
            Assert.Equal("second, longer", File.ReadAllText(path));
            Assert.Equal([path], Directory.GetFiles(dir));
            Assert.Throws<OutputException>(() => host.WriteAtomicallyUnflushed(dir, "a folder"u8));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Answers every URL at once with a 200 page holding <c>textChars</c> characters of text.</summary>
    private sealed class AnsweringFetcher(int textChars) : ILinkFetcher
    {
        public Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken) =>
            Task.FromResult(new FetchResult(FetchOutcome.Answered, 200, url.AbsoluteUri, url.AbsoluteUri, DateTimeOffset.UtcNow)
            {
                Page = new PageInfo("text/html", "A page", null, null, "hash", new string('x', textChars), false),
            });
    }

    /// <summary>Files in memory; every cache write waits until <see cref="Unstick"/>, as on a disk that does not answer.</summary>
    private sealed class StuckDiskHost : IHost, IDisposable
    {
        private readonly ManualResetEventSlim _disk = new(false);
        private int _unflushed;
        private int _flushed;

        public MemoryHost Memory { get; } = new();

        public int UnflushedWrites => Volatile.Read(ref _unflushed);

        public int FlushedWrites => Volatile.Read(ref _flushed);

        public DateTimeOffset Now => Memory.Now;

        public void Unstick() => _disk.Set();

        public void Dispose() => _disk.Dispose();

        public void WriteAtomicallyUnflushed(string path, ReadOnlySpan<byte> content)
        {
            _disk.Wait();
            Interlocked.Increment(ref _unflushed);
            Memory.WriteAtomically(path, content);
        }

        public void WriteAtomically(string path, ReadOnlySpan<byte> content)
        {
            _disk.Wait();
            Interlocked.Increment(ref _flushed);
            Memory.WriteAtomically(path, content);
        }

        public bool FileExists(string path) => Memory.FileExists(path);

        public bool DirectoryExists(string path) => Memory.DirectoryExists(path);

        public byte[] ReadAllBytes(string path) => Memory.ReadAllBytes(path);

        public void CreateDirectory(string path) => Memory.CreateDirectory(path);

        public IEnumerable<string> EnumerateFiles(string directory, string pattern) => Memory.EnumerateFiles(directory, pattern);

        public IEnumerable<string> EnumerateDirectories(string directory, string pattern) => throw new NotSupportedException();

        public void MoveDirectory(string source, string destination) => throw new NotSupportedException();

        public void DeleteDirectory(string path) => throw new NotSupportedException();

        public string? GetEnvironmentVariable(string name) => null;

        public HttpMessageHandler CreateHttpHandler() => throw new NotSupportedException("no request is sent");
    }
}
