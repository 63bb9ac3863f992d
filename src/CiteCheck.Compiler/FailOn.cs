using CiteCheck.Model;

namespace CiteCheck.Compiler;

/// <summary>The threshold at which a run fails: error, warning or never.</summary>
public enum FailOn
{
    Error,
    Warning,
    Never,
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
        _ => report.Diagnostics.Any(d => d.Severity >= Severity.Error) ? Findings : Ok,
    };
}
