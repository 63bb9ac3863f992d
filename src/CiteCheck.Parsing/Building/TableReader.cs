using System.Collections.Immutable;
using CiteCheck.Model;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace CiteCheck.Parsing.Building;

/// <summary>A pipe table: its rows of cells, and each body row one claim (cells joined with "; ") backed by the citations in its cells.</summary>
internal static class TableReader
{
    public static void Add(BuildContext context, Table table)
    {
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<ImmutableArray<Inline>>>();
        var allCitations = ImmutableArray.CreateBuilder<Citation>();
        var claims = ImmutableArray.CreateBuilder<Claim>();
        var blockIndex = context.Blocks.Count;
        foreach (var row in table.OfType<TableRow>())
        {
            var cells = ImmutableArray.CreateBuilder<ImmutableArray<Inline>>();
            var rowText = new Flat();
            foreach (var cell in row.OfType<TableCell>())
            {
                var paragraph = cell.OfType<ParagraphBlock>().FirstOrDefault();
                var inlines = ImmutableArray<Inline>.Empty;
                if (paragraph?.Inline is { } cellInlines)
                {
                    var converted = new InlineConverter(context).Convert(cellInlines);
                    inlines = converted.Inlines;
                    allCitations.AddRange(converted.Citations);
                    Malformed.Report(context, converted.Malformed);
                }
                cells.Add(inlines);
                if (rowText.Length > 0)
                {
                    rowText.Append("; ", -1);
                }
                rowText.AppendInlines(inlines);
            }
            rows.Add(cells.ToImmutable());
            if (!row.IsHeader)
            {
                var (prose, proseCitations) = rowText.WithoutCitationMarkers(keepLabels: true);
                var sources = proseCitations.Select(c => c.Citation.SourceKey).Distinct().ToImmutableArray();
                var start = prose.Offsets.FirstOrDefault(o => o >= 0, row.Span.Start);
                var text = prose.ToString().Trim();
                if (text.Length > 0)
                {
                    claims.Add(new Claim(context.NextClaimId(), blockIndex, text, context.Span(start, RowEnd(context.Text, row)), sources) { OffsetMap = OffsetMap.Of([.. prose.Offsets.Select(o => o < 0 ? start : o)]) });
                }
            }
        }
        UnspacedEmphasis.Report(context, table);
        var span = context.Span(table.Span.Start, table.Span.End + 1);
        var blockText = string.Join("\n", claims.Select(c => c.Text));
        context.Blocks.Add(new Model.Block(blockIndex, BlockKind.Table, context.Sections.Current, 0, span, blockText, [], claims.ToImmutable(), allCitations.ToImmutable())
        { Rows = rows.ToImmutable() });
    }

    /// <summary>
    /// Where a row's claim ends: where Markdig's row ends, and when its last cell ends in a citation, after the white
    /// space up to the closing pipe, as it did when the citation's closing bracket was a literal whose span kept it.
    /// </summary>
    private static int RowEnd(string text, TableRow row)
    {
        var end = row.Span.End + 1;
        if (row.LastChild is TableCell { LastChild: ParagraphBlock { Inline.LastChild: Syntax.NumberedCitationInline or Syntax.UndefinedFootnoteInline } })
        {
            while (end < text.Length && text[end] is ' ' or '\t')
            {
                end++;
            }
        }
        return end;
    }
}
