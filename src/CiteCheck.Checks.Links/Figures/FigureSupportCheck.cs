using System.Collections.Immutable;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links.Figures;

/// <summary>Which of the figures wanted from a page (ids in a <see cref="FigureNeeds"/>) its text holds; present when the page's text was read.</summary>
public sealed record PageFigures(ImmutableHashSet<int> Found);

/// <summary>
/// The figures the report's claims take from each source, worked out once before any page is fetched, so each page's text
/// is matched as soon as it is read and then let go: a run keeps no page text, however many pages it reads.
/// </summary>
public sealed class FigureNeeds
{
    private readonly Dictionary<string, List<int>> _bySource = new(StringComparer.Ordinal);

    private FigureNeeds(ImmutableArray<(Claim Claim, ImmutableArray<(int Id, FigureMention Figure)> Figures)> claims, List<FigureMention> mentions)
    {
        Claims = claims;
        Mentions = mentions;
        foreach (var (claim, figures) in claims)
        {
            foreach (var key in claim.Sources.Distinct())
            {
                if (!_bySource.TryGetValue(key, out var ids))
                {
                    _bySource[key] = ids = [];
                }
                ids.AddRange(figures.Select(f => f.Id));
            }
        }
    }

    /// <summary>The claims that write figures, each with its figures and their ids.</summary>
    public ImmutableArray<(Claim Claim, ImmutableArray<(int Id, FigureMention Figure)> Figures)> Claims { get; }

    private List<FigureMention> Mentions { get; }

    public static FigureNeeds Plan(Document document, IFigureSource figures)
    {
        var mentions = new List<FigureMention>();
        var claims = ImmutableArray.CreateBuilder<(Claim, ImmutableArray<(int, FigureMention)>)>();
        foreach (var claim in document.Claims)
        {
            if (claim.Sources.IsEmpty)
            {
                continue;
            }
            var own = ImmutableArray.CreateBuilder<(int, FigureMention)>();
            foreach (var figure in figures.FiguresOf(claim))
            {
                own.Add((mentions.Count, figure));
                mentions.Add(figure);
            }
            if (own.Count > 0)
            {
                claims.Add((claim, own.ToImmutable()));
            }
        }
        return new FigureNeeds(claims.ToImmutable(), mentions);
    }

    /// <summary>The figures wanted from these sources that the text holds (the text is indexed only when some figure is wanted).</summary>
    public PageFigures Match(IEnumerable<string> sourceKeys, string text)
    {
        var wanted = sourceKeys.Where(_bySource.ContainsKey).SelectMany(k => _bySource[k]).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new PageFigures([]);
        }
        var index = FigureText.Index(text);
        return new PageFigures([.. wanted.Where(id => FigureSupportCheck.Contains(text, index, Mentions[id]))]);
    }
}

/// <summary>
/// Is each figure of a claim in the sources it cites? For every claim whose sources have page text (fetched now or in the
/// cache, from pages judged ok, redirected or title-mismatch), each figure must appear in the text of at least one of them,
/// written any way (<see cref="FigureText"/>). A figure found in none is reported at the claim (info: the page may give the
/// figure in a table image or a PDF). Sources without text (PDFs, broken links, placeholders) are named in the message,
/// since the figure may be there. Pages are matched as they are read (<see cref="FigureNeeds.Match"/>); this check only
/// gathers the matches.
/// </summary>
public static class FigureSupportCheck
{
    public static readonly DiagnosticDescriptor Rule = new("CC3007", "figure-not-in-source", "Figure not found in the cited sources", Severity.Info, "links");

    /// <summary>Whether a page of this status is read for figures.</summary>
    public static bool Reads(LinkState state) => state is LinkState.Ok or LinkState.Redirected or LinkState.TitleMismatch;

    public static IEnumerable<Diagnostic> Run(IReadOnlyList<LinkResult> results, FigureNeeds needs)
    {
        // Source key → the figures found in each of its pages that were read.
        var read = new Dictionary<string, List<PageFigures>>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            if (r.Figures is not { } found || !Reads(r.Status.State))
            {
                continue;
            }
            foreach (var key in r.Request.SourceKeys)
            {
                if (!read.TryGetValue(key, out var list))
                {
                    read[key] = list = [];
                }
                list.Add(found);
            }
        }
        if (read.Count == 0)
        {
            yield break;
        }
        foreach (var (claim, figures) in needs.Claims)
        {
            var readKeys = claim.Sources.Where(read.ContainsKey).Distinct().ToList();
            if (readKeys.Count == 0)
            {
                continue;
            }
            var unread = claim.Sources.Where(k => !read.ContainsKey(k)).Distinct().ToList();
            foreach (var (id, figure) in figures)
            {
                if (readKeys.Any(k => read[k].Any(p => p.Found.Contains(id))))
                {
                    continue;
                }
                var message = $"'{figure.Written}' is not in the text of {Names(readKeys)}";
                if (unread.Count > 0)
                {
                    message += $"; {Names(unread)} could not be read, so it may be there";
                }
                yield return Rule.Create(claim.Span, message, readKeys[0]);
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
