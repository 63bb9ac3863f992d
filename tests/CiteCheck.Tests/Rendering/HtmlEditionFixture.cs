using System.Collections.Immutable;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Html;
using CiteCheck.Tests.Support;

namespace CiteCheck.Tests.Rendering;

/// <summary>Renders Markdown (and hand-made discrepancies) to the HTML edition in memory, and parses the pages back.</summary>
internal static class HtmlEditionFixture
{
    public static readonly DateTimeOffset BuildTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    public static EditionOptions Options(string? templates = null) => new() { BuildTime = BuildTime, TemplatesDirectory = templates };

    public static IReadOnlyDictionary<string, string> Pages(CheckedReport report, string? templates = null) =>
        HtmlEditionRenderer.RenderPages(report, Options(templates), new PhysicalHost());

    /// <summary>Renders through the renderer itself (with its verification) and parses report.html.</summary>
    public static IHtmlDocument Report(CheckedReport report, string page = HtmlEditionRenderer.ReportFile)
    {
        var files = new HtmlEditionRenderer().Render(report, Options(), new PhysicalHost());
        var html = System.Text.Encoding.UTF8.GetString(files.Single(f => f.Name == page).Content);
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>A discrepancy between the claims whose text contains each of the given values.</summary>
    public static Discrepancy Between(Document document, string id, string eventKey, DiscrepancyStatus status, string? note, params string[] values)
    {
        var sides = values.Select((value, side) =>
        {
            var claim = document.Claims.First(c => c.Text.Contains(value, StringComparison.Ordinal));
            var block = document.Blocks[claim.BlockIndex];
            return new DiscrepancyClaim(claim.Id, side, claim.Span, claim.Text, value, claim.Sources, document.SectionOf(block)?.Title);
        }).ToImmutableArray();
        return new Discrepancy(id, DiscrepancyKind.Count, eventKey, "The Dushanbe attacks", "people killed", status, sides, note);
    }

    public static CheckedReport WithDiscrepancies(CheckedReport report, params Discrepancy[] discrepancies) =>
        report with { Discrepancies = [.. discrepancies] };

    public static CheckedReport Check(string markdown, Bibliography? bibliography = null) => Parse.Check(markdown, bibliography);
}
