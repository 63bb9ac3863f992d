using System.Collections.Immutable;
using System.Globalization;
using CiteCheck.Model;

namespace CiteCheck.Rendering;

/// <summary>
/// Builds the <see cref="EditionModel"/> from a checked report, once per build, in the order a reader meets things:
/// anchors, the discrepancy numbering (grouped by event, groups and entries in the order their first claim appears),
/// the bibliography (file order, then the cited numbers it lacks, then footnotes; without a file, the cited numbers in
/// numeric order), the citation marks, the body's blocks with their marks, the contents and the two appendices.
/// Reads only the model: the closing citation group of a block is where its last claim ends, and its citations are
/// those the parser flagged <see cref="Citation.InClosingGroup"/>.
/// </summary>
public static class EditionModelBuilder
{
    public static EditionModel Build(CheckedReport report)
    {
        var document = report.Document;
        var anchors = new EditionAnchors(document);
        var discrepancies = NumberDiscrepancies(report);
        var bibliography = BuildBibliography(document);
        var citations = document.Citations.ToImmutableDictionary(c => c.Index, c => Mark(document, c));
        var claimMarks = PlanMarks(document, discrepancies);
        var titleHeading = document.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading && b.Level == 1 && b.Text == document.Title);
        var headingLevels = document.Blocks.Where(b => b.Kind == BlockKind.Heading && b != titleHeading).Select(b => b.Level).ToList();
        var topLevel = headingLevels.Count > 0 ? headingLevels.Min() : 2;
        var blocks = document.Blocks
            .Where(b => b.Kind != BlockKind.FrontMatter && b != titleHeading)
            .Select(b => BuildBlock(document, anchors, b, b.Kind == BlockKind.Heading ? b.Level - topLevel : 0, claimMarks))
            .ToImmutableArray();
        var anchoredClaims = blocks.SelectMany(b => b.MarkedClaims).ToHashSet();
        var contents = document.Sections
            .Where(s => titleHeading is null || document.SectionOf(titleHeading) != s)
            .Select(s => new ContentsEntry(anchors.Section(s), s.Title, s.Level, s.Level - topLevel))
            .ToImmutableArray();
        var front = new EditionFront(document.Title, Path.GetFileName(document.File), [.. document.FrontMatter.Where(f => f.Key != "title")]);
        var summary = new EditionSummary(
            report.Count(Severity.Error), report.Count(Severity.Warning), report.Count(Severity.Info), document.Claims.Count(),
            document.Citations.Count(), bibliography.Entries.Length, report.Discrepancies.Length,
            report.Discrepancies.Count(d => d.Status == DiscrepancyStatus.Open));
        return new EditionModel(front, summary, contents, blocks, bibliography,
            BuildDiscrepancies(document, discrepancies, bibliography, anchoredClaims), BuildHealth(report, bibliography), anchors)
        {
            Citations = citations,
        };
    }

    // ---- discrepancies

    private static ImmutableArray<ImmutableArray<Discrepancy>> NumberDiscrepancies(CheckedReport report)
    {
        var claimOffsets = report.Document.Claims.ToDictionary(c => c.Id, c => c.Span.Start.Offset);
        int First(Discrepancy d) => d.Claims.IsDefaultOrEmpty ? int.MaxValue : d.Claims.Min(c => claimOffsets.TryGetValue(c.ClaimId, out var o) ? o : c.Span.Start.Offset);
        return [.. report.Discrepancies
            .GroupBy(d => d.EventKey, StringComparer.Ordinal)
            .Select(g => g.OrderBy(First).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray())
            .OrderBy(g => First(g[0]))
            .ThenBy(g => g[0].EventKey, StringComparer.Ordinal)];
    }

    private static DiscrepancyAppendix BuildDiscrepancies(Document document, ImmutableArray<ImmutableArray<Discrepancy>> groups, EditionBibliography bibliography, HashSet<int> anchoredClaims)
    {
        var number = 1;
        var built = groups.Select(group => new DiscrepancyGroup(group[0].EventKey, group[0].Subject, [.. group.Select(d => new DiscrepancyEntry(
            d,
            number++,
            EditionAnchors.Discrepancy(d.Id),
            [.. d.Claims.OrderBy(c => c.Side).ThenBy(c => c.Span.Start.Offset).Select(c => new DiscrepancySide(
                c,
                anchoredClaims.Contains(c.ClaimId) ? EditionAnchors.Claim(c.ClaimId) : null,
                [.. c.Sources.Select(key => SourceReference(document, bibliography, key))]))]))]));
        var all = groups.SelectMany(g => g).ToList();
        return new DiscrepancyAppendix(all.Count, all.Count(d => d.Status == DiscrepancyStatus.Open), [.. built]);
    }

    private static SourceReference SourceReference(Document document, EditionBibliography bibliography, string key)
    {
        var entry = bibliography.Find(key);
        var label = document.Bibliography.Find(key)?.Publisher ?? entry?.Publisher ?? key;
        return new SourceReference(key, EditionAnchors.DisplayKey(key), entry?.Anchor, label);
    }

    /// <summary>For each claim of the body that is a side of a discrepancy: its marks, in appendix order.</summary>
    private static Dictionary<int, DiscrepancyMarkInline> PlanMarks(Document document, ImmutableArray<ImmutableArray<Discrepancy>> groups)
    {
        var numbers = new Dictionary<Discrepancy, int>(ReferenceEqualityComparer.Instance);
        var number = 1;
        foreach (var d in groups.SelectMany(g => g))
        {
            numbers[d] = number++;
        }
        var byClaim = groups.SelectMany(g => g)
            .SelectMany(d => d.Claims.Select(c => c.ClaimId).Distinct().Select(id => (Claim: id, Discrepancy: d)))
            .ToLookup(x => x.Claim, x => x.Discrepancy);
        var marks = new Dictionary<int, DiscrepancyMarkInline>();
        foreach (var claim in document.Claims)
        {
            if (!byClaim.Contains(claim.Id) || claim.BlockIndex < 0 || claim.BlockIndex >= document.Blocks.Length
                || document.Blocks[claim.BlockIndex].Kind == BlockKind.FrontMatter)
            {
                continue; // front matter: not in the body
            }
            var list = byClaim[claim.Id].Select(d =>
            {
                var n = numbers[d];
                var title = $"Conflicting figure ({Discrepancy.StatusName(d.Status)}): {d.Subject}, {d.Measure}. See discrepancy {n.ToString(CultureInfo.InvariantCulture)}.";
                return new DiscrepancyMark(n, d.Status, EditionAnchors.Discrepancy(d.Id), title);
            });
            marks[claim.Id] = new DiscrepancyMarkInline(claim.Id, EditionAnchors.Claim(claim.Id), [.. list]);
        }
        return marks;
    }

    // ---- blocks

    private static EditionBlock BuildBlock(Document document, EditionAnchors anchors, Block block, int rank, Dictionary<int, DiscrepancyMarkInline> claimMarks)
    {
        var section = block.Kind == BlockKind.Heading ? document.SectionOf(block) : null;
        var claims = block.Claims.Where(c => claimMarks.ContainsKey(c.Id)).ToList();
        var insertions = claims.Select(c => (Offset: ClaimEnd(c), Inline: (Inline)claimMarks[c.Id])).ToList();
        if (block.Kind == BlockKind.Table)
        {
            return new EditionBlock(block, null, 0, [], [], [], TableRows(block, insertions), [.. claims.Select(c => c.Id)]);
        }
        var closing = block.Citations.Where(c => c.InClosingGroup).ToImmutableArray();
        var inlines = block.Inlines;
        var group = ImmutableArray<Inline>.Empty;
        if (closing.Length > 0)
        {
            // The group starts where the prose ends: after the last claim, and after the last citation of the prose
            // ("…the count.[^gov] (Sources: …)": the footnote follows the claim, but it is not the group's).
            var first = closing.Min(c => c.Span.Start.Offset);
            var cut = block.Claims.Select(c => c.Span.End.Offset)
                .Concat(block.Citations.Where(c => !c.InClosingGroup && c.Span.Start.Offset < first).Select(c => c.Span.End.Offset))
                .Where(e => e <= first).DefaultIfEmpty(block.Span.Start.Offset).Max();
            (inlines, group) = InlineSplicer.Split(inlines, cut);
        }
        inlines = insertions.Count > 0 ? InlineSplicer.Insert(inlines, insertions) : inlines;
        return new EditionBlock(block, section is null ? null : anchors.Section(section), rank, inlines, group, closing, [], [.. claims.Select(c => c.Id)]);
    }

    /// <summary>Where a claim's sentence ends in the file (after its last character that is not white space).</summary>
    private static int ClaimEnd(Claim claim)
    {
        var trimmed = claim.Text.TrimEnd();
        return trimmed.Length == 0 ? claim.Span.End.Offset : claim.FileOffsetOf(trimmed.Length - 1) + 1;
    }

    /// <summary>A table's rows with each claim's marks at the end of the last cell of its row: the claim of a table row is the whole row.</summary>
    private static ImmutableArray<ImmutableArray<ImmutableArray<Inline>>> TableRows(Block block, List<(int Offset, Inline Inline)> insertions)
    {
        if (block.Rows.IsDefaultOrEmpty)
        {
            return [];
        }
        var rows = block.Rows.Select(r => r.ToArray()).ToArray();
        foreach (var (offset, inline) in insertions)
        {
            var row = RowOf(rows, offset);
            var last = rows[row].Length - 1;
            if (last >= 0)
            {
                rows[row][last] = [.. rows[row][last], inline];
            }
        }
        return [.. rows.Select(r => r.ToImmutableArray())];
    }

    /// <summary>The last body row that starts before the offset: a claim's end lies in its own row.</summary>
    private static int RowOf(ImmutableArray<Inline>[][] rows, int offset)
    {
        var found = rows.Length - 1;
        for (var r = 1; r < rows.Length; r++)
        {
            var start = rows[r].SelectMany(c => c).Select(i => i.Span?.Start.Offset).FirstOrDefault(o => o is not null);
            if (start is { } s && s < offset)
            {
                found = r;
            }
        }
        return found;
    }

    // ---- citations

    private static CitationMark Mark(Document document, Citation citation)
    {
        var source = document.Bibliography.Find(citation.SourceKey);
        var undefined = source is null && (document.Bibliography.Declared || citation.Style == CitationStyle.Footnote);
        var numbered = citation.Style == CitationStyle.NumberedLink;
        var url = numbered ? UrlPolicy.External(citation.Target) : null;
        var placeholder = numbered && UrlPolicy.IsPlaceholder(citation.Target);
        var unsafeLink = numbered && url is null && !placeholder;
        var (flag, flagTitle) =
            placeholder ? (CitationProblem.Placeholder, $"Placeholder link: the report gives no URL for source {citation.SourceKey}")
            : unsafeLink ? (CitationProblem.Unsafe, $"Link removed: '{UrlPolicy.Shorten(citation.Target!)}' is not an http(s) or mailto address")
            : (CitationProblem.None, (string?)null);
        var title = undefined
            ? citation.Style == CitationStyle.Footnote
                ? $"Footnote [^{EditionAnchors.DisplayKey(citation.SourceKey)}] is cited but never defined"
                : $"Source {citation.SourceKey} is not in the bibliography"
            : $"Source {citation.SourceKey}: {Describe(source, citation)}";
        return new CitationMark(citation, EditionAnchors.Citation(citation), EditionAnchors.Source(citation.SourceKey),
            EditionAnchors.DisplayKey(citation.SourceKey), url, flag, flagTitle, undefined, title);
    }

    private static string Describe(Source? source, Citation citation)
    {
        if (source is null)
        {
            return citation.Label;
        }
        var parts = new[] { source.Publisher, source.Title }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? citation.Label : string.Join(", ", parts);
    }

    // ---- bibliography

    private static EditionBibliography BuildBibliography(Document document)
    {
        var bibliography = document.Bibliography;
        var citations = document.Citations.ToList();
        var byKey = citations.GroupBy(c => c.SourceKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var entries = new List<BibliographyEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(string key, Source? source, bool footnote)
        {
            if (!seen.Add(key))
            {
                return;
            }
            var cites = byKey.GetValueOrDefault(key) ?? [];
            var labels = cites.Where(c => c.Style == CitationStyle.NumberedLink).Select(c => c.Label.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var state = cites.Count == 0 ? EntryState.Uncited : source is null && (footnote || bibliography.Declared) ? EntryState.Undefined : EntryState.Ok;
            var note = state switch
            {
                EntryState.Undefined when footnote => "Cited, but the footnote is never defined.",
                EntryState.Undefined => $"Cited, but not in {Path.GetFileName(bibliography.File ?? "the bibliography")}.",
                EntryState.Uncited => "Not cited in the text.",
                _ => null,
            };
            // Without a bibliography file, an entry's address is the one its citations give, the first allowed address its citations give.
            var rawUrl = source?.Url ?? (bibliography.Declared ? null : cites.Select(c => UrlPolicy.External(c.Target)).FirstOrDefault(u => u is not null));
            var url = UrlPolicy.External(rawUrl);
            var backReferences = cites.Select((c, i) => new BackReference(
                EditionAnchors.Citation(c), Letter(i), $"Cited in {SectionTitle(document, c.BlockIndex)} (line {c.Span.Line.ToString(CultureInfo.InvariantCulture)})"));
            entries.Add(new BibliographyEntry(
                key, EditionAnchors.DisplayKey(key), EditionAnchors.Source(key), footnote, source,
                source?.Publisher ?? (labels.Count > 0 ? string.Join(" / ", labels) : null),
                url, url is null && !string.IsNullOrWhiteSpace(rawUrl) ? rawUrl : null, UrlPolicy.External(source?.Archive),
                state, note, [.. backReferences]));
        }

        var numbered = citations.Where(c => c.Style == CitationStyle.NumberedLink).Select(c => c.SourceKey).Distinct(StringComparer.Ordinal)
            .OrderBy(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ThenBy(k => k, StringComparer.Ordinal)
            .ToList();
        foreach (var source in bibliography.Entries)
        {
            Add(source.Key, source, footnote: false);
        }
        foreach (var key in numbered)
        {
            Add(key, bibliography.Entries.FirstOrDefault(s => s.Key == key), footnote: false);
        }
        foreach (var source in bibliography.Footnotes)
        {
            Add(source.Key, source, footnote: true);
        }
        foreach (var key in citations.Where(c => c.Style == CitationStyle.Footnote).Select(c => c.SourceKey).Distinct(StringComparer.Ordinal))
        {
            Add(key, null, footnote: true);
        }
        return new EditionBibliography(bibliography.Declared, bibliography.File is { } f ? Path.GetFileName(f) : null, [.. entries]);
    }

    private static string SectionTitle(Document document, int blockIndex)
    {
        var section = blockIndex >= 0 && blockIndex < document.Blocks.Length ? document.SectionOf(document.Blocks[blockIndex]) : null;
        return section is null || (section.Level == 1 && section.Title == document.Title) ? "the introduction" : $"“{section.Title}”";
    }

    /// <summary>a, b, … z, aa, ab, …: the back-reference labels of one entry.</summary>
    private static string Letter(int index)
    {
        var s = "";
        index++;
        while (index > 0)
        {
            index--;
            s = (char)('a' + index % 26) + s;
            index /= 26;
        }
        return s;
    }

    // ---- citation health

    private static HealthAppendix BuildHealth(CheckedReport report, EditionBibliography bibliography)
    {
        var reportFile = report.Document.File;
        var rules = report.Diagnostics
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HealthRule(g.Key, g.First().Rule, g.First().Descriptor.Title, g.Max(d => d.Severity), EditionAnchors.Rule(g.Key),
                [.. g.Select(d => new HealthFinding(
                    d.Location.File == reportFile ? null : Path.GetFileName(d.Location.File),
                    d.Location.Line, d.Location.Column, d.Severity, d.Message, d.Note, d.Source,
                    d.Source is { } key && bibliography.Find(key) is { } entry ? entry.Anchor : null))]));
        return new HealthAppendix(report.Diagnostics.Length, report.Count(Severity.Error), report.Count(Severity.Warning), report.Count(Severity.Info), [.. rules]);
    }
}
