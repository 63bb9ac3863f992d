using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CiteCheck.Model;
using CiteCheck.Rendering.Pdf.Layout;

namespace CiteCheck.Rendering.Pdf.Compose;

/// <summary>
/// Turns a block's inlines into styled runs: bold and italic, code in the mono face, http(s) links clickable,
/// citations as superscript numbers linked to their bibliography entry. A block's closing citation group
/// ("(Sources: [Reuters](#) [1], [BBC](#) [2])") becomes superscripts after the last sentence: ¹˒².
/// </summary>
public sealed partial class InlineRuns(Func<string, string> sourceLabel)
{
    /// <summary>The named destination of a source's bibliography entry.</summary>
    public static string SourceAnchor(string key) => "source-" + Safe(key);

    /// <summary>The named destination of a section heading.</summary>
    public static string SectionAnchor(string slug) => "section-" + Safe(slug);

    public List<Run> Convert(ImmutableArray<Inline> inlines, TextStyle style)
    {
        var runs = new List<Run>();
        var closing = -1;
        for (var i = 0; i < inlines.Length && closing < 0; i++)
        {
            closing = inlines[i] is CitationInline { Citation.InClosingGroup: true } ? i : -1;
        }
        if (closing < 0)
        {
            Append(runs, inlines, style, null);
            return runs;
        }
        Append(runs, inlines[..closing], style, null);
        TrimGroupIntroduction(runs);
        var keys = inlines[closing..].OfType<CitationInline>().Select(c => c.Citation.SourceKey).Distinct().ToList();
        AppendSuperscripts(runs, keys, style);
        return runs;
    }

    /// <summary>Superscript source numbers, comma-separated, each a link to its entry.</summary>
    public void AppendSuperscripts(List<Run> runs, IReadOnlyList<string> keys, TextStyle style)
    {
        var superscript = style.Superscript(Theme.Link);
        for (var k = 0; k < keys.Count; k++)
        {
            if (k > 0)
            {
                runs.Add(new Run(",", superscript));
            }
            runs.Add(new Run(sourceLabel(keys[k]), superscript, new InternalLink(SourceAnchor(keys[k]))));
        }
    }

    private void Append(List<Run> runs, IEnumerable<Inline> inlines, TextStyle style, LinkTarget? link)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    runs.Add(new Run(t.Text, style, link));
                    break;
                case EmphasisInline e:
                    Append(runs, e.Children, e.Strong ? style.WithBold() : style.WithItalic(), link);
                    break;
                case CodeInline c:
                    runs.Add(new Run(c.Code, style with { Role = Fonts.FontRole.Mono, Size = Math.Round(style.Size * 0.88, 2) }, link));
                    break;
                case LinkInline l:
                    var target = Target(l.Url);
                    Append(runs, l.Children, target is ExternalLink ? style with { Color = Theme.Link } : style, target ?? link);
                    break;
                case LineBreakInline br:
                    runs.Add(new Run(br.Hard ? "\n" : " ", style, link));
                    break;
                case RawHtmlInline html when BreakTag().IsMatch(html.Html):
                    runs.Add(new Run("\n", style, link));
                    break;
                case CitationInline c:
                    if (c.Citation.Style == CitationStyle.NumberedLink && c.Citation.Label.Length > 0)
                    {
                        var labelTarget = Target(c.Citation.Target ?? "");
                        runs.Add(new Run(c.Citation.Label, labelTarget is ExternalLink ? style with { Color = Theme.Link } : style, labelTarget));
                    }
                    AppendSuperscripts(runs, [c.Citation.SourceKey], style);
                    break;
            }
        }
    }

    /// <summary>Removes "(Sources: " or "Source: " left at the end of the prose before a closing group, and the space before it.</summary>
    private static void TrimGroupIntroduction(List<Run> runs)
    {
        while (runs.Count > 0)
        {
            var last = runs[^1];
            var trimmed = GroupIntroduction().Replace(last.Text, "").TrimEnd();
            if (trimmed.Length > 0)
            {
                runs[^1] = last with { Text = trimmed };
                return;
            }
            runs.RemoveAt(runs.Count - 1);
        }
    }

    /// <summary>http(s) addresses become web links, "#slug" a link to that section; other targets ("#" placeholders, relative paths) none.</summary>
    public static LinkTarget? Target(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return new ExternalLink(uri.AbsoluteUri);
        }
        return url.Length > 1 && url[0] == '#' ? new InternalLink(SectionAnchor(url[1..])) : null;
    }

    private static string Safe(string key) => SafeName().Replace(key, "_");

    [GeneratedRegex(@"(?:\(\s*(?:(?:Sources?|See(?: also)?|Via)\s*:?\s*)?|(?:Sources?|See(?: also)?)\s*:\s*)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex GroupIntroduction();

    [GeneratedRegex(@"^<br\s*/?>$", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTag();

    [GeneratedRegex(@"[^A-Za-z0-9_.\-]")]
    private static partial Regex SafeName();
}
