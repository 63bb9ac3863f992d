using System.Text.Json;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;
using CiteCheck.Model;
using CiteCheck.Tests.Support;

namespace CiteCheck.Tests.Compiler;

/// <summary>
/// The SARIF 2.1.0 shape GitHub code scanning accepts, checked structurally on the sample (no schema download):
/// version and $schema, one run with tool.driver.name and rules, results with ruleId, level, message.text and a physical
/// location with a 1-based region, related locations with ids.
/// </summary>
public class SarifOutputTests
{
    private static readonly Lazy<CheckedReport> Report = new(() => Pipeline.Compile(new PhysicalHost(), Repo.Path("content", "tajikistan", "report.md")));

    private static readonly Lazy<JsonElement> Sarif = new(() => JsonDocument.Parse(new SarifOutput().Write(Report.Value)).RootElement.Clone());

    private static readonly string[] Levels = ["error", "warning", "note"];

    private static JsonElement Run => Sarif.Value.GetProperty("runs")[0];

    [Fact]
    public void Log_has_version_schema_and_one_run()
    {
        Assert.Equal("2.1.0", Sarif.Value.GetProperty("version").GetString());
        Assert.Matches("sarif-2\\.1\\.0", Sarif.Value.GetProperty("$schema").GetString()!);
        Assert.Equal(1, Sarif.Value.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void Driver_names_the_tool_and_declares_every_registered_rule_once()
    {
        var driver = Run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("CiteCheck", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleRegistry.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(RuleRegistry.All.Select(r => r.Rule), rules.Select(r => r.GetProperty("properties").GetProperty("rule").GetString()));
        Assert.Equal(RuleRegistry.All.Select(r => r.Title), rules.Select(r => r.GetProperty("shortDescription").GetProperty("text").GetString()));
        Assert.Equal(
            RuleRegistry.All.Select(r => r.DefaultSeverity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" }),
            rules.Select(r => r.GetProperty("defaultConfiguration").GetProperty("level").GetString()));
        Assert.Subset(rules.Select(r => r.GetProperty("id").GetString()!).ToHashSet(), Report.Value.Diagnostics.Select(d => d.Id).ToHashSet());
    }

    [Fact]
    public void Every_result_has_rule_level_message_and_a_one_based_physical_location()
    {
        var results = Run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Report.Value.Diagnostics.Length, results.Count);
        Assert.Equal(135, results.Count(r => r.GetProperty("ruleId").GetString() is "CC1001" or "CC1004"));
        var ruleIds = Run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.All(results, r =>
        {
            var ruleId = r.GetProperty("ruleId").GetString();
            Assert.Contains(ruleId, ruleIds);
            Assert.Equal(ruleId, ruleIds[r.GetProperty("ruleIndex").GetInt32()]);
            Assert.Contains(r.GetProperty("level").GetString(), Levels);
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(r.GetProperty("locations").EnumerateArray());
            AssertPhysicalLocation(location);
            if (r.TryGetProperty("relatedLocations", out var related))
            {
                Assert.All(related.EnumerateArray(), l =>
                {
                    Assert.True(l.GetProperty("id").GetInt32() >= 1);
                    AssertPhysicalLocation(l);
                });
            }
        });
        Assert.Equal(Report.Value.Diagnostics.Count(d => d.AdditionalLocations.Length > 0), results.Count(r => r.TryGetProperty("relatedLocations", out _)));
    }

    [Fact]
    public void Fingerprints_are_distinct_for_distinct_findings()
    {
        var results = Run.GetProperty("results").EnumerateArray().ToList();
        var fingerprints = results.Select(r => r.GetProperty("partialFingerprints").GetProperty("citecheck/v1").GetString()).ToList();
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
    }

    private static void AssertPhysicalLocation(JsonElement location)
    {
        var physical = location.GetProperty("physicalLocation");
        var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        Assert.EndsWith("content/tajikistan/report.md", uri, StringComparison.Ordinal);
        Assert.DoesNotContain('\\', uri);
        var region = physical.GetProperty("region");
        var startLine = region.GetProperty("startLine").GetInt32();
        var startColumn = region.GetProperty("startColumn").GetInt32();
        Assert.InRange(startLine, 1, 90);
        Assert.True(startColumn >= 1);
        if (region.TryGetProperty("endLine", out var endLine))
        {
            Assert.True(endLine.GetInt32() >= startLine);
            if (endLine.GetInt32() == startLine)
            {
                Assert.True(region.GetProperty("endColumn").GetInt32() >= startColumn);
            }
        }
    }
}
