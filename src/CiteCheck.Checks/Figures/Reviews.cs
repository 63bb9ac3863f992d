using System.Collections.Immutable;
using CiteCheck.Model;

namespace CiteCheck.Checks.Figures;

/// <summary>
/// Applies reviewers' decisions: an explained or accepted discrepancy keeps its place in the report, with the reviewer's
/// note, but no longer counts as a warning; a discrepancy marked fixed that is still there stays open; a decision whose
/// id matches nothing is a <c>stale-review</c> warning, so the review file cannot rot silently.
/// </summary>
public static class Reviews
{
    public static readonly DiagnosticDescriptor StaleReview = new("CC2008", "stale-review", "A review names no discrepancy", Severity.Warning, "figures");

    public static (ImmutableArray<Discrepancy> Discrepancies, ImmutableArray<Diagnostic> Diagnostics) Apply(ImmutableArray<Discrepancy> discrepancies, IReadOnlyList<ReviewEntry> reviews)
    {
        var byId = reviews.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Last());
        var result = discrepancies.Select(d => byId.TryGetValue(d.Id, out var review) ? Decide(d, review) : d).ToImmutableArray();
        var known = discrepancies.Select(d => d.Id).ToHashSet();
        var stale = reviews.Where(r => !known.Contains(r.Id))
            .Select(r => StaleReview.Create(r.Span, $"review of {r.Id} ({Discrepancy.StatusName(r.Status)}) matches no discrepancy in the report: remove it, or update its id"))
            .ToImmutableArray();
        return (result, stale);
    }

    private static Discrepancy Decide(Discrepancy d, ReviewEntry review) => review.Status switch
    {
        DiscrepancyStatus.Fixed => d with { Status = DiscrepancyStatus.Open, Note = "marked fixed in the review file, but the report still disagrees" + (review.Note is null ? "" : $" ({review.Note})") },
        _ => d with { Status = review.Status, Note = review.Note ?? d.Note },
    };
}
