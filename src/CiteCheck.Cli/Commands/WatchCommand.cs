using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Watch;

namespace CiteCheck.Cli.Commands;

/// <summary>
/// <c>citecheck watch report.md [--serve] [--port N]</c>: the editor's loop. Builds the edition, then rebuilds it on every
/// save of the report, its bibliography, its review file, a template or citecheck.yaml, printing each build's findings
/// as <c>build</c> does; a broken save prints its errors and keeps the last good edition. With --serve the edition is
/// served on 127.0.0.1 with live reload and a findings overlay. Runs until Ctrl-C, then exits 0. docs/watch.md.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(CliContext context)
    {
        var report = new Argument<string>("report") { Description = "The Markdown report to watch, or a folder holding it (report.md, index.md, or its only .md file)." };
        var sources = CommonOptions.Sources();
        var review = CommonOptions.Review();
        var outDir = new Option<string?>("--out") { Description = BuildCommand.OutDescription };
        var formats = new Option<string>("--format", "-f")
        {
            Description = "Editions to rebuild on each save, comma-separated: html, pdf (default: html; the PDF takes seconds).",
            DefaultValueFactory = _ => "html",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "html";
                var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (names.Length == 0 || names.Any(n => Editions.Find(n) is null))
                {
                    result.AddError($"--format: '{text}' is not a list of editions (known: {string.Join(", ", Editions.All.Select(e => e.Format))})");
                }
                return string.Join(",", names.Select(n => n.ToLowerInvariant()));
            },
        };
        var templates = new Option<string?>("--templates") { Description = "A folder with your own report.sbn, partials and CSS; watched too." };
        var paper = CommonOptions.Choice("--paper", "a4", "PDF paper size: a4 or letter.", "a4", "letter");
        var fonts = new Option<string?>("--fonts") { Description = "Font folder or file for the PDF edition." };
        var serve = new Option<bool>("--serve") { Description = "Serve the edition on 127.0.0.1 with live reload and a findings overlay." };
        var port = Number("--port", 0, 0, 65535, "Port for --serve (default 0: a free port, printed at start).", "give a port from 1 to 65535, or 0 for a free one");
        var debounce = Number("--debounce", (int)WatchOptions.DefaultDebounce.TotalMilliseconds, 0, 10_000,
            "Milliseconds the inputs must be quiet after a save before the rebuild (default 50).", "give milliseconds from 0 to 10000");
        var command = new Command("watch", "Rebuild the edition on every save; with --serve, preview it in a browser with live reload.")
        {
            report, sources, review, outDir, formats, templates, paper, fonts, serve, port, debounce,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = Locate(context.Host, parse.GetValue(report)!);
            var templatesFolder = parse.GetValue(templates);
            if (templatesFolder is not null && !context.Host.DirectoryExists(templatesFolder))
            {
                throw new InputException(templatesFolder, null, "the templates folder does not exist");
            }
            var options = new WatchOptions
            {
                ReportPath = path,
                OutDirectory = parse.GetValue(outDir) ?? Builder.DefaultOutDirectory(path),
                Compile = new CompileOptions { Rules = context.Config.Rules, SourcesFile = parse.GetValue(sources), ReviewFile = parse.GetValue(review) },
                Formats = parse.GetValue(formats)!.Split(',', StringSplitOptions.RemoveEmptyEntries),
                Edition = new EditionOptions { TemplatesDirectory = templatesFolder, Paper = parse.GetValue(paper)!, FontPath = parse.GetValue(fonts) },
                Serve = parse.GetValue(serve),
                Port = parse.GetValue(port),
                Debounce = TimeSpan.FromMilliseconds(parse.GetValue(debounce)),
            };
            // Before anything is watched: an output folder that cannot take an edition is said at once, as build does.
            EditionWriter.Prepare(context.Host, options.OutDirectory);
            // Ctrl-C (SIGINT) and SIGTERM stop the watch cleanly; a second Ctrl-C ends the process at once.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Stop(signal, stop));
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Stop(signal, stop));
            await using var session = new WatchSession(context.Host, options, context.Out);
            try
            {
                await session.StartAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped while starting.
            }
            await session.RunAsync(stop.Token).ConfigureAwait(false);
            context.Out.WriteLine("citecheck: watch stopped");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A whole-number option within a range; anything else is one error line naming the option and the range.</summary>
    private static Option<int> Number(string name, int defaultValue, int min, int max, string description, string range) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : defaultValue.ToString(CultureInfo.InvariantCulture);
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                result.AddError($"{name}: '{text}' is not allowed: {range}");
                return defaultValue;
            }
            return (int)value;
        },
    };

    private static void Stop(PosixSignalContext signal, CancellationTokenSource stop)
    {
        if (!stop.IsCancellationRequested)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }

    /// <summary>The report a command-line argument names: the file itself, or in a folder report.md, index.md, or its only .md file.</summary>
    internal static string Locate(IHost host, string argument)
    {
        if (!host.DirectoryExists(argument))
        {
            if (!host.FileExists(argument))
            {
                throw new InputException(argument, null, "no such file or folder");
            }
            return argument;
        }
        foreach (var name in new[] { "report.md", "index.md" })
        {
            var candidate = Path.Combine(argument, name);
            if (host.FileExists(candidate))
            {
                return candidate;
            }
        }
        var markdown = host.EnumerateFiles(argument, "*.md").Order(StringComparer.Ordinal).ToList();
        return markdown.Count switch
        {
            1 => markdown[0],
            0 => throw new InputException(argument, null, "is a folder with no Markdown report (report.md, index.md or another .md file)"),
            _ => throw new InputException(argument, null, $"is a folder with {markdown.Count} Markdown files and no report.md or index.md: name the one to watch"),
        };
    }
}
