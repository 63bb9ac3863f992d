using System.Collections.Immutable;
using CiteCheck.Checks;
using CiteCheck.Checks.Citations;
using CiteCheck.Checks.Figures;
using CiteCheck.Model;
using CiteCheck.Parsing;

namespace CiteCheck.Compiler;

/// <summary>
/// The pipeline: read (host) → parse (Markdig → model) → checks (citations, figures) → reviews.
/// Renderers and output formats take the <see cref="CheckedReport"/> it returns.
/// Problems in the report are diagnostics; input that cannot be read at all is an <see cref="InputException"/>.
/// </summary>
public static class Pipeline
{
    public static readonly string[] ReviewNames = ["review.yaml", "review.yml"];

    public static CheckedReport Compile(IHost host, string reportPath, CompileOptions? options = null)
    {
        options ??= new CompileOptions();
        var parsed = Parse(host, reportPath, options);
        var result = Check(host, parsed, reportPath, options);
        StageMemory.Release(parsed.Document.Blocks.Sum(b => b.Text.Length));
        Timings.Mark("checked and cross-checked");
        return result;
    }

    /// <summary>
    /// What <c>citecheck links</c> needs before its requests: the report and its bibliography read and parsed, and the
    /// placeholder links (CC1001, which are not URLs) found. No other check, no figure cross-check and no review file:
    /// <c>links</c> prints link findings alone (<see cref="LinkStage.LinkFindingsOnly"/>), so their work would be dropped.
    /// </summary>
    public static CheckedReport CompileForLinks(IHost host, string reportPath, CompileOptions? options = null)
    {
        options ??= new CompileOptions();
        var parsed = Parse(host, reportPath, options);
        var result = options.Rules.Apply(new CheckedReport(parsed.Document, Sort(new PlaceholderLinkCheck().Run(parsed.Document)), []));
        Timings.Mark("placeholder links found");
        return result;
    }

    private static ParseResult Parse(IHost host, string reportPath, CompileOptions options)
    {
        var text = InputReader.ReadText(host, reportPath);
        if (string.IsNullOrWhiteSpace(text))
        {
            // A report of nothing is a truncated file or a wrong path far more often than a draft: CI must not pass it.
            throw new InputException(reportPath, null, text.Length == 0 ? "is empty: there is no report to check" : "holds only white space: there is no report to check");
        }
        var bibliography = FindBibliography(host, reportPath, options) is { } path ? ReadBibliography(host, path) : null;
        Timings.Mark("report and bibliography read");
        var parsed = ReportParser.Parse(reportPath, text, bibliography?.Bibliography).With(bibliography);
        StageMemory.Release(text.Length);
        Timings.Mark("parsed");
        return parsed;
    }

    /// <summary>
    /// Runs the checks over an already parsed document (used by tests and benchmarks too). A watch session passes its
    /// <paramref name="facts"/> cache so the cross-check re-reads only the claims an edit changed; the result is the same.
    /// </summary>
    public static CheckedReport Check(IHost host, ParseResult parsed, string reportPath, CompileOptions options, FactCache? facts = null)
    {
        var document = parsed.Document;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        diagnostics.AddRange(parsed.Diagnostics);
        foreach (var check in CitationChecks.All)
        {
            diagnostics.AddRange(check.Run(document));
        }
        Timings.Mark("citation checks");
        var discrepancies = CrossCheck.Run(document, facts);
        Timings.Mark("cross-check");
        var reviewFile = options.ReviewFile ?? Beside(host, reportPath, ReviewNames);
        if (reviewFile is not null)
        {
            var reviews = ReviewReader.Read(reviewFile, InputReader.ReadText(host, reviewFile, "YAML"));
            (discrepancies, var stale) = Reviews.Apply(discrepancies, reviews);
            diagnostics.AddRange(stale);
        }
        diagnostics.AddRange(discrepancies.Select(FigureRules.ToDiagnostic));
        return options.Rules.Apply(new CheckedReport(document, Sort(diagnostics), discrepancies));
    }

    public static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
    [
        .. diagnostics
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal),
    ];

    /// <summary>
    /// The report's bibliography file: <c>--sources</c> when given; else the one file beside the report named
    /// sources.yaml, sources.yml, sources.json, sources.csl.json or after the report (report.csl.json for report.md);
    /// null when there is none. Two such files beside the report
    /// are refused (exit 2) naming both: CiteCheck does not choose between two bibliographies that may disagree.
    /// </summary>
    public static string? FindBibliography(IHost host, string reportPath, CompileOptions options)
    {
        if (options.SourcesFile is { } given)
        {
            return given;
        }
        var directory = Path.GetDirectoryName(reportPath) ?? "";
        var found = BibliographyReader.NamesBeside(reportPath).Select(name => Path.Combine(directory, name)).Where(host.FileExists).ToList();
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new InputException(reportPath, null,
                $"has {found.Count} bibliographies beside it, {string.Join(" and ", found.Select(Path.GetFileName))}: " +
                "CiteCheck reads one; remove the others, or name the one to read with --sources"),
        };
    }

    /// <summary>Reads a bibliography file in the format its name or content says (YAML or CSL-JSON; docs/sources.md).</summary>
    public static BibliographyRead ReadBibliography(IHost host, string path)
    {
        var text = InputReader.ReadText(host, path, BibliographyReader.FormatName(path));
        return BibliographyReader.Read(path, text);
    }

    public static string? Beside(IHost host, string reportPath, IEnumerable<string> names)
    {
        var directory = Path.GetDirectoryName(reportPath);
        foreach (var name in names)
        {
            var candidate = string.IsNullOrEmpty(directory) ? name : Path.Combine(directory, name);
            if (host.FileExists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
