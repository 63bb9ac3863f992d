using System.Text.RegularExpressions;

namespace CiteCheck.Model;

/// <summary>
/// Hides the user name and password written into a URL (<c>https://user:pass@host/…</c> → <c>https://***@host/…</c>) in
/// text CiteCheck prints: every diagnostic message, and every output format. The report and the link checker keep the
/// URL as written; only what is shown is masked.
/// </summary>
public static partial class Credentials
{
    public const string Mask = "***";

    /// <summary>The text with the user information of every URL in it replaced by <see cref="Mask"/>.</summary>
    public static string Hide(string text) =>
        text.Contains("://", StringComparison.Ordinal) ? UserInfo().Replace(text, Mask + "@") : text;

    /// <summary>After a scheme and "//", up to the first "@" before any "/", "?", "#", white space or quote.</summary>
    [GeneratedRegex(@"(?<=\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/?#@\s<>""'`]+@")]
    private static partial Regex UserInfo();
}
