using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Tests.Cli;
using CiteCheck.Tests.Rendering.Pdf;

namespace CiteCheck.Tests.Rendering;

/// <summary>
/// Regression for a report of ordinary length that could not be built: past about a million characters the HTML
/// edition was cut short by the template engine's output limit, failed its own verification and nothing was written.
/// A generated report of about 5 MB (sections, paragraphs, list items, tables, and events told twice with figures that
/// disagree) must build whole: every block and every appendix entry in the HTML, and a PDF beside it.
/// </summary>
public sealed class LongReportTests
{
    private const int Sections = 470;

    [Fact]
    public void A_5_MB_report_builds_whole_in_html_and_pdf()
    {
        using var folder = new TempFolder();
        var (text, paragraphs) = Generate();
        Assert.InRange(Encoding.UTF8.GetByteCount(text), 4_800_000, Limits.MaxInputBytes);
        var report = folder.Write("report.md", text);
        var outDir = Path.Combine(folder.Path, "out");
        var formats = PdfRender.SystemFontsPresent() ? "html,pdf" : "html";

        var result = CliRun.In(folder.Path, "build", report, "--out", outDir, "--format", formats);

        result.AssertNoStackTrace();
        Assert.Equal(0, result.ExitCode);
        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(outDir, "report.html")));
        var body = html.QuerySelector("main")!.TextContent;
        foreach (var marker in paragraphs)
        {
            Assert.Contains(marker, body, StringComparison.Ordinal);
        }
        Assert.Equal(Sections, html.QuerySelectorAll("main table").Length);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "check.json")));
        var ids = json.RootElement.GetProperty("discrepancies").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
        Assert.True(ids.Count >= Sections / 2, $"expected the planted conflicts to give discrepancies, found {ids.Count}");
        var appendix = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(outDir, "discrepancies.html")));
        foreach (var id in ids)
        {
            Assert.NotNull(html.GetElementById("discrepancy-" + id));
            Assert.NotNull(appendix.GetElementById("discrepancy-" + id));
        }
        if (formats.Contains("pdf", StringComparison.Ordinal))
        {
            var pdf = File.ReadAllBytes(Path.Combine(outDir, "report.pdf"));
            Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        }
    }

    /// <summary>
    /// A report of <see cref="Sections"/> sections, each with an event told in a paragraph and again in a list item with
    /// another toll, a table, and filler paragraphs; every paragraph carries a unique marker word to find it in the HTML.
    /// </summary>
    private static (string Text, List<string> Markers) Generate()
    {
        var syllables = new[] { "ka", "lor", "vet", "mi", "san", "dro", "bel", "tu", "nor", "ash", "quen", "ri" };
        string Name(int n, int salt)
        {
            var sb = new StringBuilder();
            for (var k = 0; k < 3; k++)
            {
                sb.Append(syllables[(n / (int)Math.Pow(syllables.Length, k) + salt * (k + 1)) % syllables.Length]);
            }
            return char.ToUpperInvariant(sb[0]) + sb.ToString()[1..];
        }
        string Marker(int section, int paragraph) =>
            "mark" + string.Concat(section.ToString(CultureInfo.InvariantCulture).Select(c => (char)('a' + c - '0')))
            + "x" + string.Concat(paragraph.ToString(CultureInfo.InvariantCulture).Select(c => (char)('a' + c - '0')));

        var text = new StringBuilder("# A long report\n\n");
        var markers = new List<string>();
        var source = 1;
        string Cite() => $"(Sources: [Reuters](https://www.reuters.com/a/{source}) [{source++}])";
        var filler = "Observers said the situation remained tense, and officials in the capital declined to comment on the " +
            "matter while local councils debated how the reconstruction would be paid for and who would oversee it. ";
        for (var s = 0; s < Sections; s++)
        {
            var town = Name(s, 0) + "vo";
            var year = 2000 + s % 20;
            var day = 1 + s % 27;
            text.Append(CultureInfo.InvariantCulture, $"## The {town} district\n\n");
            var first = Marker(s, 0);
            markers.Add(first);
            text.Append(CultureInfo.InvariantCulture, $"On March {day}, {year}, a bomb attack on the market in {town} killed 14 people and wounded 30, the police said ({first}). {Cite()}\n\n");
            for (var p = 1; p <= 14; p++)
            {
                var marker = Marker(s, p);
                markers.Add(marker);
                text.Append(CultureInfo.InvariantCulture, $"{filler}{filler}{filler}The council in {town} met again ({marker}). {Cite()}\n\n");
            }
            text.Append(CultureInfo.InvariantCulture, $"- **March {day}, {year}:** A bomb attack on the market in {town} kills 19 people. {Cite()}\n\n");
            text.Append("| Year | Budget |\n|---|---|\n");
            text.Append(CultureInfo.InvariantCulture, $"| {year} | {100 + s} |\n\n");
        }
        return (text.ToString(), markers);
    }
}
