using System.Globalization;
using System.Text;
using CiteCheck.Model;

namespace CiteCheck.Rendering;

/// <summary>
/// The anchors of an edition, named once for both editions: an HTML element id and a PDF named destination are the same
/// string. <c>cite-&lt;index&gt;</c> per citation, <c>source-&lt;key&gt;</c> per bibliography entry, <c>claim-&lt;id&gt;</c>
/// per claim that is a side of a discrepancy, <c>discrepancy-&lt;id&gt;</c>, <c>rule-&lt;id&gt;</c>, and the fixed ids of
/// the contents and the appendices. Keys are written with one escaper (<see cref="Safe"/>), so two keys that differ
/// never meet in either edition. Section ids are the parser's slugs, moved aside (<c>section-…</c>, <c>-2</c>, <c>-3</c>…)
/// when they would collide with an id CiteCheck reserves or with each other.
/// </summary>
public sealed class EditionAnchors
{
    public const string Contents = "contents";
    public const string Body = "report-body";
    public const string Bibliography = "bibliography";
    public const string Discrepancies = "discrepancies";
    public const string Health = "citation-health";

    /// <summary>Ids CiteCheck uses for itself (the HTML page's own ids among them): never given to a section.</summary>
    public static IReadOnlyList<string> Fixed { get; } = [Contents, Body, Bibliography, Discrepancies, Health, "top", "bibliography-title", "discrepancies-title", "citation-health-title"];

    private static readonly string[] ReservedPrefixes = ["cite-", "source-", "claim-", "discrepancy-", "rule-"];

    private readonly Dictionary<int, string> _sections = [];
    private readonly Dictionary<string, string> _bySlug = new(StringComparer.Ordinal);

    public EditionAnchors(Document document)
    {
        var used = new HashSet<string>(Fixed, StringComparer.Ordinal);
        foreach (var section in document.Sections)
        {
            var id = section.Slug.Length > 0 && section.Slug.All(IsSlugChar) ? section.Slug : Safe(section.Slug);
            if (ReservedPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal)) || used.Contains(id))
            {
                id = "section-" + id;
            }
            var unique = id;
            for (var k = 2; !used.Add(unique); k++)
            {
                unique = $"{id}-{k.ToString(CultureInfo.InvariantCulture)}";
            }
            _sections[section.Index] = unique;
            _bySlug.TryAdd(section.Slug, unique);
        }
    }

    public string Section(Section section) => _sections[section.Index];

    /// <summary>The anchor of the section a Markdown link like <c>#overview</c> meant, when there is one.</summary>
    public string? SectionBySlug(string slug) => _bySlug.GetValueOrDefault(slug);

    public static string Citation(Citation citation) => "cite-" + citation.Index.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>source-12</c>, or <c>source-rfe</c> for the footnote <c>[^rfe]</c> (a numeric footnote keeps its caret, escaped, so it cannot meet source 1).</summary>
    public static string Source(string key) => "source-" + Safe(DisplayKey(key) is var shown && shown.Length > 0 && !shown.All(char.IsAsciiDigit) ? shown : key);

    /// <summary>A source key as readers see it: a footnote's label without its caret.</summary>
    public static string DisplayKey(string key) => key.StartsWith('^') ? key[1..] : key;

    public static string Claim(int claimId) => "claim-" + claimId.ToString(CultureInfo.InvariantCulture);

    public static string Discrepancy(string id) => "discrepancy-" + Safe(id);

    public static string Rule(string ruleId) => "rule-" + Safe(ruleId);

    /// <summary>
    /// The one escaper of both editions: an id-safe, one-to-one spelling of a key. ASCII letters, digits and '-' stay;
    /// any other character becomes <c>_hex_</c> (so "a b" is "a_20_" and "a_20_" itself is "a_5f_20_5f_").
    /// </summary>
    public static string Safe(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (var ch in key)
        {
            if (ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-')
            {
                sb.Append(ch);
            }
            else
            {
                sb.Append('_').Append(((int)ch).ToString("x", CultureInfo.InvariantCulture)).Append('_');
            }
        }
        return sb.Length == 0 ? "_" : sb.ToString();
    }

    private static bool IsSlugChar(char ch) => ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_';
}
