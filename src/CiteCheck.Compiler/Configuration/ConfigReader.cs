using System.Collections.Immutable;
using CiteCheck.Model;
using CiteCheck.Parsing;
using YamlDotNet.RepresentationModel;

namespace CiteCheck.Compiler.Configuration;

/// <summary>
/// Finds and reads <c>citecheck.yaml</c> (docs/configuration.md). Every problem — invalid YAML, an unknown section, key
/// or rule (with the nearest right one when it is close), a bad value — is an <see cref="InputException"/> naming the
/// file and line: exit 2, like any unreadable input.
/// </summary>
public static class ConfigReader
{
    public static readonly string[] FileNames = ["citecheck.yaml", "citecheck.yml"];

    public const string RulesSection = "rules";

    /// <summary>
    /// The configuration file that applies to <paramref name="reportPath"/> (a report or a folder of reports): the first
    /// citecheck.yaml (or .yml) in its folder or a folder above, stopping at the repository's root (the folder that holds
    /// <c>.git</c>) or, outside a repository, at the file system's root. Null when there is none.
    /// </summary>
    public static string? Find(IHost host, string reportPath)
    {
        var full = host.GetFullPath(reportPath);
        var directory = host.DirectoryExists(full) ? full : Path.GetDirectoryName(full);
        while (!string.IsNullOrEmpty(directory))
        {
            foreach (var name in FileNames)
            {
                var candidate = Path.Combine(directory, name);
                if (host.FileExists(candidate))
                {
                    // Named relative to the working folder when it is under it, as the report was.
                    var relative = Path.GetRelativePath(host.GetFullPath("."), candidate);
                    return Path.IsPathRooted(reportPath) || relative.StartsWith("..", StringComparison.Ordinal) ? candidate : relative;
                }
            }
            var git = Path.Combine(directory, ".git");
            if (host.DirectoryExists(git) || host.FileExists(git))
            {
                return null;
            }
            directory = Path.GetDirectoryName(directory);
        }
        return null;
    }

    /// <summary>Reads and validates the file at <paramref name="path"/> against the rule registry and <paramref name="schema"/>.</summary>
    public static ProjectConfig Read(IHost host, string path, ConfigSchema schema)
    {
        var text = InputReader.ReadText(host, path, "YAML");
        return Parse(path, text, schema);
    }

    public static ProjectConfig Parse(string path, string text, ConfigSchema schema)
    {
        var root = YamlText.Load(path, text);
        if (root is null || root is YamlScalarNode { Value: null or "" })
        {
            return ProjectConfig.None with { File = path };
        }
        if (root is not YamlMappingNode top)
        {
            throw new InputException(path, Line(root), "a configuration file is a mapping of sections (rules:, check:, build:, links:)");
        }
        var rules = RuleSeverities.None;
        var settings = ImmutableArray.CreateBuilder<ConfigSetting>();
        var sections = schema.Sections.Prepend(RulesSection).ToList();
        foreach (var (keyNode, value) in top.Children)
        {
            var section = Key(path, keyNode);
            if (section == RulesSection)
            {
                rules = ReadRules(path, value);
                continue;
            }
            if (!schema.Sections.Contains(section))
            {
                throw Unknown(path, keyNode, "section", section, sections);
            }
            foreach (var (entry, entryValue) in Mapping(path, value, section).Children)
            {
                var name = Key(path, entry);
                var key = schema.Find(section, name) ?? throw Unknown(path, entry, "key", name, schema.Keys(section), $" in '{section}'");
                var written = Scalar(path, entryValue, $"{section}.{name}");
                if (key.Validate(written) is { } problem)
                {
                    throw new InputException(path, Line(entryValue), $"{section}.{name}: {problem}");
                }
                var resolved = key.IsPath ? Path.Combine(Path.GetDirectoryName(path) ?? "", written) : written;
                settings.Add(new ConfigSetting(section, name, resolved, written, Line(entryValue)));
            }
        }
        return new ProjectConfig(path, rules, settings.ToImmutable());
    }

    private static RuleSeverities ReadRules(string path, YamlNode node)
    {
        var byId = ImmutableDictionary.CreateBuilder<string, Severity?>(StringComparer.Ordinal);
        var names = RuleRegistry.All.Select(r => r.Rule).ToList();
        foreach (var (keyNode, value) in Mapping(path, node, RulesSection).Children)
        {
            var written = Key(path, keyNode);
            var rule = RuleRegistry.All.FirstOrDefault(r => string.Equals(r.Id, written, StringComparison.OrdinalIgnoreCase) || r.Rule == written)
                ?? throw Unknown(path, keyNode, "rule", written, written.StartsWith("CC", StringComparison.OrdinalIgnoreCase) ? RuleRegistry.All.Select(r => r.Id) : names);
            if (byId.ContainsKey(rule.Id))
            {
                throw new InputException(path, Line(keyNode), $"rule '{written}' ({rule.Id} {rule.Rule}) is set twice");
            }
            var severity = Scalar(path, value, $"rules.{written}").Trim().ToLowerInvariant();
            byId[rule.Id] = severity switch
            {
                "off" => null,
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                "info" => Severity.Info,
                _ => throw new InputException(path, Line(value), $"rules.{written}: '{severity}' is not one of error, warning, info, off"),
            };
        }
        return new RuleSeverities(byId.ToImmutable());
    }

    private static YamlMappingNode Mapping(string path, YamlNode node, string section) => node switch
    {
        YamlMappingNode map => map,
        YamlScalarNode { Value: null or "" } => new YamlMappingNode(),
        _ => throw new InputException(path, Line(node), $"'{section}' must be a mapping of keys to values"),
    };

    private static string Key(string path, YamlNode node) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw new InputException(path, Line(node), "a key must be a plain word");

    /// <summary>A value: a scalar, or a list of scalars (joined with commas, as <c>build.format: [html, pdf]</c>).</summary>
    private static string Scalar(string path, YamlNode node, string key) => node switch
    {
        YamlScalarNode { Value: { Length: > 0 } value } => value,
        YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }) && list.Children.Count > 0 =>
            string.Join(",", list.Children.Cast<YamlScalarNode>().Select(c => c.Value)),
        YamlScalarNode => throw new InputException(path, Line(node), $"{key} has no value"),
        _ => throw new InputException(path, Line(node), $"{key} must be a single value"),
    };

    private static InputException Unknown(string path, YamlNode node, string what, string written, IEnumerable<string> known, string where = "")
    {
        var list = known.ToList();
        var near = EditDistance.Nearest(written, list);
        var message = near is not null
            ? $"unknown {what} '{written}'{where}: did you mean '{near}'?"
            : $"unknown {what} '{written}'{where}" + (list.Count <= 12 ? $" (known: {string.Join(", ", list)})" : " (see `citecheck rules`)");
        return new InputException(path, Line(node), message);
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
