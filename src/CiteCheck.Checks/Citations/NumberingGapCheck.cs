using CiteCheck.Model;

namespace CiteCheck.Checks.Citations;

/// <summary>A number between 1 and the highest cited number that is never cited.</summary>
public sealed class NumberingGapCheck : IDocumentCheck
{
    public static readonly DiagnosticDescriptor Rule = new("CC1006", "numbering-gap", "A source number is skipped", Severity.Warning, "citations");

    public DiagnosticDescriptor Descriptor => Rule;

    public IEnumerable<Diagnostic> Run(Document document)
    {
        var numbered = document.Citations.Where(c => c.Style == CitationStyle.NumberedLink && c.Number is not null).ToList();
        if (numbered.Count == 0)
        {
            yield break;
        }
        var cited = numbered.Select(c => c.Number!.Value).ToHashSet();
        var max = cited.Max();
        if (max > 100_000)
        {
            yield break;
        }
        for (var n = 1; n < max; n++)
        {
            if (cited.Contains(n))
            {
                continue;
            }
            // Report the gap where the next cited number first appears.
            var next = numbered.Where(c => c.Number > n).MinBy(c => (c.Number, c.Span.Start.Offset))!;
            var end = n;
            while (end + 1 < max && !cited.Contains(end + 1))
            {
                end++;
            }
            var what = end == n ? $"source {n} is never cited" : $"sources {n} to {end} are never cited";
            yield return Rule.Create(next.Span, $"{what}: numbering jumps to {next.Number} ({next.Label})", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            n = end;
        }
    }
}
