using CiteCheck.Compiler.Output;
using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Pdf;

namespace CiteCheck.Compiler;

/// <summary>The edition renderers the build knows, by --format name. Each renderer project adds itself here.</summary>
public static class Editions
{
    public static IReadOnlyList<IEditionRenderer> All { get; } =
    [
        new Rendering.Html.HtmlEditionRenderer(),
        new PdfEditionRenderer(() => Find("html")),
    ];

    public static IEditionRenderer? Find(string format) => All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The outcome of a build: what was written where.</summary>
public sealed record BuildResult(CheckedReport Report, IReadOnlyList<string> Written);

/// <summary>
/// Builds the editions: checks the output folder can take them, builds the edition model once, renders every requested
/// format from it in memory, then writes
/// the files, check.json included, as one set (<see cref="EditionWriter"/>, docs/editions.md). Nothing is written when
/// any renderer fails; a write that fails leaves the previous edition whole.
/// </summary>
public static class Builder
{
    public static BuildResult Build(IHost host, CheckedReport report, string outDirectory, IReadOnlyList<string> formats, EditionOptions options)
    {
        // Before the rendering, which takes the time: a folder that cannot take the edition is said at once.
        EditionWriter.Prepare(host, outDirectory);
        var files = new List<EditionFile>();
        var renderers = formats.Select(format => Editions.Find(format)
            ?? throw new InputException(format, null, $"unknown edition format '{format}' (known: {string.Join(", ", Editions.All.Select(e => e.Format))})")).ToList();
        // One model for every edition: what the HTML and the PDF show is decided once.
        var edition = EditionModelBuilder.Build(report);
        var size = report.Document.Blocks.Sum(b => b.Text.Length);
        foreach (var renderer in renderers)
        {
            files.AddRange(renderer.Render(edition, options, host));
            StageMemory.Release(size);
            Timings.Mark($"{renderer.Format} edition rendered");
        }
        files.Add(new EditionFile("check.json", JsonOutput.WriteUtf8(report).ToArray()));
        EditionWriter.Write(host, outDirectory, files);
        Timings.Mark("edition written");
        return new BuildResult(report, [.. files.Select(f => Path.Combine(outDirectory, f.Name))]);
    }

    /// <summary>out/&lt;report name&gt;/: the report's folder name for report.md (content/tajikistan/report.md → out/tajikistan), else the file name.</summary>
    public static string DefaultOutDirectory(string reportPath)
    {
        var name = Path.GetFileNameWithoutExtension(reportPath);
        if (string.Equals(name, "report", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "index", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(reportPath)));
            if (!string.IsNullOrEmpty(folder))
            {
                name = folder;
            }
        }
        return Path.Combine("out", name);
    }
}
