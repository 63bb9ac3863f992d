using System.Reflection;
using System.Text.RegularExpressions;
using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Tests.Support;

namespace CiteCheck.Tests.Compiler;

/// <summary>
/// The rule registry is the one list of rules: every descriptor declared anywhere is in it, ids and names are unique and
/// well formed, and docs/diagnostics.md lists exactly its rules with the same id, name, default severity and stage.
/// </summary>
public sealed partial class RuleRegistryTests
{
    /// <summary>The first digit of an id names its stage (see <see cref="DiagnosticDescriptor"/>).</summary>
    private static readonly string[] Stages = ["input", "citations", "figures", "links", "rendering"];

    [Fact]
    public void Ids_and_names_are_unique()
    {
        Assert.Empty(RuleRegistry.All.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(RuleRegistry.All.GroupBy(r => r.Rule).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Ids_names_and_stages_are_well_formed_and_in_id_order()
    {
        Assert.Equal(RuleRegistry.All.Select(r => r.Id).Order(StringComparer.Ordinal), RuleRegistry.All.Select(r => r.Id));
        Assert.All(RuleRegistry.All, r =>
        {
            Assert.Matches(IdPattern(), r.Id);
            Assert.Matches(NamePattern(), r.Rule);
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.Equal(Stages[r.Id[2] - '0'], r.Stage);
        });
    }

    /// <summary>A rule declared next to its check but left out of its stage's list (or a stage's list left out of the registry) fails here.</summary>
    [Fact]
    public void Every_declared_descriptor_is_registered()
    {
        var assemblies = typeof(RuleRegistry).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("CiteCheck.", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Append(typeof(RuleRegistry).Assembly)
            .Append(typeof(CiteCheck.Cli.CommandLine).Assembly)
            .ToList();
        Assert.Contains(assemblies, a => a.GetName().Name == "CiteCheck.Checks.Links");
        const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var declared = (
            from a in assemblies
            from t in a.GetTypes()
            where !t.ContainsGenericParameters
            from f in t.GetFields(statics)
            where f.FieldType == typeof(DiagnosticDescriptor)
            select (Name: $"{t.FullName}.{f.Name}", Rule: (DiagnosticDescriptor)f.GetValue(null)!)).ToList();
        Assert.True(declared.Count >= 30, $"only {declared.Count} descriptors found");
        Assert.All(declared, d => Assert.True(RuleRegistry.All.Contains(d.Rule), $"{d.Name} ({d.Rule.Id} {d.Rule.Rule}) is not in the registry"));
    }

    [Fact]
    public void The_diagnostics_page_lists_exactly_the_registry_rules()
    {
        var documented = DocumentedRules(File.ReadAllLines(Repo.Path("docs", "diagnostics.md")));
        Assert.Equal(
            RuleRegistry.All.Select(r => $"{r.Id} {r.Rule} {r.DefaultSeverity.Name()} {r.Stage}"),
            documented.Select(r => $"{r.Id} {r.Rule} {r.Severity} {r.Stage}").Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The rows of the page's rule tables: a table whose header starts with <c>| id |</c> and has <c>rule</c> and
    /// <c>default</c> columns; the stage is the first word of the <c>##</c> heading above it.
    /// </summary>
    private static List<(string Id, string Rule, string Severity, string Stage)> DocumentedRules(string[] lines)
    {
        var rows = new List<(string, string, string, string)>();
        var stage = "";
        string[]? header = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                stage = line[3..].Split(' ')[0].ToLowerInvariant();
                header = null;
            }
            else if (!line.StartsWith('|'))
            {
                header = null;
            }
            else if (Cells(line) is var cells && cells[0] == "id")
            {
                header = cells;
                Assert.Contains("rule", header);
                Assert.Contains("default", header);
            }
            else if (header is not null && IdPattern().IsMatch(cells[0]))
            {
                rows.Add((cells[0], cells[Array.IndexOf(header, "rule")].Trim('`'), cells[Array.IndexOf(header, "default")], stage));
            }
        }
        Assert.NotEmpty(rows);
        return rows;
    }

    private static string[] Cells(string row) => [.. row.Trim().Trim('|').Split('|').Select(c => c.Trim())];

    [GeneratedRegex(@"^CC\d{4}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
