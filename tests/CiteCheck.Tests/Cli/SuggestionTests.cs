using CiteCheck.Cli;

namespace CiteCheck.Tests.Cli;

/// <summary>A mistyped command or option is named, with the nearest right one when it is close; exit 2, one line each, then the usage hint.</summary>
public class SuggestionTests
{
    private const string Sample = "content/tajikistan/report.md";
    private const string Usage = "Run 'citecheck --help' for usage.";

    private static void AssertUsageError(CliResult result, params string[] lines)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal([.. lines.Select(l => $"citecheck: error: {l}"), Usage], result.ErrorLines);
        Assert.Empty(result.Out);
        result.AssertNoStackTrace();
    }

    [Theory]
    [InlineData("chek", "check")]
    [InlineData("Check", "check")]
    [InlineData("biuld", "build")]
    [InlineData("lnks", "links")]
    [InlineData("discrepancy", "discrepancies")]
    public void A_mistyped_command_gets_the_nearest_command(string typed, string meant) =>
        AssertUsageError(CliRun.Run(typed, Sample), $"unknown command '{typed}': did you mean '{meant}'?");

    [Fact]
    public void A_mistyped_command_alone_gets_the_same_line() =>
        AssertUsageError(CliRun.Run("chek"), "unknown command 'chek': did you mean 'check'?");

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("verify")]
    [InlineData("report.md")]
    public void A_command_that_is_nothing_like_one_gets_no_suggestion(string typed) =>
        AssertUsageError(CliRun.Run(typed, Sample), $"unknown command '{typed}'");

    [Theory]
    [InlineData("check", Sample, "--fial-on", "warning")]
    [InlineData("check", "--fial-on", "warning", Sample)]
    [InlineData("check", Sample, "--fial-on=warning")]
    [InlineData("build", Sample, "--fial-on", "error")]
    [InlineData("links", Sample, "--offline", "--fial-on", "error")]
    public void A_mistyped_option_gets_the_nearest_option_wherever_it_stands(params string[] args) =>
        AssertUsageError(CliRun.Run(args), "unknown option '--fial-on': did you mean '--fail-on'?");

    [Theory]
    [InlineData("build", "--ouf", "--out")]
    [InlineData("check", "--foramt", "--format")]
    [InlineData("check", "--sorces", "--sources")]
    [InlineData("links", "--max-aeg", "--max-age")]
    [InlineData("discrepancies", "--opne", "--open")]
    public void Each_command_suggests_from_its_own_options(string command, string typed, string meant) =>
        AssertUsageError(CliRun.Run(command, Sample, typed), $"unknown option '{typed}': did you mean '{meant}'?");

    [Fact]
    public void An_option_of_another_command_is_unknown_here()
    {
        // --paper is build's: check has nothing near it.
        AssertUsageError(CliRun.Run("check", Sample, "--paper", "a4"), "unknown option '--paper'");
    }

    [Theory]
    [InlineData("--colour")]
    [InlineData("-x")]
    public void An_option_that_is_nothing_like_one_gets_no_suggestion(string typed) =>
        AssertUsageError(CliRun.Run("check", Sample, typed), $"unknown option '{typed}'");

    [Fact]
    public void A_mistyped_root_option_gets_the_nearest_root_option() =>
        AssertUsageError(CliRun.Run("--verison"), "unknown option '--verison': did you mean '--version'?");

    [Fact]
    public void Two_mistakes_are_two_lines_and_other_errors_are_kept()
    {
        AssertUsageError(
            CliRun.Run("check", Sample, "--foramt", "json", "--fial-on", "warning"),
            "unknown option '--foramt': did you mean '--format'?",
            "unknown option '--fial-on': did you mean '--fail-on'?");
        AssertUsageError(
            CliRun.Run("check", Sample, "--format", "xml", "--fial-on", "warning"),
            "unknown option '--fial-on': did you mean '--fail-on'?",
            "--format: 'xml' is not one of text, json, sarif, github");
    }

    [Fact]
    public void A_value_that_starts_with_a_dash_is_still_the_value_of_its_option()
    {
        var result = CliRun.Run("links", Sample, "--offline", "--concurrency", "-1");
        AssertUsageError(result, "--concurrency: '-1' is out of range: give a whole number from 1 to 1024");
    }

    [Theory]
    [InlineData("check", "check", 0)]
    [InlineData("chek", "check", 1)]
    [InlineData("fial-on", "fail-on", 1)]
    [InlineData("biuld", "build", 1)]
    [InlineData("discrepancy", "discrepancies", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits_and_a_swap_as_one(string a, string b, int expected)
    {
        Assert.Equal(expected, UsageErrors.Distance(a, b));
        Assert.Equal(expected, UsageErrors.Distance(b, a));
    }

    [Fact]
    public void Only_a_close_candidate_is_suggested()
    {
        Assert.Equal("check", UsageErrors.Nearest("chek", ["build", "check", "links"]));
        Assert.Null(UsageErrors.Nearest("chk", ["build", "links"]));
        Assert.Null(UsageErrors.Nearest("-x", ["-f", "-o"])); // one letter is too short to guess from
        Assert.Equal("--fail-on", UsageErrors.Nearest("--fial-on", ["--format", "--fail-on", "--output"]));
    }
}
