using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using CiteCheck.Model;
using CiteCheck.Rendering.Pdf.Layout;

namespace CiteCheck.Rendering.Pdf.Compose;

/// <summary>The report as the layout stage takes it: blocks in reading order and the texts of the page furniture.</summary>
public sealed record ComposedReport(IReadOnlyList<LayoutBlock> Blocks, string Title, string Footer);

/// <summary>
/// Composes the edition from the checked report: a title block, the body (headings, paragraphs, lists, quotes, code,
/// tables), the sources, appendix A (discrepancies, as a table with one row per claim) and appendix B (citation health,
/// the findings grouped by rule). Knows nothing of PDF: it only chooses blocks, runs and styles from <see cref="Theme"/>.
/// </summary>
public static partial class ReportComposer
{
    public const string SourcesTitle = "Sources";
    public const string DiscrepanciesTitle = "Appendix A. Discrepancies";
    public const string HealthTitle = "Appendix B. Citation health";

    public static ComposedReport Compose(CheckedReport report, DateTimeOffset buildTime)
    {
        var document = report.Document;
        var sources = SourceList(document);
        var labels = sources.Select((s, i) => (s.Key, Label: Label(s, i))).ToDictionary(p => p.Key, p => p.Label, StringComparer.Ordinal);
        var runs = new InlineRuns(key => labels.TryGetValue(key, out var label) ? label : key);
        var blocks = new List<LayoutBlock>();
        var built = buildTime.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

        TitleBlock(blocks, report, sources.Count, built);
        Body(blocks, document, runs);
        Sources(blocks, sources, labels);
        Discrepancies(blocks, report, runs);
        Health(blocks, report);
        return new ComposedReport(blocks, document.Title, $"Citation-checked edition · built {built}");
    }

    private static void TitleBlock(List<LayoutBlock> blocks, CheckedReport report, int sourceCount, string built)
    {
        var document = report.Document;
        blocks.Add(new ParagraphBlock([new Run("CITATION-CHECKED REPORT", Theme.Kicker.Base)], Theme.Kicker) { KeepWithNext = true });
        blocks.Add(new ParagraphBlock([new Run(document.Title, Theme.Title.Base)], Theme.Title) { KeepTogether = true, KeepWithNext = true });
        foreach (var key in new[] { "subtitle", "author", "date" })
        {
            if (document.FrontMatter.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase)) is { Value.Length: > 0 } entry)
            {
                blocks.Add(new ParagraphBlock([new Run(entry.Value, Theme.Subtitle.Base)], Theme.Subtitle) { KeepWithNext = true });
            }
        }
        var meta = Theme.Meta.Base;
        var errors = report.Count(Severity.Error);
        var warnings = report.Count(Severity.Warning);
        var open = report.Discrepancies.Count(d => d.Status == DiscrepancyStatus.Open);
        var line = $"Built {built} · {Plural(sourceCount, "source")} · {Plural(report.Discrepancies.Length, "discrepancy", "discrepancies")}" +
                   (open > 0 ? $" ({open} open)" : "") + $" · {Plural(errors, "error")}, {Plural(warnings, "warning")} in the citations";
        blocks.Add(new ParagraphBlock([new Run(line, meta)], Theme.Meta) { KeepWithNext = true });
        blocks.Add(new RuleBlock(1.4, Theme.Accent, 8, 16));
    }

    private static void Body(List<LayoutBlock> blocks, Document document, InlineRuns runs)
    {
        var titleHeading = document.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading && b.Level == 1 && b.Text == document.Title);
        var headingLevels = document.Blocks.Where(b => b.Kind == BlockKind.Heading && b != titleHeading).Select(b => b.Level).ToList();
        var topLevel = headingLevels.Count > 0 ? headingLevels.Min() : 2;
        foreach (var block in document.Blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Heading when block == titleHeading:
                    break;
                case BlockKind.Heading:
                    var rank = block.Level - topLevel;
                    var style = Theme.Heading(rank);
                    var slug = document.SectionOf(block)?.Slug ?? block.Index.ToString(CultureInfo.InvariantCulture);
                    blocks.Add(new HeadingBlock(runs.Convert(block.Inlines, style.Base), style, InlineRuns.SectionAnchor(slug), block.Text, rank)
                    {
                        RuleBelow = rank == 0 ? (3, 0.5, Theme.Rule) : null,
                    });
                    break;
                case BlockKind.Paragraph:
                    blocks.Add(new ParagraphBlock(runs.Convert(block.Inlines, Theme.Paragraph.Base), Theme.Paragraph));
                    break;
                case BlockKind.ListItem:
                    var item = Theme.ListItem with { Indent = Theme.ListItem.Indent + 14 * block.Depth };
                    var marker = block.OrderedNumber is { } n
                        ? new Run(n.ToString(CultureInfo.InvariantCulture) + ".", Theme.Body)
                        : new Run(block.Depth % 2 == 0 ? "•" : "◦", Theme.Body with { Color = Theme.Accent });
                    blocks.Add(new ParagraphBlock(runs.Convert(block.Inlines, item.Base), item) { Marker = marker });
                    break;
                case BlockKind.Quote:
                    var quote = Theme.Quote with { Indent = Theme.Quote.Indent + 14 * Math.Max(0, block.Depth - 1) };
                    blocks.Add(new ParagraphBlock(runs.Convert(block.Inlines, quote.Base), quote));
                    break;
                case BlockKind.Code:
                    var code = block.Text.Replace("\r", "", StringComparison.Ordinal).TrimEnd('\n');
                    blocks.Add(new ParagraphBlock([new Run(code, Theme.Code.Base)], Theme.Code) { KeepTogether = code.Count(c => c == '\n') < 12 });
                    break;
                case BlockKind.Table when block.Rows.Length > 0:
                    blocks.Add(MarkdownTable(block, runs));
                    break;
                case BlockKind.Html:
                    var text = Tags().Replace(block.Text, " ").Trim();
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

    private static TableBlock MarkdownTable(Block block, InlineRuns runs)
    {
        var columns = block.Rows.Max(r => r.Length);
        IReadOnlyList<Run> Cell(ImmutableArray<ImmutableArray<Inline>> row, int c, TextStyle style) =>
            c < row.Length ? runs.Convert(row[c], style) : [];
        // Columns get width in proportion to their longest cell, within limits, so short columns stay narrow.
        var weights = Enumerable.Range(0, columns)
            .Select(c => Math.Clamp(block.Rows.Max(r => c < r.Length ? InlineText.Plain(r[c]).Length : 0), 4, 60) + 6.0)
            .ToList();
        var header = Enumerable.Range(0, columns).Select(c => Cell(block.Rows[0], c, Theme.CellHeader)).ToList();
        var rows = block.Rows.Skip(1).Select(r => new TableRow([.. Enumerable.Range(0, columns).Select(c => Cell(r, c, Theme.Cell))])).ToList();
        return new TableBlock(weights, header, rows, Theme.Table);
    }

    /// <summary>The sources in bibliography order (numbered entries by number, then footnotes); when there is no bibliography, the sources the text cites.</summary>
    private static List<Source> SourceList(Document document)
    {
        var bibliography = document.Bibliography;
        var listed = bibliography.Entries
            .OrderBy(s => s.Number ?? int.MaxValue)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Concat(bibliography.Footnotes)
            .DistinctBy(s => s.Key)
            .ToList();
        if (listed.Count > 0)
        {
            return listed;
        }
        return [.. document.Citations
            .GroupBy(c => c.SourceKey, StringComparer.Ordinal)
            .Select(g => new Source(g.Key, g.First().Label, null, InlineRuns.Target(g.First().Target ?? "") is ExternalLink ? g.First().Target : null, null, null, null, null))
            .OrderBy(s => s.Number ?? int.MaxValue)
            .ThenBy(s => s.Key, StringComparer.Ordinal)];
    }

    /// <summary>A numbered source shows its number; a footnote its place in the list.</summary>
    private static string Label(Source source, int index) =>
        source.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : (index + 1).ToString(CultureInfo.InvariantCulture);

    private static void Sources(List<LayoutBlock> blocks, List<Source> sources, Dictionary<string, string> labels)
    {
        var heading = Theme.Heading(0);
        blocks.Add(new HeadingBlock([new Run(SourcesTitle, heading.Base)], heading, "sources", SourcesTitle, 0) { RuleBelow = (3, 0.5, Theme.Rule) });
        if (sources.Count == 0)
        {
            blocks.Add(new ParagraphBlock([new Run("The report cites no sources.", Theme.Paragraph.Base)], Theme.Paragraph));
            return;
        }
        var style = Theme.Bibliography.Base;
        foreach (var (source, index) in sources.Select((s, i) => (s, i)))
        {
            var entry = new List<Run>();
            void Add(string text, TextStyle s, LinkTarget? link = null) => entry.Add(new Run(text, s, link));
            Add(source.Publisher ?? source.Title ?? source.Url ?? "Unnamed source", style);
            if (source.Publisher is not null && source.Title is not null)
            {
                Add(". ", style);
                Add(source.Title, style.WithItalic());
            }
            if (source.Date is not null)
            {
                Add($". {source.Date}", style);
            }
            Add(".", style);
            if (source.Url is not null && source.Url != (source.Publisher ?? source.Title))
            {
                var target = InlineRuns.Target(source.Url);
                Add(" ", style);
                Add(source.Url, style with { Color = target is ExternalLink ? Theme.Link : Theme.Muted }, target as ExternalLink);
            }
            if (source.Accessed is not null)
            {
                Add($" Accessed {source.Accessed}.", style with { Color = Theme.Muted });
            }
            if (source.Archive is not null)
            {
                Add(" Archived: ", style with { Color = Theme.Muted });
                Add(source.Archive, style with { Color = Theme.Link }, InlineRuns.Target(source.Archive) as ExternalLink);
            }
            blocks.Add(new ParagraphBlock(entry, Theme.Bibliography)
            {
                Marker = new Run(labels[source.Key] + ".", Theme.BibliographyNumber),
                Anchor = InlineRuns.SourceAnchor(source.Key),
                KeepTogether = true,
                // The last entry never stands alone at the top of a page.
                KeepWithNext = index == sources.Count - 2,
            });
        }
    }

    private static void Discrepancies(List<LayoutBlock> blocks, CheckedReport report, InlineRuns runs)
    {
        var heading = Theme.Heading(0);
        blocks.Add(new HeadingBlock([new Run(DiscrepanciesTitle, heading.Base)], heading, "appendix-discrepancies", DiscrepanciesTitle, 0)
        {
            RuleBelow = (3, 0.5, Theme.Rule),
            PageBreakBefore = true,
        });
        var discrepancies = report.Discrepancies;
        var body = Theme.Paragraph.Base;
        if (discrepancies.IsDefaultOrEmpty)
        {
            blocks.Add(new ParagraphBlock([new Run("No discrepancies were found: no two claims about the same event and measure contradict each other.", body)], Theme.Paragraph));
            return;
        }
        var byStatus = discrepancies.GroupBy(d => d.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Discrepancy.StatusName(g.Key)}");
        blocks.Add(new ParagraphBlock(
            [new Run($"{Plural(discrepancies.Length, "discrepancy", "discrepancies")} ({string.Join(", ", byStatus)}): claims about one event and one measure that cannot all be true. " +
                     "Each row is one claim, quoted as written, with its section, line and sources.", body)],
            Theme.Paragraph));

        var rows = new List<TableRow>();
        foreach (var discrepancy in discrepancies)
        {
            for (var c = 0; c < discrepancy.Claims.Length; c++)
            {
                var claim = discrepancy.Claims[c];
                var first = c == 0 ? DiscrepancyCell(discrepancy) : [];
                var quote = new List<Run>
                {
                    new($"“{claim.Text.Trim()}”", Theme.CellQuote),
                    new("\n" + Where(claim), Theme.CellSmall),
                };
                var sourceRuns = new List<Run>();
                foreach (var key in claim.Sources)
                {
                    if (sourceRuns.Count > 0)
                    {
                        sourceRuns.Add(new Run(" ", Theme.Cell));
                    }
                    var label = new List<Run>();
                    runs.AppendSuperscripts(label, [key], Theme.Cell);
                    sourceRuns.Add(label[0] with { Text = $"[{label[0].Text}]", Style = Theme.Cell with { Color = Theme.Link } });
                }
                if (sourceRuns.Count == 0)
                {
                    sourceRuns.Add(new Run("none", Theme.CellSmall));
                }
                rows.Add(new TableRow([first, [new Run(claim.Value, Theme.Cell.WithBold())], quote, sourceRuns], EndsGroup: c == discrepancy.Claims.Length - 1));
            }
        }
        IReadOnlyList<Run> Head(string text) => [new Run(text, Theme.CellHeader)];
        blocks.Add(new TableBlock([2.2, 1.6, 4.4, 1.0], [Head("Discrepancy"), Head("Value"), Head("Claim"), Head("Sources")], rows, Theme.Table));
    }

    private static List<Run> DiscrepancyCell(Discrepancy discrepancy)
    {
        var statusColor = discrepancy.Status switch
        {
            DiscrepancyStatus.Open => Theme.Alert,
            DiscrepancyStatus.Fixed => Theme.Good,
            _ => Theme.Muted,
        };
        var cell = new List<Run> { new(discrepancy.Subject, Theme.Cell.WithBold()) };
        // The measure and the kind, unless the subject already says them ("Harbour riot — date" needs no "date (date)").
        var kind = Discrepancy.KindName(discrepancy.Kind);
        var measure = discrepancy.Subject.Contains(discrepancy.Measure, StringComparison.OrdinalIgnoreCase) ? "" : discrepancy.Measure;
        var what = string.Equals(measure, kind, StringComparison.OrdinalIgnoreCase) || discrepancy.Subject.Contains(kind, StringComparison.OrdinalIgnoreCase)
            ? measure
            : measure.Length > 0 ? $"{measure} ({kind})" : kind;
        if (what.Length > 0)
        {
            cell.Add(new Run("\n" + what, Theme.Cell));
        }
        cell.Add(new Run($"\n{Discrepancy.StatusName(discrepancy.Status)}", Theme.Cell with { Bold = true, Color = statusColor }));
        cell.Add(new Run($" · {discrepancy.Id}", Theme.CellSmall));
        if (!string.IsNullOrWhiteSpace(discrepancy.Note))
        {
            cell.Add(new Run("\n" + discrepancy.Note.Trim(), Theme.Cell with { Italic = true, Color = Theme.Muted }));
        }
        return cell;
    }

    private static string Where(DiscrepancyClaim claim) =>
        (claim.Section is { Length: > 0 } section ? $"§ {section}, " : "") + $"line\u00A0{claim.Span.Line}"; // a no-break space: "line" never ends a line without its number

    private static void Health(List<LayoutBlock> blocks, CheckedReport report)
    {
        var heading = Theme.Heading(0);
        blocks.Add(new HeadingBlock([new Run(HealthTitle, heading.Base)], heading, "appendix-citation-health", HealthTitle, 0)
        {
            RuleBelow = (3, 0.5, Theme.Rule),
            PageBreakBefore = true,
        });
        var body = Theme.Paragraph.Base;
        var diagnostics = report.Diagnostics;
        if (diagnostics.IsDefaultOrEmpty)
        {
            blocks.Add(new ParagraphBlock([new Run("No citation problems were found.", body)], Theme.Paragraph));
            return;
        }
        var groups = diagnostics.GroupBy(d => d.Descriptor.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        blocks.Add(new ParagraphBlock(
            [new Run($"{Plural(report.Count(Severity.Error), "error")}, {Plural(report.Count(Severity.Warning), "warning")} and {Plural(report.Count(Severity.Info), "note")} " +
                     $"from {Plural(groups.Count, "rule")}, grouped by rule. Lines are lines of {Path.GetFileName(report.Document.File)}.", body)],
            Theme.Paragraph));
        var subheading = Theme.Heading(1);
        foreach (var group in groups)
        {
            var descriptor = group.First().Descriptor;
            var title = $"{descriptor.Id} {descriptor.Rule}: {descriptor.Title} ({group.Count()})";
            blocks.Add(new HeadingBlock([new Run(title, subheading.Base)], subheading, "rule-" + descriptor.Id, title, 1));
            var rows = group.Select(d => new TableRow(
            [
                [new Run(d.Location.Line.ToString(CultureInfo.InvariantCulture), Theme.Cell)],
                [new Run(d.Severity.Name(), Theme.Cell with { Bold = d.Severity == Severity.Error, Color = d.Severity == Severity.Error ? Theme.Alert : Theme.Ink })],
                [new Run(d.Message, Theme.Cell), .. d.Note is { Length: > 0 } note ? [new Run("\n" + note, Theme.Cell with { Italic = true, Color = Theme.Muted })] : Array.Empty<Run>()],
            ])).ToList();
            IReadOnlyList<Run> Head(string text) => [new Run(text, Theme.CellHeader)];
            blocks.Add(new TableBlock([0.8, 1.1, 8.1], [Head("Line"), Head("Severity"), Head("Finding")], rows, Theme.Table with { SpaceBefore = 2 }));
        }
    }

    private static string Plural(int count, string one, string? many = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
