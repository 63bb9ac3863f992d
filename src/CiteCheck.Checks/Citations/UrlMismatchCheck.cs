using CiteCheck.Model;

namespace CiteCheck.Checks.Citations;

/// <summary>A citation whose link differs from the bibliography's URL for that number (placeholders are another rule's business).</summary>
public sealed class UrlMismatchCheck : IDocumentCheck
{
    public static readonly DiagnosticDescriptor Rule = new("CC1005", "url-mismatch", "Citation link differs from the bibliography", Severity.Error, "citations");

    public DiagnosticDescriptor Descriptor => Rule;

    public IEnumerable<Diagnostic> Run(Document document)
    {
        foreach (var c in document.Citations)
        {
            if (c.Style != CitationStyle.NumberedLink || PlaceholderLinkCheck.IsPlaceholder(c.Target))
            {
                continue;
            }
            var url = document.Bibliography.Find(c.SourceKey)?.Url;
            if (url is not null && !Same(url, c.Target!))
            {
                yield return Rule.Create(c.TargetSpan ?? c.Span, $"source {c.SourceKey} ({c.Label}) links to '{c.Target}' but the bibliography gives '{url}'", c.SourceKey);
            }
        }
    }

    private static bool Same(string a, string b) =>
        string.Equals(a.Trim().TrimEnd('/'), b.Trim().TrimEnd('/'), StringComparison.Ordinal);
}
