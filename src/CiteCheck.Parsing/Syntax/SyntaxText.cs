using Markdig.Extensions.Footnotes;
using Markdig.Syntax.Inlines;

namespace CiteCheck.Parsing.Syntax;

/// <summary>
/// Reads a Markdig inline tree in reading order, the way the model builder converts it: each piece of text with the
/// leaf it comes from, and each citation node. The source-group finder and the heading ids read the tree through it, so
/// they see the text the model ends up with.
/// </summary>
public static class SyntaxText
{
    /// <summary>Calls <paramref name="text"/> for each piece of text and <paramref name="citation"/> for each citation node.</summary>
    internal static void Walk(ContainerInline container, Action<Inline, string> text, Action<Inline> citation)
    {
        foreach (var child in container)
        {
            switch (child)
            {
                case NumberedCitationInline or UndefinedFootnoteInline or FootnoteLink { IsBackLink: false }:
                    citation(child);
                    break;
                case LiteralInline literal:
                    text(literal, literal.Content.ToString());
                    break;
                case HtmlEntityInline entity:
                    text(entity, entity.Transcoded.ToString());
                    break;
                case LinkDelimiterInline delimiter:
                    text(delimiter, delimiter.ToLiteral());
                    Walk(delimiter, text, citation);
                    break;
                case LineBreakInline:
                    text(child, " ");
                    break;
                case CodeInline code:
                    text(code, code.Content);
                    break;
                case HtmlInline:
                    break;
                case AutolinkInline autolink:
                    text(autolink, autolink.Url);
                    break;
                case LinkInline { IsImage: false } link:
                    Walk(link, text, citation);
                    break;
                case EmphasisInline emphasis:
                    Walk(emphasis, text, citation);
                    break;
                case LinkInline image:
                    text(image, image.Title ?? "");
                    break;
                case ContainerInline inner:
                    Walk(inner, text, citation);
                    break;
            }
        }
    }

    /// <summary>The plain text of an inline tree, a citation standing for its label (the link's text, or the footnote key).</summary>
    public static string Plain(ContainerInline container)
    {
        var sb = new System.Text.StringBuilder();
        Walk(container, (_, s) => sb.Append(s), c => sb.Append(Label(c)));
        return sb.ToString();
    }

    /// <summary>How a citation names its source: the link's text, trimmed, or the footnote key with its caret.</summary>
    public static string Label(Inline citation) => citation switch
    {
        NumberedCitationInline numbered => Plain(numbered.Link).Trim(),
        UndefinedFootnoteInline undefined => undefined.Key,
        FootnoteLink footnote => FootnoteKey(footnote),
        _ => "",
    };

    public static string FootnoteKey(FootnoteLink link) =>
        link.Footnote.Label ?? link.Footnote.Order.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
