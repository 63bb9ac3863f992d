using System.Text.RegularExpressions;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links.Classification;

/// <summary>
/// A "page not found" served with 200. Two signs: the page's title or first heading says it is not there (not found, 404,
/// no longer available, does not exist, has been removed…; a page whose bibliography title itself says so is exempt), or a
/// deep link (a path beyond the root) was redirected to the site's home page (/, /index.*, or a language root such as /en/).
/// </summary>
public static partial class Soft404Classifier
{
    public static readonly DiagnosticDescriptor Rule = new("CC3003", "soft-404", "Linked page says it is not there", Severity.Error, "links");

    [GeneratedRegex(@"\b(page|file|article|story|content|document|resource)s?\s+(was\s+|is\s+)?not\s+found\b|^\s*not\s+found\b|\bnot\s+found\s*$|\b(error|http)\s*404\b|^\s*404\b|\b404\s*(error|page|not\s+found)\b|\bno\s+longer\s+(available|exists?|online)\b|\b(does\s+not|doesn'?t|did\s+not)\s+exist\b|\b(can'?t|cannot|could\s+not|couldn'?t)\s+be\s+found\b|\b(page|content|article)\s+(is\s+)?(unavailable|missing|removed)\b|\bhas\s+been\s+(removed|deleted|taken\s+down)\b|\bpage\s+you\s+(requested|are\s+looking\s+for)\b|\bseite\s+nicht\s+gefunden\b|\bpage\s+introuvable\b|\bp[aá]gina\s+no\s+encontrada\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotThere();

    [GeneratedRegex(@"^/?([a-z]{2}([-_][a-z]{2})?/?)?(index|default|home)?(\.(html?|php|aspx?|jsp))?/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HomePath();

    /// <summary>Why the page is a soft 404, or null when it looks like a real page.</summary>
    public static string? Check(LinkRequest request, FetchResult fetch)
    {
        if (fetch.Page is { } page && !request.Titles.Any(t => NotThere().IsMatch(t)))
        {
            foreach (var (what, text) in new[] { ("title", page.Title), ("heading", page.Heading) })
            {
                if (text is not null && NotThere().IsMatch(text))
                {
                    return $"the page's {what} is '{Shorten(text)}'";
                }
            }
        }
        if (fetch.Redirects.Length > 0 && Uri.TryCreate(fetch.FinalUrl, UriKind.Absolute, out var final) && request.Url is { } asked
            && !IsHome(asked) && IsHome(final))
        {
            return $"the deep link was redirected to the site's home page '{final}'";
        }
        return null;
    }

    public static bool IsHome(Uri url) => HomePath().IsMatch(url.AbsolutePath) && (url.Query.Length <= 1);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
