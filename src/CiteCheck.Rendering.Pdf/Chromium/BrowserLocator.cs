using CiteCheck.Model;

namespace CiteCheck.Rendering.Pdf.Chromium;

/// <summary>Finds an installed Chromium or Chrome: the --browser path, else the usual install paths. Never downloads one.</summary>
public static class BrowserLocator
{
    public static readonly string[] UsualPaths =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/opt/google/chrome/chrome",
        "/snap/bin/chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
        "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
    ];

    public static string Find(IHost host, string? browserPath)
    {
        if (browserPath is not null)
        {
            return host.FileExists(browserPath)
                ? browserPath
                : throw new RenderException(
                    $"--browser {browserPath}: no such file. Give the path of a Chromium or Chrome executable, " +
                    $"or use the native PDF engine (--pdf-engine {Native.NativePdfEngine.EngineName}), which needs nothing installed.");
        }
        return UsualPaths.FirstOrDefault(host.FileExists) ?? throw new RenderException(
            $"no Chromium or Chrome found for --pdf-engine {ChromiumPdfEngine.EngineName}: looked for {string.Join(", ", UsualPaths)}. " +
            "CiteCheck never downloads a browser: install one (Debian: apt-get install chromium) and give its path with --browser PATH, " +
            $"or use the native PDF engine (--pdf-engine {Native.NativePdfEngine.EngineName}, the default), which needs nothing installed.");
    }
}
