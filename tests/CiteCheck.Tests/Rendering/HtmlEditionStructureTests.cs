using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Html;
using static CiteCheck.Tests.Rendering.HtmlEditionFixture;

namespace CiteCheck.Tests.Rendering;

public class HtmlEditionStructureTests
{
    private const string Markdown = """
        # The Dushanbe Attacks

        On September 4, 2015, attackers struck two police posts. The attacks killed at least 22 people. (Sources: [Reuters](https://www.reuters.com/a) [1], [BBC](#) [2])

        ## Overview

        Officials later said the attacks killed 35 people.[^rfe] A third account was *vaguer*.

        - first point [Reuters](https://www.reuters.com/b) [1]
        - second point
          - nested point
        - third point

        1. one
        2. two

        | Year | Deaths |
        |------|--------|
        | 2015 | 22 [BBC](#) [2] |

        > A quotation.

        ## Sources discussed

        See [the overview](#overview) and [nowhere](#no-such-section).

        [^rfe]: Radio Free Europe, "Dushanbe attacks", https://www.rferl.org/a.html
        """;

    private static CheckedReport Report()
    {
        var report = Check(Markdown);
        var discrepancy = Between(report.Document, "d-22-35", "2015-09-04 dushanbe", DiscrepancyStatus.Open, null, "22 people", "35 people");
        return WithDiscrepancies(report, discrepancy);
    }

    [Fact]
    public void Has_the_title_and_a_table_of_contents_of_the_sections()
    {
        var html = HtmlEditionFixture.Report(Report());
        Assert.Equal("The Dushanbe Attacks", html.Title);
        Assert.Equal("The Dushanbe Attacks", html.QuerySelector(".masthead h1")!.TextContent);
        Assert.Empty(html.QuerySelectorAll("main h1")); // the title heading is not repeated in the body
        var toc = html.QuerySelectorAll("#contents a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("#overview", "Overview"), toc);
        Assert.Contains(("#sources-discussed", "Sources discussed"), toc);
        Assert.Contains(("#bibliography", "Bibliography"), toc);
        Assert.Equal("h2", html.GetElementById("overview")!.LocalName);
    }

    [Fact]
    public void Groups_list_items_by_depth_and_keeps_tables_and_quotes()
    {
        var html = HtmlEditionFixture.Report(Report());
        var lists = html.QuerySelectorAll("main > ul");
        Assert.Single(lists);
        Assert.Equal(3, lists[0].Children.Length);
        Assert.Equal("nested point", lists[0].QuerySelector("li > ul > li")!.TextContent.Trim());
        Assert.Equal(2, html.QuerySelectorAll("main > ol > li").Length);
        Assert.Equal("Deaths", html.QuerySelector("main table thead th:nth-child(2)")!.TextContent);
        Assert.Equal("A quotation.", html.QuerySelector("main blockquote p")!.TextContent);
    }

    [Fact]
    public void Each_citation_links_to_its_entry_and_each_entry_links_back_to_every_citation()
    {
        var report = Report();
        var html = HtmlEditionFixture.Report(report);
        foreach (var citation in report.Document.Citations)
        {
            var a = html.GetElementById(EditionAnchors.Citation(citation));
            Assert.NotNull(a);
            Assert.Equal("#" + EditionAnchors.Source(citation.SourceKey), a.GetAttribute("href"));
        }
        var entry = html.GetElementById("source-1")!;
        Assert.True(html.GetElementById("bibliography")!.Contains(entry));
        var back = entry.QuerySelectorAll(".backlinks a").Select(a => a.GetAttribute("href")).ToList();
        var expected = report.Document.Citations.Where(c => c.SourceKey == "1").Select(c => "#" + EditionAnchors.Citation(c)).ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, back!);
        // Footnotes have entries too, with the text of their definition.
        Assert.Contains("Radio Free Europe", html.GetElementById("source-rfe")!.TextContent);
        Assert.Equal("https://www.rferl.org/a.html", html.GetElementById("source-rfe")!.QuerySelector("a.source-url")!.GetAttribute("href"));
    }

    [Fact]
    public void Placeholder_citations_and_broken_section_links_are_marked_not_dead_links()
    {
        var html = HtmlEditionFixture.Report(Report());
        var placeholder = html.QuerySelectorAll(".cite--placeholder");
        Assert.Equal(2, placeholder.Length);
        Assert.All(placeholder, p =>
        {
            Assert.Contains("Placeholder link", p.GetAttribute("title"));
            Assert.Equal("?", p.QuerySelector(".flag-mark")!.TextContent);
            Assert.Null(p.QuerySelector("a.cite-label")); // the label is not a link to '#'
            Assert.Equal("#source-2", p.QuerySelector(".cite-ref a")!.GetAttribute("href"));
        });
        Assert.Empty(html.QuerySelectorAll("a[href='#']"));
        Assert.Equal("#overview", html.QuerySelector("main a[href='#overview']")?.GetAttribute("href"));
        var broken = html.QuerySelector(".link-flag")!;
        Assert.Contains("no section '#no-such-section'", broken.GetAttribute("title"));
    }

    [Fact]
    public void A_conflicting_figure_carries_a_marker_at_the_end_of_its_sentence_and_the_appendix_links_back()
    {
        var report = Report();
        var html = HtmlEditionFixture.Report(report);
        var d = report.Discrepancies[0];
        var entry = html.GetElementById(EditionAnchors.Discrepancy(d.Id))!;
        Assert.True(html.GetElementById("discrepancies")!.Contains(entry));
        Assert.Equal("open", entry.QuerySelector(".status")!.TextContent);
        var backs = entry.QuerySelectorAll("a.back").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(d.Claims.Select(c => "#" + EditionAnchors.Claim(c.ClaimId)), backs);
        Assert.Contains("35 people", entry.TextContent);
        Assert.Equal(["The Dushanbe Attacks", "Overview"], entry.QuerySelectorAll(".side-section").Select(e => e.TextContent));

        // The marker sits right after the sentence that states the figure, before what follows it.
        foreach (var side in d.Claims)
        {
            var anchor = html.GetElementById(EditionAnchors.Claim(side.ClaimId))!;
            Assert.Equal("#" + EditionAnchors.Discrepancy(d.Id), anchor.NextElementSibling!.QuerySelector("a")!.GetAttribute("href"));
        }
        Assert.Contains("killed at least 22 people.≠1 (Sources:", html.GetElementById(EditionAnchors.Claim(d.Claims[0].ClaimId))!.ParentElement!.TextContent);
        Assert.Contains("killed 35 people.≠1", html.GetElementById(EditionAnchors.Claim(d.Claims[1].ClaimId))!.ParentElement!.TextContent);
    }

    [Fact]
    public void The_discrepancy_page_stands_alone_and_links_into_the_report()
    {
        var report = Report();
        var html = HtmlEditionFixture.Report(report, HtmlEditionRenderer.DiscrepanciesFile);
        Assert.Null(html.QuerySelector("main"));
        var backs = html.QuerySelectorAll("a.back").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(report.Discrepancies[0].Claims.Select(c => "report.html#" + EditionAnchors.Claim(c.ClaimId)), backs);
        Assert.NotNull(html.GetElementById(EditionAnchors.Discrepancy("d-22-35")));
    }

    [Fact]
    public void Explained_discrepancies_show_the_reviewers_note_and_are_grouped_by_event()
    {
        var report = Check(Markdown);
        var open = Between(report.Document, "a", "event-1", DiscrepancyStatus.Open, null, "22 people", "35 people");
        var explained = Between(report.Document, "b", "event-1", DiscrepancyStatus.Explained, "Officials counted the attackers too.", "22 people", "35 people");
        var html = HtmlEditionFixture.Report(WithDiscrepancies(report, open, explained));
        var groups = html.QuerySelectorAll("#discrepancies .event");
        Assert.Single(groups);
        Assert.Equal(2, groups[0].QuerySelectorAll(".discrepancy").Length);
        Assert.Contains("Officials counted the attackers too.", html.GetElementById(EditionAnchors.Discrepancy("b"))!.QuerySelector(".reviewer-note")!.TextContent);
        Assert.Null(html.GetElementById(EditionAnchors.Discrepancy("a"))!.QuerySelector(".reviewer-note"));
        // One claim anchor per claim, one marker per discrepancy.
        var anchor = html.GetElementById(EditionAnchors.Claim(open.Claims[0].ClaimId))!;
        Assert.Equal(2, anchor.ParentElement!.QuerySelectorAll(".disc-mark").Length);
    }

    [Fact]
    public void The_health_appendix_lists_the_findings_by_rule_with_line_and_column()
    {
        var report = Check(Markdown);
        var html = HtmlEditionFixture.Report(report);
        var placeholder = report.Diagnostics.Where(d => d.Id == "CC1001").ToList();
        Assert.NotEmpty(placeholder);
        var section = html.GetElementById(EditionAnchors.Rule("CC1001"))!;
        Assert.Contains("placeholder-link", section.QuerySelector("h3")!.TextContent);
        var locations = section.QuerySelectorAll("td.loc").Select(td => td.TextContent).ToList();
        Assert.Equal(placeholder.Select(d => $"{d.Location.Line}:{d.Location.Column}"), locations);
    }

    [Fact]
    public void Without_a_bibliography_file_the_entries_come_from_the_cited_labels()
    {
        var html = HtmlEditionFixture.Report(Check("# T\n\nOne [Reuters](https://r.example/x) [2]. Two [AP](#) [1].\n"));
        var entries = html.QuerySelectorAll("#bibliography li.source").Select(li => li.Id).ToList();
        Assert.Equal(["source-1", "source-2"], entries);
        Assert.Contains("AP", html.GetElementById("source-1")!.TextContent);
    }

    [Fact]
    public void A_source_missing_from_the_bibliography_file_gets_a_flagged_entry()
    {
        var bibliography = new Bibliography(BibliographyOrigin.File, "sources.yaml", [new Source("1", "Reuters", null, null, null, null, null, null)], []);
        var html = HtmlEditionFixture.Report(Check("# T\n\nOne [Reuters](#) [1]. Two [AP](#) [7].\n", bibliography));
        var entry = html.GetElementById("source-7")!;
        Assert.Contains("source--undefined", entry.ClassName);
        Assert.Contains("not in sources.yaml", entry.TextContent);
        Assert.NotNull(html.QuerySelector(".cite-ref--undefined a[href='#source-7']"));
    }
}
