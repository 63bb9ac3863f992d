using CiteCheck.Model;

namespace CiteCheck.Checks.Citations;

/// <summary>A cited number or footnote that the bibliography (when there is one) or the footnote definitions do not define.</summary>
public sealed class UndefinedSourceCheck : IDocumentCheck
{
    public static readonly DiagnosticDescriptor Rule = new("CC1002", "undefined-source", "Cited source is not defined", Severity.Error, "citations");

    public DiagnosticDescriptor Descriptor => Rule;

    public IEnumerable<Diagnostic> Run(Document document)
    {
        var bibliography = document.Bibliography;
        foreach (var c in document.Citations)
        {
            var defined = bibliography.Find(c.SourceKey) is not null;
            if (defined)
            {
                continue;
            }
            if (c.Style == CitationStyle.Footnote)
            {
                yield return Rule.Create(c.Span, $"footnote [{c.SourceKey}] is cited but never defined", c.SourceKey);
            }
            else if (bibliography.Declared)
            {
                yield return Rule.Create(c.Span, $"source {c.SourceKey} ({c.Label}) is not in the bibliography {Path.GetFileName(bibliography.File)}", c.SourceKey);
            }
        }
    }
}
