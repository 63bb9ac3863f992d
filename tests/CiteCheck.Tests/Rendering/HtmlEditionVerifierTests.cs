using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Html;
using CiteCheck.Rendering.Html.Verification;
using static CiteCheck.Tests.Rendering.HtmlEditionFixture;

namespace CiteCheck.Tests.Rendering;

/// <summary>Each CC4xxx rule, fed hand-made broken pages; and the real edition of the sample passes them all.</summary>
public class HtmlEditionVerifierTests
{
    private static readonly Document OneCitation = Check("# T\n\nOne claim [Reuters](https://r.example/) [1].\n").Document;

    private static string Page(string body) => $"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>";

    private const string GoodBody = "<p><a id=\"cite-0\" href=\"#source-1\">1</a></p><section id=\"bibliography\"><ol><li id=\"source-1\">Reuters</li></ol></section>";

    private static List<string> Rules(string body, string? other = null)
    {
        var pages = new Dictionary<string, string> { [HtmlEditionRenderer.ReportFile] = Page(body) };
        if (other is not null)
        {
            pages[HtmlEditionRenderer.DiscrepanciesFile] = Page(other);
        }
        return [.. HtmlEditionVerifier.Verify(pages, HtmlEditionRenderer.ReportFile, OneCitation).Select(d => d.Rule)];
    }

    [Fact]
    public void A_well_formed_page_passes() => Assert.Empty(Rules(GoodBody, "<a href=\"report.html#source-1\">back</a>"));

    [Fact]
    public void CC4001_broken_internal_link_in_page_and_across_pages()
    {
        Assert.Equal(["broken-internal-link"], Rules(GoodBody + "<a href=\"#nowhere\">x</a>"));
        Assert.Equal(["broken-internal-link"], Rules(GoodBody, "<a href=\"report.html#nowhere\">x</a>"));
    }

    [Fact]
    public void CC4002_duplicate_id_with_its_line()
    {
        var pages = new Dictionary<string, string> { [HtmlEditionRenderer.ReportFile] = Page(GoodBody + "\n<p>\n<span id=\"source-1\">again</span></p>") };
        var finding = Assert.Single(HtmlEditionVerifier.Verify(pages, HtmlEditionRenderer.ReportFile, OneCitation));
        Assert.Equal("CC4002", finding.Id);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("report.html", finding.Location.File);
        Assert.Equal(3, finding.Location.Line);
    }

    [Fact]
    public void CC4003_citation_not_rendered_as_a_link_to_its_entry()
    {
        Assert.Equal(["citation-not-rendered"], Rules("<p>1</p><section id=\"bibliography\"><ol><li id=\"source-1\">Reuters</li></ol></section>"));
        Assert.Equal(["citation-not-rendered"], Rules("<p><span id=\"cite-0\">1</span></p><section id=\"bibliography\"><ol><li id=\"source-1\">R</li></ol></section>"));
        Assert.Equal(["citation-not-rendered"], Rules("<p><a id=\"cite-0\" href=\"#source-2\">1</a></p><section id=\"bibliography\"><ol><li id=\"source-1\">R</li><li id=\"source-2\">S</li></ol></section>"));
    }

    [Fact]
    public void CC4004_source_not_in_bibliography()
    {
        // The entry exists, but outside the bibliography section.
        Assert.Equal(["source-not-in-bibliography"], Rules("<p><a id=\"cite-0\" href=\"#source-1\">1</a></p><div id=\"source-1\"></div><section id=\"bibliography\"></section>"));
    }

    [Fact]
    public void CC4005_unsafe_markup()
    {
        Assert.Equal(["unsafe-markup"], Rules(GoodBody + "<script>alert(1)</script>"));
        Assert.Equal(["unsafe-markup"], Rules(GoodBody + "<p onclick=\"x()\">p</p>"));
        Assert.Equal(["unsafe-markup"], Rules(GoodBody + "<a href=\"javascript:alert(1)\">x</a>"));
        Assert.Equal(["unsafe-markup"], Rules(GoodBody + "<a href=\"data:text/html,x\">x</a>"));
    }

    [Fact]
    public void The_sample_edition_passes_every_rule()
    {
        var report = CiteCheck.Compiler.Pipeline.Compile(new CiteCheck.Compiler.PhysicalHost(), Support.Repo.Path("content", "tajikistan", "report.md"));
        var pages = Pages(report);
        Assert.Empty(HtmlEditionVerifier.Verify(pages, HtmlEditionRenderer.ReportFile, report.Document));
        Assert.Equal(report.Document.Citations.Count(), new AngleSharp.Html.Parser.HtmlParser().ParseDocument(pages[HtmlEditionRenderer.ReportFile]).QuerySelectorAll("a[id^='cite-']").Length);
    }
}
