using CiteCheck.Model;
using CiteCheck.Tests.Support;

namespace CiteCheck.Tests.Parsing;

public class ReportParserTests
{
    private static (int Line, int Column) At(Claim c) => (c.Span.Line, c.Span.Column);

    private static string[] Sources(Claim c) => [.. c.Sources];

    [Fact]
    public void Claim_spans_are_one_based_and_point_at_the_first_character_of_the_sentence()
    {
        var document = Parse.Markdown("# Title\n\nFirst one. Second *one* here.\nThird on the next line.\n");
        var claims = document.Claims.ToList();
        Assert.Equal(["First one.", "Second one here.", "Third on the next line."], claims.Select(c => c.Text));
        Assert.Equal([(3, 1), (3, 12), (4, 1)], claims.Select(At));
        Assert.Equal((3, 11), (claims[0].Span.End.Line, claims[0].Span.End.Column));
    }

    [Fact]
    public void A_citation_inside_a_sentence_keeps_its_label_as_text_and_backs_that_sentence()
    {
        var claims = Parse.Markdown("He is the son of [Gulmurod Khalimov](#) [3], a former official. He left. (Sources: [Reuters](#) [4])").Claims.ToList();
        Assert.Equal("He is the son of Gulmurod Khalimov, a former official.", claims[0].Text);
        Assert.Equal(["3", "4"], Sources(claims[0]));
        Assert.Equal(["4"], Sources(claims[1]));
    }

    [Fact]
    public void A_citation_right_after_a_sentence_backs_that_sentence_only_and_its_label_is_not_prose()
    {
        var claims = Parse.Markdown("One happened. [Reuters](https://r) [1] Two happened. Three happened. Source: [AP](https://ap) [2]").Claims.ToList();
        Assert.Equal(["One happened.", "Two happened.", "Three happened."], claims.Select(c => c.Text));
        Assert.Equal(["1", "2"], Sources(claims[0]));
        Assert.Equal(["2"], Sources(claims[1]));
    }

    [Theory]
    [InlineData("A. B. (Sources: [R](#) [1], [S](#) [2])")]
    [InlineData("A. B. Sources: [R](#) [1], [S](#) [2]")]
    [InlineData("A. B. Source: [R](#) [1] [S](#) [2]")]
    [InlineData("A. B. [R](#) [1], [S](#) [2]")]
    public void A_closing_group_backs_every_claim_of_the_block_and_is_not_a_claim(string paragraph)
    {
        var block = Assert.Single(Parse.Markdown(paragraph.Replace("A.", "Alpha is first.").Replace("B.", "Beta is second.")).Blocks);
        Assert.Equal(["Alpha is first.", "Beta is second."], block.Claims.Select(c => c.Text));
        Assert.All(block.Claims, c => Assert.Equal(["1", "2"], Sources(c)));
        Assert.All(block.Citations, c => Assert.True(c.InClosingGroup));
    }

    [Fact]
    public void Footnotes_are_citations_of_the_sentence_they_follow()
    {
        var document = Parse.Markdown("""
            First claim.[^a] Second claim.[^b] Third claim.[^a]

            [^a]: Columbia University, "The IRPT", https://columbia.edu/irpt, 2016-01-01
            [^b]: Freedom House, "Tajikistan", https://freedomhouse.org/tj
            [^c]: OSCE, "Never cited"
            """);
        var claims = document.Claims.ToList();
        Assert.Equal(["First claim.", "Second claim.", "Third claim."], claims.Select(c => c.Text));
        Assert.Equal([["^a"], ["^b"], ["^a"]], claims.Select(Sources));
        Assert.All(document.Citations, c => Assert.Equal(CitationStyle.Footnote, c.Style));
        Assert.Equal(["^a", "^b", "^c"], document.Bibliography.Footnotes.Select(s => s.Key));
        var a = document.Bibliography.Footnotes[0];
        Assert.Equal(("Columbia University", "The IRPT", "https://columbia.edu/irpt", "2016-01-01"), (a.Publisher, a.Title, a.Url, a.Date));
        Assert.Equal((5, 1), (document.Bibliography.Footnotes[2].Definition!.Line, document.Bibliography.Footnotes[2].Definition!.Column));
    }

    [Fact]
    public void An_undefined_footnote_reference_is_still_a_citation_and_not_text()
    {
        var document = Parse.Markdown("Defined.[^a] Undefined.[^b]\n\n[^a]: Reuters\n");
        var undefined = Assert.Single(document.Citations, c => c.SourceKey == "^b");
        Assert.Equal((1, 24), (undefined.Span.Line, undefined.Span.Column));
        Assert.Equal(["Defined.", "Undefined."], document.Claims.Select(c => c.Text));
        Assert.Equal(["^b"], Sources(document.Claims.Last()));
    }

    [Fact]
    public void A_table_row_is_a_claim_with_its_cells_and_citations()
    {
        var document = Parse.Markdown("""
            | Year | Dead | Source |
            |------|------|--------|
            | 2018 | 27 | [Reuters](https://r) [3] |
            | 2019 | 32 | none |
            """);
        var table = Assert.Single(document.Blocks);
        Assert.Equal(BlockKind.Table, table.Kind);
        Assert.Equal(3, table.Rows.Length);
        Assert.Equal(["2018; 27; Reuters", "2019; 32; none"], table.Claims.Select(c => c.Text));
        Assert.Equal([(3, 3), (4, 3)], table.Claims.Select(At));
        Assert.Equal(["3"], Sources(table.Claims[0]));
        Assert.Equal("3", Assert.Single(table.Citations).SourceKey);
    }

    [Fact]
    public void Front_matter_values_become_claims_at_their_keys()
    {
        var document = Parse.Markdown("---\ntitle: A report\ncasualties: 27 dead\n---\n\nText.\n");
        Assert.Equal(["title: A report", "casualties: 27 dead", "Text."], document.Claims.Select(c => c.Text));
        Assert.Equal([(2, 1), (3, 1), (6, 1)], document.Claims.Select(At));
        Assert.Equal("A report", document.Title);
        Assert.Equal(("casualties", "27 dead", 3, 13), (document.FrontMatter[1].Key, document.FrontMatter[1].Value, document.FrontMatter[1].Span.Line, document.FrontMatter[1].Span.Column));
    }

    [Fact]
    public void List_items_are_blocks_with_their_own_claims_and_groups()
    {
        var document = Parse.Markdown("""
            1. **July 2019:** An item. Its second sentence. Source: [RFE](#) [70]
            2. Another item.
               - Nested on 3 May. Source: [AP](#) [71]
            """);
        var items = document.Blocks.Where(b => b.Kind == BlockKind.ListItem).ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal([1, 2, null], items.Select(i => i.OrderedNumber));
        Assert.Equal([0, 0, 1], items.Select(i => i.Depth));
        Assert.Equal(["July 2019: An item.", "Its second sentence."], items[0].Claims.Select(c => c.Text));
        Assert.Equal([(1, 6), (1, 28)], items[0].Claims.Select(At));
        Assert.All(items[0].Claims, c => Assert.Equal(["70"], Sources(c)));
        Assert.Empty(items[1].Claims.Single().Sources);
        Assert.Equal((3, 6), At(items[2].Claims.Single()));
        Assert.Equal(["71"], Sources(items[2].Claims.Single()));
    }

    [Fact]
    public void Headings_are_sections_with_unique_slugs_and_parents()
    {
        var document = Parse.Markdown("# Report\n\n## Overview\n\n### ISIS & al-Qaeda\n\n## Overview\n\nText.\n");
        Assert.Equal(["report", "overview", "isis-al-qaeda", "overview-1"], document.Sections.Select(s => s.Slug));
        Assert.Equal([-1, 0, 1, 0], document.Sections.Select(s => s.ParentIndex));
        Assert.Equal("Report", document.Title);
        Assert.Empty(document.Blocks.Where(b => b.Kind == BlockKind.Heading).SelectMany(b => b.Claims));
        Assert.Equal("Overview", document.SectionOf(document.Blocks.Last())!.Title);
    }

    [Fact]
    public void A_citation_records_label_number_target_and_spans()
    {
        var citation = Assert.Single(Parse.Markdown("Text. Source: [Radio Free Europe](https://rferl.org/a) [12]").Citations);
        Assert.Equal(("Radio Free Europe", "12", 12, "https://rferl.org/a"), (citation.Label, citation.SourceKey, citation.Number, citation.Target));
        Assert.Equal((1, 15, 1, 60), (citation.Span.Line, citation.Span.Column, citation.Span.End.Line, citation.Span.End.Column));
        Assert.Equal((1, 35), (citation.TargetSpan!.Line, citation.TargetSpan.Column));
    }

    // Hostile shapes (docs/benchmarks.md): each once grew faster than its input. These tests pin what the parse gives
    // on them; they have no time bound.

    [Fact]
    public void Twenty_thousand_identical_headings_get_unique_ids_and_their_parent()
    {
        var text = "# Report\n\n" + string.Concat(Enumerable.Repeat("## Background\n\nText.\n\n", 20_000)) + "## Background-1\n\n### Deeper\n";
        var sections = Parse.Markdown(text).Sections;
        Assert.Equal(20_003, sections.Length);
        Assert.Equal(sections.Length, sections.Select(s => s.Slug).Distinct().Count());
        Assert.Equal(["report", "background", "background-1", "background-2"], sections.Take(4).Select(s => s.Slug));
        Assert.Equal("background-19999", sections[20_000].Slug);
        // "Background-1" was taken by the second heading, so the heading written that way gets the next free suffix.
        Assert.Equal("background-1-1", sections[20_001].Slug);
        Assert.All(sections.Skip(1).Take(20_001), s => Assert.Equal(0, s.ParentIndex));
        Assert.Equal(20_001, sections[^1].ParentIndex);
    }

    [Fact]
    public void Parents_are_the_last_heading_above_the_level_however_the_levels_jump()
    {
        var document = Parse.Markdown("## A\n\n#### B\n\n### C\n\n# D\n\n### E\n\n## F\n\n### G\n");
        Assert.Equal([-1, 0, 0, -1, 3, 3, 5], document.Sections.Select(s => s.ParentIndex));
    }

    [Fact]
    public void A_closing_group_of_forty_thousand_citations_backs_the_claim()
    {
        var group = string.Join(", ", Enumerable.Range(1, 40_000).Select(i => $"[Reuters](https://example.com/{i}) [{i}]"));
        var block = Assert.Single(Parse.Markdown($"Police arrested 4 men. (Sources: {group})").Blocks);
        var claim = Assert.Single(block.Claims);
        Assert.Equal("Police arrested 4 men.", claim.Text);
        Assert.Equal(40_000, claim.Sources.Length);
        Assert.Equal(40_000, block.Citations.Length);
        Assert.All(block.Citations, c => Assert.True(c.InClosingGroup));
        Assert.Equal(("40000", "https://example.com/40000"), (block.Citations[^1].SourceKey, block.Citations[^1].Target));
    }

    [Fact]
    public void A_run_of_twenty_thousand_citations_that_does_not_close_the_paragraph_is_not_a_group()
    {
        var run = string.Join(", ", Enumerable.Range(1, 20_000).Select(i => $"[Reuters](#) [{i}]"));
        var block = Assert.Single(Parse.Markdown($"Police arrested 4 men. (Sources: {run}) and then more words").Blocks);
        Assert.All(block.Citations, c => Assert.False(c.InClosingGroup));
        Assert.Equal(["1"], block.Claims[1].Sources.Take(1));
        Assert.Equal(20_000, block.Claims[1].Sources.Length);
        Assert.Equal(["Police arrested 4 men."], block.Claims.Take(1).Select(c => c.Text));
    }

    [Fact]
    public void Twenty_thousand_sentences_each_with_its_citation_are_each_backed_by_their_own()
    {
        var text = string.Join(" ", Enumerable.Range(1, 20_000).Select(i => $"Police arrested {i} men [Reuters](https://example.com/{i}) [{i}]."));
        var claims = Parse.Markdown(text).Claims.ToList();
        Assert.Equal(20_000, claims.Count);
        Assert.All(claims.Select((c, i) => (c, i)), x => Assert.Equal([(x.i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)], Sources(x.c)));
        Assert.Equal("Police arrested 20000 men Reuters.", claims[^1].Text);
    }
}
