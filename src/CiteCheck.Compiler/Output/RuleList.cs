using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CiteCheck.Model;

namespace CiteCheck.Compiler.Output;

/// <summary>
/// The rules of the <see cref="RuleRegistry"/>, for <c>citecheck rules</c>: one aligned line per rule for the terminal
/// (id, name, default severity, stage, title), or a JSON array for tools.
/// </summary>
public static class RuleList
{
    public static readonly string[] Formats = ["text", "json"];

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IReadOnlyList<DiagnosticDescriptor> rules, string format) => format switch
    {
        "json" => Json(rules),
        _ => Text(rules),
    };

    private static string Text(IReadOnlyList<DiagnosticDescriptor> rules)
    {
        var nameWidth = rules.Max(r => r.Rule.Length);
        var stageWidth = rules.Max(r => r.Stage.Length);
        var text = new StringBuilder();
        foreach (var r in rules)
        {
            text.Append(r.Id).Append("  ")
                .Append(r.Rule.PadRight(nameWidth)).Append("  ")
                .Append(r.DefaultSeverity.Name().PadRight("warning".Length)).Append("  ")
                .Append(r.Stage.PadRight(stageWidth)).Append("  ")
                .Append(r.Title).Append('\n');
        }
        return text.ToString();
    }

    private static string Json(IReadOnlyList<DiagnosticDescriptor> rules)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartArray();
            foreach (var r in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("rule", r.Rule);
                w.WriteString("severity", r.DefaultSeverity.Name());
                w.WriteString("stage", r.Stage);
                w.WriteString("title", r.Title);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
