namespace CiteCheck.Watch.Inputs;

/// <summary>
/// Watches the folders that hold a build's inputs and hands back, debounced, the input files that changed. Editors save
/// in bursts (truncate then write, or write a temporary file and rename it over the report, or rename the report aside
/// first): every create, change, delete and rename of a watched file counts, under either of its names, and the batch is
/// handed back only once no event came for <see cref="WatchOptions.Debounce"/> (at the latest
/// <see cref="WatchOptions.MaxDelay"/> after the first). Events for other files in those folders (the editor's swap and
/// backup files, the edition itself) are ignored.
/// </summary>
public sealed class InputWatcher : IDisposable
{
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(CachingHost.PathComparer);
    private readonly ChangeBatcher _batcher;
    private readonly Lock _gate = new();
    private HashSet<string> _inputs = new(CachingHost.PathComparer);

    public InputWatcher(TimeSpan debounce, TimeSpan maxDelay, TimeProvider? time = null) =>
        _batcher = new ChangeBatcher(debounce, maxDelay, time ?? TimeProvider.System);

    /// <summary>Watches these files (full paths) from now on, and only these; the folders that hold them are watched.</summary>
    public void Watch(IEnumerable<string> files)
    {
        lock (_gate)
        {
            _inputs = new HashSet<string>(files, CachingHost.PathComparer);
            var folders = _inputs.Select(Path.GetDirectoryName).OfType<string>().Where(Directory.Exists).ToHashSet(CachingHost.PathComparer);
            foreach (var gone in _watchers.Keys.Where(f => !folders.Contains(f)).ToList())
            {
                _watchers[gone].Dispose();
                _watchers.Remove(gone);
            }
            foreach (var folder in folders.Where(f => !_watchers.ContainsKey(f)))
            {
                var watcher = new FileSystemWatcher(folder)
                {
                    IncludeSubdirectories = false,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                    InternalBufferSize = 64 * 1024,
                };
                watcher.Changed += (_, e) => Saw(e.FullPath);
                watcher.Created += (_, e) => Saw(e.FullPath);
                watcher.Deleted += (_, e) => Saw(e.FullPath);
                watcher.Renamed += (_, e) =>
                {
                    Saw(e.OldFullPath);
                    Saw(e.FullPath);
                };
                // Too many events at once: the watcher lost some, so treat every input as changed (hashes sort it out).
                watcher.Error += (_, _) => SawAll();
                watcher.EnableRaisingEvents = true;
                _watchers[folder] = watcher;
            }
        }
    }

    /// <summary>The folders watched now (for the start-up message and tests).</summary>
    public IReadOnlyCollection<string> Folders
    {
        get
        {
            lock (_gate)
            {
                return [.. _watchers.Keys];
            }
        }
    }

    /// <summary>Waits for a change to a watched file, then for the inputs to be quiet, and returns the files that changed.</summary>
    public Task<IReadOnlyCollection<string>> NextAsync(CancellationToken cancellationToken) => _batcher.NextAsync(cancellationToken);

    private void Saw(string path)
    {
        bool relevant;
        lock (_gate)
        {
            relevant = _inputs.Contains(path);
        }
        if (relevant)
        {
            _batcher.Add(path);
        }
    }

    private void SawAll()
    {
        List<string> all;
        lock (_gate)
        {
            all = [.. _inputs];
        }
        foreach (var path in all)
        {
            _batcher.Add(path);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers.Values)
            {
                watcher.Dispose();
            }
            _watchers.Clear();
        }
        _batcher.Dispose();
    }
}

/// <summary>
/// The debounce: collects changed paths and hands them back as one batch once none came for <c>debounce</c>, or
/// <c>maxDelay</c> after the first of the batch, whichever is first. Its clock is a <see cref="TimeProvider"/> so tests
/// can move time by hand.
/// </summary>
public sealed class ChangeBatcher(TimeSpan debounce, TimeSpan maxDelay, TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _signal = new(0);
    private HashSet<string> _pending = new(CachingHost.PathComparer);
    private long _lastEvent;

    public void Add(string path)
    {
        bool first;
        lock (_gate)
        {
            first = _pending.Count == 0;
            _pending.Add(path);
            _lastEvent = time.GetTimestamp();
        }
        if (first)
        {
            _signal.Release();
        }
    }

    public async Task<IReadOnlyCollection<string>> NextAsync(CancellationToken cancellationToken)
    {
        await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        var start = time.GetTimestamp();
        while (true)
        {
            TimeSpan quiet;
            lock (_gate)
            {
                quiet = time.GetElapsedTime(_lastEvent);
            }
            var waited = time.GetElapsedTime(start);
            if (quiet >= debounce || waited >= maxDelay)
            {
                break;
            }
            var wait = debounce - quiet;
            if (waited + wait > maxDelay)
            {
                wait = maxDelay - waited;
            }
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
        lock (_gate)
        {
            var batch = _pending;
            _pending = new HashSet<string>(CachingHost.PathComparer);
            // Changes that came after the signal was taken belong to this batch: take their signal too.
            while (_signal.CurrentCount > 0)
            {
                _signal.Wait(0, CancellationToken.None);
            }
            return batch;
        }
    }

    public void Dispose() => _signal.Dispose();
}
