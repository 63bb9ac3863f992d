using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CiteCheck.Model;
using CiteCheck.Rendering.Pdf.Layout;

namespace CiteCheck.Rendering.Pdf.Compose;

/// <summary>
/// Turns the edition model's inlines into styled runs: bold and italic, code in the mono face, links as the model
/// resolves them (outside, to a section, or flagged "!"), citations as their label and a superscript key linked to the
/// bibliography entry, flagged "?" (placeholder) or "!" (refused address, undefined source) as in the HTML edition, and
/// "≠N" marks at the end of claims with discrepancies. A block's closing citation group is set as superscripts after its
/// prose ("…a month prior.¹˒²"): the model says which citations it holds, so nothing here reads the report's text.
/// </summary>
public sealed partial class InlineRuns(EditionModel model)
{
    public List<Run> Convert(EditionBlock block, TextStyle style)
    {
        var runs = Convert(block.Inlines, style);
        if (!block.ClosingGroup.IsDefaultOrEmpty)
        {
            TrimEnd(runs);
            AppendGroup(runs, block.ClosingGroup, style);
        }
        return runs;
    }

    public List<Run> Convert(ImmutableArray<Inline> inlines, TextStyle style)
    {
        var runs = new List<Run>();
        Append(runs, inlines, style, null);
        return runs;
    }

    /// <summary>A closing group: each source once, comma-separated superscripts, each with the anchors of its citations.</summary>
    private void AppendGroup(List<Run> runs, ImmutableArray<Citation> group, TextStyle style)
    {
        var first = true;
        foreach (var citations in group.GroupBy(c => c.SourceKey, StringComparer.Ordinal))
        {
            if (!first)
            {
                runs.Add(new Run(",", style.Superscript(Theme.Link)));
            }
            first = false;
            AppendReference(runs, [.. citations.Select(model.Cite)], style);
        }
    }

    /// <summary>The superscript of one source: a flag mark when its citation is flagged, the key, and "!" when it is undefined.</summary>
    private static void AppendReference(List<Run> runs, IReadOnlyList<CitationMark> marks, TextStyle style)
    {
        var mark = marks[0];
        var superscript = style.Superscript(Theme.Link);
        var flagged = superscript with { Color = Theme.Alert };
        var anchors = marks.Select(m => m.Anchor).ToImmutableArray();
        if (mark.FlagText is { } flag)
        {
            runs.Add(new Run(flag, flagged, new InternalLink(mark.SourceAnchor)) { Anchors = anchors });
            anchors = [];
        }
        runs.Add(new Run(mark.DisplayKey, superscript, new InternalLink(mark.SourceAnchor)) { Anchors = anchors });
        if (mark.Undefined)
        {
            runs.Add(new Run(CitationMark.ProblemMark, flagged, new InternalLink(mark.SourceAnchor)));
        }
    }

    private void Append(List<Run> runs, IEnumerable<Inline> inlines, TextStyle style, LinkTarget? link)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    runs.Add(new Run(t.Text, style, link));
                    break;
                case EmphasisInline e:
                    Append(runs, e.Children, e.Strong ? style.WithBold() : style.WithItalic(), link);
                    break;
                case CodeInline c:
                    runs.Add(new Run(c.Code, style with { Role = Fonts.FontRole.Mono, Size = Math.Round(style.Size * 0.88, 2) }, link));
                    break;
                case LinkInline l:
                    var target = model.Link(l.Url);
                    switch (target.Kind)
                    {
                        case EditionLinkKind.External:
                            Append(runs, l.Children, style with { Color = Theme.Link }, new ExternalLink(target.Target!));
                            break;
                        case EditionLinkKind.Internal:
                            Append(runs, l.Children, style, new InternalLink(target.Target!));
                            break;
                        default:
                            Append(runs, l.Children, style, link);
                            runs.Add(new Run(CitationMark.ProblemMark, style.Superscript(Theme.Alert)));
                            break;
                    }
                    break;
                case LineBreakInline br:
                    runs.Add(new Run(br.Hard ? "\n" : " ", style, link));
                    break;
                case RawHtmlInline html when BreakTag().IsMatch(html.Html):
                    runs.Add(new Run("\n", style, link));
                    break;
                case CitationInline c:
                    var mark = model.Cite(c.Citation);
                    if (c.Citation.Style == CitationStyle.NumberedLink && c.Citation.Label.Length > 0)
                    {
                        runs.Add(mark.Url is { } url
                            ? new Run(c.Citation.Label, style with { Color = Theme.Link }, new ExternalLink(url))
                            : new Run(c.Citation.Label, style));
                    }
                    AppendReference(runs, [mark], style);
                    break;
                case DiscrepancyMarkInline d:
                    var anchors = ImmutableArray.Create(d.ClaimAnchor);
                    foreach (var m in d.Marks)
                    {
                        var color = m.Status == DiscrepancyStatus.Open ? Theme.Alert : Theme.Muted;
                        runs.Add(new Run(m.Text, style.Superscript(color) with { Bold = true }, new InternalLink(m.Anchor)) { Anchors = anchors });
                        anchors = [];
                    }
                    break;
            }
        }
    }

    /// <summary>Removes the white space the prose ends with, so the group's superscripts follow its last word.</summary>
    private static void TrimEnd(List<Run> runs)
    {
        while (runs.Count > 0)
        {
            var last = runs[^1];
            var trimmed = last.Text.TrimEnd();
            if (trimmed.Length > 0)
            {
                runs[^1] = last with { Text = trimmed };
                return;
            }
            if (!last.Anchors.IsDefaultOrEmpty)
            {
                return;
            }
            runs.RemoveAt(runs.Count - 1);
        }
    }

    [GeneratedRegex(@"^<br\s*/?>$", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTag();
}
