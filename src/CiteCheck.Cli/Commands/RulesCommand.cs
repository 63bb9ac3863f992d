using System.CommandLine;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;

namespace CiteCheck.Cli.Commands;

/// <summary><c>citecheck rules</c>: every rule CiteCheck reports, from the rule registry. Reads no report; exits 0.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format("text", RuleList.Formats);
        var output = CommonOptions.Output();
        var command = new Command("rules", "List every rule: id, name, default severity, stage and title.") { format, output };
        command.SetAction(parse =>
        {
            CommonOptions.Emit(context, parse.GetValue(output), RuleList.Write(RuleRegistry.All, parse.GetValue(format)!), "");
            return ExitCodes.Ok;
        });
        return command;
    }
}
