using CiteCheck.Checks.Figures;
using CiteCheck.Model;
using CiteCheck.Parsing;

namespace CiteCheck.Tests.Figures;

/// <summary>Two ranges of one thing that share one end are one estimate whose other end drifted.</summary>
public class QuantityRangeTests
{
    private static IReadOnlyList<Discrepancy> Check(string report) =>
        CrossCheck.Run(ReportParser.Parse("report.md", report).Document);

    [Fact]
    public void A_range_whose_other_end_drifted_is_a_range_conflict()
    {
        var discrepancies = Check("""
            # Siege

            ## Background

            The garrison in the city numbered between 3,200 and 3,500 fighters under a former major. (Sources: [Reuters](https://example.com/a) [1])

            ## Forces

            Unrelated text about the river crossings and the weather that winter. (Sources: [BBC](https://example.com/b) [2])

            - Strength: about 14,000 troops; 3,200 to 3,800 rebel fighters. (Source: [Reuters](https://example.com/a) [1])
            """);
        var range = Assert.Single(discrepancies, d => d.Kind == DiscrepancyKind.Range);
        Assert.Equal(["between 3,200 and 3,500", "3,200 to 3,800"], range.Claims.Select(c => c.Value));
    }

    [Fact]
    public void Ranges_of_different_things_or_with_no_end_in_common_are_not_compared()
    {
        var discrepancies = Check("""
            # Siege

            ## Background

            The garrison numbered between 3,200 and 3,500 fighters. (Sources: [Reuters](https://example.com/a) [1])

            ## Relief

            Convoys brought between 3,200 and 3,900 tonnes of flour to the city. (Sources: [BBC](https://example.com/b) [2])

            ## Later

            A second estimate put the volunteers at 2,000 to 2,400 fighters. (Sources: [BBC](https://example.com/b) [2])
            """);
        Assert.DoesNotContain(discrepancies, d => d.Kind == DiscrepancyKind.Range);
    }

    [Fact]
    public void One_zone_told_with_two_sizes_is_a_count_conflict()
    {
        var discrepancies = Check("""
            # Accident

            ## Response

            After the leak, officials declared a 12-kilometre exclusion zone around the plant. (Sources: [Reuters](https://example.com/a) [1])

            ## Aftermath

            The exclusion zone around the plant was set at 5 kilometres, and farmers inside it were moved to the coast. (Sources: [BBC](https://example.com/b) [2])
            """);
        var size = Assert.Single(discrepancies, d => d.Kind == DiscrepancyKind.Count);
        Assert.Equal(["12-kilometre", "5 kilometres"], size.Claims.Select(c => c.Value));
    }
}
