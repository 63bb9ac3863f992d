using System.Text.RegularExpressions;

namespace CiteCheck.Tests.Cli;

/// <summary>The editor's command: what <c>build</c> prints, and where it writes by default.</summary>
public class BuildCommandTests
{
    private const string Report = "# T\n\nPolice arrested 4 men. Source: [Reuters](#) [1]\n\nTwo. Source: [Reuters Agency](#) [1]\n";

    [Fact]
    public void Build_prints_what_it_wrote_then_the_findings_and_summary_exactly_as_check_prints_them()
    {
        using var folder = new TempFolder();
        folder.Write("report.md", Report);
        var check = CliRun.In(folder.Path, "check", "report.md");
        var build = CliRun.In(folder.Path, "build", "report.md", "--out", "out", "--format", "html");

        Assert.Equal(0, build.ExitCode);
        Assert.Empty(build.Error);
        Assert.Contains("report.md(3,42): error CC1001 placeholder-link: ", check.Out, StringComparison.Ordinal);
        Assert.Contains("warning CC1004 label-mismatch", check.Out, StringComparison.Ordinal);
        var lines = build.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var wrote = lines.TakeWhile(l => l.StartsWith("wrote ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, wrote.Count); // report.html, discrepancies.html, check.json
        Assert.Equal(check.Out, string.Concat(lines.Skip(wrote.Count).Select(l => l + "\n")));
    }

    [Fact]
    public void Build_prints_the_findings_of_the_sample_compiler_style()
    {
        using var folder = new TempFolder();
        var result = CliRun.Run("build", "content/tajikistan/report.md", "--out", folder.Path, "--format", "html");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("content/tajikistan/report.md(5,577): error CC1001 placeholder-link: source 3 (Gulmurod Khalimov) links to '#', a placeholder; give the source's URL", lines);
        Assert.Equal(133, lines.Count(l => l.Contains(": error CC1001 placeholder-link: ", StringComparison.Ordinal)));
        Assert.Matches(@"^content/tajikistan/report\.md: 133 errors, ", lines[^1]);
    }

    [Fact]
    public void Fail_on_still_sets_the_exit_code_after_the_findings_are_printed()
    {
        using var folder = new TempFolder();
        folder.Write("report.md", Report);
        var result = CliRun.In(folder.Path, "build", "report.md", "--out", "out", "--format", "html", "--fail-on", "error");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CC1001 placeholder-link", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_help_says_where_the_default_output_folder_is()
    {
        var help = CliRun.Run("build", "--help");
        Assert.Equal(0, help.ExitCode);
        var text = Regex.Replace(help.Out, @"\s+", " ");
        Assert.Contains("Default: out/<report folder name>/, relative to the working directory, for a report named report.md or index.md (content/tajikistan/report.md gives out/tajikistan/); for any other name, out/<file name without extension>/.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("content/tajikistan/report.md", "tajikistan")]
    [InlineData("content/tajikistan/INDEX.md", "tajikistan")]
    [InlineData("drafts/notes.md", "notes")]
    public void The_default_output_folder_is_as_the_help_says(string report, string name) =>
        Assert.Equal(Path.Combine("out", name), CiteCheck.Compiler.Builder.DefaultOutDirectory(report));

    [Fact]
    public void Without_out_the_build_writes_under_out_in_the_working_directory()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "content", "kestrel"));
        folder.Write(Path.Combine("content", "kestrel", "report.md"), Report);
        var result = CliRun.In(folder.Path, "build", "content/kestrel/report.md", "--format", "html");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"wrote {Path.Combine("out", "kestrel", "report.html")}", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "out", "kestrel", "report.html")));
    }
}
