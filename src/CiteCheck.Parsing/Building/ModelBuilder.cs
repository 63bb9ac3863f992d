using System.Globalization;
using CiteCheck.Model;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace CiteCheck.Parsing.Building;

/// <summary>
/// Walks the syntax tree's blocks in order and hands each to the part that reads it: front matter
/// (<see cref="FrontMatterReader"/>), headings (<see cref="Sections"/>), paragraphs, list items and quotes
/// (<see cref="InlineBlocks"/>), tables (<see cref="TableReader"/>), footnote definitions (<see cref="FootnoteSources"/>);
/// code, HTML and rules become plain blocks.
/// </summary>
internal sealed class ModelBuilder(string file, string text)
{
    private readonly BuildContext _context = new(file, text);
    private readonly List<FrontMatterEntry> _frontMatter = [];
    private readonly List<Source> _footnotes = [];

    public ParseResult Build(MarkdownDocument markdown, Bibliography? bibliography)
    {
        foreach (var block in markdown)
        {
            Visit(block, depth: 0);
        }
        var bib = (bibliography ?? Bibliography.Empty) with { Footnotes = [.. _footnotes] };
        var title = _context.Sections.Title ?? _frontMatter.FirstOrDefault(f => f.Key == "title")?.Value ?? Path.GetFileNameWithoutExtension(file);
        var document = new Document(file, title, [.. _frontMatter], [.. _context.Sections.All], [.. _context.Blocks], bib);
        return new ParseResult(document, [.. _context.Diagnostics]);
    }

    private void Visit(Markdig.Syntax.Block block, int depth)
    {
        switch (block)
        {
            case YamlFrontMatterBlock yaml:
                FrontMatterReader.Add(_context, yaml, _frontMatter);
                break;
            case HeadingBlock heading:
                _context.Sections.Add(_context, heading);
                break;
            case ParagraphBlock paragraph:
                InlineBlocks.Add(_context, BlockKind.Paragraph, paragraph, [paragraph], depth, null);
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, CultureInfo.InvariantCulture, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    AddListItem(item, depth, list.IsOrdered ? number++ : null);
                }
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    if (child is ParagraphBlock p)
                    {
                        InlineBlocks.Add(_context, BlockKind.Quote, p, [p], depth + 1, null);
                    }
                    else
                    {
                        Visit(child, depth + 1);
                    }
                }
                break;
            case Table table:
                TableReader.Add(_context, table);
                break;
            case FootnoteGroup:
                // Markdig keeps only the footnotes that are referenced here; every definition is read from its
                // reference definition below, so unused ones can be reported too.
                break;
            case FencedCodeBlock or CodeBlock:
                AddPlain(BlockKind.Code, block, ((LeafBlock)block).Lines.ToString(), depth);
                break;
            case HtmlBlock html:
                AddPlain(BlockKind.Html, block, html.Lines.ToString(), depth);
                break;
            case ThematicBreakBlock:
                AddPlain(BlockKind.ThematicBreak, block, "", depth);
                break;
            case LinkReferenceDefinitionGroup definitions:
                foreach (var definition in definitions.OfType<FootnoteLinkReferenceDefinition>())
                {
                    _footnotes.Add(FootnoteSources.Read(_context, definition.Footnote, definition.Span.Start));
                }
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Visit(child, depth);
                }
                break;
        }
    }

    private void AddListItem(ListItemBlock item, int depth, int? ordered)
    {
        // The item's paragraphs form one block; nested lists become blocks of their own, one level deeper.
        var paragraphs = item.OfType<ParagraphBlock>().ToList();
        if (paragraphs.Count > 0)
        {
            InlineBlocks.Add(_context, BlockKind.ListItem, item, paragraphs, depth, ordered);
        }
        foreach (var child in item)
        {
            if (child is not ParagraphBlock)
            {
                Visit(child, depth + 1);
            }
        }
    }

    private void AddPlain(BlockKind kind, Markdig.Syntax.Block block, string content, int depth)
    {
        var span = _context.Span(block.Span.Start, block.Span.End + 1);
        _context.Blocks.Add(new Model.Block(_context.Blocks.Count, kind, _context.Sections.Current, 0, span, content, [new TextInline(content, span)], [], []) { Depth = depth });
    }
}
