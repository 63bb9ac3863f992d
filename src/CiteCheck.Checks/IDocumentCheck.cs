using CiteCheck.Model;

namespace CiteCheck.Checks;

/// <summary>One check: a pure function of the document. Its rule is declared next to it.</summary>
public interface IDocumentCheck
{
    DiagnosticDescriptor Descriptor { get; }

    IEnumerable<Diagnostic> Run(Document document);
}

/// <summary>Every citation check, in id order.</summary>
public static class CitationChecks
{
    public static IReadOnlyList<IDocumentCheck> All { get; } =
    [
        new Citations.PlaceholderLinkCheck(),
        new Citations.UndefinedSourceCheck(),
        new Citations.UnusedSourceCheck(),
        new Citations.LabelMismatchCheck(),
        new Citations.UrlMismatchCheck(),
        new Citations.NumberingGapCheck(),
        new Citations.NumberingOrderCheck(),
        new Citations.UncitedClaimCheck(),
    ];
}

/// <summary>Every rule the citation checks report, in id order (CC1008 <c>malformed-citation</c> is the parser's, in <c>ParsingRules</c>).</summary>
public static class CitationRules
{
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [.. CitationChecks.All.Select(c => c.Descriptor)];
}
