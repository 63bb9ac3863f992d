namespace CiteCheck.Tests.Cli;

/// <summary>A URL written with a user name and password is never printed with them, whatever the output.</summary>
public class CredentialsOutputTests
{
    private const string Secret = "s3cret";

    private static TempFolder Report()
    {
        var folder = new TempFolder();
        folder.Write("report.md", $"# T\n\nPolice arrested 4 men on 3 May. Source: [Reuters](https://editor:{Secret}@intranet.example/a) [1]\n\nSee https://editor:{Secret}@intranet.example/b for more.\n");
        folder.Write("sources.yaml", $"sources:\n  - id: 1\n    publisher: Reuters\n    url: https://editor:{Secret}@intranet.example/other\n");
        return folder;
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public void Check_masks_them_in_every_format(string format)
    {
        using var folder = Report();
        var result = CliRun.In(folder.Path, "check", "report.md", "--format", format);
        Assert.Contains("url-mismatch", result.Out, StringComparison.Ordinal);
        Assert.Contains("https://***@intranet.example/a", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_masks_them_in_json_streamed_into_a_file_and_writes_what_standard_output_shows()
    {
        using var folder = Report();
        var printed = CliRun.In(folder.Path, "check", "report.md", "--format", "json", "--fail-on", "never");
        var result = CliRun.In(folder.Path, "check", "report.md", "--format", "json", "--output", "check.json", "--fail-on", "never");
        Assert.Equal(0, result.ExitCode);
        var written = File.ReadAllText(Path.Combine(folder.Path, "check.json"));
        Assert.Contains("https://***@intranet.example/a", written, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, written + result.Out + result.Error, StringComparison.Ordinal);
        Assert.Equal(printed.Out, written);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("json")]
    public void Discrepancies_masks_them(string format)
    {
        using var folder = Report();
        var result = CliRun.In(folder.Path, "discrepancies", "report.md", "--format", format);
        Assert.DoesNotContain(Secret, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_offline_masks_them_in_its_list_of_urls()
    {
        using var folder = Report();
        var result = CliRun.In(folder.Path, "links", "report.md", "--offline", "--cache", Path.Combine(folder.Path, "cache"));
        Assert.Contains("https://***@intranet.example/a", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_masks_them_in_its_findings_and_check_json_and_the_edition_keeps_the_link()
    {
        using var folder = Report();
        var result = CliRun.In(folder.Path, "build", "report.md", "--out", "out", "--format", "html");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Secret, result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, File.ReadAllText(Path.Combine(folder.Path, "out", "check.json")), StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(folder.Path, "out", "report.html"));
        Assert.Contains($"href=\"https://editor:{Secret}@intranet.example/a\"", html, StringComparison.Ordinal);
        Assert.Contains("links to &#39;https://***@intranet.example/a&#39;", html.Replace("'", "&#39;"), StringComparison.Ordinal);
    }
}
