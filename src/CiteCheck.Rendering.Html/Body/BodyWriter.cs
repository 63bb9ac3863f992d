using System.Globalization;
using System.Text;
using CiteCheck.Model;

namespace CiteCheck.Rendering.Html.Body;

/// <summary>
/// Writes the edition model's body as HTML: headings with their anchors, paragraphs, lists (consecutive list items
/// grouped by depth into ul/ol), quotes, tables, code, sanitized HTML and rules. A block's text is its prose (with the
/// discrepancy marks the model placed at the end of claims) followed by its closing citation group as written.
/// </summary>
internal sealed class BodyWriter(EditionModel model)
{
    private readonly InlineWriter _inlines = new(model);
    private readonly StringBuilder _sb = new();
    private readonly Stack<(int Depth, bool Ordered)> _lists = new();
    private bool _inQuote;

    public string Write()
    {
        foreach (var block in model.Blocks)
        {
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

    private void WriteBlock(EditionBlock block)
    {
        switch (block.Kind)
        {
            case BlockKind.Heading:
                var level = Math.Clamp(block.Block.Level, 1, 6).ToString(CultureInfo.InvariantCulture);
                var id = block.Anchor is null ? "" : $" id=\"{block.Anchor}\"";
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
                _sb.Append("<pre><code>").Append(HtmlText.Escape(block.Block.Text.TrimEnd('\n'))).Append("</code></pre>\n");
                break;
            case BlockKind.Html:
                _sb.Append("<div class=\"raw-html\">").Append(RawHtml.Block(block.Block.Text)).Append("</div>\n");
                break;
            case BlockKind.ThematicBreak:
                _sb.Append("<hr>\n");
                break;
        }
    }

    private void WriteListItem(EditionBlock item)
    {
        var block = item.Block;
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
        _sb.Append("<li>").Append(Inlines(item));
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

    private void WriteTable(EditionBlock block)
    {
        if (block.Rows.IsDefaultOrEmpty)
        {
            return;
        }
        _sb.Append("<div class=\"table-wrap\"><table>\n<thead>\n<tr>");
        foreach (var cell in block.Rows[0])
        {
            _sb.Append("<th>").Append(_inlines.Write(cell)).Append("</th>");
        }
        _sb.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in block.Rows.Skip(1))
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

    private string Inlines(EditionBlock block) => _inlines.Write(block.GroupInlines.IsDefaultOrEmpty ? block.Inlines : block.Inlines.AddRange(block.GroupInlines));
}
