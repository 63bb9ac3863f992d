using System.CommandLine;
using CiteCheck.Cli.Commands;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Configuration;
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
        root.Subcommands.Add(CompletionCommand.Create(context));
        root.Options.Add(Configuration.Option());
        root.Subcommands.Add(WatchCommand.Create(context));
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IHost? host = null)
    {
        host ??= new PhysicalHost();
        Timings.Enabled = host.GetEnvironmentVariable("CITECHECK_TIMING") == "1";
        Timings.Mark("main");
        var context = new CliContext(host, stdout, stderr);
        var root = CreateRoot(context);
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
            var command = parse.CommandResult.Command;
            // Only when the command itself runs: not for --help, --version or a [suggest] directive (shell completion).
            if (ReferenceEquals(parse.Action, command.Action)
                && command.Arguments.FirstOrDefault(a => a.Name == "report") is Argument<string> reportArgument
                && parse.GetValue(reportArgument) is { } report)
            {
                if (Folders.Commands.Contains(command.Name) && host.DirectoryExists(report) && Folders.IndexOf(args, report, command) is var at and >= 0)
                {
                    return Folders.Run(args, at, report, command, stdout, stderr, host);
                }
                // citecheck.yaml: the rules' severities, and the defaults of the options not given (the command line wins).
                context.Config = Configuration.Load(host, root, parse.GetValue<string?>("--config"), report);
                var defaults = Configuration.Defaults(parse, context.Config);
                if (defaults.Count > 0)
                {
                    var end = Array.IndexOf(args, "--");
                    args = end < 0 ? [.. args, .. defaults] : [.. args[..end], .. defaults, .. args[end..]];
                    parse = root.Parse(args);
                }
            }
            Timings.Mark("command line and configuration read");
            var code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            Timings.Mark("done");
            if (Timings.Enabled)
            {
                stderr.Write(Timings.Report());
            }
            return code;
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

/// <summary>What every command needs: the host, the two output streams, and the configuration that applies to its report.</summary>
public sealed record CliContext(IHost Host, TextWriter Out, TextWriter Error)
{
    /// <summary>citecheck.yaml as read for this run (set once the report is known, before the command runs).</summary>
    public ProjectConfig Config { get; set; } = ProjectConfig.None;
}
