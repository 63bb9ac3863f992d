using System.Text;
using CiteCheck.Model;

namespace CiteCheck.Rendering.Html.Body;

/// <summary>
/// Writes a block's inlines as HTML. Every text goes through <see cref="HtmlText.Escape"/>; every link through the URL
/// policy. A citation becomes its label (a link when the report gives a usable URL) and a superscript number linking to
/// its bibliography entry, with the id <c>cite-&lt;index&gt;</c> the entry links back to. Placeholder, unsafe and
/// undefined citations, and links that lead nowhere, are marked (class, title and a visible mark), never dead links.
/// </summary>
internal sealed class InlineWriter(Document document, Anchors anchors)
{
    public const string PlaceholderMark = "?";
    public const string ProblemMark = "!";

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
                    WriteCitation(sb, citation.Citation);
                    break;
                case RawHtmlInline raw:
                    scope.Write(sb, raw.Html);
                    break;
                case MarkupInline markup:
                    sb.Append(markup.Html);
                    break;
            }
        }
        scope.Close(sb);
    }

    private void WriteLink(StringBuilder sb, LinkInline link)
    {
        var title = string.IsNullOrEmpty(link.Title) ? "" : $" title=\"{HtmlText.Escape(link.Title)}\"";
        if (HtmlText.ExternalUrl(link.Url) is { } url)
        {
            sb.Append("<a href=\"").Append(HtmlText.Escape(url)).Append('"').Append(title).Append('>');
            Write(sb, link.Children);
            sb.Append("</a>");
            return;
        }
        if (HtmlText.Fragment(link.Url) is { } fragment && anchors.SectionBySlug(fragment) is { } id)
        {
            sb.Append("<a href=\"#").Append(id).Append('"').Append(title).Append('>');
            Write(sb, link.Children);
            sb.Append("</a>");
            return;
        }
        var why = HtmlText.Fragment(link.Url) is { } missing
            ? $"Broken link: the report has no section '#{missing}'"
            : string.IsNullOrWhiteSpace(link.Url) || link.Url.Trim() == "#"
                ? "Placeholder link: the report gives no address"
                : $"Link removed: '{Shorten(link.Url)}' is not an http(s) or mailto address";
        sb.Append("<span class=\"link-flag\" title=\"").Append(HtmlText.Escape(why)).Append("\">");
        Write(sb, link.Children);
        sb.Append("<span class=\"flag-mark\" aria-hidden=\"true\">" + ProblemMark + "</span></span>");
    }

    private void WriteCitation(StringBuilder sb, Citation citation)
    {
        var source = document.Bibliography.Find(citation.SourceKey);
        var undefined = source is null && (document.Bibliography.Declared || citation.Style == CitationStyle.Footnote);
        var numbered = citation.Style == CitationStyle.NumberedLink;
        var url = numbered ? HtmlText.ExternalUrl(citation.Target) : null;
        var placeholder = numbered && (string.IsNullOrWhiteSpace(citation.Target) || citation.Target.Trim() == "#");
        var unsafeLink = numbered && url is null && !placeholder;
        var (flag, flagTitle, mark) =
            placeholder ? ("placeholder", $"Placeholder link: the report gives no URL for source {citation.SourceKey}", PlaceholderMark)
            : unsafeLink ? ("unsafe", $"Link removed: '{Shorten(citation.Target!)}' is not an http(s) or mailto address", ProblemMark)
            : ((string?)null, (string?)null, (string?)null);

        sb.Append("<span class=\"cite");
        if (flag is not null)
        {
            sb.Append(" cite--").Append(flag).Append("\" title=\"").Append(HtmlText.Escape(flagTitle));
        }
        sb.Append("\">");
        if (numbered)
        {
            var label = HtmlText.Escape(citation.Label);
            if (url is not null)
            {
                sb.Append("<a class=\"cite-label\" href=\"").Append(HtmlText.Escape(url)).Append("\">").Append(label).Append("</a>");
            }
            else
            {
                sb.Append("<span class=\"cite-label\">").Append(label).Append("</span>");
            }
        }
        // The mark and the number never wrap apart from each other (or from the label).
        sb.Append("<span class=\"cite-tail\">");
        if (mark is not null)
        {
            sb.Append("<span class=\"flag-mark\" aria-hidden=\"true\">").Append(mark).Append("</span>");
        }
        var refTitle = undefined
            ? citation.Style == CitationStyle.Footnote
                ? $"Footnote [^{Anchors.DisplayKey(citation.SourceKey)}] is cited but never defined"
                : $"Source {citation.SourceKey} is not in the bibliography"
            : $"Source {citation.SourceKey}: {Describe(source, citation)}";
        sb.Append("<sup class=\"").Append(undefined ? "cite-ref cite-ref--undefined" : "cite-ref").Append("\"><a id=\"").Append(Anchors.Citation(citation))
            .Append("\" href=\"#").Append(Anchors.Source(citation.SourceKey))
            .Append("\" title=\"").Append(HtmlText.Escape(refTitle)).Append("\">")
            .Append(HtmlText.Escape(Anchors.DisplayKey(citation.SourceKey))).Append("</a>");
        if (undefined)
        {
            sb.Append("<span class=\"flag-mark\" aria-hidden=\"true\">" + ProblemMark + "</span>");
        }
        sb.Append("</sup></span></span>");
    }

    private static string Describe(Source? source, Citation citation)
    {
        if (source is null)
        {
            return citation.Label;
        }
        var parts = new[] { source.Publisher, source.Title }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? citation.Label : string.Join(", ", parts);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
