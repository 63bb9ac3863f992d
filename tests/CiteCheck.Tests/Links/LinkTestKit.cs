using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CiteCheck.Checks.Links;
using CiteCheck.Model;
using CiteCheck.Tests.Support;
using WireMock.Server;
using WireMock.Settings;

namespace CiteCheck.Tests.Links;

/// <summary>A host with files in memory and a real socket handler (loopback servers only), counting the handlers it hands out.</summary>
public sealed class MemoryHost : IHost
{
    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    private int _handlersCreated;

    public int HandlersCreated => Volatile.Read(ref _handlersCreated);

    public DateTimeOffset Now => DateTimeOffset.UtcNow + Offset;

    /// <summary>Moves this host's clock, to age cache entries.</summary>
    public TimeSpan Offset { get; set; }

    public bool FileExists(string path) => Files.ContainsKey(Norm(path));

    public bool DirectoryExists(string path) => Files.Keys.Any(k => k.StartsWith(Norm(path) + "/", StringComparison.Ordinal));

    public byte[] ReadAllBytes(string path) => Files.TryGetValue(Norm(path), out var b) ? b : throw new FileNotFoundException(path);

    public void WriteAtomically(string path, ReadOnlySpan<byte> content) => Files[Norm(path)] = content.ToArray();

    public void CreateDirectory(string path)
    {
    }

    public IEnumerable<string> EnumerateFiles(string directory, string pattern) =>
        Files.Keys.Where(k => Path.GetDirectoryName(k) == Norm(directory)).ToList();

    public IEnumerable<string> EnumerateDirectories(string directory, string pattern) => throw new NotSupportedException();

    public void MoveDirectory(string source, string destination) => throw new NotSupportedException();

    public void DeleteDirectory(string path) => throw new NotSupportedException();

    public string? GetEnvironmentVariable(string name) => null;

    public HttpMessageHandler CreateHttpHandler()
    {
        Interlocked.Increment(ref _handlersCreated);
        return new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None };
    }

    private static string Norm(string path) => path.Replace('\\', '/').TrimEnd('/');
}

public static class LinkKit
{
    /// <summary>
    /// Small backoffs so the whole fault matrix runs in seconds; loopback allowed; breaker out of the way. The attempt timeout
    /// is long (30 s) so that no test's outcome depends on how fast a loaded machine answers: a cold server on a busy
    /// two-core machine has taken more than 3 s, and a timeout there was retried and counted twice. Timeout tests set their
    /// own short timeouts against servers that never answer in time.
    /// </summary>
    public static LinkCheckOptions Fast { get; } = new()
    {
        AllowPrivateAddresses = true,
        Timeout = TimeSpan.FromSeconds(30),
        TotalTimeout = TimeSpan.FromSeconds(120),
        MaxRetries = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryAfter = TimeSpan.FromSeconds(3),
        BreakerMinimumThroughput = 1000,
    };

    /// <summary>A WireMock server bound to 127.0.0.1 only.</summary>
    public static WireMockServer StartServer() =>
        WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>A one-paragraph report citing each URL as source 1, 2, … with the bibliography titles given.</summary>
    public static Document Report(IReadOnlyList<string> urls, IReadOnlyList<string?>? titles = null, IReadOnlyList<string?>? archives = null, string claim = "The page says so.")
    {
        var cites = string.Join(", ", urls.Select((u, i) => $"[Source {i + 1}]({u}) [{i + 1}]"));
        var markdown = $"# Test\n\n{claim} (Sources: {cites})\n";
        var span = new SourceSpan("sources.yaml", new TextPosition(1, 1, 0), new TextPosition(1, 2, 1));
        var entries = urls.Select((u, i) => new Source((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"Source {i + 1}", titles?.ElementAtOrDefault(i), null, null, null, archives?.ElementAtOrDefault(i), span));
        return Parse.Markdown(markdown, new Bibliography(BibliographyOrigin.File, "sources.yaml", [.. entries], []));
    }

    public static async Task<(LinkReport Report, TimeSpan Elapsed)> CheckAsync(Document document, LinkCheckOptions? options = null, IHost? host = null, CiteCheck.Checks.Links.Cache.LinkCache? cache = null, bool offline = false, TimeProvider? time = null)
    {
        options ??= Fast;
        host ??= new MemoryHost();
        var (fetcher, owned) = LinkChecker.CreateFetcher(host, options, cache, offline, time);
        using (owned)
        {
            var watch = Stopwatch.StartNew();
            var report = await new LinkChecker(fetcher, options).CheckAsync(document, null, TestContext.Current.CancellationToken);
            return (report, watch.Elapsed);
        }
    }

    /// <summary>
    /// Checks one URL and returns its result. No test asserts how long a run took (that measures the machine); the waits
    /// the checker asks for are read from a <see cref="RecordingTime"/> instead.
    /// </summary>
    public static async Task<LinkResult> CheckOneAsync(string url, string? title = null, LinkCheckOptions? options = null, TimeProvider? time = null)
    {
        var (report, _) = await CheckAsync(Report([url], [title]), options, time: time);
        return Assert.Single(report.Results);
    }

    public static int RequestsTo(WireMockServer server, string path) => server.LogEntries.Count(e => e.RequestMessage?.Path == path);

    public static string Html(string title, string body = "<p>Text of the page.</p>", string? h1 = null) =>
        $"<!doctype html><html><head><title>{title}</title></head><body>{(h1 is null ? "" : $"<h1>{h1}</h1>")}{body}</body></html>";
}

/// <summary>
/// A bare TCP server on loopback for the faults WireMock cannot make: a connection reset (RST) and a body that stalls
/// after its first bytes.
/// </summary>
public sealed class RawServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public RawServer(Func<Socket, CancellationToken, Task> handle)
    {
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }
                Interlocked.Increment(ref _connections);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await handle(socket, _stop.Token);
                    }
                    catch (Exception)
                    {
                        // the client went away
                    }
                    finally
                    {
                        socket.Dispose();
                    }
                });
            }
        });
    }

    public string Url { get; }

    public int Connections => Volatile.Read(ref _connections);

    public static async Task ReadRequestAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (n == 0)
            {
                return;
            }
            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}

/// <summary>The system clock, recording every timer asked of it: the waits the checker schedules (Retry-After, backoff, gates, timeouts).</summary>
public sealed class RecordingTime : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    public IReadOnlyCollection<TimeSpan> Timers => [.. _timers];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Enqueue(dueTime);
        }
        return System.CreateTimer(callback, state, dueTime, period);
    }
}

/// <summary>A clock that moves only when told to (<see cref="Advance"/>), firing the timers that fall due.</summary>
public sealed class ManualTime : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_lock)
        {
            _now += by;
            due = [.. _timers.Where(t => t.Due <= _now)];
            foreach (var t in due)
            {
                _timers.Remove(t);
            }
        }
        foreach (var t in due)
        {
            t.Fire();
        }
    }

    private sealed class ManualTimer(ManualTime time, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (time._lock)
            {
                time._timers.Remove(this);
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    Due = time._now + dueTime;
                    time._timers.Add(this);
                }
            }
            if (dueTime == TimeSpan.Zero)
            {
                time.Advance(TimeSpan.Zero);
            }
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (time._lock)
            {
                time._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Helpers to read statuses in assertions.</summary>
public static class LinkAssert
{
    public static void State(LinkState expected, LinkResult result) =>
        Assert.True(result.Status.State == expected, $"expected {LinkStatus.StateName(expected)}, got {result.Status}");

    public static ImmutableArray<Diagnostic> Of(LinkReport report, string rule) => [.. report.Diagnostics.Where(d => d.Rule == rule)];
}
