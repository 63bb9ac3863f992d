using System.CommandLine;
using CiteCheck.Compiler.Configuration;
using CiteCheck.Model;

namespace CiteCheck.Cli;

/// <summary>
/// citecheck.yaml on the command line (docs/configuration.md): each key of the file stands for an option of a command,
/// its value is checked by that option's own parser, and an option the user did not give takes the file's value.
/// The command line always wins over the file.
/// </summary>
public static class Configuration
{
    /// <summary>The keys of the file's sections: (section, key) → the option it stands for, and whether it is a path.</summary>
    private static readonly (string Section, string Key, string Command, bool IsPath)[] Keys =
    [
        ("check", "format", "check", false),
        ("check", "fail-on", "check", false),
        ("build", "format", "build", false),
        ("build", "fail-on", "build", false),
        ("build", "templates", "build", true),
        ("build", "paper", "build", false),
        ("build", "pdf-engine", "build", false),
        ("build", "browser", "build", true),
        ("build", "fonts", "build", true),
        ("discrepancies", "format", "discrepancies", false),
        ("links", "cache", "links", true),
        ("links", "max-age", "links", false),
        ("links", "concurrency", "links", false),
        ("links", "host-concurrency", "links", false),
        ("links", "host-interval", "links", false),
        ("links", "timeout", "links", false),
    ];

    /// <summary>--config FILE: on every command that reads a report.</summary>
    public static Option<string?> Option() => new("--config")
    {
        Description = "The configuration file (default: citecheck.yaml beside the report or in a folder above it, up to the repository's root).",
        Recursive = true,
    };

    /// <summary>Every key of the file, each checked by the option it stands for in <paramref name="root"/>.</summary>
    public static ConfigSchema Schema(RootCommand root)
    {
        var schema = new ConfigSchema();
        foreach (var (section, key, commandName, isPath) in Keys)
        {
            var command = root.Subcommands.Single(c => c.Name == commandName);
            var option = command.Options.Single(o => o.Name == "--" + key);
            schema.Add(section, new ConfigKey(key, isPath, value => Validate(command, option, value)));
        }
        return schema;
    }

    /// <summary>
    /// The file's settings that apply to <paramref name="parse"/>'s command and that its command line did not give, as
    /// extra arguments (<c>--paper letter</c>). A <c>build:</c> key applies to build (and to watch, which builds too); a <c>links:</c> key to every command that has that option
    /// (check and build have --cache).
    /// </summary>
    public static List<string> Defaults(ParseResult parse, ProjectConfig config)
    {
        var command = parse.CommandResult.Command;
        var extra = new List<string>();
        foreach (var setting in config.Settings)
        {
            var applies = setting.Section == command.Name
                || setting.Section == "links"
                || (setting.Section == "build" && command.Name == "watch");
            var option = command.Options.FirstOrDefault(o => o.Name == "--" + setting.Key);
            if (!applies || option is null || (setting.Section == "links" && command.Name != "links" && setting.Key != "cache"))
            {
                continue;
            }
            if (parse.GetResult(option) is { Implicit: false })
            {
                continue;
            }
            extra.Add(option.Name);
            extra.Add(setting.Value);
        }
        return extra;
    }

    /// <summary>The option's own verdict on a value: null when its parser takes it, else its reason ("'a5' is not one of a4, letter").</summary>
    private static string? Validate(Command command, Option option, string value)
    {
        var placeholders = command.Arguments.Select(_ => "placeholder").ToList();
        var before = command.Parse(placeholders).Errors.Select(e => e.Message).ToHashSet(StringComparer.Ordinal);
        var errors = command.Parse([.. placeholders, option.Name, value]).Errors
            .Select(e => e.Message)
            .Where(m => !before.Contains(m))
            .Select(m => m.StartsWith(option.Name + ": ", StringComparison.Ordinal) ? m[(option.Name.Length + 2)..] : m)
            .ToList();
        return errors.Count == 0 ? null : string.Join("; ", errors);
    }

    /// <summary>The configuration for a report (or folder): --config when given, else the file found upward from it; <see cref="ProjectConfig.None"/> when there is none.</summary>
    public static ProjectConfig Load(IHost host, RootCommand root, string? explicitFile, string reportPath)
    {
        var file = explicitFile ?? ConfigReader.Find(host, reportPath);
        return file is null ? ProjectConfig.None : ConfigReader.Read(host, file, Schema(root));
    }
}
