namespace CiteCheck.Model;

/// <summary>Edit distance between two strings, shared by the cross-check (name spellings) and the CLI (did you mean …?).</summary>
public static class EditDistance
{
    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of adjacent characters.</summary>
    public static int Between(string a, string b)
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

    /// <summary>
    /// The nearest candidate (dashes and slashes in front not counted), when it is close enough to be meant: at most a
    /// third of its letters and at most three edits away. Shared by the CLI's and the configuration's "did you mean".
    /// </summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var letters = candidate.TrimStart('-', '/').Length;
            var distance = Between(typed, candidate);
            if (distance <= Math.Min(3, letters / 3) && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }
}
