using System.CommandLine;
using CiteCheck.Cli.Commands;
using CiteCheck.Compiler;
using CiteCheck.Model;

namespace CiteCheck.Cli;

/// <summary>The commands. Each returns an exit code: 0 ok, 1 findings at or above --fail-on, 2 unreadable input or bad usage, 3 a bug.</summary>
public static class CommandLine
{
    /// <summary>The command tree: every command with its options (tests walk it to try every option).</summary>
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("CiteCheck: checks a report's citations, cross-checks its figures, and builds its HTML and PDF editions.");
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(BuildCommand.Create(context));
        root.Subcommands.Add(DiscrepanciesCommand.Create(context));
        root.Subcommands.Add(LinksCommand.Create(context));
        root.Subcommands.Add(RulesCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(WatchCommand.Create(context));
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IHost? host = null)
    {
        host ??= new PhysicalHost();
        var root = CreateRoot(new CliContext(host, stdout, stderr));
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var line in UsageErrors.Describe(root, parse, args))
                {
                    stderr.WriteLine($"citecheck: error: {line}");
                }
                stderr.WriteLine("Run 'citecheck --help' for usage.");
                return ExitCodes.BadInput;
            }
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (InputException e)
        {
            stderr.WriteLine($"citecheck: error: {Credentials.Hide(e.ToString())}");
            return ExitCodes.BadInput;
        }
        catch (OutputException e)
        {
            stderr.WriteLine($"citecheck: error: {Credentials.Hide(e.ToString())}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("citecheck: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"citecheck: internal error: {e.GetType().Name}: {Credentials.Hide(e.Message)} (this is a bug in CiteCheck; please report it with the input that caused it)");
            return ExitCodes.InternalError;
        }
    }
}

/// <summary>What every command needs: the host and the two output streams.</summary>
public sealed record CliContext(IHost Host, TextWriter Out, TextWriter Error);
