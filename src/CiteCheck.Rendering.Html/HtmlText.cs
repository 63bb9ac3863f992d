using System.Text;

namespace CiteCheck.Rendering.Html;

/// <summary>
/// The escaping and URL policy of the HTML edition, in one place. Every piece of report text reaches the page through
/// <see cref="Escape"/>; every URL through <see cref="ExternalUrl"/> (http, https, mailto) or an anchor CiteCheck made.
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

    /// <summary>
    /// The URL when it may be emitted as a link to the outside: an absolute http, https or mailto URL without control
    /// characters or whitespace; null otherwise (<c>javascript:</c>, <c>data:</c>, relative paths, placeholders).
    /// </summary>
    public static string? ExternalUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        var trimmed = url.Trim();
        if (trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return null;
        }
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri))
        {
            return null;
        }
        return uri.Scheme is "http" or "https" or "mailto" && (uri.Scheme == "mailto" || uri.Host.Length > 0) ? trimmed : null;
    }

    /// <summary>The fragment of an in-page link (<c>#overview</c> → <c>overview</c>); null for anything else.</summary>
    public static string? Fragment(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        var trimmed = url.Trim();
        return trimmed.Length > 1 && trimmed[0] == '#' ? Uri.UnescapeDataString(trimmed[1..]) : null;
    }

    /// <summary>CSS to inline in a style element: a closing tag inside it cannot end the element early.</summary>
    public static string Css(string css) => css.Replace("</", "<\\/", StringComparison.Ordinal);
}
