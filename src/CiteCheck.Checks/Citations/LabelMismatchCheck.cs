using CiteCheck.Model;

namespace CiteCheck.Checks.Citations;

/// <summary>
/// One source number cited under different labels ("Columbia" / "Columbia University"), or a label that disagrees
/// with the bibliography's publisher. Labels are compared case- and space-insensitively, ignoring a leading "The".
/// </summary>
public sealed class LabelMismatchCheck : IDocumentCheck
{
    public static readonly DiagnosticDescriptor Rule = new("CC1004", "label-mismatch", "One source is cited under different labels", Severity.Warning, "citations");

    public DiagnosticDescriptor Descriptor => Rule;

    public IEnumerable<Diagnostic> Run(Document document)
    {
        foreach (var group in document.Citations.Where(c => c.Style == CitationStyle.NumberedLink).GroupBy(c => c.SourceKey))
        {
            var publisher = document.Bibliography.Find(group.Key)?.Publisher;
            var expected = publisher ?? group.First().Label;
            var expectedNorm = Normalize(expected);
            var first = group.First();
            foreach (var c in group)
            {
                if (Normalize(c.Label) == expectedNorm)
                {
                    continue;
                }
                var message = publisher is not null
                    ? $"source {c.SourceKey} is cited as '{c.Label}' but the bibliography names its publisher '{publisher}'"
                    : $"source {c.SourceKey} is cited as '{c.Label}' here and as '{first.Label}' at line {first.Span.Line}";
                yield return Rule.Create(c.Span, message, c.SourceKey, [first.Span]);
            }
        }
    }

    internal static string Normalize(string label)
    {
        var s = string.Join(' ', label.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return s.StartsWith("the ", StringComparison.Ordinal) ? s[4..] : s;
    }
}
