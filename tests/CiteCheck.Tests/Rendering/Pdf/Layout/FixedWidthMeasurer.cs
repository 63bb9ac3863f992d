using CiteCheck.Rendering.Pdf.Layout;

namespace CiteCheck.Tests.Rendering.Pdf.Layout;

/// <summary>Every character is half the font size wide: layout tests can count in characters.</summary>
public sealed class FixedWidthMeasurer : ITextMeasurer
{
    public double Width(string text, TextStyle style) => text.Length * style.Size / 2;

    public FontMetrics Metrics(TextStyle style) => new(style.Size * 0.8, style.Size * 0.2);
}
