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
/// Turns the <see cref="EditionModel"/> into what the templates see (documented in docs/html-edition.md). Every string
/// in it is already HTML: escaped text, a URL the model allowed, or markup CiteCheck built (the body). Templates print
/// values as they are and never escape them again. It adds nothing the model does not hold: order, numbers, anchors,
/// states and notes are the model's.
/// </summary>
internal sealed class EditionViewBuilder(EditionModel model)
{
    private readonly string _body = new BodyWriter(model).Write();

    public ScriptObject Build(PageKind page, EditionOptions options, string css, string printCss)
    {
        var front = model.Front;
        return new ScriptObject
        {
            ["report"] = new ScriptObject
            {
                ["title"] = E(front.Title),
                ["file"] = E(front.FileName),
                ["built"] = E(options.BuildTime.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)),
                ["built_iso"] = E(options.BuildTime.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ["meta"] = Array(front.Meta.Select(f => new ScriptObject { ["key"] = E(f.Key), ["value"] = E(f.Value) })),
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
            ["toc"] = Array(model.Contents.Select(s => new ScriptObject { ["id"] = s.Anchor, ["title"] = E(s.Title), ["level"] = s.Level })),
            ["body"] = page == PageKind.Report ? _body : "",
            ["bibliography"] = Bibliography(page),
            ["discrepancies"] = Discrepancies(page),
            ["health"] = Health(page),
        };
    }

    private ScriptObject Summary()
    {
        var s = model.Summary;
        return new ScriptObject
        {
            ["errors"] = s.Errors,
            ["warnings"] = s.Warnings,
            ["infos"] = s.Infos,
            ["claims"] = s.Claims,
            ["citations"] = s.Citations,
            ["sources"] = s.Sources,
            ["discrepancies"] = s.Discrepancies,
            ["open_discrepancies"] = s.OpenDiscrepancies,
        };
    }

    private ScriptObject Bibliography(PageKind page)
    {
        var bibliography = model.Bibliography;
        var entries = bibliography.Entries.Select(entry => new ScriptObject
        {
            ["id"] = entry.Anchor,
            ["key"] = E(entry.DisplayKey),
            ["is_footnote"] = entry.IsFootnote,
            ["publisher"] = E(entry.Publisher),
            ["title"] = E(entry.Title),
            ["date"] = E(entry.Date),
            ["accessed"] = E(entry.Accessed),
            ["url"] = E(entry.Url),
            ["url_removed"] = E(entry.UrlRemoved),
            ["archive_url"] = E(entry.ArchiveUrl),
            ["state"] = entry.StateName,
            ["state_note"] = E(entry.StateNote),
            ["cited"] = entry.BackReferences.Length,
            ["back_links"] = Array(entry.BackReferences.Select(b => new ScriptObject
            {
                ["href"] = page.ReportHref + "#" + b.Anchor,
                ["text"] = b.Letter,
                ["title"] = E(b.Title),
            })),
        });
        return new ScriptObject
        {
            ["origin"] = bibliography.Declared ? "file" : "inferred",
            ["file"] = E(bibliography.FileName),
            ["count"] = bibliography.Entries.Length,
            ["entries"] = Array(entries),
        };
    }

    private ScriptObject Discrepancies(PageKind page)
    {
        var appendix = model.Discrepancies;
        var groups = appendix.Groups.Select(group => new ScriptObject
        {
            ["event"] = E(group.EventKey),
            ["subject"] = E(group.Subject),
            ["count"] = group.Items.Length,
            ["items"] = Array(group.Items.Select(item => new ScriptObject
            {
                ["id"] = item.Anchor,
                ["key"] = E(item.Discrepancy.Id),
                ["number"] = item.Number,
                ["kind"] = item.Kind,
                ["subject"] = E(item.Discrepancy.Subject),
                ["measure"] = E(item.Discrepancy.Measure),
                ["status"] = item.Status,
                ["note"] = E(item.Discrepancy.Note),
                ["claims"] = Array(item.Sides.Select(side => new ScriptObject
                {
                    ["side"] = side.Claim.Side,
                    ["quote"] = E(side.Claim.Text),
                    ["value"] = E(side.Claim.Value),
                    ["section"] = E(side.Claim.Section),
                    ["line"] = side.Claim.Span.Line,
                    ["href"] = side.ClaimAnchor is { } claim ? page.ReportHref + "#" + claim : null,
                    ["sources"] = Array(side.Sources.Select(s => new ScriptObject
                    {
                        ["key"] = E(s.DisplayKey),
                        ["href"] = s.Anchor is { } anchor ? page.ReportHref + "#" + anchor : null,
                        ["label"] = E(s.Label),
                    })),
                })),
            })),
        });
        return new ScriptObject
        {
            ["count"] = appendix.Count,
            ["open"] = appendix.Open,
            ["groups"] = Array(groups),
        };
    }

    private ScriptObject Health(PageKind page)
    {
        var health = model.Health;
        var rules = health.Rules.Select(rule => new ScriptObject
        {
            ["id"] = E(rule.Id),
            ["anchor"] = rule.Anchor,
            ["rule"] = E(rule.Rule),
            ["title"] = E(rule.Title),
            ["severity"] = rule.Severity.Name(),
            ["count"] = rule.Items.Length,
            ["items"] = Array(rule.Items.Select(f => new ScriptObject
            {
                ["file"] = E(f.File),
                ["line"] = f.Line,
                ["column"] = f.Column,
                ["severity"] = f.Severity.Name(),
                ["message"] = E(f.Message),
                ["note"] = E(f.Note),
                ["source_key"] = E(f.SourceKey),
                ["source_href"] = f.SourceAnchor is { } anchor ? page.ReportHref + "#" + anchor : null,
            })),
        });
        return new ScriptObject
        {
            ["count"] = health.Count,
            ["errors"] = health.Errors,
            ["warnings"] = health.Warnings,
            ["infos"] = health.Infos,
            ["rules"] = Array(rules),
        };
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
