using CiteCheck.Model;

namespace CiteCheck.Tests.Cli;

/// <summary>The input size limit of docs/limits.md, at the limit and just past it.</summary>
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
}
