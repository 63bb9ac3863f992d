namespace CiteCheck.Rendering;

/// <summary>
/// Which addresses an edition links to, decided once for both: an absolute http, https or mailto URL without control
/// characters or white space. Anything else (<c>javascript:</c>, <c>data:</c>, relative paths, the <c>#</c>
/// placeholder) is shown as flagged text, never as a link.
/// </summary>
public static class UrlPolicy
{
    /// <summary>The URL when it may be emitted as a link to the outside; null otherwise.</summary>
    public static string? External(string? url)
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

    /// <summary>A placeholder address: empty or a lone <c>#</c>.</summary>
    public static bool IsPlaceholder(string? url) => string.IsNullOrWhiteSpace(url) || url.Trim() == "#";

    /// <summary>An address cut to 40 characters for a message.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
