using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Tests.BadInput;
using CiteCheck.Tests.Support;
using PuppeteerSharp;
using static CiteCheck.Tests.Rendering.HtmlEditionFixture;

namespace CiteCheck.Tests.Rendering;

/// <summary>
/// The XSS matrix of docs/robustness.md: every payload in every place input reaches an edition — body text, a heading, a
/// table cell, a citation's label and URL, an inline link, sources.yaml (publisher, title, url, archive), review.yaml
/// (note), the front matter (title and other fields), the claims of a discrepancy and a discrepancy's own values —
/// built with <c>citecheck build</c> into report.html and discrepancies.html. AngleSharp then finds no script element,
/// no on* handler attribute and no script URL in either page, and the payload is still there as text (a page that
/// dropped it would prove nothing). Where Chromium is installed, the pages are opened headless and no dialog fires.
/// </summary>
public sealed class XssMatrixTests : IDisposable
{
    /// <summary>Each payload with a name for the test's row.</summary>
    private static readonly (string Name, string Text)[] PayloadList =
    [
        ("script", "<script>alert(1)</script>"),
        ("img-onerror", "<img src=x onerror=alert(1)>"),
        ("javascript-url", "javascript:alert(1)"),
        ("javascript-url-mixed-case", "JaVaScRiPt:alert(1)"),
        ("javascript-url-entity", "java&#x73;cript:alert(1)"),
        ("vbscript-url", "vbscript:msgbox(1)"),
        ("attribute-break-double", "\" onmouseover=\"alert(1)"),
        ("attribute-break-single", "' onmouseover='alert(1)"),
        ("title-break", "</title><script>alert(1)</script>"),
        ("style-break", "</style><script>alert(1)</script>"),
        ("svg-onload", "<svg onload=alert(1)>"),
        ("svg-script", "<svg><script>alert(1)</script></svg>"),
        ("data-url-html", "data:text/html,<script>alert(1)</script>"),
        ("data-url-base64", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
        ("iframe-srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>"),
        ("math-xlink", "<math><a xlink:href=\"javascript:alert(1)\">x</a></math>"),
        ("comment-break", "--><script>alert(1)</script><!--"),
        ("textarea-break", "</textarea><script>alert(1)</script>"),
        ("template-injection", "{{ 7 * 191 }}{% raw %}"),
    ];

    public static TheoryData<string> Payloads => [.. PayloadList.Select(p => p.Name)];

    private readonly BadInputKit _kit = new();

    public void Dispose() => _kit.Dispose();

    /// <summary>Markdown that carries the payload in text, heading, table cell, label, citation URL and inline link, and a discrepancy.</summary>
    private static string Report(string payload) => $"""
        ---
        title: 'Report {Yaml(payload)}'
        author: 'Desk {Yaml(payload)}'
        subtitle: '{Yaml(payload)}'
        ---
        ## Overview {payload}

        On 7 March 2019 an attack in Khorog killed 35 people, officials said. (Sources: [Reuters](https://r.example/a) [1])

        Body text {payload} ends here. A [link](<{payload}>) and a label citation [{payload}](https://r.example/a) [1].

        A citation with the payload as its address [Reuters](<{payload}>) [2].

        | Place | Note |
        |---|---|
        | Khorog | {payload} |

        ## Events

        The 7 March 2019 attack in Khorog killed 22 people, police said, {payload}. (Sources: [AP](https://ap.example/b) [3])
        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The bibliography with the payload in every field.</summary>
    private static string Sources(string payload) => $"""
        sources:
          - id: 1
            publisher: 'Reuters {Yaml(payload)}'
            title: '{Yaml(payload)}'
            url: https://r.example/a
            archive: '{Yaml(payload)}'
          - id: 2
            publisher: 'Reuters'
            url: '{Yaml(payload)}'
          - id: 3
            publisher: 'AP'
            title: 'Title {Yaml(payload)}'
            url: https://ap.example/b
        """;

    /// <summary>Inside single quotes in YAML, a quote is written twice.</summary>
    private static string Yaml(string text) => text.Replace("'", "''", StringComparison.Ordinal);

    /// <summary>Writes the report, its sources and a review.yaml whose note carries the payload; builds the HTML edition.</summary>
    private (IHtmlDocument Report, IHtmlDocument Discrepancies) BuildWith(string payload)
    {
        _kit.Write("report.md", Report(payload));
        _kit.Write("sources.yaml", Sources(payload));
        var checkedReport = Pipeline.Compile(new PhysicalHost(), Path.Combine(_kit.Folder, "report.md"));
        Assert.NotEmpty(checkedReport.Discrepancies); // 35 against 22 people killed: the discrepancy the review explains
        _kit.Write("review.yaml", $"reviews:\n  - id: {checkedReport.Discrepancies[0].Id}\n    status: explained\n    note: 'Note {Yaml(payload)}'\n");
        var result = _kit.Run("build", "report.md", "--format", "html", "--out", BadInputKit.Out);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}:\n{result.Error}");
        _kit.AssertWholeEdition("report.html", "discrepancies.html", "check.json");
        var parser = new HtmlParser();
        return (parser.ParseDocument(File.ReadAllText(Path.Combine(_kit.OutPath, "report.html"))),
            parser.ParseDocument(File.ReadAllText(Path.Combine(_kit.OutPath, "discrepancies.html"))));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_payload_stays_inert_in_every_place_of_both_pages(string name)
    {
        var payload = PayloadList.Single(p => p.Name == name).Text;
        var (report, discrepancies) = BuildWith(payload);
        AssertInert(report, name);
        AssertInert(discrepancies, name);

        // The payload is shown, as text, where plain text carries it (front matter, sources.yaml, review.yaml): the page
        // did not just drop it. In Markdown, raw HTML may be shown or stripped to its text (an unclosed <!-- swallows the rest); the paragraph stays.
        Assert.Equal($"Report {payload}", report.Title);
        Assert.Contains($"Reuters {payload}", Normalise(report.Body!.TextContent), StringComparison.Ordinal);
        Assert.Contains($"Note {payload}", Normalise(discrepancies.Body!.TextContent), StringComparison.Ordinal);
        Assert.Contains(report.QuerySelectorAll("p"), p => p.TextContent.StartsWith("Body text", StringComparison.Ordinal));
        Assert.Contains(report.QuerySelectorAll("h2"), h => h.TextContent.Contains("Overview", StringComparison.Ordinal));
        Assert.Contains(report.QuerySelectorAll("td"), td => td.TextContent.Trim() == "Khorog");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_payload_in_a_discrepancys_own_values_stays_inert(string name)
    {
        var payload = PayloadList.Single(p => p.Name == name).Text;
        var report = Check("# T\n\n## Overview\n\nThe attack killed 35 people. (Sources: [R](https://r.example/) [1])\n\n## Events\n\nThe attack killed 22 people. (Sources: [R](https://r.example/) [1])\n");
        var document = report.Document;
        var sides = document.Claims.Take(2).Select((claim, side) => new DiscrepancyClaim(
            claim.Id, side, claim.Span, claim.Text + payload, $"{35 - (13 * side)} {payload}", [$"1 {payload}"], $"Section {payload}")).ToImmutableArray();
        var discrepancy = new Discrepancy($"D{payload}", DiscrepancyKind.Other, $"event {payload}", $"Subject {payload}", $"measure {payload}", DiscrepancyStatus.Explained, sides, $"Note {payload}");
        var pages = Pages(WithDiscrepancies(report, discrepancy));
        foreach (var (page, html) in pages)
        {
            var parsed = new HtmlParser().ParseDocument(html);
            AssertInert(parsed, $"{name} in {page}");
        }
        var discrepancyPage = new HtmlParser().ParseDocument(pages[CiteCheck.Rendering.Html.HtmlEditionRenderer.DiscrepanciesFile]);
        Assert.Contains($"Subject {payload}", Normalise(discrepancyPage.Body!.TextContent), StringComparison.Ordinal);
    }

    /// <summary>No script element, no handler attribute, no script or HTML-data URL, no frame or plug-in; the template's own two style elements.</summary>
    private static void AssertInert(IHtmlDocument html, string what)
    {
        Assert.True(html.QuerySelectorAll("script").Length == 0, $"{what}: a script element");
        var handlers = html.All.SelectMany(e => e.Attributes.Select(a => (e.LocalName, a.Name))).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(handlers.Count == 0, $"{what}: handler attributes {string.Join(", ", handlers)}");
        foreach (var element in html.All)
        {
            foreach (var attribute in element.Attributes)
            {
                var value = string.Concat(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))).ToLowerInvariant();
                Assert.False(value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal) || value.StartsWith("data:text/html", StringComparison.Ordinal),
                    $"{what}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                Assert.False(attribute.Name is "srcdoc" or "xlink:href" or "formaction", $"{what}: <{element.LocalName} {attribute.Name}>");
            }
        }
        Assert.True(html.QuerySelectorAll("iframe, frame, object, embed, svg, math, base, form, textarea, meta[http-equiv]").Length == 0, $"{what}: a frame, plug-in, svg, math, base, form or refresh element");
        Assert.Equal(2, html.QuerySelectorAll("style").Length);
        Assert.DoesNotContain("1337", html.Body!.TextContent, StringComparison.Ordinal); // {{ 7 * 191 }} was not evaluated
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));

    // ---- Headless Chromium ------------------------------------------------------------------------------------------

    [Fact]
    public async Task Every_payload_at_once_fires_no_dialog_in_headless_chromium()
    {
        var chromium = InstalledChromium.Find();
        if (chromium is null)
        {
            Assert.Skip("no Chromium installed (/usr/bin/chromium or on PATH): install it (apt-get install chromium) to run this test; it is never downloaded");
        }
        var all = string.Join(" ", PayloadList.Select(p => p.Text));
        BuildWith(all);
        var dialogs = new List<string>();
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = [.. CiteCheck.Rendering.Pdf.Chromium.ChromiumPdfEngine.LaunchArguments],
            UserDataDir = Path.Combine(_kit.Folder, "profile"),
            Timeout = 60_000,
        });
        foreach (var page in new[] { "report.html", "discrepancies.html" })
        {
            await using var tab = await browser.NewPageAsync();
            tab.Dialog += (_, e) =>
            {
                lock (dialogs)
                {
                    dialogs.Add($"{page}: {e.Dialog.DialogType} {e.Dialog.Message}");
                }
                _ = e.Dialog.Dismiss();
            };
            var response = await tab.GoToAsync(new Uri(Path.Combine(_kit.OutPath, page)).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 60_000 });
            Assert.NotNull(response);
            // Hand every element the events an inline handler would wait for.
            await tab.EvaluateExpressionAsync("""
                for (const e of document.querySelectorAll('*')) {
                  for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error', 'animationstart']) {
                    e.dispatchEvent(new Event(type, { bubbles: true }));
                  }
                }
                document.title
                """);
            var text = await tab.EvaluateExpressionAsync<string>("document.body.innerText");
            Assert.Contains("alert(1)", text, StringComparison.Ordinal); // the payloads are on the page, as text
        }
        Assert.True(dialogs.Count == 0, "dialogs fired:\n" + string.Join("\n", dialogs));
    }
}
