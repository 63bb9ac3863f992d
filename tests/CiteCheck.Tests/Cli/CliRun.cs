using CiteCheck.Cli;
using CiteCheck.Compiler;
using CiteCheck.Model;

namespace CiteCheck.Tests.Cli;

/// <summary>Runs the command line in process, with relative paths resolved against a base folder (the repository by default).</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Unreadable input is reported as plain lines, never as an exception with its stack trace.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", Error, StringComparison.Ordinal);
    }
}

public static class CliRun
{
    public static CliResult Run(params string[] args) => In(Support.Repo.Root, args);

    public static CliResult In(string baseDirectory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr, new RootedHost(baseDirectory));
        return new CliResult(code, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString().Replace("\r\n", "\n"));
    }

    /// <summary>The physical host, with relative paths taken from a base folder instead of the process's current directory.</summary>
    private sealed class RootedHost(string root) : IHost
    {
        private readonly PhysicalHost _inner = new();

        private string Full(string path) => Path.IsPathRooted(path) ? path : Path.Combine(root, path);

        public bool FileExists(string path) => _inner.FileExists(Full(path));

        public bool DirectoryExists(string path) => _inner.DirectoryExists(Full(path));

        public string RealPath(string path) => _inner.RealPath(Full(path));

        public byte[] ReadAllBytes(string path) => _inner.ReadAllBytes(Full(path));

        public long FileLength(string path) => _inner.FileLength(Full(path));

        public void WriteAtomically(string path, ReadOnlySpan<byte> content) => _inner.WriteAtomically(Full(path), content);

        public void WriteAtomically(string path, Action<Stream> write) => _inner.WriteAtomically(Full(path), write);

        public void CreateDirectory(string path) => _inner.CreateDirectory(Full(path));

        public IEnumerable<string> EnumerateFiles(string directory, string pattern) => _inner.EnumerateFiles(Full(directory), pattern);

        public IEnumerable<string> EnumerateDirectories(string directory, string pattern) => _inner.EnumerateDirectories(Full(directory), pattern);

        public void MoveDirectory(string source, string destination) => _inner.MoveDirectory(Full(source), Full(destination));

        public void DeleteDirectory(string path) => _inner.DeleteDirectory(Full(path));

        public string GetFullPath(string path) => Path.GetFullPath(Full(path));

        public DateTimeOffset Now => _inner.Now;

        public string? GetEnvironmentVariable(string name) => _inner.GetEnvironmentVariable(name);

        public HttpMessageHandler CreateHttpHandler() => _inner.CreateHttpHandler();
    }
}

/// <summary>A temporary folder for one test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("citecheck-cli-").FullName;

    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
