using CiteCheck.Model;
using CiteCheck.Parsing.Syntax;

namespace CiteCheck.Parsing.Building;

/// <summary><c>malformed-citation</c> (CC1008) for each <see cref="MalformedCitationInline"/> the parser left in a block, at its bracket.</summary>
internal static class Malformed
{
    public static void Report(BuildContext context, IEnumerable<MalformedCitationInline> nodes)
    {
        foreach (var node in nodes)
        {
            var start = node.WrittenSpan.Start;
            var end = node.WrittenSpan.End + 1;
            var citation = context.Text[node.Link.Span.Start..end].Trim();
            var what = node.Written;
            var message = node.OutOfRange
                ? $"citation '{citation}' does not parse: source numbers are whole numbers from {Limits.MinSourceNumber} to {Limits.MaxSourceNumber} written without leading zeros, found '{what}'"
                : $"citation '{citation}' does not parse: expected a source number in brackets, as in '[Label](url) [12]', found '{what}'";
            context.Diagnostics.Add(ParsingRules.MalformedCitation.Create(context.Span(start, end), message));
        }
    }
}
