using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CiteCheck.Model;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Md = Markdig.Syntax.Inlines;

namespace CiteCheck.Parsing;

/// <summary>
/// Reads a Markdown report (CommonMark via Markdig, with front matter, pipe tables and footnotes) into the model:
/// sections, blocks, citations and claims. See docs/format.md for the citation syntax.
/// </summary>
public static partial class ReportParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseFootnotes()
        .UsePreciseSourceLocation()
        .Build();

    public static ParseResult Parse(string file, string text, Bibliography? bibliography = null)
    {
        var state = new State(file, text);
        MarkdownDocument markdown;
        try
        {
            markdown = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            throw new InputException(file, null, "is nested too deeply (quotes, lists or brackets inside one another more than Markdig's 128 levels): flatten it");
        }
        if (markdown.Count == 0 || markdown[0] is not YamlFrontMatterBlock)
        {
            FrontMatterGuard.ThrowIfUnclosed(file, text);
        }
        var footnotes = new List<Source>();
        foreach (var block in markdown)
        {
            state.Visit(block, depth: 0, footnotes);
        }
        var bib = bibliography ?? Bibliography.Empty;
        bib = bib with { Footnotes = [.. footnotes] };
        var title = state.Title ?? state.FrontMatter.FirstOrDefault(f => f.Key == "title")?.Value ?? Path.GetFileNameWithoutExtension(file);
        var document = new Document(file, title, [.. state.FrontMatter], [.. state.Sections], [.. state.Blocks], bib);
        state.Diagnostics.AddRange(InvisibleCharacters.Scan(file, text));
        return new ParseResult(document, [.. state.Diagnostics]);
    }

    private sealed class State(string file, string text)
    {
        public readonly LineMap Lines = new(file, text);
        public readonly List<Section> Sections = [];
        public readonly List<Model.Block> Blocks = [];
        public readonly List<FrontMatterEntry> FrontMatter = [];
        public readonly List<Diagnostic> Diagnostics = [];
        public string? Title;
        private readonly HashSet<string> _slugs = [];

        /// <summary>For each slug, the next suffix to try: "background", "background-1", … without rescanning the taken ones.</summary>
        private readonly Dictionary<string, int> _nextSuffix = [];

        /// <summary>The open sections, levels strictly rising: the parent of a new heading is the last one above its level.</summary>
        private readonly Stack<int> _open = new();

        /// <summary>Offsets of the asterisks Markdig left as literal text: an unmatched <c>**</c> is among them, a bold one or one in code not.</summary>
        private readonly HashSet<int> _literalAsterisks = [];
        private int _claimId;
        private int _citationIndex;

        private int CurrentSection => Sections.Count - 1;

        public void Visit(Markdig.Syntax.Block block, int depth, List<Source> footnotes)
        {
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    AddFrontMatter(yaml);
                    break;
                case HeadingBlock heading:
                    AddHeading(heading);
                    break;
                case ParagraphBlock paragraph:
                    AddInlineBlock(BlockKind.Paragraph, paragraph, paragraph.Inline, depth, null);
                    break;
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, CultureInfo.InvariantCulture, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        AddListItem(item, depth, list.IsOrdered ? number++ : null, footnotes);
                    }
                    break;
                case QuoteBlock quote:
                    foreach (var child in quote)
                    {
                        if (child is ParagraphBlock p)
                        {
                            AddInlineBlock(BlockKind.Quote, p, p.Inline, depth + 1, null);
                        }
                        else
                        {
                            Visit(child, depth + 1, footnotes);
                        }
                    }
                    break;
                case Table table:
                    AddTable(table);
                    break;
                case FootnoteGroup:
                    // Markdig keeps only the footnotes that are referenced here; every definition is read from its
                    // reference definition below, so unused ones can be reported too.
                    break;
                case FencedCodeBlock or CodeBlock:
                    var code = (LeafBlock)block;
                    AddPlain(BlockKind.Code, block, code.Lines.ToString(), depth);
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
                        footnotes.Add(FootnoteSource(definition.Footnote, definition.Span.Start));
                    }
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Visit(child, depth, footnotes);
                    }
                    break;
            }
        }

        private void AddFrontMatter(YamlFrontMatterBlock yaml)
        {
            var body = yaml.Lines.ToString();
            var firstLine = Lines.PositionOf(yaml.Span.Start).Line; // the '---' line
            var root = YamlText.Load(file, body, lineOffset: firstLine);
            if (root is null or YamlDotNet.RepresentationModel.YamlScalarNode { Value: null or "" })
            {
                return;
            }
            if (root is not YamlDotNet.RepresentationModel.YamlMappingNode map)
            {
                throw new InputException(file, firstLine + (int)root.Start.Line, "the front matter must be key: value lines (title: …, date: …), not a list or a bare value");
            }
            var claims = ImmutableArray.CreateBuilder<Claim>();
            foreach (var (key, value) in map.Children)
            {
                if (key is not YamlDotNet.RepresentationModel.YamlScalarNode k || value is not YamlDotNet.RepresentationModel.YamlScalarNode v || v.Value is null)
                {
                    continue;
                }
                var line = firstLine + (int)value.Start.Line;
                var offset = Lines.LineStart(line) + (int)value.Start.Column - 1;
                var span = Lines.Span(offset, offset + v.Value.Length);
                FrontMatter.Add(new FrontMatterEntry(k.Value ?? "", v.Value, span));
                var claimText = $"{k.Value}: {v.Value}";
                var keyOffset = Lines.LineStart(line) + (int)key.Start.Column - 1;
                var map2 = Enumerable.Range(0, claimText.Length)
                    .Select(i => i < (k.Value?.Length ?? 0) + 2 ? keyOffset + Math.Min(i, (k.Value?.Length ?? 0)) : offset + i - ((k.Value?.Length ?? 0) + 2))
                    .ToImmutableArray();
                claims.Add(new Claim(_claimId++, Blocks.Count, claimText, Lines.Span(keyOffset, offset + v.Value.Length), []) { OffsetMap = map2 });
            }
            var blockText = string.Join("\n", claims.Select(c => c.Text));
            Blocks.Add(new Model.Block(Blocks.Count, BlockKind.FrontMatter, -1, 0, Lines.Span(yaml.Span.Start, yaml.Span.End + 1), blockText, [], claims.ToImmutable(), []));
        }

        private void AddHeading(HeadingBlock heading)
        {
            var citations = ImmutableArray<Citation>.Empty;
            var inlines = heading.Inline is null ? [] : ConvertInlines(heading.Inline, out citations);
            UnspacedEmphasisIn(heading);
            var title = InlineText.Plain(inlines).Trim();
            var slug = Slug(title);
            var span = Lines.Span(heading.Span.Start, heading.Span.End + 1);
            if (heading.Level == 1 && Title is null)
            {
                Title = title;
            }
            while (_open.Count > 0 && Sections[_open.Peek()].Level >= heading.Level)
            {
                _open.Pop();
            }
            var parent = _open.Count > 0 ? _open.Peek() : -1;
            _open.Push(Sections.Count);
            Sections.Add(new Section(Sections.Count, heading.Level, title, slug, span, parent));
            Blocks.Add(new Model.Block(Blocks.Count, BlockKind.Heading, CurrentSection, heading.Level, span, title, inlines, [], citations));
        }

        private void AddListItem(ListItemBlock item, int depth, int? ordered, List<Source> footnotes)
        {
            // The item's paragraphs form one block; nested lists become blocks of their own, one level deeper.
            var paragraphs = item.OfType<ParagraphBlock>().ToList();
            if (paragraphs.Count > 0)
            {
                var first = paragraphs[0];
                AddInlineBlock(BlockKind.ListItem, item, first.Inline, depth, ordered, paragraphs.Skip(1).Select(p => p.Inline));
            }
            foreach (var child in item)
            {
                if (child is not ParagraphBlock)
                {
                    Visit(child, depth + 1, footnotes);
                }
            }
        }

        private void AddPlain(BlockKind kind, Markdig.Syntax.Block block, string content, int depth)
        {
            var span = Lines.Span(block.Span.Start, block.Span.End + 1);
            Blocks.Add(new Model.Block(Blocks.Count, kind, CurrentSection, 0, span, content, [new TextInline(content, span)], [], []) { Depth = depth });
        }

        private void AddTable(Table table)
        {
            var rows = ImmutableArray.CreateBuilder<ImmutableArray<ImmutableArray<Inline>>>();
            var allCitations = ImmutableArray.CreateBuilder<Citation>();
            var claims = ImmutableArray.CreateBuilder<Claim>();
            var blockIndex = Blocks.Count;
            foreach (var row in table.OfType<TableRow>())
            {
                var cells = ImmutableArray.CreateBuilder<ImmutableArray<Inline>>();
                var rowText = new Flat();
                foreach (var cell in row.OfType<TableCell>())
                {
                    var paragraph = cell.OfType<ParagraphBlock>().FirstOrDefault();
                    var inlines = ImmutableArray<Inline>.Empty;
                    if (paragraph?.Inline is { } inl)
                    {
                        inlines = ConvertInlines(inl, out var cellCitations);
                        allCitations.AddRange(cellCitations);
                    }
                    cells.Add(inlines);
                    if (rowText.Length > 0)
                    {
                        rowText.Append("; ", -1);
                    }
                    Flatten(inlines, rowText);
                }
                rows.Add(cells.ToImmutable());
                if (!row.IsHeader)
                {
                    var (prose, proseCitations) = rowText.WithoutCitationMarkers(keepLabels: true);
                    var sources = proseCitations.Select(c => c.Citation.SourceKey).Distinct().ToImmutableArray();
                    var start = prose.Offsets.FirstOrDefault(o => o >= 0, row.Span.Start);
                    var text2 = prose.ToString().Trim();
                    if (text2.Length > 0)
                    {
                        claims.Add(new Claim(_claimId++, blockIndex, text2, Lines.Span(start, row.Span.End + 1), sources) { OffsetMap = [.. prose.Offsets.Select(o => o < 0 ? start : o)] });
                    }
                }
            }
            UnspacedEmphasisIn(table);
            var span = Lines.Span(table.Span.Start, table.Span.End + 1);
            var text3 = string.Join("\n", claims.Select(c => c.Text));
            Blocks.Add(new Model.Block(blockIndex, BlockKind.Table, CurrentSection, 0, span, text3, [], claims.ToImmutable(), allCitations.ToImmutable())
            { Rows = rows.ToImmutable() });
        }

        private void AddInlineBlock(BlockKind kind, Markdig.Syntax.Block block, Md.ContainerInline? inline, int depth, int? ordered, IEnumerable<Md.ContainerInline?>? more = null)
        {
            var inlines = ImmutableArray.CreateBuilder<Inline>();
            var citations = ImmutableArray.CreateBuilder<Citation>();
            if (inline is not null)
            {
                inlines.AddRange(ConvertInlines(inline, out var cs));
                citations.AddRange(cs);
            }
            foreach (var extra in more ?? [])
            {
                if (extra is null)
                {
                    continue;
                }
                inlines.Add(new LineBreakInline(true, null));
                inlines.Add(new LineBreakInline(true, null));
                inlines.AddRange(ConvertInlines(extra, out var cs));
                citations.AddRange(cs);
            }
            var blockIndex = Blocks.Count;
            var (text, claims, finalCitations) = BuildClaims(inlines.ToImmutable(), citations.ToImmutable(), blockIndex, block);
            var span = Lines.Span(block.Span.Start, block.Span.End + 1);
            Blocks.Add(new Model.Block(blockIndex, kind, CurrentSection, 0, span, text, Replace(inlines.ToImmutable(), finalCitations), claims, finalCitations)
            {
                Depth = depth,
                OrderedNumber = ordered,
            });
        }

        /// <summary>Replaces the citations inside inlines by their final versions (with the closing-group flag set).</summary>
        private static ImmutableArray<Inline> Replace(ImmutableArray<Inline> inlines, ImmutableArray<Citation> final)
        {
            var byIndex = final.ToDictionary(c => c.Index);
            return [.. inlines.Select(Map)];

            Inline Map(Inline i) => i switch
            {
                CitationInline c => new CitationInline(byIndex[c.Citation.Index]),
                EmphasisInline e => e with { Children = [.. e.Children.Select(Map)] },
                LinkInline l => l with { Children = [.. l.Children.Select(Map)] },
                _ => i,
            };
        }

        private (string Text, ImmutableArray<Claim> Claims, ImmutableArray<Citation> Citations) BuildClaims(
            ImmutableArray<Inline> inlines, ImmutableArray<Citation> citations, int blockIndex, Markdig.Syntax.Block block)
        {
            var flat = new Flat();
            Flatten(inlines, flat);
            var full = flat.ToString();
            var (groupStart, introduced) = ClosingGroup.Find(full);
            if (groupStart >= 0 && !introduced && flat.Markers.Any(m => m.Start >= groupStart && m.Citation.Style == CitationStyle.Footnote))
            {
                // "Last sentence.[^3]": a footnote marks the sentence it follows; only "Sources: [^3]" would make it a group.
                groupStart = -1;
            }
            var closing = new HashSet<int>();
            if (groupStart >= 0)
            {
                foreach (var (citation, start, _) in flat.Markers)
                {
                    if (start >= groupStart)
                    {
                        closing.Add(citation.Index);
                    }
                }
                flat = flat.Slice(0, groupStart);
            }
            // A list item's own paragraphs only: its nested lists are blocks of their own and scanned there.
            foreach (var leaf in block is ContainerBlock container ? container.OfType<Markdig.Syntax.Block>().Where(b => b is ParagraphBlock) : [block])
            {
                MalformedInProse(leaf);
                UnspacedEmphasisIn(leaf);
            }
            var (prose, positioned) = flat.WithoutCitationMarkers(keepLabels: false);
            var proseText = prose.ToString();
            var sentences = SentenceSplitter.Split(proseText);
            var groupSources = citations.Where(c => closing.Contains(c.Index)).Select(c => c.SourceKey).Distinct().ToList();
            var own = new List<string>[sentences.Count];
            for (var s = 0; s < sentences.Count; s++)
            {
                own[s] = [];
            }
            foreach (var (citation, position, afterSentence) in positioned)
            {
                var index = SentenceAt(sentences, position, afterSentence);
                if (index >= 0)
                {
                    own[index].Add(citation.SourceKey);
                }
            }
            var claims = ImmutableArray.CreateBuilder<Claim>();
            for (var s = 0; s < sentences.Count; s++)
            {
                var (start, end) = sentences[s];
                var sentence = proseText[start..end];
                var offsets = prose.Offsets.Skip(start).Take(end - start).ToList();
                var first = offsets.FirstOrDefault(o => o >= 0, block.Span.Start);
                var last = offsets.LastOrDefault(o => o >= 0, first);
                var fixedOffsets = new int[offsets.Count];
                var previous = first;
                for (var i = 0; i < offsets.Count; i++)
                {
                    previous = offsets[i] >= 0 ? offsets[i] : previous;
                    fixedOffsets[i] = previous;
                }
                var sources = own[s].Concat(groupSources).Distinct().ToImmutableArray();
                claims.Add(new Claim(_claimId++, blockIndex, sentence, Lines.Span(first, last + 1), sources) { OffsetMap = [.. fixedOffsets] });
            }
            var final = citations.Select(c => closing.Contains(c.Index) ? c with { InClosingGroup = true } : c).ToImmutableArray();
            return (proseText.Trim(), claims.ToImmutable(), final);
        }

        /// <summary>The last sentence starting before the citation (at it, unless the citation follows a sentence), by binary search: sentences are in order.</summary>
        private static int SentenceAt(IReadOnlyList<(int Start, int End)> sentences, int position, bool afterSentence)
        {
            var limit = afterSentence ? position : position + 1; // the first start that no longer qualifies
            int low = 0, high = sentences.Count;
            while (low < high)
            {
                var mid = low + ((high - low) / 2);
                if (sentences[mid].Start < limit)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }
            var best = low - 1;
            return best < 0 && sentences.Count > 0 ? 0 : best;
        }

        private ImmutableArray<Inline> ConvertInlines(Md.ContainerInline container, out ImmutableArray<Citation> citations)
        {
            var found = ImmutableArray.CreateBuilder<Citation>();
            var result = Convert(container, found);
            citations = found.ToImmutable();
            return result;
        }

        /// <summary>
        /// Converts Markdig inlines, merging adjacent literals, and recognises citations: a link followed by <c>[n]</c>,
        /// or a footnote reference.
        /// </summary>
        private ImmutableArray<Inline> Convert(Md.ContainerInline container, ImmutableArray<Citation>.Builder found)
        {
            var items = new List<Inline>();
            var pendingText = new StringBuilder();
            var pendingStart = -1;
            var pendingEnd = -1;
            var blockIndex = Blocks.Count;

            void Flush()
            {
                if (pendingText.Length > 0)
                {
                    items.Add(new TextInline(pendingText.ToString(), pendingStart >= 0 ? Lines.Span(pendingStart, pendingEnd) : null));
                    pendingText.Clear();
                }
                pendingStart = -1;
                pendingEnd = -1;
            }

            void AddText(string s, int start, int end)
            {
                if (pendingText.Length == 0)
                {
                    pendingStart = start;
                }
                pendingText.Append(s);
                pendingEnd = end;
            }

            var nodes = container.ToList();
            for (var n = 0; n < nodes.Count; n++)
            {
                var node = nodes[n];
                switch (node)
                {
                    case Md.LiteralInline literal when TryTakeUndefinedFootnote(nodes, n, out var undefinedKey, out var footnoteEnd, out var taken, out var after):
                        // "[^key]" with no definition: Markdig leaves it as text; it is still a citation (of an undefined source).
                        Flush();
                        var uspan = Lines.Span(literal.Span.Start, footnoteEnd);
                        var undefined = new Citation(_citationIndex++, CitationStyle.Footnote, undefinedKey, undefinedKey, null, uspan, blockIndex, false);
                        found.Add(undefined);
                        items.Add(new CitationInline(undefined));
                        n += taken - 1;
                        if (after is { } a)
                        {
                            AddText(a.Text, a.Start, a.End);
                        }
                        break;
                    case Md.LiteralInline literal:
                        var literalText = literal.Content.ToString();
                        var (literalStart, literalEnd) = Locate(literal, literalText);
                        AddText(literalText, literalStart, literalEnd);
                        if (literalStart >= 0 && literalEnd - literalStart == literalText.Length)
                        {
                            for (var i = literalText.IndexOf('*'); i >= 0; i = literalText.IndexOf('*', i + 1))
                            {
                                _literalAsterisks.Add(literalStart + i);
                            }
                        }
                        break;
                    case Md.HtmlEntityInline entity:
                        AddText(entity.Transcoded.ToString(), entity.Span.Start, entity.Span.End + 1);
                        break;
                    case Md.LinkDelimiterInline delimiter:
                        // An unmatched '[' (e.g. "[1" or "[1a]"): keep its text and children as literal text.
                        AddText(delimiter.ToLiteral(), delimiter.Span.Start, delimiter.Span.End + 1);
                        foreach (var child in Convert(delimiter, found))
                        {
                            if (child is TextInline t)
                            {
                                AddText(t.Text, t.Span?.Start.Offset ?? -1, t.Span?.End.Offset ?? -1);
                            }
                            else
                            {
                                Flush();
                                items.Add(child);
                            }
                        }
                        break;
                    case Md.LineBreakInline br:
                        Flush();
                        items.Add(new LineBreakInline(br.IsHard, Lines.Span(br.Span.Start, br.Span.End + 1)));
                        break;
                    case Md.CodeInline code:
                        Flush();
                        items.Add(new CodeInline(code.Content, Lines.Span(code.Span.Start, code.Span.End + 1)));
                        break;
                    case Md.HtmlInline html:
                        Flush();
                        items.Add(new RawHtmlInline(html.Tag, Lines.Span(html.Span.Start, html.Span.End + 1)));
                        break;
                    case Md.AutolinkInline auto:
                        Flush();
                        items.Add(new LinkInline(auto.IsEmail ? "mailto:" + auto.Url : auto.Url, null, [new TextInline(auto.Url, null)], Lines.Span(auto.Span.Start, auto.Span.End + 1)));
                        break;
                    case FootnoteLink footnoteLink when !footnoteLink.IsBackLink:
                        Flush();
                        var key = footnoteLink.Footnote.Label ?? footnoteLink.Footnote.Order.ToString(CultureInfo.InvariantCulture);
                        var fspan = Lines.Span(footnoteLink.Span.Start, footnoteLink.Span.End + 1);
                        var fc = new Citation(_citationIndex++, CitationStyle.Footnote, key, key, null, fspan, blockIndex, false);
                        found.Add(fc);
                        items.Add(new CitationInline(fc));
                        break;
                    case Md.LinkInline { IsImage: false } link:
                        Flush();
                        var children = Convert(link, found);
                        var linkEnd = link.Span.End + 1;
                        // A citation is a link followed by a bracketed source number: "[Reuters](url) [12]".
                        if (TryTakeNumber(nodes, n + 1, linkEnd, out var number, out var citationEnd, out var consumed, out var rest))
                        {
                            var label = InlineText.Plain(children).Trim();
                            var cspan = Lines.Span(link.Span.Start, citationEnd);
                            var targetSpan = link.UrlSpan is { } us && us.Length > 0 ? Lines.Span(us.Start, us.End + 1) : null;
                            var citation = new Citation(_citationIndex++, CitationStyle.NumberedLink, label, number, link.Url ?? "", cspan, blockIndex, false)
                            { TargetSpan = targetSpan };
                            found.Add(citation);
                            items.Add(new CitationInline(citation));
                            n += consumed;
                            if (rest is { } r)
                            {
                                AddText(r.Text, r.Start, r.End);
                            }
                        }
                        else
                        {
                            items.Add(new LinkInline(link.Url ?? "", link.Title, children, Lines.Span(link.Span.Start, linkEnd)));
                        }
                        break;
                    case Md.EmphasisInline emphasis:
                        Flush();
                        items.Add(new EmphasisInline(emphasis.DelimiterCount >= 2, Convert(emphasis, found), Lines.Span(emphasis.Span.Start, emphasis.Span.End + 1)));
                        break;
                    case Md.LinkInline image:
                        Flush();
                        items.Add(new TextInline(image.Title ?? "", null));
                        break;
                    case Md.ContainerInline inner:
                        Flush();
                        items.AddRange(Convert(inner, found));
                        break;
                }
            }
            Flush();
            return [.. items];
        }

        /// <summary>
        /// After a link, reads " [12]" from the following literal text (Markdig leaves it as literals and delimiters).
        /// Returns the number, where the citation ends, how many nodes were consumed, and any text left in the last one.
        /// </summary>
        private bool TryTakeNumber(List<Md.Inline> nodes, int index, int linkEnd, out string number, out int end, out int consumed, out (string Text, int Start, int End)? rest)
        {
            number = "";
            end = linkEnd;
            consumed = 0;
            rest = null;
            // The raw source text right after the link, up to the end of its line, but no longer than " [99999]" can be:
            // on a line of 40,000 citations, copying the rest of the line for each one made the parse quadratic.
            var from = linkEnd;
            var length = Math.Min(MaxNumberAfterLink, text.Length - from);
            var lineEnd = text.IndexOf('\n', from, length);
            var window = text.Substring(from, lineEnd < 0 ? length : lineEnd - from);
            var match = NumberAfterLink().Match(window);
            if (!match.Success)
            {
                return false;
            }
            number = match.Groups["n"].Value;
            end = from + match.Length;
            return Consume(nodes, index, end, out consumed, out rest);
        }

        /// <summary>
        /// "[^key]" written as text because no footnote defines it: Markdig leaves a literal "[" followed by literal text.
        /// </summary>
        private bool TryTakeUndefinedFootnote(List<Md.Inline> nodes, int index, out string key, out int end, out int consumed, out (string Text, int Start, int End)? rest)
        {
            key = "";
            end = 0;
            consumed = 0;
            rest = null;
            var node = nodes[index];
            if (node is not Md.LiteralInline literal || !literal.Content.ToString().StartsWith('['))
            {
                return false;
            }
            var match = UndefinedFootnote().Match(text, node.Span.Start);
            if (!match.Success || match.Index != node.Span.Start)
            {
                return false;
            }
            key = match.Groups["key"].Value;
            end = match.Index + match.Length;
            return Consume(nodes, index, end, out consumed, out rest);
        }

        /// <summary>
        /// Consumes the nodes from <paramref name="index"/> that lie inside [.., end); splits the last literal when it runs past
        /// <paramref name="end"/> and returns the text left over. False when a link delimiter straddles the end.
        /// </summary>
        private bool Consume(List<Md.Inline> nodes, int index, int end, out int consumed, out (string Text, int Start, int End)? rest)
        {
            consumed = 0;
            rest = null;
            var i = index;
            while (i < nodes.Count && nodes[i].Span.Start < end)
            {
                var node = nodes[i];
                if (node.Span.End + 1 > end)
                {
                    if (node is Md.LiteralInline lit)
                    {
                        // Literal spans may include white space around the content (table cells): locate the content first.
                        var content = lit.Content.ToString();
                        var (contentStart, contentEnd) = Locate(lit, content);
                        var skip = Math.Clamp(end - contentStart, 0, content.Length);
                        if (skip < content.Length)
                        {
                            rest = (content[skip..], end, contentEnd);
                        }
                    }
                    else if (node is Md.LinkDelimiterInline)
                    {
                        return false;
                    }
                    i++;
                    break;
                }
                i++;
            }
            consumed = i - index;
            return true;
        }

        /// <summary>
        /// Where a literal's content stands in the file. Markdig's literal spans can include the white space around a table
        /// cell; when the content appears verbatim inside the span, that is its exact place; otherwise (escapes) the span.
        /// </summary>
        private (int Start, int End) Locate(Md.LiteralInline literal, string content)
        {
            var start = literal.Span.Start;
            var end = literal.Span.End + 1;
            if (content.Length == 0 || start < 0 || end > text.Length || end - start == content.Length)
            {
                return (start, end);
            }
            var at = text.IndexOf(content, start, end - start, StringComparison.Ordinal);
            return at >= 0 ? (at, at + content.Length) : (start, end);
        }

        private void MalformedInProse(Markdig.Syntax.Block block)
        {
            var start = block.Span.Start;
            var raw = text[start..Math.Min(text.Length, block.Span.End + 1)];
            foreach (Match m in MalformedNumber().Matches(raw))
            {
                var bad = m.Groups["bad"];
                var offset = start + bad.Index;
                var what = bad.Value;
                var message = m.Groups["range"].Success
                    ? $"citation '{m.Value.Trim()}' does not parse: source numbers are whole numbers from {Limits.MinSourceNumber} to {Limits.MaxSourceNumber} written without leading zeros, found '{what}'"
                    : $"citation '{m.Value.Trim()}' does not parse: expected a source number in brackets, as in '[Label](url) [12]', found '{what}'";
                Diagnostics.Add(ParsingRules.MalformedCitation.Create(Lines.Span(offset, offset + bad.Length), message));
            }
        }

        /// <summary>
        /// <c>**July 30, 2018:**Seven</c>: a closing <c>**</c> after punctuation and before a letter or digit cannot close
        /// (CommonMark's flanking rules), so both pairs of asterisks print. Reported at the opening <c>**</c> when the
        /// parser did leave it as text (not in code, not closed elsewhere).
        /// </summary>
        private void UnspacedEmphasisIn(Markdig.Syntax.Block block)
        {
            var start = block.Span.Start;
            if (start < 0)
            {
                return;
            }
            var raw = text[start..Math.Min(text.Length, block.Span.End + 1)];
            foreach (Match m in UnspacedStrong().Matches(raw))
            {
                var offset = start + m.Index;
                if (!_literalAsterisks.Contains(offset) || !_literalAsterisks.Contains(offset + 1))
                {
                    continue;
                }
                var closing = offset + m.Groups["inner"].Length + 2;
                var message = $"add a space after `**`: CommonMark leaves `{m.Value}` literal";
                Diagnostics.Add(ParsingRules.UnspacedEmphasis.Create(Lines.Span(offset, closing + 2), message));
            }
        }

        private Source FootnoteSource(Footnote footnote, int definitionStart)
        {
            var content = string.Join(" ", footnote.OfType<ParagraphBlock>().Select(p => p.Inline is null ? "" : InlineText.Plain(Convert(p.Inline, ImmutableArray.CreateBuilder<Citation>()))));
            var url = UrlInText().Match(content) is { Success: true } u ? u.Value.TrimEnd('.', ',', ')') : null;
            var title = QuotedTitle().Match(content) is { Success: true } t ? t.Groups[1].Value.Trim().TrimEnd(',') : null;
            var publisher = content.Split(',', 2)[0].Trim();
            var date = FootnoteDate().Match(content) is { Success: true } d ? d.Value : null;
            return new Source(footnote.Label ?? "", publisher.Length == 0 || publisher == url ? null : publisher, title, url, date, null, null, Lines.Span(definitionStart, definitionStart));
        }

        private string Slug(string title)
        {
            var sb = new StringBuilder();
            foreach (var ch in title.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(ch) && ch < 128)
                {
                    sb.Append(ch);
                }
                else if ((ch == ' ' || ch == '-') && sb.Length > 0 && sb[^1] != '-')
                {
                    sb.Append('-');
                }
            }
            var slug = sb.ToString().Trim('-');
            if (slug.Length == 0)
            {
                slug = "section";
            }
            if (_slugs.Add(slug))
            {
                return slug;
            }
            // A suffix once taken stays taken, so the search resumes where the last one for this slug stopped.
            var k = _nextSuffix.GetValueOrDefault(slug, 1);
            string unique;
            do
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{slug}-{k++}");
            }
            while (!_slugs.Add(unique));
            _nextSuffix[slug] = k;
            return unique;
        }
    }

    /// <summary>The longest text <see cref="NumberAfterLink"/> can match: a space, the brackets and five digits.</summary>
    private const int MaxNumberAfterLink = 8;

    [GeneratedRegex(@"^[ \t]?\[(?<n>[1-9][0-9]{0,4})\]")]
    private static partial Regex NumberAfterLink();

    /// <summary>
    /// A link followed by a bracket that is not a clean number: "[Reuters](#) [1", "[Reuters](#) [1a]", "[Reuters](#) [ 1]",
    /// or a number outside <see cref="Limits.MinSourceNumber"/>..<see cref="Limits.MaxSourceNumber"/>: "[0]", "[007]", "[-1]", "[100000]" (group "range").
    /// </summary>
    [GeneratedRegex(@"\]\([^()\s]*\)[ \t]?(?<bad>\[(?:(?<range>-[0-9]+\]|0[0-9]*\]|[0-9]{6,}\])|[0-9]+[^0-9\]\s][^\]\s]*\]?|[0-9]+(?=[^0-9\]]|$)|[ \t]+[0-9]+[ \t]*\]))")]
    private static partial Regex MalformedNumber();

    /// <summary>
    /// An opening <c>**</c> (exactly two, not escaped, before a non-space), text on one line without asterisks that ends in
    /// punctuation, then <c>**</c> directly followed by a word: <c>**July 30, 2018:**Seven</c>.
    /// </summary>
    [GeneratedRegex(@"(?<![\\*])\*\*(?<inner>[^\s*][^*\n]*?(?<=[\p{P}\p{S}]))\*\*(?<next>[\p{L}\p{N}]+)")]
    private static partial Regex UnspacedStrong();

    [GeneratedRegex(@"\G\[(?<key>\^[^\]\s\[]+)\](?!:)")]
    private static partial Regex UndefinedFootnote();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlInText();

    [GeneratedRegex("[\"“](.+?)[\"”]")]
    private static partial Regex QuotedTitle();

    [GeneratedRegex(@"\b(?:\d{4}-\d{2}-\d{2}|(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{1,2},)? \d{4})\b")]
    private static partial Regex FootnoteDate();
}

public static partial class ReportParser
{
    private static void Flatten(IEnumerable<Inline> inlines, Flat flat)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    var exact = t.Span is { } s && s.End.Offset - s.Start.Offset == t.Text.Length;
                    flat.Append(t.Text, t.Span?.Start.Offset ?? -1, exact);
                    break;
                case CodeInline c:
                    flat.Append(c.Code, c.Span?.Start.Offset ?? -1);
                    break;
                case EmphasisInline e:
                    Flatten(e.Children, flat);
                    break;
                case LinkInline l:
                    Flatten(l.Children, flat);
                    break;
                case LineBreakInline br:
                    flat.Append(" ", br.Span?.Start.Offset ?? -1);
                    break;
                case CitationInline c:
                    var start = flat.Length;
                    flat.Append(Flat.Open, c.Citation.Span.Start.Offset);
                    if (c.Citation.Style == CitationStyle.NumberedLink)
                    {
                        flat.Append(c.Citation.Label, c.Citation.Span.Start.Offset + 1, exact: true);
                    }
                    flat.Append(Flat.Close, c.Citation.Span.End.Offset);
                    flat.Markers.Add((c.Citation, start, flat.Length));
                    break;
            }
        }
    }
}
