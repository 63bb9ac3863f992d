using System.Text;
using CiteCheck.Checks.Figures;
using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Watch;
using CiteCheck.Watch.Inputs;

namespace CiteCheck.Tests.Watch;

/// <summary>
/// What makes the watch's caches safe: after every edit of a sequence (report, bibliography, review file, an edit undone),
/// the folder the incremental rebuild wrote holds exactly the bytes a cold build of the same inputs writes; the rebuild
/// writes only the files whose bytes changed; the cross-check re-reads only the claims an edit changed; and the cache
/// does not grow with the number of edits.
/// </summary>
public sealed class IncrementalEquivalenceTests : IDisposable
{
    private static readonly DateTimeOffset BuildTime = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private readonly WatchCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    private string ReportText
    {
        get => File.ReadAllText(_copy.Report);
        set => File.WriteAllText(_copy.Report, value, new UTF8Encoding(false));
    }

    private string Review => Path.Combine(_copy.Folder, "review.yaml");

    private void Replace(string from, string to)
    {
        var text = ReportText;
        Assert.Contains(from, text, StringComparison.Ordinal);
        ReportText = text.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void After_every_edit_the_incremental_edition_is_byte_identical_to_a_cold_build()
    {
        var host = new CachingHost(new FixedClockHost(BuildTime));
        var builder = new IncrementalBuilder(host, _copy.Options());
        var first = builder.Build([], force: true);
        Assert.Equal(BuildStatus.Built, first.Status);
        Assert.Equal(first.Files.Select(f => f.Name), first.Written);
        AssertSameAsCold("the first build");
        var original = ReportText;
        var previous = first.Files;
        var partial = 0;
        var detained = new List<bool>();
        (string What, Action Edit, string[] Changed)[] edits =
        [
            ("a heading renamed", () => _copy.RenameOverview("Wombatquill"), [_copy.Report]),
            ("a figure changed", () => Replace("The attacks killed at least 35 people", "The attacks killed at least 36 people"), [_copy.Report]),
            ("a figure changed back, so the conflict is as before", () => Replace("at least 36 people", "at least 35 people"), [_copy.Report]),
            ("a cited paragraph added, moving every line after it", () => Replace("\n## ISIS\n", "\n## ISIS\n\nOn 3 March 2016, police detained 14 men in Khujand. (Sources: [Reuters](#) [62])\n"), [_copy.Report]),
            ("a year put in a heading", () => Replace("\n## ISIS\n", "\n## ISIS in 2016\n"), [_copy.Report]),
            ("one raid told twice, once dated by its heading: a conflict", () =>
            {
                Replace("\n## Islamic Renaissance Party of Tajikistan\n", "\n### Raids of 2017\n\nOn 3 March, police detained 14 men in Khujand after a raid on a mosque. (Sources: [Reuters](#) [62])\n\n## Islamic Renaissance Party of Tajikistan\n");
                Replace("\n## International Counter-Extremism\n", "\nOn March 3, 2017, police detained 19 men in Khujand after a raid on a mosque. (Sources: [Reuters](#) [62])\n\n## International Counter-Extremism\n");
            }, [_copy.Report]),
            ("the heading's year changed: the same sentence now reads another date, and the conflict goes", () => Replace("### Raids of 2017", "### Raids of 2019"), [_copy.Report]),
            ("a paragraph deleted", () => ReportText = string.Join("\n\n", ReportText.Split("\n\n").Where(p => !p.Contains("Twelve senior IRPT leaders", StringComparison.Ordinal))), [_copy.Report]),
            ("a source added to sources.yaml", () => File.AppendAllText(_copy.Sources, "  - id: 98\n    publisher: Unused Gazette\n"), [_copy.Sources]),
            ("a review file added", () => File.WriteAllText(Review, "reviews:\n  - id: D1a7139ac36\n    status: explained\n    note: The riot began late on one day and ended on the next.\n"), [Review]),
            ("the review file removed", () => File.Delete(Review), [Review]),
            ("the report put back as it was", () => ReportText = original, [_copy.Report]),
            ("a sentence of the timeline edited", () => Replace("The attacks kill at least 22", "The attacks kill at least 23"), [_copy.Report]),
        ];
        foreach (var (what, edit, changed) in edits)
        {
            edit();
            var outcome = builder.Build(changed);
            Assert.True(outcome.Status == BuildStatus.Built, $"{what}: {outcome.Status} {string.Join(" ", outcome.Errors)}");
            AssertSameAsCold(what);
            // Exactly the files whose bytes changed were written.
            var expected = outcome.Files.Where((f, i) => !f.Content.AsSpan().SequenceEqual(previous[i].Content)).Select(f => f.Name);
            Assert.Equal(expected, outcome.Written);
            partial += outcome.Written.Count < outcome.Files.Count ? 1 : 0;
            detained.Add(outcome.Report!.Discrepancies.Any(d => d.Subject.Contains("detained", StringComparison.Ordinal)));
            previous = outcome.Files;
        }
        Assert.True(partial > 0, "no rebuild left a file untouched: the changed-files-only write was never taken");
        // The edits did what they say: the raid's conflict came with the heading of 2017 and went with 2019.
        Assert.Equal([false, false, false, false, false, true, false], detained.Take(7));
    }

    [Fact]
    public void An_edited_sentence_is_the_only_claim_read_again_and_the_cache_does_not_grow_with_the_edits()
    {
        var host = new CachingHost(new FixedClockHost(BuildTime));
        var builder = new IncrementalBuilder(host, _copy.Options());
        var first = builder.Build([], force: true);
        var claims = first.Report!.Document.Claims.Count();
        Assert.True(first.ClaimsRead >= claims * 9 / 10, $"the first build read {first.ClaimsRead} of {claims} claims");
        // One read of the report alone fills this many entries; the session keeps at most two reads' worth.
        var oneRead = new FactCache();
        FactReader.Read(first.Report.Document, oneRead);
        var counts = new List<int>();
        var original = ReportText;
        for (var i = 0; i < 30; i++)
        {
            ReportText = original.Replace("The attacks killed at least 35 people", $"The attacks killed at least 35 people near Checkpoint{i}", StringComparison.Ordinal);
            var outcome = builder.Build([_copy.Report]);
            Assert.Equal(BuildStatus.Built, outcome.Status);
            Assert.Equal(1, outcome.ClaimsRead);
            counts.Add(builder.Facts.Count);
        }
        Assert.True(counts[^1] <= 2 * oneRead.Count, $"{counts[^1]} entries held, more than two reads' {2 * oneRead.Count}");
        Assert.Equal(counts[5], counts[^1]);
        AssertSameAsCold("the thirtieth edit");
    }

    [Fact]
    public void A_file_put_into_the_output_folder_between_builds_stops_the_rebuild_as_it_stops_build()
    {
        var host = new CachingHost(new FixedClockHost(BuildTime));
        var builder = new IncrementalBuilder(host, _copy.Options());
        Assert.Equal(BuildStatus.Built, builder.Build([], force: true).Status);
        File.WriteAllText(Path.Combine(_copy.Out, "notes.txt"), "mine\n");
        _copy.RenameOverview("Afternotes");
        var outcome = builder.Build([_copy.Report]);
        Assert.Equal(BuildStatus.Failed, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Contains("notes.txt", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_copy.Out, "notes.txt")));
    }

    [Fact]
    public void An_edition_file_changed_by_hand_is_written_again_whole()
    {
        var host = new CachingHost(new FixedClockHost(BuildTime));
        var builder = new IncrementalBuilder(host, _copy.Options());
        Assert.Equal(BuildStatus.Built, builder.Build([], force: true).Status);
        File.WriteAllText(Path.Combine(_copy.Out, "discrepancies.html"), "edited by hand\n");
        _copy.RenameOverview("Afterhand");
        var outcome = builder.Build([_copy.Report]);
        Assert.Equal(BuildStatus.Built, outcome.Status);
        Assert.Equal(outcome.Files.Select(f => f.Name), outcome.Written);
        AssertSameAsCold("after a hand edit of the edition");
    }

    /// <summary>Builds the copy's inputs cold (a new host, no cache) into another folder, and compares every file, the marker included.</summary>
    private void AssertSameAsCold(string what)
    {
        var cold = Path.Combine(_copy.Folder, "cold");
        var host = new FixedClockHost(BuildTime);
        var report = Pipeline.Compile(host, _copy.Report, new CompileOptions());
        Builder.Build(host, report, cold, ["html"], new EditionOptions { BuildTime = BuildTime });
        var expected = Directory.GetFiles(cold).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var actual = Directory.GetFiles(_copy.Out).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        foreach (var name in expected)
        {
            var same = File.ReadAllBytes(Path.Combine(cold, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_copy.Out, name!)));
            Assert.True(same, $"{what}: {name} differs from a cold build's");
        }
        Assert.Empty(Directory.GetDirectories(_copy.Out));
    }

    /// <summary>The physical file system with a fixed clock, so two builds of the same inputs write the same bytes.</summary>
    private sealed class FixedClockHost(DateTimeOffset now) : IHost
    {
        private readonly IHost _inner = new PhysicalHost();

        public string GetFullPath(string path) => _inner.GetFullPath(path);

        public bool FileExists(string path) => _inner.FileExists(path);

        public string RealPath(string path) => _inner.RealPath(path);

        public bool DirectoryExists(string path) => _inner.DirectoryExists(path);

        public byte[] ReadAllBytes(string path) => _inner.ReadAllBytes(path);

        public long FileLength(string path) => _inner.FileLength(path);

        public void WriteAtomically(string path, ReadOnlySpan<byte> content) => _inner.WriteAtomically(path, content);

        public void CreateDirectory(string path) => _inner.CreateDirectory(path);

        public IEnumerable<string> EnumerateFiles(string directory, string pattern) => _inner.EnumerateFiles(directory, pattern);

        public IEnumerable<string> EnumerateDirectories(string directory, string pattern) => _inner.EnumerateDirectories(directory, pattern);

        public void MoveDirectory(string source, string destination) => _inner.MoveDirectory(source, destination);

        public void DeleteDirectory(string path) => _inner.DeleteDirectory(path);

        public IDisposable Lock(string path) => _inner.Lock(path);

        public bool ProcessAlive(int processId) => _inner.ProcessAlive(processId);

        public DateTimeOffset Now => now;

        public string? GetEnvironmentVariable(string name) => _inner.GetEnvironmentVariable(name);

        public HttpMessageHandler CreateHttpHandler() => _inner.CreateHttpHandler();
    }
}
