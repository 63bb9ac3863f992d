using CiteCheck.Model;

namespace CiteCheck.Checks.Links.Figures;

/// <summary>A figure as a claim writes it ("1,300", "seven", "29.5 percent") and other ways a source may write it ("1300", "7").</summary>
public sealed record FigureMention(string Written, IReadOnlyList<string> Alternatives);

/// <summary>
/// Where the figure-support check gets the figures of a claim: the cross-check's extractor (<see cref="CrossCheckFigureSource"/>) by default;
/// <see cref="SimpleFigureSource"/> reads every number without it.
/// </summary>
public interface IFigureSource
{
    IEnumerable<FigureMention> FiguresOf(Claim claim);
}
