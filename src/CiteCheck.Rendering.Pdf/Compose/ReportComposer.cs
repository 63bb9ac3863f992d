using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using CiteCheck.Model;
using CiteCheck.Rendering.Pdf.Layout;

namespace CiteCheck.Rendering.Pdf.Compose;

/// <summary>The report as the layout stage takes it: blocks in reading order and the texts of the page furniture.</summary>
public sealed record ComposedReport(IReadOnlyList<LayoutBlock> Blocks, string Title, string Footer);

/// <summary>
/// Composes the PDF edition from the <see cref="EditionModel"/>, in the HTML edition's order and with its content: a
/// title block, the contents, the body (headings, paragraphs, lists, quotes, code, tables, with the model's citation
/// flags and "≠N" marks), the bibliography (every entry of the model, the cited-but-undefined ones flagged, each with
/// links back to its citations), appendix A (the discrepancies grouped by event: one heading per event, a table with one
/// row per claim) and appendix B (citation health, the findings grouped by rule, each located in its own file). Every
/// anchor is the model's. Knows nothing of PDF: it only chooses blocks, runs and styles from <see cref="Theme"/>.
/// </summary>
public static partial class ReportComposer
{
    public const string ContentsTitle = "Contents";
    public const string SourcesTitle = "Bibliography";
    public const string DiscrepanciesTitle = "Appendix A. Discrepancies";
    public const string HealthTitle = "Appendix B. Citation health";

    public static ComposedReport Compose(EditionModel model, DateTimeOffset buildTime)
    {
        var runs = new InlineRuns(model);
        var blocks = new List<LayoutBlock>();
        var built = buildTime.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

        TitleBlock(blocks, model, built);
        Contents(blocks, model);
        Body(blocks, model, runs);
        Bibliography(blocks, model);
        Discrepancies(blocks, model);
        Health(blocks, model);
        return new ComposedReport(blocks, model.Front.Title, $"Citation-checked edition · built {built}");
    }

    private static void TitleBlock(List<LayoutBlock> blocks, EditionModel model, string built)
    {
        var front = model.Front;
        blocks.Add(new ParagraphBlock([new Run("CITATION-CHECKED REPORT", Theme.Kicker.Base)], Theme.Kicker) { KeepWithNext = true });
        blocks.Add(new ParagraphBlock([new Run(front.Title, Theme.Title.Base)], Theme.Title) { KeepTogether = true, KeepWithNext = true });
        string[] shown = ["subtitle", "author", "date"];
        foreach (var key in shown)
        {
            if (front.Value(key) is { } value)
            {
                blocks.Add(new ParagraphBlock([new Run(value, Theme.Subtitle.Base)], Theme.Subtitle) { KeepWithNext = true });
            }
        }
        var others = front.Meta.Where(f => f.Value.Length > 0 && !shown.Contains(f.Key, StringComparer.OrdinalIgnoreCase)).ToList();
        if (others.Count > 0)
        {
            blocks.Add(new ParagraphBlock([new Run(string.Join(" · ", others.Select(f => $"{f.Key}: {f.Value}")), Theme.Meta.Base)], Theme.Meta) { KeepWithNext = true });
        }
        var s = model.Summary;
        var line = $"Built {built} · {Plural(s.Citations, "citation")} of {Plural(s.Sources, "source")} · {Plural(s.Discrepancies, "discrepancy", "discrepancies")}" +
                   (s.Discrepancies > 0 ? $" ({s.OpenDiscrepancies.ToString(CultureInfo.InvariantCulture)} open)" : "") +
                   $" · {Plural(s.Errors, "citation error")}, {Plural(s.Warnings, "warning")}";
        blocks.Add(new ParagraphBlock([new Run(line, Theme.Meta.Base)], Theme.Meta) { KeepWithNext = true });
        blocks.Add(new RuleBlock(1.4, Theme.Accent, 8, 16));
    }

    /// <summary>The contents: every section of the body, then the bibliography and the appendices, each a link to its anchor.</summary>
    private static void Contents(List<LayoutBlock> blocks, EditionModel model)
    {
        var heading = Theme.Heading(1);
        blocks.Add(new HeadingBlock([new Run(ContentsTitle, heading.Base)], heading, EditionAnchors.Contents, ContentsTitle, 0));
        var entries = model.Contents.Select(e => (e.Anchor, e.Title, Rank: Math.Max(0, e.Rank)))
            .Concat([(EditionAnchors.Bibliography, SourcesTitle, 0), (EditionAnchors.Discrepancies, DiscrepanciesTitle, 0), (EditionAnchors.Health, HealthTitle, 0)])
            .ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var (anchor, title, rank) = entries[i];
            var style = Theme.ContentsEntry with { Indent = 14 * rank };
            var text = rank == 0 ? style.Base : style.Base with { Color = Theme.Muted, Size = style.Base.Size - 0.5 };
            blocks.Add(new ParagraphBlock([new Run(PdfText(title), text, new InternalLink(anchor))], style) { KeepTogether = true, KeepWithNext = i == entries.Count - 2 });
        }
        blocks.Add(new RuleBlock(0.6, Theme.Rule, 6, 10));
    }

    private static void Body(List<LayoutBlock> blocks, EditionModel model, InlineRuns runs)
    {
        foreach (var block in model.Blocks)
        {
            var source = block.Block;
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    var style = Theme.Heading(block.Rank);
                    blocks.Add(new HeadingBlock(runs.Convert(block, style.Base), style, block.Anchor, source.Text, block.Rank)
                    {
                        RuleBelow = block.Rank == 0 ? (3, 0.5, Theme.Rule) : null,
                    });
                    break;
                case BlockKind.Paragraph:
                    blocks.Add(new ParagraphBlock(runs.Convert(block, Theme.Paragraph.Base), Theme.Paragraph));
                    break;
                case BlockKind.ListItem:
                    var item = Theme.ListItem with { Indent = Theme.ListItem.Indent + 14 * source.Depth };
                    var marker = source.OrderedNumber is { } n
                        ? new Run(n.ToString(CultureInfo.InvariantCulture) + ".", Theme.Body)
                        : new Run(source.Depth % 2 == 0 ? "•" : "◦", Theme.Body with { Color = Theme.Accent });
                    blocks.Add(new ParagraphBlock(runs.Convert(block, item.Base), item) { Marker = marker });
                    break;
                case BlockKind.Quote:
                    var quote = Theme.Quote with { Indent = Theme.Quote.Indent + 14 * Math.Max(0, source.Depth - 1) };
                    blocks.Add(new ParagraphBlock(runs.Convert(block, quote.Base), quote));
                    break;
                case BlockKind.Code:
                    var code = source.Text.Replace("\r", "", StringComparison.Ordinal).TrimEnd('\n');
                    blocks.Add(new ParagraphBlock([new Run(code, Theme.Code.Base)], Theme.Code) { KeepTogether = code.Count(c => c == '\n') < 12 });
                    break;
                case BlockKind.Table when block.Rows.Length > 0:
                    blocks.Add(MarkdownTable(block.Rows, runs));
                    break;
                case BlockKind.Html:
                    var text = Tags().Replace(source.Text, " ").Trim();
                    if (text.Length > 0)
                    {
                        blocks.Add(new ParagraphBlock([new Run(System.Net.WebUtility.HtmlDecode(text), Theme.Body)], Theme.Paragraph));
                    }
                    break;
                case BlockKind.ThematicBreak:
                    blocks.Add(new RuleBlock(0.6, Theme.Rule, 8, 14, 0.3));
                    break;
            }
        }
    }

    private static TableBlock MarkdownTable(ImmutableArray<ImmutableArray<ImmutableArray<Inline>>> table, InlineRuns runs)
    {
        var columns = table.Max(r => r.Length);
        IReadOnlyList<Run> Cell(ImmutableArray<ImmutableArray<Inline>> row, int c, TextStyle style) =>
            c < row.Length ? runs.Convert(row[c], style) : [];
        // Columns get width in proportion to their longest cell, within limits, so short columns stay narrow.
        var weights = Enumerable.Range(0, columns)
            .Select(c => Math.Clamp(table.Max(r => c < r.Length ? InlineText.Plain(r[c]).Length : 0), 4, 60) + 6.0)
            .ToList();
        var header = Enumerable.Range(0, columns).Select(c => Cell(table[0], c, Theme.CellHeader)).ToList();
        var rows = table.Skip(1).Select(r => new TableRow([.. Enumerable.Range(0, columns).Select(c => Cell(r, c, Theme.Cell))])).ToList();
        return new TableBlock(weights, header, rows, Theme.Table);
    }

    private static void Bibliography(List<LayoutBlock> blocks, EditionModel model)
    {
        var heading = Theme.Heading(0);
        blocks.Add(new HeadingBlock([new Run(SourcesTitle, heading.Base)], heading, EditionAnchors.Bibliography, SourcesTitle, 0) { RuleBelow = (3, 0.5, Theme.Rule) });
        var bibliography = model.Bibliography;
        if (!bibliography.Declared && bibliography.Entries.Length > 0)
        {
            blocks.Add(new ParagraphBlock([new Run("No bibliography file accompanies this report: the entries below are the sources as the text names them.", Theme.Paragraph.Base with { Italic = true, Color = Theme.Muted })], Theme.Paragraph));
        }
        if (bibliography.Entries.Length == 0)
        {
            blocks.Add(new ParagraphBlock([new Run("The report cites no sources.", Theme.Paragraph.Base)], Theme.Paragraph));
            return;
        }
        var style = Theme.Bibliography.Base;
        var muted = style with { Color = Theme.Muted };
        for (var index = 0; index < bibliography.Entries.Length; index++)
        {
            var entry = bibliography.Entries[index];
            var runs = new List<Run>();
            void Add(string text, TextStyle s, LinkTarget? link = null) => runs.Add(new Run(text, s, link));
            Add(entry.Publisher ?? entry.Title ?? entry.Url ?? "Unnamed source", entry.Publisher is null && entry.Title is null && entry.Url is null ? muted with { Italic = true } : style);
            if (entry.Publisher is not null && entry.Title is not null)
            {
                Add(". ", style);
                Add(entry.Title, style.WithItalic());
            }
            if (entry.Date is not null)
            {
                Add($". {entry.Date}", style);
            }
            Add(".", style);
            if (entry.Url is not null && entry.Url != (entry.Publisher ?? entry.Title))
            {
                Add(" ", style);
                Add(entry.Url, style with { Color = Theme.Link }, new ExternalLink(entry.Url));
            }
            if (entry.UrlRemoved is not null)
            {
                Add($" Address not linked: {entry.UrlRemoved}", muted);
            }
            if (entry.Accessed is not null)
            {
                Add($" Accessed {entry.Accessed}.", muted);
            }
            if (entry.ArchiveUrl is not null)
            {
                Add(" Archived: ", muted);
                Add(entry.ArchiveUrl, style with { Color = Theme.Link }, new ExternalLink(entry.ArchiveUrl));
            }
            if (entry.StateNote is not null)
            {
                Add(" " + entry.StateNote, style with { Bold = entry.State == EntryState.Undefined, Color = entry.State == EntryState.Undefined ? Theme.Alert : Theme.Muted });
            }
            if (entry.BackReferences.Length > 0)
            {
                Add(" ↩", muted);
                foreach (var back in entry.BackReferences)
                {
                    Add(" " + back.Letter, style with { Color = Theme.Link, Size = style.Size - 1 }, new InternalLink(back.Anchor));
                }
            }
            var key = entry.IsFootnote ? "^" + entry.DisplayKey : entry.DisplayKey;
            blocks.Add(new ParagraphBlock(runs, Theme.Bibliography)
            {
                Marker = new Run(key + ".", Theme.BibliographyNumber with { Color = entry.State == EntryState.Undefined ? Theme.Alert : Theme.Accent }),
                Anchor = entry.Anchor,
                KeepTogether = true,
                // The last entry never stands alone at the top of a page.
                KeepWithNext = index == bibliography.Entries.Length - 2,
            });
        }
    }

    private static void Discrepancies(List<LayoutBlock> blocks, EditionModel model)
    {
        var heading = Theme.Heading(0);
        blocks.Add(new HeadingBlock([new Run(DiscrepanciesTitle, heading.Base)], heading, EditionAnchors.Discrepancies, DiscrepanciesTitle, 0)
        {
            RuleBelow = (3, 0.5, Theme.Rule),
            PageBreakBefore = true,
        });
        var appendix = model.Discrepancies;
        var body = Theme.Paragraph.Base;
        if (appendix.Count == 0)
        {
            blocks.Add(new ParagraphBlock([new Run("No two figures in this report contradict each other.", body)], Theme.Paragraph));
            return;
        }
        blocks.Add(new ParagraphBlock(
            [new Run($"Figures the report gives more than once for the same event and measure, with values that cannot all be true: {appendix.Count.ToString(CultureInfo.InvariantCulture)} in all, " +
                     $"{appendix.Open.ToString(CultureInfo.InvariantCulture)} still open. Each is marked in the text with ≠ and its number; each row below is one claim, quoted as written, with its section, line and sources.", body)],
            Theme.Paragraph));
        IReadOnlyList<Run> Head(string text) => [new Run(text, Theme.CellHeader)];
        var subheading = Theme.Heading(1);
        foreach (var group in appendix.Groups)
        {
            blocks.Add(new HeadingBlock([new Run(PdfText(group.Subject), subheading.Base)], subheading, null, PdfText(group.Subject), 1));
            var rows = new List<TableRow>();
            foreach (var item in group.Items)
            {
                for (var c = 0; c < item.Sides.Length; c++)
                {
                    var side = item.Sides[c];
                    var first = c == 0 ? DiscrepancyCell(item) : [];
                    var where = new Run("\n" + Where(side.Claim), Theme.CellSmall with { Color = side.ClaimAnchor is null ? Theme.Muted : Theme.Link },
                        side.ClaimAnchor is { } claim ? new InternalLink(claim) : null);
                    var quote = new List<Run> { new($"“{side.Claim.Text.Trim()}”", Theme.CellQuote), where };
                    var sources = new List<Run>();
                    foreach (var s in side.Sources)
                    {
                        if (sources.Count > 0)
                        {
                            sources.Add(new Run(" ", Theme.Cell));
                        }
                        sources.Add(new Run($"[{s.DisplayKey}]", Theme.Cell with { Color = s.Anchor is null ? Theme.Ink : Theme.Link }, s.Anchor is { } anchor ? new InternalLink(anchor) : null));
                    }
                    if (sources.Count == 0)
                    {
                        sources.Add(new Run("no source", Theme.CellSmall with { Color = Theme.Alert }));
                    }
                    rows.Add(new TableRow([first, [new Run(side.Claim.Value, Theme.Cell.WithBold())], quote, sources], EndsGroup: c == item.Sides.Length - 1));
                }
            }
            blocks.Add(new TableBlock([2.2, 1.6, 4.4, 1.0], [Head("Discrepancy"), Head("Value"), Head("Claim"), Head("Sources")], rows, Theme.Table));
        }
    }

    private static List<Run> DiscrepancyCell(DiscrepancyEntry item)
    {
        var discrepancy = item.Discrepancy;
        var statusColor = discrepancy.Status switch
        {
            DiscrepancyStatus.Open => Theme.Alert,
            DiscrepancyStatus.Fixed => Theme.Good,
            _ => Theme.Muted,
        };
        var cell = new List<Run> { new("≠" + item.Number.ToString(CultureInfo.InvariantCulture) + " ", Theme.Cell with { Bold = true, Color = statusColor }) { Anchors = [item.Anchor] } };
        // The measure and the kind, unless the subject already says them ("Harbour riot — date" needs no "date (date)").
        var kind = item.Kind;
        var measure = discrepancy.Subject.Contains(discrepancy.Measure, StringComparison.OrdinalIgnoreCase) ? "" : discrepancy.Measure;
        var what = string.Equals(measure, kind, StringComparison.OrdinalIgnoreCase) || discrepancy.Subject.Contains(kind, StringComparison.OrdinalIgnoreCase)
            ? measure
            : measure.Length > 0 ? $"{measure} ({kind})" : kind;
        cell.Add(new Run(what.Length > 0 ? what : discrepancy.Subject, Theme.Cell.WithBold()));
        cell.Add(new Run($"\n{item.Status}", Theme.Cell with { Bold = true, Color = statusColor }));
        cell.Add(new Run($" · {discrepancy.Id}", Theme.CellSmall));
        if (!string.IsNullOrWhiteSpace(discrepancy.Note))
        {
            cell.Add(new Run("\n" + discrepancy.Note.Trim(), Theme.Cell with { Italic = true, Color = Theme.Muted }));
        }
        return cell;
    }

    private static string Where(DiscrepancyClaim claim) =>
        (claim.Section is { Length: > 0 } section ? $"§ {section}, " : "") + $"line\u00A0{claim.Span.Line.ToString(CultureInfo.InvariantCulture)}"; // a no-break space: "line" never ends a line without its number

    private static void Health(List<LayoutBlock> blocks, EditionModel model)
    {
        var heading = Theme.Heading(0);
        blocks.Add(new HeadingBlock([new Run(HealthTitle, heading.Base)], heading, EditionAnchors.Health, HealthTitle, 0)
        {
            RuleBelow = (3, 0.5, Theme.Rule),
            PageBreakBefore = true,
        });
        var body = Theme.Paragraph.Base;
        var health = model.Health;
        if (health.Count == 0)
        {
            blocks.Add(new ParagraphBlock([new Run("Every citation checks out: no findings.", body)], Theme.Paragraph));
            return;
        }
        var otherFiles = health.Rules.SelectMany(r => r.Items).Select(f => f.File).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var where = $"Locations are line:column in {model.Front.FileName}" + (otherFiles.Count > 0 ? $"; a finding in another file ({string.Join(", ", otherFiles)}) names it." : ".");
        blocks.Add(new ParagraphBlock(
            [new Run($"{Plural(health.Errors, "error")}, {Plural(health.Warnings, "warning")} and {Plural(health.Infos, "note")} " +
                     $"from {Plural(health.Rules.Length, "rule")}, grouped by rule. {where}", body)],
            Theme.Paragraph));
        IReadOnlyList<Run> SummaryHead(string text) => [new Run(text, Theme.CellHeader)];
        var summary = health.Rules.Select(rule => new TableRow(
        [
            [new Run(rule.Id, Theme.Cell with { Color = Theme.Link }, new InternalLink(rule.Anchor)), new Run(" " + rule.Rule, Theme.Cell)],
            [new Run(rule.Title, Theme.Cell)],
            [new Run(rule.Items.Length.ToString(CultureInfo.InvariantCulture), Theme.Cell with { Bold = rule.Severity == Severity.Error, Color = rule.Severity == Severity.Error ? Theme.Alert : Theme.Ink })],
        ])).ToList();
        blocks.Add(new TableBlock([3.2, 6.0, 0.8], [SummaryHead("Rule"), SummaryHead("Finding"), SummaryHead("Count")], summary, Theme.Table));
        var subheading = Theme.Heading(1);
        foreach (var rule in health.Rules)
        {
            var title = $"{rule.Id} {rule.Rule}: {rule.Title} ({rule.Items.Length.ToString(CultureInfo.InvariantCulture)})";
            blocks.Add(new HeadingBlock([new Run(title, subheading.Base)], subheading, rule.Anchor, title, 1));
            var rows = rule.Items.Select(f => new TableRow(
            [
                [new Run(f.Location, Theme.Cell)],
                [new Run(f.Severity.Name(), Theme.Cell with { Bold = f.Severity == Severity.Error, Color = f.Severity == Severity.Error ? Theme.Alert : Theme.Ink })],
                [
                    new Run(f.Message, Theme.Cell),
                    .. f.Note is { Length: > 0 } note ? [new Run("\n" + note, Theme.Cell with { Italic = true, Color = Theme.Muted })] : Array.Empty<Run>(),
                    .. f.SourceAnchor is { } anchor ? [new Run(" entry", Theme.Cell with { Color = Theme.Link }, new InternalLink(anchor))] : Array.Empty<Run>(),
                ],
            ])).ToList();
            IReadOnlyList<Run> Head(string text) => [new Run(text, Theme.CellHeader)];
            blocks.Add(new TableBlock([2.3, 1.0, 6.7], [Head("Location"), Head("Severity"), Head("Finding")], rows, Theme.Table with { SpaceBefore = 2 }));
        }
    }

    /// <summary>Text for the outline and the contents: one line.</summary>
    private static string PdfText(string text) => text.ReplaceLineEndings(" ");

    private static string Plural(int count, string one, string? many = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
