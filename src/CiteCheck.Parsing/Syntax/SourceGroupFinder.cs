using System.Text;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CiteCheck.Parsing.Syntax;

/// <summary>
/// Finds the citations that close a paragraph, once its inlines are parsed: one or more citations at its very end,
/// separated by commas, semicolons, white space or <c>and</c>/<c>&amp;</c>, with an optional closing parenthesis and
/// final punctuation after them, and either an introduction before them — <c>(</c>, <c>(Sources:</c>, <c>(Source:</c>,
/// <c>(See also:</c>, <c>(See</c>, <c>(Via</c>, <c>Sources:</c>, <c>Source:</c>, <c>See also:</c>, <c>See:</c>, any case —
/// or, bare, the end of a sentence (<c>. ! ? " ” ’ )</c>) or nothing. A bare group of footnote references is not a
/// group: a footnote marks the sentence it follows.
/// </summary>
/// <remarks>
/// The paragraph's text is read once into a string in which each citation is one character; the group is then read from
/// the end leftwards, citation by citation, so the work grows with the paragraph however many citations it holds.
/// </remarks>
internal static class SourceGroupFinder
{
    private const char Mark = '\uE001';

    /// <summary>Finds the paragraph's group, marks its numbered citations and keeps it on the paragraph; null when there is none.</summary>
    public static SourceGroup? Find(LeafBlock paragraph)
    {
        if (paragraph.Inline is not { } root)
        {
            return null;
        }
        var flat = new StringBuilder();
        var leaves = new List<(Inline Leaf, int Start)>();
        var citations = new List<(Inline Node, int At)>();
        SyntaxText.Walk(
            root,
            (leaf, s) =>
            {
                leaves.Add((leaf, flat.Length));
                flat.Append(s);
            },
            node =>
            {
                leaves.Add((node, flat.Length));
                citations.Add((node, flat.Length));
                flat.Append(Mark);
            });
        if (citations.Count == 0)
        {
            return null;
        }
        var text = flat.ToString();
        var last = citations.Count - 1;
        if (!Tail(text.AsSpan(citations[last].At + 1)))
        {
            return null;
        }
        var first = last;
        while (first > 0 && Gap(text.AsSpan(citations[first - 1].At + 1, citations[first].At - citations[first - 1].At - 1)))
        {
            first--;
        }
        var start = citations[first].At;
        var intro = Introduction(text.AsSpan(0, start));
        var members = citations.GetRange(first, citations.Count - first);
        if (intro < 0)
        {
            var k = start - 1;
            while (k >= 0 && char.IsWhiteSpace(text[k]))
            {
                k--;
            }
            if (k >= 0 && text[k] is not ('.' or '!' or '?' or '"' or '”' or '’' or ')'))
            {
                return null;
            }
            if (members.Any(m => m.Node is FootnoteLink or UndefinedFootnoteInline))
            {
                return null; // "Last sentence.[^3]": a footnote marks the sentence it follows
            }
        }
        else
        {
            start = intro;
        }
        var (leafNode, leafStart) = LeafAt(leaves, start);
        var index = start - leafStart;
        // In a literal written as it reads (no escapes, no entities), the character's own place; otherwise the leaf's.
        var exact = leafNode is LiteralInline literal && literal.Span.Length == literal.Content.Length;
        var group = new SourceGroup
        {
            Introduced = intro >= 0,
            Citations = [.. members.Select(m => m.Node)],
            StartLeaf = leafNode,
            StartIndex = index,
            Span = new SourceSpan(Math.Max(leafNode.Span.Start + (exact ? index : 0), 0), paragraph.Span.End),
        };
        foreach (var (node, _) in members)
        {
            if (node is NumberedCitationInline numbered)
            {
                numbered.Group = group;
            }
        }
        paragraph.SetData(typeof(SourceGroup), group);
        return group;
    }

    /// <summary>The group <see cref="Find"/> kept on a paragraph.</summary>
    public static SourceGroup? Of(LeafBlock paragraph) => paragraph.GetData(typeof(SourceGroup)) as SourceGroup;

    /// <summary>The last leaf starting at or before <paramref name="index"/> (leaves are in order: binary search).</summary>
    private static (Inline Leaf, int Start) LeafAt(List<(Inline Leaf, int Start)> leaves, int index)
    {
        int low = 0, high = leaves.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (leaves[mid].Start <= index)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        // Several leaves can start at one index (an empty text before a citation): take the last that has text there.
        var best = Math.Max(low - 1, 0);
        return leaves[best];
    }

    /// <summary>What may follow the last citation: a separator, then <c>)</c>, then white space, <c>.</c> or <c>;</c>.</summary>
    private static bool Tail(ReadOnlySpan<char> tail)
    {
        var paren = tail.IndexOf(')');
        if (paren >= 0)
        {
            return tail[(paren + 1)..].IndexOf(')') < 0 && Gap(tail[..paren]) && All(tail[(paren + 1)..], IsEnd);
        }
        var end = tail.Length;
        while (end > 0 && IsEnd(tail[end - 1]))
        {
            end--;
        }
        var rest = tail[..end];
        if (Gap(rest))
        {
            return true;
        }
        // "… [R](#) [1] and." : the white space "and" needs was read as final punctuation.
        return end < tail.Length && char.IsWhiteSpace(tail[end]) && EndsWithConjunction(rest, out var before) && All(before, IsSeparator);
    }

    /// <summary>Between two citations of a group: commas, semicolons and white space, optionally then <c>and</c> or <c>&amp;</c> and white space.</summary>
    private static bool Gap(ReadOnlySpan<char> gap)
    {
        var trimmed = gap.TrimEnd();
        if (trimmed.Length < gap.Length && EndsWithConjunction(trimmed, out var before) && All(before, IsSeparator))
        {
            return true;
        }
        return All(gap, IsSeparator);
    }

    private static bool EndsWithConjunction(ReadOnlySpan<char> text, out ReadOnlySpan<char> before)
    {
        if (text.EndsWith("and", StringComparison.OrdinalIgnoreCase))
        {
            before = text[..^3];
            return true;
        }
        if (text.EndsWith("&"))
        {
            before = text[..^1];
            return true;
        }
        before = default;
        return false;
    }

    /// <summary>
    /// Where an introduction ending right before the first citation starts, or -1: <c>(</c> with an optional word
    /// (Sources, Source, See also, See, Via) and colon, or the word (not Via) with a colon and no parenthesis.
    /// </summary>
    private static int Introduction(ReadOnlySpan<char> before)
    {
        var end = SkipSpaceLeft(before, before.Length);
        if (end > 0 && before[end - 1] == '(')
        {
            return end - 1;
        }
        var colon = end > 0 && before[end - 1] == ':';
        var wordEnd = SkipSpaceLeft(before, colon ? end - 1 : end);
        var word = Word(before[..wordEnd], allowVia: true);
        if (word >= 0)
        {
            var paren = SkipSpaceLeft(before, word);
            if (paren > 0 && before[paren - 1] == '(')
            {
                return paren - 1;
            }
        }
        if (colon)
        {
            var plain = Word(before[..wordEnd], allowVia: false);
            if (plain >= 0)
            {
                return plain;
            }
        }
        return -1;
    }

    private static readonly string[] Words = ["sources", "source", "see also", "see", "via"];

    /// <summary>Where the introducing word that ends <paramref name="text"/> starts, or -1.</summary>
    private static int Word(ReadOnlySpan<char> text, bool allowVia)
    {
        foreach (var word in Words)
        {
            if ((allowVia || word != "via") && text.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return text.Length - word.Length;
            }
        }
        return -1;
    }

    private static int SkipSpaceLeft(ReadOnlySpan<char> text, int end)
    {
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return end;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is ',' or ';';

    private static bool IsEnd(char c) => char.IsWhiteSpace(c) || c is '.' or ';';

    private static bool All(ReadOnlySpan<char> text, Func<char, bool> test)
    {
        foreach (var c in text)
        {
            if (!test(c))
            {
                return false;
            }
        }
        return true;
    }
}
