using System.Collections.Immutable;
using CiteCheck.Model;
using CiteCheck.Parsing.Syntax;
using Markdig.Syntax;

namespace CiteCheck.Parsing.Building;

/// <summary>
/// Paragraphs, list items and quoted paragraphs into blocks of claims. A list item's own paragraphs make one block; the
/// source group closing its last paragraph (<see cref="SourceGroupFinder"/>) backs every claim of the block and is not
/// prose; each other citation backs the sentence it stands in or right after.
/// </summary>
internal static class InlineBlocks
{
    public static void Add(BuildContext context, BlockKind kind, Markdig.Syntax.Block block, IReadOnlyList<ParagraphBlock> paragraphs, int depth, int? ordered)
    {
        var group = paragraphs.Count > 0 ? SourceGroupFinder.Of(paragraphs[^1]) : null;
        var converter = new InlineConverter(context, group);
        var inlines = ImmutableArray.CreateBuilder<Inline>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Inline is not { } paragraphInlines)
            {
                continue;
            }
            if (i > 0)
            {
                inlines.Add(new LineBreakInline(true, null));
                inlines.Add(new LineBreakInline(true, null));
            }
            inlines.AddRange(converter.ConvertMore(paragraphInlines));
        }
        var converted = converter.Result(inlines.ToImmutable());
        var blockIndex = context.Blocks.Count;
        var (text, claims, citations) = Claims(context, converted, converter.GroupStart, blockIndex, block);
        foreach (var paragraph in paragraphs)
        {
            UnspacedEmphasis.Report(context, paragraph);
        }
        Malformed.Report(context, converted.Malformed);
        var span = context.Span(block.Span.Start, block.Span.End + 1);
        context.Blocks.Add(new Model.Block(blockIndex, kind, context.Sections.Current, 0, span, text, Replace(converted.Inlines, citations), claims, citations)
        {
            Depth = depth,
            OrderedNumber = ordered,
        });
    }

    private static (string Text, ImmutableArray<Claim> Claims, ImmutableArray<Citation> Citations) Claims(
        BuildContext context, Converted converted, (Inline Inline, int Index)? groupStart, int blockIndex, Markdig.Syntax.Block block)
    {
        var flat = new Flat { Mark = groupStart };
        flat.AppendInlines(converted.Inlines);
        var start = ClosingGroupStart(flat);
        var closing = new HashSet<int>();
        if (start >= 0)
        {
            foreach (var (citation, markerStart, _) in flat.Markers)
            {
                if (markerStart >= start)
                {
                    closing.Add(citation.Index);
                }
            }
            flat = flat.Slice(0, start);
        }
        var (prose, positioned) = flat.WithoutCitationMarkers(keepLabels: false);
        var proseText = prose.ToString();
        var sentences = SentenceSplitter.Split(proseText);
        var groupSources = converted.Citations.Where(c => closing.Contains(c.Index)).Select(c => c.SourceKey).Distinct().ToList();
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
            var (sentenceStart, sentenceEnd) = sentences[s];
            var sentence = proseText[sentenceStart..sentenceEnd];
            // The claim's offsets, read straight from the prose's, then kept as runs (OffsetMap): a sentence of megabytes
            // (one line, no sentence break) must not cost several arrays of its length, nor any claim four bytes a character.
            var offsets = prose.Offsets;
            int? firstFound = null;
            int? lastFound = null;
            for (var i = sentenceStart; i < sentenceEnd; i++)
            {
                if (offsets[i] >= 0)
                {
                    firstFound ??= offsets[i];
                    lastFound = offsets[i];
                }
            }
            var first = firstFound ?? block.Span.Start;
            var last = lastFound ?? first;
            var fixedOffsets = new int[sentenceEnd - sentenceStart];
            var previous = first;
            for (var i = 0; i < fixedOffsets.Length; i++)
            {
                previous = offsets[sentenceStart + i] >= 0 ? offsets[sentenceStart + i] : previous;
                fixedOffsets[i] = previous;
            }
            var sources = Distinct(own[s], groupSources);
            claims.Add(new Claim(context.NextClaimId(), blockIndex, sentence, context.Span(first, last + 1), sources) { OffsetMap = OffsetMap.Of(fixedOffsets) });
        }
        var final = converted.Citations.Select(c => closing.Contains(c.Index) ? c with { InClosingGroup = true } : c).ToImmutableArray();
        return (proseText.Trim(), claims.ToImmutable(), final);
    }

    /// <summary>The keys of both lists, each once, in the order first written (as Concat, then Distinct).</summary>
    private static ImmutableArray<string> Distinct(List<string> own, List<string> group)
    {
        var count = own.Count + group.Count;
        if (count > 16)
        {
            return [.. own.Concat(group).Distinct()];
        }
        var keys = ImmutableArray.CreateBuilder<string>(count);
        foreach (var key in own.Concat(group))
        {
            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }
        return keys.DrainToImmutable();
    }

    /// <summary>
    /// Where the block's closing group starts in its flat text, or -1. The group was found in the last paragraph; a bare
    /// one (no "Sources:") must still follow a sentence of the whole block, which in a list item may end the paragraph before.
    /// </summary>
    private static int ClosingGroupStart(Flat flat)
    {
        var start = flat.MarkIndex;
        if (start < 0 || flat.Markers.Count == 0 || flat.Markers[^1].Start < start)
        {
            return -1;
        }
        var text = flat.ToString();
        if (text[start] == Flat.Open)
        {
            var k = start - 1;
            while (k >= 0 && char.IsWhiteSpace(text[k]))
            {
                k--;
            }
            if (k >= 0 && text[k] is not ('.' or '!' or '?' or '"' or '”' or '’' or ')'))
            {
                return -1;
            }
        }
        return start;
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
}
