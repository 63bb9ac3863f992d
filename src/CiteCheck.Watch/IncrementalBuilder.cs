using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using CiteCheck.Checks.Figures;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;
using CiteCheck.Model;
using CiteCheck.Parsing;
using CiteCheck.Rendering;
using CiteCheck.Watch.Inputs;

namespace CiteCheck.Watch;

/// <summary>
/// Builds an edition again and again in one process, redoing only what an edit changed (docs/watch.md):
/// <list type="number">
/// <item>Files are read once and held in memory (<see cref="CachingHost"/>) until the watcher names them; the rest are not re-read.</item>
/// <item>When no input's content hash changed since the last build (a save of the same bytes, a touch), nothing runs.</item>
/// <item>The bibliography is re-read only when its hash changed; the report is re-parsed only when its own hash or the
/// bibliography's changed (an edit of review.yaml or of a template reuses the parsed report).</item>
/// <item>The checks, the cross-check and the renderers run on the (new or reused) model; templates and fonts come from memory.</item>
/// </list>
/// A build that cannot finish (unreadable input, a template error) writes nothing and keeps the last good edition.
/// </summary>
public sealed class IncrementalBuilder(CachingHost host, WatchOptions options)
{
    private static readonly ConditionalWeakTable<byte[], string> Hashes = [];

    private IReadOnlyDictionary<string, string>? _fingerprint;
    private (string Key, BibliographyRead Value)? _bibliography;
    private (string Key, ParseResult Value)? _parsed;
    private int _edition;

    /// <summary>What the cross-check read from each claim's text: an edit re-reads only the claims it changed.</summary>
    private readonly FactCache _facts = new();

    /// <summary>The files this session wrote last: a rebuild writes only those whose bytes changed.</summary>
    private IReadOnlyList<EditionFile>? _written;

    /// <summary>The full paths of the last build's inputs (read, or looked for and absent): what the watcher watches.</summary>
    public IReadOnlyCollection<string> Inputs => _fingerprint?.Keys.ToList() ?? [host.GetFullPath(options.ReportPath)];

    /// <summary>What the cross-check keeps of each claim between builds (tests count its entries).</summary>
    public FactCache Facts => _facts;

    /// <summary>The number of the last good edition (0 before the first).</summary>
    public int Edition => _edition;

    /// <summary>Builds after the given files changed (none: the first build, or a forced one).</summary>
    public BuildOutcome Build(IReadOnlyCollection<string> changed, bool force = false)
    {
        var total = Stopwatch.StartNew();
        var cpu = ProcessorTime();
        host.Invalidate(changed);
        if (!force && _fingerprint is { } last && Unchanged(last))
        {
            return new BuildOutcome(BuildStatus.Unchanged, _edition, null, [], [], new BuildTimings(total.Elapsed.TotalMilliseconds, 0, 0, 0, 0), false);
        }
        var timings = new Stopwatch();
        double parse = 0, check = 0, render = 0;
        var reused = false;
        CheckedReport? report = null;
        var files = new List<EditionFile>();
        var errors = new List<string>();
        host.BeginRecording();
        IReadOnlyDictionary<string, InputState> seen;
        try
        {
            timings.Start();
            (var parsed, reused) = Parse();
            parse = timings.Elapsed.TotalMilliseconds;
            timings.Restart();
            report = Pipeline.Check(host, parsed, options.ReportPath, options.Compile, _facts);
            check = timings.Elapsed.TotalMilliseconds;
            timings.Restart();
            var edition = options.Edition with { BuildTime = host.Now };
            foreach (var format in options.Formats)
            {
                var renderer = Editions.Find(format) ?? throw new InputException(format, null, $"unknown edition format '{format}'");
                files.AddRange(renderer.Render(report, edition, host));
            }
            files.Add(new EditionFile("check.json", JsonOutput.WriteUtf8(report).ToArray()));
            render = timings.Elapsed.TotalMilliseconds;
        }
        catch (InputException e)
        {
            errors.Add($"citecheck: error: {Credentials.Hide(e.ToString())}");
        }
        catch (RenderException e)
        {
            errors.Add($"citecheck: error: {e}");
        }
        catch (EditionVerificationException e)
        {
            errors.AddRange(e.Diagnostics.Select(TextOutput.Line));
            errors.Add($"citecheck: internal error: {e.Message}");
        }
        finally
        {
            seen = host.EndRecording();
        }
        // A failed build may have stopped before reading some inputs: keep watching the last build's too.
        _fingerprint = Fingerprint(seen, errors.Count > 0 ? _fingerprint : null);
        if (errors.Count > 0)
        {
            return new BuildOutcome(BuildStatus.Failed, _edition, report, [], errors, new BuildTimings(total.Elapsed.TotalMilliseconds, parse, check, render, 0), reused);
        }
        timings.Restart();
        IReadOnlyList<string> written;
        try
        {
            // Checks the folder as build does (under the folder's lock), and writes only what changed when it holds the last edition.
            written = EditionWriter.WriteChanged(host, options.OutDirectory, files, _written);
        }
        catch (OutputException e)
        {
            errors.Add($"citecheck: error: {Credentials.Hide(e.ToString())}");
            return new BuildOutcome(BuildStatus.Failed, _edition, report, [], errors, new BuildTimings(total.Elapsed.TotalMilliseconds, parse, check, render, timings.Elapsed.TotalMilliseconds), reused);
        }
        var write = timings.Elapsed.TotalMilliseconds;
        _written = files;
        _edition++;
        return new BuildOutcome(BuildStatus.Built, _edition, report, files, [], new BuildTimings(total.Elapsed.TotalMilliseconds, parse, check, render, write) { Cpu = ProcessorTime() - cpu }, reused) { Written = written, ClaimsRead = _facts.LastFreshReadings };
    }

    /// <summary>Reads and parses the report and its bibliography as <see cref="Pipeline.Compile"/> does, reusing what has the same hash.</summary>
    private (ParseResult Parsed, bool Reused) Parse()
    {
        var text = InputReader.ReadText(host, options.ReportPath);
        var key = new StringBuilder().Append(HashOf(options.ReportPath));
        BibliographyRead? bibliography = null;
        var bibliographyPath = Pipeline.FindBibliography(host, options.ReportPath, options.Compile);
        if (bibliographyPath is not null)
        {
            // Read every build (from memory unless it changed), so the file stays one of the inputs the watcher watches.
            var bibliographyText = InputReader.ReadText(host, bibliographyPath, BibliographyReader.FormatName(bibliographyPath));
            var bibliographyKey = host.GetFullPath(bibliographyPath) + ":" + HashOf(bibliographyPath);
            if (_bibliography is not { } held || held.Key != bibliographyKey)
            {
                _bibliography = (bibliographyKey, BibliographyReader.Read(bibliographyPath, bibliographyText));
            }
            bibliography = _bibliography.Value.Value;
            key.Append('|').Append(bibliographyKey);
        }
        var parseKey = key.ToString();
        if (_parsed is { } parsed && parsed.Key == parseKey)
        {
            return (parsed.Value, true);
        }
        var result = ReportParser.Parse(options.ReportPath, text, bibliography?.Bibliography).With(bibliography);
        _parsed = (parseKey, result);
        return (result, false);
    }

    /// <summary>The processor time this process has used, in milliseconds (all its threads).</summary>
    private static double ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private string HashOf(string path) => Hash(host.Peek(host.GetFullPath(path)) ?? []);

    /// <summary>The SHA-256 of some bytes, computed once per array (the host hands out the same array until the file changes).</summary>
    public static string Hash(byte[] bytes) => Hashes.GetValue(bytes, b => Convert.ToHexString(SHA256.HashData(b)));

    private const string Absent = "absent";
    private const string Present = "present";

    private static Dictionary<string, string> Fingerprint(IReadOnlyDictionary<string, InputState> seen, IReadOnlyDictionary<string, string>? previous)
    {
        var fingerprint = new Dictionary<string, string>(CachingHost.PathComparer);
        foreach (var (path, state) in seen)
        {
            fingerprint[path] = state.Bytes is { } bytes ? Hash(bytes) : state.Exists ? Present : Absent;
        }
        foreach (var (path, hash) in previous ?? new Dictionary<string, string>())
        {
            fingerprint.TryAdd(path, hash);
        }
        return fingerprint;
    }

    /// <summary>Whether every input is as the last build saw it (a file re-read only when the watcher named it).</summary>
    private bool Unchanged(IReadOnlyDictionary<string, string> fingerprint)
    {
        foreach (var (path, expected) in fingerprint)
        {
            var now = expected switch
            {
                Absent or Present => host.Peek(path) is null ? Absent : Present,
                _ => host.Peek(path) is { } bytes ? Hash(bytes) : Absent,
            };
            if (now != expected)
            {
                return false;
            }
        }
        return true;
    }
}

public enum BuildStatus
{
    /// <summary>A new edition was written.</summary>
    Built,

    /// <summary>No input's content changed: nothing ran.</summary>
    Unchanged,

    /// <summary>The build could not finish (unreadable input, template error); the last good edition stays.</summary>
    Failed,
}

/// <summary>
/// One build's outcome: its status, the number of the last good edition, the checked report (when the pipeline got that
/// far), the edition's files (when written), the error lines of a failed build, and where the time went.
/// </summary>
public sealed record BuildOutcome(
    BuildStatus Status,
    int Edition,
    CheckedReport? Report,
    IReadOnlyList<EditionFile> Files,
    IReadOnlyList<string> Errors,
    BuildTimings Timings,
    bool ParseReused)
{
    /// <summary>The files of the edition written to disk by this build: only those whose bytes changed since the last one.</summary>
    public IReadOnlyList<string> Written { get; init; } = [];

    /// <summary>How many claims the cross-check read afresh (the others came from the session's cache).</summary>
    public int ClaimsRead { get; init; }
}

/// <summary>Milliseconds: the whole build, then reading and parsing, the checks, rendering, and writing the edition.</summary>
public sealed record BuildTimings(double Total, double Parse, double Check, double Render, double Write)
{
    /// <summary>The processor time of the whole process (every thread: the build, the garbage collector, the JIT, the server) over a build that wrote an edition.</summary>
    public double Cpu { get; init; }
}
