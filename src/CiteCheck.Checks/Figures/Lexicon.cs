using System.Collections.Frozen;

namespace CiteCheck.Checks.Figures;

/// <summary>
/// The words the cross-check reads meaning from: kinds of happening, what happened to the people counted,
/// nouns that count people, qualifiers, and words that are never names. English reports only.
/// </summary>
public static class Lexicon
{
    /// <summary>Kinds of happening, by the stems that announce them (Words/kinds.txt; order matters).</summary>
    public static readonly IReadOnlyList<(string Kind, string[] Stems)> Kinds = WordLists.Map("kinds");

    /// <summary>What happened to the people counted, by stem: the measure of a count (Words/outcomes.txt; order matters).</summary>
    public static readonly IReadOnlyList<(string Outcome, string[] Stems)> Outcomes = WordLists.Map("outcomes");

    /// <summary>Nouns that count people (a count of these is a head count; Words/people-nouns.txt).</summary>
    public static readonly FrozenSet<string> PeopleNouns = WordLists.Set("people-nouns");

    /// <summary>Qualifiers before a figure, longest first, with how they bound it (Words/qualifiers.txt; order matters).</summary>
    public static readonly IReadOnlyList<(string[] Words, Qualifier Qualifier)> Qualifiers = ReadQualifiers();

    /// <summary>Words that are capitalised without being names: months, days, titles, sentence openers (Words/not-names.txt).</summary>
    public static readonly FrozenSet<string> NotNames = WordLists.Set("not-names");

    /// <summary>Words that make a capitalised phrase an institution, place or thing rather than a person (Words/institutions.txt).</summary>
    public static readonly FrozenSet<string> InstitutionWords = WordLists.Set("institutions");

    /// <summary>Words that say a figure is someone's claim (Words/attribution.txt), and words that set two claims against each other (Words/contrast.txt).</summary>
    public static readonly string[] AttributionStems = [.. WordLists.List("attribution")];

    public static readonly string[] ContrastWords = [.. WordLists.List("contrast")];

    /// <summary>Words too common to tell claims apart (Words/stopwords.txt).</summary>
    public static readonly FrozenSet<string> Stopwords = WordLists.Set("stopwords");

    /// <summary>Outcomes that total a year or a disaster ("displaced in 2022", "deported in 2022"): compared across claims that share the kind and the year (Words/statistics.txt).</summary>
    public static readonly HashSet<string> Statistics = [.. WordLists.List("statistics")];

    /// <summary>Currency names written after a number ("5 million dollars"), each to the unit of its measure ("amount:dollars"; Words/currencies.txt).</summary>
    public static readonly FrozenDictionary<string, string> Currencies = ReadCurrencies();

    private static readonly FrozenDictionary<string, string> CurrencyCodes = WordLists.Map("currency-codes")
        .SelectMany(line => line.Entries.Select(code => (Code: code, line.Key))).ToFrozenDictionary(p => p.Code, p => p.Key, StringComparer.Ordinal);

    private static readonly FrozenSet<string> CurrencyKeys = Currencies.Values.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The currency name (a key of Words/currencies.txt) a unit of an amount stands for: "dollars" for "dollars", "usd" and
    /// "cad"; null for a code Words/currency-codes.txt does not know.
    /// </summary>
    public static string? CurrencyName(string unit) =>
        CurrencyCodes.TryGetValue(unit, out var name) ? name : CurrencyKeys.Contains(unit) ? unit : null;

    private static List<(string[] Words, Qualifier Qualifier)> ReadQualifiers()
    {
        var bounds = Enum.GetNames<Qualifier>().Where(n => n != nameof(Qualifier.Exact)).ToList();
        var result = new List<(string[] Words, Qualifier Qualifier)>();
        foreach (var (key, entries) in WordLists.Map("qualifiers"))
        {
            if (!bounds.Contains(key))
            {
                throw new InvalidOperationException($"Word list 'qualifiers': '{key}' is not a bound (one of {string.Join(", ", bounds)}).");
            }
            result.AddRange(entries.Select(entry => (entry.Split(' ', StringSplitOptions.RemoveEmptyEntries), Enum.Parse<Qualifier>(key))));
        }
        return result;
    }

    /// <summary>Units of measure by name: the dimension ("length") and the factor to its base unit (1,000 for a kilometre).</summary>
    public static readonly FrozenDictionary<string, (string Dimension, decimal Factor)> Units = ReadUnits();

    private static FrozenDictionary<string, (string Dimension, decimal Factor)> ReadUnits()
    {
        var units = new Dictionary<string, (string, decimal)>(StringComparer.Ordinal);
        foreach (var (key, names) in WordLists.Map("units"))
        {
            var parts = key.Split('*');
            if (parts.Length != 2 || !decimal.TryParse(parts[1], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var factor))
            {
                throw new InvalidOperationException($"Word list 'units': '{key}' is not 'dimension*factor'.");
            }
            foreach (var name in names)
            {
                if (!units.TryAdd(name, (parts[0], factor)))
                {
                    throw new InvalidOperationException($"Word list 'units': '{name}' is listed twice.");
                }
            }
        }
        return units.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> ReadCurrencies()
    {
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (unit, names) in WordLists.Map("currencies"))
        {
            foreach (var name in names)
            {
                if (!units.TryAdd(name, unit))
                {
                    throw new InvalidOperationException($"Word list 'currencies': '{name}' is the name of both '{units[name]}' and '{unit}'.");
                }
            }
        }
        return units.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The kind named first in lowerText[start..end].</summary>
    public static string? KindOf(string lowerText, int start, int end)
    {
        string? first = null;
        var firstAt = int.MaxValue;
        foreach (var (kind, stems) in Kinds)
        {
            foreach (var stem in stems)
            {
                for (var at = lowerText.IndexOf(stem, start, end - start, StringComparison.Ordinal); at >= 0 && at < end; at = at + 1 < end ? lowerText.IndexOf(stem, at + 1, end - at - 1, StringComparison.Ordinal) : -1)
                {
                    if (MatchesAt(lowerText, at, stem))
                    {
                        if (at < firstAt)
                        {
                            (first, firstAt) = (kind, at);
                        }
                        break;
                    }
                }
            }
        }
        return first;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> KindWords = new(StringComparer.Ordinal);

    /// <summary>Whether one lower-cased word names a kind of happening (memoised: every claim asks for every word).</summary>
    public static bool IsKindWord(string lowerWord) => KindWords.GetOrAdd(lowerWord, w => KindsIn(w).Any());

    /// <summary>All kinds named in a stretch of lower-cased text.</summary>
    public static IEnumerable<string> KindsIn(string lowerText)
    {
        foreach (var (kind, stems) in Kinds)
        {
            if (stems.Any(stem => ContainsWordStart(lowerText, stem)))
            {
                yield return kind;
            }
        }
    }

    public static bool ContainsWordStart(string lowerText, string stem)
    {
        for (var at = lowerText.IndexOf(stem, StringComparison.Ordinal); at >= 0; at = lowerText.IndexOf(stem, at + 1, StringComparison.Ordinal))
        {
            if (MatchesAt(lowerText, at, stem))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A stem matches at the start of a word; a short stem ("ban", "law", "ied") only as a whole word or with an inflection ("bans", "banned").</summary>
    private static bool MatchesAt(string lowerText, int at, string stem)
    {
        if (at > 0 && char.IsLetter(lowerText[at - 1]))
        {
            return false;
        }
        if (stem.Length > 4)
        {
            return true;
        }
        var end = at + stem.Length;
        var rest = end;
        while (rest < lowerText.Length && char.IsLetter(lowerText[rest]))
        {
            rest++;
        }
        var suffix = lowerText[end..rest];
        return suffix is "" or "s" or "es" or "ed" or "d" or "en" or "ing" or "ned" or "ning" or "ted" or "er" or "ers" or "ings";
    }

    /// <summary>A crude stem for comparing content words: lower case, common suffixes off ("cyclists" and "cycling" → "cycl").</summary>
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        foreach (var suffix in new[] { "ings", "ing", "ists", "ist", "ers", "er", "ies", "ied", "es", "ed", "s" })
        {
            if (w.Length - suffix.Length >= 4 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return w[..^suffix.Length];
            }
        }
        return w;
    }
}

public enum Qualifier
{
    Exact,
    AtLeast,
    MoreThan,
    LessThan,
    UpTo,
    About,
    Nearly,
}
