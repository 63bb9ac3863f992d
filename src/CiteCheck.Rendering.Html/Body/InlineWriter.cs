using System.Globalization;
using System.Text;
using CiteCheck.Model;

namespace CiteCheck.Rendering.Html.Body;

/// <summary>
/// Writes inlines as HTML. Every text goes through <see cref="HtmlText.Escape"/>; every link is resolved by the edition
/// model (<see cref="EditionModel.Link"/>). A citation becomes its label (a link when the model allows its URL) and a
/// superscript key linking to its bibliography entry, with the anchor <c>cite-&lt;index&gt;</c> the entry links back to.
/// Placeholder, refused and undefined citations, and links that lead nowhere, carry the model's flags (class, title and
/// a visible mark), never dead links. A discrepancy mark is the claim's anchor and a "≠N" per discrepancy.
/// </summary>
internal sealed class InlineWriter(EditionModel model)
{
    public string Write(IEnumerable<Inline> inlines)
    {
        var sb = new StringBuilder();
        Write(sb, inlines);
        return sb.ToString();
    }

    private void Write(StringBuilder sb, IEnumerable<Inline> inlines)
    {
        var scope = new RawHtml.Scope();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    sb.Append(HtmlText.Escape(t.Text));
                    break;
                case CodeInline c:
                    sb.Append("<code>").Append(HtmlText.Escape(c.Code)).Append("</code>");
                    break;
                case EmphasisInline e:
                    var tag = e.Strong ? "strong" : "em";
                    sb.Append('<').Append(tag).Append('>');
                    Write(sb, e.Children);
                    sb.Append("</").Append(tag).Append('>');
                    break;
                case LineBreakInline br:
                    sb.Append(br.Hard ? "<br>\n" : "\n");
                    break;
                case LinkInline link:
                    WriteLink(sb, link);
                    break;
                case CitationInline citation:
                    WriteCitation(sb, model.Cite(citation.Citation));
                    break;
                case RawHtmlInline raw:
                    scope.Write(sb, raw.Html);
                    break;
                case DiscrepancyMarkInline mark:
                    WriteMark(sb, mark);
                    break;
            }
        }
        scope.Close(sb);
    }

    private void WriteLink(StringBuilder sb, LinkInline link)
    {
        var title = string.IsNullOrEmpty(link.Title) ? "" : $" title=\"{HtmlText.Escape(link.Title)}\"";
        var target = model.Link(link.Url);
        if (target.Kind != EditionLinkKind.Flagged)
        {
            var href = target.Kind == EditionLinkKind.Internal ? "#" + target.Target : HtmlText.Escape(target.Target);
            sb.Append("<a href=\"").Append(href).Append('"').Append(title).Append('>');
            Write(sb, link.Children);
            sb.Append("</a>");
            return;
        }
        sb.Append("<span class=\"link-flag\" title=\"").Append(HtmlText.Escape(target.Problem)).Append("\">");
        Write(sb, link.Children);
        sb.Append("<span class=\"flag-mark\" aria-hidden=\"true\">" + CitationMark.ProblemMark + "</span></span>");
    }

    private static void WriteCitation(StringBuilder sb, CitationMark mark)
    {
        var citation = mark.Citation;
        sb.Append("<span class=\"cite");
        if (mark.Problem != CitationProblem.None)
        {
            sb.Append(" cite--").Append(mark.Problem == CitationProblem.Placeholder ? "placeholder" : "unsafe").Append("\" title=\"").Append(HtmlText.Escape(mark.FlagTitle));
        }
        sb.Append("\">");
        if (citation.Style == CitationStyle.NumberedLink)
        {
            var label = HtmlText.Escape(citation.Label);
            if (mark.Url is not null)
            {
                sb.Append("<a class=\"cite-label\" href=\"").Append(HtmlText.Escape(mark.Url)).Append("\">").Append(label).Append("</a>");
            }
            else
            {
                sb.Append("<span class=\"cite-label\">").Append(label).Append("</span>");
            }
        }
        // The mark and the number never wrap apart from each other (or from the label).
        sb.Append("<span class=\"cite-tail\">");
        if (mark.FlagText is { } flag)
        {
            sb.Append("<span class=\"flag-mark\" aria-hidden=\"true\">").Append(flag).Append("</span>");
        }
        sb.Append("<sup class=\"").Append(mark.Undefined ? "cite-ref cite-ref--undefined" : "cite-ref").Append("\"><a id=\"").Append(mark.Anchor)
            .Append("\" href=\"#").Append(mark.SourceAnchor)
            .Append("\" title=\"").Append(HtmlText.Escape(mark.Title)).Append("\">")
            .Append(HtmlText.Escape(mark.DisplayKey)).Append("</a>");
        if (mark.Undefined)
        {
            sb.Append("<span class=\"flag-mark\" aria-hidden=\"true\">" + CitationMark.ProblemMark + "</span>");
        }
        sb.Append("</sup></span></span>");
    }

    private static void WriteMark(StringBuilder sb, DiscrepancyMarkInline mark)
    {
        sb.Append("<span class=\"claim-anchor\" id=\"").Append(mark.ClaimAnchor).Append("\"></span>");
        foreach (var d in mark.Marks)
        {
            sb.Append("<sup class=\"disc-mark disc-mark--").Append(Discrepancy.StatusName(d.Status)).Append("\"><a href=\"#")
                .Append(d.Anchor).Append("\" title=\"").Append(HtmlText.Escape(d.Title)).Append("\">")
                .Append("&#8800;").Append(d.Number.ToString(CultureInfo.InvariantCulture)).Append("</a></sup>");
        }
    }
}
