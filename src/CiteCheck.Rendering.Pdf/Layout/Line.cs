namespace CiteCheck.Rendering.Pdf.Layout;

/// <summary>A piece of a line, placed: x from the line's start, the text to draw (with its trailing space, for selection), its width.</summary>
public sealed record Fragment(double X, string Text, double Width, TextStyle Style, LinkTarget? Link)
{
    /// <summary>The named destinations of the run this piece was cut from.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Anchors { get; init; } = [];
}

/// <summary>One broken line: its fragments and its natural width (before justification).</summary>
public sealed record Line(IReadOnlyList<Fragment> Fragments, double NaturalWidth)
{
    public bool IsEmpty => Fragments.Count == 0;
}
