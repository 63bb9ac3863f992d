using System.CommandLine;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;
using CiteCheck.Model;

namespace CiteCheck.Cli.Commands;

/// <summary><c>citecheck discrepancies report.md</c>: the reviewer's view of the cross-check, grouped by event. Exits 0; it is a report, not a gate.</summary>
internal static class DiscrepanciesCommand
{
    public static Command Create(CliContext context)
    {
        var report = CommonOptions.Report();
        var sources = CommonOptions.Sources();
        var review = CommonOptions.Review();
        var format = CommonOptions.Format("text", DiscrepancyReport.Formats);
        var output = CommonOptions.Output();
        var open = new Option<bool>("--open") { Description = "Only the open discrepancies (leave out explained, accepted)." };
        var command = new Command("discrepancies", "List the figures the report gives two ways, grouped by event, with every side and its sources.")
        {
            report, sources, review, format, output, open,
        };
        command.SetAction(parse =>
        {
            var result = Pipeline.Compile(context.Host, parse.GetValue(report)!, new CompileOptions { Rules = context.Config.Rules, SourcesFile = parse.GetValue(sources), ReviewFile = parse.GetValue(review) });
            if (parse.GetValue(open))
            {
                result = result with { Discrepancies = [.. result.Discrepancies.Where(d => d.Status == DiscrepancyStatus.Open)] };
            }
            var text = DiscrepancyReport.Write(result, parse.GetValue(format)!);
            CommonOptions.Emit(context, parse.GetValue(output), text, "");
            return ExitCodes.Ok;
        });
        return command;
    }
}
