using System.Text.Json;

namespace CiteCheck.Tests.Cli;

public class BaselineTests
{
    private const string Sample = "content/tajikistan/report.md";

    /// <summary>The sample's check.json, written to a temporary folder.</summary>
    private static string SampleBaseline(TempFolder folder)
    {
        var json = Path.Combine(folder.Path, "old.json");
        Assert.Equal(1, CliRun.Run("check", Sample, "--format", "json", "--output", json).ExitCode);
        return json;
    }

    [Fact]
    public void An_unchanged_report_passes_fail_on_new_though_it_fails_fail_on_error()
    {
        using var folder = new TempFolder();
        var baseline = SampleBaseline(folder);
        var result = CliRun.Run("check", Sample, "--baseline", baseline, "--fail-on", "new");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines[..^1], l => Assert.EndsWith(" [baseline]", l, StringComparison.Ordinal));
        Assert.EndsWith($"; baseline {baseline}: 0 new, 154 in baseline", lines[^1], StringComparison.Ordinal);
        Assert.Equal(1, CliRun.Run("check", Sample, "--baseline", baseline).ExitCode);
        Assert.Equal(1, CliRun.Run("check", Sample, "--baseline", baseline, "--fail-on", "warning").ExitCode);
    }

    [Fact]
    public void A_new_placeholder_link_fails_fail_on_new()
    {
        using var folder = new TempFolder();
        var baseline = SampleBaseline(folder);
        var text = File.ReadAllText(Path.Combine(Support.Repo.Root, Sample));
        var edited = text.Replace("\n## ISIS\n", "\nA new claim. (Sources: [New Source](#) [98])\n\n## ISIS\n", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        // The same folder layout as the sample, so the bibliography beside it is read the same way.
        var copy = Path.Combine(folder.Path, "tajikistan");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Path.Combine(Support.Repo.Root, "content/tajikistan")))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        var unchanged = Path.Combine(copy, "report.md");
        Assert.Equal(0, CliRun.Run("check", unchanged, "--baseline", baseline, "--fail-on", "new").ExitCode);

        File.WriteAllText(unchanged, edited);
        var result = CliRun.Run("check", unchanged, "--baseline", baseline, "--fail-on", "new");
        Assert.Equal(1, result.ExitCode);
        var fresh = result.Out.Split('\n').Where(l => l.Contains(": error CC1001 ", StringComparison.Ordinal) && !l.EndsWith(" [baseline]", StringComparison.Ordinal)).ToList();
        Assert.Contains("source 98 (New Source) links to '#'", Assert.Single(fresh), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_marks_baseline_findings_and_discrepancies()
    {
        using var folder = new TempFolder();
        var baseline = SampleBaseline(folder);
        var result = CliRun.Run("check", Sample, "--baseline", baseline, "--format", "json", "--fail-on", "new");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.All(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => Assert.True(d.GetProperty("baseline").GetBoolean()));
        Assert.All(json.RootElement.GetProperty("discrepancies").EnumerateArray(), d => Assert.True(d.GetProperty("baseline").GetBoolean()));
    }

    [Fact]
    public void Without_a_baseline_fail_on_new_fails_on_any_warning()
    {
        Assert.Equal(1, CliRun.Run("check", Sample, "--fail-on", "new").ExitCode);
        Assert.Equal(0, CliRun.Run("check", "tests/CiteCheck.Tests/Specs/Citations/clean.md", "--sources", "tests/CiteCheck.Tests/Specs/Citations/clean.sources.yaml", "--fail-on", "new").ExitCode);
    }

    [Fact]
    public void A_malformed_baseline_exits_2()
    {
        using var folder = new TempFolder();
        var bad = folder.Write("bad.json", "not json");
        var result = CliRun.Run("check", Sample, "--baseline", bad);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"citecheck: error: {bad}(1): invalid JSON", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_reads_the_baseline_before_it_replaces_that_check_json()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliRun.Run("build", Sample, "--out", folder.Path, "--format", "html").ExitCode);
        var checkJson = Path.Combine(folder.Path, "check.json");
        var result = CliRun.Run("build", Sample, "--out", folder.Path, "--format", "html", "--baseline", checkJson, "--fail-on", "new");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("; baseline ", result.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(checkJson));
        Assert.All(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => Assert.True(d.GetProperty("baseline").GetBoolean()));
    }
}
