using System.Globalization;
using System.Text;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links.Classification;

/// <summary>
/// Compares a bibliography title with what a page calls itself: its &lt;title&gt;, og:title and first &lt;h1&gt;, and each part of
/// a title split at " | ", " - ", " – ", " — ", " · " or " :: " (sites append their name). Both sides are normalised (case, accents,
/// punctuation) and split into words, small words dropped. The similarity of two titles is the best of:
/// the share of the bibliography title's words found in the candidate (a page title that adds a site name still scores 1),
/// the Dice coefficient of the two word sets, and the Dice coefficient of their letter pairs (spelling variants).
/// A page whose best candidate scores below <see cref="LinkCheckOptions.TitleThreshold"/> (0.5 by default) is a mismatch.
/// A page with no title, og:title or h1 is not judged.
/// </summary>
public static class TitleMatcher
{
    public static readonly DiagnosticDescriptor Rule = new("CC3004", "title-mismatch", "Linked page's title is not the source's title", Severity.Warning, "links");

    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "from", "is", "are", "was", "as", "its", "s", "de", "la", "le", "et",
    };

    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " · ", " :: ", " // "];

    /// <summary>The best similarity between any of the titles and any page candidate, with the candidate that scored it; null when the page names itself nowhere.</summary>
    public static (double Score, string Candidate)? Best(IEnumerable<string> titles, PageInfo page)
    {
        var candidates = Candidates(page).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        (double Score, string Candidate) best = (-1, candidates[0]);
        foreach (var title in titles)
        {
            foreach (var candidate in candidates)
            {
                var score = Similarity(title, candidate);
                if (score > best.Score)
                {
                    best = (score, candidate);
                }
            }
        }
        return best.Score < 0 ? null : best;
    }

    public static IEnumerable<string> Candidates(PageInfo page)
    {
        foreach (var whole in new[] { page.Title, page.OgTitle, page.Heading })
        {
            if (string.IsNullOrWhiteSpace(whole))
            {
                continue;
            }
            yield return whole;
            foreach (var separator in Separators)
            {
                if (whole.Contains(separator, StringComparison.Ordinal))
                {
                    foreach (var part in whole.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        yield return part;
                    }
                }
            }
        }
    }

    public static double Similarity(string a, string b)
    {
        var wa = Words(a);
        var wb = Words(b);
        if (wa.Count == 0 || wb.Count == 0)
        {
            return 0;
        }
        var common = wa.Count(wb.Contains);
        var containment = (double)common / wa.Count;
        var dice = 2.0 * common / (wa.Count + wb.Count);
        return Math.Max(Math.Max(containment, dice), LetterPairDice(string.Join(' ', wa.Order(StringComparer.Ordinal)), string.Join(' ', wb.Order(StringComparer.Ordinal))));
    }

    public static string Normalise(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return sb.ToString();
    }

    private static HashSet<string> Words(string text) =>
        [.. Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !SmallWords.Contains(w))];

    private static double LetterPairDice(string a, string b)
    {
        static List<string> Pairs(string s) => [.. Enumerable.Range(0, Math.Max(0, s.Length - 1)).Select(i => s.Substring(i, 2)).Where(p => !p.Contains(' '))];
        var pa = Pairs(a);
        var pb = Pairs(b);
        if (pa.Count == 0 || pb.Count == 0)
        {
            return 0;
        }
        var pool = pb.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var common = 0;
        foreach (var p in pa)
        {
            if (pool.TryGetValue(p, out var n) && n > 0)
            {
                pool[p] = n - 1;
                common++;
            }
        }
        return 2.0 * common / (pa.Count + pb.Count);
    }
}
