using CiteCheck.Model;

namespace CiteCheck.Compiler;

/// <summary>The real file system, clock and environment.</summary>
public sealed class PhysicalHost : IHost
{
    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public string RealPath(string path)
    {
        // Component by component from the root, following each link (a relative target from the link's folder).
        var pending = new Stack<string>(Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = Path.GetPathRoot(Path.GetFullPath(path)) ?? "/";
        var links = 0;
        while (pending.TryPop(out var part))
        {
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null || ++links > 40)
            {
                current = next;
                continue;
            }
            var resolved = Path.GetFullPath(target, current);
            foreach (var piece in resolved.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(piece);
            }
            current = Path.GetPathRoot(resolved) ?? "/";
        }
        return current;
    }

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

    public long FileLength(string path) => new FileInfo(path).Length;

    public void WriteAtomically(string path, ReadOnlySpan<byte> content) => WriteAtomically(path, content, flush: true);

    public void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new OutputException(path, "is a folder: give the name of a file to write");
        }
        var directory = Path.GetDirectoryName(full)!;
        try
        {
            Write(full, directory, write, flush: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, $"cannot be written ({Reason(e)}): choose a place you can write to", Reason(e));
        }
    }

    public void WriteAtomicallyUnflushed(string path, ReadOnlySpan<byte> content) => WriteAtomically(path, content, flush: false);

    private static void WriteAtomically(string path, ReadOnlySpan<byte> content, bool flush)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new OutputException(path, "is a folder: give the name of a file to write");
        }
        var directory = Path.GetDirectoryName(full)!;
        try
        {
            Write(full, directory, content, flush);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, $"cannot be written ({Reason(e)}): choose a place you can write to", Reason(e));
        }
    }

    private static void Write(string full, string directory, ReadOnlySpan<byte> content, bool flush)
    {
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: flush);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static void Write(string full, string directory, Action<Stream> write, bool flush)
    {
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: flush);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public void CreateDirectory(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, $"cannot be made a folder ({Reason(e)}): choose a place you can write to", Reason(e));
        }
    }

    public IEnumerable<string> EnumerateFiles(string directory, string pattern) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, pattern) : [];

    public IEnumerable<string> EnumerateDirectories(string directory, string pattern) =>
        Directory.Exists(directory) ? Directory.EnumerateDirectories(directory, pattern) : [];

    public void MoveDirectory(string source, string destination)
    {
        try
        {
            Directory.Move(source, destination);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(destination, $"cannot be put in place ({Reason(e)}): choose a folder you can write to", Reason(e));
        }
    }

    public void DeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, $"cannot be deleted ({Reason(e)})", Reason(e));
        }
    }

    /// <summary>Why the system refused, in a few words: the exception's message without the path it repeats.</summary>
    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        _ => System.Text.RegularExpressions.Regex.Replace(e.Message, @"\s*:?\s*'[^']*'\.?", "").TrimEnd('.', ' ') is { Length: > 0 } m
            ? char.ToLowerInvariant(m[0]) + m[1..]
            : "input/output error",
    };

    public DateTimeOffset Now =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : DateTimeOffset.UtcNow;

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    public HttpMessageHandler CreateHttpHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    /// <summary>One gate per lock path for the threads of this process: the file lock keeps other processes out.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public IDisposable Lock(string path)
    {
        var full = Path.GetFullPath(path);
        var gate = Gates.GetOrAdd(full, _ => new SemaphoreSlim(1, 1));
        if (!gate.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new OutputException(path, "cannot be locked: another build in this process is stuck writing this edition");
        }
        try
        {
            return new Turn(gate, LockFile(full));
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private static FileStream LockFile(string path)
    {
        // An exclusive open is the lock between processes (advisory on Unix, enforced on Windows); the system releases it
        // when the process dies. The file stays: deleting it on release would let a waiter lock the unlinked file while a
        // newcomer locks a new one.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException e) when (IsLockConflict(e) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(25);
            }
            catch (IOException e) when (IsLockConflict(e))
            {
                throw new OutputException(path, $"cannot be locked ({e.Message}): another build may be stuck writing this edition");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputException(path, $"cannot be written ({Reason(e)}): choose a folder you can write to with --out", Reason(e));
            }
        }
    }

    /// <summary>
    /// Another process holds the lock (a sharing violation, or EWOULDBLOCK/EAGAIN from the file lock on Unix); anything
    /// else — a read-only file system, a missing folder — will not go away by waiting and is reported at once.
    /// </summary>
    private static bool IsLockConflict(IOException e) => (e.HResult & 0xFFFF) is 32 or 33 or 11 || e.HResult == unchecked((int)0x80070020);

    /// <summary>A held turn: the file lock, then this process's gate, released in that order.</summary>
    private sealed class Turn(SemaphoreSlim gate, FileStream file) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                file.Dispose();
                gate.Release();
            }
        }
    }

    public bool ProcessAlive(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
