using System.CommandLine;
using System.CommandLine.Parsing;
using CiteCheck.Model;

namespace CiteCheck.Cli;

/// <summary>
/// A command line that does not parse, said in the user's terms: a mistyped command or option is named, with the
/// nearest right one when it is close ("unknown command 'chek': did you mean 'check'?"); the other errors are the
/// parser's own.
/// </summary>
public static class UsageErrors
{
    private const string Unrecognized = "Unrecognized command or argument '";
    private const string NoCommand = "Required command was not provided.";

    /// <summary>One line per problem, without the "citecheck: error: " prefix.</summary>
    public static List<string> Describe(RootCommand root, ParseResult parse, IReadOnlyList<string> args)
    {
        var own = new List<string>();
        var command = parse.CommandResult.Command;
        var consumed = OptionValues(parse.CommandResult);
        var known = KnownOptions(root, parse.CommandResult);
        var commandSeen = !ReferenceEquals(command, root);
        foreach (var arg in args)
        {
            if (arg == "--")
            {
                break;
            }
            if (consumed.Remove(arg))
            {
                continue;
            }
            if (LooksLikeOption(arg))
            {
                var name = arg.Split('=', ':')[0];
                if (!known.Contains(name))
                {
                    own.Add(WithSuggestion($"unknown option '{name}'", name, known));
                }
            }
            else if (!commandSeen)
            {
                // The first word where a command belongs: everything after it was meant for that command.
                commandSeen = true;
                if (!root.Subcommands.Any(c => c.Name == arg))
                {
                    own.Add(WithSuggestion($"unknown command '{arg}'", arg, root.Subcommands.Select(c => c.Name)));
                }
            }
        }
        if (own.Count == 0)
        {
            return [.. parse.Errors.Select(e => e.Message)];
        }
        // The parser's lines about the same tokens (and the command it then missed) follow from the ones above.
        return [.. own, .. parse.Errors.Select(e => e.Message).Where(m => !m.StartsWith(Unrecognized, StringComparison.Ordinal) && m != NoCommand)];
    }

    /// <summary>The nearest candidate by edit distance (a swap of two letters counts as one), when it is close enough to be meant.</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates) => EditDistance.Nearest(typed, candidates);

    public static int Distance(string a, string b) => EditDistance.Between(a, b);

    private static string WithSuggestion(string line, string typed, IEnumerable<string> candidates) =>
        Nearest(typed, candidates) is { } near ? $"{line}: did you mean '{near}'?" : line;

    /// <summary>"--name", "-n": a dash and a letter (so "-1" and "-5s", values, are not options).</summary>
    private static bool LooksLikeOption(string arg) =>
        (arg.Length > 1 && arg[0] == '-' && char.IsAsciiLetter(arg[1])) || (arg.Length > 2 && arg.StartsWith("--", StringComparison.Ordinal) && char.IsAsciiLetter(arg[2]));

    /// <summary>The options of the command given and those of its parents that apply to it (--help, --version), by every name.</summary>
    private static HashSet<string> KnownOptions(RootCommand root, CommandResult result)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                foreach (var option in c.Command.Options.Where(o => ReferenceEquals(c, result) || o.Recursive))
                {
                    names.Add(option.Name);
                    names.UnionWith(option.Aliases);
                }
            }
        }
        foreach (var option in root.Options.Where(o => o.Recursive))
        {
            names.Add(option.Name);
            names.UnionWith(option.Aliases);
        }
        return names;
    }

    /// <summary>The words the parser took as values of options, so that a value such as "-1" is not taken for an option.</summary>
    private static List<string> OptionValues(CommandResult result)
    {
        var values = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                values.AddRange(c.Children.OfType<OptionResult>().SelectMany(o => o.Tokens).Select(t => t.Value));
            }
        }
        return values;
    }
}
