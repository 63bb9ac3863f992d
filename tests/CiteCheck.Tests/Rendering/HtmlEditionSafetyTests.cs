using AngleSharp.Html.Parser;
using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Html;
using CiteCheck.Rendering.Html.Verification;
using static CiteCheck.Tests.Rendering.HtmlEditionFixture;

namespace CiteCheck.Tests.Rendering;

/// <summary>Hostile report text, links, raw HTML and bibliography entries stay inert in the edition.</summary>
public class HtmlEditionSafetyTests
{
    private const string Hostile = """
        # Title &lt;/style&gt;&lt;script&gt;alert("title")&lt;/script&gt; "quoted" & 'single'

        Text <script>alert(1)</script> and <img src=x onerror=alert(2)> and <b onclick="x()">bold</b> stays.
        A [javascript link](javascript:alert(3)) and a [data link](data:text/html;base64,PHNjcmlwdD4=) and [mail](mailto:a@b.org).
        A hostile citation [Evil](javascript:alert(4)) [1] and a fine one [Good](https://example.org/?a=1&b="2") [2].

        <div onmouseover="alert(5)" id="bibliography" style="background:url(http://evil.example/x.png)"><script>alert(6)</script><a href="javascript:alert(7)">x</a><iframe src="https://evil.example"></iframe><p>kept text</p></div>

        ## Heading with <em>html</em> "quotes"
        """;

    private static readonly Bibliography Sources = new(BibliographyOrigin.File, "sources.yaml",
    [
        new Source("1", "Evil \"Corp\" <script>alert(8)</script>", "</style><script>alert(9)</script>", "javascript:alert(10)", null, null, "data:text/html,<script>alert(11)</script>", null),
        new Source("2", "Good", "A title", "https://example.org/?a=1&b=\"2\"", "2020", null, null, null),
    ], []);

    [Fact]
    public void Nothing_executable_reaches_the_pages()
    {
        var report = Check(Hostile, Sources);
        var pages = Pages(report);
        foreach (var (name, text) in pages)
        {
            var html = new HtmlParser().ParseDocument(text);
            Assert.Empty(html.QuerySelectorAll("script, iframe, img, object, embed"));
            Assert.DoesNotContain(html.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(html.QuerySelectorAll("[href]"), e => !IsAllowed(e.GetAttribute("href")!));
            Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
            // Exactly the two style elements of the template: a title cannot close them early.
            Assert.Equal(2, html.QuerySelectorAll("style").Length);
        }
        // And the verifier agrees (CC4005 unsafe-markup, CC4002 duplicate-id for the raw id="bibliography").
        Assert.Empty(HtmlEditionVerifier.Verify(pages, HtmlEditionRenderer.ReportFile, report.Document));
    }

    [Fact]
    public void Hostile_text_is_shown_as_text()
    {
        var report = Check(Hostile, Sources);
        var html = new HtmlParser().ParseDocument(Pages(report)[HtmlEditionRenderer.ReportFile]);
        Assert.Equal("Title </style><script>alert(\"title\")</script> \"quoted\" & 'single'", html.Title);
        var body = html.QuerySelector("main")!;
        Assert.Contains("<script>alert(1)</script>", body.TextContent); // escaped inline tag shows as text
        Assert.Equal("bold", body.QuerySelector("b")!.TextContent); // simple formatting is kept, without its attributes
        Assert.False(body.QuerySelector("b")!.HasAttribute("onclick"));
        Assert.Contains("kept text", body.QuerySelector(".raw-html")!.TextContent);
        Assert.Null(body.QuerySelector(".raw-html [id]"));
        Assert.Null(body.QuerySelector(".raw-html [style]"));
        Assert.Equal("mailto:a@b.org", body.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));
        Assert.Equal(2, body.QuerySelectorAll(".link-flag").Length); // the javascript: and data: links
        Assert.Single(body.QuerySelectorAll(".cite--unsafe")); // the javascript: citation keeps its number, loses its link
        var evil = html.GetElementById("source-1")!;
        Assert.Contains("Evil \"Corp\" <script>alert(8)</script>", evil.TextContent);
        Assert.Null(evil.QuerySelector("a.source-url"));
        Assert.Contains("javascript:alert(10)", evil.QuerySelector(".flag code")!.TextContent);
        Assert.Equal("https://example.org/?a=1&b=\"2\"", html.GetElementById("source-2")!.QuerySelector("a.source-url")!.GetAttribute("href"));
        Assert.Equal("https://example.org/?a=1&b=\"2\"", body.QuerySelector("a.cite-label")!.GetAttribute("href"));
    }

    private static bool IsAllowed(string href) =>
        href.StartsWith('#') || href.StartsWith("report.html", StringComparison.Ordinal) || href.StartsWith("discrepancies.html", StringComparison.Ordinal)
        || href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal);
}
