using CiteCheck.Model;

namespace CiteCheck.Checks.Citations;

/// <summary>Sources are numbered in order of first citation: a number first cited after a higher one is out of order.</summary>
public sealed class NumberingOrderCheck : IDocumentCheck
{
    public static readonly DiagnosticDescriptor Rule = new("CC1007", "numbering-order", "A source is first cited after a higher number", Severity.Warning, "citations");

    public DiagnosticDescriptor Descriptor => Rule;

    public IEnumerable<Diagnostic> Run(Document document)
    {
        var seen = new HashSet<int>();
        var highest = 0;
        Citation? highestAt = null;
        foreach (var c in document.Citations.Where(c => c.Style == CitationStyle.NumberedLink && c.Number is not null).OrderBy(c => c.Span.Start.Offset))
        {
            var n = c.Number!.Value;
            if (!seen.Add(n))
            {
                continue;
            }
            if (n < highest && highestAt is not null)
            {
                yield return Rule.Create(c.Span, $"source {n} ({c.Label}) is first cited after source {highest} ({highestAt.Label}); number sources in order of first citation", c.SourceKey, [highestAt.Span]);
            }
            else
            {
                highest = n;
                highestAt = c;
            }
        }
    }
}
