using CiteCheck.Checks;
using CiteCheck.Checks.Figures;
using CiteCheck.Checks.Links;
using CiteCheck.Model;
using CiteCheck.Parsing;
using CiteCheck.Rendering.Html.Verification;

namespace CiteCheck.Compiler;

/// <summary>
/// Every rule CiteCheck reports, in id order. Each stage declares its rules next to the check that reports them and lists
/// them in its own <c>XxxRules.All</c>; this is the one place that gathers those lists, the lowest project that sees every
/// stage. <c>docs/diagnostics.md</c>, the SARIF rules table and <c>citecheck rules</c> are all read from it (tests keep
/// the page and the registry in step, and ids and names unique). A new stage adds its list here.
/// </summary>
public static class RuleRegistry
{
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        .. new IReadOnlyList<DiagnosticDescriptor>[] { ParsingRules.All, CitationRules.All, FigureRules.All, LinkRules.All, HtmlRules.All }
            .SelectMany(rules => rules)
            .OrderBy(rule => rule.Id, StringComparer.Ordinal),
    ];

}
