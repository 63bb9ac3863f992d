using System.Text.Json;
using System.Text.RegularExpressions;

namespace CiteCheck.Tests.Cli;

public class CheckCommandTests
{
    private const string Sample = "content/tajikistan/report.md";

    /// <summary>The sample's summary line; the counts of other stages (the cross-check's warnings) are not pinned here.</summary>
    private const string SampleSummary = @"^content/tajikistan/report\.md: 133 errors, \d+ warnings?, \d+ info findings?; 181 claims, 133 citations, \d+ discrepanc(y|ies) \(\d+ open\)$";

    /// <summary>A report whose only finding is a warning (label-mismatch between two citations of source 1).</summary>
    private const string OnlyAWarning = "One. Source: [Reuters](https://r.example/1) [1]\n\nTwo. Source: [Reuters Agency](https://r.example/1) [1]\n";

    [Fact]
    public void The_sample_fails_with_its_placeholder_links_and_prints_compiler_style_lines()
    {
        var result = CliRun.Run("check", Sample);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(135, lines.Count(l => l.Contains(": error CC1001 placeholder-link: ", StringComparison.Ordinal) || l.Contains(": warning CC1004 label-mismatch: ", StringComparison.Ordinal)));
        Assert.Contains("content/tajikistan/report.md(5,577): error CC1001 placeholder-link: source 3 (Gulmurod Khalimov) links to '#', a placeholder; give the source's URL", lines);
        Assert.All(lines[..^1], l => Assert.Matches(@"^content/tajikistan/report\.md\(\d+,\d+\): (error|warning|info) CC\d{4} [a-z-]+: .+$", l));
        Assert.Matches(SampleSummary, lines[^1]);
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("error", 1)]
    [InlineData("warning", 1)]
    [InlineData("never", 0)]
    public void Fail_on_sets_the_threshold_for_the_sample(string failOn, int expected)
    {
        Assert.Equal(expected, CliRun.Run("check", Sample, "--fail-on", failOn).ExitCode);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("never", 0)]
    public void Fail_on_warning_fails_on_a_warning_that_error_lets_pass(string? failOn, int expected)
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", OnlyAWarning);
        var result = CliRun.Run(failOn is null ? ["check", report] : ["check", report, "--fail-on", failOn]);
        Assert.Contains("warning CC1004 label-mismatch", result.Out, StringComparison.Ordinal);
        Assert.Equal(expected, result.ExitCode);
    }

    [Fact]
    public void A_clean_report_exits_zero()
    {
        var result = CliRun.Run("check", "tests/CiteCheck.Tests/Specs/Citations/clean.md", "--sources", "tests/CiteCheck.Tests/Specs/Citations/clean.sources.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("tests/CiteCheck.Tests/Specs/Citations/clean.md: 0 errors, 0 warnings, 0 info findings; 11 claims, 6 citations, 0 discrepancies (0 open)\n", result.Out);
    }

    [Fact]
    public void Github_format_prints_workflow_commands()
    {
        var result = CliRun.Run("check", Sample, "--format", "github");
        Assert.Equal(1, result.ExitCode);
        var commands = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Equal(135, commands.Count(c => c.Contains(",title=CC1", StringComparison.Ordinal)));
        Assert.All(commands, c => Assert.Matches(@"^::(error|warning|notice) file=content/tajikistan/report\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=CC\d{4} [a-z-]+::.+$", c));
        Assert.Contains("::error file=content/tajikistan/report.md,line=5,col=577,endLine=5,endColumn=578,title=CC1001 placeholder-link::source 3 (Gulmurod Khalimov) links to '#', a placeholder; give the source's URL", commands);
        Assert.Equal(2, commands.Count(c => c.StartsWith("::warning ", StringComparison.Ordinal) && c.Contains(",title=CC1", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Output_writes_the_findings_to_a_file_and_the_summary_to_stderr(string format)
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "out", $"citecheck.{format}");
        var result = CliRun.Run("check", Sample, "--format", format, "--output", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Matches(SampleSummary, Assert.Single(result.ErrorLines));
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.tmp"));
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        var result = CliRun.Run("check", "content/nowhere/report.md");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("citecheck: error: content/nowhere/report.md: no such file", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Out);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void A_directory_where_a_file_belongs_is_bad_input()
    {
        // A folder in the report's place is a folder of reports (docs/configuration.md); elsewhere a directory is an error.
        var result = CliRun.Run("check", "content/tajikistan/report.md", "--sources", "content/tajikistan");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("citecheck: error: content/tajikistan: is a directory, not a YAML file", Assert.Single(result.ErrorLines));
        result.AssertNoStackTrace();

        var folder = CliRun.Run("check", "content/tajikistan");
        Assert.Equal(1, folder.ExitCode);
        Assert.EndsWith("1 report: 0 passed, 1 with findings at or above --fail-on\n", folder.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_bad_input_with_its_line()
    {
        using var folder = new TempFolder();
        var report = folder.Write("latin1.md", [.. "# Title\n\nCaf"u8, 0xE9, .. " au lait.\n"u8]);
        var result = CliRun.Run("check", report);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"citecheck: error: {report}(3): is not valid UTF-8", Assert.Single(result.ErrorLines));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void A_binary_file_is_bad_input()
    {
        using var folder = new TempFolder();
        var report = folder.Write("image.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        var result = CliRun.Run("check", report);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"citecheck: error: {report}(3): looks like a binary file (it contains a NUL byte), not Markdown", Assert.Single(result.ErrorLines));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Invalid_yaml_in_the_bibliography_beside_the_report_is_bad_input_with_its_line()
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", "Text. Source: [A](https://a.example) [1]\n");
        var sources = folder.Write("sources.yaml", "sources:\n  - id: 1\n    publisher: A\n   bad: indentation\n");
        var result = CliRun.Run("check", report);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"citecheck: error: {sources}(4): invalid YAML: ", line, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void A_bibliography_given_with_sources_that_does_not_exist_is_bad_input()
    {
        var result = CliRun.Run("check", Sample, "--sources", "content/tajikistan/missing.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("citecheck: error: content/tajikistan/missing.yaml: no such file", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("check", Sample, "--colour")]
    [InlineData("check", Sample, "--format", "xml")]
    [InlineData("check", Sample, "--fail-on", "sometimes")]
    [InlineData("check")]
    [InlineData("verify", Sample)]
    public void Bad_usage_is_exit_code_2_with_a_message(params string[] args)
    {
        var result = CliRun.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("citecheck: error: ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("Run 'citecheck --help' for usage.", result.ErrorLines[^1]);
        Assert.Empty(result.Out);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Text_lines_carry_the_path_as_given()
    {
        using var folder = new TempFolder();
        folder.Write("r.md", "Police arrested 4 men. Source: [Reuters](#) [1]\n");
        var result = CliRun.In(folder.Path, "check", "r.md");
        Assert.Matches(new Regex(@"^r\.md\(1,42\): error CC1001 placeholder-link: ", RegexOptions.Multiline), result.Out);
    }
}
