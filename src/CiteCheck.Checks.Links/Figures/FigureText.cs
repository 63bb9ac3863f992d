using System.Globalization;
using System.Text.RegularExpressions;
using CiteCheck.Checks.Figures;

namespace CiteCheck.Checks.Links.Figures;

/// <summary>
/// Numbers as values, however they are written: "1,300", "1300", "1 300" and "1.300" (European grouping) all index 1300;
/// "1.5 million" and "1.5m" index 1500000 as well as 1.5; the words one to twenty index their value. A page's index is
/// permissive (an ambiguous "1.300" indexes both 1.3 and 1300): the check only ever says a figure is *missing*, so it
/// errs towards finding it.
/// </summary>
public static partial class FigureText
{
    /// <summary>The value of a number word (one to twenty), read by the cross-check's <see cref="CiteCheck.Checks.Figures.NumberWords"/>.</summary>
    private static string WordValue(string word) =>
        CiteCheck.Checks.Figures.NumberWords.TryRead(Tokenizer.Tokenize(word), 0, out var value) > 0 ? Canonical(value) : word;

    // A number (grouped by commas, dots or spaces, or plain, with decimals), optionally a scale word.
    [GeneratedRegex(@"(?<![\d.,])(?<num>\d{1,3}(?:(?<sep>[,.\u00A0\u202F ])\d{3})(?:\k<sep>\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])(?:\s*(?<scale>million|billion|thousand|bn|m|k)\b)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(?<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>Every value the text writes, in canonical form (invariant, no grouping, no trailing zeros).</summary>
    public static HashSet<string> Index(string text)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Number().Matches(text))
        {
            foreach (var v in Values(m))
            {
                values.Add(v);
            }
        }
        foreach (Match m in Word().Matches(text))
        {
            values.Add(WordValue(m.Groups["word"].Value));
        }
        return values;
    }

    /// <summary>The canonical values one written figure stands for ("1,300" → 1300; "seven" → 7; "1.5 million" → 1500000).</summary>
    public static IEnumerable<string> ValuesOf(string written)
    {
        var word = Word().Match(written);
        if (word.Success && word.Length == written.Trim().Length)
        {
            return [WordValue(word.Groups["word"].Value)];
        }
        return Number().Matches(written).SelectMany(Values).Distinct();
    }

    public static IEnumerable<Match> Numbers(string text) => Number().Matches(text);

    public static IEnumerable<Match> NumberWords(string text) => Word().Matches(text);

    private static IEnumerable<string> Values(Match m)
    {
        var raw = m.Groups["num"].Value;
        var sep = m.Groups["sep"].Success ? m.Groups["sep"].Value : null;
        var candidates = new List<decimal>();
        if (sep is null)
        {
            // Plain: "1300", "29.5", or "29,5" (decimal comma).
            if (Parse(raw.Replace(',', '.')) is { } plain)
            {
                candidates.Add(plain);
            }
        }
        else
        {
            var grouped = raw.Replace(sep, "");
            var decimals = sep == "," ? grouped : grouped.Replace(',', '.');
            if (Parse(decimals) is { } value)
            {
                candidates.Add(value);
            }
            if (sep is "." or "," && raw.Count(c => c.ToString() == sep) == 1 && Parse(raw.Replace(sep, ".")) is { } small)
            {
                candidates.Add(small); // "1.300" may be 1.3; "1,5" may be 1.5
            }
        }
        var scale = m.Groups["scale"].Success ? CiteCheck.Checks.Figures.NumberWords.ScaleOf(m.Groups["scale"].Value.ToLowerInvariant()) : 1m;
        foreach (var c in candidates)
        {
            yield return Canonical(c);
            if (scale != 1m)
            {
                yield return Canonical(c * scale);
            }
        }
    }

    private static decimal? Parse(string s) =>
        decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static string Canonical(decimal d) => CiteCheck.Checks.Figures.NumberWords.Canonical(d);
}
