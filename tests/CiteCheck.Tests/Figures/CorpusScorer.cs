using System.Text.Json;
using CiteCheck.Model;

namespace CiteCheck.Tests.Figures;

/// <summary>
/// Scores the cross-check against a labelled report (the key format of shared/corpus: expected.json with conflicts, traps
/// and neutral entries). A discrepancy matches a conflict when its claims cover a line of every side and its kind agrees;
/// any other discrepancy is false, unless all its lines lie inside one neutral entry.
/// </summary>
public sealed class CorpusScorer
{
    public sealed record Key(string Document, IReadOnlyList<Conflict> Conflicts, IReadOnlyList<int[]> Neutral, IReadOnlyList<int[]> Traps);

    public sealed record Conflict(string Id, string Kind, IReadOnlyList<int[]> Sides, string What);

    public sealed record Score(string Name, int Conflicts, int Found, int Reported, int False, IReadOnlyList<string> Missed, IReadOnlyList<string> FalseAlarms)
    {
        public double Recall => Conflicts == 0 ? 1 : (double)Found / Conflicts;

        public double Precision => Reported - Ignored == 0 ? 1 : (double)(Reported - Ignored - False) / (Reported - Ignored);

        public int Ignored { get; init; }
    }

    public static Key ReadKey(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var conflicts = root.GetProperty("conflicts").EnumerateArray().Select(c => new Conflict(
            c.GetProperty("id").GetString()!,
            c.GetProperty("kind").GetString()!,
            [.. c.GetProperty("sides").EnumerateArray().Select(s => s.EnumerateArray().Select(l => l.GetInt32()).ToArray())],
            c.TryGetProperty("what", out var w) ? w.GetString() ?? "" : "")).ToList();
        static IReadOnlyList<int[]> Lines(JsonElement root, string name) => root.TryGetProperty(name, out var list)
            ? [.. list.EnumerateArray().Select(n => n.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()).ToArray())]
            : [];
        return new Key(root.GetProperty("document").GetString()!, conflicts, Lines(root, "neutral"), Lines(root, "traps"));
    }

    public static Score Evaluate(string name, Key key, IReadOnlyList<Discrepancy> reported)
    {
        var found = new HashSet<string>();
        var falseAlarms = new List<string>();
        var ignored = 0;
        foreach (var d in reported)
        {
            var lines = d.Claims.SelectMany(c => Enumerable.Range(c.Span.Start.Line, Math.Max(1, c.Span.End.Line - c.Span.Start.Line + 1))).ToHashSet();
            var kind = Discrepancy.KindName(d.Kind);
            var matches = key.Conflicts.Where(k => k.Kind == kind && k.Sides.All(side => side.Any(lines.Contains))).ToList();
            if (matches.Count > 0)
            {
                found.UnionWith(matches.Select(m => m.Id));
            }
            else if (key.Neutral.Any(n => lines.All(n.Contains)))
            {
                ignored++;
            }
            else
            {
                falseAlarms.Add($"{kind} {d.Subject} lines {string.Join(",", lines.Order())}: {string.Join(" | ", d.Claims.Select(c => c.Value).Distinct())}");
            }
        }
        var missed = key.Conflicts.Where(k => !found.Contains(k.Id)).Select(k => $"{k.Id} {k.Kind} lines {string.Join("/", k.Sides.Select(s => string.Join(",", s)))}: {k.What}").ToList();
        return new Score(name, key.Conflicts.Count, found.Count, reported.Count, falseAlarms.Count, missed, falseAlarms) { Ignored = ignored };
    }
}
