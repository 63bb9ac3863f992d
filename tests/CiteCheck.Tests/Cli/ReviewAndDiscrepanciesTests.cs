using System.Text.Json;

namespace CiteCheck.Tests.Cli;

/// <summary>The reviewer's side of the cross-check: the discrepancies command and review.yaml decisions.</summary>
public class ReviewAndDiscrepanciesTests
{
    private const string Report = """
        # Northland

        On 12 March 2021, a bomb in the market of Ferrow killed 14 people. (Sources: [Reuters](https://example.org/a) [1])

        ## Timeline

        - **March 12, 2021:** A bomb explodes in the Ferrow market, killing 19 people. (Source: [AP](https://example.org/b) [2])
        """;

    private static string Id(string folder)
    {
        var run = CliRun.Run("discrepancies", Path.Combine(folder, "report.md"), "--format", "json");
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement.GetProperty("discrepancies")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public void Discrepancies_lists_each_side_with_its_location_and_sources()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", Report);
        var text = CliRun.Run("discrepancies", report);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("count [open]", text.Out, StringComparison.Ordinal);
        Assert.Contains("A. 14", text.Out, StringComparison.Ordinal);
        Assert.Contains("B. 19", text.Out, StringComparison.Ordinal);
        Assert.Contains("report.md(3,1)", text.Out, StringComparison.Ordinal);
        Assert.Contains("source 2 (AP)", text.Out, StringComparison.Ordinal);

        var markdown = CliRun.Run("discrepancies", report, "--format", "markdown");
        Assert.Contains("| | value | where | sources | claim |", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("| A | 14 | line 3, Northland | 1 (Reuters) |", markdown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explained_discrepancy_is_info_with_its_note_and_does_not_fail_a_warning_gate()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", Report);
        Assert.Equal(1, CliRun.Run("check", report, "--fail-on", "warning").ExitCode);
        folder.Write("review.yaml", $"reviews:\n  - id: {Id(folder.Path)}\n    status: explained\n    note: the toll rose overnight\n");
        var check = CliRun.Run("check", report, "--fail-on", "warning");
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("info CC2001 count-conflict", check.Out, StringComparison.Ordinal);
        Assert.Contains("[note: explained: the toll rose overnight]", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_discrepancy_marked_fixed_that_is_still_there_stays_open()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", Report);
        folder.Write("review.yaml", $"- id: {Id(folder.Path)}\n  status: fixed\n");
        var check = CliRun.Run("check", report, "--fail-on", "warning");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("warning CC2001 count-conflict", check.Out, StringComparison.Ordinal);
        Assert.Contains("still disagrees", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_that_names_no_discrepancy_is_stale_at_its_line()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", Report);
        folder.Write("review.yaml", $"reviews:\n  - id: {Id(folder.Path)}\n    status: accepted\n  - id: D0000000000\n    status: explained\n");
        var check = CliRun.Run("check", report, "--fail-on", "never");
        Assert.Contains("review.yaml(4,5): warning CC2008 stale-review: review of D0000000000", check.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- id: D1\n  status: maybe\n", "review.yaml(1): review D1 has status 'maybe'")]
    [InlineData("- id: D1\n", "review.yaml(1): review D1 has no status")]
    [InlineData("reviews: [unclosed\n", "review.yaml(")]
    [InlineData("reviews: 3\n", "review.yaml(1): expected a list of reviews")]
    public void A_malformed_review_file_is_exit_2_with_its_line(string yaml, string expected)
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", Report);
        folder.Write("review.yaml", yaml);
        var check = CliRun.Run("check", report);
        Assert.Equal(2, check.ExitCode);
        Assert.Contains(expected, check.Error, StringComparison.Ordinal);
        check.AssertNoStackTrace();
    }
}
