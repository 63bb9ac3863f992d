using System.Collections.Immutable;

namespace CiteCheck.Model;

/// <summary>
/// A parsed report: its title, front matter, sections, blocks (each with its claims and citations)
/// and the sources its citations refer to. Immutable; every later stage reads it.
/// </summary>
public sealed record Document(
    string File,
    string Title,
    ImmutableArray<FrontMatterEntry> FrontMatter,
    ImmutableArray<Section> Sections,
    ImmutableArray<Block> Blocks,
    Bibliography Bibliography)
{
    public IEnumerable<Claim> Claims => Blocks.SelectMany(b => b.Claims);

    public IEnumerable<Citation> Citations => Blocks.SelectMany(b => b.Citations);

    public Section? SectionOf(Block block) => block.SectionIndex >= 0 && block.SectionIndex < Sections.Length ? Sections[block.SectionIndex] : null;
}

/// <summary>One key of the YAML front matter, with the span of its value.</summary>
public sealed record FrontMatterEntry(string Key, string Value, SourceSpan Span);

/// <summary>A heading and what follows it up to the next heading of the same or a higher level.</summary>
public sealed record Section(int Index, int Level, string Title, string Slug, SourceSpan Span, int ParentIndex);

public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Table,
    Quote,
    Code,
    Html,
    ThematicBreak,

    /// <summary>The YAML front matter: its values are claims, but it is not part of the body.</summary>
    FrontMatter,
}

/// <summary>
/// A block of the report. <see cref="Inlines"/> keep the rich text for the renderers; <see cref="Text"/> is its plain text
/// with the citation groups removed; <see cref="Claims"/> are its sentences.
/// For a table, <see cref="Rows"/> holds the cells (the first row is the header).
/// </summary>
public sealed record Block(
    int Index,
    BlockKind Kind,
    int SectionIndex,
    int Level,
    SourceSpan Span,
    string Text,
    ImmutableArray<Inline> Inlines,
    ImmutableArray<Claim> Claims,
    ImmutableArray<Citation> Citations)
{
    /// <summary>Table rows (cells of inlines); empty for other blocks.</summary>
    public ImmutableArray<ImmutableArray<ImmutableArray<Inline>>> Rows { get; init; } = [];

    /// <summary>For list items: whether the list is ordered, and the item's number.</summary>
    public int? OrderedNumber { get; init; }

    /// <summary>Nesting depth of list items and quotes (0 for top level).</summary>
    public int Depth { get; init; }
}

/// <summary>
/// A sentence of a block: the unit figures are extracted from. <see cref="Sources"/> are the keys of the sources that back it:
/// the block's closing citation group plus any citation written right after the sentence.
/// </summary>
public sealed record Claim(int Id, int BlockIndex, string Text, SourceSpan Span, ImmutableArray<string> Sources)
{
    /// <summary>Maps an offset in <see cref="Text"/> to an offset in the file (for locating a figure inside the sentence).</summary>
    public OffsetMap OffsetMap { get; init; } = OffsetMap.Empty;

    public int FileOffsetOf(int textOffset) =>
        OffsetMap.Length == 0 ? Span.Start.Offset : OffsetMap[Math.Clamp(textOffset, 0, OffsetMap.Length - 1)];
}

public enum CitationStyle
{
    /// <summary><c>[Label](url) [n]</c></summary>
    NumberedLink,

    /// <summary><c>text.[^key]</c> with a footnote definition.</summary>
    Footnote,
}

/// <summary>
/// One citation as written: its label, the source key (a number, or a footnote's label with its caret, <c>^12</c>, so footnotes
/// never collide with numbered sources), its link target and span.
/// </summary>
public sealed record Citation(
    int Index,
    CitationStyle Style,
    string Label,
    string SourceKey,
    string? Target,
    SourceSpan Span,
    int BlockIndex,
    bool InClosingGroup)
{
    public int? Number => int.TryParse(SourceKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Span of the link target inside the citation, when there is one.</summary>
    public SourceSpan? TargetSpan { get; init; }
}
