using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CiteCheck.Model;

namespace CiteCheck.Compiler.Output;

/// <summary>
/// The reviewer's view of the cross-check: discrepancies grouped by event, each side quoted with its location and sources.
/// Text for the terminal, Markdown fit to paste into a pull-request comment, JSON for tools.
/// </summary>
public static class DiscrepancyReport
{
    public static readonly string[] Formats = ["text", "markdown", "json"];

    /// <summary>The report in one of <see cref="Formats"/>; a URL's user name and password in a quoted claim are masked.</summary>
    public static string Write(CheckedReport report, string format) => Credentials.Hide(format switch
    {
        "json" => Json(report),
        "markdown" => Markdown(report),
        _ => Text(report),
    });

    private static IEnumerable<IGrouping<string, Discrepancy>> ByEvent(CheckedReport report) =>
        report.Discrepancies.GroupBy(d => d.EventKey);

    /// <summary>"sources 4 (Reuters), 5 (RFE/RL)": each number with its publisher (the bibliography's, else the label it is cited by).</summary>
    private static string Sources(IEnumerable<string> keys, IReadOnlyDictionary<string, string> publishers)
    {
        var list = keys.Select(k => publishers.TryGetValue(k, out var p) ? $"{k} ({p})" : k).ToList();
        return list.Count == 0 ? "no source" : (list.Count == 1 ? "source " : "sources ") + string.Join(", ", list);
    }

    private static Dictionary<string, string> Publishers(Document document)
    {
        var publishers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in document.Bibliography.Entries.Concat(document.Bibliography.Footnotes))
        {
            if (!string.IsNullOrWhiteSpace(source.Publisher))
            {
                publishers.TryAdd(source.Key, source.Publisher);
            }
        }
        foreach (var citation in document.Citations)
        {
            if (!string.IsNullOrWhiteSpace(citation.Label))
            {
                publishers.TryAdd(citation.SourceKey, citation.Label);
            }
        }
        return publishers;
    }

    private static string Text(CheckedReport report)
    {
        var sb = new StringBuilder();
        var file = report.Document.File;
        var publishers = Publishers(report.Document);
        foreach (var group in ByEvent(report))
        {
            foreach (var d in group)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{d.Id} {Discrepancy.KindName(d.Kind)} [{Discrepancy.StatusName(d.Status)}] {d.Subject}\n");
                if (d.Note is { } note)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"  note: {note}\n");
                }
                foreach (var side in d.Claims.GroupBy(c => c.Side).OrderBy(g => g.Key))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"  {(char)('A' + side.Key)}. {side.First().Value}\n");
                    foreach (var c in side)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"     {file}({c.Span.Line},{c.Span.Column}) {c.Section ?? ""} — {Sources(c.Sources, publishers)}\n");
                        sb.Append(CultureInfo.InvariantCulture, $"       “{c.Text}”\n");
                    }
                }
                sb.Append('\n');
            }
        }
        var open = report.Discrepancies.Count(d => d.Status == DiscrepancyStatus.Open);
        sb.Append(CultureInfo.InvariantCulture, $"{file}: {Counts.Of(report.Discrepancies.Length, "discrepancy", "discrepancies")}, {open} open\n");
        return sb.ToString();
    }

    private static string Markdown(CheckedReport report)
    {
        var sb = new StringBuilder();
        var publishers = Publishers(report.Document);
        var open = report.Discrepancies.Count(d => d.Status == DiscrepancyStatus.Open);
        sb.Append(CultureInfo.InvariantCulture, $"### CiteCheck: {Counts.Of(report.Discrepancies.Length, "discrepancy", "discrepancies")} in `{report.Document.File}` ({open} open)\n\n");
        if (report.Discrepancies.Length == 0)
        {
            sb.Append("No two figures of one event contradict each other.\n");
            return sb.ToString();
        }
        foreach (var group in ByEvent(report))
        {
            foreach (var d in group)
            {
                var status = d.Status == DiscrepancyStatus.Open ? "**open**" : $"_{Discrepancy.StatusName(d.Status)}_";
                sb.Append(CultureInfo.InvariantCulture, $"#### {Escape(d.Subject)}\n\n`{d.Id}` · {Discrepancy.KindName(d.Kind)} · {status}");
                if (d.Note is { } note)
                {
                    sb.Append(CultureInfo.InvariantCulture, $" · {Escape(note)}");
                }
                sb.Append("\n\n| | value | where | sources | claim |\n|---|---|---|---|---|\n");
                foreach (var c in d.Claims.OrderBy(c => c.Side).ThenBy(c => c.Span.Start.Offset))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"| {(char)('A' + c.Side)} | {Cell(c.Value)} | line {c.Span.Line}{(c.Section is null ? "" : ", " + Cell(c.Section))} | {Cell(string.Join(", ", c.Sources.Select(k => publishers.TryGetValue(k, out var p) ? $"{k} ({p})" : k)))} | {Cell(c.Text)} |\n");
                }
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string Cell(string s) => Escape(s.ReplaceLineEndings(" "));

    private static string Json(CheckedReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", JsonOutput.SchemaVersion);
            w.WriteString("file", report.Document.File);
            JsonOutput.WriteDiscrepancies(w, report.Discrepancies);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
