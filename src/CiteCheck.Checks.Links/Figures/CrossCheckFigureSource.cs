using CiteCheck.Checks.Figures;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links.Figures;

/// <summary>
/// The figures of a claim as the cross-check reads them (counts in digits or words, ranges, money, percentages; dates are not
/// figures), each with its value in canonical form. Sums of parts are left out: no source writes "25 inmates and two" as 27.
/// Values under ten are left out too, as in <see cref="SimpleFigureSource"/>: "4" is on every page and proves nothing.
/// </summary>
public sealed class CrossCheckFigureSource : IFigureSource
{
    public IEnumerable<FigureMention> FiguresOf(Claim claim)
    {
        var dates = DateExtractor.Extract(claim.Text);
        foreach (var figure in FigureExtractor.Extract(claim.Text, dates))
        {
            if (figure.IsSum || (figure.Value < 10 && figure.Type is FigureType.Count or FigureType.Range))
            {
                continue;
            }
            var values = new List<string> { Canonical(figure.Value) };
            if (figure.High is { } high)
            {
                values.Add(Canonical(high));
            }
            yield return new FigureMention(figure.Written, values);
        }
    }

    private static string Canonical(decimal value) => NumberWords.Canonical(value);
}
