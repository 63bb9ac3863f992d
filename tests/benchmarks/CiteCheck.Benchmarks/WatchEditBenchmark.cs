using System.Diagnostics;
using System.Globalization;
using System.Text;
using CiteCheck.Compiler;
using CiteCheck.Watch;

namespace CiteCheck.Benchmarks;

/// <summary>
/// The watch loop, timed as an editor meets it (docs/benchmarks.md, "Watch"): `citecheck watch --serve` on a temporary copy
/// of the sample in this process; each round changes one line of the report (the Overview heading), saves it, and waits
/// for the new edition to be served, then fetches the page and checks the new text is in it. Warm-up rounds first (the
/// process is warm, as an editor's is after a few saves), then the timed rounds; prints the median and the spread of
///   rebuild: the build itself (hash check, parse, checks, cross-check, render, verify, write), as the session timed it;
///   save→served: from the file written to the new edition served (file-system notice + debounce + rebuild);
///   CPU: the process's processor time over the rebuild (what the build cost however loaded the machine is).
/// Not BenchmarkDotNet: a file-system watcher and a debounce are not a method to call in a loop.
/// </summary>
public static class WatchEditBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var warmups = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var root = FindRoot();
        var folder = Directory.CreateTempSubdirectory("citecheck-watch-bench-").FullName;
        try
        {
            var report = Path.Combine(folder, "report.md");
            File.Copy(Path.Combine(root, "content", "tajikistan", "report.md"), report);
            File.Copy(Path.Combine(root, "content", "tajikistan", "sources.yaml"), Path.Combine(folder, "sources.yaml"));
            var options = new WatchOptions { ReportPath = report, OutDirectory = Path.Combine(folder, "out"), Serve = true };
            using var stop = new CancellationTokenSource();
            await using var session = new WatchSession(new PhysicalHost(), options, TextWriter.Null);
            await session.StartAsync(stop.Token);
            var loop = session.RunAsync(stop.Token);
            using var http = new HttpClient { BaseAddress = session.Address };
            var original = await File.ReadAllTextAsync(report);
            // The line edited: the Overview heading (a new word in it each round), or with "sentence" one sentence of the
            // Islamic Renaissance Party section (a new word at its end), so the cross-check re-reads that claim.
            var sentence = args.Length > 3 && args[3] == "sentence";
            const string target = "The attacks killed at least 35 people";
            var heading = sentence ? original.IndexOf(target, StringComparison.Ordinal) - 1 : original.IndexOf("\n## Overview", StringComparison.Ordinal);
            var lineEnd = sentence ? heading + 1 + target.Length : original.IndexOf('\n', heading + 1);
            var process = Process.GetCurrentProcess();
            var rebuild = new List<double>();
            var served = new List<double>();
            var cpu = new List<double>();
            var stages = new List<BuildTimings>();
            var claimsRead = new List<double>();
            var filesWritten = new List<double>();
            for (var i = 0; i < warmups + rounds; i++)
            {
                var word = "Edit" + i.ToString(CultureInfo.InvariantCulture);
                var version = session.State.Current.Version;
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var start = Stopwatch.GetTimestamp();
                var edited = sentence ? string.Concat(original.AsSpan(0, lineEnd), " near ", word, original.AsSpan(lineEnd))
                    : string.Concat(original.AsSpan(0, heading), "\n## Overview ", word, original.AsSpan(lineEnd));
                await File.WriteAllTextAsync(report, edited, new UTF8Encoding(false));
                var snapshot = await session.State.WaitAsync(version, stop.Token);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                process.Refresh();
                var cpuAfter = process.TotalProcessorTime;
                var page = await http.GetStringAsync(new Uri("report.html", UriKind.Relative));
                if (snapshot.Last?.Status != BuildStatus.Built || !page.Contains((sentence ? "near " : "Overview ") + word, StringComparison.Ordinal))
                {
                    Console.Error.WriteLine($"round {i}: the served page does not have the edit ({snapshot.Last?.Status})");
                    return 1;
                }
                if (i >= warmups)
                {
                    rebuild.Add(snapshot.Last.Timings.Total);
                    served.Add(elapsed);
                    cpu.Add((cpuAfter - cpuBefore).TotalMilliseconds);
                    stages.Add(snapshot.Last.Timings);
                    claimsRead.Add(snapshot.Last.ClaimsRead);
                    filesWritten.Add(snapshot.Last.Written.Count);
                }
            }
            await stop.CancelAsync();
            await loop;
            Console.WriteLine($"watch: {rounds} edits of {(sentence ? "a sentence" : "the Overview heading")} of content/tajikistan/report.md after {warmups} warm-up edits (debounce {options.Debounce.TotalMilliseconds:0} ms); load average {LoadAverage()}");
            Console.WriteLine($"claims read afresh per edit (median): {Median([.. claimsRead]):0}; files written per edit (median): {Median([.. filesWritten]):0}");
            Console.WriteLine("| measure | median ms | min ms | max ms |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            Row("rebuild (hash check → edition written)", rebuild);
            Row("save → new edition served", served);
            Row("CPU of the process over save → served", cpu);
            Row("CPU of the process over the rebuild", [.. stages.Select(t => t.Cpu)]);
            Row("of the rebuild: read and parse", [.. stages.Select(t => t.Parse)]);
            Row("of the rebuild: checks and cross-check", [.. stages.Select(t => t.Check)]);
            Row("of the rebuild: render and verify", [.. stages.Select(t => t.Render)]);
            Row("of the rebuild: write the edition", [.. stages.Select(t => t.Write)]);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Row(string name, List<double> values) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(values):0.0} | {values.Min():0.0} | {values.Max():0.0} |"));

    /// <summary>The machine's load average over the last minute (Linux), or "n/a".</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CiteCheck.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (CiteCheck.slnx)");
    }
}
