using System.Text.Json;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;
using CiteCheck.Tests.Support;

namespace CiteCheck.Tests.Compiler;

/// <summary>The sample's JSON has the fields docs/json-output.md documents, with their types; the page names every field.</summary>
public class JsonOutputTests
{
    private static readonly string[] TopLevel = ["version", "file", "title", "summary", "diagnostics", "sources", "claims", "discrepancies"];
    private static readonly string[] Summary = ["errors", "warnings", "infos", "claims", "citations", "sources", "discrepancies", "openDiscrepancies"];
    private static readonly string[] DiagnosticRequired = ["id", "rule", "severity", "message", "file", "line", "column", "endLine", "endColumn"];
    private static readonly string[] DiagnosticOptional = ["source", "note", "relatedLocations"];
    private static readonly string[] Severities = ["error", "warning", "info"];
    private static readonly string[] Kinds = ["count", "date", "range", "amount", "percent", "name", "other"];
    private static readonly string[] Statuses = ["open", "explained", "accepted", "fixed"];
    private static readonly string[] SourceFields = ["key", "publisher", "title", "url", "date", "archive", "cited"];
    private static readonly string[] ClaimRequired = ["id", "line", "column", "endLine", "endColumn", "text", "sources"];
    private static readonly string[] ClaimOptional = ["section"];

    private static readonly Lazy<JsonElement> Json = new(() =>
    {
        var report = Pipeline.Compile(new PhysicalHost(), Repo.Path("content", "tajikistan", "report.md"));
        return JsonDocument.Parse(new JsonOutput().Write(report)).RootElement.Clone();
    });

    [Fact]
    public void Written_into_a_file_as_it_is_made_it_is_the_same_bytes_as_made_in_memory()
    {
        // The sample's JSON is several times the 32 KiB the writer hands on at a time, so it is written in many parts.
        var report = Pipeline.Compile(new PhysicalHost(), Repo.Path("content", "tajikistan", "report.md"));
        var inMemory = JsonOutput.WriteUtf8(report).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"citecheck-json-{Guid.NewGuid():N}.json");
        try
        {
            new PhysicalHost().WriteAtomically(path, stream => JsonOutput.WriteUtf8(report, stream));
            Assert.True(inMemory.Length > 4 * 32 * 1024, $"the sample's JSON is {inMemory.Length} bytes");
            Assert.Equal(inMemory, File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string[] Names(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void Top_level_fields_are_the_documented_ones_in_order()
    {
        Assert.Equal(TopLevel, Names(Json.Value));
        Assert.Equal(1, Json.Value.GetProperty("version").GetInt32());
        Assert.Equal(Summary, Names(Json.Value.GetProperty("summary")));
        Assert.All(Json.Value.GetProperty("summary").EnumerateObject(), p => Assert.Equal(JsonValueKind.Number, p.Value.ValueKind));
        Assert.Equal(181, Json.Value.GetProperty("summary").GetProperty("claims").GetInt32());
        Assert.Equal(Json.Value.GetProperty("discrepancies").GetArrayLength(), Json.Value.GetProperty("summary").GetProperty("discrepancies").GetInt32());
    }

    [Fact]
    public void Diagnostics_have_the_documented_fields_and_types()
    {
        var diagnostics = Json.Value.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(135, diagnostics.Count(d => d.GetProperty("id").GetString()!.StartsWith("CC1", StringComparison.Ordinal)));
        Assert.All(diagnostics, d =>
        {
            var names = Names(d);
            Assert.Equal(DiagnosticRequired, names.Take(DiagnosticRequired.Length));
            Assert.Empty(names.Except(DiagnosticRequired).Except(DiagnosticOptional));
            Assert.Matches("^CC[0-9]{4}$", d.GetProperty("id").GetString()!);
            Assert.Contains(d.GetProperty("severity").GetString(), Severities);
            Assert.True(d.GetProperty("line").GetInt32() >= 1 && d.GetProperty("column").GetInt32() >= 1);
            if (d.GetProperty("id").GetString()!.StartsWith("CC1", StringComparison.Ordinal))
            {
                Assert.Equal(JsonValueKind.Number, d.GetProperty("source").ValueKind); // the sample's sources are all numbered
            }
        });
        var mismatch = diagnostics.First(d => d.GetProperty("rule").GetString() == "label-mismatch");
        var related = Assert.Single(mismatch.GetProperty("relatedLocations").EnumerateArray());
        Assert.Equal(["file", "line", "column", "endLine", "endColumn"], Names(related));
    }

    [Fact]
    public void Claims_and_sources_have_the_documented_fields()
    {
        var claims = Json.Value.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(181, claims.Count);
        Assert.All(claims, c =>
        {
            Assert.Empty(ClaimRequired.Except(Names(c)));
            Assert.Empty(Names(c).Except(ClaimRequired).Except(ClaimOptional));
            Assert.NotEqual(0, c.GetProperty("sources").GetArrayLength());
            Assert.All(c.GetProperty("sources").EnumerateArray(), s => Assert.Equal(JsonValueKind.Number, s.ValueKind));
        });
        Assert.Equal(Enumerable.Range(0, 181), claims.Select(c => c.GetProperty("id").GetInt32()));
        var sources = Json.Value.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(97, sources.Count);
        Assert.All(sources, s => Assert.Empty(Names(s).Except(SourceFields)));
    }

    [Fact]
    public void Discrepancies_when_present_have_the_documented_fields()
    {
        string[] required = ["id", "kind", "subject", "measure", "event", "status", "claims"];
        string[] claimFields = ["line", "column", "section", "text", "value", "side", "sources"];
        Assert.All(Json.Value.GetProperty("discrepancies").EnumerateArray(), d =>
        {
            Assert.Empty(required.Except(Names(d)));
            Assert.Empty(Names(d).Except(required).Except(["note", "evidence"]));
            if (d.TryGetProperty("evidence", out var evidence))
            {
                Assert.Empty(Names(evidence).Except(["rule", "dates", "sharedNames", "sharedWords", "sharedKinds"]));
                Assert.False(string.IsNullOrEmpty(evidence.GetProperty("rule").GetString()));
            }
            Assert.Contains(d.GetProperty("kind").GetString(), Kinds);
            Assert.Contains(d.GetProperty("status").GetString(), Statuses);
            Assert.All(d.GetProperty("claims").EnumerateArray(), c => Assert.Empty(Names(c).Except(claimFields)));
        });
    }

    [Fact]
    public void A_footnote_key_is_a_string_with_its_caret()
    {
        var report = Pipeline.Check(new PhysicalHost(), CiteCheck.Parsing.ReportParser.Parse("f.md", "Claim.[^a]\n\n[^a]: Reuters, \"T\", https://r.example\n"), "f.md", new CompileOptions());
        var json = JsonDocument.Parse(new JsonOutput().Write(report)).RootElement;
        Assert.Equal("^a", json.GetProperty("claims")[0].GetProperty("sources")[0].GetString());
        Assert.Equal("^a", json.GetProperty("sources")[0].GetProperty("key").GetString());
    }

    [Fact]
    public void The_documentation_names_every_field()
    {
        var doc = File.ReadAllText(Repo.Path("docs", "json-output.md"));
        string[] all = [.. TopLevel, .. Summary, .. DiagnosticRequired, .. DiagnosticOptional, .. SourceFields, .. ClaimRequired, .. ClaimOptional,
            "kind", "subject", "measure", "event", "status", "value", "side", "evidence", "rule", "dates", "sharedNames", "sharedWords", "sharedKinds"];
        var undocumented = all.Where(f => !doc.Contains($"| `{f}` |", StringComparison.Ordinal)).ToList();
        Assert.Empty(undocumented);
    }
}
