using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CiteCheck.Compiler;
using CiteCheck.Tests.Cli;
using UglyToad.PdfPig;

namespace CiteCheck.Tests.Compiler;

/// <summary>
/// The edition is one set even when the process dies (docs/editions.md, docs/robustness.md "Kill runs"): real
/// <c>citecheck build</c> processes are killed with SIGKILL at random moments, and after each kill the folder holds a
/// whole, readable edition — the previous one or the new one, every file of one version (HTML that parses, a PDF that
/// PdfPig opens, check.json that parses) — or, for a kill between the two renames, no folder and the previous set
/// aside, which the next build puts back. No leftover trips the next build. The test kills 10 builds;
/// <c>tests/tools/kill-runs.sh</c> runs the same test with <c>CITECHECK_KILL_RUNS=60</c>.
/// </summary>
public class EditionKillTests
{
    private const string Name = "r";

    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("CITECHECK_KILL_RUNS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 10;

    [Fact]
    public void A_build_killed_at_any_moment_leaves_a_whole_previous_or_new_edition_and_the_next_build_succeeds()
    {
        using var folder = new TempFolder();
        var report = Path.Combine(folder.Path, "report.md");
        var parent = Path.Combine(folder.Path, "out");
        var edition = Path.Combine(parent, Name);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CITECHECK_KILL_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Environment.TickCount;
        var random = new Random(seed);
        var log = new StringBuilder().Append(CultureInfo.InvariantCulture, $"seed {seed}\n");

        // The first edition, built whole. The kills fall in a window as long as a whole build: the median of the last five
        // builds that ran to the end (the load of the machine changes it).
        File.WriteAllText(report, Report(0));
        var clock = Stopwatch.StartNew();
        var first = Build(report, edition, killAfter: null);
        var durations = new List<TimeSpan> { clock.Elapsed };
        Assert.True(first.ExitCode == 0, first.Output);
        var current = Validate(edition);
        Assert.Equal(0, current);

        var states = new Dictionary<string, int>(StringComparer.Ordinal);
        var killed = 0;
        var attempts = 0;
        var version = 0;
        while (killed < Kills && attempts < (Kills * 3) + 5)
        {
            attempts++;
            version++;
            File.WriteAllText(report, Report(version));
            // Half the kills anywhere in the build, half near its end, where the edition is written and swapped in.
            var window = Median(durations);
            var fraction = random.Next(2) == 0 ? random.NextDouble() : 0.85 + (random.NextDouble() * 0.2);
            clock.Restart();
            var result = Build(report, edition, window * fraction);
            if (!result.Killed)
            {
                durations.Add(clock.Elapsed);
                Assert.True(result.ExitCode == 0, result.Output);
                Assert.Equal(version, Validate(edition));
                current = version;
                Count(states, "finished before the kill");
                continue;
            }
            killed++;
            string state;
            if (Directory.Exists(edition))
            {
                var found = Validate(edition);
                Assert.True(found == current || found == version, $"kill {killed}: the folder holds version {found}, neither the previous {current} nor the new {version}");
                state = found == current ? "previous edition in place" : "new edition in place";
                current = found;
            }
            else
            {
                // Killed between "rename the previous edition aside" and "rename the new one in": the previous set is aside, whole.
                var aside = Directory.EnumerateDirectories(parent, $".{Name}.citecheck-old-*").ToList();
                Assert.True(aside.Count == 1, $"kill {killed}: no output folder and {aside.Count} set-aside folders: {string.Join(", ", Beside(parent))}");
                Assert.Equal(current, Validate(aside[0]));
                state = "no folder, previous edition set aside";
            }
            var leftovers = Beside(parent).Where(n => n != Name && n != $".{Name}.citecheck-lock").ToList();
            Count(states, leftovers.Count > 0 ? state + ", leftovers beside" : state);
            log.Append(CultureInfo.InvariantCulture, $"kill {killed} at {fraction:0.00} of the build: {state}; beside: {string.Join(", ", leftovers)}\n");

            // Every fifth kill, the next build runs to the end: nothing a killed build left trips it.
            if (killed % 5 == 0)
            {
                clock.Restart();
                var next = Build(report, edition, killAfter: null);
                durations.Add(clock.Elapsed);
                Assert.True(next.ExitCode == 0, $"after kill {killed}: {next.Output}");
                Assert.Equal(version, Validate(edition));
                current = version;
                Assert.Equal([$".{Name}.citecheck-lock", Name], Beside(parent));
            }
        }
        Assert.Equal(Kills, killed);

        version++;
        File.WriteAllText(report, Report(version));
        var last = Build(report, edition, killAfter: null);
        Assert.True(last.ExitCode == 0, last.Output);
        Assert.Equal(version, Validate(edition));
        Assert.Equal([$".{Name}.citecheck-lock", Name], Beside(parent));

        log.Append(CultureInfo.InvariantCulture, $"{killed} kills in {attempts} builds (window {Median(durations).TotalSeconds:0.0} s at the end): ")
            .AppendJoin("; ", states.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")).Append('\n');
        TestContext.Current.TestOutputHelper?.WriteLine(log.ToString());
        if (Environment.GetEnvironmentVariable("CITECHECK_KILL_LOG") is { Length: > 0 } logFile)
        {
            File.WriteAllText(logFile, log.ToString());
        }
    }

    [Fact]
    public void Eight_build_processes_into_one_folder_at_once_leave_one_whole_valid_edition()
    {
        using var folder = new TempFolder();
        var report = Path.Combine(folder.Path, "report.md");
        var parent = Path.Combine(folder.Path, "out");
        var edition = Path.Combine(parent, Name);
        File.WriteAllText(report, Report(8));

        var processes = Enumerable.Range(0, 8).Select(_ => Start(report, edition)).ToList();
        var results = processes.Select(p => Finish(p, killed: false)).ToList();

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.Equal(8, Validate(edition));
        Assert.Equal([$".{Name}.citecheck-lock", Name], Beside(parent));
    }

    /// <summary>A report of a few sections whose version shows in every file of its edition (a source's label, "Edition N").</summary>
    private static string Report(int version)
    {
        var text = new StringBuilder("# Kill runs\n\n");
        for (var i = 1; i <= 12; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## Section {i}\n\nOn May {i}, 2019, a riot in Varnok left {20 + i} inmates dead. Guards restored order by the evening. (Sources: [Reuters](https://example.org/{i}) [{i}])\n\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"The last paragraph names the edition. Source: [Edition {version}](#) [13]\n");
        return text.ToString();
    }

    /// <summary>
    /// Checks that a folder holds one whole edition of one version and returns that version: the marker lists exactly the
    /// files there, check.json and both HTML files parse, the PDF opens, and all four name the same edition.
    /// </summary>
    private static int Validate(string folder)
    {
        var files = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var marker = File.ReadAllLines(Path.Combine(folder, EditionWriter.Marker));
        Assert.Equal("CiteCheck edition", marker[0]);
        Assert.Equal(marker.Skip(1).Append(EditionWriter.Marker).Order(StringComparer.Ordinal), files);
        Assert.Equal(["check.json", "discrepancies.html", "report.html", "report.pdf"], marker.Skip(1).Order(StringComparer.Ordinal));

        var versions = new List<int>();
        var json = File.ReadAllText(Path.Combine(folder, "check.json"));
        using (JsonDocument.Parse(json))
        {
            versions.Add(VersionIn(json, "check.json"));
        }
        var parser = new HtmlParser();
        foreach (var page in new[] { "report.html", "discrepancies.html" })
        {
            var html = File.ReadAllText(Path.Combine(folder, page));
            Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
            using var document = parser.ParseDocument(html);
            Assert.NotNull(document.Body);
            Assert.NotEmpty(document.Body!.TextContent.Trim());
            if (page == "report.html")
            {
                versions.Add(VersionIn(document.Body.TextContent, page));
            }
        }
        using (var pdf = PdfDocument.Open(File.ReadAllBytes(Path.Combine(folder, "report.pdf"))))
        {
            Assert.True(pdf.NumberOfPages >= 1);
            versions.Add(VersionIn(string.Join(" ", pdf.GetPages().Select(p => p.Text)), "report.pdf"));
        }
        Assert.True(versions.Distinct().Count() == 1, $"{folder}: files of different editions: {string.Join(", ", versions)}");
        return versions[0];
    }

    private static int VersionIn(string text, string file)
    {
        // PdfPig's page text may run the words together ("Edition8"): the space is optional.
        var match = System.Text.RegularExpressions.Regex.Match(text, @"Edition\s*(\d+)");
        Assert.True(match.Success, $"{file}: no 'Edition N' in it");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string[] Beside(string parent) =>
        [.. Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    private static TimeSpan Median(List<TimeSpan> durations)
    {
        var last = durations.TakeLast(5).Order().ToList();
        return last[last.Count / 2];
    }

    private static void Count(Dictionary<string, int> states, string state) => states[state] = states.GetValueOrDefault(state) + 1;

    private sealed record Outcome(int ExitCode, bool Killed, string Output);

    private static Outcome Build(string report, string edition, TimeSpan? killAfter)
    {
        using var process = Start(report, edition);
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            // SIGKILL on Unix: no handler, no finally, no flush.
            process.Kill(entireProcessTree: true);
            return Finish(process, killed: true);
        }
        return Finish(process, killed: false);
    }

    private static Process Start(string report, string edition)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Citecheck, "build", report, "--out", edition, "--format", "html,pdf" })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        return process;
    }

    private static Outcome Finish(Process process, bool killed)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Outcome(process.ExitCode, killed, stdout.Result + stderr.Result);
    }

    /// <summary>
    /// The CLI as its own build wrote it (src/CiteCheck.Cli/bin/&lt;configuration&gt;/net10.0), built with the tests since they
    /// reference it. Not the copy beside the tests: that folder holds the test project's newer versions of shared
    /// dependencies (Microsoft.Extensions.Logging.Abstractions), under which PDFsharp's font setup fails in a separate process.
    /// </summary>
    private static string Citecheck { get; } = Path.Combine(
        Support.Repo.Root, "src", "CiteCheck.Cli", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "citecheck.dll");
}
