using System.Collections.Immutable;
using CiteCheck.Model;

namespace CiteCheck.Rendering.Html.Body;

/// <summary>
/// The discrepancies in the order the appendix shows them: grouped by event, groups and entries in the order their first
/// claim appears in the report, numbered 1, 2, 3… so a marker in the text and its appendix entry carry the same number.
/// </summary>
internal sealed class DiscrepancyIndex
{
    public DiscrepancyIndex(CheckedReport report)
    {
        var claimOffsets = report.Document.Claims.ToDictionary(c => c.Id, c => c.Span.Start.Offset);
        int First(Discrepancy d) => d.Claims.IsDefaultOrEmpty ? int.MaxValue : d.Claims.Min(c => claimOffsets.TryGetValue(c.ClaimId, out var o) ? o : c.Span.Start.Offset);
        var groups = report.Discrepancies
            .GroupBy(d => d.EventKey, StringComparer.Ordinal)
            .Select(g => g.OrderBy(First).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray())
            .OrderBy(g => First(g[0]))
            .ThenBy(g => g[0].EventKey, StringComparer.Ordinal)
            .ToImmutableArray();
        Groups = groups;
        var number = 1;
        foreach (var group in groups)
        {
            foreach (var d in group)
            {
                Numbers[d] = number++;
            }
        }
    }

    public ImmutableArray<ImmutableArray<Discrepancy>> Groups { get; }

    public Dictionary<Discrepancy, int> Numbers { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>For each claim: the discrepancies it is a side of, in appendix order.</summary>
    public ILookup<int, Discrepancy> ByClaim() =>
        Groups.SelectMany(g => g)
            .SelectMany(d => d.Claims.Select(c => c.ClaimId).Distinct().Select(id => (Claim: id, Discrepancy: d)))
            .ToLookup(x => x.Claim, x => x.Discrepancy);
}
