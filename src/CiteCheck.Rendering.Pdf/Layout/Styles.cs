using CiteCheck.Rendering.Pdf.Fonts;

namespace CiteCheck.Rendering.Pdf.Layout;

/// <summary>An sRGB colour.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb Black { get; } = new(0, 0, 0);
}

/// <summary>How a run of text looks: role (serif, sans, mono), size in points, weight, slant, colour, and a rise for superscripts.</summary>
public sealed record TextStyle(FontRole Role, double Size, bool Bold = false, bool Italic = false, Rgb Color = default, double Rise = 0)
{
    public TextStyle WithBold() => this with { Bold = true };

    public TextStyle WithItalic() => this with { Italic = !Italic };

    /// <summary>A superscript of this style: smaller and raised.</summary>
    public TextStyle Superscript(Rgb color) => this with { Size = Math.Round(Size * 0.62, 2), Rise = Math.Round(Size * 0.36, 2), Color = color };
}

/// <summary>Where a piece of text leads: a named destination in the document, or a web address.</summary>
public abstract record LinkTarget;

/// <summary>A link to a named destination (e.g. "source-12", the bibliography entry of source 12).</summary>
public sealed record InternalLink(string Destination) : LinkTarget;

/// <summary>A link to an http(s) address.</summary>
public sealed record ExternalLink(string Url) : LinkTarget;

/// <summary>
/// A run of text in one style, possibly a link. A "\n" in <see cref="Text"/> is a forced line break. <see cref="Anchors"/>
/// are named destinations placed where the run is drawn (a citation's <c>cite-N</c>, a claim's <c>claim-N</c>).
/// </summary>
public sealed record Run(string Text, TextStyle Style, LinkTarget? Link = null)
{
    public System.Collections.Immutable.ImmutableArray<string> Anchors { get; init; } = [];
}

public enum Alignment
{
    Left,
    Justify,
    Center,
    Right,
}

/// <summary>Font measurements in points at a style's size.</summary>
public readonly record struct FontMetrics(double Ascent, double Descent);

/// <summary>Measures text with the real font metrics of the faces a render will draw with.</summary>
public interface ITextMeasurer
{
    double Width(string text, TextStyle style);

    FontMetrics Metrics(TextStyle style);
}
