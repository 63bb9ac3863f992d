using System.Collections.Immutable;

namespace CiteCheck.Model;

/// <summary>One entry of the bibliography: a numbered source or a footnote definition.</summary>
public sealed record Source(
    string Key,
    string? Publisher,
    string? Title,
    string? Url,
    string? Date,
    string? Accessed,
    string? Archive,
    SourceSpan? Definition)
{
    public int? Number => int.TryParse(Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}

public enum BibliographyOrigin
{
    /// <summary>No bibliography: the sources are those the text cites.</summary>
    Inferred,

    /// <summary>A bibliography file beside the report (or given with --sources): sources.yaml or CSL-JSON.</summary>
    File,
}

/// <summary>
/// The report's sources: from a bibliography file when there is one, plus footnote definitions;
/// <see cref="Declared"/> says whether a cited key can be "undefined".
/// </summary>
public sealed record Bibliography(BibliographyOrigin Origin, string? File, ImmutableArray<Source> Entries, ImmutableArray<Source> Footnotes)
{
    public static Bibliography Empty { get; } = new(BibliographyOrigin.Inferred, null, [], []);

    public bool Declared => Origin == BibliographyOrigin.File;

    public Source? Find(string key) =>
        Entries.FirstOrDefault(s => s.Key == key) ?? Footnotes.FirstOrDefault(s => s.Key == key);
}
