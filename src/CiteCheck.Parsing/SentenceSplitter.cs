using System.Buffers;
using System.Collections.Frozen;

namespace CiteCheck.Parsing;

/// <summary>
/// Splits prose into sentences. A sentence ends at '.', '!' or '?' (with any closing quotes or brackets after it)
/// followed by white space and a capital, a digit or an opening quote — unless the word before the period is an
/// abbreviation (U.S., Gen., Dr., Jan., No.), an initial (J. Smith), or the period is part of a number (1.5 million)
/// or an ellipsis inside a quotation.
/// </summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cmdr", "adm", "gov", "sen", "rep",
        "pres", "st", "mt", "ft", "jr", "sr", "rev", "hon", "messrs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "no", "nos", "vol", "vols", "p", "pp", "fig", "figs", "art", "para", "ch", "sec",
        "vs", "etc", "e.g", "i.e", "cf", "al", "approx", "est", "inc", "ltd", "co", "corp", "bros", "dept", "univ",
        "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "u.s.a", "ph.d", "b.a", "m.a",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>What a span may hold and still not be a sentence: space, punctuation, brackets, quotes and dashes.</summary>
    private static readonly SearchValues<char> NotWords = SearchValues.Create(" \t\r\n.,;:()[]\"'“”‘’—–-");

    /// <summary>Returns the [start, end) ranges of the sentences of <paramref name="text"/>, trimmed of white space.</summary>
    public static IReadOnlyList<(int Start, int End)> Split(string text)
    {
        var result = new List<(int, int)>();
        var start = SkipSpace(text, 0);
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '.' or '!' or '?' && IsSentenceEnd(text, i, start, out var end))
            {
                Add(result, text, start, end);
                start = SkipSpace(text, end);
                i = start;
                continue;
            }
            i++;
        }
        Add(result, text, start, text.Length);
        return result;
    }

    private static void Add(List<(int, int)> result, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (end > start && text.AsSpan(start, end - start).ContainsAnyExcept(NotWords))
        {
            result.Add((start, end));
        }
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }

    private static bool IsSentenceEnd(string text, int i, int sentenceStart, out int end)
    {
        end = i + 1;
        // Runs of terminal punctuation ("?!", "...") stay together.
        while (end < text.Length && text[end] is '.' or '!' or '?')
        {
            end++;
        }
        // Closing quotes and brackets belong to the sentence they close.
        while (end < text.Length && text[end] is '"' or '\'' or '”' or '’' or ')' or ']' or '»')
        {
            end++;
        }
        if (end >= text.Length)
        {
            return true;
        }
        if (!char.IsWhiteSpace(text[end]))
        {
            return false; // 1.5, U.S., e.g.x, "guilty...[and]"
        }
        var next = SkipSpace(text, end);
        if (next >= text.Length)
        {
            return true;
        }
        var n = text[next];
        if (!(char.IsUpper(n) || char.IsDigit(n) || n is '"' or '“' or '‘' or '\'' or '(' or '[' or '*' or '_' or '¿' or '¡'))
        {
            return false;
        }
        if (text[i] != '.')
        {
            return true;
        }
        // The word before the period.
        var w = i;
        while (w > sentenceStart && !char.IsWhiteSpace(text[w - 1]) && text[w - 1] is not '(' and not '"' and not '“' and not '—')
        {
            w--;
        }
        var word = text[w..i];
        if (word.Length == 0)
        {
            return true;
        }
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false; // an initial: "J. Smith"
        }
        if (Abbreviations.Contains(word))
        {
            // "No. 5", "Gen. Smith", "Jan. 5": an abbreviation ends a sentence only at the end of the text.
            return false;
        }
        if (word.Contains('.') && word.Length <= 6 && word.All(ch => char.IsLetter(ch) || ch == '.'))
        {
            return false; // other dotted abbreviations: "U.S.", "a.m."
        }
        return true;
    }
}
