using System.Collections.Frozen;
using System.Globalization;

namespace CiteCheck.Checks.Figures;

/// <summary>Reads numbers as reports write them: digits with separators (1,300; 1.5), scales (1.5 million), and words (three, Twelve, a dozen, twenty-five, two and a half).</summary>
public static class NumberWords
{
    private static readonly FrozenDictionary<string, decimal> Units = new Dictionary<string, decimal>
    {
        ["zero"] = 0,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
        ["dozen"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, decimal> Scales = new Dictionary<string, decimal>
    {
        ["hundred"] = 100,
        ["thousand"] = 1_000,
        ["million"] = 1_000_000,
        ["billion"] = 1_000_000_000,
        ["trillion"] = 1_000_000_000_000,
        ["mn"] = 1_000_000,
        ["bn"] = 1_000_000_000,
        ["m"] = 1_000_000,
        ["k"] = 1_000,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool IsScale(string word) => Scales.ContainsKey(word) && word.Length > 2;

    /// <summary>The factor a scale word stands for ("million" → 1,000,000; "bn" → 1,000,000,000), 1 for any other word.</summary>
    public static decimal ScaleOf(string word) => Scales.GetValueOrDefault(word, 1m);

    /// <summary>
    /// The one canonical spelling of a value, for every caller that compares or keys numbers (figures, discrepancy ids,
    /// the link checker's page index): invariant, no grouping, no trailing zeros, every decimal kept ("1300", "80.1",
    /// "1.125").
    /// </summary>
    public static string Canonical(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static bool IsNumberWord(string word) => Units.ContainsKey(word) || TryCompound(word, out _);

    /// <summary>
    /// Reads a number starting at token <paramref name="i"/>; returns how many tokens it used (0 if none).
    /// "1,300" → 1300; "1.5 million" → 1500000; "twenty-five" → 25; "a dozen" → 12; "two and a half" → 2.5.
    /// </summary>
    public static int TryRead(IReadOnlyList<Token> tokens, int i, out decimal value)
    {
        value = 0;
        var t = tokens[i];
        var used = 0;
        if (t.Type == TokenType.Number)
        {
            if (!decimal.TryParse(StripGroupSeparators(t.Text), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            {
                return 0;
            }
            used = 1;
        }
        else if (t.Lower == "a" && i + 1 < tokens.Count && tokens[i + 1].Lower == "dozen")
        {
            value = 12;
            used = 2;
        }
        else if (Units.TryGetValue(t.Text, out var unit) && t.Lower != "dozen")
        {
            value = unit;
            used = 1;
            // "twenty five" written apart
            if (unit >= 20 && unit % 10 == 0 && i + 1 < tokens.Count && Units.TryGetValue(tokens[i + 1].Text, out var ones) && ones < 10)
            {
                value += ones;
                used++;
            }
        }
        else if (TryCompound(t.Text, out var compound))
        {
            value = compound;
            used = 1;
        }
        else
        {
            return 0;
        }
        // "two and a half"
        if (i + used + 2 < tokens.Count && tokens[i + used].Lower == "and" && tokens[i + used + 1].Lower == "a" && tokens[i + used + 2].Lower == "half")
        {
            value += 0.5m;
            used += 3;
        }
        // Scales: "1.5 million", "three hundred", "12 thousand".
        while (i + used < tokens.Count && Scales.TryGetValue(tokens[i + used].Text, out var scale) && (tokens[i + used].Text.Length > 2 || t.Type == TokenType.Number))
        {
            if (tokens[i + used].Text.Length <= 2 && tokens[i + used].Start != tokens[i + used - 1].End)
            {
                break; // "5m" only when attached
            }
            value *= scale;
            used++;
        }
        return used;
    }

    private static bool TryCompound(string word, out decimal value)
    {
        value = 0;
        var parts = word.Split('-');
        if (parts.Length == 2 && Units.TryGetValue(parts[0], out var tens) && tens >= 20 && Units.TryGetValue(parts[1], out var ones) && ones < 10)
        {
            value = tens + ones;
            return true;
        }
        return false;
    }

    /// <summary>"1,300" and "1 300" (no-break, thin or narrow no-break space between the groups) → "1300".</summary>
    private static string StripGroupSeparators(string number) =>
        number.Replace(",", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal)
            .Replace("\u2009", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
}
