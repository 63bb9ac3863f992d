using CiteCheck.Model;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace CiteCheck.Rendering.Pdf.Chromium;

/// <summary>
/// The chromium engine: renders the HTML edition, writes its files to a temporary folder (the browser reads files,
/// not the host), and prints report.html with its print stylesheet through PuppeteerSharp in an installed
/// Chromium or Chrome, started headless with a fresh profile and no network chatter.
/// </summary>
public sealed class ChromiumPdfEngine(Func<IEditionRenderer?> htmlEdition) : IPdfEngine
{
    public const string EngineName = "chromium";

    /// <summary>How long the browser may take to start, load the page and print it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Quiet, sandbox-free, offline: a print job, not a browsing session.</summary>
    public static readonly string[] LaunchArguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    public string Name => EngineName;

    public byte[] Render(EditionModel edition, EditionOptions options, IHost host)
    {
        var browser = BrowserLocator.Find(host, options.BrowserPath);
        var html = htmlEdition() ?? throw new RenderException(
            $"--pdf-engine {EngineName} prints the HTML edition, and this build has no HTML renderer; use --pdf-engine {Native.NativePdfEngine.EngineName}");
        var files = html.Render(edition, options, host);
        var page = files.FirstOrDefault(f => f.Name.Equals("report.html", StringComparison.OrdinalIgnoreCase))
                   ?? files.FirstOrDefault(f => f.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                   ?? throw new RenderException("the HTML edition produced no .html file to print");
        var folder = Path.Combine(Path.GetTempPath(), "citecheck-print-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var file in files)
            {
                var path = Path.GetFullPath(Path.Combine(folder, file.Name));
                if (!path.StartsWith(folder, StringComparison.Ordinal))
                {
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }
            var url = new Uri(Path.Combine(folder, page.Name)).AbsoluteUri;
            return Task.Run(() => PrintAsync(browser, url, Path.Combine(folder, ".profile"), options.Paper)).GetAwaiter().GetResult();
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A browser still holding its profile: the temporary folder is left to the system.
            }
        }
    }

    private static async Task<byte[]> PrintAsync(string executable, string url, string profile, string paper)
    {
        IBrowser browser;
        try
        {
            browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = LaunchArguments,
                UserDataDir = profile,
                Timeout = (int)Timeout.TotalMilliseconds,
            });
        }
        catch (Exception e) when (e is not RenderException)
        {
            throw new RenderException(
                $"could not start the browser {executable}: {e.Message.Split('\n')[0]}. " +
                $"Check it is Chromium or Chrome, or use the native PDF engine (--pdf-engine {Native.NativePdfEngine.EngineName}).");
        }
        await using (browser)
        {
            var tab = await browser.NewPageAsync();
            await tab.GoToAsync(url, new NavigationOptions { Timeout = (int)Timeout.TotalMilliseconds, WaitUntil = [WaitUntilNavigation.Load] });
            return await tab.PdfDataAsync(new PdfOptions
            {
                Format = paper.Equals("letter", StringComparison.OrdinalIgnoreCase) ? PaperFormat.Letter : PaperFormat.A4,
                PrintBackground = true,
                PreferCSSPageSize = true,
                Outline = true,
                Tagged = true,
            });
        }
    }
}
