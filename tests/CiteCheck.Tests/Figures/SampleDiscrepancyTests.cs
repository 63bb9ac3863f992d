using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Tests.Support;

namespace CiteCheck.Tests.Figures;

/// <summary>The sample report's discrepancies, exactly: the ones a reader finds, and none of its traps.</summary>
public class SampleDiscrepancyTests
{
    private static readonly CheckedReport Report = Pipeline.Compile(new PhysicalHost(), Repo.Path("content", "tajikistan", "report.md"));

    [Theory]
    [InlineData(DiscrepancyKind.Date, "November 7, 2018", "November 8, 2018")]
    [InlineData(DiscrepancyKind.Date, "July 29, 2018", "July 30, 2018")]
    [InlineData(DiscrepancyKind.Count, "at least 35", "at least 22")]
    [InlineData(DiscrepancyKind.Range, "from 12 to 16 years", "from 12 to 18 years")]
    [InlineData(DiscrepancyKind.Name, "Hussein Abdusamadov", "Husein Abdusamadov")]
    public void Finds_the_conflicts_a_reader_finds(DiscrepancyKind kind, string one, string other)
    {
        var found = Report.Discrepancies.Where(d => d.Kind == kind && d.Claims.Any(c => c.Value == one) && d.Claims.Any(c => c.Value == other)).ToList();
        var discrepancy = Assert.Single(found);
        Assert.Equal(DiscrepancyStatus.Open, discrepancy.Status);
        Assert.All(discrepancy.Claims, c => Assert.NotEmpty(c.Sources));
        Assert.NotEqual(discrepancy.Claims.First(c => c.Value == one).Side, discrepancy.Claims.First(c => c.Value == other).Side);
    }

    [Fact]
    public void Reports_the_sample_conflicts_and_nothing_else()
    {
        var open = Report.Discrepancies.Where(d => d.Status == DiscrepancyStatus.Open).ToList();
        Assert.Equal(5, open.Count);
    }

    [Theory]
    [InlineData("claiming the lives of 29 inmates", DiscrepancyKind.Count)] // the Vakhdat riot: 29 + 3 here, 29 and 3 in the timeline
    [InlineData("killing 25 inmates and two security officers", DiscrepancyKind.Count)] // the Khujand toll: 25 + 2 = at least 27
    [InlineData("four casualties and 25 injuries", DiscrepancyKind.Count)] // 2010 bombing: four killed and 25 wounded in the timeline
    [InlineData("14 other suspects", DiscrepancyKind.Range)] // two trials of fourteen: November 21 and August 2, 2018
    [InlineData("14 members of the Islamic Renaissance Party", DiscrepancyKind.Range)]
    [InlineData("in late 2016", DiscrepancyKind.Date)] // the national strategy: late 2016 and November 2016
    [InlineData("over 27 and 32 casualties, respectively", DiscrepancyKind.Count)]
    [InlineData("Bokhtar planted an explosive device", DiscrepancyKind.Date)] // two events in one town: January 30 and March 12, 2017
    public void Flags_none_of_the_traps(string phrase, DiscrepancyKind kind)
    {
        var claim = Assert.Single(Report.Document.Claims, c => c.Text.Contains(phrase, StringComparison.Ordinal));
        Assert.DoesNotContain(Report.Discrepancies, d => d.Kind == kind && d.Status == DiscrepancyStatus.Open && d.Claims.Any(c => c.ClaimId == claim.Id));
    }

    [Fact]
    public void Each_conflict_is_one_warning_at_the_later_claim_with_the_others_related()
    {
        foreach (var d in Report.Discrepancies.Where(d => d.Status == DiscrepancyStatus.Open))
        {
            var diagnostic = Assert.Single(Report.Diagnostics, x => x.Message.Contains(d.Id, StringComparison.Ordinal));
            Assert.Equal(Severity.Warning, diagnostic.Severity);
            Assert.Equal(d.Claims.Max(c => c.Span.Start.Offset), diagnostic.Location.Start.Offset);
            Assert.NotEmpty(diagnostic.AdditionalLocations);
        }
    }

    [Fact]
    public void Ids_are_fingerprints_that_survive_edits_elsewhere_in_the_file()
    {
        var text = File.ReadAllText(Repo.Path("content", "tajikistan", "report.md"));
        var edited = text.Replace("## Overview", "## Overview\n\nA new opening paragraph with nothing to cross-check.\n", StringComparison.Ordinal);
        var before = Report.Discrepancies.Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
        var after = Parse.Check(edited, Report.Document.Bibliography).Discrepancies.Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(before, after);
        Assert.All(before, id => Assert.Matches("^D[0-9a-f]{10}$", id));
    }
}
