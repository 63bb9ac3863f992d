using System.Collections.Immutable;
using System.Text;
using CiteCheck.Model;
using CiteCheck.Parsing.Syntax;
using Markdig.Extensions.Footnotes;
using Md = Markdig.Syntax.Inlines;

namespace CiteCheck.Parsing.Building;

/// <summary>
/// Converts Markdig inlines into the model's: adjacent text merged into one <see cref="TextInline"/>, citation nodes
/// into <see cref="CitationInline"/>s (numbered by the order the report cites them), malformed numbers kept as text and
/// collected for their findings. When converting the paragraph that holds a source group, it also notes where in the
/// model's inlines the group starts (<see cref="GroupStart"/>), so the claims can be cut there.
/// </summary>
internal sealed class InlineConverter(BuildContext context, SourceGroup? group = null)
{
    private readonly ImmutableArray<Citation>.Builder _citations = ImmutableArray.CreateBuilder<Citation>();
    private readonly List<MalformedCitationInline> _malformed = [];
    private readonly int _blockIndex = context.Blocks.Count;

    /// <summary>The model inline holding the group's first character, and where in its text; null until converted.</summary>
    public (Inline Inline, int Index)? GroupStart { get; private set; }

    public Converted Convert(Md.ContainerInline? container)
    {
        return Result(container is null ? [] : ConvertChildren(container));
    }

    /// <summary>Converts more inlines into the same lists (a list item's next paragraph): the inlines of this run only.</summary>
    public ImmutableArray<Inline> ConvertMore(Md.ContainerInline container) => ConvertChildren(container);

    /// <summary>Everything converted so far.</summary>
    public Converted Result(ImmutableArray<Inline> inlines) => new(inlines, _citations.ToImmutable(), [.. _malformed]);

    private ImmutableArray<Inline> ConvertChildren(Md.ContainerInline container)
    {
        var items = new List<Inline>();
        var pendingText = new StringBuilder();
        var pendingStart = -1;
        var pendingEnd = -1;
        var pendingGroupIndex = -1;

        void Flush()
        {
            if (pendingText.Length > 0)
            {
                var inline = new TextInline(pendingText.ToString(), pendingStart >= 0 ? context.Span(pendingStart, pendingEnd) : null);
                items.Add(inline);
                if (pendingGroupIndex >= 0)
                {
                    GroupStart = (inline, pendingGroupIndex);
                }
                pendingText.Clear();
            }
            pendingStart = -1;
            pendingEnd = -1;
            pendingGroupIndex = -1;
        }

        void AddText(Md.Inline? from, string s, int start, int end)
        {
            if (group is not null && from is not null && ReferenceEquals(from, group.StartLeaf))
            {
                pendingGroupIndex = pendingText.Length + group.StartIndex;
            }
            if (pendingText.Length == 0)
            {
                pendingStart = start;
            }
            pendingText.Append(s);
            pendingEnd = end;
        }

        void Add(Md.Inline from, Inline inline, int index = 0)
        {
            Flush();
            items.Add(inline);
            if (group is not null && ReferenceEquals(from, group.StartLeaf))
            {
                GroupStart = (inline, index + group.StartIndex);
            }
        }

        foreach (var node in container)
        {
            switch (node)
            {
                case UndefinedFootnoteInline undefined:
                    var uspan = context.Span(undefined.Span.Start, undefined.Span.End + 1);
                    AddCitation(node, new Citation(context.NextCitationIndex(), CitationStyle.Footnote, undefined.Key, undefined.Key, null, uspan, _blockIndex, false));
                    break;
                case MalformedCitationInline malformed:
                    _malformed.Add(malformed);
                    AddLiteral(malformed);
                    break;
                case Md.LiteralInline literal:
                    AddLiteral(literal);
                    break;
                case Md.HtmlEntityInline entity:
                    AddText(entity, entity.Transcoded.ToString(), entity.Span.Start, entity.Span.End + 1);
                    break;
                case Md.LinkDelimiterInline delimiter:
                    // An unmatched '[' (e.g. "[1" or "[1a]"): keep its text and children as literal text.
                    AddText(delimiter, delimiter.ToLiteral(), delimiter.Span.Start, delimiter.Span.End + 1);
                    foreach (var child in ConvertChildren(delimiter))
                    {
                        if (child is TextInline t)
                        {
                            if (GroupStart is { } start && ReferenceEquals(start.Inline, t))
                            {
                                pendingGroupIndex = pendingText.Length + start.Index;
                            }
                            AddText(null, t.Text, t.Span?.Start.Offset ?? -1, t.Span?.End.Offset ?? -1);
                        }
                        else
                        {
                            Flush();
                            items.Add(child);
                        }
                    }
                    break;
                case Md.LineBreakInline br:
                    Add(node, new LineBreakInline(br.IsHard, context.Span(br.Span.Start, br.Span.End + 1)));
                    break;
                case Md.CodeInline code:
                    Add(node, new CodeInline(code.Content, context.Span(code.Span.Start, code.Span.End + 1)));
                    break;
                case Md.HtmlInline html:
                    Add(node, new RawHtmlInline(html.Tag, context.Span(html.Span.Start, html.Span.End + 1)));
                    break;
                case Md.AutolinkInline auto:
                    var autoText = new TextInline(auto.Url, null);
                    Flush();
                    items.Add(new LinkInline(auto.IsEmail ? "mailto:" + auto.Url : auto.Url, null, [autoText], context.Span(auto.Span.Start, auto.Span.End + 1)));
                    if (group is not null && ReferenceEquals(node, group.StartLeaf))
                    {
                        GroupStart = (autoText, group.StartIndex);
                    }
                    break;
                case FootnoteLink footnoteLink when !footnoteLink.IsBackLink:
                    var key = SyntaxText.FootnoteKey(footnoteLink);
                    var fspan = context.Span(footnoteLink.Span.Start, footnoteLink.Span.End + 1);
                    AddCitation(node, new Citation(context.NextCitationIndex(), CitationStyle.Footnote, key, key, null, fspan, _blockIndex, false));
                    break;
                case NumberedCitationInline numbered:
                    Flush();
                    var cited = numbered.Link;
                    var label = InlineText.Plain(ConvertChildren(cited)).Trim();
                    var span = context.Span(cited.Span.Start, numbered.NumberSpan.End + 1);
                    var targetSpan = cited.UrlSpan is { } us && us.Length > 0 ? context.Span(us.Start, us.End + 1) : null;
                    var citation = new Citation(context.NextCitationIndex(), CitationStyle.NumberedLink, label, numbered.Number, cited.Url ?? "", span, _blockIndex, false)
                    { TargetSpan = targetSpan };
                    AddCitation(node, citation);
                    break;
                case Md.LinkInline { IsImage: false } link:
                    Flush();
                    items.Add(new LinkInline(link.Url ?? "", link.Title, ConvertChildren(link), context.Span(link.Span.Start, link.Span.End + 1)));
                    break;
                case Md.EmphasisInline emphasis:
                    Flush();
                    items.Add(new EmphasisInline(emphasis.DelimiterCount >= 2, ConvertChildren(emphasis), context.Span(emphasis.Span.Start, emphasis.Span.End + 1)));
                    break;
                case Md.LinkInline image:
                    Add(node, new TextInline(image.Title ?? "", null));
                    break;
                case Md.ContainerInline inner:
                    Flush();
                    items.AddRange(ConvertChildren(inner));
                    break;
            }
        }
        Flush();
        return [.. items];

        void AddCitation(Md.Inline from, Citation citation)
        {
            _citations.Add(citation);
            Add(from, new CitationInline(citation));
        }

        void AddLiteral(Md.LiteralInline literal)
        {
            var literalText = literal.Content.ToString();
            var (literalStart, literalEnd) = Locate(literal, literalText);
            AddText(literal, literalText, literalStart, literalEnd);
            if (literalStart >= 0 && literalEnd - literalStart == literalText.Length)
            {
                for (var i = literalText.IndexOf('*', StringComparison.Ordinal); i >= 0; i = literalText.IndexOf('*', i + 1))
                {
                    context.LiteralAsterisks.Add(literalStart + i);
                }
            }
        }
    }

    /// <summary>
    /// Where a literal's content stands in the file. Markdig's literal spans can include the white space around a table
    /// cell; when the content appears verbatim inside the span, that is its exact place; otherwise (escapes) the span.
    /// </summary>
    private (int Start, int End) Locate(Md.LiteralInline literal, string content)
    {
        var start = literal.Span.Start;
        var end = literal.Span.End + 1;
        var text = context.Text;
        if (content.Length == 0 || start < 0 || end > text.Length || end - start == content.Length)
        {
            return (start, end);
        }
        var at = text.IndexOf(content, start, end - start, StringComparison.Ordinal);
        return at >= 0 ? (at, at + content.Length) : (start, end);
    }
}

/// <summary>A converted run of inlines: the model's inlines, the citations among them, the malformed numbers.</summary>
internal sealed record Converted(ImmutableArray<Inline> Inlines, ImmutableArray<Citation> Citations, ImmutableArray<MalformedCitationInline> Malformed);
