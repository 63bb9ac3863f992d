namespace CiteCheck.Tests.Support;

/// <summary>The Chromium installed on this machine, for the browser tests: never downloaded; null where there is none.</summary>
public static class InstalledChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>/usr/bin/chromium, else the first of chromium, chromium-browser or google-chrome on PATH.</summary>
    public static string? Find()
    {
        if (File.Exists("/usr/bin/chromium"))
        {
            return "/usr/bin/chromium";
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return Names
            .SelectMany(name => path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }
}
