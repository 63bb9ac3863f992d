using CiteCheck.Checks.Figures;
using CiteCheck.Model;
using CiteCheck.Parsing;

namespace CiteCheck.Tests.Figures;

/// <summary>One quantity written two ways: a currency as a code and as a name, a part of a group and what befell it, a slip inside a crowded event.</summary>
public class OneQuantityTests
{
    private static IReadOnlyList<Discrepancy> Check(string report) =>
        CrossCheck.Run(ReportParser.Parse("report.md", report).Document);

    [Fact]
    public void A_sum_written_with_a_code_and_with_a_currency_name_is_one_sum()
    {
        var discrepancies = Check("""
            # Escape

            ## Financing

            In March 2018 the gang paid prison guards a bribe of USD 450,000 for the escape from the prison at Varo. (Sources: [Reuters](https://example.com/a) [1])

            ## Trial

            The court found that in March 2018 the gang paid prison guards a bribe of 540,000 dollars for the escape from the prison at Varo. (Sources: [BBC](https://example.com/b) [2])
            """);
        var amount = Assert.Single(discrepancies, d => d.Kind == DiscrepancyKind.Amount);
        Assert.Equal(["USD 450,000", "540,000 dollars"], amount.Claims.Select(c => c.Value));
    }

    [Fact]
    public void A_code_and_the_name_of_another_currency_are_not_compared()
    {
        var discrepancies = Check("""
            # Escape

            ## Financing

            In March 2018 the gang paid prison guards a bribe of EUR 450,000 for the escape from the prison at Varo. (Sources: [Reuters](https://example.com/a) [1])

            ## Trial

            The court found that in March 2018 the gang paid prison guards a bribe of 540,000 dollars for the escape from the prison at Varo. (Sources: [BBC](https://example.com/b) [2])
            """);
        Assert.DoesNotContain(discrepancies, d => d.Kind == DiscrepancyKind.Amount);
    }

    [Fact]
    public void Part_of_a_group_that_was_killed_is_a_count_of_the_killed()
    {
        var discrepancies = Check("""
            # Escape

            ## Manhunt

            Three escapees were killed in shootouts with the police near Varo in October 2018. (Sources: [Reuters](https://example.com/a) [1])

            ## Reactions

            Rights groups said that 4 of the escapees had been killed by police near Varo in October 2018. (Sources: [BBC](https://example.com/b) [2])
            """);
        var count = Assert.Single(discrepancies, d => d.Kind == DiscrepancyKind.Count);
        Assert.Equal(["Three", "4"], count.Claims.Select(c => c.Value));
    }

    [Theory]
    [InlineData("Four of the inmates killed were former members of the party.", null)]
    [InlineData("Four of the inmates were killed by the guards.", "killed")]
    [InlineData("Four of the inmates had escaped by morning.", "escaped")]
    public void A_part_of_a_group_counts_only_when_a_verb_of_being_follows_the_group(string sentence, string? measure)
    {
        var figures = FigureExtractor.Extract(sentence, []);
        if (measure is null)
        {
            Assert.DoesNotContain(figures, f => f.Value == 4);
        }
        else
        {
            Assert.Contains(figures, f => f.Value == 4 && f.Measure == measure);
        }
    }

    [Theory]
    [InlineData("Four sailors and three marines were killed in the ambush.", 7)]
    [InlineData("The ambush killed eight naval personnel.", 8)]
    [InlineData("The attack resulted in 71 total deaths.", 71)]
    public void A_toll_is_read_through_its_adjectives_and_its_parts(string sentence, int killed)
    {
        var figures = FigureExtractor.Extract(sentence, []);
        Assert.Contains(figures, f => f.Value == killed && f.Measure == "killed");
    }

    [Fact]
    public void A_table_row_of_a_group_of_people_counts_that_group_against_the_lead()
    {
        var discrepancies = Check("""
            # Siege

            ## Summary

            In all, 31 hostages were killed in the siege of the school. (Sources: [Reuters](https://example.com/a) [1])

            ## Casualties

            The siege of the school left this toll, by group. (Sources: [BBC](https://example.com/b) [2])

            | Group | Killed | Injured |
            |---|---|---|
            | Hostages | 34 | 112 |
            | Police officers | 2 | 9 |
            """);
        var count = Assert.Single(discrepancies, d => d.Kind == DiscrepancyKind.Count);
        Assert.Equal(["31", "34"], count.Claims.Select(c => c.Value));
    }

    [Fact]
    public void Two_undated_tolls_of_small_or_distant_values_are_not_one_toll()
    {
        var discrepancies = Check("""
            # Insurgency

            ## North

            An ambush on the northern road killed 12 soldiers of the border brigade. (Sources: [Reuters](https://example.com/a) [1])

            ## South

            A later ambush on the southern road killed 15 soldiers of another brigade. (Sources: [BBC](https://example.com/b) [2])

            ## Coast

            The ambush at the port killed 70 soldiers, the worst of the war. (Sources: [AP](https://example.com/c) [3])
            """);
        Assert.DoesNotContain(discrepancies, d => d.Kind == DiscrepancyKind.Count);
    }
}
