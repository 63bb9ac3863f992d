using System.Text.RegularExpressions;
using CiteCheck.Model;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;

namespace CiteCheck.Parsing.Building;

/// <summary>
/// A footnote definition as a source: publisher (up to the first comma), quoted title, first http(s) URL and a date, read
/// from its text. Every definition counts, referenced or not, so unused ones can be reported.
/// </summary>
internal static partial class FootnoteSources
{
    public static Source Read(BuildContext context, Footnote footnote, int definitionStart)
    {
        var parts = new List<string>();
        foreach (var paragraph in footnote.OfType<ParagraphBlock>())
        {
            var converted = new InlineConverter(context).Convert(paragraph.Inline);
            Malformed.Report(context, converted.Malformed);
            parts.Add(InlineText.Plain(converted.Inlines));
        }
        var content = string.Join(" ", parts);
        var url = UrlInText().Match(content) is { Success: true } u ? u.Value.TrimEnd('.', ',', ')') : null;
        var title = QuotedTitle().Match(content) is { Success: true } t ? t.Groups[1].Value.Trim().TrimEnd(',') : null;
        var publisher = content.Split(',', 2)[0].Trim();
        var date = FootnoteDate().Match(content) is { Success: true } d ? d.Value : null;
        return new Source(footnote.Label ?? "", publisher.Length == 0 || publisher == url ? null : publisher, title, url, date, null, null, context.Span(definitionStart, definitionStart));
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlInText();

    [GeneratedRegex("[\"“](.+?)[\"”]")]
    private static partial Regex QuotedTitle();

    [GeneratedRegex(@"\b(?:\d{4}-\d{2}-\d{2}|(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{1,2},)? \d{4})\b")]
    private static partial Regex FootnoteDate();
}
