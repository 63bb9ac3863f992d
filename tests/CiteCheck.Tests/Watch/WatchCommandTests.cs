using System.Net;
using System.Net.Sockets;
using CiteCheck.Tests.Cli;

namespace CiteCheck.Tests.Watch;

/// <summary>What `citecheck watch` refuses before it starts watching: each one line naming what is wrong, exit 2.</summary>
public sealed class WatchCommandTests
{
    [Fact]
    public void A_missing_report_is_one_line_and_exit_2()
    {
        using var folder = new TempFolder();
        var result = CliRun.In(folder.Path, "watch", "nowhere.md");
        Assert.Equal(2, result.ExitCode);
        result.AssertNoStackTrace();
        Assert.Equal("citecheck: error: nowhere.md: no such file or folder", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void A_folder_of_several_reports_asks_for_the_one_to_watch()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", "# A\n");
        folder.Write("b.md", "# B\n");
        var result = CliRun.In(folder.Path, "watch", ".");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("2 Markdown files and no report.md or index.md: name the one to watch", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port", "-1")]
    [InlineData("--debounce", "-5")]
    public void An_out_of_range_number_is_refused(string option, string value)
    {
        using var folder = new TempFolder();
        folder.Write("report.md", "# T\n");
        var result = CliRun.In(folder.Path, "watch", "report.md", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_in_use_is_said_before_any_build_and_exit_2()
    {
        using var folder = new TempFolder();
        folder.Write("report.md", "# T\n\nPolice arrested four men. (Sources: [Reuters](#) [1])\n");
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var result = CliRun.In(folder.Path, "watch", "report.md", "--serve", "--port", port);
            Assert.Equal(2, result.ExitCode);
            result.AssertNoStackTrace();
            Assert.StartsWith($"citecheck: error: --port: cannot serve on 127.0.0.1:{port} (", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(folder.Path, "out")), "a build ran before the port was found taken");
        }
        finally
        {
            taken.Stop();
        }
    }
}
