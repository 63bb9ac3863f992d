using System.Collections.Immutable;
using CiteCheck.Model;

namespace CiteCheck.Compiler.Configuration;

/// <summary>
/// A project's <c>citecheck.yaml</c> (docs/configuration.md), read and validated: the severity of each rule it names and
/// the settings that stand in for command-line options the user did not give. <see cref="None"/> when there is no file.
/// </summary>
public sealed record ProjectConfig(string? File, RuleSeverities Rules, ImmutableArray<ConfigSetting> Settings)
{
    public static ProjectConfig None { get; } = new(null, RuleSeverities.None, []);

    /// <summary>The setting <paramref name="section"/>.<paramref name="key"/>, when the file gives it.</summary>
    public ConfigSetting? Find(string section, string key) =>
        Settings.FirstOrDefault(s => s.Section == section && s.Key == key);
}

/// <summary>
/// One setting of the file: <c>build:</c> <c>paper: letter</c> at line 7. A path is already taken relative to the
/// file's folder (<see cref="Value"/>); <see cref="Written"/> is the text as the file gives it.
/// </summary>
public sealed record ConfigSetting(string Section, string Key, string Value, string Written, int Line);

/// <summary>
/// Severities set per rule by the configuration: a rule set to <c>off</c> is not reported at all, any other rule's
/// findings take the severity given. A finding the tool itself lowered (an explained or accepted discrepancy is info,
/// below its rule's default) keeps its severity: the override moves the rule, not a reviewer's decision.
/// </summary>
public sealed record RuleSeverities(ImmutableDictionary<string, Severity?> ById)
{
    public static RuleSeverities None { get; } = new(ImmutableDictionary<string, Severity?>.Empty);

    public bool IsEmpty => ById.IsEmpty;

    /// <summary>Whether the rule with this id is turned off.</summary>
    public bool IsOff(string id) => ById.TryGetValue(id, out var severity) && severity is null;

    public Diagnostic? Apply(Diagnostic diagnostic)
    {
        if (!ById.TryGetValue(diagnostic.Id, out var severity))
        {
            return diagnostic;
        }
        if (severity is not { } s)
        {
            return null;
        }
        return diagnostic.Severity < diagnostic.Descriptor.DefaultSeverity ? diagnostic : diagnostic.WithSeverity(s);
    }

    /// <summary>The report with every finding at its configured severity, and the findings (and discrepancies) of rules turned off left out.</summary>
    public CheckedReport Apply(CheckedReport report)
    {
        if (IsEmpty)
        {
            return report;
        }
        return report with
        {
            Diagnostics = [.. report.Diagnostics.Select(Apply).OfType<Diagnostic>()],
            Discrepancies = [.. report.Discrepancies.Where(d => !IsOff(Checks.Figures.FigureRules.For(d.Kind).Id))],
        };
    }
}
