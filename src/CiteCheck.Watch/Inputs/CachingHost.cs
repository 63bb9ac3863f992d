using System.Collections.Concurrent;
using CiteCheck.Compiler;
using CiteCheck.Model;

namespace CiteCheck.Watch.Inputs;

/// <summary>
/// The host of a watch session: the real host, with every file the build reads kept in memory until the watcher says it
/// changed. While a build is recording (<see cref="BeginRecording"/>), each file it reads or looks for is noted: those are
/// the build's inputs (report, bibliography, review file, templates and their partials, fonts, configuration), the files
/// the watcher watches. Writes, and reads outside a recording (the edition writer reading its own marker), go straight
/// to the real host and are neither cached nor watched.
/// </summary>
public sealed class CachingHost(IHost inner) : IHost
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(PathComparer);
    private readonly ConcurrentDictionary<string, bool> _exists = new(PathComparer);
    private readonly Lock _gate = new();
    private Dictionary<string, InputState>? _recorded;

    /// <summary>Paths compare as the file system does: exactly on Linux, ignoring case on Windows and macOS.</summary>
    public static StringComparer PathComparer { get; } = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    public IHost Inner => inner;

    /// <summary>How many times a file was read from the real host (not from memory): what tests and the benchmark count.</summary>
    public int DiskReads { get; private set; }

    /// <summary>Starts noting every file read or looked for.</summary>
    public void BeginRecording()
    {
        lock (_gate)
        {
            _recorded = new Dictionary<string, InputState>(PathComparer);
        }
    }

    /// <summary>
    /// Stops noting, and returns every file read or looked for since <see cref="BeginRecording"/>, by full path, with what
    /// the build saw of it: absent, present, or the very bytes it read (a save during the build does not change them).
    /// </summary>
    public IReadOnlyDictionary<string, InputState> EndRecording()
    {
        lock (_gate)
        {
            var recorded = _recorded ?? new Dictionary<string, InputState>(PathComparer);
            _recorded = null;
            return recorded;
        }
    }

    /// <summary>Forgets what is held for these paths: the next read goes to the disk.</summary>
    public void Invalidate(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var full = inner.GetFullPath(path);
            _files.TryRemove(full, out _);
            _exists.TryRemove(full, out _);
        }
    }

    /// <summary>The bytes of a file, from memory when held (null when it does not exist or cannot be read).</summary>
    public byte[]? Peek(string fullPath)
    {
        if (_files.TryGetValue(fullPath, out var bytes))
        {
            return bytes;
        }
        if (!FileExistsCached(fullPath))
        {
            return null;
        }
        try
        {
            return ReadCached(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private bool Recording
    {
        get
        {
            lock (_gate)
            {
                return _recorded is not null;
            }
        }
    }

    private bool Probe(string path)
    {
        var full = inner.GetFullPath(path);
        var exists = FileExistsCached(full);
        lock (_gate)
        {
            if (_recorded is not null && !_recorded.ContainsKey(full))
            {
                _recorded[full] = new InputState(exists, null);
            }
        }
        return exists;
    }

    private byte[] Read(string path)
    {
        var full = inner.GetFullPath(path);
        var bytes = ReadCached(full);
        lock (_gate)
        {
            if (_recorded is not null && _recorded.GetValueOrDefault(full)?.Bytes is null)
            {
                _recorded[full] = new InputState(true, bytes);
            }
        }
        return bytes;
    }

    private bool FileExistsCached(string full) => _exists.GetOrAdd(full, inner.FileExists);

    private byte[] ReadCached(string full)
    {
        if (_files.TryGetValue(full, out var held))
        {
            return held;
        }
        var bytes = inner.ReadAllBytes(full);
        lock (_gate)
        {
            DiskReads++;
        }
        _files[full] = bytes;
        _exists[full] = true;
        return bytes;
    }

    public string GetFullPath(string path) => inner.GetFullPath(path);

    public bool FileExists(string path) => Recording ? Probe(path) : inner.FileExists(path);

    public bool DirectoryExists(string path) => inner.DirectoryExists(path);

    public byte[] ReadAllBytes(string path) => Recording ? Read(path) : inner.ReadAllBytes(path);

    public long FileLength(string path)
    {
        var full = inner.GetFullPath(path);
        return Recording && _files.TryGetValue(full, out var bytes) ? bytes.LongLength : inner.FileLength(full);
    }

    /// <summary>
    /// Atomic as the real host's (a temporary file in the same folder, renamed over the target), but on the real file
    /// system without forcing the bytes to the disk first: a preview rebuilt on every save needs a reader never to see
    /// half a file, not each edition to survive a power cut (the next save rebuilds it). docs/watch.md says so.
    /// </summary>
    public void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        if (inner is not PhysicalHost)
        {
            inner.WriteAtomically(path, content);
            return;
        }
        var full = inner.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new OutputException(path, "is a folder: give the name of a file to write");
        }
        var directory = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, $"cannot be written ({e.Message}): choose a place you can write to");
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public void CreateDirectory(string path) => inner.CreateDirectory(path);

    public IEnumerable<string> EnumerateFiles(string directory, string pattern) => inner.EnumerateFiles(directory, pattern);

    public IEnumerable<string> EnumerateDirectories(string directory, string pattern) => inner.EnumerateDirectories(directory, pattern);

    public void MoveDirectory(string source, string destination) => inner.MoveDirectory(source, destination);

    public void DeleteDirectory(string path) => inner.DeleteDirectory(path);

    public IDisposable Lock(string path) => inner.Lock(path);

    public bool ProcessAlive(int processId) => inner.ProcessAlive(processId);

    public DateTimeOffset Now => inner.Now;

    public string? GetEnvironmentVariable(string name) => inner.GetEnvironmentVariable(name);

    public HttpMessageHandler CreateHttpHandler() => inner.CreateHttpHandler();
}

/// <summary>What a build saw of one input: whether it existed, and the bytes it read (null when it only looked for the file).</summary>
public sealed record InputState(bool Exists, byte[]? Bytes);
