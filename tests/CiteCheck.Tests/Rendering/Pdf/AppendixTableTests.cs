using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Pdf.Compose;
using CiteCheck.Tests.Support;

namespace CiteCheck.Tests.Rendering.Pdf;

public sealed class AppendixTableTests
{
    private const int Count = 40;

    /// <summary>A report of 40 paragraphs with two contradicting claims each, and the 40 discrepancies between them, all of one event (one table).</summary>
    private static CheckedReport LongAppendix()
    {
        var markdown = new StringBuilder("# Long appendix\n\n## Events\n\n");
        for (var i = 0; i < Count; i++)
        {
            markdown.Append(CultureInfo.InvariantCulture,
                $"Claim{i}a says the flood of year {2000 + i} displaced {100 + i} families along the river, according to the first survey of the district. " +
                $"Claim{i}b says the same flood displaced {200 + i} families, according to the regional office's later count. (Sources: [Agency](#) [1])\n\n");
        }
        var report = Parse.Check(markdown.ToString());
        var discrepancies = Enumerable.Range(0, Count)
            .Select(i => PdfRender.Discrepancy(report.Document, $"flood-{i}", $"Flood of {2000 + i}", "families displaced",
                ($"Claim{i}a", (100 + i).ToString(CultureInfo.InvariantCulture)),
                ($"Claim{i}b", (200 + i).ToString(CultureInfo.InvariantCulture))) with
            { EventKey = "floods" })
            .ToImmutableArray();
        return report with { Discrepancies = discrepancies };
    }

    [Fact]
    public void A_long_table_breaks_between_rows_and_repeats_its_header_on_every_page()
    {
        var pages = PdfRender.PageTexts(PdfRender.Render(LongAppendix()));
        var first = pages.ToList().FindLastIndex(p => p.Contains(ReportComposer.DiscrepanciesTitle, StringComparison.Ordinal));
        var last = pages.ToList().FindLastIndex(p => p.Contains(ReportComposer.HealthTitle, StringComparison.Ordinal));
        Assert.True(first >= 0 && last > first + 1, $"the appendix should span pages (from {first + 1} to {last})");
        for (var n = first; n < last; n++)
        {
            var page = pages[n];
            var header = page.IndexOf("Discrepancy Value Claim Sources", StringComparison.Ordinal);
            Assert.True(header >= 0, $"page {n + 1} has no table header");
            Assert.True(header < page.IndexOf("“Claim", StringComparison.Ordinal), $"on page {n + 1} the header is not above the rows");
        }
        for (var i = 0; i < Count; i++)
        {
            // Each row whole on one page (the quote and its location line), and both rows of a discrepancy together.
            var holding = Enumerable.Range(first, last - first).Where(n => pages[n].Contains($"“Claim{i}a says", StringComparison.Ordinal)).ToList();
            var page = pages[Assert.Single(holding)];
            Assert.Contains($"“Claim{i}a says", page, StringComparison.Ordinal);
            Assert.Contains($"“Claim{i}b says", page, StringComparison.Ordinal);
            Assert.Contains($"{200 + i} families, according to the regional office’s later count.” § Events, line", page.Replace('\'', '’'), StringComparison.Ordinal);
        }
    }
}
