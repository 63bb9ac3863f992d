using CiteCheck.Model;

namespace CiteCheck.Rendering;

/// <summary>
/// Renders one edition (html, pdf) of the <see cref="EditionModel"/> into files held in memory. The build makes the model
/// once and hands it to every renderer, which reads nothing else of the report; it writes the files only once every
/// edition has rendered, so a failed build never leaves a half-written edition. Renderers read templates and fonts
/// through the host.
/// </summary>
public interface IEditionRenderer
{
    /// <summary>The --format name: "html" or "pdf".</summary>
    string Format { get; }

    IReadOnlyList<EditionFile> Render(EditionModel edition, EditionOptions options, IHost host);
}

public static class EditionRendererExtensions
{
    /// <summary>Builds the edition model of a checked report and renders it (for one renderer on its own, as in tests).</summary>
    public static IReadOnlyList<EditionFile> Render(this IEditionRenderer renderer, CheckedReport report, EditionOptions options, IHost host) =>
        renderer.Render(EditionModelBuilder.Build(report), options, host);
}

/// <summary>One output file of an edition, relative to the output folder.</summary>
public sealed record EditionFile(string Name, byte[] Content);

/// <summary>Build options shared by the renderers.</summary>
public sealed record EditionOptions
{
    /// <summary>A folder with the organisation's own templates (report.sbn, partials, CSS); null for the built-in ones in templates/.</summary>
    public string? TemplatesDirectory { get; init; }

    /// <summary>"a4" or "letter".</summary>
    public string Paper { get; init; } = "a4";

    /// <summary>"native" (PDFsharp) or "chromium".</summary>
    public string PdfEngine { get; init; } = "native";

    /// <summary>A Chromium or Chrome executable for the chromium engine; null to look on the usual paths.</summary>
    public string? BrowserPath { get; init; }

    /// <summary>A folder or font file to draw the PDF with; null to look for DejaVu or Liberation on the system.</summary>
    public string? FontPath { get; init; }

    /// <summary>The time printed in editions: SOURCE_DATE_EPOCH when set, so builds are reproducible.</summary>
    public DateTimeOffset BuildTime { get; init; }
}

/// <summary>A renderer that cannot do its job with what it was given (a template error, a missing font or browser): file and line when known.</summary>
public sealed class RenderException(string message, string? file = null, int? line = null) : Exception(message)
{
    public string? File { get; } = file;

    public int? Line { get; } = line;

    public override string ToString() => File is null ? Message : Line is { } l ? $"{File}({l}): {Message}" : $"{File}: {Message}";
}

/// <summary>
/// A rendered edition failed the renderer's own checks (CC4xxx): a bug in CiteCheck, not in the report. Nothing is
/// written; the build prints the findings and exits 3.
/// </summary>
public sealed class EditionVerificationException(string format, IReadOnlyList<Diagnostic> diagnostics)
    : Exception($"the {format} edition failed its own verification ({diagnostics.Count} {(diagnostics.Count == 1 ? "finding" : "findings")}); this is a bug in CiteCheck")
{
    public string Format { get; } = format;

    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
