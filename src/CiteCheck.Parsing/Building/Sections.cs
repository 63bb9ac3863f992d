using CiteCheck.Model;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace CiteCheck.Parsing.Building;

/// <summary>
/// Headings into sections: each opens a section whose parent is the last open one above its level, under the id
/// Markdig gave it (<see cref="Syntax.HeadingIdExtension"/>). The first <c>#</c> heading is the report's title.
/// Headings are blocks without claims.
/// </summary>
internal sealed class Sections
{
    private readonly List<Section> _sections = [];

    /// <summary>The open sections, levels strictly rising: the parent of a new heading is the last one above its level.</summary>
    private readonly Stack<int> _open = new();

    public string? Title { get; private set; }

    public IReadOnlyList<Section> All => _sections;

    /// <summary>The index of the section the next block belongs to (-1 before the first heading).</summary>
    public int Current => _sections.Count - 1;

    public void Add(BuildContext context, HeadingBlock heading)
    {
        var converted = new InlineConverter(context).Convert(heading.Inline);
        UnspacedEmphasis.Report(context, heading);
        Malformed.Report(context, converted.Malformed);
        var title = InlineText.Plain(converted.Inlines).Trim();
        var id = heading.GetAttributes().Id ?? "section";
        var span = context.Span(heading.Span.Start, heading.Span.End + 1);
        if (heading.Level == 1 && Title is null)
        {
            Title = title;
        }
        while (_open.Count > 0 && _sections[_open.Peek()].Level >= heading.Level)
        {
            _open.Pop();
        }
        var parent = _open.Count > 0 ? _open.Peek() : -1;
        _open.Push(_sections.Count);
        _sections.Add(new Section(_sections.Count, heading.Level, title, id, span, parent));
        context.Blocks.Add(new Model.Block(context.Blocks.Count, BlockKind.Heading, Current, heading.Level, span, title, converted.Inlines, [], converted.Citations));
    }
}
