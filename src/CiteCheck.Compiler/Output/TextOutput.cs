using System.Text;
using CiteCheck.Model;

namespace CiteCheck.Compiler.Output;

/// <summary>One line per finding, the way compilers print them: <c>file(line,col): error CC1001 placeholder-link: message</c>.</summary>
public sealed class TextOutput : IOutputFormat
{
    public string Name => "text";

    public string Write(CheckedReport report)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < report.Diagnostics.Length; i++)
        {
            sb.Append(Line(report.Diagnostics[i]));
            if (report.InBaseline(i))
            {
                sb.Append(" [baseline]");
            }
            sb.Append('\n');
        }
        sb.Append(Summary(report)).Append('\n');
        return sb.ToString();
    }

    /// <summary>One finding's line; a URL's user name and password in it are masked.</summary>
    public static string Line(Diagnostic d)
    {
        var line = $"{d.Location.File}({d.Location.Line},{d.Location.Column}): {d.Severity.Name()} {d.Id} {d.Rule}: {d.Message}";
        if (d.Note is { } note)
        {
            line += $" [note: {note}]";
        }
        return Credentials.Hide(line);
    }

    public static string Summary(CheckedReport report)
    {
        var document = report.Document;
        var open = report.Discrepancies.Count(x => x.Status == DiscrepancyStatus.Open);
        return $"{document.File}: {Counts.Of(report.Count(Severity.Error), "error")}, {Counts.Of(report.Count(Severity.Warning), "warning")}, "
            + $"{Counts.Of(report.Count(Severity.Info), "info finding")}; {Counts.Of(document.Claims.Count(), "claim")}, {Counts.Of(document.Citations.Count(), "citation")}, "
            + $"{Counts.Of(report.Discrepancies.Length, "discrepancy", "discrepancies")} ({open} open)" + BaselineSummary(report);
    }

    /// <summary>With a baseline: "; baseline FILE: N new, M in baseline" (findings and discrepancies together).</summary>
    private static string BaselineSummary(CheckedReport report)
    {
        if (report.Baseline is not { } baseline)
        {
            return "";
        }
        var known = baseline.Findings.Count(b => b) + report.Discrepancies.Count(report.InBaseline);
        var total = report.Diagnostics.Length + report.Discrepancies.Length;
        return $"; baseline {baseline.File}: {total - known} new, {known} in baseline";
    }
}
