using System.Text;
using CiteCheck.Model;
using CiteCheck.Rendering.Html.Templates;
using CiteCheck.Rendering.Html.Verification;
using CiteCheck.Rendering.Html.View;

namespace CiteCheck.Rendering.Html;

/// <summary>
/// The HTML edition: report.html (title, contents, body, bibliography, discrepancy and citation-health appendices)
/// and discrepancies.html (the discrepancy appendix on its own page), each one self-contained file with its CSS inlined.
/// Steps: turn the edition model into the templates' view (<see cref="EditionViewBuilder"/>, all HTML-escaped), render
/// the Scriban templates (<see cref="TemplateSet"/>), then verify the pages (<see cref="HtmlEditionVerifier"/>); a failed
/// verification throws <see cref="EditionVerificationException"/> and nothing is written.
/// </summary>
public sealed class HtmlEditionRenderer : IEditionRenderer
{
    public const string ReportFile = "report.html";
    public const string DiscrepanciesFile = "discrepancies.html";

    public string Format => "html";

    public IReadOnlyList<EditionFile> Render(EditionModel edition, EditionOptions options, IHost host)
    {
        var pages = RenderPages(edition, options, host);
        var findings = HtmlEditionVerifier.Verify(pages, ReportFile, edition);
        if (findings.Length > 0)
        {
            throw new EditionVerificationException(Format, findings);
        }
        var utf8 = new UTF8Encoding(false);
        return [.. pages.Select(p => new EditionFile(p.Key, utf8.GetBytes(p.Value)))];
    }

    /// <summary>The pages by file name, rendered but not verified.</summary>
    public static IReadOnlyDictionary<string, string> RenderPages(CheckedReport report, EditionOptions options, IHost host) =>
        RenderPages(EditionModelBuilder.Build(report), options, host);

    /// <summary>The pages by file name, rendered but not verified.</summary>
    public static IReadOnlyDictionary<string, string> RenderPages(EditionModel edition, EditionOptions options, IHost host)
    {
        var templates = new TemplateSet(host, options.TemplatesDirectory);
        var css = templates.ReadText("report.css");
        var printCss = templates.ReadText("print.css");
        var view = new EditionViewBuilder(edition);
        var items = edition.Blocks.Length + edition.Citations.Count + edition.Blocks.Sum(b => b.Rows.Length) + edition.Health.Count
            + edition.Discrepancies.Count + edition.Bibliography.Entries.Length;
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [ReportFile] = templates.Render("report.sbn", view.Build(PageKind.Report, options, css, printCss), items),
            [DiscrepanciesFile] = templates.Render("discrepancies.sbn", view.Build(PageKind.Discrepancies, options, css, printCss), items),
        };
        return pages;
    }
}
