using CiteCheck.Checks.Figures;

namespace CiteCheck.Tests.Figures;

/// <summary>The cross-check's word lists (src/CiteCheck.Checks/Figures/Words/*.txt) load, hold no duplicate, and are lower case.</summary>
public class WordListTests
{
    private static readonly string[] Plain = ["attribution", "contrast", "institutions", "not-names", "people-nouns", "roles", "statistics", "stopwords"];

    private static readonly string[] Keyed = ["currencies", "currency-codes", "kinds", "outcomes", "qualifiers", "units"];

    public static TheoryData<string> PlainLists() => [.. Plain];

    public static TheoryData<string> KeyedLists() => [.. Keyed];

    [Fact]
    public void Every_list_is_embedded()
    {
        Assert.Equal(Plain.Concat(Keyed).Order(StringComparer.Ordinal), WordLists.Names);
    }

    [Theory]
    [MemberData(nameof(PlainLists))]
    public void A_plain_list_loads_lower_case_with_no_duplicate(string name)
    {
        var entries = WordLists.List(name);
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(e.ToLowerInvariant(), e));
        Assert.Empty(Duplicates(entries));
    }

    [Theory]
    [MemberData(nameof(KeyedLists))]
    public void A_keyed_list_loads_lower_case_with_no_duplicate(string name)
    {
        var lines = WordLists.Map(name);
        Assert.NotEmpty(lines);
        var entries = lines.SelectMany(l => l.Entries).ToList();
        Assert.All(entries, e => Assert.Equal(e.ToLowerInvariant(), e));
        // An entry belongs to one line: a stem under two kinds, or a currency name under two units, is a mistake.
        Assert.Empty(Duplicates(entries));
        if (name != "qualifiers")
        {
            // Qualifier keys are the names of the Qualifier enum and repeat (one qualifier a line); the others are unique and lower case.
            Assert.All(lines, l => Assert.Equal(l.Key.ToLowerInvariant(), l.Key));
            Assert.Empty(Duplicates([.. lines.Select(l => l.Key)]));
        }
    }

    [Fact]
    public void The_lexicon_reads_every_list()
    {
        Assert.Equal(("kidnapping", "kidnap"), (Lexicon.Kinds[0].Kind, Lexicon.Kinds[0].Stems[0]));
        Assert.Equal(("killed", "killed"), (Lexicon.Outcomes[0].Outcome, Lexicon.Outcomes[0].Stems[0]));
        Assert.Equal(["at", "least"], Lexicon.Qualifiers[0].Words);
        Assert.Equal(Qualifier.AtLeast, Lexicon.Qualifiers[0].Qualifier);
        Assert.Contains("Judge", (IReadOnlySet<string>)Lexicon.NotNames);
        Assert.Contains("Ministry", (IReadOnlySet<string>)Lexicon.InstitutionWords);
        Assert.Contains("inmates", (IReadOnlySet<string>)Lexicon.PeopleNouns);
        Assert.Contains("the", (IReadOnlySet<string>)Lexicon.Stopwords);
        Assert.Contains("according", Lexicon.AttributionStems);
        Assert.Contains("closer to", Lexicon.ContrastWords);
        Assert.Equal("dollars", Lexicon.Currencies["dollar"]);
        // Every statistic is an outcome.
        Assert.Subset(Lexicon.Outcomes.Select(o => o.Outcome).ToHashSet(), Lexicon.Statistics);
    }

    [Fact]
    public void A_qualifier_stands_above_every_shorter_one_it_ends_with()
    {
        // The first qualifier whose words stand right before a figure wins: "no fewer than" must be tried before "fewer than".
        var phrases = Lexicon.Qualifiers.Select(q => string.Join(' ', q.Words)).ToList();
        for (var i = 0; i < phrases.Count; i++)
        {
            for (var j = i + 1; j < phrases.Count; j++)
            {
                Assert.False(phrases[j].EndsWith(" " + phrases[i], StringComparison.Ordinal), $"'{phrases[j]}' must stand above '{phrases[i]}'");
            }
        }
    }

    [Theory]
    [InlineData("dollars", "dollars")]
    [InlineData("euros", "euros")]
    [InlineData("pounds", "pounds")]
    [InlineData("somoni", "somoni")]
    [InlineData("rubles", "rubles")]
    [InlineData("roubles", "roubles")]
    [InlineData("dollar", "dollars")]
    [InlineData("rupee", "rupees")]
    [InlineData("yen", "yen")]
    public void A_currency_name_gives_the_unit_of_its_amount(string name, string unit) => Assert.Equal(unit, Lexicon.Currencies[name]);

    [Theory]
    [InlineData("The donors pledged 5 million dollars.", "amount:dollars")]
    [InlineData("The fine was 2,000 somoni.", "amount:somoni")]
    [InlineData("The loan was worth 300 billion rupees.", "amount:rupees")]
    [InlineData("The ticket cost 1 euro.", "amount:euros")]
    public void An_amount_is_read_from_a_currency_name_after_its_number(string sentence, string measure) =>
        Assert.Equal(measure, Assert.Single(FigureExtractor.Extract(sentence, DateExtractor.Extract(sentence)), f => f.Type == FigureType.Amount).Measure);

    [Theory]
    [InlineData("kinds", "riot: riot, mutin\n# a comment\n\nattack assault\n", 4)]
    [InlineData("kinds", "riot: riot, , mutin\n", 1)]
    [InlineData("kinds", ": riot\n", 1)]
    public void A_malformed_keyed_line_is_named_with_its_resource_and_line(string name, string text, int line)
    {
        var error = Assert.Throws<InvalidOperationException>(() => WordLists.ParseMap(name + ".txt", new StringReader(text)));
        Assert.Contains($"'{name}.txt', line {line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keyed_line_in_a_plain_list_is_named_with_its_resource_and_line()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WordLists.ParseList("stopwords.txt", new StringReader("# words\nthe\nriot: riot\n")));
        Assert.Contains("'stopwords.txt', line 3", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Duplicates(IReadOnlyList<string> entries) =>
        [.. entries.GroupBy(e => e, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)];
}
