using System.Globalization;
using CiteCheck.Model;

namespace CiteCheck.Parsing;

/// <summary>
/// Zero-width and direction characters (U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF) inside a
/// number or a word of Latin, Greek or Cyrillic letters: invisible on the page, they split "3​5" into two numbers for
/// the cross-check and for anyone searching the text. Beside letters of scripts that need joiners (Arabic, Persian,
/// Indic) or between words they are left alone. One finding per line, at the first such character.
/// </summary>
public static class InvisibleCharacters
{
    public static IEnumerable<Diagnostic> Scan(string file, string text)
    {
        LineMap? lines = null;
        var lastLine = -1;
        for (var i = text.AsSpan().IndexOfAny(Invisible); i >= 0 && i < text.Length; i = Next(text, i + 1))
        {
            var before = Neighbour(text, i, -1);
            var after = Neighbour(text, i, +1);
            var inNumber = char.IsAsciiDigit(before) || char.IsAsciiDigit(after);
            var inWord = IsPlainLetterOrDigit(before) && IsPlainLetterOrDigit(after);
            if (!inNumber && !inWord)
            {
                continue;
            }
            lines ??= new LineMap(file, text);
            var span = lines.Span(i, i + 1);
            if (span.Start.Line == lastLine)
            {
                continue;
            }
            lastLine = span.Start.Line;
            var code = string.Create(CultureInfo.InvariantCulture, $"U+{(int)text[i]:X4}");
            var message = $"an invisible {Name(text[i])} ({code}) stands inside {(inNumber ? "a number" : "a word")}: "
                + "it splits the text for the cross-check and for search, and may reorder what the reader sees; delete it";
            yield return ParsingRules.InvisibleCharacter.Create(span, message);
        }
    }

    private static readonly System.Buffers.SearchValues<char> Invisible = System.Buffers.SearchValues.Create(
        "\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\uFEFF");

    /// <summary>The index of the first invisible character at or after <paramref name="from"/>, or -1.</summary>
    private static int Next(string text, int from)
    {
        var found = from >= text.Length ? -1 : text.AsSpan(from).IndexOfAny(Invisible);
        return found < 0 ? -1 : from + found;
    }

    private static bool IsInvisible(char c) =>
        c is (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064') or (>= '\u2066' and <= '\u2069') or '\uFEFF';

    /// <summary>The nearest character on one side that is not itself invisible ('\0' at either end).</summary>
    private static char Neighbour(string text, int index, int step)
    {
        for (var j = index + step; j >= 0 && j < text.Length; j += step)
        {
            if (!IsInvisible(text[j]))
            {
                return text[j];
            }
        }
        return '\0';
    }

    /// <summary>A digit, or a letter of Latin, Greek or Cyrillic (below U+0530): scripts that never need a joiner inside a word.</summary>
    private static bool IsPlainLetterOrDigit(char c) => c < '\u0530' && char.IsLetterOrDigit(c);

    private static string Name(char c) => c switch
    {
        '\u200B' => "zero-width space",
        '\u200C' => "zero-width non-joiner",
        '\u200D' => "zero-width joiner",
        '\u200E' => "left-to-right mark",
        '\u200F' => "right-to-left mark",
        '\u2060' => "word joiner",
        '\uFEFF' => "zero-width no-break space",
        >= '\u202A' and <= '\u202E' => "direction override",
        >= '\u2066' and <= '\u2069' => "direction isolate",
        _ => "invisible operator",
    };
}
