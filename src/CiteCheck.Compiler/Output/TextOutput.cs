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
        foreach (var d in report.Diagnostics)
        {
            sb.Append(Line(d)).Append('\n');
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
            + $"{Counts.Of(report.Discrepancies.Length, "discrepancy", "discrepancies")} ({open} open)";
    }
}
