using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Pdf.Compose;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Outline;

namespace CiteCheck.Tests.Rendering.Pdf;

/// <summary>The sample report's PDF, rendered once, read back with PdfPig.</summary>
public sealed class SamplePdf
{
    public CheckedReport Report { get; } = PdfRender.SampleWithDiscrepancies();

    public byte[] Pdf { get; }

    public IReadOnlyList<string> Pages { get; }

    public string Text { get; }

    public SamplePdf()
    {
        Pdf = PdfRender.Render(Report);
        if (Environment.GetEnvironmentVariable("CITECHECK_DUMP_PDF") is { Length: > 0 } dump)
        {
            File.WriteAllBytes(dump, Pdf);
            File.WriteAllLines(dump + ".txt", PdfRender.PageTexts(Pdf));
        }
        Pages = PdfRender.PageTexts(Pdf);
        Text = string.Join(" ", Pages);
    }
}

public sealed class SamplePdfTests(SamplePdf sample) : IClassFixture<SamplePdf>
{
    [Fact]
    public void Every_section_heading_is_in_the_text()
    {
        Assert.NotEmpty(sample.Report.Document.Sections);
        foreach (var section in sample.Report.Document.Sections)
        {
            Assert.Contains(PdfRender.Collapse(section.Title), sample.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_bibliography_entry_is_listed_with_its_number_after_the_sources_heading()
    {
        var sources = sample.Text[sample.Text.LastIndexOf(ReportComposer.SourcesTitle, sample.Text.LastIndexOf(ReportComposer.DiscrepanciesTitle, StringComparison.Ordinal), StringComparison.Ordinal)..];
        var entries = sample.Report.Document.Bibliography.Entries;
        Assert.Equal(97, entries.Length);
        var position = 0;
        foreach (var source in entries.OrderBy(s => s.Number))
        {
            var entry = $"{source.Number}. {source.Publisher}.";
            var found = sources.IndexOf(entry, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{entry}' is not in the sources, in order");
            position = found + entry.Length;
        }
    }

    [Fact]
    public void Every_discrepancy_is_in_the_appendix_with_its_values_claims_and_status()
    {
        // The titles are also in the contents on page 1: the appendices are their last occurrences.
        var appendix = sample.Text[sample.Text.LastIndexOf(ReportComposer.DiscrepanciesTitle, StringComparison.Ordinal)..sample.Text.LastIndexOf(ReportComposer.HealthTitle, StringComparison.Ordinal)];
        Assert.Contains("Discrepancy Value Claim Sources", appendix, StringComparison.Ordinal);
        foreach (var discrepancy in sample.Report.Discrepancies)
        {
            Assert.Contains(discrepancy.Subject, appendix, StringComparison.Ordinal);
            Assert.Contains(Discrepancy.StatusName(discrepancy.Status), appendix, StringComparison.Ordinal);
            foreach (var claim in discrepancy.Claims)
            {
                // The claim's opening words, and where it is: section and line.
                Assert.Contains(string.Join(' ', claim.Text.Split(' ').Take(6)), appendix, StringComparison.Ordinal);
                Assert.Contains($"line {claim.Span.Line}", appendix, StringComparison.Ordinal);
            }
        }
        Assert.Contains("The report gives the official figure", appendix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pipelines_own_discrepancies_of_the_sample_are_in_the_appendix()
    {
        var report = CiteCheck.Compiler.Pipeline.Compile(new CiteCheck.Compiler.PhysicalHost(), CiteCheck.Tests.Support.Repo.Path("content", "tajikistan", "report.md"));
        Assert.NotEmpty(report.Discrepancies);
        var text = string.Join(" ", PdfRender.PageTexts(PdfRender.Render(report)));
        var appendix = text[text.LastIndexOf(ReportComposer.DiscrepanciesTitle, StringComparison.Ordinal)..text.LastIndexOf(ReportComposer.HealthTitle, StringComparison.Ordinal)];
        foreach (var discrepancy in report.Discrepancies)
        {
            Assert.Contains($"{Discrepancy.StatusName(discrepancy.Status)} · {discrepancy.Id}", appendix, StringComparison.Ordinal);
            Assert.All(discrepancy.Claims, claim => Assert.Contains($"line {claim.Span.Line}", appendix, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_citation_health_appendix_groups_the_findings_by_rule()
    {
        var appendix = sample.Text[sample.Text.LastIndexOf(ReportComposer.HealthTitle, StringComparison.Ordinal)..];
        foreach (var rule in sample.Report.Diagnostics.GroupBy(d => d.Id))
        {
            Assert.Contains($"{rule.Key} {rule.First().Rule}", appendix, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Page_count_is_plausible_and_every_page_has_its_footer()
    {
        Assert.InRange(sample.Pages.Count, 10, 30);
        for (var n = 0; n < sample.Pages.Count; n++)
        {
            // The furniture is drawn after the text: the running header from page 2 on, then the footer.
            var header = n == 0 ? "" : "Tajikistan: Extremism & Counter-Extremism ";
            Assert.EndsWith($"{header}Citation-checked edition · built 1 June 2024 Page {n + 1} of {sample.Pages.Count}", sample.Pages[n], StringComparison.Ordinal);
        }
        // The same counts as the HTML edition's masthead, then the contents.
        Assert.StartsWith("CITATION-CHECKED REPORT Tajikistan: Extremism & Counter-Extremism Built 1 June 2024 · 133 citations of 97 sources · 2 discrepancies (1 open) · 133 citation errors, 14 warnings Contents Overview", sample.Pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Citation_numbers_link_to_their_entries_in_the_bibliography()
    {
        using var document = PdfDocument.Open(sample.Pdf);
        var pages = sample.Pages.ToList();
        var first = pages.FindIndex(p => p.Contains($"{ReportComposer.SourcesTitle} 1. Reuters.", StringComparison.Ordinal)) + 1;
        var last = pages.FindIndex(p => p.Contains("97. Jamestown Foundation.", StringComparison.Ordinal)) + 1;
        Assert.True(first > 1 && last >= first);
        var sourcesPages = Enumerable.Range(first, last - first + 1).ToHashSet();
        var internalLinks = document.GetPages()
            .SelectMany(p => p.GetAnnotations())
            .Where(a => a.Type == AnnotationType.Link && a.Action is GoToAction
                && a.AnnotationDictionary.TryGet(UglyToad.PdfPig.Tokens.NameToken.A, out var action) && action is UglyToad.PdfPig.Tokens.DictionaryToken d
                && d.Data["D"] is UglyToad.PdfPig.Tokens.StringToken { Data: var name } && name.StartsWith("source-", StringComparison.Ordinal))
            .Select(a => (GoToAction)a.Action!)
            .ToList();
        // One link to an entry per citation number (its "?" placeholder flag is part of it): each citation in the prose,
        // each source of a closing group once, each source of a claim in appendix A, each finding of appendix B about a source.
        var model = EditionModelBuilder.Build(sample.Report);
        var expected = sample.Report.Document.Blocks
            .Where(b => b.Kind != BlockKind.Heading)
            .Sum(b => b.Citations.Count(c => !c.InClosingGroup) + b.Citations.Where(c => c.InClosingGroup).Select(c => c.SourceKey).Distinct().Count())
            + sample.Report.Discrepancies.SelectMany(d => d.Claims).Sum(c => c.Sources.Length)
            + model.Health.Rules.SelectMany(r => r.Items).Count(f => f.SourceAnchor is not null);
        Assert.Equal(expected, internalLinks.Count);
        Assert.All(internalLinks, link => Assert.Contains(link.Destination.PageNumber, sourcesPages));
    }

    [Fact]
    public void Outline_entries_match_the_headings_nested_by_level()
    {
        using var document = PdfDocument.Open(sample.Pdf);
        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var roots = bookmarks.Roots.Select(r => r.Title).ToList();
        var document0 = sample.Report.Document;
        var body = document0.Sections.Where(s => s.Title != document0.Title).Select(s => s.Title);
        Assert.Equal([ReportComposer.ContentsTitle, .. body, ReportComposer.SourcesTitle, ReportComposer.DiscrepanciesTitle, ReportComposer.HealthTitle], roots);
        // Appendix A has one entry per event, as the HTML edition has one section per event.
        var discrepancies = bookmarks.Roots.Single(r => r.Title == ReportComposer.DiscrepanciesTitle);
        Assert.Equal(sample.Report.Discrepancies.Select(d => d.Subject).Distinct(), discrepancies.Children.Select(c => c.Title));
        var health = bookmarks.Roots.Single(r => r.Title == ReportComposer.HealthTitle);
        Assert.Equal(
            sample.Report.Diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal),
            health.Children.Select(c => c.Title.Split(' ')[0]));
        Assert.All(health.Children, c => Assert.Equal(1, c.Level));
        // Each entry goes to the page its heading is on.
        foreach (var node in bookmarks.GetNodes().OfType<DocumentBookmarkNode>())
        {
            Assert.Contains(node.Title, sample.Pages[node.PageNumber - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes_and_the_build_time_is_the_creation_date()
    {
        var again = PdfRender.Render(sample.Report);
        Assert.Equal(sample.Pdf, again);
        var later = PdfRender.Render(sample.Report, PdfRender.Options() with { BuildTime = PdfRender.BuildTime.AddDays(1) });
        Assert.NotEqual(sample.Pdf, later);
        using var document = PdfDocument.Open(sample.Pdf);
        Assert.Equal("D:20240601000000+00'00'", document.Information.CreationDate);
    }

    [Theory]
    [InlineData("a4", 595.28, 841.89)]
    [InlineData("letter", 612, 792)]
    public void Paper_sets_the_page_size(string paper, double width, double height)
    {
        var pdf = paper == "a4" ? sample.Pdf : PdfRender.Render(sample.Report, PdfRender.Options(paper));
        using var document = PdfDocument.Open(pdf);
        Assert.All(document.GetPages(), page =>
        {
            Assert.Equal(width, page.Width, 1);
            Assert.Equal(height, page.Height, 1);
        });
    }

    [Fact]
    public void Fonts_are_embedded_as_subsets_with_unicode_maps()
    {
        using var document = PdfDocument.Open(sample.Pdf);
        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ToList();
        Assert.Contains(fonts, f => f.EndsWith("DejaVu Serif", StringComparison.Ordinal) || f.EndsWith("Liberation Serif", StringComparison.Ordinal));
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+", f));
        var raw = System.Text.Encoding.Latin1.GetString(sample.Pdf);
        Assert.Equal(fonts.Count, CountOf(raw, "/FontFile2"));
        Assert.Equal(fonts.Count, CountOf(raw, "/ToUnicode"));
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
