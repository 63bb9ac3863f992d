using System.Globalization;
using CiteCheck.Compiler.Output;
using CiteCheck.Model;
using CiteCheck.Watch.Inputs;
using CiteCheck.Watch.Serving;

namespace CiteCheck.Watch;

/// <summary>
/// <c>citecheck watch</c>: builds once, then rebuilds on every save of an input (<see cref="InputWatcher"/>, debounced)
/// with the <see cref="IncrementalBuilder"/>, prints each build's findings as <c>build</c> does (or a broken save's
/// errors as <c>check</c> does, keeping the last good edition), and with <see cref="WatchOptions.Serve"/> serves the
/// edition with live reload (<see cref="PreviewServer"/>). Stops cleanly when its token is cancelled (Ctrl-C).
/// </summary>
public sealed class WatchSession : IAsyncDisposable
{
    private readonly WatchOptions _options;
    private readonly TextWriter _out;
    private readonly CachingHost _host;
    private readonly IncrementalBuilder _builder;
    private readonly InputWatcher _watcher;
    private PreviewServer? _server;

    public WatchSession(IHost host, WatchOptions options, TextWriter output, TimeProvider? time = null)
    {
        _options = options;
        _out = output;
        _host = host as CachingHost ?? new CachingHost(host);
        _builder = new IncrementalBuilder(_host, options);
        _watcher = new InputWatcher(options.Debounce, WatchOptions.MaxDelay, time);
    }

    /// <summary>What the preview shows (and what tests and the benchmark wait on).</summary>
    public PreviewState State { get; } = new();

    /// <summary>The preview's address once started with <see cref="WatchOptions.Serve"/>; null otherwise.</summary>
    public Uri? Address => _server?.Address;

    /// <summary>The files watched now (full paths).</summary>
    public IReadOnlyCollection<string> Watched => _builder.Inputs;

    /// <summary>The host the session reads through (its counters say what was read from disk).</summary>
    public CachingHost Host => _host;

    /// <summary>Starts serving when asked, builds the first edition, and starts watching. A first build that fails still starts: the next save may fix it.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Serve)
        {
            // First, so a port that is taken is said before any build.
            _server = await PreviewServer.StartAsync(State, _options.Port, cancellationToken).ConfigureAwait(false);
        }
        var first = _builder.Build([], force: true);
        Report(first);
        _watcher.Watch(WatchList());
        if (_server is not null)
        {
            _out.WriteLine($"serving {new Uri(_server.Address, first.Files.Any(f => f.Name == "report.html") ? "report.html" : "")} (127.0.0.1 only; live reload)");
        }
        _out.WriteLine($"watching {_builder.Inputs.Count} {(_builder.Inputs.Count == 1 ? "file" : "files")} in {_watcher.Folders.Count} {(_watcher.Folders.Count == 1 ? "folder" : "folders")}; Ctrl-C to stop");
        _out.Flush();
    }

    /// <summary>Rebuilds on every change until cancelled; returns normally when cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var changed = await _watcher.NextAsync(cancellationToken).ConfigureAwait(false);
                if (changed.Count == 0)
                {
                    continue;
                }
                // A file watched but not read by the build (citecheck.yaml beside or above the report) changes nothing the
                // build's hashes know of: rebuild anyway.
                var force = changed.Any(c => !_builder.Inputs.Contains(c, CachingHost.PathComparer));
                var outcome = _builder.Build(changed, force);
                if (outcome.Status == BuildStatus.Failed && changed.Any(c => !File.Exists(c)) && await SettledAsync(cancellationToken).ConfigureAwait(false))
                {
                    // An editor that saves by renaming can leave the file missing for an instant: look again once before
                    // saying it is gone.
                    outcome = _builder.Build(changed, force: true);
                }
                Report(outcome);
                _watcher.Watch(WatchList());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C.
        }
    }

    private async Task<bool> SettledAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(_options.Debounce * 4, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The build's inputs, and the configuration files a build would read if they appeared.</summary>
    private IEnumerable<string> WatchList() => _builder.Inputs.Concat(ConfigurationCandidates(_host.GetFullPath(_options.ReportPath)));

    /// <summary>citecheck.yaml (or .yml) in the report's folder and each folder above it, up to the repository root (a folder with .git) or the file system's root.</summary>
    public static IEnumerable<string> ConfigurationCandidates(string reportFullPath)
    {
        for (var folder = Path.GetDirectoryName(reportFullPath); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            yield return Path.Combine(folder, "citecheck.yaml");
            yield return Path.Combine(folder, "citecheck.yml");
            if (Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git")))
            {
                yield break;
            }
        }
    }

    private void Report(BuildOutcome outcome)
    {
        if (outcome.Status == BuildStatus.Unchanged)
        {
            return;
        }
        var time = _host.Now.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var ms = outcome.Timings.Total.ToString("0", CultureInfo.InvariantCulture);
        if (outcome.Status == BuildStatus.Failed)
        {
            foreach (var line in outcome.Errors)
            {
                _out.WriteLine(line);
            }
            _out.WriteLine(outcome.Edition > 0
                ? $"[{time}] build failed; still showing edition {outcome.Edition}, the last good one"
                : $"[{time}] build failed; no edition yet: fix the error and save");
        }
        else
        {
            _out.WriteLine(outcome.Written.Count > 0
                ? $"[{time}] edition {outcome.Edition}: wrote {string.Join(", ", outcome.Written)} to {_options.OutDirectory} in {ms} ms"
                : $"[{time}] edition {outcome.Edition}: built in {ms} ms; no file of {_options.OutDirectory} changed");
            _out.Write(new TextOutput().Write(outcome.Report!));
        }
        _out.Flush();
        State.Publish(outcome);
    }

    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
