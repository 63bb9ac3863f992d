using System.Collections.Immutable;
using CiteCheck.Model;

namespace CiteCheck.Checks.Figures;

/// <summary>
/// The cross-check's rules: one diagnostic per discrepancy, located at the later claim with the others as additional
/// locations. Open discrepancies are warnings; explained or accepted ones are info and carry their note.
/// </summary>
public static class FigureRules
{
    public static readonly DiagnosticDescriptor CountConflict = new("CC2001", "count-conflict", "One event, two counts", Severity.Warning, "figures");
    public static readonly DiagnosticDescriptor DateConflict = new("CC2002", "date-conflict", "One event, two dates", Severity.Warning, "figures");
    public static readonly DiagnosticDescriptor RangeConflict = new("CC2003", "range-conflict", "One event, two ranges", Severity.Warning, "figures");
    public static readonly DiagnosticDescriptor AmountConflict = new("CC2004", "amount-conflict", "One event, two amounts", Severity.Warning, "figures");
    public static readonly DiagnosticDescriptor PercentConflict = new("CC2005", "percent-conflict", "One event, two percentages", Severity.Warning, "figures");
    public static readonly DiagnosticDescriptor NameVariant = new("CC2006", "name-variant", "One person, two spellings", Severity.Warning, "figures");
    public static readonly DiagnosticDescriptor OtherConflict = new("CC2007", "other-conflict", "One event, two values", Severity.Warning, "figures");

    /// <summary>Every rule the cross-check reports, in id order (with the review file's <see cref="Reviews.StaleReview"/>).</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [CountConflict, DateConflict, RangeConflict, AmountConflict, PercentConflict, NameVariant, OtherConflict, Reviews.StaleReview];

    public static DiagnosticDescriptor For(DiscrepancyKind kind) => kind switch
    {
        DiscrepancyKind.Count => CountConflict,
        DiscrepancyKind.Date => DateConflict,
        DiscrepancyKind.Range => RangeConflict,
        DiscrepancyKind.Amount => AmountConflict,
        DiscrepancyKind.Percent => PercentConflict,
        DiscrepancyKind.Name => NameVariant,
        _ => OtherConflict,
    };

    public static Diagnostic ToDiagnostic(Discrepancy d)
    {
        var later = d.Claims.MaxBy(c => c.Span.Start.Offset)!;
        var others = d.Claims.Where(c => c != later).Select(c => c.Span).Distinct().ToImmutableArray();
        var sides = d.Claims.GroupBy(c => c.Side).OrderBy(g => g.Key)
            .Select(g => $"'{g.First().Value}' (line {string.Join(", ", g.Select(c => c.Span.Line).Distinct())}; {Sources(g.SelectMany(c => c.Sources))})");
        var message = $"{d.Subject}: {string.Join(" vs ", sides)} [{d.Id}]";
        var severity = d.Status is DiscrepancyStatus.Open ? Severity.Warning : Severity.Info;
        var diagnostic = For(d.Kind).Create(later.Span, message, null, others) with { Severity = severity };
        return d.Note is null ? diagnostic : diagnostic with { Note = $"{Discrepancy.StatusName(d.Status)}: {d.Note}" };
    }

    private static string Sources(IEnumerable<string> keys)
    {
        var list = keys.Distinct().ToList();
        return list.Count == 0 ? "no source" : (list.Count == 1 ? "source " : "sources ") + string.Join(", ", list);
    }
}
