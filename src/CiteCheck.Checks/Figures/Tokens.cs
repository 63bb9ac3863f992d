using System.Text.RegularExpressions;

namespace CiteCheck.Checks.Figures;

/// <summary>A word, number or sign of a claim, with its [Start, End) offsets in the claim text.</summary>
public sealed record Token(string Text, int Start, int End, TokenType Type)
{
    public string Lower { get; } = Text.ToLowerInvariant();

    public bool IsCapitalized => Text.Length > 0 && char.IsUpper(Text[0]);

    public override string ToString() => Text;
}

public enum TokenType
{
    Word,
    Number,
    Punctuation,
}

/// <summary>Splits a claim into tokens: words (with inner apostrophes and hyphens), numbers (1,300 / 1 300 with a no-break, thin or narrow no-break space / 1.5 / 81.0), and signs.</summary>
public static partial class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        // About one token in five characters of prose: sized once, the list is not regrown and copied as it fills.
        var tokens = new List<Token>((text.Length / 5) + 4);
        // EnumerateMatches allocates no Match or group per token; the alternative that matched is told by the first
        // character, since the three alternatives start with a digit, a letter and anything else.
        foreach (var m in Pattern().EnumerateMatches(text))
        {
            var type = TypeAt(text, m.Index);
            var end = m.Index + m.Length;
            var length = m.Length;
            // A possessive belongs to the word but not to its lemma: "Smith's" -> "Smith".
            if (type == TokenType.Word && IsPossessive(text.AsSpan(m.Index, m.Length)))
            {
                length -= 2;
            }
            tokens.Add(new Token(text.Substring(m.Index, length), m.Index, end, type));
        }
        return tokens;
    }

    /// <summary>
    /// Adds to <paramref name="words"/> (ordinal) the text of every word token of <paramref name="text"/> that starts with
    /// a lower-case letter: what <see cref="Tokenize"/> would give, without making a token, nor a string for a word
    /// already in the set.
    /// </summary>
    public static void AddLowercaseWords(string text, HashSet<string> words)
    {
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var m in Pattern().EnumerateMatches(text))
        {
            // A token that starts with a lower-case letter is a word (numbers start with a digit, signs with no letter).
            if (!char.IsLower(text[m.Index]))
            {
                continue;
            }
            var word = text.AsSpan(m.Index, m.Length);
            if (IsPossessive(word))
            {
                word = word[..^2];
            }
            if (!lookup.Contains(word))
            {
                words.Add(word.ToString());
            }
        }
    }

    private static TokenType TypeAt(string text, int index) =>
        char.IsDigit(text[index]) ? TokenType.Number : char.IsLetter(text[index]) ? TokenType.Word : TokenType.Punctuation;

    private static bool IsPossessive(ReadOnlySpan<char> word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00A0\u2009\u202F]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?<word>[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}\p{M}'’]+)*)|(?<punct>[^\s\p{L}\d])")]
    private static partial Regex Pattern();
}
