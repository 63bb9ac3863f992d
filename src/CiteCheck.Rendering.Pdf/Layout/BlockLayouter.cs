namespace CiteCheck.Rendering.Pdf.Layout;

/// <summary>
/// Turns layout blocks into units for the paginator: paragraphs into lines (breaking from real metrics, with orphan and
/// widow control: a page holds at least two lines of a split paragraph on each side), headings into units kept with
/// what follows, tables into a header unit and row units. Vertical space between blocks collapses to the larger of
/// the space after one and the space before the next.
/// </summary>
public sealed class BlockLayouter(ITextMeasurer measurer)
{
    /// <summary>Lines of a paragraph kept together at its start (orphans) and at its end (widows).</summary>
    public const int MinimumLinesAtBreak = 2;

    private readonly LineBreaker _breaker = new(measurer);

    public IReadOnlyList<Unit> Layout(IReadOnlyList<LayoutBlock> blocks, double width)
    {
        var units = new List<Unit>();
        var spaceAfter = 0.0;
        foreach (var block in blocks)
        {
            var (blockUnits, before, after) = block switch
            {
                HeadingBlock h => (Heading(h, width), h.Style.SpaceBefore, h.Style.SpaceAfter),
                ParagraphBlock p => (Paragraph(p, width), p.Style.SpaceBefore, p.Style.SpaceAfter),
                TableBlock t => (Table(t, width), t.Style.SpaceBefore, t.Style.SpaceAfter),
                RuleBlock r => (Rule(r, width), r.SpaceBefore, r.SpaceAfter),
                _ => throw new InvalidOperationException($"unknown layout block {block.GetType().Name}"),
            };
            if (blockUnits.Count == 0)
            {
                continue;
            }
            blockUnits[0].SpaceBefore = Math.Max(spaceAfter, before);
            blockUnits[0].BreakBefore = block.PageBreakBefore;
            units.AddRange(blockUnits);
            spaceAfter = after;
        }
        return units;
    }

    /// <summary>Breaks runs into lines at a width (exposed for the table's cells and for tests).</summary>
    public IReadOnlyList<Line> Lines(IReadOnlyList<Run> runs, double width, Alignment alignment) => _breaker.Break(runs, width, alignment);

    private List<Unit> Paragraph(ParagraphBlock block, double width)
    {
        var style = block.Style;
        var lines = _breaker.Break(block.Runs, width - style.Indent, style.Alignment, style.BreakAtDashes);
        var baseline = Baseline(style.Base, style.Leading);
        var units = new List<Unit>();
        for (var n = 0; n < lines.Count; n++)
        {
            var ops = new List<DrawOp>();
            if (n == 0)
            {
                if (block.Anchor is { } anchor)
                {
                    ops.Add(new AnchorOp(anchor));
                }
                if (block.Marker is { } marker)
                {
                    var markerWidth = measurer.Width(marker.Text, marker.Style);
                    ops.Add(new TextOp(style.Indent - markerWidth - MarkerGap(style), baseline, marker.Text, markerWidth, marker.Style, marker.Link));
                }
            }
            AddLine(ops, lines[n], style.Indent, baseline);
            var keep = block.KeepTogether
                ? n < lines.Count - 1
                : n < MinimumLinesAtBreak - 1 || n >= lines.Count - MinimumLinesAtBreak;
            units.Add(new Unit(style.Leading, ops) { KeepWithNext = keep && n < lines.Count - 1 });
        }
        if (block.KeepWithNext && units.Count > 0)
        {
            units[^1].KeepWithNext = true;
        }
        return units;
    }

    private static double MarkerGap(ParagraphStyle style) => style.Base.Size * 0.55;

    private List<Unit> Heading(HeadingBlock block, double width)
    {
        var style = block.Style;
        var lines = _breaker.Break(block.Runs, width - style.Indent, Alignment.Left, breakAtDashes: false);
        var baseline = Baseline(style.Base, style.Leading);
        var units = new List<Unit>();
        for (var n = 0; n < lines.Count; n++)
        {
            var ops = new List<DrawOp>();
            if (n == 0)
            {
                if (block.Anchor is { Length: > 0 } anchor)
                {
                    ops.Add(new AnchorOp(anchor));
                }
                ops.Add(new OutlineOp(block.OutlineTitle, block.OutlineLevel));
            }
            AddLine(ops, lines[n], style.Indent, baseline);
            var height = style.Leading;
            if (n == lines.Count - 1 && block.RuleBelow is { } rule)
            {
                var y = style.Leading + rule.Gap;
                ops.Add(new LineOp(style.Indent, y, width, y, rule.Thickness, rule.Color));
                height = y + rule.Thickness;
            }
            units.Add(new Unit(height, ops) { KeepWithNext = true });
        }
        return units;
    }

    private static List<Unit> Rule(RuleBlock block, double width)
    {
        var length = width * block.Fraction;
        var x = (width - length) / 2;
        var y = block.Thickness / 2;
        return [new Unit(block.Thickness, [new LineOp(x, y, x + length, y, block.Thickness, block.Color)])];
    }

    private List<Unit> Table(TableBlock table, double width)
    {
        var style = table.Style;
        var total = table.ColumnWeights.Sum();
        var columns = table.ColumnWeights.Select(w => width * w / total).ToArray();
        var header = Row(table.Header, columns, style, isHeader: true, endsGroup: true);
        header.IsHeader = true;
        header.KeepWithNext = true;
        var units = new List<Unit> { header };
        foreach (var row in table.Rows)
        {
            var unit = Row(row.Cells, columns, style, isHeader: false, row.EndsGroup);
            unit.RepeatedHeader = header;
            unit.KeepWithNext = !row.EndsGroup;
            units.Add(unit);
        }
        units[^1].KeepWithNext = false;
        return units;
    }

    private Unit Row(IReadOnlyList<IReadOnlyList<Run>> cells, double[] columns, TableStyle style, bool isHeader, bool endsGroup)
    {
        var ops = new List<DrawOp>();
        var cellLines = new List<IReadOnlyList<Line>>();
        for (var c = 0; c < columns.Length; c++)
        {
            var runs = c < cells.Count ? cells[c] : [];
            cellLines.Add(_breaker.Break(runs, columns[c] - 2 * style.PaddingX, Alignment.Left));
        }
        var height = cellLines.Max(l => l.Count(line => !line.IsEmpty)) * style.Leading + 2 * style.PaddingY;
        var width = columns.Sum();
        if (isHeader)
        {
            ops.Add(new RectOp(0, 0, width, height, style.HeaderFill));
        }
        var x = 0.0;
        for (var c = 0; c < columns.Length; c++)
        {
            var runs = c < cells.Count ? cells[c] : [];
            var metricsStyle = runs.Count > 0 ? runs[0].Style with { Rise = 0 } : null;
            var baseline = metricsStyle is null ? 0 : Baseline(metricsStyle, style.Leading);
            var y = style.PaddingY;
            foreach (var line in cellLines[c].Where(l => !l.IsEmpty))
            {
                AddLine(ops, line, x + style.PaddingX, y + baseline);
                y += style.Leading;
            }
            x += columns[c];
        }
        var rule = isHeader ? style.GroupRule : endsGroup ? style.GroupRule : style.RowRule;
        ops.Add(new LineOp(0, height, width, height, isHeader || endsGroup ? 0.6 : 0.3, rule));
        return new Unit(height, ops);
    }

    private static void AddLine(List<DrawOp> ops, Line line, double x, double baseline)
    {
        foreach (var fragment in line.Fragments)
        {
            foreach (var anchor in fragment.Anchors)
            {
                ops.Add(new AnchorOp(anchor));
            }
            ops.Add(new TextOp(x + fragment.X, baseline - fragment.Style.Rise, fragment.Text, fragment.Width, fragment.Style, fragment.Link));
        }
    }

    /// <summary>The baseline of a line of the given height: the font's glyph box centred in the line.</summary>
    private double Baseline(TextStyle style, double leading)
    {
        var metrics = measurer.Metrics(style);
        return (leading - (metrics.Ascent + metrics.Descent)) / 2 + metrics.Ascent;
    }
}
