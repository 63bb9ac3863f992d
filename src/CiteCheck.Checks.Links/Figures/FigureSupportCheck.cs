using System.Collections.Immutable;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links.Figures;

/// <summary>
/// Is each figure of a claim in the sources it cites? For every claim whose sources have page text (fetched now or in the
/// cache, from pages judged ok, redirected or title-mismatch), each figure must appear in the text of at least one of them,
/// written any way (<see cref="FigureText"/>). A figure found in none is reported at the claim (info: the page may give the
/// figure in a table image or a PDF). Sources without text (PDFs, broken links, placeholders) are named in the message,
/// since the figure may be there.
/// </summary>
public static class FigureSupportCheck
{
    public static readonly DiagnosticDescriptor Rule = new("CC3007", "figure-not-in-source", "Figure not found in the cited sources", Severity.Info, "links");

    public static IEnumerable<Diagnostic> Run(Document document, IReadOnlyList<LinkResult> results, IFigureSource figures)
    {
        // Source key → the texts of its pages.
        var texts = new Dictionary<string, List<(string Url, string Text, HashSet<string> Index)>>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            if (r.Fetch?.Page?.Text is not { Length: > 0 } text || r.Status.State is not (LinkState.Ok or LinkState.Redirected or LinkState.TitleMismatch))
            {
                continue;
            }
            var index = FigureText.Index(text);
            foreach (var key in r.Request.SourceKeys)
            {
                if (!texts.TryGetValue(key, out var list))
                {
                    texts[key] = list = [];
                }
                list.Add((r.Request.Key, text, index));
            }
        }
        if (texts.Count == 0)
        {
            yield break;
        }
        foreach (var claim in document.Claims)
        {
            var read = claim.Sources.Where(texts.ContainsKey).Distinct().ToList();
            if (read.Count == 0)
            {
                continue;
            }
            var unread = claim.Sources.Where(k => !texts.ContainsKey(k)).Distinct().ToList();
            foreach (var figure in figures.FiguresOf(claim))
            {
                if (read.Any(k => texts[k].Any(t => Contains(t.Text, t.Index, figure))))
                {
                    continue;
                }
                var message = $"'{figure.Written}' is not in the text of {Names(read)}";
                if (unread.Count > 0)
                {
                    message += $"; {Names(unread)} could not be read, so it may be there";
                }
                yield return Rule.Create(claim.Span, message, read[0]);
            }
        }
    }

    public static bool Contains(string text, HashSet<string> index, FigureMention figure)
    {
        foreach (var form in figure.Alternatives.Prepend(figure.Written))
        {
            var values = FigureText.ValuesOf(form).ToList();
            if (values.Count > 0 ? values.Any(index.Contains) : text.Contains(form, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static string Names(IReadOnlyList<string> keys) =>
        (keys.Count == 1 ? "source " : "sources ") + string.Join(", ", keys);
}
