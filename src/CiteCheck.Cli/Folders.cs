using System.CommandLine;
using System.Globalization;
using CiteCheck.Compiler;
using CiteCheck.Model;

namespace CiteCheck.Cli;

/// <summary>
/// A folder given where a report belongs: every report in it is handled, in parallel on the available cores, each as
/// if it had been named alone (its own configuration, its own output folder), and the outputs are printed in the
/// reports' order, followed by one combined line. The exit code is the worst of the reports' (docs/configuration.md).
/// </summary>
public static class Folders
{
    /// <summary>The commands that take a folder of reports.</summary>
    public static readonly string[] Commands = ["check", "build", "discrepancies", "links"];

    /// <summary>
    /// The reports of a folder: every report.md or index.md in it or in a folder below it (node_modules, out and hidden
    /// folders left out), or, when there is none, every .md file directly in it; in ordinal order of path.
    /// </summary>
    public static List<string> Reports(IHost host, string folder)
    {
        var found = new List<string>();
        Walk(host, folder, found);
        if (found.Count == 0)
        {
            found.AddRange(host.EnumerateFiles(folder, "*.md"));
        }
        // Named from the folder as the user gave it (reports/a/report.md), not from the file system's root.
        var full = host.GetFullPath(folder);
        var named = found
            .Select(f => Path.GetRelativePath(full, host.GetFullPath(f)))
            .Select(relative => folder is "." or "./" ? relative : Path.Combine(folder, relative))
            .ToList();
        named.Sort(StringComparer.Ordinal);
        return named;
    }

    private static void Walk(IHost host, string folder, List<string> found)
    {
        found.AddRange(host.EnumerateFiles(folder, "*.md").Where(f => Path.GetFileName(f) is "report.md" or "index.md"));
        foreach (var sub in host.EnumerateDirectories(folder, "*"))
        {
            var name = Path.GetFileName(sub);
            if (!name.StartsWith('.') && name is not ("node_modules" or "out" or "bin" or "obj"))
            {
                Walk(host, sub, found);
            }
        }
    }

    /// <summary>Runs <paramref name="args"/> once per report of <paramref name="folder"/>; <paramref name="reportIndex"/> is where the folder stands in it.</summary>
    public static int Run(string[] args, int reportIndex, string folder, Command command, TextWriter stdout, TextWriter stderr, IHost host)
    {
        if (Refusal(args, command) is { } refusal)
        {
            stderr.WriteLine($"citecheck: error: {refusal}");
            return ExitCodes.BadInput;
        }
        var reports = Reports(host, folder);
        if (reports.Count == 0)
        {
            stderr.WriteLine($"citecheck: error: {folder}: holds no report (no report.md or index.md in it or below it, no .md file in it)");
            return ExitCodes.BadInput;
        }
        var runs = new (int Code, string Out, string Error)[reports.Count];
        var outIndex = Array.IndexOf(args, "--out");
        Parallel.For(0, reports.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var one = (string[])args.Clone();
            one[reportIndex] = reports[i];
            if (outIndex >= 0 && outIndex + 1 < one.Length)
            {
                // --out DIR with a folder: each report's edition goes to DIR/<its default name>.
                one[outIndex + 1] = Path.Combine(args[outIndex + 1], Path.GetFileName(Builder.DefaultOutDirectory(reports[i])));
            }
            var o = new StringWriter();
            var e = new StringWriter();
            var code = CommandLine.Run(one, o, e, host);
            runs[i] = (code, o.ToString(), e.ToString());
        });
        foreach (var (_, output, error) in runs)
        {
            stdout.Write(output);
            stdout.Flush();
            stderr.Write(error);
        }
        var worst = runs.Max(r => r.Code);
        stdout.WriteLine(Summary(runs.Select(r => r.Code).ToList()));
        return worst;
    }

    /// <summary>"3 reports: 2 passed, 1 with findings at or above --fail-on", the combined line after the reports' own.</summary>
    public static string Summary(IReadOnlyList<int> codes)
    {
        string Count(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n} {what}");
        var parts = new List<string> { Count(codes.Count(c => c == ExitCodes.Ok), "passed") };
        var findings = codes.Count(c => c == ExitCodes.Findings);
        if (findings > 0)
        {
            parts.Add(Count(findings, "with findings at or above --fail-on"));
        }
        var bad = codes.Count(c => c == ExitCodes.BadInput);
        if (bad > 0)
        {
            parts.Add(Count(bad, "unreadable"));
        }
        var other = codes.Count(c => c > ExitCodes.BadInput);
        if (other > 0)
        {
            parts.Add(Count(other, "failed with an internal error"));
        }
        return string.Create(CultureInfo.InvariantCulture, $"{codes.Count} {(codes.Count == 1 ? "report" : "reports")}: {string.Join(", ", parts)}");
    }

    /// <summary>What a folder cannot be combined with: one output file, and formats that are one document per report.</summary>
    private static string? Refusal(string[] args, Command command)
    {
        if (args.Any(a => a is "--output" or "-o" || a.StartsWith("--output=", StringComparison.Ordinal)))
        {
            return $"{command.Name} --output writes one report's findings: with a folder of reports, leave it out (the findings go to standard output) or name one report";
        }
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (command.Name != "build" && args[i] is "--format" or "-f" && args[i + 1].Trim().ToLowerInvariant() is "json" or "sarif")
            {
                return $"{command.Name} --format {args[i + 1]} writes one document per report: with a folder of reports, use text, github or markdown, or name one report";
            }
        }
        return null;
    }

    /// <summary>Where the report argument stands in <paramref name="args"/>: the first word equal to its value that is not an option's value.</summary>
    public static int IndexOf(string[] args, string value, Command command)
    {
        var takesValue = command.Options.Where(o => o.ValueType != typeof(bool)).SelectMany(o => o.Aliases.Append(o.Name)).Append("--config").ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == value && (i == 0 || !takesValue.Contains(args[i - 1])))
            {
                return i;
            }
        }
        return -1;
    }
}
