using System.Text;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace CiteCheck.Rendering.Html.Body;

/// <summary>
/// Raw HTML written in the Markdown. Blocks go through HtmlSanitizer with a short allow-list: text and table markup only,
/// no ids, classes or styles (they could clash with the edition's own), nothing that loads a resource (no img, iframe,
/// media, forms), and links only to absolute http, https or mailto URLs. Inline tags are kept only when they are simple
/// formatting (b, i, em, strong, sub, sup, …), written back without attributes and balanced within their container;
/// any other inline tag is escaped, so it shows as text and does nothing.
/// </summary>
internal static partial class RawHtml
{
    private static readonly string[] BlockTags =
    [
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q",
        "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
        "tr", "u", "ul", "var",
    ];

    private static readonly string[] BlockAttributes = ["href", "title", "colspan", "rowspan", "scope", "abbr", "datetime", "start", "reversed", "open"];

    private static readonly HashSet<string> DropWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "textarea", "title", "svg", "math", "select", "button",
    };

    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "b", "strong", "i", "em", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "cite", "q", "abbr", "span", "kbd", "var",
    };

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(BlockTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(BlockAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "action", "cite", "background", "formaction", "longdesc", "poster", "srcset"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowDataAttributes = false,
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        // Unknown wrappers keep their text; code-like and embedding elements lose it too (it is not prose).
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DropWithContent.Contains(e.Tag.NodeName))
            {
                e.Tag.TextContent = "";
            }
        };
        // Relative and fragment URLs cannot be checked against the edition's ids: only absolute outside links survive.
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = HtmlText.ExternalUrl(e.OriginalUrl);
        return sanitizer;
    }

    /// <summary>A raw HTML block, sanitized.</summary>
    public static string Block(string html)
    {
        lock (Sanitizer)
        {
            return Sanitizer.Sanitize(html);
        }
    }

    /// <summary>The tags left open in one container of inlines; closed when the container ends.</summary>
    public sealed class Scope
    {
        private readonly Stack<string> _open = new();

        /// <summary>Writes one raw inline tag: kept (normalized), or escaped as text.</summary>
        public void Write(StringBuilder sb, string raw)
        {
            var match = Tag().Match(raw);
            if (raw.StartsWith("<!--", StringComparison.Ordinal))
            {
                return; // a comment: nothing to show
            }
            if (!match.Success)
            {
                sb.Append(HtmlText.Escape(raw));
                return;
            }
            var name = match.Groups["name"].Value.ToLowerInvariant();
            var closing = match.Groups["close"].Success;
            if (name == "br" && !closing)
            {
                sb.Append("<br>");
                return;
            }
            if (!InlineTags.Contains(name))
            {
                sb.Append(HtmlText.Escape(raw));
                return;
            }
            if (!closing)
            {
                if (!match.Groups["self"].Success)
                {
                    _open.Push(name);
                    sb.Append('<').Append(name).Append('>');
                }
                return;
            }
            if (!_open.Contains(name))
            {
                return; // a closing tag with no opening one: dropped
            }
            while (_open.Count > 0)
            {
                var top = _open.Pop();
                sb.Append("</").Append(top).Append('>');
                if (top == name)
                {
                    break;
                }
            }
        }

        public void Close(StringBuilder sb)
        {
            while (_open.Count > 0)
            {
                sb.Append("</").Append(_open.Pop()).Append('>');
            }
        }
    }

    [GeneratedRegex(@"^<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*?)?\s*(?<self>/)?>$")]
    private static partial Regex Tag();
}
