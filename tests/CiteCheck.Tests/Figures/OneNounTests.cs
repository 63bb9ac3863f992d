using CiteCheck.Checks.Figures;
using CiteCheck.Model;
using CiteCheck.Parsing;

namespace CiteCheck.Tests.Figures;

/// <summary>One group of things a report counts twice with two numbers, and a whole toll beside the toll of a named group.</summary>
public class OneNounTests
{
    private static IReadOnlyList<Discrepancy> Check(string report) =>
        CrossCheck.Run(ReportParser.Parse("report.md", report).Document);

    [Fact]
    public void A_noun_counted_twice_with_close_values_is_one_count_that_drifted()
    {
        var discrepancies = Check("""
            # Earthquake

            ## Damage

            The shaking brought down apartment blocks across the coast, and eleven hospitals were destroyed. (Sources: [Reuters](https://example.com/a) [1])

            ## Recovery

            Donors financed temporary wards, since 14 hospitals were destroyed and the rest were overcrowded. (Sources: [BBC](https://example.com/b) [2])
            """);
        var count = Assert.Single(discrepancies, d => d.Kind == DiscrepancyKind.Count);
        Assert.Equal(["eleven", "14"], count.Claims.Select(c => c.Value));
    }

    [Fact]
    public void A_noun_counted_with_three_values_is_several_groups()
    {
        var discrepancies = Check("""
            # Earthquake

            ## Damage

            The shaking brought down apartment blocks across the coast, and eleven hospitals were destroyed. (Sources: [Reuters](https://example.com/a) [1])

            ## Recovery

            Donors financed temporary wards, since 14 hospitals were destroyed and the rest were overcrowded. (Sources: [BBC](https://example.com/b) [2])

            ## Health

            The ministry said 12 hospitals had reopened by the end of the year. (Sources: [AP](https://example.com/c) [3])
            """);
        Assert.DoesNotContain(discrepancies, d => d.Kind == DiscrepancyKind.Count);
    }

    [Fact]
    public void A_noun_counted_with_distant_values_is_two_groups()
    {
        var discrepancies = Check("""
            # Earthquake

            ## Damage

            The shaking brought down apartment blocks across the coast, and eleven hospitals were destroyed. (Sources: [Reuters](https://example.com/a) [1])

            ## Recovery

            Donors financed temporary wards in 18 hospitals, since the rest were overcrowded. (Sources: [BBC](https://example.com/b) [2])
            """);
        Assert.DoesNotContain(discrepancies, d => d.Kind == DiscrepancyKind.Count);
    }

    [Fact]
    public void A_whole_toll_and_the_toll_of_the_only_group_named_on_that_day_are_one_toll()
    {
        var discrepancies = Check("""
            # Insurgency

            ## Attacks

            On May 27, 2023, gunmen attacked the village of Varo, and the attack killed 41 villagers. (Sources: [Reuters](https://example.com/a) [1])

            ## Timeline

            - **May 27, 2023:** Gunmen attack Varo, leaving a death toll of 44. (Sources: [BBC](https://example.com/b) [2])
            """);
        var count = Assert.Single(discrepancies, d => d.Kind == DiscrepancyKind.Count);
        Assert.Equal(["41", "44"], count.Claims.Select(c => c.Value));
    }

    [Fact]
    public void A_small_toll_of_a_group_is_a_part_of_the_whole_toll()
    {
        var discrepancies = Check("""
            # Insurgency

            ## Attacks

            On May 27, 2023, gunmen attacked the village of Varo, and the attack killed two soldiers. (Sources: [Reuters](https://example.com/a) [1])

            ## Timeline

            - **May 27, 2023:** Gunmen attack Varo, leaving a death toll of 4. (Sources: [BBC](https://example.com/b) [2])
            """);
        Assert.DoesNotContain(discrepancies, d => d.Kind == DiscrepancyKind.Count);
    }

    [Fact]
    public void A_share_of_a_rarely_named_thing_told_twice_with_two_values_is_one_share()
    {
        var discrepancies = Check("""
            # Mining

            ## Overview

            The country depends on mining: copper and lithium made up 62 percent of export earnings in 2023. (Sources: [Reuters](https://example.com/a) [1])

            ## Economy

            Metal prices matter more than anything else, as copper and lithium made up 58 percent of export earnings. (Sources: [BBC](https://example.com/b) [2])
            """);
        var share = Assert.Single(discrepancies, d => d.Kind == DiscrepancyKind.Percent);
        Assert.Equal(["62 percent", "58 percent"], share.Claims.Select(c => c.Value));
    }

    [Fact]
    public void A_thing_given_a_third_value_is_several_quantities()
    {
        var discrepancies = Check("""
            # Mining

            ## Overview

            The country depends on mining: copper and lithium made up 62 percent of export earnings in 2023. (Sources: [Reuters](https://example.com/a) [1])

            ## Economy

            Metal prices matter more than anything else, as copper and lithium made up 58 percent of export earnings. (Sources: [BBC](https://example.com/b) [2])

            ## Outlook

            Forecasters expect copper and lithium to bring 66 percent of export earnings once the new smelter opens. (Sources: [AP](https://example.com/c) [3])
            """);
        Assert.DoesNotContain(discrepancies, d => d.Kind == DiscrepancyKind.Percent);
    }

    [Fact]
    public void A_measure_given_as_two_ranges_sharing_an_end_is_one_estimate_whatever_the_dates()
    {
        var discrepancies = Check("""
            # Crash

            ## The crash

            On 17 July 2014 wreckage fell over a band 10 to 15 kilometres long, around three villages. (Sources: [Reuters](https://example.com/a) [1])

            ## Recovery

            The wreckage, scattered over a band 10 to 13 kilometres long, was recovered in November 2014. (Sources: [BBC](https://example.com/b) [2])
            """);
        var range = Assert.Single(discrepancies, d => d.Kind == DiscrepancyKind.Range);
        Assert.Equal(["10 to 15", "10 to 13"], range.Claims.Select(c => c.Value));
    }

    [Fact]
    public void A_measure_given_as_three_ranges_is_left_to_the_events()
    {
        var discrepancies = Check("""
            # Trials

            ## First trial

            In March 2012 the court sentenced five guards to between five and 30 years in prison. (Sources: [Reuters](https://example.com/a) [1])

            ## Second trial

            In October 2016 a second court sentenced three officers to 15 to 30 years in prison. (Sources: [BBC](https://example.com/b) [2])

            ## Third trial

            In May 2019 four clerks were sentenced to between two and four years in prison. (Sources: [AP](https://example.com/c) [3])
            """);
        Assert.DoesNotContain(discrepancies, d => d.Kind == DiscrepancyKind.Range);
    }

    [Fact]
    public void One_outcome_of_a_noun_counted_with_more_values_is_compared_on_its_own()
    {
        var discrepancies = Check("""
            # Campaign

            ## Overview

            Over three decades the group killed about 640 civilians, most of them in bombings. (Sources: [Reuters](https://example.com/a) [1])

            ## Peace process

            Negotiators met the families of about 630 civilians killed by the group during the conflict. (Sources: [BBC](https://example.com/b) [2])

            ## Prisoners

            At the ceasefire 300 civilians were detained in the province's jails. (Sources: [AP](https://example.com/c) [3])
            """);
        var count = Assert.Single(discrepancies, d => d.Kind == DiscrepancyKind.Count);
        Assert.Equal(["about 640", "about 630"], count.Claims.Select(c => c.Value));
    }
}
