using System.Text.RegularExpressions;

namespace CiteCheck.Checks.Figures;

/// <summary>A person's name as written in a claim: two to four capitalised words that are not an institution, place or title.</summary>
public sealed record NameMention(string Written, IReadOnlyList<string> Parts, int Start, int End)
{
    /// <summary>Role words written around the name: "Colonel", "commander", "governor", "judge", "blogger".</summary>
    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();

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
            while (parts.Count > 0 && Lexicon.NotNames.Contains(parts[0]))
            {
                parts.RemoveAt(0);
            }
            if (parts.Count < 2 || parts.Count > 4)
            {
                continue;
            }
            if (parts.Any(p => Lexicon.InstitutionWords.Contains(p) || Lexicon.NotNames.Contains(p) || p.Length < 2 || p.All(char.IsUpper)))
            {
                continue;
            }
            if (!parts.All(isProper))
            {
                continue;
            }
            var written = string.Join(' ', parts);
            var start = m.Index + m.Value.IndexOf(parts[0], StringComparison.Ordinal);
            result.Add(new NameMention(written, parts, start, start + written.Length) { Roles = RolesAround(text, m.Index, start + written.Length) });
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
        if (a.Parts.Count != b.Parts.Count || a.Written == b.Written)
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

    private static HashSet<string> RolesAround(string text, int start, int end)
    {
        var from = Math.Max(0, start - 40);
        var to = Math.Min(text.Length, end + 60);
        // Stop at the sentence's next name or clause end after the name: the role of "X, commander of …" follows a comma.
        var window = text[from..to].ToLowerInvariant();
        return [.. Tokenizer.Tokenize(window).Where(t => RoleWords.Contains(t.Lower)).Select(t => t.Lower)];
    }

    /// <summary>Damerau–Levenshtein distance (optimal string alignment).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,4}")]
    private static partial Regex Candidate();
}
