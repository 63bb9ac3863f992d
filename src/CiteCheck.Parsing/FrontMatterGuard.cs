using System.Text.RegularExpressions;
using CiteCheck.Model;

namespace CiteCheck.Parsing;

/// <summary>
/// Front matter that is opened and never closed: a first line <c>---</c> followed by <c>key: value</c> lines and no
/// closing <c>---</c>. Markdig then reads the <c>---</c> as a rule and the keys as text, so the title, date and the
/// rest would silently land in the report's body; it is refused instead, naming line 1.
/// </summary>
public static partial class FrontMatterGuard
{
    public static void ThrowIfUnclosed(string file, string text)
    {
        var match = Opening().Match(text);
        if (match.Success)
        {
            throw new InputException(file, 1, "the front matter opened here is never closed: end it with a line '---' before the report's text");
        }
    }

    /// <summary>The opening <c>---</c> line, then (after blank lines) a line that reads as a YAML key.</summary>
    [GeneratedRegex(@"\A\uFEFF?---[ \t]*\r?\n(?:[ \t]*\r?\n)*[A-Za-z_][A-Za-z0-9_ -]*:(?:[ \t]|\r?\n|\z)")]
    private static partial Regex Opening();
}
