using System.Collections.Immutable;

namespace CiteCheck.Model;

/// <summary>
/// Which findings and discrepancies of a run were already in a baseline (an earlier check.json):
/// <see cref="Findings"/> is parallel to <see cref="CheckedReport.Diagnostics"/>; <see cref="Discrepancies"/> holds the
/// ids of the discrepancies the baseline also has.
/// </summary>
public sealed record BaselineMarks(string File, ImmutableArray<bool> Findings, ImmutableHashSet<string> Discrepancies)
{
    public bool Contains(Discrepancy d) => Discrepancies.Contains(d.Id);
}
