using System.Text.RegularExpressions;
using CiteCheck.Model;

namespace CiteCheck.Checks.Citations;

/// <summary>A paragraph or list item that states figures (numbers, dates) and cites nothing at all.</summary>
public sealed partial class UncitedClaimCheck : IDocumentCheck
{
    public static readonly DiagnosticDescriptor Rule = new("CC1009", "uncited-claim", "Figures with no citation", Severity.Info, "citations");

    public DiagnosticDescriptor Descriptor => Rule;

    public IEnumerable<Diagnostic> Run(Document document)
    {
        foreach (var block in document.Blocks)
        {
            if (block.Kind is not (BlockKind.Paragraph or BlockKind.ListItem or BlockKind.Quote) || block.Citations.Length > 0 || block.Claims.Length == 0)
            {
                continue;
            }
            var withFigure = block.Claims.FirstOrDefault(c => Figure().IsMatch(c.Text));
            if (withFigure is not null)
            {
                var figure = Figure().Match(withFigure.Text).Value;
                yield return Rule.Create(withFigure.Span, $"this {(block.Kind == BlockKind.ListItem ? "list item" : "paragraph")} states figures ('{figure}') but cites no source");
            }
        }
    }

    /// <summary>A number that does not open a bracket: "[1", "[ 1]", "[1a]" and "[-1]" are broken citations (malformed-citation), not figures.</summary>
    [GeneratedRegex(@"(?<!\[[ \t]*-?|\d)\d+")]
    private static partial Regex Figure();
}
