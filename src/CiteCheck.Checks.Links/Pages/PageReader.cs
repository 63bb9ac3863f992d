using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CiteCheck.Checks.Links.Pages;

/// <summary>
/// Reads a fetched page with AngleSharp's parser alone: no browsing context, no scripting, no resource loading, so
/// nothing on the page runs. HTML gives its title, og:title, first h1 and visible text; plain text gives its text.
/// Only a whole body is read: one over a size cap is never parsed (<see cref="Http.BodyReader"/>).
/// </summary>
public static class PageReader
{
    public static bool IsReadable(string? mediaType) =>
        mediaType is null
        || mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);

    public static PageInfo Read(byte[] body, string? mediaType, string? charset, int maxTextChars)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        if (mediaType is not null && mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return new PageInfo(mediaType, null, null, null, hash, Cap(Collapse(Decode(body, charset)), maxTextChars), false);
        }
        var parser = new HtmlParser();
        using var document = Encoding(charset) is { } encoding
            ? parser.ParseDocument(encoding.GetString(body))
            : parser.ParseDocument(new MemoryStream(body));
        foreach (var node in document.QuerySelectorAll("script, style, noscript, template, svg").ToList())
        {
            node.Remove();
        }
        var title = Clean(document.Title);
        var og = Clean(document.QuerySelector("meta[property='og:title'], meta[name='og:title']")?.GetAttribute("content"));
        var h1 = Clean(document.QuerySelector("h1")?.TextContent);
        var text = Collapse(TextOf(document.Body));
        return new PageInfo(mediaType ?? "text/html", title, og, h1, hash, Cap(text, maxTextChars), false);
    }

    private static string TextOf(IElement? body)
    {
        if (body is null)
        {
            return "";
        }
        var sb = new StringBuilder();
        Append(sb, body);
        return sb.ToString();
    }

    /// <summary>Text content with a space between block elements, so "<td>1</td><td>300</td>" does not read "1300".</summary>
    private static void Append(StringBuilder sb, INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == NodeType.Text)
            {
                sb.Append(child.TextContent);
            }
            else if (child is IElement element)
            {
                var inline = element.LocalName is "a" or "span" or "b" or "i" or "em" or "strong" or "abbr" or "sup" or "sub" or "small" or "mark" or "u" or "time" or "cite" or "q";
                if (!inline)
                {
                    sb.Append(' ');
                }
                Append(sb, element);
                if (!inline)
                {
                    sb.Append(' ');
                }
            }
        }
    }

    private static Encoding? Encoding(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }
        try
        {
            return System.Text.Encoding.GetEncoding(charset.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Decode(byte[] body, string? charset) => (Encoding(charset) ?? System.Text.Encoding.UTF8).GetString(body);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : Collapse(text);

    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static string Cap(string text, int max) => text.Length <= max ? text : text[..max];
}
