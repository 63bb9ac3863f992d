using System.Text;
using CiteCheck.Compiler;
using CiteCheck.Tests.Support;
using CiteCheck.Watch;

namespace CiteCheck.Tests.Watch;

/// <summary>A temporary copy of the sample report and its bibliography, with helpers to edit it as an editor would.</summary>
public sealed class WatchCopy : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("citecheck-watch-").FullName;

    public string Report => Path.Combine(Folder, "report.md");

    public string Sources => Path.Combine(Folder, "sources.yaml");

    public string Out => Path.Combine(Folder, "out");

    public WatchCopy()
    {
        File.Copy(Repo.Path("content", "tajikistan", "report.md"), Report);
        File.Copy(Repo.Path("content", "tajikistan", "sources.yaml"), Sources);
    }

    public WatchOptions Options(bool serve = false) => new()
    {
        ReportPath = Report,
        OutDirectory = Out,
        Serve = serve,
        Debounce = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>Renames the Overview heading to carry a word that appears nowhere else, and saves the report.</summary>
    public void RenameOverview(string word)
    {
        var text = File.ReadAllText(Report);
        var start = text.IndexOf("\n## Overview", StringComparison.Ordinal);
        Assert.True(start >= 0, "the sample has no Overview heading");
        var end = text.IndexOf('\n', start + 1);
        File.WriteAllText(Report, string.Concat(text.AsSpan(0, start), "\n## Overview ", word, text.AsSpan(end)), new UTF8Encoding(false));
    }

    public string WrittenReportHtml() => File.ReadAllText(Path.Combine(Out, "report.html"));

    /// <summary>Waits (at most a minute, a safety net rather than a timing) until the session ran a build after <paramref name="version"/>.</summary>
    public static async Task<CiteCheck.Watch.Serving.PreviewState.Snapshot> NextAsync(WatchSession session, int version)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        return await session.State.WaitAsync(version, timeout.Token);
    }

    public static PhysicalHost Host() => new();

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
