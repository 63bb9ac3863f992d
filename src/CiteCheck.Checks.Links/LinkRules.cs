using CiteCheck.Checks.Links.Classification;
using CiteCheck.Checks.Links.Figures;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links;

/// <summary>Every rule the link checker reports, in id order; each is declared next to the classifier or check that reports it.</summary>
public static class LinkRules
{
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        LinkClassifier.BrokenLink,
        LinkClassifier.UnreachableLink,
        Soft404Classifier.Rule,
        TitleMatcher.Rule,
        LinkClassifier.BlockedLink,
        LinkClassifier.RedirectedLink,
        FigureSupportCheck.Rule,
        LinkClassifier.ResponseTooLarge,
        LinkClassifier.UnreadableResponse,
    ];
}
