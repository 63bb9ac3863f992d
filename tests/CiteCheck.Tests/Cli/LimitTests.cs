using CiteCheck.Model;

namespace CiteCheck.Tests.Cli;

/// <summary>
/// The input size limit of docs/limits.md, at the limit and just past it, for <c>check</c> and for <c>build</c> (the
/// limit of both editions: a 50 MB report is refused by it, unread, in one line naming the file and the limit).
/// </summary>
public sealed class LimitTests
{
    [Fact]
    public void A_report_of_exactly_the_limit_is_read()
    {
        using var folder = new TempFolder();
        var text = "# T\n\nPolice arrested four men. (Sources: [Reuters](#) [1])\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text.PadRight(Limits.MaxInputBytes, ' '));
        var report = folder.Write("report.md", bytes);

        var result = CliRun.In(folder.Path, "check", report, "--fail-on", "never");

        result.AssertNoStackTrace();
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void A_report_one_byte_past_the_limit_is_refused_unread_with_the_limit_named()
    {
        using var folder = new TempFolder();
        var report = Path.Combine(folder.Path, "report.md");
        using (var stream = File.Create(report))
        {
            stream.SetLength(Limits.MaxInputBytes + 1L);
        }

        var result = CliRun.In(folder.Path, "check", report);

        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("report.md: is 16,777,217 bytes; CiteCheck reads files up to 16,777,216 bytes, 16 MiB (docs/limits.md)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_of_exactly_the_limit_is_built_into_both_editions()
    {
        if (!Rendering.Pdf.PdfRender.SystemFontsPresent())
        {
            Assert.Skip("no DejaVu or Liberation fonts on this machine: install fonts-dejavu-core (.ci/run does) to build the PDF edition");
        }
        using var folder = new TempFolder();
        var text = "# T\n\nPolice arrested four men. (Sources: [Reuters](#) [1])\n";
        var report = folder.Write("report.md", System.Text.Encoding.UTF8.GetBytes(text.PadRight(Limits.MaxInputBytes, ' ')));
        var output = Path.Combine(folder.Path, "out");

        var result = CliRun.In(folder.Path, "build", report, "--format", "html,pdf", "--out", output, "--fail-on", "never");

        result.AssertNoStackTrace();
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "report.html")), result.Error);
        Assert.True(File.Exists(Path.Combine(output, "report.pdf")), result.Error);
    }

    [Fact]
    public void A_build_of_a_report_one_byte_past_the_limit_is_refused_in_one_line_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var report = Path.Combine(folder.Path, "report.md");
        using (var stream = File.Create(report))
        {
            stream.SetLength(Limits.MaxInputBytes + 1L);
        }
        var output = Path.Combine(folder.Path, "out");

        var result = CliRun.In(folder.Path, "build", report, "--format", "html,pdf", "--out", output);

        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("citecheck: error: ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("report.md: is 16,777,217 bytes; CiteCheck reads files up to 16,777,216 bytes, 16 MiB (docs/limits.md)", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "a refused build wrote its output folder");
    }
}
