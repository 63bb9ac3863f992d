using System.Collections.Immutable;
using CiteCheck.Model;

namespace CiteCheck.Rendering;

/// <summary>
/// What both editions show, built once from the checked report (<see cref="EditionModelBuilder"/>): the front matter,
/// the contents, the body's blocks with their citation and discrepancy marks, the bibliography, the discrepancy appendix
/// grouped by event, the citation-health appendix, and every anchor. The HTML and the PDF renderer read this and
/// nothing else, so the two editions list the same sources, discrepancies and anchors. Plain text throughout: each
/// renderer escapes for its own medium.
/// </summary>
public sealed record EditionModel(
    EditionFront Front,
    EditionSummary Summary,
    ImmutableArray<ContentsEntry> Contents,
    ImmutableArray<EditionBlock> Blocks,
    EditionBibliography Bibliography,
    DiscrepancyAppendix Discrepancies,
    HealthAppendix Health,
    EditionAnchors Anchors)
{
    /// <summary>The citation marks by citation index.</summary>
    public required ImmutableDictionary<int, CitationMark> Citations { get; init; }

    /// <summary>The mark of one citation of the body.</summary>
    public CitationMark Cite(Citation citation) => Citations[citation.Index];

    /// <summary>Where a link of the text leads: outside, to a section, or nowhere (flagged, with the reason).</summary>
    public EditionLink Link(string? url)
    {
        if (UrlPolicy.External(url) is { } external)
        {
            return new EditionLink(EditionLinkKind.External, external, null);
        }
        if (UrlPolicy.Fragment(url) is { } fragment)
        {
            return Anchors.SectionBySlug(fragment) is { } id
                ? new EditionLink(EditionLinkKind.Internal, id, null)
                : new EditionLink(EditionLinkKind.Flagged, null, $"Broken link: the report has no section '#{fragment}'");
        }
        return UrlPolicy.IsPlaceholder(url)
            ? new EditionLink(EditionLinkKind.Flagged, null, "Placeholder link: the report gives no address")
            : new EditionLink(EditionLinkKind.Flagged, null, $"Link removed: '{UrlPolicy.Shorten(url!.Trim())}' is not an http(s) or mailto address");
    }

    /// <summary>
    /// Every anchor the edition defines, in a fixed order: the contents and appendices, sections, sources, citations,
    /// claims with a discrepancy marker, discrepancies and rules. Both editions hold each of them (an HTML id, a PDF named
    /// destination); the parity test checks it.
    /// </summary>
    public IEnumerable<string> AllAnchors()
    {
        yield return EditionAnchors.Contents;
        yield return EditionAnchors.Bibliography;
        yield return EditionAnchors.Discrepancies;
        yield return EditionAnchors.Health;
        foreach (var entry in Contents)
        {
            yield return entry.Anchor;
        }
        foreach (var entry in Bibliography.Entries)
        {
            yield return entry.Anchor;
        }
        foreach (var mark in Citations.Values.OrderBy(c => c.Citation.Index))
        {
            yield return mark.Anchor;
        }
        foreach (var block in Blocks)
        {
            foreach (var claim in block.MarkedClaims)
            {
                yield return EditionAnchors.Claim(claim);
            }
        }
        foreach (var item in Discrepancies.Groups.SelectMany(g => g.Items))
        {
            yield return item.Anchor;
        }
        foreach (var rule in Health.Rules)
        {
            yield return rule.Anchor;
        }
    }
}

/// <summary>The title and the front matter shown under it (every entry but <c>title</c>), and the report's file name.</summary>
public sealed record EditionFront(string Title, string FileName, ImmutableArray<FrontMatterEntry> Meta)
{
    /// <summary>The value of a front-matter key (case-insensitive), when it is there and not empty.</summary>
    public string? Value(string key) =>
        Meta.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase)) is { Value.Length: > 0 } entry ? entry.Value : null;
}

/// <summary>The counts the title block and the check line show.</summary>
public sealed record EditionSummary(int Errors, int Warnings, int Infos, int Claims, int Citations, int Sources, int Discrepancies, int OpenDiscrepancies);

/// <summary>One line of the contents: a section of the body (the title heading excluded).</summary>
/// <param name="Rank">0 for the body's top heading level (<c>##</c> in the sample), 1 below it, and so on.</param>
public sealed record ContentsEntry(string Anchor, string Title, int Level, int Rank);

/// <summary>
/// A block of the body as the editions show it. <see cref="Inlines"/> is its text up to the closing citation group,
/// with a <see cref="DiscrepancyMarkInline"/> at the end of each claim that is a side of a discrepancy;
/// <see cref="GroupInlines"/> is the closing group as written ("(Sources: [A](#) [1], [B](#) [2])") and
/// <see cref="ClosingGroup"/> its citations. A table's marks go at the end of the last cell of the claim's row.
/// </summary>
public sealed record EditionBlock(
    Block Block,
    string? Anchor,
    int Rank,
    ImmutableArray<Inline> Inlines,
    ImmutableArray<Inline> GroupInlines,
    ImmutableArray<Citation> ClosingGroup,
    ImmutableArray<ImmutableArray<ImmutableArray<Inline>>> Rows,
    ImmutableArray<int> MarkedClaims)
{
    public BlockKind Kind => Block.Kind;

    /// <summary>The closing group's sources, each once, in the order written.</summary>
    public IEnumerable<string> GroupSources => ClosingGroup.Select(c => c.SourceKey).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// The marks placed at the end of a claim that is a side of one or more discrepancies: the claim's anchor, then
/// "≠N" for each discrepancy, linking to its appendix entry.
/// </summary>
public sealed record DiscrepancyMarkInline(int ClaimId, string ClaimAnchor, ImmutableArray<DiscrepancyMark> Marks) : Inline((SourceSpan?)null);

/// <summary>One "≠N" mark: the discrepancy's number in the appendix, its status, its anchor and a sentence for a tooltip.</summary>
public sealed record DiscrepancyMark(int Number, DiscrepancyStatus Status, string Anchor, string Title)
{
    public string Text => "≠" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How a citation is flagged in the text: its link is a placeholder (<c>#</c>), or an address refused by the URL policy.</summary>
public enum CitationProblem
{
    None,
    Placeholder,
    Unsafe,
}

/// <summary>
/// A citation as both editions show it: the label (linked to <see cref="Url"/> when allowed), a visible flag when the
/// link is a placeholder ("?") or refused ("!"), and the superscript key linking to <see cref="SourceAnchor"/>, marked
/// "!" when the source is cited but undefined.
/// </summary>
public sealed record CitationMark(
    Citation Citation,
    string Anchor,
    string SourceAnchor,
    string DisplayKey,
    string? Url,
    CitationProblem Problem,
    string? FlagTitle,
    bool Undefined,
    string Title)
{
    public const string PlaceholderMark = "?";
    public const string ProblemMark = "!";

    /// <summary>The visible mark before the superscript: "?" for a placeholder, "!" for a refused address, null otherwise.</summary>
    public string? FlagText => Problem switch
    {
        CitationProblem.Placeholder => PlaceholderMark,
        CitationProblem.Unsafe => ProblemMark,
        _ => null,
    };
}

public enum EditionLinkKind
{
    External,
    Internal,

    /// <summary>Leads nowhere: shown as text with a "!" and the reason.</summary>
    Flagged,
}

/// <summary>Where a link of the text leads: <see cref="Target"/> is the URL or the anchor; <see cref="Problem"/> says why a flagged link is not one.</summary>
public sealed record EditionLink(EditionLinkKind Kind, string? Target, string? Problem);

/// <summary>The bibliography: every source of the bibliography file in its order, the cited numbers it lacks, then the footnotes.</summary>
public sealed record EditionBibliography(bool Declared, string? FileName, ImmutableArray<BibliographyEntry> Entries)
{
    public BibliographyEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key == key);
}

public enum EntryState
{
    Ok,

    /// <summary>Cited, but not in the bibliography file (or a footnote never defined).</summary>
    Undefined,

    /// <summary>Defined, but never cited.</summary>
    Uncited,
}

/// <summary>
/// One entry of the bibliography: its key as readers see it, what is known of the source (from the bibliography file,
/// or the labels the text gives it), its state and the places that cite it.
/// </summary>
public sealed record BibliographyEntry(
    string Key,
    string DisplayKey,
    string Anchor,
    bool IsFootnote,
    Source? Source,
    string? Publisher,
    string? Url,
    string? UrlRemoved,
    string? ArchiveUrl,
    EntryState State,
    string? StateNote,
    ImmutableArray<BackReference> BackReferences)
{
    public string? Title => Source?.Title;

    public string? Date => Source?.Date;

    public string? Accessed => Source?.Accessed;

    public string StateName => State.ToString().ToLowerInvariant();
}

/// <summary>A link from a bibliography entry back to one citation of it: a, b, c…, and where it is.</summary>
public sealed record BackReference(string Anchor, string Letter, string Title);

/// <summary>Appendix A: the discrepancies grouped by event, numbered 1, 2, 3… in the order the marks in the text carry.</summary>
public sealed record DiscrepancyAppendix(int Count, int Open, ImmutableArray<DiscrepancyGroup> Groups)
{
    public IEnumerable<DiscrepancyEntry> Items => Groups.SelectMany(g => g.Items);
}

/// <summary>The discrepancies of one event.</summary>
public sealed record DiscrepancyGroup(string EventKey, string Subject, ImmutableArray<DiscrepancyEntry> Items);

/// <summary>One discrepancy with its number, anchor and sides.</summary>
public sealed record DiscrepancyEntry(Discrepancy Discrepancy, int Number, string Anchor, ImmutableArray<DiscrepancySide> Sides)
{
    public string Kind => Model.Discrepancy.KindName(Discrepancy.Kind);

    public string Status => Model.Discrepancy.StatusName(Discrepancy.Status);
}

/// <summary>A side of a discrepancy: the claim, its anchor in the body (null when it is not in the body, as in front matter), its sources.</summary>
public sealed record DiscrepancySide(DiscrepancyClaim Claim, string? ClaimAnchor, ImmutableArray<SourceReference> Sources);

/// <summary>A source named in an appendix: its key as shown, its entry's anchor (null when it has none) and a label.</summary>
public sealed record SourceReference(string Key, string DisplayKey, string? Anchor, string Label);

/// <summary>Appendix B: the findings grouped by rule.</summary>
public sealed record HealthAppendix(int Count, int Errors, int Warnings, int Infos, ImmutableArray<HealthRule> Rules);

/// <summary>The findings of one rule.</summary>
public sealed record HealthRule(string Id, string Rule, string Title, Severity Severity, string Anchor, ImmutableArray<HealthFinding> Items);

/// <summary>
/// One finding: where (<see cref="File"/> names a file other than the report, such as sources.yaml; null for the report
/// itself), what, and the bibliography entry it concerns.
/// </summary>
public sealed record HealthFinding(string? File, int Line, int Column, Severity Severity, string Message, string? Note, string? SourceKey, string? SourceAnchor)
{
    /// <summary>"25:5", or "sources.yaml 25:5" for a finding in another file.</summary>
    public string Location => (File is null ? "" : File + " ")
        + Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Column.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
