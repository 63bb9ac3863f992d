using System.Globalization;
using CiteCheck.Model;
using CiteCheck.Rendering.Html.Body;
using Scriban.Runtime;

namespace CiteCheck.Rendering.Html.View;

/// <summary>Which page a view is for: links to the report body are in-page on report.html and cross-page elsewhere.</summary>
internal sealed record PageKind(string Name, string ReportHref)
{
    public static PageKind Report { get; } = new("report", "");

    public static PageKind Discrepancies { get; } = new("discrepancies", HtmlEditionRenderer.ReportFile);
}

/// <summary>
/// Builds what the templates see (documented in docs/html-edition.md). Every string in it is already HTML: escaped
/// report text, a URL that passed the URL policy, or a fragment CiteCheck built (the body). Templates print values as
/// they are and never escape them again.
/// </summary>
internal sealed class EditionViewBuilder
{
    private readonly CheckedReport _report;
    private readonly Anchors _anchors;
    private readonly DiscrepancyIndex _discrepancies;
    private readonly string _body;
    private readonly IReadOnlySet<int> _anchoredClaims;
    private readonly List<BibliographyItem> _bibliography;

    public EditionViewBuilder(CheckedReport report)
    {
        _report = report;
        _anchors = new Anchors(report.Document);
        _discrepancies = new DiscrepancyIndex(report);
        var body = new BodyWriter(report, _anchors, _discrepancies);
        _body = body.Write();
        _anchoredClaims = body.AnchoredClaims;
        _bibliography = BibliographyItem.For(report.Document);
    }

    public ScriptObject Build(PageKind page, EditionOptions options, string css, string printCss)
    {
        var document = _report.Document;
        var root = new ScriptObject
        {
            ["report"] = new ScriptObject
            {
                ["title"] = E(document.Title),
                ["file"] = E(Path.GetFileName(document.File)),
                ["built"] = E(options.BuildTime.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)),
                ["built_iso"] = E(options.BuildTime.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ["meta"] = Array(document.FrontMatter.Where(f => f.Key != "title").Select(f => new ScriptObject { ["key"] = E(f.Key), ["value"] = E(f.Value) })),
            },
            ["page"] = new ScriptObject
            {
                ["name"] = page.Name,
                ["report_href"] = page.ReportHref,
                ["discrepancies_href"] = HtmlEditionRenderer.DiscrepanciesFile,
                ["css"] = HtmlText.Css(css),
                ["print_css"] = HtmlText.Css(printCss),
            },
            ["summary"] = Summary(),
            ["toc"] = Array(Toc()),
            ["body"] = page == PageKind.Report ? _body : "",
            ["bibliography"] = Bibliography(page),
            ["discrepancies"] = Discrepancies(page),
            ["health"] = Health(page),
        };
        return root;
    }

    private ScriptObject Summary()
    {
        var d = _report.Document;
        return new ScriptObject
        {
            ["errors"] = _report.Count(Severity.Error),
            ["warnings"] = _report.Count(Severity.Warning),
            ["infos"] = _report.Count(Severity.Info),
            ["claims"] = d.Claims.Count(),
            ["citations"] = d.Citations.Count(),
            ["sources"] = _bibliography.Count,
            ["discrepancies"] = _report.Discrepancies.Length,
            ["open_discrepancies"] = _report.Discrepancies.Count(x => x.Status == DiscrepancyStatus.Open),
        };
    }

    private IEnumerable<ScriptObject> Toc()
    {
        var document = _report.Document;
        var titleSeen = false;
        foreach (var section in document.Sections)
        {
            if (!titleSeen && section.Level == 1 && section.Title == document.Title)
            {
                titleSeen = true;
                continue;
            }
            yield return new ScriptObject
            {
                ["id"] = _anchors.Section(section),
                ["title"] = E(section.Title),
                ["level"] = section.Level,
            };
        }
    }

    private ScriptObject Bibliography(PageKind page)
    {
        var document = _report.Document;
        var entries = _bibliography.Select(item =>
        {
            var s = item.Source;
            var rawUrl = s?.Url;
            var url = HtmlText.ExternalUrl(rawUrl);
            var backLinks = item.Citations.Select((c, i) => new ScriptObject
            {
                ["href"] = page.ReportHref + "#" + Anchors.Citation(c),
                ["text"] = Letter(i),
                ["title"] = E($"Cited in {SectionTitle(c.BlockIndex)} (line {c.Span.Line.ToString(CultureInfo.InvariantCulture)})"),
            });
            return new ScriptObject
            {
                ["id"] = Anchors.Source(item.Key),
                ["key"] = E(Anchors.DisplayKey(item.Key)),
                ["is_footnote"] = item.IsFootnote,
                ["publisher"] = E(s?.Publisher ?? (item.Labels.Count > 0 ? string.Join(" / ", item.Labels) : null)),
                ["title"] = E(s?.Title),
                ["date"] = E(s?.Date),
                ["accessed"] = E(s?.Accessed),
                ["url"] = url is null ? null : E(url),
                ["url_removed"] = url is null && !string.IsNullOrWhiteSpace(rawUrl) ? E(rawUrl) : null,
                ["archive_url"] = HtmlText.ExternalUrl(s?.Archive) is { } archive ? E(archive) : null,
                ["state"] = item.State,
                ["state_note"] = E(item.StateNote(document.Bibliography)),
                ["cited"] = item.Citations.Count,
                ["back_links"] = Array(backLinks),
            };
        });
        return new ScriptObject
        {
            ["origin"] = document.Bibliography.Declared ? "file" : "inferred",
            ["file"] = E(document.Bibliography.File is { } f ? Path.GetFileName(f) : null),
            ["count"] = _bibliography.Count,
            ["entries"] = Array(entries),
        };
    }

    private ScriptObject Discrepancies(PageKind page)
    {
        var bibliographyKeys = _bibliography.Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        var groups = _discrepancies.Groups.Select(group => new ScriptObject
        {
            ["event"] = E(group[0].EventKey),
            ["subject"] = E(group[0].Subject),
            ["count"] = group.Length,
            ["items"] = Array(group.Select(d => new ScriptObject
            {
                ["id"] = Anchors.Discrepancy(d.Id),
                ["key"] = E(d.Id),
                ["number"] = _discrepancies.Numbers[d],
                ["kind"] = Model.Discrepancy.KindName(d.Kind),
                ["subject"] = E(d.Subject),
                ["measure"] = E(d.Measure),
                ["status"] = Model.Discrepancy.StatusName(d.Status),
                ["note"] = E(d.Note),
                ["claims"] = Array(d.Claims.OrderBy(c => c.Side).ThenBy(c => c.Span.Start.Offset).Select(c => new ScriptObject
                {
                    ["side"] = c.Side,
                    ["quote"] = E(c.Text),
                    ["value"] = E(c.Value),
                    ["section"] = E(c.Section),
                    ["line"] = c.Span.Line,
                    ["href"] = _anchoredClaims.Contains(c.ClaimId) ? page.ReportHref + "#" + Anchors.Claim(c.ClaimId) : null,
                    ["sources"] = Array(c.Sources.Select(key => new ScriptObject
                    {
                        ["key"] = E(Anchors.DisplayKey(key)),
                        ["href"] = bibliographyKeys.Contains(key) ? page.ReportHref + "#" + Anchors.Source(key) : null,
                        ["label"] = E(_report.Document.Bibliography.Find(key)?.Publisher ?? LabelOf(key) ?? key),
                    })),
                })),
            })),
        });
        return new ScriptObject
        {
            ["count"] = _report.Discrepancies.Length,
            ["open"] = _report.Discrepancies.Count(x => x.Status == DiscrepancyStatus.Open),
            ["groups"] = Array(groups),
        };
    }

    private ScriptObject Health(PageKind page)
    {
        var bibliographyKeys = _bibliography.Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        var reportFile = _report.Document.File;
        var rules = _report.Diagnostics
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScriptObject
            {
                ["id"] = E(g.Key),
                ["anchor"] = Anchors.Rule(g.Key),
                ["rule"] = E(g.First().Rule),
                ["title"] = E(g.First().Descriptor.Title),
                ["severity"] = g.Max(d => d.Severity).Name(),
                ["count"] = g.Count(),
                ["items"] = Array(g.Select(d => new ScriptObject
                {
                    ["file"] = d.Location.File == reportFile ? null : E(Path.GetFileName(d.Location.File)),
                    ["line"] = d.Location.Line,
                    ["column"] = d.Location.Column,
                    ["severity"] = d.Severity.Name(),
                    ["message"] = E(d.Message),
                    ["note"] = E(d.Note),
                    ["source_key"] = E(d.Source),
                    ["source_href"] = d.Source is { } key && bibliographyKeys.Contains(key) ? page.ReportHref + "#" + Anchors.Source(key) : null,
                })),
            });
        return new ScriptObject
        {
            ["count"] = _report.Diagnostics.Length,
            ["errors"] = _report.Count(Severity.Error),
            ["warnings"] = _report.Count(Severity.Warning),
            ["infos"] = _report.Count(Severity.Info),
            ["rules"] = Array(rules),
        };
    }

    private string? LabelOf(string key) => _bibliography.FirstOrDefault(b => b.Key == key)?.Labels.FirstOrDefault();

    private string SectionTitle(int blockIndex)
    {
        var document = _report.Document;
        var section = blockIndex >= 0 && blockIndex < document.Blocks.Length ? document.SectionOf(document.Blocks[blockIndex]) : null;
        return section is null || (section.Level == 1 && section.Title == document.Title) ? "the introduction" : $"“{section.Title}”";
    }

    /// <summary>a, b, … z, aa, ab, …: the back-link labels of one entry.</summary>
    private static string Letter(int index)
    {
        var s = "";
        index++;
        while (index > 0)
        {
            index--;
            s = (char)('a' + index % 26) + s;
            index /= 26;
        }
        return s;
    }

    private static string? E(string? text) => text is null ? null : HtmlText.Escape(text);

    private static ScriptArray Array(IEnumerable<object> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }
        return array;
    }
}
