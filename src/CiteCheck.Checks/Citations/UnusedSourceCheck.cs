using CiteCheck.Model;

namespace CiteCheck.Checks.Citations;

/// <summary>A bibliography entry or footnote definition that no citation refers to.</summary>
public sealed class UnusedSourceCheck : IDocumentCheck
{
    public static readonly DiagnosticDescriptor Rule = new("CC1003", "unused-source", "Source is never cited", Severity.Warning, "citations");

    public DiagnosticDescriptor Descriptor => Rule;

    public IEnumerable<Diagnostic> Run(Document document)
    {
        var cited = document.Citations.Select(c => c.SourceKey).ToHashSet();
        var fallback = new SourceSpan(document.File, new TextPosition(1, 1, 0), new TextPosition(1, 1, 0));
        foreach (var source in document.Bibliography.Entries.Concat(document.Bibliography.Footnotes))
        {
            if (!cited.Contains(source.Key))
            {
                var what = source.Number is null ? $"footnote [{source.Key}]" : $"source {source.Key}";
                yield return Rule.Create(source.Definition ?? fallback, $"{what} ({source.Publisher ?? "no publisher"}) is defined but never cited", source.Key);
            }
        }
    }
}
