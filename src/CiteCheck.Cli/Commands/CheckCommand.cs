using System.CommandLine;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;

namespace CiteCheck.Cli.Commands;

/// <summary><c>citecheck check report.md</c>: the CI gate. Prints findings; exits 1 on findings at or above --fail-on.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var report = CommonOptions.Report();
        var sources = CommonOptions.Sources();
        var review = CommonOptions.Review();
        var format = CommonOptions.Format("text", "text", "json", "sarif", "github");
        var failOn = CommonOptions.FailOn("error");
        var output = CommonOptions.Output();
        var links = LinkOptions.Links();
        var offline = LinkOptions.Offline();
        var cache = LinkOptions.Cache();
        var baseline = CommonOptions.Baseline();
        var command = new Command("check", "Check the report's citations and cross-check its figures.") { report, sources, review, format, failOn, output, links, offline, cache, baseline };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new CompileOptions { Rules = context.Config.Rules, SourcesFile = parse.GetValue(sources), ReviewFile = parse.GetValue(review) };
            var result = Pipeline.Compile(context.Host, parse.GetValue(report)!, options);
            if (parse.GetValue(links))
            {
                var linkOptions = new LinkStageOptions { Rules = context.Config.Rules, Offline = parse.GetValue(offline), CacheDirectory = parse.GetValue(cache)! };
                (result, _) = await LinkOptions.RunAsync(context, result, linkOptions, cancellationToken).ConfigureAwait(false);
            }
            result = CommonOptions.ApplyBaseline(context, result, parse.GetValue(baseline));
            var outputFormat = OutputFormats.Find(parse.GetValue(format)!)!;
            if (outputFormat is JsonOutput && parse.GetValue(output) is { } file)
            {
                // Streamed into the file as it is made: no string, nor buffer, of tens of megabytes for a large report.
                context.Host.WriteAtomically(file, stream => JsonOutput.WriteUtf8(result, stream));
                CommonOptions.EmitSummary(context, TextOutput.Summary(result));
            }
            else
            {
                CommonOptions.Emit(context, parse.GetValue(output), outputFormat.Write(result), TextOutput.Summary(result));
            }
            return ExitCodes.For(result, CommonOptions.ParseFailOn(parse.GetValue(failOn)!));
        });
        return command;
    }
}
