using CiteCheck.Model;
using CiteCheck.Rendering.Pdf.Chromium;
using CiteCheck.Rendering.Pdf.Native;

namespace CiteCheck.Rendering.Pdf;

/// <summary>
/// The PDF edition (--format pdf): report.pdf, made by the engine --pdf-engine names. The chromium engine prints the
/// HTML edition, which it gets from <paramref name="htmlEdition"/> (the build's "html" renderer) rather than from a
/// concrete type, so this project does not depend on the HTML renderer.
/// </summary>
public sealed class PdfEditionRenderer(Func<IEditionRenderer?> htmlEdition) : IEditionRenderer
{
    public const string FileName = "report.pdf";

    public string Format => "pdf";

    public IReadOnlyList<EditionFile> Render(EditionModel edition, EditionOptions options, IHost host)
    {
        var engine = Engine(options.PdfEngine);
        return [new EditionFile(FileName, engine.Render(edition, options, host))];
    }

    public IPdfEngine Engine(string name) => name.Trim().ToLowerInvariant() switch
    {
        NativePdfEngine.EngineName => new NativePdfEngine(),
        ChromiumPdfEngine.EngineName => new ChromiumPdfEngine(htmlEdition),
        _ => throw new RenderException($"unknown PDF engine '{name}' (known: {NativePdfEngine.EngineName}, {ChromiumPdfEngine.EngineName})"),
    };
}
