using System.CommandLine;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;
using CiteCheck.Model;

namespace CiteCheck.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Argument<string> Report() => new("report") { Description = "The Markdown report to read." };

    public static Option<string?> Sources() => new("--sources") { Description = "Bibliography file, sources.yaml or CSL-JSON (default: sources.yaml, sources.json, sources.csl.json or <report>.csl.json beside the report, if one is there)." };

    public static Option<string?> Review() => new("--review") { Description = "Reviewers' decisions file (default: review.yaml beside the report, if any)." };

    public static Option<string?> Output() => new("--output", "-o") { Description = "Write the findings to this file (atomically) instead of standard output." };

    public static Option<string> FailOn(string defaultValue) =>
        Choice("--fail-on", defaultValue, "Exit 1 when a finding is at or above this severity: error, warning or never; new: a finding at warning or above (or an open discrepancy) not in --baseline.", "error", "warning", "never", "new");

    public static Option<string?> Baseline() => new("--baseline") { Description = "An earlier check.json: findings and discrepancies it has are marked as baseline (see --fail-on new)." };

    /// <summary>Marks the report's findings and discrepancies that the baseline file has; no file, no change.</summary>
    public static CheckedReport ApplyBaseline(CliContext context, CheckedReport report, string? file) =>
        file is null ? report : report with { Baseline = DiffReport.Mark(report, CheckJson.Read(context.Host, file)) };

    public static Option<string> Format(string defaultValue, params string[] allowed) =>
        Choice("--format", defaultValue, $"Output format: {string.Join(", ", allowed)}.", allowed, "-f");

    /// <summary>
    /// An option that takes one of a few words, in any case ("A4" is "a4"); anything else is one error line naming
    /// the option and the words it takes.
    /// </summary>
    public static Option<string> Choice(string name, string defaultValue, string description, params string[] allowed) =>
        Choice(name, defaultValue, description, allowed, []);

    private static Option<string> Choice(string name, string defaultValue, string description, string[] allowed, params string[] aliases)
    {
        var option = new Option<string>(name, aliases)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : defaultValue;
                var match = allowed.FirstOrDefault(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    result.AddError($"{name}: '{text}' is not one of {string.Join(", ", allowed)}");
                    return defaultValue;
                }
                return match;
            },
        };
        // Shell completion (citecheck completion) offers the words.
        option.CompletionSources.Add(allowed);
        return option;
    }

    /// <summary>The summary of an output written to --output, on standard error.</summary>
    public static void EmitSummary(CliContext context, string summary)
    {
        if (summary.Length > 0)
        {
            context.Error.WriteLine(summary);
        }
    }

    /// <summary>Writes a command's output to --output (atomically, with the summary on standard error) or to standard output.</summary>
    public static void Emit(CliContext context, string? file, string text, string summary)
    {
        if (file is not null)
        {
            context.Host.WriteAtomically(file, System.Text.Encoding.UTF8.GetBytes(text));
            if (summary.Length > 0)
            {
                context.Error.WriteLine(summary);
            }
        }
        else
        {
            context.Out.Write(text);
        }
    }

    public static FailOn ParseFailOn(string value) => ExitCodes.TryParse(value, out var f) ? f : Compiler.FailOn.Error;
}
