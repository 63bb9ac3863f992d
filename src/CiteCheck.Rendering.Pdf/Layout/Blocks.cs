namespace CiteCheck.Rendering.Pdf.Layout;

/// <summary>How a paragraph is set: its base style (for metrics), line height, alignment, left indent and spacing.</summary>
public sealed record ParagraphStyle(
    TextStyle Base,
    double Leading,
    Alignment Alignment = Alignment.Justify,
    double Indent = 0,
    double SpaceBefore = 0,
    double SpaceAfter = 0,
    bool BreakAtDashes = true);

/// <summary>What the layout stage sets: the composer turns the checked report into these.</summary>
public abstract record LayoutBlock
{
    /// <summary>Start this block on a new page.</summary>
    public bool PageBreakBefore { get; init; }
}

/// <summary>
/// A paragraph of runs. A list item has a <see cref="Marker"/> (a bullet or a number) drawn in the indent before its
/// first line; <see cref="Anchor"/> names the paragraph as a link destination; <see cref="KeepTogether"/> never splits it.
/// </summary>
public sealed record ParagraphBlock(IReadOnlyList<Run> Runs, ParagraphStyle Style) : LayoutBlock
{
    public Run? Marker { get; init; }

    public string? Anchor { get; init; }

    public bool KeepTogether { get; init; }

    public bool KeepWithNext { get; init; }
}

/// <summary>A heading: kept with what follows, with an outline entry and an anchor, and an optional rule below.</summary>
public sealed record HeadingBlock(IReadOnlyList<Run> Runs, ParagraphStyle Style, string? Anchor, string OutlineTitle, int OutlineLevel) : LayoutBlock
{
    public (double Gap, double Thickness, Rgb Color)? RuleBelow { get; init; }
}

/// <summary>A horizontal rule across <see cref="Fraction"/> of the text width.</summary>
public sealed record RuleBlock(double Thickness, Rgb Color, double SpaceBefore, double SpaceAfter, double Fraction = 1) : LayoutBlock;

/// <summary>How a table looks.</summary>
public sealed record TableStyle(
    double Leading,
    double PaddingX,
    double PaddingY,
    Rgb HeaderFill,
    Rgb RowRule,
    Rgb GroupRule,
    double SpaceBefore,
    double SpaceAfter);

/// <summary>A row of cells; rows of one group (say, the claims of one discrepancy) are kept on one page when they fit.</summary>
public sealed record TableRow(IReadOnlyList<IReadOnlyList<Run>> Cells, bool EndsGroup = true);

/// <summary>A table that breaks between rows and repeats its header row on every page it continues on.</summary>
public sealed record TableBlock(IReadOnlyList<double> ColumnWeights, IReadOnlyList<IReadOnlyList<Run>> Header, IReadOnlyList<TableRow> Rows, TableStyle Style) : LayoutBlock;
