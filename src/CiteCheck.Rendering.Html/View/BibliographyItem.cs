using System.Globalization;
using CiteCheck.Model;

namespace CiteCheck.Rendering.Html.View;

/// <summary>
/// One entry of the edition's bibliography and the citations of it. The list holds every source of the bibliography
/// file (in its order), then every cited number it lacks (flagged), then the footnotes; without a bibliography file,
/// the cited numbers in numeric order. So every citation has an entry to link to.
/// </summary>
internal sealed record BibliographyItem(string Key, Source? Source, bool IsFootnote, List<Citation> Citations, List<string> Labels)
{
    /// <summary>ok, undefined (cited but not defined) or uncited (defined but never cited).</summary>
    public string State => Citations.Count == 0 ? "uncited" : Source is null && (IsFootnote || Declared) ? "undefined" : "ok";

    private bool Declared { get; init; }

    public string? StateNote(Bibliography bibliography) => State switch
    {
        "undefined" when IsFootnote => "Cited, but the footnote is never defined.",
        "undefined" => $"Cited, but not in {Path.GetFileName(bibliography.File ?? "the bibliography")}.",
        "uncited" => "Not cited in the text.",
        _ => null,
    };

    public static List<BibliographyItem> For(Document document)
    {
        var bibliography = document.Bibliography;
        var citations = document.Citations.ToList();
        var items = new List<BibliographyItem>();
        var byKey = new Dictionary<string, BibliographyItem>(StringComparer.Ordinal);

        void Add(string key, Source? source, bool footnote)
        {
            if (byKey.ContainsKey(key))
            {
                return;
            }
            var cites = citations.Where(c => c.SourceKey == key).ToList();
            var labels = cites.Where(c => c.Style == CitationStyle.NumberedLink).Select(c => c.Label.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var item = new BibliographyItem(key, source, footnote, cites, labels) { Declared = bibliography.Declared };
            byKey[key] = item;
            items.Add(item);
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
        return items;
    }
}
