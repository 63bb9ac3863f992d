using System.CommandLine;
using CiteCheck.Compiler;

namespace CiteCheck.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Argument<string> Report() => new("report") { Description = "The Markdown report to read." };

    public static Option<string?> Sources() => new("--sources") { Description = "Bibliography file (default: sources.yaml beside the report, if any)." };

    public static Option<string?> Review() => new("--review") { Description = "Reviewers' decisions file (default: review.yaml beside the report, if any)." };

    public static Option<string?> Output() => new("--output", "-o") { Description = "Write the findings to this file (atomically) instead of standard output." };

    public static Option<string> FailOn(string defaultValue)
    {
        var option = new Option<string>("--fail-on") { Description = "Exit 1 when a finding is at or above this severity: error, warning or never.", DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong("error", "warning", "never");
        return option;
    }

    public static Option<string> Format(string defaultValue, params string[] allowed)
    {
        var option = new Option<string>("--format", "-f") { Description = $"Output format: {string.Join(", ", allowed)}.", DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong(allowed);
        return option;
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
