using Markdig.Syntax.Inlines;

namespace CiteCheck.Parsing.Syntax;

/// <summary>
/// <c>[Label](url) [12]</c>: a link followed by a bracketed source number. The link, as Markdig parsed it, is the only
/// child; <see cref="Inline.Span"/> runs from the link's <c>[</c> to the number's <c>]</c>.
/// </summary>
public sealed class NumberedCitationInline : ContainerInline
{
    /// <summary>The source number as written: 1 to 99,999 without leading zeros.</summary>
    public required string Number { get; init; }

    /// <summary>The bracketed number, <c>[12]</c>, in the file.</summary>
    public required Markdig.Syntax.SourceSpan NumberSpan { get; init; }

    public LinkInline Link => (LinkInline)FirstChild!;

    /// <summary>The source group at the end of its paragraph this citation stands in, if any.</summary>
    public SourceGroup? Group { get; set; }
}

/// <summary>
/// <c>[^key]</c> that no footnote defines (Markdig's own footnote parser takes the defined ones): still a citation, of a
/// source nobody defines.
/// </summary>
public sealed class UndefinedFootnoteInline : LeafInline
{
    /// <summary>The key with its caret: <c>^key</c>.</summary>
    public required string Key { get; init; }
}

/// <summary>
/// The bracket after a citation link that is plainly meant as a source number but is not one (<c>[1</c>, <c>[1a]</c>,
/// <c>[ 1]</c>, <c>[0]</c>, <c>[007]</c>, <c>[100000]</c>). It stays text, so it is a literal; the model builder reports
/// it as <c>malformed-citation</c> at <see cref="WrittenSpan"/>.
/// </summary>
public sealed class MalformedCitationInline : LiteralInline
{
    public MalformedCitationInline(string text)
        : base(text)
    {
    }

    /// <summary>The link the bracket follows.</summary>
    public required LinkInline Link { get; init; }

    /// <summary>True when the bracket holds a number outside 1..99,999 or one with leading zeros.</summary>
    public required bool OutOfRange { get; init; }

    /// <summary>The broken bracket as written (<c>[1a]</c>); the node itself holds its bracket and digits only (<c>[1</c>) when more follows.</summary>
    public required string Written { get; init; }

    /// <summary>Where <see cref="Written"/> stands in the file.</summary>
    public required Markdig.Syntax.SourceSpan WrittenSpan { get; init; }
}

/// <summary>
/// Citations closing a paragraph: introduced (<c>(Sources: …)</c>, <c>Source: …</c>, <c>(See also: …)</c>, <c>(Via …)</c>)
/// or standing bare after its last sentence. Found by <see cref="SourceGroupFinder"/> once the paragraph's inlines are
/// parsed; whether it backs a whole block is the model builder's decision (a list item's group closes its last paragraph).
/// </summary>
public sealed class SourceGroup
{
    public required bool Introduced { get; init; }

    /// <summary>The citation nodes of the group, in order (numbered citations, footnote references).</summary>
    public required IReadOnlyList<Inline> Citations { get; init; }

    /// <summary>The leaf inline holding the group's first character (the introduction's, or the first citation).</summary>
    public required Inline StartLeaf { get; init; }

    /// <summary>Where in <see cref="StartLeaf"/>'s text the group starts.</summary>
    public required int StartIndex { get; init; }

    /// <summary>The file offsets of the group's first character and of its paragraph's last (Markdig spans are inclusive).</summary>
    public required Markdig.Syntax.SourceSpan Span { get; init; }
}
