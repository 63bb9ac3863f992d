using CiteCheck.Model;

namespace CiteCheck.Checks.Citations;

/// <summary>A citation whose link target is empty or '#': the reader cannot reach the source.</summary>
public sealed class PlaceholderLinkCheck : IDocumentCheck
{
    public static readonly DiagnosticDescriptor Rule = new("CC1001", "placeholder-link", "Citation link is a placeholder", Severity.Error, "citations");

    public DiagnosticDescriptor Descriptor => Rule;

    public IEnumerable<Diagnostic> Run(Document document) =>
        from c in document.Citations
        where c.Style == CitationStyle.NumberedLink && IsPlaceholder(c.Target)
        select Rule.Create(
            c.TargetSpan ?? c.Span,
            $"source {c.SourceKey} ({c.Label}) links to '{(string.IsNullOrEmpty(c.Target) ? "" : c.Target)}', a placeholder; give the source's URL"
                + (document.Bibliography.Find(c.SourceKey)?.Url is { } url ? $" ('{url}' in the bibliography)" : ""),
            c.SourceKey);

    public static bool IsPlaceholder(string? target) => string.IsNullOrWhiteSpace(target) || target.Trim() == "#";
}
