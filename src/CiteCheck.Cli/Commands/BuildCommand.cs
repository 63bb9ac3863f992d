using System.CommandLine;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;
using CiteCheck.Rendering;

namespace CiteCheck.Cli.Commands;

/// <summary>
/// <c>citecheck build report.md</c>: the editor's command. Always writes the editions when the report parses,
/// prints what it wrote, then its findings and summary on standard output exactly as <c>check</c> prints them in
/// text format (compiler-style lines), and by default exits 0 (--fail-on never): an editor's build is not a CI gate.
/// A template error exits 2; an edition that fails its own verification (CC4xxx) is a bug and exits 3. Either way
/// nothing is written. The default --format is "html,pdf".
/// </summary>
internal static class BuildCommand
{
    /// <summary>What <see cref="Builder.DefaultOutDirectory"/> does, said for <c>build --help</c>.</summary>
    internal const string OutDescription =
        "Output folder. Default: out/<report folder name>/, relative to the working directory, for a report named report.md "
        + "or index.md (content/tajikistan/report.md gives out/tajikistan/); for any other name, out/<file name without extension>/.";

    public static Command Create(CliContext context)
    {
        var report = CommonOptions.Report();
        var sources = CommonOptions.Sources();
        var review = CommonOptions.Review();
        var failOn = CommonOptions.FailOn("never");
        var outDir = new Option<string?>("--out") { Description = OutDescription };
        var formats = new Option<string>("--format", "-f")
        {
            Description = "Editions to write, comma-separated: html, pdf.",
            DefaultValueFactory = _ => "html,pdf",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "html,pdf";
                var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var unknown = names.Where(n => Editions.Find(n) is null).ToList();
                if (names.Length == 0 || unknown.Count > 0)
                {
                    result.AddError($"--format: '{text}' is not a list of editions (known: {string.Join(", ", Editions.All.Select(e => e.Format))})");
                }
                return string.Join(",", names.Select(n => n.ToLowerInvariant()));
            },
        };
        var templates = new Option<string?>("--templates") { Description = "A folder with your own report.sbn, partials and CSS (default: the built-in templates)." };
        var paper = CommonOptions.Choice("--paper", "a4", "PDF paper size: a4 or letter.", "a4", "letter");
        var engine = CommonOptions.Choice("--pdf-engine", "native", "PDF engine: native (PDFsharp, needs nothing installed) or chromium.", "native", "chromium");
        var browser = new Option<string?>("--browser") { Description = "Chromium or Chrome executable for --pdf-engine chromium." };
        var fonts = new Option<string?>("--fonts") { Description = "Font folder or file for the native PDF engine (default: DejaVu or Liberation from the system)." };
        var links = LinkOptions.Links();
        var offline = LinkOptions.Offline();
        var cache = LinkOptions.Cache();
        var baseline = CommonOptions.Baseline();
        var command = new Command("build", "Build the HTML and PDF editions with their discrepancy and citation-health appendices.")
        {
            report, sources, review, outDir, formats, failOn, templates, paper, engine, browser, fonts, links, offline, cache, baseline,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(report)!;
            var result = Pipeline.Compile(context.Host, path, new CompileOptions { Rules = context.Config.Rules, SourcesFile = parse.GetValue(sources), ReviewFile = parse.GetValue(review) });
            if (parse.GetValue(links))
            {
                var linkOptions = new LinkStageOptions { Rules = context.Config.Rules, Offline = parse.GetValue(offline), CacheDirectory = parse.GetValue(cache)! };
                (result, _) = await LinkOptions.RunAsync(context, result, linkOptions, cancellationToken).ConfigureAwait(false);
            }
            // Read before the build, which may overwrite the very check.json named as the baseline.
            result = CommonOptions.ApplyBaseline(context, result, parse.GetValue(baseline));
            var requested = parse.GetValue(formats)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var options = new EditionOptions
            {
                TemplatesDirectory = parse.GetValue(templates),
                Paper = parse.GetValue(paper)!,
                PdfEngine = parse.GetValue(engine)!,
                BrowserPath = parse.GetValue(browser),
                FontPath = parse.GetValue(fonts),
                BuildTime = context.Host.Now,
            };
            var directory = parse.GetValue(outDir) ?? Builder.DefaultOutDirectory(path);
            BuildResult built;
            try
            {
                built = Builder.Build(context.Host, result, directory, requested, options);
            }
            catch (RenderException e)
            {
                context.Error.WriteLine($"citecheck: error: {e}");
                context.Error.WriteLine("citecheck: nothing was written; the previous edition is untouched.");
                return ExitCodes.BadInput;
            }
            catch (EditionVerificationException e)
            {
                // The edition's own checks (CC4xxx) failed: a bug in CiteCheck, not in the report.
                foreach (var finding in e.Diagnostics)
                {
                    context.Error.WriteLine(TextOutput.Line(finding));
                }
                context.Error.WriteLine($"citecheck: internal error: {e.Message}; nothing was written, the previous edition is untouched.");
                return ExitCodes.InternalError;
            }
            foreach (var file in built.Written)
            {
                context.Out.WriteLine($"wrote {file}");
            }
            // The findings and the summary, as `check` prints them.
            context.Out.Write(new TextOutput().Write(result));
            return ExitCodes.For(result, CommonOptions.ParseFailOn(parse.GetValue(failOn)!));
        });
        return command;
    }
}
