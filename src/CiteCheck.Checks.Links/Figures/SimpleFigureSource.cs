using System.Text.RegularExpressions;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links.Figures;

/// <summary>
/// The default figure source: every number a claim writes (grouped or not, decimals, percentages, years, with a scale word)
/// and the words one to twenty. Single-digit numerals are skipped: "2" is on every page and proves nothing.
/// </summary>
public sealed class SimpleFigureSource : IFigureSource
{
    public IEnumerable<FigureMention> FiguresOf(Claim claim)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in FigureText.Numbers(claim.Text))
        {
            var written = m.Value.Trim();
            var values = FigureText.ValuesOf(written).ToList();
            if (values.Count == 0 || m.Groups["num"].Value.Length == 1 || !seen.Add(written))
            {
                continue;
            }
            yield return new FigureMention(written, values);
        }
        foreach (var m in FigureText.NumberWords(claim.Text))
        {
            if (seen.Add(m.Value))
            {
                yield return new FigureMention(m.Value, [.. FigureText.ValuesOf(m.Value)]);
            }
        }
    }
}
