using CiteCheck.Cli;
using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Tests.Cli;

namespace CiteCheck.Tests.Compiler;

/// <summary>
/// An edition is written as a set (docs/editions.md): a reader of the output folder sees the previous set or the new
/// one, never a mix, and what a failed or killed build leaves is gone after the next build.
/// </summary>
public class EditionWriterTests
{
    private const string First = "# T\n\nPolice arrested 4 men. Source: [Reuters](#) [1]\n";
    private const string Second = "# T\n\nPolice arrested 5 men. Source: [Reuters](#) [1]\n\nAnother paragraph. Source: [AP](#) [2]\n";

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    private static string[] Beside(string parent) =>
        [.. Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    private static CliResult Run(IHost host, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr, host);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_write_that_fails_on_the_third_file_leaves_the_previous_edition_whole_and_the_next_build_cleans_up()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", First);
        var parent = Path.Combine(folder.Path, "out");
        var edition = Path.Combine(parent, "r");
        Assert.Equal(0, CliRun.Run("build", report, "--out", edition, "--format", "html").ExitCode);
        var before = Snapshot(edition);
        Assert.Equal([EditionWriter.Marker, "check.json", "discrepancies.html", "report.html"], before.Keys.Order(StringComparer.Ordinal));

        // The second build's third write fails (a full disk), and its cleanup is lost as if the process were killed.
        folder.Write("report.md", Second);
        var failing = new FaultyHost { FailOnWrite = 3, ForgetDeletes = true };
        var failed = Run(failing, "build", report, "--out", edition, "--format", "html");

        Assert.Equal(2, failed.ExitCode);
        Assert.Equal(
            $"citecheck: error: {edition}: the edition could not be written (no space left on device); the previous edition is untouched: make room, or choose another folder with --out",
            Assert.Single(failed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(before, Snapshot(edition));
        var leftover = Assert.Single(Beside(parent), n => n != "r");
        Assert.StartsWith(".r.citecheck-new-", leftover, StringComparison.Ordinal);

        var next = CliRun.Run("build", report, "--out", edition, "--format", "html");
        Assert.Equal(0, next.ExitCode);
        Assert.Equal(["r"], Beside(parent));
        var after = Snapshot(edition);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Police arrested 5 men", System.Text.Encoding.UTF8.GetString(after["report.html"]), StringComparison.Ordinal);
        Assert.Contains("Another paragraph", System.Text.Encoding.UTF8.GetString(after["check.json"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_killed_between_the_two_renames_is_recovered_by_the_next_build()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", First);
        var parent = Path.Combine(folder.Path, "out");
        var edition = Path.Combine(parent, "r");
        Assert.Equal(0, CliRun.Run("build", report, "--out", edition, "--format", "html").ExitCode);
        // What a kill after "rename the previous edition aside" leaves: no output folder, the edition aside, a staging folder.
        Directory.Move(edition, Path.Combine(parent, ".r.citecheck-old-0123"));
        Directory.CreateDirectory(Path.Combine(parent, ".r.citecheck-new-0123"));
        File.WriteAllText(Path.Combine(parent, ".r.citecheck-new-0123", "report.html"), "half");
        // Another output folder's leftovers are not this build's to clean.
        Directory.CreateDirectory(Path.Combine(parent, ".rr.citecheck-new-4567"));

        folder.Write("report.md", Second);
        Assert.Equal(0, CliRun.Run("build", report, "--out", edition, "--format", "html").ExitCode);

        Assert.Equal([".rr.citecheck-new-4567", "r"], Beside(parent));
        Assert.Contains("Police arrested 5 men", File.ReadAllText(Path.Combine(edition, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_edition_is_the_latest_set_so_a_file_the_build_no_longer_writes_is_gone()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", First);
        var edition = Path.Combine(folder.Path, "out");
        // An edition written before CiteCheck marked its folders: the four files, and a temporary file a killed run left.
        Directory.CreateDirectory(edition);
        foreach (var name in new[] { "report.html", "discrepancies.html", "report.pdf", "check.json", ".report.html.123.abc.tmp" })
        {
            File.WriteAllText(Path.Combine(edition, name), "old");
        }

        var result = CliRun.Run("build", report, "--out", edition, "--format", "html");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([EditionWriter.Marker, "check.json", "discrepancies.html", "report.html"], Snapshot(edition).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("CiteCheck edition\ndiscrepancies.html\nreport.html\ncheck.json\n", File.ReadAllText(Path.Combine(edition, EditionWriter.Marker)));
        Assert.Equal(["out", "report.md"], Beside(folder.Path));
    }

    [Fact]
    public void Out_naming_an_existing_file_is_refused()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", First);
        var file = folder.Write("notes.txt", "mine");
        var result = CliRun.Run("build", report, "--out", file, "--format", "html");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"citecheck: error: {file}: is a file, not a folder: give --out a folder for the edition's files", Assert.Single(result.ErrorLines));
        Assert.Equal("mine", File.ReadAllText(file));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Out_naming_a_folder_that_holds_other_files_is_refused_and_left_alone()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", First);
        var result = CliRun.Run("build", report, "--out", folder.Path, "--format", "html");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"citecheck: error: {folder.Path}: is not empty and holds no CiteCheck edition; choose an empty folder or one CiteCheck wrote", Assert.Single(result.ErrorLines));
        Assert.Equal(["report.md"], Beside(folder.Path));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Out_naming_the_root_is_refused()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", First);
        var root = Path.GetPathRoot(folder.Path)!;
        var result = CliRun.Run("build", report, "--out", root, "--format", "html");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"citecheck: error: {root}: is not empty and holds no CiteCheck edition; choose an empty folder or one CiteCheck wrote", Assert.Single(result.ErrorLines));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void An_edition_folder_with_files_CiteCheck_did_not_write_is_refused()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", First);
        var edition = Path.Combine(folder.Path, "out");
        Assert.Equal(0, CliRun.Run("build", report, "--out", edition, "--format", "html").ExitCode);
        File.WriteAllText(Path.Combine(edition, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(edition, ".DS_Store"), "clutter");

        var result = CliRun.Run("build", report, "--out", edition, "--format", "html");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"citecheck: error: {edition}: holds a CiteCheck edition and files CiteCheck did not write (notes.txt), which the next edition would replace; move them out or choose another folder",
            Assert.Single(result.ErrorLines));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(edition, "notes.txt")));
    }

    [Fact]
    public void Out_under_a_file_is_one_line_naming_the_place()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", First);
        var file = folder.Write("notes.txt", "mine");
        var result = CliRun.Run("build", report, "--out", Path.Combine(file, "edition"), "--format", "html");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"citecheck: error: {file}: cannot be made a folder (", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.EndsWith("): choose a place you can write to", result.ErrorLines[0], StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Output_naming_a_folder_is_refused_with_what_to_give()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", First);
        var result = CliRun.Run("check", report, "--output", folder.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"citecheck: error: {folder.Path}: is a folder: give the name of a file to write", Assert.Single(result.ErrorLines));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Output_under_a_file_is_one_line_naming_the_place_and_what_to_do()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", First);
        var file = folder.Write("notes.txt", "mine");
        var result = CliRun.Run("check", report, "--output", Path.Combine(file, "findings.txt"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"citecheck: error: {Path.Combine(file, "findings.txt")}: cannot be written (", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.EndsWith("): choose a place you can write to", result.ErrorLines[0], StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Eight_builds_into_one_folder_at_once_all_succeed_and_leave_one_whole_edition()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", Second);
        var outDir = Path.Combine(folder.Path, "out");
        var results = new CliResult[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = Run(new PhysicalHost(), "build", report, "--out", outDir, "--format", "html"));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.Equal([".citecheck-edition", "check.json", "discrepancies.html", "report.html"], Beside(outDir));
        Assert.Equal([".out.citecheck-lock", "out", "report.md"], Beside(folder.Path));
    }

    /// <summary>The real file system, whose n-th write fails as a full disk does, and which can forget its deletes (a killed process).</summary>
    private sealed class FaultyHost : IHost
    {
        private readonly PhysicalHost _inner = new();
        private int _writes;

        public int FailOnWrite { get; init; }

        public bool ForgetDeletes { get; init; }

        public bool FileExists(string path) => _inner.FileExists(path);

        public bool DirectoryExists(string path) => _inner.DirectoryExists(path);

        public byte[] ReadAllBytes(string path) => _inner.ReadAllBytes(path);

        public long FileLength(string path) => _inner.FileLength(path);

        public void WriteAtomically(string path, ReadOnlySpan<byte> content)
        {
            if (++_writes == FailOnWrite)
            {
                // What PhysicalHost says when the disk is full: the half-written file stays, as after a kill.
                File.WriteAllBytes(path, content[..(content.Length / 2)].ToArray());
                throw new OutputException(path, "cannot be written (no space left on device): choose a place you can write to", "no space left on device");
            }
            _inner.WriteAtomically(path, content);
        }

        public void CreateDirectory(string path) => _inner.CreateDirectory(path);

        public IEnumerable<string> EnumerateFiles(string directory, string pattern) => _inner.EnumerateFiles(directory, pattern);

        public IEnumerable<string> EnumerateDirectories(string directory, string pattern) => _inner.EnumerateDirectories(directory, pattern);

        public void MoveDirectory(string source, string destination) => _inner.MoveDirectory(source, destination);

        public void DeleteDirectory(string path)
        {
            if (!ForgetDeletes)
            {
                _inner.DeleteDirectory(path);
            }
        }

        public DateTimeOffset Now => _inner.Now;

        public string? GetEnvironmentVariable(string name) => _inner.GetEnvironmentVariable(name);

        public HttpMessageHandler CreateHttpHandler() => _inner.CreateHttpHandler();
    }
}
