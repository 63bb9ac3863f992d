using System.Text;

namespace CiteCheck.Rendering.Html;

/// <summary>
/// The escaping and URL policy of the HTML edition, in one place. Every piece of report text reaches the page through
/// <see cref="Escape"/>; every URL through the edition model's URL policy (<see cref="UrlPolicy"/>: http, https,
/// mailto) or is an anchor CiteCheck made.
/// </summary>
public static class HtmlText
{
    /// <summary>Escapes text for element content and double-quoted attribute values.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\0' => "\uFFFD",
                _ => null,
            };
            if (replacement is null)
            {
                sb?.Append(text[i]);
                continue;
            }
            sb ??= new StringBuilder(text, 0, i, text.Length + 16);
            sb.Append(replacement);
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>The URL when it may be a link (<see cref="UrlPolicy.External"/>, shared with the PDF edition).</summary>
    public static string? ExternalUrl(string? url) => UrlPolicy.External(url);

    /// <summary>CSS to inline in a style element: a closing tag inside it cannot end the element early.</summary>
    public static string Css(string css) => css.Replace("</", "<\\/", StringComparison.Ordinal);
}
