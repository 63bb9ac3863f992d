using System.Diagnostics;
using CiteCheck.Compiler;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Html;
using CiteCheck.Tests.Support;
using static CiteCheck.Tests.Rendering.HtmlEditionFixture;

namespace CiteCheck.Tests.Rendering;

/// <summary>
/// Opens the sample's report.html in headless Chromium: it renders (a screenshot is written) and logs no console error.
/// Skipped, saying so, when no Chromium is installed.
/// </summary>
public sealed class HtmlEditionBrowserTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("citecheck-chromium-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string? FindChromium()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
        {
            foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    [Fact]
    public async Task The_sample_renders_in_headless_chromium_without_console_errors()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            Assert.Skip("no Chromium on PATH (chromium, chromium-browser or google-chrome): install it (apt-get install chromium) to run this test");
        }
        var report = Pipeline.Compile(new PhysicalHost(), Repo.Path("content", "tajikistan", "report.md"));
        foreach (var page in new HtmlEditionRenderer().Render(report, Options(), new PhysicalHost()))
        {
            await File.WriteAllBytesAsync(Path.Combine(_dir, page.Name), page.Content, TestContext.Current.CancellationToken);
        }
        var screenshot = Path.Combine(_dir, "report.png");
        var (code, stderr) = await RunAsync(chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
            $"--user-data-dir={Path.Combine(_dir, "profile")}", $"--screenshot={screenshot}", "--window-size=1280,2000",
            new Uri(Path.Combine(_dir, HtmlEditionRenderer.ReportFile)).AbsoluteUri,
        ]);
        Assert.True(code == 0, $"chromium exited with {code}:\n{stderr}");
        Assert.True(File.Exists(screenshot), "no screenshot was written:\n" + stderr);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is suspiciously small");
        var consoleErrors = stderr.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) && (l.Contains("ERROR", StringComparison.OrdinalIgnoreCase) || l.Contains("Uncaught", StringComparison.Ordinal))).ToList();
        Assert.True(consoleErrors.Count == 0, "console errors:\n" + string.Join("\n", consoleErrors));
    }

    private static async Task<(int Code, string Stderr)> RunAsync(string file, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within {Timeout.TotalSeconds} s");
        }
        await stdout;
        return (process.ExitCode, await stderr);
    }
}
