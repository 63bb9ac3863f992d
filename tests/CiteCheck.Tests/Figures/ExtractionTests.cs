using CiteCheck.Checks.Figures;

namespace CiteCheck.Tests.Figures;

/// <summary>What the cross-check reads from single sentences.</summary>
public class ExtractionTests
{
    private static IReadOnlyList<Figure> Figures(string sentence) => FigureExtractor.Extract(sentence, DateExtractor.Extract(sentence));

    private static Figure Single(string sentence, FigureType type) => Assert.Single(Figures(sentence), f => f.Type == type && !f.IsSum);

    [Theory]
    [InlineData("Twelve senior leaders were arrested.", 12, "detained")]
    [InlineData("A riot left at least 27 people dead.", 27, "killed")]
    [InlineData("Over 1,300 Tajiks travelled to Syria to join the group.", 1300, "fighters")]
    [InlineData("The attack killed seventeen people.", 17, "killed")]
    [InlineData("Police detained a dozen protesters.", 12, "detained")]
    [InlineData("Some 1.5 million people were displaced by the war.", 1_500_000, "displaced")]
    [InlineData("Security forces said 13 had been killed.", 13, "killed")]
    public void Counts_in_digits_and_words_with_what_happened_to_them(string sentence, decimal value, string measure)
    {
        var figure = Assert.Single(Figures(sentence), f => f.Type == FigureType.Count);
        Assert.Equal(value, figure.Value);
        Assert.Equal(measure, figure.Measure);
    }

    [Theory]
    [InlineData("at least 35 people were killed", Qualifier.AtLeast)]
    [InlineData("more than 200 people were detained", Qualifier.MoreThan)]
    [InlineData("over 200 people were detained", Qualifier.MoreThan)]
    [InlineData("nearly 500 fighters joined", Qualifier.Nearly)]
    [InlineData("about 5,000 people marched", Qualifier.About)]
    [InlineData("around 5,000 people marched", Qualifier.About)]
    [InlineData("up to 40 people were detained", Qualifier.UpTo)]
    [InlineData("the figure is closer to 50 people killed", Qualifier.About)]
    public void Qualifiers(string sentence, Qualifier qualifier) =>
        Assert.Equal(qualifier, Assert.Single(Figures(sentence), f => f.Type == FigureType.Count).Qualifier);

    [Theory]
    [InlineData("more than 200", "230", true)]
    [InlineData("about 5,000", "4,960", true)]
    [InlineData("at least 35", "at least 22", false)]
    [InlineData("at least 27", "27", true)]
    [InlineData("1.2 million", "1,200,000", true)]
    [InlineData("27", "25", false)]
    [InlineData("about 200", "196", true)]
    [InlineData("up to 15", "12", true)]
    [InlineData("nearly 500", "520", false)]
    public void Qualifiers_decide_what_agrees(string a, string b, bool compatible)
    {
        var x = Single($"Police detained {a} people.", FigureType.Count);
        var y = Single($"Police detained {b} people.", FigureType.Count);
        Assert.Equal(compatible, FigureComparer.Compatible(x, y));
    }

    [Fact]
    public void A_sum_of_parts_is_a_figure_of_its_own()
    {
        var sum = Assert.Single(Figures("A riot broke out, killing 25 inmates and two security officers."), f => f.IsSum);
        Assert.Equal(27, sum.Value);
        Assert.Equal("killed", sum.Measure);
        Assert.True(FigureComparer.Compatible(sum, Single("The riot left at least 27 people dead.", FigureType.Count)));
    }

    [Fact]
    public void Respectively_binds_each_figure_to_its_own_date()
    {
        var figures = Figures("The two prison riots in November 2018 and May 2019 resulted in over 27 and 32 casualties, respectively.");
        Assert.Equal(["2018-11", "2019-05"], figures.Where(f => f.Measure.StartsWith("casualties", StringComparison.Ordinal)).Select(f => f.BoundDate!.Canonical));
        Assert.DoesNotContain(figures, f => f.IsSum);
    }

    [Fact]
    public void Respectively_binds_each_figure_to_its_own_place()
    {
        var figures = Figures("Rallies in Tessmark and Vell drew 30,000 and 12,000 people, respectively.").Where(f => !f.IsSum).ToList();
        Assert.Equal(["Tessmark", "Vell"], figures.Select(f => f.BoundPlace));
    }

    [Theory]
    [InlineData("sentenced to prison terms ranging from 12 to 16 years", 12, 16)]
    [InlineData("prison terms ranging between one and 16 years", 1, 16)]
    [InlineData("terms ranging from seven to 26 years", 7, 26)]
    [InlineData("sentenced to terms from 14 years to life", 14, null)]
    public void Ranges(string sentence, int low, int? high)
    {
        var range = Single(sentence, FigureType.Range);
        Assert.Equal(low, range.Value);
        Assert.Equal(high, (int?)range.High);
        Assert.Equal("sentence", range.Measure);
    }

    [Theory]
    [InlineData("The garrison numbered between 3,200 and 3,500 fighters.", 3200, 3500, "range:fight")]
    [InlineData("Strength: 3,200 to 3,800 rebel fighters.", 3200, 3800, "range:fight")]
    [InlineData("It released 32 to 39 million cubic metres of waste.", 32_000_000, 39_000_000, "range:metre")]
    [InlineData("Activists offered between €20 and €50 per vote.", 20, 50, "range:eur:vote")]
    [InlineData("The network paid €20 to €80 a vote.", 20, 80, "range:eur:vote")]
    public void Ranges_of_a_quantity_with_what_they_are_of(string sentence, decimal low, decimal high, string measure)
    {
        var range = Single(sentence, FigureType.Range);
        Assert.Equal((low, high, measure), (range.Value, range.High!.Value, range.Measure));
        Assert.DoesNotContain(Figures(sentence), f => f.Type is FigureType.Count or FigureType.Amount);
    }

    [Theory]
    [InlineData("Volunteers aged 18 to 25 joined.")]
    [InlineData("The toll rose from 12 to 19 people.")]
    [InlineData("The score was 3 to 2.")]
    public void Not_ranges_of_a_quantity(string sentence) =>
        Assert.DoesNotContain(Figures(sentence), f => f.Type == FigureType.Range);

    [Theory]
    [InlineData("Officials declared a 12-kilometre exclusion zone.", 12_000, "size:length")]
    [InlineData("The exclusion zone was set at 5 kilometres.", 5_000, "size:length")]
    [InlineData("The road was shut in a 40-day closure.", 960, "size:duration")]
    [InlineData("The closure of the road lasted 47 days.", 1_128, "size:duration")]
    public void Sizes_in_base_units_with_what_they_are_of(string sentence, decimal value, string measure)
    {
        var size = Assert.Single(Figures(sentence));
        Assert.Equal((value, measure), (size.Value, size.Measure));
        Assert.NotEmpty(size.Things);
    }

    [Theory]
    [InlineData("Three days later the army withdrew.")]
    [InlineData("The talks ended within 48 hours.")]
    public void A_time_from_a_moment_is_no_size(string sentence) =>
        Assert.DoesNotContain(Figures(sentence), f => f.Measure.StartsWith("size:", StringComparison.Ordinal));

    [Fact]
    public void A_range_before_a_respectively_list_stays_bound()
    {
        var figures = Figures("Activists offered between €20 and €50 per vote, and the network bought votes in Tessmark and Vell, spending €86,000 and €41,000 there, respectively.");
        Assert.False(Assert.Single(figures, f => f.Type == FigureType.Range).Unbound);
        Assert.Equal(["Tessmark", "Vell"], figures.Where(f => f.Type == FigureType.Amount).Select(f => f.BoundPlace));
    }

    [Theory]
    [InlineData("1300", "1300")]
    [InlineData("80.10", "80.1")]
    [InlineData("1.125", "1.125")]
    [InlineData("1500000.00", "1500000")]
    public void One_canonical_spelling_of_a_value_keeps_every_decimal(string value, string canonical) =>
        Assert.Equal(canonical, NumberWords.Canonical(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_link_checker_keys_a_claim_figure_and_a_page_number_alike()
    {
        var claim = CiteCheck.Tests.Support.Parse.Markdown("Inflation reached 12.125 percent and 1.5 million people left. (Sources: [Reuters](https://example.com/a) [1])\n").Blocks.SelectMany(b => b.Claims).First();
        var figures = new CiteCheck.Checks.Links.Figures.CrossCheckFigureSource().FiguresOf(claim).SelectMany(f => f.Alternatives).ToList();
        Assert.NotEmpty(figures);
        var page = CiteCheck.Checks.Links.Figures.FigureText.Index("a rate of 12.125% as 1,500,000 residents fled");
        Assert.All(figures, v => Assert.Contains(v, page));
    }

    [Theory]
    [InlineData("The IMF approved a $12 million loan.", 12_000_000, "amount:usd", "loan")]
    [InlineData("The EU pledged €65 million in aid.", 65_000_000, "amount:eur", "aid")]
    public void Money_with_what_it_is_said_of(string sentence, decimal value, string measure, string thing)
    {
        var amount = Single(sentence, FigureType.Amount);
        Assert.Equal(value, amount.Value);
        Assert.Equal(measure, amount.Measure);
        Assert.Contains(thing, amount.Things);
    }

    [Theory]
    [InlineData("with 29.5 percent of the population living in poverty", 29.5, null, "population")]
    [InlineData("giving Dastan 81.0% of the vote", 81.0, "dast", "vote")]
    [InlineData("against Lind's 19.8 percent", 19.8, "lind", "lind")]
    [InlineData("turnout was 45%", 45, null, "turnout")]
    [InlineData("loans financed 38 percent of the 2022 state budget", 38, null, "budget")]
    public void Percentages_with_their_owner_and_subject(string sentence, decimal value, string? owner, string thing)
    {
        var percent = Single(sentence, FigureType.Percent);
        Assert.Equal(value, percent.Value);
        Assert.Equal("percent", percent.Measure);
        Assert.Equal(owner, percent.Owner);
        Assert.Contains(thing, percent.Things);
    }

    [Theory]
    [InlineData("May 19, 2019", "2019-05-19")]
    [InlineData("19 May 2019", "2019-05-19")]
    [InlineData("2019-05-19", "2019-05-19")]
    [InlineData("November 2018", "2018-11")]
    [InlineData("2015", "2015")]
    [InlineData("late 2016", "2016-09/2016-12")]
    [InlineData("from 9 to 12 August 2020", "2020-08-09/2020-08-12")]
    public void Dates_at_the_precision_written(string written, string canonical)
    {
        var date = Assert.Single(DateExtractor.Extract($"It happened on {written} in the capital."));
        Assert.Equal(canonical, date.Canonical);
    }

    [Fact]
    public void A_month_does_not_conflict_with_a_day_inside_it()
    {
        var month = Assert.Single(DateExtractor.Extract("in November 2018"));
        var day = Assert.Single(DateExtractor.Extract("on November 8, 2018"));
        var other = Assert.Single(DateExtractor.Extract("on December 8, 2018"));
        Assert.True(month.Overlaps(day));
        Assert.False(month.Overlaps(other));
    }

    [Theory]
    [InlineData("Rakhmat Akilov", "Rahmat Akilov", true)]
    [InlineData("Husein Abdusamadov", "Hussein Abdusamadov", true)]
    [InlineData("Svetlana Marek", "Svetlana Mareck", true)]
    [InlineData("Karel Novan", "Irena Novan", false)]
    [InlineData("Abduhalim Nazarzoda", "Qudratullo Nazarzoda", false)]
    [InlineData("Gulmurod Khalimov", "Bekhruz Gulmurod", false)]
    public void One_name_spelled_two_ways_is_a_variant_two_people_are_not(string a, string b, bool variant)
    {
        static NameMention Name(string n) => Assert.Single(Names.Extract($"They met {n} there.", _ => true));
        Assert.Equal(variant, Names.AreVariants(Name(a), Name(b)));
    }
}
