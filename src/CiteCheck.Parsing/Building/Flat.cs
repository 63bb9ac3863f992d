using System.Runtime.InteropServices;
using System.Text;
using CiteCheck.Model;

namespace CiteCheck.Parsing.Building;

/// <summary>
/// The plain text of a block with, for every character, its offset in the file (-1 for characters the parser made up),
/// and each citation marked as U+E001 label U+E002, so claims can be cut from it and mapped back to lines and columns.
/// </summary>
internal sealed class Flat
{
    public const char Open = '\uE001';
    public const char Close = '\uE002';

    private readonly StringBuilder _text = new();
    private readonly List<int> _offsets = [];

    public List<(Citation Citation, int Start, int End)> Markers { get; } = [];

    public int Length => _text.Length;

    /// <summary>The flat index of <see cref="Mark"/>'s place once appended (-1 until then).</summary>
    public int MarkIndex { get; private set; } = -1;

    /// <summary>A model inline and an index in its text whose flat position <see cref="MarkIndex"/> records: where a source group starts.</summary>
    public (Inline Inline, int Index)? Mark { get; init; }

    public IReadOnlyList<int> Offsets => _offsets;

    public void Append(string s, int offset, bool exact = false)
    {
        _text.Append(s);
        var at = _offsets.Count;
        CollectionsMarshal.SetCount(_offsets, at + s.Length);
        var added = CollectionsMarshal.AsSpan(_offsets)[at..];
        if (offset >= 0 && exact)
        {
            for (var i = 0; i < added.Length; i++)
            {
                added[i] = offset + i;
            }
        }
        else
        {
            added.Fill(offset < 0 ? -1 : offset);
        }
    }

    public void Append(char c, int offset)
    {
        _text.Append(c);
        _offsets.Add(offset);
    }

    public override string ToString() => _text.ToString();

    /// <summary>Appends the plain text of <paramref name="inlines"/>, each citation as a marker around its label.</summary>
    public void AppendInlines(IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            if (Mark is { } mark && ReferenceEquals(mark.Inline, inline))
            {
                MarkIndex = Length + mark.Index;
            }
            switch (inline)
            {
                case TextInline t:
                    var exact = t.Span is { } s && s.End.Offset - s.Start.Offset == t.Text.Length;
                    Append(t.Text, t.Span?.Start.Offset ?? -1, exact);
                    break;
                case CodeInline c:
                    Append(c.Code, c.Span?.Start.Offset ?? -1);
                    break;
                case EmphasisInline e:
                    AppendInlines(e.Children);
                    break;
                case LinkInline l:
                    AppendInlines(l.Children);
                    break;
                case LineBreakInline br:
                    Append(" ", br.Span?.Start.Offset ?? -1);
                    break;
                case CitationInline c:
                    var start = Length;
                    Append(Open, c.Citation.Span.Start.Offset);
                    if (c.Citation.Style == CitationStyle.NumberedLink)
                    {
                        Append(c.Citation.Label, c.Citation.Span.Start.Offset + 1, exact: true);
                    }
                    Append(Close, c.Citation.Span.End.Offset);
                    Markers.Add((c.Citation, start, Length));
                    break;
            }
        }
    }

    public Flat Slice(int start, int end)
    {
        var result = new Flat();
        result._text.Append(_text, start, end - start);
        result._offsets.AddRange(CollectionsMarshal.AsSpan(_offsets)[start..end]);
        foreach (var (citation, s, e) in Markers)
        {
            if (s >= start && e <= end)
            {
                result.Markers.Add((citation, s - start, e - start));
            }
        }
        return result;
    }

    /// <summary>
    /// Removes the citation markers. A citation right after a sentence (after . ! ? or a closing quote) is not part of the prose:
    /// its label goes and it backs the sentence before it. A citation inside a sentence ("the son of [John Smith](#) [3], a …")
    /// keeps its label as words of the sentence and backs that sentence.
    /// </summary>
    public (Flat Prose, List<(Citation Citation, int Position, bool AfterSentence)> Citations) WithoutCitationMarkers(bool keepLabels)
    {
        var prose = new Flat();
        var positioned = new List<(Citation, int, bool)>();
        var text = _text.ToString();
        var i = 0;
        var markerIndex = 0;
        // The last character of the prose that is not white space, a comma or a semicolon (null when none), kept as the
        // prose grows: "(Sources: A, B, C …" whose labels go leaves ", , , …" behind, and looking back through it for
        // every citation was quadratic.
        char? lastWord = null;
        while (i < text.Length)
        {
            if (text[i] == Open && markerIndex < Markers.Count)
            {
                var (citation, start, end) = Markers[markerIndex++];
                var after = !keepLabels && (lastWord is null or '.' or '!' or '?' or '"' or '”' or '’' or ')' or ':');
                positioned.Add((citation, prose.Length, after));
                if (!after && end - 1 > start + 1)
                {
                    Take(start + 1, end - 1);
                }
                i = end;
                continue;
            }
            // The prose up to the next marker (or the next U+E001 in the text, which the loop above takes as one), in one piece.
            var next = text.IndexOf(Open, i + 1);
            next = next < 0 ? text.Length : next;
            Take(i, next);
            i = next;
        }
        return (prose, positioned);

        void Take(int from, int to)
        {
            prose._text.Append(text, from, to - from);
            prose._offsets.AddRange(CollectionsMarshal.AsSpan(_offsets)[from..to]);
            for (var k = to - 1; k >= from; k--)
            {
                var c = text[k];
                if (!char.IsWhiteSpace(c) && c is not (',' or ';'))
                {
                    lastWord = c;
                    break;
                }
            }
        }
    }
}
