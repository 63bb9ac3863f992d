using System.Diagnostics;
using System.Globalization;
using CiteCheck.Tests.Cli;

namespace CiteCheck.Tests.BadInput;

/// <summary>
/// Runs one bad-input case and checks what every case must show (docs/robustness.md, "Bad input"): the run finishes
/// (a generous hang guard, never a performance assertion), no stack trace or "bug" line on either stream, and the output
/// folder holds a whole edition or nothing at all. In process by default; as a child process where the case needs an
/// exit code from a real process, its peak memory, or a stack that a regression could overflow.
/// </summary>
internal sealed class BadInputKit : IDisposable
{
    /// <summary>A hang guard only: far above any case's run time, so that a hang fails instead of stalling the suite.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    /// <summary>The hang guard of the cases about size (a 5 MB line), which take tens of seconds on a loaded machine.</summary>
    public static readonly TimeSpan SizeHangGuard = TimeSpan.FromSeconds(240);

    public string Folder { get; } = Directory.CreateTempSubdirectory("citecheck-bad-input-").FullName;

    /// <summary>The output folder the build cases write to (relative to <see cref="Folder"/>).</summary>
    public const string Out = "out";

    public string OutPath => Path.Combine(Folder, Out);

    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return name;
    }

    /// <summary>Copies a case file of BadInput/Cases into the case's folder under <paramref name="name"/>.</summary>
    public string Case(string caseFile, string name) => Write(name, File.ReadAllBytes(Support.Repo.Path("tests", "CiteCheck.Tests", "BadInput", "Cases", caseFile)));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A mount that could not be undone keeps its folder; the system's temporary folder is cleaned anyway.
        }
    }

    /// <summary>The command line in process, relative paths taken from the case's folder, with the hang guard.</summary>
    public CliResult Run(params string[] args)
    {
        var run = Task.Run(() => CliRun.In(Folder, args));
        Assert.True(run.Wait(HangGuard), $"citecheck {string.Join(' ', args)} did not finish within the {HangGuard.TotalSeconds:0} s hang guard");
        var result = run.Result;
        AssertNoStackTrace(result.Out, result.Error);
        return result;
    }

    /// <summary>The built citecheck in a child process: exit code, output and its peak resident memory (VmHWM, polled).</summary>
    public ChildResult RunChild(TimeSpan hangGuard, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "citecheck.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project references the CLI, whose output it copies");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var clock = Stopwatch.StartNew();
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakResidentBytes(process.Id));
            if (clock.Elapsed > hangGuard)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"citecheck {string.Join(' ', args)} did not finish within the {hangGuard.TotalSeconds:0} s hang guard");
            }
        }
        var result = new ChildResult(process.ExitCode, stdout.Result.Replace("\r\n", "\n", StringComparison.Ordinal), stderr.Result.Replace("\r\n", "\n", StringComparison.Ordinal), peak);
        AssertNoStackTrace(result.Out, result.Error);
        return result;
    }

    /// <summary>The high-water mark of a process's resident memory from /proc (0 where there is no /proc or it has exited).</summary>
    private static long PeakResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // Exited between the poll and the read.
        }
        return 0;
    }

    public static void AssertNoStackTrace(string stdout, string stderr)
    {
        foreach (var (name, text) in new[] { ("stdout", stdout), ("stderr", stderr) })
        {
            Assert.False(text.Contains("   at ", StringComparison.Ordinal), $"a stack trace on {name}:\n{text}");
            Assert.False(text.Contains("Exception", StringComparison.Ordinal), $"an exception on {name}:\n{text}");
            Assert.False(text.Contains("internal error", StringComparison.Ordinal), $"'internal error' on {name}:\n{text}");
            Assert.False(text.Contains("this is a bug", StringComparison.Ordinal), $"'this is a bug' on {name}:\n{text}");
        }
    }

    /// <summary>
    /// Exit 2 and an error line that names the file (with its line when given) and says <paramref name="what"/>;
    /// every other line on standard error is CiteCheck's own (the "nothing was written" line of a build).
    /// </summary>
    public static void AssertRefused(int exitCode, string stderr, string file, int? line, string what, int? column = null)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(exitCode == 2, $"exit {exitCode}, expected 2; stderr:\n{stderr}");
        Assert.NotEmpty(lines);
        var prefix = (line, column) switch
        {
            ({ } l, { } c) => $"citecheck: error: {file}({l},{c}): ",
            ({ } l, null) => $"citecheck: error: {file}({l}): ",
            _ => $"citecheck: error: {file}: ",
        };
        Assert.True(lines[0].StartsWith(prefix, StringComparison.Ordinal), $"expected the first line to start with '{prefix}', got:\n{stderr}");
        Assert.Contains(what, lines[0], StringComparison.Ordinal);
        Assert.All(lines, l2 => Assert.StartsWith("citecheck: ", l2, StringComparison.Ordinal));
        Assert.True(lines.Length <= 2, $"more than the error line and its 'nothing was written' line:\n{stderr}");
    }

    /// <summary>A refused build wrote nothing: no output folder, no staging or set-aside folder and no temporary file beside it.</summary>
    public void AssertNothingWritten()
    {
        Assert.False(Directory.Exists(OutPath), $"{OutPath} was created by a build that failed");
        AssertNoLeftovers();
    }

    /// <summary>A finished build left one whole edition: the marker, every file it lists, and nothing beside the folder.</summary>
    public void AssertWholeEdition(params string[] expected)
    {
        var marker = Path.Combine(OutPath, ".citecheck-edition");
        Assert.True(File.Exists(marker), $"no {marker}: the edition is not whole");
        var listed = File.ReadAllLines(marker).Skip(1).Where(l => l.Length > 0).ToList();
        foreach (var name in expected)
        {
            Assert.Contains(name, listed);
        }
        foreach (var name in listed)
        {
            Assert.True(File.Exists(Path.Combine(OutPath, name)) && new FileInfo(Path.Combine(OutPath, name)).Length > 0, $"{name} is listed but missing or empty");
        }
        Assert.Equal([.. listed.Append(".citecheck-edition").Order(StringComparer.Ordinal)], Directory.GetFiles(OutPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        AssertNoLeftovers();
    }

    private void AssertNoLeftovers()
    {
        var beside = Directory.GetFileSystemEntries(Folder, $".{Out}.citecheck-*").Select(Path.GetFileName).Where(n => n != $".{Out}.citecheck-lock").ToList();
        Assert.True(beside.Count == 0, "left beside the output folder: " + string.Join(", ", beside));
        var temporaries = Directory.GetFiles(Folder, "*.tmp", SearchOption.AllDirectories);
        Assert.True(temporaries.Length == 0, "temporary files left: " + string.Join(", ", temporaries));
    }
}

public sealed record ChildResult(int ExitCode, string Out, string Error, long PeakBytes);
