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

    public static string Line(Diagnostic d)
    {
        var line = $"{d.Location.File}({d.Location.Line},{d.Location.Column}): {d.Severity.Name()} {d.Id} {d.Rule}: {d.Message}";
        if (d.Note is { } note)
        {
            line += $" [note: {note}]";
        }
        return line;
    }

    public static string Summary(CheckedReport report)
    {
        var document = report.Document;
        var open = report.Discrepancies.Count(x => x.Status == DiscrepancyStatus.Open);
        return $"{document.File}: {Plural(report.Count(Severity.Error), "error")}, {Plural(report.Count(Severity.Warning), "warning")}, "
            + $"{Plural(report.Count(Severity.Info), "info")}; {Plural(document.Claims.Count(), "claim")}, {Plural(document.Citations.Count(), "citation")}, "
            + $"{Plural(report.Discrepancies.Length, "discrepancy", "discrepancies")} ({open} open)";
    }

    private static string Plural(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";
}
