using CiteCheck.Model;

namespace CiteCheck.Rendering.Html.Verification;

/// <summary>
/// The rules the HTML edition checks its own output against (CC4xxx, rendering). Each is an error: a failure is a bug in
/// CiteCheck, not in the report.
/// </summary>
public static class HtmlRules
{
    private const string Stage = "rendering";

    public static readonly DiagnosticDescriptor BrokenInternalLink = new("CC4001", "broken-internal-link", "Internal link does not resolve to an element id", Severity.Error, Stage);

    public static readonly DiagnosticDescriptor DuplicateId = new("CC4002", "duplicate-id", "Element id is used more than once", Severity.Error, Stage);

    public static readonly DiagnosticDescriptor CitationNotRendered = new("CC4003", "citation-not-rendered", "Citation is not rendered as a link to its bibliography entry", Severity.Error, Stage);

    public static readonly DiagnosticDescriptor SourceNotInBibliography = new("CC4004", "source-not-in-bibliography", "Cited source has no bibliography entry", Severity.Error, Stage);

    public static readonly DiagnosticDescriptor UnsafeMarkup = new("CC4005", "unsafe-markup", "Output holds a script, an event handler or a non-http(s) link", Severity.Error, Stage);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [BrokenInternalLink, DuplicateId, CitationNotRendered, SourceNotInBibliography, UnsafeMarkup];
}
