using CiteCheck.Compiler.Output;

namespace CiteCheck.Tests.Cli;

/// <summary>Every count in a summary line agrees with its number: "1 error", "0 errors", "1 info finding", "2 discrepancies".</summary>
public class SummaryTests
{
    /// <summary>One discrepancy: the Ferrow bombing killed 14 in the overview and 19 in the timeline.</summary>
    private const string OneDiscrepancy = """
        # Northland

        On 12 March 2021, a bomb in the market of Ferrow killed 14 people. (Sources: [Reuters](https://example.org/a) [1])

        ## Timeline

        - **March 12, 2021:** A bomb explodes in the Ferrow market, killing 19 people. (Source: [AP](https://example.org/b) [2])
        """;

    [Theory]
    [InlineData(0, "errors")]
    [InlineData(1, "error")]
    [InlineData(2, "errors")]
    public void A_count_takes_the_singular_only_for_one(int n, string noun) =>
        Assert.Equal($"{n} {noun}", Counts.Of(n, "error"));

    [Theory]
    [InlineData(0, "0 discrepancies")]
    [InlineData(1, "1 discrepancy")]
    [InlineData(2, "2 discrepancies")]
    public void An_irregular_plural_is_given(int n, string expected) =>
        Assert.Equal(expected, Counts.Of(n, "discrepancy", "discrepancies"));

    [Fact]
    public void One_of_each_is_singular()
    {
        using var folder = new TempFolder();
        folder.Write("report.md", "Police arrested 4 men. Source: [Reuters](#) [1]\n");
        var result = CliRun.In(folder.Path, "check", "report.md");
        Assert.Equal("report.md: 1 error, 0 warnings, 0 info findings; 1 claim, 1 citation, 0 discrepancies (0 open)", result.Out.TrimEnd('\n').Split('\n')[^1]);
    }

    [Fact]
    public void Two_info_findings_are_info_findings_never_infos()
    {
        using var folder = new TempFolder();
        folder.Write("report.md", "Police arrested 4 men.\n\nThe riot killed 29 people.\n");
        var result = CliRun.In(folder.Path, "check", "report.md");
        Assert.Equal("report.md: 0 errors, 0 warnings, 2 info findings; 2 claims, 0 citations, 0 discrepancies (0 open)", result.Out.TrimEnd('\n').Split('\n')[^1]);
        Assert.DoesNotContain("infos", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void One_discrepancy_is_one_discrepancy_in_every_summary()
    {
        using var folder = new TempFolder();
        folder.Write("report.md", OneDiscrepancy);
        var check = CliRun.In(folder.Path, "check", "report.md");
        Assert.EndsWith("1 warning, 0 info findings; 2 claims, 2 citations, 1 discrepancy (1 open)\n", check.Out, StringComparison.Ordinal);

        var text = CliRun.In(folder.Path, "discrepancies", "report.md");
        Assert.EndsWith("report.md: 1 discrepancy, 1 open\n", text.Out, StringComparison.Ordinal);
        var markdown = CliRun.In(folder.Path, "discrepancies", "report.md", "--format", "markdown");
        Assert.StartsWith("### CiteCheck: 1 discrepancy in `report.md` (1 open)", markdown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explained_discrepancy_is_one_info_finding()
    {
        using var folder = new TempFolder();
        folder.Write("report.md", OneDiscrepancy);
        var id = System.Text.Json.JsonDocument.Parse(CliRun.In(folder.Path, "discrepancies", "report.md", "--format", "json").Out)
            .RootElement.GetProperty("discrepancies")[0].GetProperty("id").GetString();
        folder.Write("review.yaml", $"reviews:\n  - id: {id}\n    status: explained\n    note: the toll rose overnight\n");
        var check = CliRun.In(folder.Path, "check", "report.md");
        Assert.EndsWith("0 errors, 0 warnings, 1 info finding; 2 claims, 2 citations, 1 discrepancy (0 open)\n", check.Out, StringComparison.Ordinal);
    }
}
