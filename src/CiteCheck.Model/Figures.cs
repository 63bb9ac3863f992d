using System.Collections.Immutable;

namespace CiteCheck.Model;

public enum DiscrepancyKind
{
    Count,
    Date,
    Range,
    Amount,
    Percent,
    Name,
    Other,
}

public enum DiscrepancyStatus
{
    /// <summary>Nobody has looked at it: the report contradicts itself.</summary>
    Open,

    /// <summary>The report or a reviewer explains the variance (e.g. attributed alternative estimates).</summary>
    Explained,

    /// <summary>A reviewer accepts it as it is.</summary>
    Accepted,

    /// <summary>A reviewer says it is fixed (a fixed entry that still matches is reported again as open).</summary>
    Fixed,
}

/// <summary>One side of a discrepancy: a claim, the value it states as written, and the sources behind it.</summary>
public sealed record DiscrepancyClaim(
    int ClaimId,
    int Side,
    SourceSpan Span,
    string Text,
    string Value,
    ImmutableArray<string> Sources,
    string? Section);

/// <summary>
/// Two or more claims about one event and one measure that cannot all be true.
/// <see cref="Id"/> is a fingerprint of event, measure and values: it survives edits elsewhere in the file.
/// </summary>
public sealed record Discrepancy(
    string Id,
    DiscrepancyKind Kind,
    string EventKey,
    string Subject,
    string Measure,
    DiscrepancyStatus Status,
    ImmutableArray<DiscrepancyClaim> Claims,
    string? Note)
{
    /// <summary>Why the claims were taken for one event and one measure (null where a review file rebuilt the entry).</summary>
    public DiscrepancyEvidence? Evidence { get; init; }

    public static string KindName(DiscrepancyKind kind) => kind.ToString().ToLowerInvariant();

    public static string StatusName(DiscrepancyStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>
/// Why the cross-check holds that its claims tell one event and one measure: how their dates relate, the places, actors,
/// distinctive words and kinds of happening they share, and which rule decided.
/// </summary>
public sealed record DiscrepancyEvidence(
    string Rule,
    string Dates,
    ImmutableArray<string> SharedNames,
    ImmutableArray<string> SharedWords,
    ImmutableArray<string> SharedKinds);

/// <summary>The outcome of the pipeline's checks: the document, every finding, and the cross-check's discrepancies.</summary>
public sealed record CheckedReport(Document Document, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Discrepancy> Discrepancies)
{
    public int Count(Severity severity) => Diagnostics.Count(d => d.Severity == severity);

    /// <summary>With <c>--baseline</c>: which findings and discrepancies the earlier run had.</summary>
    public BaselineMarks? Baseline { get; init; }

    /// <summary>Whether a finding was in the baseline (false when there is none).</summary>
    public bool InBaseline(int index) => Baseline is { } b && index < b.Findings.Length && b.Findings[index];

    /// <summary>Whether a discrepancy was in the baseline (false when there is none).</summary>
    public bool InBaseline(Discrepancy d) => Baseline is { } b && b.Contains(d);
}

/// <summary>A reviewer's decision on one discrepancy, from review.yaml: its id, the status given, and why.</summary>
public sealed record ReviewEntry(string Id, DiscrepancyStatus Status, string? Note, SourceSpan Span);
