using CiteCheck.Rendering.Pdf.Fonts;
using CiteCheck.Rendering.Pdf.Layout;

namespace CiteCheck.Tests.Rendering.Pdf.Layout;

public sealed class PaginatorTests
{
    private static readonly TextStyle Text = new(FontRole.Serif, 10);
    private static readonly BlockLayouter Layouter = new(new FixedWidthMeasurer());

    /// <summary>A paragraph of n lines at 10 pt leading: each line one ten-character word at 50 pt width.</summary>
    private static ParagraphBlock Lines(int n, string prefix) =>
        new([new Run(string.Join(' ', Enumerable.Range(1, n).Select(i => $"{prefix}{i:D2}".PadRight(10, 'x'))), Text)], new ParagraphStyle(Text, 10, Alignment.Left));

    private static IReadOnlyList<LaidOutPage> Paginate(double height, params LayoutBlock[] blocks) =>
        Paginator.Paginate(Layouter.Layout(blocks, 50), height);

    private static List<string> TextOf(LaidOutPage page) =>
        [.. page.Units.Where(u => !u.Repeated).SelectMany(u => u.Unit.Ops.OfType<TextOp>()).Select(t => t.Text.Trim())];

    [Fact]
    public void Never_leaves_a_single_line_of_a_paragraph_at_the_foot_of_a_page()
    {
        // 9 lines fill the page; a paragraph starting on the last line would leave an orphan, so it moves whole.
        var pages = Paginate(100, Lines(9, "a"), Lines(5, "b"));
        Assert.Equal(9, TextOf(pages[0]).Count);
        Assert.StartsWith("b01", TextOf(pages[1])[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Never_carries_a_single_line_of_a_paragraph_to_the_next_page()
    {
        // 11 lines on a 10-line page: the break goes before line 10, so two lines go over, not one.
        var pages = Paginate(100, Lines(11, "a"));
        Assert.Equal(9, TextOf(pages[0]).Count);
        Assert.Equal(["a10xxxxxxx", "a11xxxxxxx"], TextOf(pages[1]));
    }

    [Fact]
    public void A_heading_moves_to_the_next_page_with_the_first_lines_that_follow_it()
    {
        var heading = new HeadingBlock([new Run("Head", Text)], new ParagraphStyle(Text, 10, Alignment.Left), "h", "Head", 0);
        var pages = Paginate(100, Lines(8, "a"), heading, Lines(4, "b"));
        Assert.Equal(8, TextOf(pages[0]).Count);
        Assert.Equal("Head", TextOf(pages[1])[0]);
    }

    [Fact]
    public void Space_before_a_block_is_dropped_at_the_top_of_a_page()
    {
        var spaced = Lines(3, "b") with { Style = new ParagraphStyle(Text, 10, Alignment.Left, SpaceBefore: 30) };
        var pages = Paginate(100, Lines(8, "a"), spaced);
        Assert.Equal(0, pages[1].Units[0].Y);
    }

    [Fact]
    public void A_table_repeats_its_header_on_each_page_and_keeps_row_groups_together()
    {
        var style = new TableStyle(10, 0, 0, default, default, default, 0, 0);
        IReadOnlyList<Run> Cell(string text) => [new Run(text, Text)];
        var rows = Enumerable.Range(0, 12).Select(i => new TableRow([Cell($"r{i:D2}")], EndsGroup: i % 3 == 2)).ToList();
        var table = new TableBlock([1], [Cell("Head")], rows, style);
        var pages = Paginate(50, table);
        Assert.True(pages.Count >= 3);
        foreach (var page in pages)
        {
            var first = page.Units[0];
            Assert.True(first.Unit.IsHeader);
            Assert.Equal(page.Number > 1, first.Repeated);
            var texts = page.Units.SelectMany(u => u.Unit.Ops.OfType<TextOp>()).Select(t => t.Text).ToList();
            Assert.Equal("Head", texts[0]);
            // Groups of three rows (r00–r02, r03–r05, …) are never split: a page holds whole groups.
            Assert.Equal(0, (texts.Count - 1) % 3);
        }
    }

    [Fact]
    public void A_block_marked_to_start_a_page_does()
    {
        var pages = Paginate(100, Lines(2, "a"), Lines(2, "b") with { PageBreakBefore = true });
        Assert.Equal(2, pages.Count);
        Assert.StartsWith("b01", TextOf(pages[1])[0], StringComparison.Ordinal);
    }
}
