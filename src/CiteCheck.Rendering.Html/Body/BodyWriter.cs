using System.Globalization;
using System.Text;
using CiteCheck.Model;

namespace CiteCheck.Rendering.Html.Body;

/// <summary>
/// Writes the report's body: headings with their section ids, paragraphs, lists (consecutive list items grouped by
/// depth into ul/ol), quotes, tables, code, sanitized HTML and rules. The title heading and the front matter are not
/// part of the body (the template shows the title). At the end of every claim that is a side of a discrepancy it
/// places the claim's anchor (<c>claim-&lt;id&gt;</c>) and a marker linking to the appendix entry.
/// </summary>
internal sealed class BodyWriter
{
    private readonly CheckedReport _report;
    private readonly Anchors _anchors;
    private readonly DiscrepancyIndex _discrepancies;
    private readonly InlineWriter _inlines;
    private readonly Dictionary<int, List<(int Offset, Inline Inline)>> _markers = [];
    private readonly HashSet<int> _anchored = [];
    private readonly StringBuilder _sb = new();
    private readonly Stack<(int Depth, bool Ordered)> _lists = new();
    private bool _inQuote;

    public BodyWriter(CheckedReport report, Anchors anchors, DiscrepancyIndex discrepancies)
    {
        _report = report;
        _anchors = anchors;
        _discrepancies = discrepancies;
        _inlines = new InlineWriter(report.Document, anchors);
        PlanMarkers();
    }

    /// <summary>The claims whose anchor is in the body (a claim of the front matter has none).</summary>
    public IReadOnlySet<int> AnchoredClaims => _anchored;

    public string Write()
    {
        var document = _report.Document;
        var titleSkipped = false;
        foreach (var block in document.Blocks)
        {
            if (block.Kind == BlockKind.FrontMatter)
            {
                continue; // the front matter
            }
            if (!titleSkipped && block.Kind == BlockKind.Heading && block.Level == 1 && block.Text == document.Title)
            {
                titleSkipped = true;
                continue;
            }
            if (block.Kind != BlockKind.ListItem)
            {
                CloseLists(-1);
            }
            if (block.Kind != BlockKind.Quote)
            {
                CloseQuote();
            }
            WriteBlock(block);
        }
        CloseLists(-1);
        CloseQuote();
        return _sb.ToString();
    }

    private void WriteBlock(Block block)
    {
        switch (block.Kind)
        {
            case BlockKind.Heading:
                var level = Math.Clamp(block.Level, 1, 6).ToString(CultureInfo.InvariantCulture);
                var section = _report.Document.SectionOf(block);
                var id = section is null ? "" : $" id=\"{_anchors.Section(section)}\"";
                _sb.Append("<h").Append(level).Append(id).Append('>').Append(Inlines(block)).Append("</h").Append(level).Append(">\n");
                break;
            case BlockKind.Paragraph:
                _sb.Append("<p>").Append(Inlines(block)).Append("</p>\n");
                break;
            case BlockKind.ListItem:
                WriteListItem(block);
                break;
            case BlockKind.Quote:
                if (!_inQuote)
                {
                    _sb.Append("<blockquote>\n");
                    _inQuote = true;
                }
                _sb.Append("<p>").Append(Inlines(block)).Append("</p>\n");
                break;
            case BlockKind.Table:
                WriteTable(block);
                break;
            case BlockKind.Code:
                _sb.Append("<pre><code>").Append(HtmlText.Escape(block.Text.TrimEnd('\n'))).Append("</code></pre>\n");
                break;
            case BlockKind.Html:
                _sb.Append("<div class=\"raw-html\">").Append(RawHtml.Block(block.Text)).Append("</div>\n");
                break;
            case BlockKind.ThematicBreak:
                _sb.Append("<hr>\n");
                break;
        }
    }

    private void WriteListItem(Block block)
    {
        var ordered = block.OrderedNumber is not null;
        CloseLists(block.Depth);
        if (_lists.TryPeek(out var top) && top.Depth == block.Depth && top.Ordered != ordered)
        {
            _sb.Append("</li>\n").Append(top.Ordered ? "</ol>\n" : "</ul>\n");
            _lists.Pop();
        }
        if (_lists.TryPeek(out top) && top.Depth == block.Depth)
        {
            _sb.Append("</li>\n");
        }
        else
        {
            if (ordered)
            {
                _sb.Append(block.OrderedNumber == 1 ? "<ol>\n" : $"<ol start=\"{block.OrderedNumber!.Value.ToString(CultureInfo.InvariantCulture)}\">\n");
            }
            else
            {
                _sb.Append("<ul>\n");
            }
            _lists.Push((block.Depth, ordered));
        }
        _sb.Append("<li>").Append(Inlines(block));
    }

    /// <summary>Closes the lists deeper than <paramref name="depth"/> (all of them for -1).</summary>
    private void CloseLists(int depth)
    {
        while (_lists.TryPeek(out var top) && top.Depth > depth)
        {
            _sb.Append("</li>\n").Append(top.Ordered ? "</ol>\n" : "</ul>\n");
            _lists.Pop();
        }
    }

    private void CloseQuote()
    {
        if (_inQuote)
        {
            _sb.Append("</blockquote>\n");
            _inQuote = false;
        }
    }

    private void WriteTable(Block block)
    {
        if (block.Rows.IsDefaultOrEmpty)
        {
            return;
        }
        var rows = block.Rows.Select(r => r.ToArray()).ToArray();
        // A row's markers go at the end of its last cell: the claim of a table row is the whole row.
        if (_markers.TryGetValue(block.Index, out var markers))
        {
            foreach (var (offset, inline) in markers)
            {
                var row = RowOf(rows, offset);
                var last = rows[row].Length - 1;
                if (last >= 0)
                {
                    rows[row][last] = [.. rows[row][last], inline];
                }
            }
        }
        _sb.Append("<div class=\"table-wrap\"><table>\n<thead>\n<tr>");
        foreach (var cell in rows[0])
        {
            _sb.Append("<th>").Append(_inlines.Write(cell)).Append("</th>");
        }
        _sb.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in rows.Skip(1))
        {
            _sb.Append("<tr>");
            foreach (var cell in row)
            {
                _sb.Append("<td>").Append(_inlines.Write(cell)).Append("</td>");
            }
            _sb.Append("</tr>\n");
        }
        _sb.Append("</tbody>\n</table></div>\n");
    }

    /// <summary>The last body row that starts before the offset: a claim's end lies in its own row.</summary>
    private static int RowOf(IReadOnlyList<System.Collections.Immutable.ImmutableArray<Inline>[]> rows, int offset)
    {
        var found = rows.Count - 1;
        for (var r = 1; r < rows.Count; r++)
        {
            var start = rows[r].SelectMany(c => c).Select(i => i.Span?.Start.Offset).FirstOrDefault(o => o is not null);
            if (start is { } s && s < offset)
            {
                found = r;
            }
        }
        return found;
    }

    private string Inlines(Block block) =>
        _inlines.Write(_markers.TryGetValue(block.Index, out var markers) ? InlineSplicer.Insert(block.Inlines, markers) : block.Inlines);

    private void PlanMarkers()
    {
        var document = _report.Document;
        var byClaim = _discrepancies.ByClaim();
        foreach (var claim in document.Claims)
        {
            if (!byClaim.Contains(claim.Id) || claim.BlockIndex < 0 || claim.BlockIndex >= document.Blocks.Length)
            {
                continue;
            }
            var block = document.Blocks[claim.BlockIndex];
            if (block.Kind == BlockKind.FrontMatter)
            {
                continue; // front matter: not in the body
            }
            var html = new StringBuilder();
            html.Append("<span class=\"claim-anchor\" id=\"").Append(Anchors.Claim(claim.Id)).Append("\"></span>");
            foreach (var d in byClaim[claim.Id])
            {
                var n = _discrepancies.Numbers[d].ToString(CultureInfo.InvariantCulture);
                var title = $"Conflicting figure ({Discrepancy.StatusName(d.Status)}): {d.Subject}, {d.Measure}. See discrepancy {n}.";
                html.Append("<sup class=\"disc-mark disc-mark--").Append(Discrepancy.StatusName(d.Status)).Append("\"><a href=\"#")
                    .Append(Anchors.Discrepancy(d.Id)).Append("\" title=\"").Append(HtmlText.Escape(title)).Append("\">")
                    .Append("&#8800;").Append(n).Append("</a></sup>");
            }
            var trimmed = claim.Text.TrimEnd();
            var end = trimmed.Length == 0 ? claim.Span.End.Offset : claim.FileOffsetOf(trimmed.Length - 1) + 1;
            if (!_markers.TryGetValue(block.Index, out var list))
            {
                _markers[block.Index] = list = [];
            }
            list.Add((end, new MarkupInline(html.ToString())));
            _anchored.Add(claim.Id);
        }
    }
}
