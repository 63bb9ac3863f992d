using System.Globalization;
using System.Text;
using CiteCheck.Model;

namespace CiteCheck.Rendering.Html;

/// <summary>
/// The element ids of the edition, derived from the model so that the renderer, the templates and the verifier agree:
/// <c>cite-&lt;index&gt;</c> per citation, <c>source-&lt;key&gt;</c> per bibliography entry, <c>claim-&lt;id&gt;</c> per claim,
/// <c>discrepancy-&lt;id&gt;</c> per discrepancy, and the fixed ids of the appendices. Section ids are the parser's slugs,
/// moved aside (<c>-2</c>, <c>-3</c>…) when they would collide with an id CiteCheck reserves.
/// </summary>
public sealed class Anchors
{
    public const string Contents = "contents";
    public const string Body = "report-body";
    public const string Bibliography = "bibliography";
    public const string Discrepancies = "discrepancies";
    public const string Health = "citation-health";

    private static readonly string[] Fixed = [Contents, Body, Bibliography, Discrepancies, Health, "top", "bibliography-title", "discrepancies-title", "citation-health-title"];
    private static readonly string[] ReservedPrefixes = ["cite-", "source-", "claim-", "discrepancy-", "rule-"];

    private readonly Dictionary<int, string> _sections = [];
    private readonly Dictionary<string, string> _bySlug = new(StringComparer.Ordinal);

    public Anchors(Document document)
    {
        var used = new HashSet<string>(Fixed, StringComparer.Ordinal);
        foreach (var section in document.Sections)
        {
            var id = section.Slug;
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

    /// <summary>The id of the section a Markdown link like <c>#overview</c> meant, when there is one.</summary>
    public string? SectionBySlug(string slug) => _bySlug.GetValueOrDefault(slug);

    public static string Citation(Citation citation) => "cite-" + citation.Index.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>source-12</c>, or <c>source-rfe</c> for the footnote <c>[^rfe]</c> (a numeric footnote keeps its caret, escaped, so it cannot meet source 1).</summary>
    public static string Source(string key) => "source-" + Safe(DisplayKey(key) is var shown && shown.Length > 0 && !shown.All(char.IsAsciiDigit) ? shown : key);

    /// <summary>A source key as readers see it: a footnote's label without its caret.</summary>
    public static string DisplayKey(string key) => key.StartsWith('^') ? key[1..] : key;

    public static string Claim(int claimId) => "claim-" + claimId.ToString(CultureInfo.InvariantCulture);

    public static string Discrepancy(string id) => "discrepancy-" + Safe(id);

    public static string Rule(string ruleId) => "rule-" + Safe(ruleId);

    /// <summary>An id-safe, one-to-one spelling of a key: letters, digits and '-' stay; anything else becomes _hex_.</summary>
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
}
