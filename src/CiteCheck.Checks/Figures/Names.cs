using System.Text.RegularExpressions;
using CiteCheck.Model;

namespace CiteCheck.Checks.Figures;

/// <summary>A person's name as written in a claim: two to four capitalised words that are not an institution, place or title.</summary>
public sealed record NameMention(string Written, IReadOnlyList<string> Parts, int Start, int End)
{
    /// <summary>Role words written around the name: "Colonel", "commander", "governor", "judge", "blogger".</summary>
    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();

    /// <summary>
    /// Written where a place or a thing stands, not a person: right after a preposition of place ("in", "near", "the
    /// village of") or right after "the" with no title between ("the Black Brigade").
    /// </summary>
    public bool NotAPerson { get; init; }

    /// <summary>Written after a title or a role ("Judge", "the journalist"): plainly a person.</summary>
    public bool Titled { get; init; }

    public string First => Parts[0];

    public string Last => Parts[^1];
}

/// <summary>Finds people's names, and decides when two spellings are one person's name written two ways.</summary>
public static partial class Names
{
    public static IReadOnlyList<NameMention> Extract(string text, Func<string, bool> isProper)
    {
        var result = new List<NameMention>();
        foreach (Match m in Candidate().Matches(text))
        {
            var parts = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.EndsWith("'s", StringComparison.Ordinal) || p.EndsWith("’s", StringComparison.Ordinal) ? p[..^2] : p).ToList();
            // Titles before a name are not part of it: "Judge John Smith", "President Jane Doe".
            while (parts.Count > 0 && (Lexicon.NotNames.Contains(parts[0]) || IsRole(parts[0])))
            {
                parts.RemoveAt(0);
            }
            // A title of several words ends at its last title word: "Interior Minister Jane Doe", "Deputy Prime Minister John Smith".
            var lastTitle = parts.FindLastIndex(p => Lexicon.NotNames.Contains(p) || IsRole(p));
            if (lastTitle >= 0 && lastTitle < parts.Count - 2)
            {
                parts.RemoveRange(0, lastTitle + 1);
            }
            if (parts.Count < 2 || parts.Count > 4)
            {
                continue;
            }
            if (parts.Any(p => Lexicon.InstitutionWords.Contains(p) || Lexicon.NotNames.Contains(p) || p.Length < 2 || p.All(char.IsUpper)))
            {
                continue;
            }
            if (!parts.All(p => Particle(p) || isProper(WithoutParticle(p))))
            {
                continue;
            }
            var written = string.Join(' ', parts);
            var start = m.Index + m.Value.IndexOf(parts[0], StringComparison.Ordinal);
            var titled = start > m.Index;
            result.Add(new NameMention(written, parts, start, start + written.Length)
            {
                Roles = RolesAround(text, start, start + written.Length),
                NotAPerson = PlaceOrThingBefore(text, m.Index, titled),
                Titled = titled || RoleWordBefore(text, m.Index),
            });
        }
        return result;
    }

    /// <summary>
    /// One name spelled two ways: the same number of parts, every part equal or a close spelling of the other (same first letter,
    /// edit distance one or two, similar length), at least one part different. Two people who share a surname differ in a
    /// first name by far more than a spelling: John and Jane Smith are two people.
    /// </summary>
    public static bool AreVariants(NameMention a, NameMention b)
    {
        if (a.Parts.Count != b.Parts.Count || a.Written == b.Written || SameWithoutMarks(a, b) || SingularAndPlural(a, b))
        {
            return false;
        }
        var differing = 0;
        for (var i = 0; i < a.Parts.Count; i++)
        {
            var x = a.Parts[i].ToLowerInvariant();
            var y = b.Parts[i].ToLowerInvariant();
            if (x == y)
            {
                continue;
            }
            differing++;
            if (!CloseSpelling(x, y))
            {
                return false;
            }
        }
        return differing >= 1 && differing < a.Parts.Count + 1;
    }

    /// <summary>
    /// Spellings that differ only by accents or a possessive are one spelling, written with or without the marks
    /// ("José"/"Jose", "Adams'"/"Adams"): a reader sees no second name there.
    /// </summary>
    public static bool SameWithoutMarks(NameMention a, NameMention b) => Folded(a.Written) == Folded(b.Written);

    /// <summary>A group named in the singular and the plural ("a Red Brigade member", "the Red Brigades").</summary>
    private static bool SingularAndPlural(NameMention a, NameMention b) =>
        a.Parts.Take(a.Parts.Count - 1).SequenceEqual(b.Parts.Take(b.Parts.Count - 1), StringComparer.OrdinalIgnoreCase)
        && (string.Equals(a.Last + "s", b.Last, StringComparison.OrdinalIgnoreCase) || string.Equals(b.Last + "s", a.Last, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a.Last + "es", b.Last, StringComparison.OrdinalIgnoreCase) || string.Equals(b.Last + "es", a.Last, StringComparison.OrdinalIgnoreCase));

    /// <summary>Lower case, without diacritics, apostrophes or a final possessive "s".</summary>
    public static string Folded(string written)
    {
        var decomposed = written.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        var folded = sb.ToString();
        folded = folded.EndsWith("'s", StringComparison.Ordinal) || folded.EndsWith("’s", StringComparison.Ordinal) ? folded[..^2] : folded;
        return folded.Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> PlacePrepositions =
    [
        "in", "at", "near", "outside", "inside", "into", "across", "around", "toward", "towards", "through", "throughout", "within", "onto",
    ];

    private static readonly HashSet<string> PlaceNouns =
    [
        "village", "town", "city", "district", "province", "region", "governorate", "county", "municipality", "neighbourhood",
        "neighborhood", "suburb", "area", "island", "islands", "river", "valley", "state", "capital", "port", "camp", "border",
    ];

    private static bool RoleWordBefore(string text, int start)
    {
        var before = Tokenizer.Tokenize(text[Math.Max(0, start - 30)..start].ToLowerInvariant()).Where(t => t.Type == TokenType.Word).ToList();
        return before.Count > 0 && (RoleWords.Contains(before[^1].Lower) || IsRole(before[^1].Lower) || before[^1].Lower.EndsWith("-leader", StringComparison.Ordinal));
    }

    /// <summary>Whether the words before a capitalised phrase say it is a place or a thing rather than a person.</summary>
    private static bool PlaceOrThingBefore(string text, int start, bool titled)
    {
        var before = Tokenizer.Tokenize(text[Math.Max(0, start - 40)..start].ToLowerInvariant()).Where(t => t.Type == TokenType.Word).Select(t => t.Lower).ToList();
        if (before.Count == 0)
        {
            return false;
        }
        var last = before[^1];
        if (PlacePrepositions.Contains(last) || (!titled && last == "the"))
        {
            return true;
        }
        return last == "of" && before.Count >= 2 && PlaceNouns.Contains(before[^2]);
    }

    public static bool CloseSpelling(string x, string y)
    {
        if (x[0] != y[0] || Math.Abs(x.Length - y.Length) > 2 || Math.Min(x.Length, y.Length) < 4)
        {
            return false;
        }
        var distance = Distance(x, y);
        return distance <= (Math.Min(x.Length, y.Length) >= 7 ? 2 : 1) && !(x.EndsWith('a') ^ y.EndsWith('a') && distance == 1 && Math.Abs(x.Length - y.Length) == 1 && x.TrimEnd('a') == y.TrimEnd('a'));
    }

    /// <summary>
    /// One person written with two first names: the same surname, and the same specific role written beside both
    /// ("Colonel John Smith, commander of the special police" and "Colonel Paul Smith, commander of the special police").
    /// Judge John Smith and the journalist Jane Smith are two people; so are two presidents of one family, whose role is not specific enough to tell.
    /// </summary>
    public static bool SameRoleOtherName(NameMention a, NameMention b) =>
        a.Parts.Count == b.Parts.Count && a.Last == b.Last && a.First != b.First && !CloseSpelling(a.First.ToLowerInvariant(), b.First.ToLowerInvariant())
        && a.Roles.Count > 0 && b.Roles.Count > 0 && a.Roles.SetEquals(b.Roles);

    /// <summary>Role words written around a name (Words/roles.txt).</summary>
    private static readonly HashSet<string> RoleWords = [.. WordLists.List("roles")];

    private static bool Particle(string part) => char.IsLower(part[0]) && !part.Contains('-', StringComparison.Ordinal);

    /// <summary>"al-Abadi" is read as "Abadi" when deciding whether it is a proper name.</summary>
    private static string WithoutParticle(string part) =>
        char.IsLower(part[0]) && part.IndexOf('-', StringComparison.Ordinal) is var dash and > 0 && dash + 1 < part.Length ? part[(dash + 1)..] : part;

    /// <summary>A role word, singular or plural, as a title before a name: "Journalists Jane Doe and John Smith".</summary>
    private static bool IsRole(string word)
    {
        var lower = word.ToLowerInvariant();
        return RoleWords.Contains(lower) || (lower.EndsWith('s') && (RoleWords.Contains(lower[..^1]) || Lexicon.NotNames.Contains(lower[..^1])));
    }

    /// <summary>
    /// A surname written alone and spelled two ways ("Smithers" and "Smithres" after "John Smithers"): a capitalised word of
    /// six letters or more that is a close spelling of the surname of a person the report names in full.
    /// </summary>
    public static IReadOnlyList<(string Variant, string Surname)> SurnameVariants(IEnumerable<string> surnames, IEnumerable<string> words)
    {
        var known = surnames.Where(s => s.Length >= 6).ToHashSet(StringComparer.Ordinal);
        var byInitial = known.GroupBy(s => char.ToLowerInvariant(s[0])).ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<(string, string)>();
        foreach (var word in words.Where(w => w.Length >= 6 && !known.Contains(w)).Distinct(StringComparer.Ordinal))
        {
            if (!byInitial.TryGetValue(char.ToLowerInvariant(word[0]), out var candidates))
            {
                continue;
            }
            foreach (var surname in candidates)
            {
                if (Folded(word) != Folded(surname) && CloseSpelling(word.ToLowerInvariant(), surname.ToLowerInvariant())
                    && !string.Equals(word, surname + "s", StringComparison.OrdinalIgnoreCase) && !string.Equals(surname, word + "s", StringComparison.OrdinalIgnoreCase))
                {
                    result.Add((word, surname));
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Whether a capitalised word is written on its own somewhere in the text, not inside a longer capitalised phrase
    /// ("Deutsche" in "Deutsche Bank" is part of a name; "Smithers said" is a surname alone).
    /// </summary>
    public static bool StandsAlone(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at > 0 && char.IsLetter(text[at - 1])) || (end < text.Length && char.IsLetter(text[end])))
            {
                continue;
            }
            var before = text[..at].TrimEnd();
            var previous = before.Length == 0 ? "" : before[(before.LastIndexOfAny([' ', '(', '"', '“']) + 1)..];
            var after = text[end..].TrimStart();
            var nextCapital = after.Length > 0 && char.IsUpper(after[0]);
            var previousCapital = previous.Length > 0 && char.IsUpper(previous[0]) && !".!?:;".Contains(before[^1], StringComparison.Ordinal);
            if (!nextCapital && !previousCapital)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The roles written beside a name: the words just before it ("the journalist", "Colonel") and, after a comma, its
    /// apposition ("…, commander of the special police"). A role word that is itself a title of another name
    /// ("General Smith's daughter") is not this person's role.
    /// </summary>
    private static HashSet<string> RolesAround(string text, int start, int end)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        var before = Tokenizer.Tokenize(text[Math.Max(0, start - 40)..start]).Where(t => t.Type == TokenType.Word).TakeLast(3);
        roles.UnionWith(before.Where(t => RoleWords.Contains(t.Lower)).Select(t => t.Lower));
        var after = text[end..Math.Min(text.Length, end + 60)];
        var trimmed = after.TrimStart();
        if (trimmed.StartsWith(',') || trimmed.StartsWith(':'))
        {
            var words = Tokenizer.Tokenize(trimmed[1..]).TakeWhile(t => t.Type == TokenType.Word || t.Text is "-" or "'").Take(6).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                var nextIsName = i + 1 < words.Count && char.IsUpper(words[i + 1].Text[0]);
                if (RoleWords.Contains(words[i].Lower) && !nextIsName)
                {
                    roles.Add(words[i].Lower);
                }
            }
        }
        return roles;
    }

    public static int Distance(string a, string b) => EditDistance.Between(a, b);

    /// <summary>Two to five capitalised words; a lower-case particle may stand inside ("Haider al-Abadi", "Ludwig van Beethoven").</summary>
    [GeneratedRegex(@"\b\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:al|el|bin|ibn|van|von|de|da|del|della|di|du|dos|das|do|ter|ten|la|le)(?:-|\s+))?\p{Lu}[\p{L}'’-]+){1,4}")]
    private static partial Regex Candidate();
}
