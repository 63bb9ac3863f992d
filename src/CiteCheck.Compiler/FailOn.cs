using CiteCheck.Model;

namespace CiteCheck.Compiler;

/// <summary>The threshold at which a run fails: error, warning, never, or new (a finding at warning or above, or an open discrepancy, not in the baseline).</summary>
public enum FailOn
{
    Error,
    Warning,
    Never,
    New,
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadInput = 2;
    public const int InternalError = 3;

    public static bool TryParse(string text, out FailOn failOn) => Enum.TryParse(text, ignoreCase: true, out failOn);

    /// <summary>0 when nothing is at or above the threshold, 1 otherwise.</summary>
    public static int For(CheckedReport report, FailOn failOn) => failOn switch
    {
        FailOn.Never => Ok,
        FailOn.Warning => report.Diagnostics.Any(d => d.Severity >= Severity.Warning) ? Findings : Ok,
        FailOn.New => HasNew(report) ? Findings : Ok,
        _ => report.Diagnostics.Any(d => d.Severity >= Severity.Error) ? Findings : Ok,
    };

    /// <summary>A finding at warning or above, or an open discrepancy, that the baseline does not have (without a baseline, every one is new).</summary>
    public static bool HasNew(CheckedReport report) =>
        report.Diagnostics.Select((d, i) => (d, i)).Any(x => x.d.Severity >= Severity.Warning && !report.InBaseline(x.i))
        || report.Discrepancies.Any(d => d.Status == DiscrepancyStatus.Open && !report.InBaseline(d));
}
