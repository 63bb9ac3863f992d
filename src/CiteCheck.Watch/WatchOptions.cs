using CiteCheck.Compiler;
using CiteCheck.Rendering;

namespace CiteCheck.Watch;

/// <summary>What a watch session builds, where it writes, and how it serves. Validated by <see cref="WatchSession"/> at start.</summary>
public sealed record WatchOptions
{
    /// <summary>The report to build (a folder given on the command line is resolved to its report first: <see cref="ReportLocator"/>).</summary>
    public required string ReportPath { get; init; }

    /// <summary>The output folder, as for <c>build --out</c>.</summary>
    public required string OutDirectory { get; init; }

    /// <summary>What to read: --sources and --review, as for <c>build</c>.</summary>
    public CompileOptions Compile { get; init; } = new();

    /// <summary>The editions to write on each rebuild (default: the HTML edition only; PDF takes seconds, not milliseconds).</summary>
    public IReadOnlyList<string> Formats { get; init; } = ["html"];

    /// <summary>Templates, fonts, paper, as for <c>build</c>. The build time is taken at each rebuild.</summary>
    public EditionOptions Edition { get; init; } = new();

    /// <summary>How long the inputs must be quiet after a save before the rebuild starts (editors save in bursts).</summary>
    public TimeSpan Debounce { get; init; } = DefaultDebounce;

    /// <summary>Serve the edition on 127.0.0.1 with live reload and the findings overlay.</summary>
    public bool Serve { get; init; }

    /// <summary>The port to serve on; 0 picks a free one.</summary>
    public int Port { get; init; }

    public static TimeSpan DefaultDebounce { get; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest the rebuild waits while saves keep coming (a file written continuously still gets rebuilt).</summary>
    public static TimeSpan MaxDelay { get; } = TimeSpan.FromSeconds(1);
}
