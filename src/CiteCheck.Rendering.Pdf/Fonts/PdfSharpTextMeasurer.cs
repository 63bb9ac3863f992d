using CiteCheck.Rendering.Pdf.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CiteCheck.Rendering.Pdf.Fonts;

/// <summary>
/// The fonts of one render, as PDFsharp sees them: XFonts by style (created once) and text widths measured with
/// <see cref="XGraphics.MeasureString(string, XFont)"/> from the real font metrics (cached per font and text).
/// The layout stage knows it only as an <see cref="ITextMeasurer"/>; the drawing stage asks it for the XFonts.
/// </summary>
public sealed class PdfSharpTextMeasurer : ITextMeasurer, IDisposable
{
    private readonly IReadOnlyDictionary<FontRole, string> _families;
    private readonly Dictionary<(FontRole, double, bool, bool), XFont> _fonts = [];
    private readonly Dictionary<(XFont, string), double> _widths = [];
    private readonly XGraphics _context = XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);

    public PdfSharpTextMeasurer(FontFamilySet fonts)
    {
        var resolver = RegisteredFontResolver.Install();
        _families = new Dictionary<FontRole, string>
        {
            [FontRole.Serif] = resolver.Register(FontRole.Serif, fonts.Serif),
            [FontRole.Sans] = resolver.Register(FontRole.Sans, fonts.Sans),
            [FontRole.Mono] = resolver.Register(FontRole.Mono, fonts.Mono),
        };
    }

    public XFont Font(TextStyle style)
    {
        var key = (style.Role, style.Size, style.Bold, style.Italic);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var fontStyle = (style.Bold, style.Italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            // Unicode encoding: the text is embedded as a subset with a ToUnicode map, so it copies and searches.
            font = new XFont(_families[style.Role], style.Size, fontStyle, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[key] = font;
        }
        return font;
    }

    public double Width(string text, TextStyle style)
    {
        if (text.Length == 0)
        {
            return 0;
        }
        var font = Font(style);
        if (!_widths.TryGetValue((font, text), out var width))
        {
            width = _context.MeasureString(text, font).Width;
            _widths[(font, text)] = width;
        }
        return width;
    }

    public FontMetrics Metrics(TextStyle style)
    {
        var font = Font(style);
        var metrics = font.Metrics;
        var scale = font.Size / metrics.UnitsPerEm;
        return new FontMetrics(Math.Abs(metrics.Ascent) * scale, Math.Abs(metrics.Descent) * scale);
    }

    public void Dispose() => _context.Dispose();
}
