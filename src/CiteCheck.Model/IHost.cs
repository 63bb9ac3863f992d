namespace CiteCheck.Model;

/// <summary>
/// The one door to the outside world (files, clock, environment), after Typst's World: the pipeline and the checks
/// reach nothing else, so tests run on fakes. HTTP reaches the link checker through <see cref="CreateHttpHandler"/>.
/// </summary>
public interface IHost
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    byte[] ReadAllBytes(string path);

    /// <summary>The size of a file in bytes, read before the file is (so an oversized input is refused unread).</summary>
    long FileLength(string path) => ReadAllBytes(path).LongLength;

    /// <summary>Writes through a temporary file in the same folder, then renames it over the target.</summary>
    void WriteAtomically(string path, ReadOnlySpan<byte> content);

    void CreateDirectory(string path);

    IEnumerable<string> EnumerateFiles(string directory, string pattern);

    /// <summary>Now, or the time fixed by SOURCE_DATE_EPOCH when it is set.</summary>
    DateTimeOffset Now { get; }

    string? GetEnvironmentVariable(string name);

    /// <summary>The HTTP handler the link checker sends requests through.</summary>
    HttpMessageHandler CreateHttpHandler();
}

/// <summary>Input that cannot be read or parsed: reported as one clear line naming file and line, exit code 2.</summary>
public sealed class InputException(string file, int? line, string message) : Exception(message)
{
    public string File { get; } = file;

    public int? Line { get; } = line;

    public override string ToString() => Line is { } l ? $"{File}({l}): {Message}" : $"{File}: {Message}";
}

/// <summary>A place the user asked CiteCheck to write to that cannot take the output (a folder, read-only, full): exit code 2.</summary>
public sealed class OutputException(string path, string message) : Exception(message)
{
    public string Path { get; } = path;

    public override string ToString() => $"{Path}: {Message}";
}
