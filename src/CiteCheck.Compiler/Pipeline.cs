using System.Collections.Immutable;
using CiteCheck.Checks;
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
    public static readonly string[] BibliographyNames = ["sources.yaml", "sources.yml"];
    public static readonly string[] ReviewNames = ["review.yaml", "review.yml"];

    public static CheckedReport Compile(IHost host, string reportPath, CompileOptions? options = null)
    {
        options ??= new CompileOptions();
        var text = InputReader.ReadText(host, reportPath);
        if (string.IsNullOrWhiteSpace(text))
        {
            // A report of nothing is a truncated file or a wrong path far more often than a draft: CI must not pass it.
            throw new InputException(reportPath, null, text.Length == 0 ? "is empty: there is no report to check" : "holds only white space: there is no report to check");
        }
        var bibliography = ReadBibliography(host, reportPath, options);
        Timings.Mark("report and bibliography read");
        var parsed = ReportParser.Parse(reportPath, text, bibliography);
        Timings.Mark("parsed");
        var result = Check(host, parsed, reportPath, options);
        Timings.Mark("checked and cross-checked");
        return result;
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
        var discrepancies = CrossCheck.Run(document, facts);
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

    private static Bibliography? ReadBibliography(IHost host, string reportPath, CompileOptions options)
    {
        var path = options.SourcesFile ?? Beside(host, reportPath, BibliographyNames);
        if (path is null)
        {
            return null;
        }
        var text = InputReader.ReadText(host, path, "YAML");
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
