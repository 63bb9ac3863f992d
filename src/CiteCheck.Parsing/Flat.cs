using System.Text;
using System.Text.RegularExpressions;
using CiteCheck.Model;

namespace CiteCheck.Parsing;

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

    public IReadOnlyList<int> Offsets => _offsets;

    public void Append(string s, int offset, bool exact = false)
    {
        for (var i = 0; i < s.Length; i++)
        {
            _text.Append(s[i]);
            _offsets.Add(offset < 0 ? -1 : exact ? offset + i : offset);
        }
    }

    public void Append(char c, int offset)
    {
        _text.Append(c);
        _offsets.Add(offset);
    }

    public override string ToString() => _text.ToString();

    public Flat Slice(int start, int end)
    {
        var result = new Flat();
        for (var i = start; i < end; i++)
        {
            result.Append(_text[i], _offsets[i]);
        }
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
                if (!after)
                {
                    for (var k = start + 1; k < end - 1; k++)
                    {
                        Take(k);
                    }
                }
                i = end;
                continue;
            }
            Take(i);
            i++;
        }
        return (prose, positioned);

        void Take(int k)
        {
            var c = text[k];
            prose.Append(c, _offsets[k]);
            if (!char.IsWhiteSpace(c) && c is not (',' or ';'))
            {
                lastWord = c;
            }
        }
    }
}

/// <summary>
/// Finds a block's closing citation group: "(Sources: [A](u) [1], [B](u) [2])", "Source: [A](u) [1]", or citations
/// standing after the block's last sentence. The group backs every claim of the block.
/// </summary>
internal static partial class ClosingGroup
{
    /// <summary>Where the group starts in <paramref name="flat"/> (-1 when there is none), and whether a word such as "Sources:" introduces it.</summary>
    public static (int Start, bool Introduced) Find(string flat)
    {
        var match = Group().Match(flat);
        if (!match.Success)
        {
            return (-1, false);
        }
        var introduced = match.Groups["intro"].Success;
        if (introduced)
        {
            return (match.Index, true);
        }
        var k = match.Index - 1;
        while (k >= 0 && char.IsWhiteSpace(flat[k]))
        {
            k--;
        }
        return (k < 0 || flat[k] is '.' or '!' or '?' or '"' or '”' or '’' or ')' ? match.Index : -1, false);
    }

    /// <summary>
    /// Matched right to left: the group is anchored at the end, so the match is found from there in one pass. Left to
    /// right, a run of citations that is not at the end ("(Sources: … 20,000 citations …) and more") was scanned to the
    /// end again from each of its citations: quadratic, 34 s for 20,000.
    /// </summary>
    [GeneratedRegex(@"(?<intro>\(\s*(?:(?:Sources?|See(?: also)?|Via)\s*:?\s*)?|(?:Sources?|See(?: also)?)\s*:\s*)?(?:\uE001[^\uE002]*\uE002[\s,;]*(?:and\s+|&\s+)?)+\)?[\s.;]*$", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex Group();
}
