using CiteCheck.Rendering.Pdf.Fonts;
using CiteCheck.Rendering.Pdf.Layout;

namespace CiteCheck.Rendering.Pdf.Compose;

/// <summary>
/// The edition's typography in one place: a serif for reading, a sans for headings, tables and page furniture,
/// one accent colour. Sizes in points.
/// </summary>
public static class Theme
{
    public static readonly Rgb Ink = new(0x1E, 0x22, 0x27);
    public static readonly Rgb Accent = new(0x17, 0x3A, 0x5E);
    public static readonly Rgb Muted = new(0x5E, 0x66, 0x6E);
    public static readonly Rgb Link = new(0x1F, 0x52, 0x9C);
    public static readonly Rgb Rule = new(0xB9, 0xC0, 0xC7);
    public static readonly Rgb LightRule = new(0xDD, 0xE1, 0xE5);
    public static readonly Rgb HeaderFill = new(0xE8, 0xEC, 0xF1);
    public static readonly Rgb Alert = new(0xA3, 0x25, 0x1C);
    public static readonly Rgb Good = new(0x2E, 0x6B, 0x34);

    public static readonly TextStyle Body = new(FontRole.Serif, 10, Color: Ink);
    public static readonly ParagraphStyle Paragraph = new(Body, 14.4, Alignment.Justify, SpaceAfter: 7);
    public static readonly ParagraphStyle ListItem = new(Body, 14.4, Alignment.Justify, Indent: 16, SpaceAfter: 3.5);
    public static readonly ParagraphStyle Quote = new(Body with { Italic = true, Color = Muted }, 14.4, Alignment.Left, Indent: 22, SpaceBefore: 2, SpaceAfter: 9);
    public static readonly ParagraphStyle Code = new(new TextStyle(FontRole.Mono, 8.3, Color: Ink), 11.2, Alignment.Left, Indent: 10, SpaceBefore: 2, SpaceAfter: 9);

    public static readonly ParagraphStyle Kicker = new(new TextStyle(FontRole.Sans, 8.5, Bold: true, Color: Accent), 12, Alignment.Left, SpaceAfter: 6);
    public static readonly ParagraphStyle Title = new(new TextStyle(FontRole.Sans, 23, Bold: true, Color: Accent), 28, Alignment.Left, SpaceAfter: 6, BreakAtDashes: false);
    public static readonly ParagraphStyle Subtitle = new(new TextStyle(FontRole.Serif, 12, Italic: true, Color: Muted), 16, Alignment.Left, SpaceAfter: 4);
    public static readonly ParagraphStyle Meta = new(new TextStyle(FontRole.Sans, 8.5, Color: Muted), 12, Alignment.Left, SpaceBefore: 2);

    /// <summary>Heading styles by rank: 0 for the top level of the body (## in the sample), 1 below it, 2 and deeper.</summary>
    public static ParagraphStyle Heading(int rank) => rank switch
    {
        0 => new(new TextStyle(FontRole.Sans, 14, Bold: true, Color: Accent), 18, Alignment.Left, SpaceBefore: 20, SpaceAfter: 9),
        1 => new(new TextStyle(FontRole.Sans, 11.5, Bold: true, Color: Accent), 15, Alignment.Left, SpaceBefore: 14, SpaceAfter: 5),
        _ => new(new TextStyle(FontRole.Sans, 10, Bold: true, Italic: true, Color: Ink), 14, Alignment.Left, SpaceBefore: 10, SpaceAfter: 3),
    };

    public static readonly ParagraphStyle ContentsEntry = new(new TextStyle(FontRole.Sans, 9.5, Color: Link), 13.5, Alignment.Left, SpaceAfter: 1);

    public static readonly ParagraphStyle Bibliography = new(new TextStyle(FontRole.Serif, 9, Color: Ink), 12.4, Alignment.Left, Indent: 24, SpaceAfter: 2.5);
    public static readonly TextStyle BibliographyNumber = new(FontRole.Sans, 8, Bold: true, Color: Accent);

    public static readonly TextStyle Cell = new(FontRole.Sans, 7.8, Color: Ink);
    public static readonly TextStyle CellQuote = new(FontRole.Serif, 8.2, Color: Ink);
    public static readonly TextStyle CellHeader = new(FontRole.Sans, 7.8, Bold: true, Color: Accent);
    public static readonly TextStyle CellSmall = new(FontRole.Sans, 6.8, Color: Muted);
    public static readonly TableStyle Table = new(10.8, 4.5, 3.6, HeaderFill, LightRule, Rule, SpaceBefore: 6, SpaceAfter: 12);

    public static readonly TextStyle Furniture = new(FontRole.Sans, 7.5, Color: Muted);
}
