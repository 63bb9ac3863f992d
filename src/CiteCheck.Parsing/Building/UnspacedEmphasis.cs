using System.Text.RegularExpressions;
using CiteCheck.Model;

namespace CiteCheck.Parsing.Building;

/// <summary>
/// <c>unspaced-emphasis</c> (CC0001). <c>**July 30, 2018:**Seven</c>: a closing <c>**</c> after punctuation and before a
/// letter or digit cannot close (CommonMark's flanking rules), so both pairs of asterisks print. Reported at the opening
/// <c>**</c> when the parser did leave it as text (not in code, not closed elsewhere).
/// </summary>
internal static partial class UnspacedEmphasis
{
    public static void Report(BuildContext context, Markdig.Syntax.Block block)
    {
        var start = block.Span.Start;
        if (start < 0)
        {
            return;
        }
        var raw = context.Text[start..Math.Min(context.Text.Length, block.Span.End + 1)];
        foreach (Match m in UnspacedStrong().Matches(raw))
        {
            var offset = start + m.Index;
            if (!context.LiteralAsterisks.Contains(offset) || !context.LiteralAsterisks.Contains(offset + 1))
            {
                continue;
            }
            var closing = offset + m.Groups["inner"].Length + 2;
            var message = $"add a space after `**`: CommonMark leaves `{m.Value}` literal";
            context.Diagnostics.Add(ParsingRules.UnspacedEmphasis.Create(context.Span(offset, closing + 2), message));
        }
    }

    /// <summary>
    /// An opening <c>**</c> (exactly two, not escaped, before a non-space), text on one line without asterisks that ends in
    /// punctuation, then <c>**</c> directly followed by a word: <c>**July 30, 2018:**Seven</c>.
    /// </summary>
    [GeneratedRegex(@"(?<![\\*])\*\*(?<inner>[^\s*][^*\n]*?(?<=[\p{P}\p{S}]))\*\*(?<next>[\p{L}\p{N}]+)")]
    private static partial Regex UnspacedStrong();
}
