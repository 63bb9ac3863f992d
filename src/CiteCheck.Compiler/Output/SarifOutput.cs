using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CiteCheck.Model;

namespace CiteCheck.Compiler.Output;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning accepts it: one run, every rule of the <see cref="RuleRegistry"/> (so a rule's
/// index is the same in every log), results with physical locations.
/// </summary>
public sealed class SarifOutput : IOutputFormat
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "sarif";

    public string Write(CheckedReport report)
    {
        var rules = RuleRegistry.All;
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        if (report.Diagnostics.FirstOrDefault(d => !ruleIndex.ContainsKey(d.Id)) is { } unknown)
        {
            throw new InvalidOperationException($"rule {unknown.Id} ({unknown.Rule}) is not in the rule registry");
        }
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "CiteCheck");
            w.WriteString("informationUri", "https://github.com/citecheck/citecheck");
            w.WriteString("semanticVersion", typeof(SarifOutput).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Id);
                w.WriteString("name", ToPascal(rule.Rule));
                w.WriteStartObject("shortDescription");
                w.WriteString("text", rule.Title);
                w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(rule.DefaultSeverity));
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteString("rule", rule.Rule);
                w.WriteString("category", rule.Stage);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var d in report.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Id);
                w.WriteNumber("ruleIndex", ruleIndex[d.Id]);
                w.WriteString("level", Level(d.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", d.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                WriteLocation(w, d.Location, null);
                w.WriteEndArray();
                if (d.AdditionalLocations.Length > 0)
                {
                    w.WriteStartArray("relatedLocations");
                    for (var i = 0; i < d.AdditionalLocations.Length; i++)
                    {
                        WriteLocation(w, d.AdditionalLocations[i], i + 1);
                    }
                    w.WriteEndArray();
                }
                w.WriteStartObject("partialFingerprints");
                w.WriteString("citecheck/v1", Fingerprint(d, occurrences));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Credentials.Hide(Encoding.UTF8.GetString(stream.ToArray())) + "\n";
    }

    private static void WriteLocation(Utf8JsonWriter w, SourceSpan span, int? id)
    {
        w.WriteStartObject();
        if (id is { } i)
        {
            w.WriteNumber("id", i);
        }
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", span.File.Replace('\\', '/'));
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", span.Line);
        w.WriteNumber("startColumn", span.Column);
        if (span.End.Line >= span.Line)
        {
            w.WriteNumber("endLine", span.End.Line);
            w.WriteNumber("endColumn", Math.Max(span.End.Column, span.End.Line == span.Line ? span.Column : 1));
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// Rule, source and message, plus the finding's rank among identical ones (the same source cited four times with the
    /// same placeholder): stable when lines move, and distinct for every result, so code scanning keeps every alert.
    /// </summary>
    private static string Fingerprint(Diagnostic d, Dictionary<string, int> occurrences)
    {
        var key = $"{d.Id}|{d.Source}|{d.Message}";
        var rank = occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
        var bytes = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(rank == 1 ? key : $"{key}|{rank}"));
        return Convert.ToHexStringLower(bytes)[..16];
    }

    private static string Level(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };

    private static string ToPascal(string kebab) =>
        string.Concat(kebab.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}
