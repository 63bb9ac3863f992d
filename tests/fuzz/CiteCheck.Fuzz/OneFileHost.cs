using CiteCheck.Model;

namespace CiteCheck.Fuzz;

/// <summary>A host that holds one file in memory and nothing else (no sources.yaml, no review.yaml beside it).</summary>
internal sealed class OneFileHost(string path, byte[] content) : IHost
{
    public bool FileExists(string p) => p == path;

    public bool DirectoryExists(string p) => false;

    public byte[] ReadAllBytes(string p) => p == path ? content : throw new FileNotFoundException(p);

    public long FileLength(string p) => content.LongLength;

    public void WriteAtomically(string p, ReadOnlySpan<byte> bytes) => throw new NotSupportedException("the fuzz target writes nothing");

    public void CreateDirectory(string p) => throw new NotSupportedException("the fuzz target writes nothing");

    public IEnumerable<string> EnumerateFiles(string directory, string pattern) => [];

    public IEnumerable<string> EnumerateDirectories(string directory, string pattern) => [];

    public void MoveDirectory(string source, string destination) => throw new NotSupportedException("the fuzz target writes nothing");

    public void DeleteDirectory(string p) => throw new NotSupportedException("the fuzz target writes nothing");

    public DateTimeOffset Now => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string? GetEnvironmentVariable(string name) => null;

    public HttpMessageHandler CreateHttpHandler() => throw new NotSupportedException("the fuzz target does not check links");
}
