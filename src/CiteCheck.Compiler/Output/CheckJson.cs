using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CiteCheck.Model;

namespace CiteCheck.Compiler.Output;

/// <summary>One finding as read back from a check.json: enough to match it across runs and to print it.</summary>
public sealed record JsonFinding(string Id, string Rule, string Severity, string Message, string File, int Line, int Column, string ReportFile)
{
    /// <summary>The matching key (see docs/diff.md).</summary>
    public string Key => CheckJson.FindingKey(Id, File, ReportFile, Message);
}

/// <summary>One discrepancy as read back from a check.json.</summary>
public sealed record JsonDiscrepancy(string Id, string Kind, string Subject, string Status);

/// <summary>A check.json read back (docs/json-output.md): its findings and discrepancies.</summary>
public sealed record CheckJsonFile(string Path, string ReportFile, IReadOnlyList<JsonFinding> Findings, IReadOnlyList<JsonDiscrepancy> Discrepancies)
{
    /// <summary>How many findings of each key the file holds (a key can occur more than once).</summary>
    public Dictionary<string, int> FindingCounts() => Findings.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public HashSet<string> DiscrepancyIds() => [.. Discrepancies.Select(d => d.Id)];
}

/// <summary>Reads a check.json written by <c>check --format json</c> or <c>build</c>; a malformed file is an <see cref="InputException"/> naming its line.</summary>
public static partial class CheckJson
{
    /// <summary>
    /// The key a finding is matched by across two runs: a cross-check finding's discrepancy id (its message ends
    /// <c>[D…]</c>); otherwise rule id, file and message with line numbers ("line 5", "lines 15, 37") blanked, so an
    /// edit elsewhere in the file that moves the finding does not make it new. The file is the empty string for the
    /// report itself and the file name alone for another file (the bibliography), so a report checked out at another
    /// path keeps its keys.
    /// </summary>
    public static string FindingKey(string id, string file, string reportFile, string message)
    {
        var discrepancy = DiscrepancyTag().Match(message);
        if (discrepancy.Success)
        {
            return $"{id}|{discrepancy.Groups[1].Value}";
        }
        var where = string.Equals(file.Replace('\\', '/'), reportFile.Replace('\\', '/'), StringComparison.Ordinal) ? "" : System.IO.Path.GetFileName(file.Replace('\\', '/'));
        return $"{id}|{where}|{LineNumbers().Replace(message, "$1 #")}";
    }

    public static string FindingKey(Diagnostic d, string reportFile) => FindingKey(d.Id, d.Location.File, reportFile, d.Message);

    public static CheckJsonFile Read(IHost host, string path)
    {
        if (!host.FileExists(path))
        {
            throw new InputException(path, null, host.DirectoryExists(path) ? "is a directory, not a check.json" : "no such file");
        }
        var bytes = host.ReadAllBytes(path);
        try
        {
            using var json = JsonDocument.Parse(bytes);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("diagnostics", out var diagnostics) || diagnostics.ValueKind != JsonValueKind.Array)
            {
                throw new InputException(path, null, "not a check.json: expected an object with a 'diagnostics' array");
            }
            var file = root.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : path;
            var findings = new List<JsonFinding>();
            foreach (var d in diagnostics.EnumerateArray())
            {
                findings.Add(new JsonFinding(Text(path, d, "id"), Text(path, d, "rule"), Text(path, d, "severity"), Text(path, d, "message"), Text(path, d, "file"), Number(d, "line"), Number(d, "column"), file));
            }
            var discrepancies = new List<JsonDiscrepancy>();
            if (root.TryGetProperty("discrepancies", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var d in list.EnumerateArray())
                {
                    discrepancies.Add(new JsonDiscrepancy(Text(path, d, "id"), Optional(d, "kind"), Optional(d, "subject"), Optional(d, "status")));
                }
            }
            return new CheckJsonFile(path, file, findings, discrepancies);
        }
        catch (JsonException e)
        {
            throw new InputException(path, e.LineNumber is { } l ? (int)l + 1 : null, $"invalid JSON: {FirstSentence(e.Message)}");
        }
    }

    private static string Text(string path, JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new InputException(path, null, $"not a check.json: an entry has no string '{name}'");

    private static string Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static int Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 0;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).Trim();
        return new StringBuilder(text).Replace("\r", " ").Replace("\n", " ").ToString();
    }

    [GeneratedRegex(@"\[(D[0-9a-f]+)\]\s*$")]
    private static partial Regex DiscrepancyTag();

    [GeneratedRegex(@"\b(lines?)\s+\d+(?:\s*(?:,|–|-|and)\s*\d+)*")]
    private static partial Regex LineNumbers();
}
