using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CiteCheck.Model;

namespace CiteCheck.Compiler.Output;

/// <summary>Two check.json files compared: findings matched by <see cref="CheckJson.FindingKey(string, string, string)"/>, discrepancies by id.</summary>
public sealed record Diff(
    CheckJsonFile Old,
    CheckJsonFile New,
    IReadOnlyList<JsonFinding> NewFindings,
    IReadOnlyList<JsonFinding> ResolvedFindings,
    IReadOnlyList<JsonFinding> UnchangedFindings,
    IReadOnlyList<JsonDiscrepancy> NewDiscrepancies,
    IReadOnlyList<JsonDiscrepancy> ResolvedDiscrepancies,
    IReadOnlyList<JsonDiscrepancy> UnchangedDiscrepancies);

/// <summary><c>citecheck diff old.json new.json</c>: what an edit fixed and what it broke (docs/diff.md).</summary>
public static class DiffReport
{
    public static readonly string[] Formats = ["text", "markdown", "json"];

    public static Diff Compare(CheckJsonFile old, CheckJsonFile @new)
    {
        var (added, unchanged) = Split(@new.Findings, old.FindingCounts());
        var (resolved, _) = Split(old.Findings, @new.FindingCounts());
        var oldIds = old.DiscrepancyIds();
        var newIds = @new.DiscrepancyIds();
        return new Diff(old, @new, added, resolved, unchanged,
            [.. @new.Discrepancies.Where(d => !oldIds.Contains(d.Id))],
            [.. old.Discrepancies.Where(d => !newIds.Contains(d.Id))],
            [.. @new.Discrepancies.Where(d => oldIds.Contains(d.Id))]);
    }

    /// <summary>
    /// Splits findings into those beyond the other side's count of their key (new, or resolved) and those matched.
    /// A key found twice here and once there is one matched and one unmatched.
    /// </summary>
    private static (List<JsonFinding> Unmatched, List<JsonFinding> Matched) Split(IEnumerable<JsonFinding> findings, Dictionary<string, int> other)
    {
        var left = new Dictionary<string, int>(other, StringComparer.Ordinal);
        var unmatched = new List<JsonFinding>();
        var matched = new List<JsonFinding>();
        foreach (var f in findings)
        {
            if (left.TryGetValue(f.Key, out var n) && n > 0)
            {
                left[f.Key] = n - 1;
                matched.Add(f);
            }
            else
            {
                unmatched.Add(f);
            }
        }
        return (unmatched, matched);
    }

    /// <summary>Marks the findings and discrepancies of a run that the baseline also has.</summary>
    public static BaselineMarks Mark(CheckedReport report, CheckJsonFile baseline)
    {
        var left = baseline.FindingCounts();
        var marks = ImmutableArray.CreateBuilder<bool>(report.Diagnostics.Length);
        foreach (var d in report.Diagnostics)
        {
            var key = CheckJson.FindingKey(d, report.Document.File);
            var found = left.TryGetValue(key, out var n) && n > 0;
            if (found)
            {
                left[key] = n - 1;
            }
            marks.Add(found);
        }
        var ids = baseline.DiscrepancyIds();
        return new BaselineMarks(baseline.Path, marks.MoveToImmutable(), [.. report.Discrepancies.Where(d => ids.Contains(d.Id)).Select(d => d.Id)]);
    }

    public static string Counts(Diff diff) =>
        $"{Output.Counts.Of(diff.NewFindings.Count, "new finding")}, {diff.ResolvedFindings.Count} resolved, {diff.UnchangedFindings.Count} unchanged; "
        + $"{Output.Counts.Of(diff.NewDiscrepancies.Count, "new discrepancy", "new discrepancies")}, {diff.ResolvedDiscrepancies.Count} resolved, {diff.UnchangedDiscrepancies.Count} unchanged";

    public static string Write(Diff diff, string format) => Credentials.Hide(format.ToLowerInvariant() switch
    {
        "markdown" => Markdown(diff),
        "json" => Json(diff),
        _ => Text(diff),
    });

    private static string Text(Diff diff)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{diff.Old.Path} -> {diff.New.Path}: {Counts(diff)}\n");
        Section(sb, "new", diff.NewFindings, diff.NewDiscrepancies);
        Section(sb, "resolved", diff.ResolvedFindings, diff.ResolvedDiscrepancies);
        return sb.ToString();

        static void Section(StringBuilder sb, string label, IReadOnlyList<JsonFinding> findings, IReadOnlyList<JsonDiscrepancy> discrepancies)
        {
            foreach (var f in findings)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{label}: {f.File}({f.Line},{f.Column}): {f.Severity} {f.Id} {f.Rule}: {f.Message}\n");
            }
            foreach (var d in discrepancies)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{label}: discrepancy {d.Id} ({d.Status}) {d.Kind}: {d.Subject}\n");
            }
        }
    }

    private static string Markdown(Diff diff)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"## CiteCheck: {Output.Counts.Of(diff.NewFindings.Count + diff.NewDiscrepancies.Count, "new", "new")}, ")
          .Append(CultureInfo.InvariantCulture, $"{diff.ResolvedFindings.Count + diff.ResolvedDiscrepancies.Count} resolved, {diff.UnchangedFindings.Count + diff.UnchangedDiscrepancies.Count} unchanged\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{Counts(diff)}.\n");
        Tables(sb, "New", diff.NewFindings, diff.NewDiscrepancies);
        Tables(sb, "Resolved", diff.ResolvedFindings, diff.ResolvedDiscrepancies);
        return sb.ToString();

        static void Tables(StringBuilder sb, string label, IReadOnlyList<JsonFinding> findings, IReadOnlyList<JsonDiscrepancy> discrepancies)
        {
            if (findings.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n### {label} findings\n\n| Severity | Rule | Location | Message |\n|---|---|---|---|\n");
                foreach (var f in findings)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"| {f.Severity} | {f.Id} {f.Rule} | {Cell(f.File)}:{f.Line} | {Cell(f.Message)} |\n");
                }
            }
            if (discrepancies.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n### {label} discrepancies\n\n| Id | Status | Kind | Subject |\n|---|---|---|---|\n");
                foreach (var d in discrepancies)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"| {d.Id} | {d.Status} | {d.Kind} | {Cell(d.Subject)} |\n");
                }
            }
        }
    }

    /// <summary>A table cell's text: pipes escaped, line breaks as spaces.</summary>
    private static string Cell(string s) => s.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");

    private static string Json(Diff diff)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteString("old", diff.Old.Path);
            w.WriteString("new", diff.New.Path);
            w.WriteStartObject("findings");
            Findings(w, "new", diff.NewFindings);
            Findings(w, "resolved", diff.ResolvedFindings);
            Findings(w, "unchanged", diff.UnchangedFindings);
            w.WriteEndObject();
            w.WriteStartObject("discrepancies");
            Discrepancies(w, "new", diff.NewDiscrepancies);
            Discrepancies(w, "resolved", diff.ResolvedDiscrepancies);
            Discrepancies(w, "unchanged", diff.UnchangedDiscrepancies);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";

        static void Findings(Utf8JsonWriter w, string name, IReadOnlyList<JsonFinding> findings)
        {
            w.WriteStartArray(name);
            foreach (var f in findings)
            {
                w.WriteStartObject();
                w.WriteString("key", f.Key);
                w.WriteString("id", f.Id);
                w.WriteString("rule", f.Rule);
                w.WriteString("severity", f.Severity);
                w.WriteString("message", f.Message);
                w.WriteString("file", f.File);
                w.WriteNumber("line", f.Line);
                w.WriteNumber("column", f.Column);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        static void Discrepancies(Utf8JsonWriter w, string name, IReadOnlyList<JsonDiscrepancy> discrepancies)
        {
            w.WriteStartArray(name);
            foreach (var d in discrepancies)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("kind", d.Kind);
                w.WriteString("subject", d.Subject);
                w.WriteString("status", d.Status);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
    }
}
