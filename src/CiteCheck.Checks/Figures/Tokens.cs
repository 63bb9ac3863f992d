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
        var tokens = new List<Token>();
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

    private static TokenType TypeAt(string text, int index) =>
        char.IsDigit(text[index]) ? TokenType.Number : char.IsLetter(text[index]) ? TokenType.Word : TokenType.Punctuation;

    private static bool IsPossessive(ReadOnlySpan<char> word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00A0\u2009\u202F]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?<word>[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}\p{M}'’]+)*)|(?<punct>[^\s\p{L}\d])")]
    private static partial Regex Pattern();
}
