using System.Globalization;
using System.Text;
using CiteCheck.Model;

namespace CiteCheck.Compiler.Output;

/// <summary>GitHub Actions workflow commands: <c>::error file=…,line=…,col=…,title=…::message</c>.</summary>
public sealed class GithubOutput : IOutputFormat
{
    public string Name => "github";

    public string Write(CheckedReport report)
    {
        var sb = new StringBuilder();
        foreach (var d in report.Diagnostics)
        {
            var command = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            sb.Append(CultureInfo.InvariantCulture, $"::{command} file={Property(d.Location.File.Replace('\\', '/'))},line={d.Location.Line},col={d.Location.Column},")
              .Append(CultureInfo.InvariantCulture, $"endLine={d.Location.End.Line},endColumn={d.Location.End.Column},title={Property($"{d.Id} {d.Rule}")}::{Data(d.Message)}\n");
        }
        sb.Append(TextOutput.Summary(report)).Append('\n');
        return Credentials.Hide(sb.ToString());
    }

    private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
