namespace CiteCheck.Rendering.Pdf.Layout;

/// <summary>A page size and its margins, in points (1/72 inch). The running header and footer sit in the top and bottom margins.</summary>
public sealed record PageGeometry(string Paper, double Width, double Height, double Left, double Right, double Top, double Bottom)
{
    public double ContentWidth => Width - Left - Right;

    public double ContentHeight => Height - Top - Bottom;

    /// <summary>A4 (210 × 297 mm) or US Letter (8.5 × 11 in), with the same text block margins on both.</summary>
    public static PageGeometry For(string paper) => paper.Trim().ToLowerInvariant() switch
    {
        "a4" => new("a4", 595.28, 841.89, 76, 76, 78, 72),
        "letter" => new("letter", 612, 792, 80, 80, 74, 68),
        _ => throw new RenderException($"unknown paper size '{paper}' (known: a4, letter)"),
    };
}
