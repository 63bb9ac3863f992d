using CiteCheck.Compiler;
using CiteCheck.Tests.Support;

namespace CiteCheck.Tests.Cli;

/// <summary>citecheck.yaml: found upward from the report, rules by name or id, option defaults, the command line winning, every mistake located (docs/configuration.md).</summary>
public sealed class ConfigurationTests
{
    private const string Report = "# T\n\nPolice arrested four men. (Sources: [Reuters](#) [1], [Reuters](https://example.com/b) [2])\n\nThe court heard five witnesses. (Sources: [Reuters Agency](https://example.com/b) [2])\n";

    private static TempFolder Project(string config, string configFolder = "")
    {
        var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".git"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "content", "one"));
        folder.Write(Path.Combine("content", "one", "report.md"), Report);
        folder.Write(Path.Combine(configFolder, "citecheck.yaml"), config);
        return folder;
    }

    [Fact]
    public void Without_a_file_the_defaults_hold()
    {
        using var folder = Project("");
        var result = CliRun.In(folder.Path, "check", "content/one/report.md");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CC1001 placeholder-link", result.Out, StringComparison.Ordinal);
        Assert.Contains("warning CC1004 label-mismatch", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_by_name_and_by_id_change_severity_or_turn_off()
    {
        using var folder = Project("rules:\n  placeholder-link: off\n  cc1004: error\n");
        var result = CliRun.In(folder.Path, "check", "content/one/report.md");

        Assert.DoesNotContain("CC1001", result.Out, StringComparison.Ordinal);
        Assert.Contains("error CC1004 label-mismatch", result.Out, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void A_file_in_a_folder_above_the_report_applies_but_not_one_above_the_repository_root()
    {
        using var folder = Project("rules:\n  placeholder-link: off\n", "content");
        Assert.DoesNotContain("CC1001", CliRun.In(folder.Path, "check", "content/one/report.md").Out, StringComparison.Ordinal);

        using var outer = new TempFolder();
        outer.Write("citecheck.yaml", "rules:\n  placeholder-link: off\n");
        Directory.CreateDirectory(Path.Combine(outer.Path, "repo", ".git"));
        outer.Write(Path.Combine("repo", "report.md"), Report);
        Assert.Contains("CC1001", CliRun.In(outer.Path, "check", "repo/report.md").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_defaults_come_from_the_file_and_the_command_line_wins()
    {
        using var folder = Project("check:\n  fail-on: never\n  format: github\n");
        var fromFile = CliRun.In(folder.Path, "check", "content/one/report.md");
        Assert.Equal(0, fromFile.ExitCode);
        Assert.StartsWith("::error file=", fromFile.Out, StringComparison.Ordinal);

        var given = CliRun.In(folder.Path, "check", "content/one/report.md", "--fail-on", "error", "--format", "text");
        Assert.Equal(1, given.ExitCode);
        Assert.DoesNotContain("::error", given.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_settings_apply_to_build_with_paths_taken_from_the_file_s_folder()
    {
        using var folder = Project("build:\n  format: [html]\n  templates: no-such-templates\n", "content");
        var result = CliRun.In(folder.Path, "build", "content/one/report.md", "--out", "o");

        // The templates folder is looked for beside citecheck.yaml, so the build names it there.
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.Combine("content", "no-such-templates"), result.Error, StringComparison.Ordinal);

        var given = CliRun.In(folder.Path, "build", "content/one/report.md", "--out", "o", "--templates", Repo.Path("templates"));
        Assert.Equal(0, given.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder.Path, "o", "report.html")));
        Assert.False(File.Exists(Path.Combine(folder.Path, "o", "report.pdf")));
    }

    [Theory]
    [InlineData("rules:\n  label-mismatc: error\n", 2, "unknown rule 'label-mismatc': did you mean 'label-mismatch'?")]
    [InlineData("rules:\n  CC1044: error\n", 2, "unknown rule 'CC1044': did you mean 'CC1004'?")]
    [InlineData("rules:\n  label-mismatch: fatal\n", 2, "'fatal' is not one of error, warning, info, off")]
    [InlineData("bild:\n  paper: a4\n", 1, "unknown section 'bild': did you mean 'build'?")]
    [InlineData("build:\n  papr: a4\n", 2, "unknown key 'papr' in 'build': did you mean 'paper'?")]
    [InlineData("build:\n  paper: a5\n", 2, "build.paper: 'a5' is not one of a4, letter")]
    [InlineData("links:\n\n  timeout: forever\n", 3, "links.timeout: 'forever' is not a duration")]
    [InlineData("check:\n  fail-on: [\n", 3, "invalid YAML")]
    [InlineData("- rules\n", 1, "a configuration file is a mapping")]
    public void A_bad_file_is_exit_2_naming_file_and_line(string config, int line, string message)
    {
        using var folder = Project(config);
        var result = CliRun.In(folder.Path, "check", "content/one/report.md");

        Assert.Equal(2, result.ExitCode);
        result.AssertNoStackTrace();
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"citecheck: error: citecheck.yaml({line}): ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_names_another_file_and_a_missing_one_is_exit_2()
    {
        using var folder = Project("rules:\n  placeholder-link: off\n");
        folder.Write("strict.yaml", "rules:\n  label-mismatch: error\n");
        var result = CliRun.In(folder.Path, "check", "content/one/report.md", "--config", "strict.yaml");
        Assert.Contains("error CC1001", result.Out, StringComparison.Ordinal);
        Assert.Contains("error CC1004", result.Out, StringComparison.Ordinal);

        var missing = CliRun.In(folder.Path, "check", "content/one/report.md", "--config", "nope.yaml");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.yaml: no such file", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_the_docs_list_is_read_and_every_key_read_is_documented()
    {
        var page = File.ReadAllText(Repo.Path("docs", "configuration.md"));
        var schema = CiteCheck.Cli.Configuration.Schema(CiteCheck.Cli.CommandLine.CreateRoot(new CiteCheck.Cli.CliContext(new PhysicalHost(), TextWriter.Null, TextWriter.Null)));
        foreach (var section in schema.Sections)
        {
            foreach (var key in schema.Keys(section))
            {
                Assert.Contains($"| `{section}.{key}` |", page, StringComparison.Ordinal);
            }
        }
        var documented = System.Text.RegularExpressions.Regex.Matches(page, @"^\| `([a-z-]+)\.([a-z-]+)` \|", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.NotEmpty(documented);
        foreach (System.Text.RegularExpressions.Match m in documented)
        {
            Assert.NotNull(schema.Find(m.Groups[1].Value, m.Groups[2].Value));
        }
    }
}

/// <summary>A folder where a report belongs: every report in it, one combined line, the worst exit code.</summary>
public sealed class FolderInputTests
{
    [Fact]
    public void Check_of_a_folder_checks_every_report_and_combines_the_exit_codes()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "a"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "b"));
        folder.Write(Path.Combine("a", "report.md"), "# A\n\nPolice arrested four men. (Sources: [Reuters](https://example.com/a) [1])\n");
        folder.Write(Path.Combine("b", "report.md"), "# B\n\nPolice arrested four men. (Sources: [Reuters](#) [1])\n");
        folder.Write(Path.Combine("b", "notes.md"), "not a report");

        var result = CliRun.In(folder.Path, "check", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"(?m)^b[/\\]report\.md\(3,\d+\): error CC1001 placeholder-link", result.Out);
        Assert.Contains(Path.Combine("a", "report.md") + ": 0 errors", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.md", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("2 reports: 1 passed, 1 with findings at or above --fail-on\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_of_a_folder_writes_each_edition_under_out()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "a", "b", "c" })
        {
            Directory.CreateDirectory(Path.Combine(folder.Path, "reports", name));
            folder.Write(Path.Combine("reports", name, "report.md"), $"# {name}\n\nPolice arrested four men. (Sources: [Reuters](https://example.com/{name}) [1])\n");
        }

        var result = CliRun.In(folder.Path, "build", "reports", "--format", "html", "--out", "editions");

        Assert.Equal(0, result.ExitCode);
        foreach (var name in new[] { "a", "b", "c" })
        {
            Assert.True(File.Exists(Path.Combine(folder.Path, "editions", name, "report.html")), result.Out + result.Error);
        }
        Assert.EndsWith("3 reports: 3 passed\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_no_report_or_one_output_file_is_exit_2()
    {
        using var folder = new TempFolder();
        Assert.Equal(2, CliRun.In(folder.Path, "check", ".").ExitCode);
        folder.Write("x.md", "# X\n");
        var output = CliRun.In(folder.Path, "check", ".", "--output", "f.txt");
        Assert.Equal(2, output.ExitCode);
        Assert.Contains("--output", output.Error, StringComparison.Ordinal);
    }
}
