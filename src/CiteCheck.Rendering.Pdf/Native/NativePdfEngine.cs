using CiteCheck.Model;
using CiteCheck.Rendering.Pdf.Compose;
using CiteCheck.Rendering.Pdf.Drawing;
using CiteCheck.Rendering.Pdf.Fonts;
using CiteCheck.Rendering.Pdf.Layout;

namespace CiteCheck.Rendering.Pdf.Native;

/// <summary>
/// The native engine, in four stages: find the fonts (through the host) → compose the report into blocks →
/// lay out (line breaking from real metrics, then pagination) → draw with PDFsharp. Needs only the .NET runtime
/// and a font; the same input gives the same bytes.
/// </summary>
public sealed class NativePdfEngine : IPdfEngine
{
    public const string EngineName = "native";

    public string Name => EngineName;

    public byte[] Render(EditionModel edition, EditionOptions options, IHost host)
    {
        var geometry = PageGeometry.For(options.Paper);
        var fonts = FontLocator.Locate(host, options.FontPath);
        using var measurer = new PdfSharpTextMeasurer(fonts);
        var composed = ReportComposer.Compose(edition, options.BuildTime);
        var units = new BlockLayouter(measurer).Layout(composed.Blocks, geometry.ContentWidth);
        var pages = Paginator.Paginate(units, geometry.ContentHeight);
        var furniture = new PageFurniture(composed.Title, composed.Footer, Theme.Furniture, Theme.Rule);
        var metadata = new PdfMetadata(composed.Title, "Citation-checked edition with discrepancy and citation-health appendices", options.BuildTime);
        return new PdfDrawer(measurer).Draw(pages, geometry, furniture, metadata);
    }
}
