namespace CiteCheck.Model;

/// <summary>
/// The one door to the outside world (files, clock, environment), after Typst's World: the pipeline and the checks
/// reach nothing else, so tests run on fakes. HTTP reaches the link checker through <see cref="CreateHttpHandler"/>.
/// </summary>
public interface IHost
{
    /// <summary>The absolute form of a path, relative ones taken from the working folder.</summary>
    string GetFullPath(string path) => Path.GetFullPath(path);

    bool FileExists(string path);

    /// <summary>
    /// The absolute path with every symbolic link on it followed (like realpath(3)): where a read of the path really
    /// goes. Hosts without links return the full path.
    /// </summary>
    string RealPath(string path) => GetFullPath(path);

    bool DirectoryExists(string path);

    byte[] ReadAllBytes(string path);

    /// <summary>The size of a file in bytes, read before the file is (so an oversized input is refused unread).</summary>
    long FileLength(string path) => ReadAllBytes(path).LongLength;

    /// <summary>Writes through a temporary file in the same folder, then renames it over the target.</summary>
    void WriteAtomically(string path, ReadOnlySpan<byte> content);

    /// <summary>
    /// Atomic as <see cref="WriteAtomically(string, ReadOnlySpan{byte})"/>, the content written by <paramref name="write"/>
    /// into an empty, seekable and readable stream as it is made, so a large output is never held whole (the real host
    /// streams it into the temporary file). The default gathers it in memory and writes that.
    /// </summary>
    void WriteAtomically(string path, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        WriteAtomically(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>
    /// Atomic as <see cref="WriteAtomically"/> (a reader never sees half a file), without forcing the bytes to the disk
    /// first: for files whose loss in a power cut costs only work done again, such as the link cache's entries (a damaged
    /// entry is a miss). A disk flush per entry was most of a link check's system time. The default flushes.
    /// </summary>
    void WriteAtomicallyUnflushed(string path, ReadOnlySpan<byte> content) => WriteAtomically(path, content);

    void CreateDirectory(string path);

    IEnumerable<string> EnumerateFiles(string directory, string pattern);

    /// <summary>The folders directly inside <paramref name="directory"/> whose names match <paramref name="pattern"/> (none when it does not exist).</summary>
    IEnumerable<string> EnumerateDirectories(string directory, string pattern);

    /// <summary>Renames a folder (same file system: one atomic rename). The target must not exist.</summary>
    void MoveDirectory(string source, string destination);

    /// <summary>Deletes a folder and everything in it; nothing happens when it does not exist.</summary>
    void DeleteDirectory(string path);

    /// <summary>
    /// Holds an exclusive lock named by <paramref name="path"/> until disposed, waiting for another process that holds it
    /// (builds into one folder take turns to swap their editions in). The default takes no lock, for hosts of one process.
    /// </summary>
    IDisposable Lock(string path) => NoLock.Instance;

    /// <summary>Whether the process with this id is still running (a staging folder of a live build is not a leftover).</summary>
    bool ProcessAlive(int processId) => false;

    /// <summary>Now, or the time fixed by SOURCE_DATE_EPOCH when it is set.</summary>
    DateTimeOffset Now { get; }

    string? GetEnvironmentVariable(string name);

    /// <summary>The HTTP handler the link checker sends requests through.</summary>
    HttpMessageHandler CreateHttpHandler();
}

/// <summary>
/// Input that cannot be read or parsed: reported as one clear line naming file and line (and the column, where the reader
/// knows it: <c>sources.json(3,14): …</c>), exit code 2.
/// </summary>
public sealed class InputException(string file, int? line, string message, int? column = null) : Exception(message)
{
    public string File { get; } = file;

    public int? Line { get; } = line;

    /// <summary>The 1-based column, when known (the CSL-JSON reader gives one); printed only with a line.</summary>
    public int? Column { get; } = column;

    public override string ToString() => (Line, Column) switch
    {
        ({ } l, { } c) => $"{File}({l},{c}): {Message}",
        ({ } l, null) => $"{File}({l}): {Message}",
        _ => $"{File}: {Message}",
    };
}

/// <summary>A place the user asked CiteCheck to write to that cannot take the output (a folder, read-only, full): exit code 2.</summary>
public sealed class OutputException(string path, string message, string? reason = null) : Exception(message)
{
    public string Path { get; } = path;

    /// <summary>The system's reason in a few words ("permission denied", "no space left on device"), when it gave one.</summary>
    public string? Reason { get; } = reason;

    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The lock of a host that runs one build at a time.</summary>
public sealed class NoLock : IDisposable
{
    public static NoLock Instance { get; } = new();

    public void Dispose()
    {
    }
}
