using System.Text.Json;

namespace CiteCheck.Tests.Cli;

public class DiffTests
{
    /// <summary>
    /// Three conflicts (Khujand date, Danghara count, Moscow sentence range) and label-mismatches: the edit fixes the
    /// Khujand date, breaks the Danghara count, and adds a paragraph at the top that moves every line down.
    /// </summary>
    private const string Before = """
        # Report

        ## Overview

        On November 7, 2018, a prison riot in Khujand left 27 people dead. (Sources: [Reuters](https://r.example/1) [1])

        On July 29, 2018, an attack in Danghara killed four cyclists. (Sources: [NYT](https://n.example/2) [2])

        In February 2018, a Moscow court sentenced the plotters to 12 to 16 years. (Sources: [RFE](https://e.example/5) [5])

        ## Timeline

        - **November 8, 2018:** A riot breaks out at a high-security prison in Khujand, killing 27 inmates. (Sources: [Guardian](https://g.example/3) [3])
        - **July 29, 2018:** An attack in Danghara kills four foreign cyclists. (Sources: [Post](https://w.example/4) [4])
        - **February 2018:** A Moscow court sentences the Tajik plotters to 12 to 18 years. (Sources: [Reuters Agency](https://r.example/1) [1])

        """;

    private static string After => Before
        .Replace("**November 8, 2018:** A riot", "**November 7, 2018:** A riot", StringComparison.Ordinal)
        .Replace("kills four foreign", "kills five foreign", StringComparison.Ordinal)
        .Replace("## Overview\n", "## Overview\n\nA new paragraph moves everything down. (Sources: [Reuters](https://r.example/1) [1])\n", StringComparison.Ordinal);

    /// <summary>check.json of the report before and after the edit, each from its own folder's report.md.</summary>
    private static (string Old, string New) CheckJsons(TempFolder folder, string? after = null)
    {
        Directory.CreateDirectory(Path.Combine(folder.Path, "old"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "new"));
        var oldReport = folder.Write("old/report.md", Before);
        var newReport = folder.Write("new/report.md", after ?? After);
        var oldJson = Path.Combine(folder.Path, "old.json");
        var newJson = Path.Combine(folder.Path, "new.json");
        Assert.Equal(0, CliRun.Run("check", oldReport, "--format", "json", "--output", oldJson, "--fail-on", "never").ExitCode);
        Assert.Equal(0, CliRun.Run("check", newReport, "--format", "json", "--output", newJson, "--fail-on", "never").ExitCode);
        return (oldJson, newJson);
    }

    [Fact]
    public void An_edit_that_fixes_one_conflict_and_adds_another_is_one_new_one_resolved_and_the_rest_unchanged()
    {
        using var folder = new TempFolder();
        var (oldJson, newJson) = CheckJsons(folder);
        var result = CliRun.Run("diff", oldJson, newJson, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var findings = json.RootElement.GetProperty("findings");
        var discrepancies = json.RootElement.GetProperty("discrepancies");

        var added = Assert.Single(findings.GetProperty("new").EnumerateArray());
        Assert.Equal("CC2001", added.GetProperty("id").GetString());
        Assert.Contains("Danghara", added.GetProperty("message").GetString(), StringComparison.Ordinal);
        var resolved = Assert.Single(findings.GetProperty("resolved").EnumerateArray());
        Assert.Equal("CC2002", resolved.GetProperty("id").GetString());
        Assert.Contains("Khujand", resolved.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The Moscow conflict and the label-mismatches moved down a line: their messages' line numbers changed, they did not.
        var unchanged = findings.GetProperty("unchanged").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Contains("CC2003", unchanged);
        Assert.Contains("CC1004", unchanged);
        Assert.True(unchanged.Count >= 2);

        Assert.Single(discrepancies.GetProperty("new").EnumerateArray());
        Assert.Single(discrepancies.GetProperty("resolved").EnumerateArray());
        Assert.Single(discrepancies.GetProperty("unchanged").EnumerateArray());

        var text = CliRun.Run("diff", oldJson, newJson);
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith($"{oldJson} -> {newJson}: 1 new finding, 1 resolved, {unchanged.Count} unchanged; 1 new discrepancy, 1 resolved, 1 unchanged\n", text.Out, StringComparison.Ordinal);
        Assert.Contains("\nnew: ", text.Out, StringComparison.Ordinal);
        Assert.Contains("\nresolved: ", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_is_a_heading_with_counts_then_tables_of_new_and_resolved()
    {
        using var folder = new TempFolder();
        var (oldJson, newJson) = CheckJsons(folder);
        var result = CliRun.Run("diff", oldJson, newJson, "--format", "markdown");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n');
        Assert.Matches(@"^## CiteCheck: 2 new, 2 resolved, \d+ unchanged$", lines[0]);
        Assert.Contains("### New findings", lines);
        Assert.Contains("### Resolved findings", lines);
        Assert.Contains("### New discrepancies", lines);
        Assert.Contains("### Resolved discrepancies", lines);
        Assert.Contains("| Severity | Rule | Location | Message |", lines);
        Assert.Contains(lines, l => l.StartsWith("| warning | CC2001 count-conflict | ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| warning | CC2002 date-conflict | ", StringComparison.Ordinal));
        Assert.DoesNotContain("### Unchanged", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_runs_have_nothing_new_and_no_tables()
    {
        using var folder = new TempFolder();
        var (oldJson, _) = CheckJsons(folder);
        var result = CliRun.Run("diff", oldJson, oldJson, "--format", "markdown");
        Assert.Matches(@"^## CiteCheck: 0 new, 0 resolved, \d+ unchanged\n", result.Out);
        Assert.DoesNotContain("###", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_exits_2_with_one_line_naming_the_file_and_line()
    {
        using var folder = new TempFolder();
        var good = folder.Write("good.json", """{ "version": 1, "file": "r.md", "diagnostics": [], "discrepancies": [] }""");
        var bad = folder.Write("bad.json", "{\n  \"version\": 1,\n  \"diagnostics\": [ {,\n");
        var result = CliRun.Run("diff", good, bad);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"citecheck: error: {bad}(3): invalid JSON", line, StringComparison.Ordinal);
        result.AssertNoStackTrace();
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("missing.json", "no such file")]
    [InlineData("array.json", "not a check.json")]
    public void A_missing_file_or_another_json_exits_2_naming_it(string name, string message)
    {
        using var folder = new TempFolder();
        folder.Write("array.json", "[1, 2]");
        var good = folder.Write("good.json", """{ "diagnostics": [] }""");
        var path = Path.Combine(folder.Path, name);
        var result = CliRun.Run("diff", path, good);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"citecheck: error: {path}: {message}", line, StringComparison.Ordinal);
    }
}
