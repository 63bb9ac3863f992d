using CiteCheck.Rendering.Pdf.Fonts;
using CiteCheck.Rendering.Pdf.Layout;

namespace CiteCheck.Tests.Rendering.Pdf.Layout;

public sealed class LineBreakerTests
{
    // 10 pt text: every character, space included, is 5 pt wide.
    private static readonly TextStyle Text = new(FontRole.Serif, 10);
    private static readonly LineBreaker Breaker = new(new FixedWidthMeasurer());

    private static string Plain(Line line) => string.Concat(line.Fragments.Select(f => f.Text)).TrimEnd();

    [Fact]
    public void Breaks_greedily_at_spaces_within_the_width()
    {
        var lines = Breaker.Break([new Run("aaa bbb ccc ddd eee", Text)], width: 55, Alignment.Left);
        Assert.Equal(["aaa bbb ccc", "ddd eee"], lines.Select(Plain));
        Assert.All(lines, l => Assert.True(l.NaturalWidth <= 55));
    }

    [Fact]
    public void Justified_lines_fill_the_width_except_the_last()
    {
        var lines = Breaker.Break([new Run("aa bbb cc dddd ee f", Text)], width: 60, Alignment.Justify);
        Assert.Equal(["aa bbb cc", "dddd ee f"], lines.Select(Plain));
        var first = lines[0].Fragments;
        Assert.Equal(60, first[^1].X + first[^1].Width, 6);
        var last = lines[1].Fragments;
        Assert.Equal(lines[1].NaturalWidth, last[^1].X + last[^1].Width, 6);
    }

    [Fact]
    public void Runs_touching_without_a_space_stay_on_one_line_and_keep_their_styles()
    {
        var bold = Text with { Bold = true };
        var lines = Breaker.Break([new Run("xxxxxxxx ", Text), new Run("July:", bold), new Run("An attack", Text)], width: 60, Alignment.Left);
        Assert.Equal(["xxxxxxxx", "July:An", "attack"], lines.Select(Plain));
        Assert.True(lines[1].Fragments[0].Style.Bold);
        Assert.False(lines[1].Fragments[1].Style.Bold);
    }

    [Fact]
    public void Breaks_after_a_dash_in_body_text_but_not_in_headings()
    {
        var runs = new[] { new Run("left dead—although others", Text) };
        Assert.Equal(["left dead—", "although", "others"], Breaker.Break(runs, 70, Alignment.Left).Select(Plain));
        Assert.Equal(["left", "dead—although", "others"], Breaker.Break(runs, 70, Alignment.Left, breakAtDashes: false).Select(Plain));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_between_characters()
    {
        var lines = Breaker.Break([new Run("see https://example.org/a/very/long/path", Text)], width: 50, Alignment.Justify);
        Assert.All(lines, l => Assert.True(l.NaturalWidth <= 50 + 1e-6, $"'{Plain(l)}' is {l.NaturalWidth} wide"));
        Assert.Equal("see https://example.org/a/very/long/path", string.Concat(lines.Select(l => string.Concat(l.Fragments.Select(f => f.Text)))));
    }

    [Fact]
    public void A_forced_break_ends_the_line_without_justifying_it()
    {
        var lines = Breaker.Break([new Run("aa bb\ncc dd", Text)], width: 100, Alignment.Justify);
        Assert.Equal(["aa bb", "cc dd"], lines.Select(Plain));
        Assert.Equal(lines[0].NaturalWidth, lines[0].Fragments[^1].X + lines[0].Fragments[^1].Width, 6);
    }

    [Fact]
    public void Spaces_are_drawn_as_characters_so_the_text_copies_as_words()
    {
        var lines = Breaker.Break([new Run("one two three four", Text)], width: 45, Alignment.Justify);
        Assert.Equal("one two three four", string.Concat(lines.SelectMany(l => l.Fragments).Select(f => f.Text)));
    }
}
