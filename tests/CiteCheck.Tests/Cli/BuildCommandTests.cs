using System.Text.RegularExpressions;

namespace CiteCheck.Tests.Cli;

/// <summary>The editor's command: where <c>build</c> writes by default.</summary>
public class BuildCommandTests
{
    private const string Report = "# T\n\nPolice arrested 4 men. Source: [Reuters](#) [1]\n\nTwo. Source: [Reuters Agency](#) [1]\n";

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
