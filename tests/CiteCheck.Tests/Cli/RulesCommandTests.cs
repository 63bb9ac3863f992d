using System.Text.Json;
using CiteCheck.Compiler;
using CiteCheck.Model;

namespace CiteCheck.Tests.Cli;

/// <summary><c>citecheck rules</c> lists the registry: one line per rule in text, one object per rule in JSON.</summary>
public sealed class RulesCommandTests
{
    [Fact]
    public void Text_lists_every_rule_with_its_name_severity_stage_and_title()
    {
        var result = CliRun.Run("rules");
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(RuleRegistry.All.Count, lines.Length);
        foreach (var (line, rule) in lines.Zip(RuleRegistry.All))
        {
            Assert.Equal([rule.Id, rule.Rule, rule.DefaultSeverity.Name(), rule.Stage], line.Split(' ', 5, StringSplitOptions.RemoveEmptyEntries)[..4]);
            Assert.EndsWith(rule.Title, line, StringComparison.Ordinal);
        }
        Assert.Contains(lines, l => l.StartsWith("CC1001  placeholder-link ", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_is_an_array_of_the_registry_rules()
    {
        var result = CliRun.Run("rules", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var rules = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(RuleRegistry.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(RuleRegistry.All.Select(r => r.Rule), rules.Select(r => r.GetProperty("rule").GetString()));
        Assert.Equal(RuleRegistry.All.Select(r => r.DefaultSeverity.Name()), rules.Select(r => r.GetProperty("severity").GetString()));
    }
}
