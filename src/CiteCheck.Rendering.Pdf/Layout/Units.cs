namespace CiteCheck.Rendering.Pdf.Layout;

/// <summary>Something to draw inside a unit, at coordinates relative to the unit's top-left corner (y grows downwards).</summary>
public abstract record DrawOp;

/// <summary>Text on a baseline. <see cref="Width"/> is its measured advance (for link areas).</summary>
public sealed record TextOp(double X, double Baseline, string Text, double Width, TextStyle Style, LinkTarget? Link) : DrawOp;

public sealed record RectOp(double X, double Y, double Width, double Height, Rgb Fill) : DrawOp;

public sealed record LineOp(double X1, double Y1, double X2, double Y2, double Thickness, Rgb Color) : DrawOp;

/// <summary>A named destination at the unit's top (the target of internal links).</summary>
public sealed record AnchorOp(string Name) : DrawOp;

/// <summary>An entry of the document outline (bookmarks) at the unit's top; level 0 is the top level.</summary>
public sealed record OutlineOp(string Title, int Level) : DrawOp;

/// <summary>
/// The paginator's atom: a vertical slice that is never split (a line of a paragraph, a heading, a table row).
/// <see cref="SpaceBefore"/> is dropped at the top of a page. A page never breaks after a unit that keeps with the next.
/// A table row names the table's header, which is drawn again at the top of every page the table continues on.
/// </summary>
public sealed class Unit(double height, IReadOnlyList<DrawOp> ops)
{
    public double Height { get; } = height;

    public IReadOnlyList<DrawOp> Ops { get; } = ops;

    public double SpaceBefore { get; set; }

    public bool KeepWithNext { get; set; }

    public Unit? RepeatedHeader { get; set; }

    public bool IsHeader { get; set; }

    /// <summary>Starts a new page (an appendix, say) unless the page is still empty.</summary>
    public bool BreakBefore { get; set; }
}

/// <summary>A unit at its place on a page: y from the top of the content area.</summary>
public sealed record PlacedUnit(Unit Unit, double Y, bool Repeated);

/// <summary>One laid-out page: its units in order.</summary>
public sealed record LaidOutPage(int Number, IReadOnlyList<PlacedUnit> Units);
