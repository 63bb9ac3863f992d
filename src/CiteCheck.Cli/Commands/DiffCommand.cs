using System.CommandLine;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;

namespace CiteCheck.Cli.Commands;

/// <summary><c>citecheck diff old.json new.json</c>: new, resolved and unchanged findings and discrepancies between two runs. Exits 0; 2 on an unreadable file.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var old = new Argument<string>("old") { Description = "The earlier check.json." };
        var @new = new Argument<string>("new") { Description = "The later check.json." };
        var format = CommonOptions.Format("text", DiffReport.Formats);
        var output = CommonOptions.Output();
        var command = new Command("diff", "Compare two check.json files: new, resolved and unchanged findings and discrepancies.") { old, @new, format, output };
        command.SetAction(parse =>
        {
            var before = CheckJson.Read(context.Host, parse.GetValue(old)!);
            var after = CheckJson.Read(context.Host, parse.GetValue(@new)!);
            var diff = DiffReport.Compare(before, after);
            CommonOptions.Emit(context, parse.GetValue(output), DiffReport.Write(diff, parse.GetValue(format)!), DiffReport.Counts(diff));
            return ExitCodes.Ok;
        });
        return command;
    }
}
