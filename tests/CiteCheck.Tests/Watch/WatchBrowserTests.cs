using CiteCheck.Tests.Support;
using CiteCheck.Watch;
using CiteCheck.Watch.Serving;
using PuppeteerSharp;

namespace CiteCheck.Tests.Watch;

/// <summary>
/// End to end in headless Chromium (the installed one; a browser is never downloaded): watch --serve on a temporary copy
/// of the sample, open the page, save an edit, and see the new text arrive by live reload; close the overlay. Skipped,
/// saying so, where no Chromium is installed.
/// </summary>
public sealed class WatchBrowserTests : IDisposable
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly WatchCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    [Fact]
    public async Task An_edit_arrives_in_the_browser_by_live_reload_and_the_overlay_can_be_closed()
    {
        var chromium = InstalledChromium.Find();
        if (chromium is null)
        {
            Assert.Skip("no Chromium installed (/usr/bin/chromium, or chromium or google-chrome on PATH): install it (apt-get install chromium) to run this test");
        }
        var cancel = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        await using var session = new WatchSession(WatchCopy.Host(), _copy.Options(serve: true), TextWriter.Null);
        await session.StartAsync(cancel);
        var running = session.RunAsync(stop.Token);

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = Arguments,
            UserDataDir = Path.Combine(_copy.Folder, "profile"),
            Timeout = 60_000,
        });
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                errors.Add(e.Message.Text);
            }
        };
        await page.GoToAsync(new Uri(session.Address!, "report.html").AbsoluteUri, new NavigationOptions { Timeout = 60_000, WaitUntil = [WaitUntilNavigation.Load] });
        Assert.True(await page.EvaluateExpressionAsync<bool>($"!document.getElementById('{PreviewPage.OverlayId}').hidden"), "the overlay is not shown");
        // No need to wait for the page to listen: it asks for the events since the version it was served at, so a rebuild
        // before it connects is announced as soon as it does.
        _copy.RenameOverview("Pademelon");
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('Overview Pademelon')", new WaitForFunctionOptions { Timeout = 60_000, PollingInterval = 50 });

        // Close the overlay: it stays closed across the next reload while the findings are the same.
        await page.ClickAsync(".citecheck-close");
        Assert.True(await page.EvaluateExpressionAsync<bool>($"document.getElementById('{PreviewPage.OverlayId}').hidden"), "the overlay did not close");
        Assert.False(await page.EvaluateExpressionAsync<bool>("document.getElementById('citecheck-badge').hidden"), "no badge to open the overlay again");
        _copy.RenameOverview("Potoroo");
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('Overview Potoroo')", new WaitForFunctionOptions { Timeout = 60_000, PollingInterval = 50 });
        Assert.True(await page.EvaluateExpressionAsync<bool>($"document.getElementById('{PreviewPage.OverlayId}').hidden"), "the closed overlay came back though the findings did not change");
        Assert.Empty(errors);

        await stop.CancelAsync();
        await running;
    }
}
