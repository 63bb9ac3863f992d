using System.Diagnostics;
using System.Globalization;
using System.Text;
using CiteCheck.Checks;
using CiteCheck.Checks.Figures;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;
using CiteCheck.Parsing;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Html;
using CiteCheck.Rendering.Html.Verification;

namespace CiteCheck.Benchmarks;

/// <summary>
/// Where one warm rebuild's time goes, stage by stage (docs/benchmarks.md, "Watch"): the stages of a whole (not
/// incremental) build called one after the other in this process on the sample, each round with one line edited (the
/// Overview heading, a new word each time), after warm-up rounds. Prints each stage's median wall time and the CPU time
/// of the process over the stage (mean over the rounds). Not BenchmarkDotNet: each round needs a new edit, and the
/// stages feed each other.
/// </summary>
public static class WatchStagesBenchmark
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var warmups = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
        var root = WatchEditBenchmark.FindRoot();
        var folder = Directory.CreateTempSubdirectory("citecheck-stages-bench-").FullName;
        try
        {
            var reportPath = Path.Combine(folder, "report.md");
            var original = File.ReadAllText(Path.Combine(root, "content", "tajikistan", "report.md"));
            var sourcesText = File.ReadAllText(Path.Combine(root, "content", "tajikistan", "sources.yaml"));
            var sourcesPath = Path.Combine(folder, "sources.yaml");
            File.WriteAllText(sourcesPath, sourcesText);
            var heading = original.IndexOf("\n## Overview", StringComparison.Ordinal);
            var lineEnd = original.IndexOf('\n', heading + 1);
            var host = new PhysicalHost();
            var html = Editions.Find("html")!;
            var options = new CompileOptions();
            var edition = new EditionOptions { BuildTime = DateTimeOffset.UnixEpoch };
            var stages = new Dictionary<string, (List<double> Wall, List<double> Cpu)>(StringComparer.Ordinal);
            var order = new List<string>();
            using var process = Process.GetCurrentProcess();
            var cache = new FactCache();
            IReadOnlyList<string>? written = null;
            EditionFile[]? last = null;
            for (var i = 0; i < warmups + rounds; i++)
            {
                var text = string.Concat(original.AsSpan(0, heading), "\n## Overview Edit", i.ToString(CultureInfo.InvariantCulture), original.AsSpan(lineEnd));
                var timed = i >= warmups;
                T Stage<T>(string name, Func<T> work)
                {
                    process.Refresh();
                    var cpu = process.TotalProcessorTime;
                    var start = Stopwatch.GetTimestamp();
                    var result = work();
                    var wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    process.Refresh();
                    if (timed)
                    {
                        if (!stages.TryGetValue(name, out var lists))
                        {
                            stages[name] = lists = ([], []);
                            order.Add(name);
                        }
                        lists.Wall.Add(wall);
                        lists.Cpu.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
                    }
                    return result;
                }
                var bibliography = Stage("read sources.yaml (YAML to model)", () => BibliographyReader.Read(sourcesPath, File.ReadAllText(sourcesPath)));
                var parsed = Stage("parse report (Markdig to model)", () => ReportParser.Parse(reportPath, text, bibliography.Bibliography).With(bibliography));
                var citation = Stage("citation checks", () => CitationChecks.All.SelectMany(c => c.Run(parsed.Document)).ToList());
                var facts = Stage("cross-check: read each claim's facts", () => FactReader.Read(parsed.Document));
                var texts = parsed.Document.Claims.Select(c => c.Text).ToList();
                Stage("  of which: tokenize every claim", () => texts.Sum(t => Tokenizer.Tokenize(t).Count));
                Stage("  of which: dates of every claim", () => texts.Sum(t => DateExtractor.Extract(t, 2020).Count));
                Stage("  of which: figures of every claim", () => texts.Sum(t => FigureExtractor.Extract(t, DateExtractor.Extract(t, 2020)).Count));
                Stage("  of which: kinds of every claim", () => texts.Sum(t => Lexicon.KindsIn(t.ToLowerInvariant()).Count()));
                Stage("  of which: names of every claim", () => texts.Sum(t => Names.Extract(t, w => char.IsUpper(w[0])).Count));
                var discrepancies = Stage("cross-check: pair, compare, group", () => CrossCheck.Run(parsed.Document, facts));
                Stage("cross-check through the session's fact cache (incremental)", () => CrossCheck.Run(parsed.Document, cache));
                var report = Stage("whole check (Pipeline.Check, without the cache)", () => Pipeline.Check(host, parsed, reportPath, options));
                var incremental = Stage("whole check (Pipeline.Check, with the cache, as watch runs it)", () => Pipeline.Check(host, parsed, reportPath, options, cache));
                var model = Stage("edition model", () => EditionModelBuilder.Build(report));
                var pages = Stage("HTML pages rendered (Scriban)", () => HtmlEditionRenderer.RenderPages(model, edition, host));
                var findings = Stage("HTML pages verified (AngleSharp)", () => HtmlEditionVerifier.Verify(pages, HtmlEditionRenderer.ReportFile, model));
                var json = Stage("check.json", () => new JsonOutput().Write(report));
                var files = Stage("whole HTML render (renderer, as watch runs it)", () => html.Render(model, edition, host));
                EditionFile[] set = [.. files, new EditionFile("check.json", Encoding.UTF8.GetBytes(json))];
                Stage("edition written as a set (EditionWriter.Write, as build does)", () =>
                {
                    EditionWriter.Write(host, Path.Combine(folder, "out"), set);
                    return 0;
                });
                Stage("edition written, changed files only (WriteChanged, as watch does)", () => written = EditionWriter.WriteChanged(host, Path.Combine(folder, "out2"), set, written is null ? null : last));
                last = set;
                GC.KeepAlive(incremental);
                GC.KeepAlive(citation);
                GC.KeepAlive(discrepancies);
                GC.KeepAlive(findings);
            }
            Console.WriteLine($"watch stages: {rounds} rounds after {warmups} warm-up rounds, each with the Overview heading edited; load average {WatchEditBenchmark.LoadAverage()}");
            Console.WriteLine("| stage | median wall ms | mean CPU ms |");
            Console.WriteLine("| --- | ---: | ---: |");
            foreach (var name in order)
            {
                var (wall, cpu) = stages[name];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {WatchEditBenchmark.Median(wall):0.00} | {cpu.Average():0.00} |"));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
