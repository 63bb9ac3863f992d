using System.Collections.Immutable;
using CiteCheck.Model;

namespace CiteCheck.Parsing;

/// <summary>The two formats a bibliography file may be written in (docs/sources.md).</summary>
public enum BibliographyFormat
{
    /// <summary>CiteCheck's own <c>sources.yaml</c>.</summary>
    Yaml,

    /// <summary>CSL-JSON, as Zotero, pandoc and other reference managers export it: an array of CSL items.</summary>
    CslJson,
}

/// <summary>
/// A bibliography as read, with the findings of reading it (a field of the wrong type, which is then ignored). Input that
/// cannot be read at all is an <see cref="InputException"/> instead.
/// </summary>
public sealed record BibliographyRead(Bibliography Bibliography, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Reads a bibliography file in either format into the one model (<see cref="Bibliography"/>): <c>sources.yaml</c>
/// through <see cref="YamlBibliographyReader"/>, CSL-JSON through <see cref="CslJsonReader"/>. The checks run on the
/// model, so both formats get the same findings; the few rules of the file itself (a number defined twice, a field of
/// the wrong type) are here, shared by both readers.
/// </summary>
public static class BibliographyReader
{
    /// <summary>
    /// The names a bibliography may have beside a report, in the order they are listed when two are there:
    /// sources.yaml, sources.yml, sources.json, sources.csl.json, and the report's own name with .csl.json
    /// (<c>report.csl.json</c> beside <c>report.md</c>). Not any <c>*.csl.json</c>: in a folder of several reports, each
    /// would take the others' bibliographies.
    /// </summary>
    public static IReadOnlyList<string> NamesBeside(string reportPath)
    {
        string[] names = ["sources.yaml", "sources.yml", "sources.json", "sources.csl.json"];
        var own = Path.GetFileNameWithoutExtension(reportPath) + ".csl.json";
        return names.Contains(own, StringComparer.Ordinal) ? names : [.. names, own];
    }

    public static BibliographyRead Read(string file, string text) => FormatOf(file, text) switch
    {
        BibliographyFormat.CslJson => CslJsonReader.Read(file, text),
        _ => YamlBibliographyReader.Read(file, text),
    };

    /// <summary>
    /// The format of a bibliography file: by its extension (<c>.json</c> is CSL-JSON; <c>.yaml</c>, <c>.yml</c> are
    /// YAML), else by its content: CSL-JSON when its first character other than white space is <c>[</c> or <c>{</c>.
    /// </summary>
    public static BibliographyFormat FormatOf(string file, string? text = null)
    {
        var extension = Path.GetExtension(file);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return BibliographyFormat.CslJson;
        }
        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return BibliographyFormat.Yaml;
        }
        var first = text?.TrimStart() is { Length: > 0 } trimmed ? trimmed[0] : '\0';
        return first is '[' or '{' ? BibliographyFormat.CslJson : BibliographyFormat.Yaml;
    }

    /// <summary>What a file of this name holds, for the messages of the reader that reads it ("not a YAML file"): CSL-JSON for <c>.json</c>, else YAML.</summary>
    public static string FormatName(string file) =>
        Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase) ? "CSL-JSON" : "YAML";

    /// <summary>A number defined twice stops the run (exit 2) at the second definition, in either format.</summary>
    public static void ThrowOnDuplicates(string file, IEnumerable<Source> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!seen.Add(entry.Key))
            {
                throw new InputException(file, entry.Definition?.Line, $"source {entry.Key} is defined twice", entry.Definition?.Column);
            }
        }
    }

    /// <summary>
    /// The finding for a field whose value is of the wrong type (<c>"title": 42</c>, <c>url: [a, b]</c>): the field is
    /// ignored, the rest of the entry is read.
    /// </summary>
    public static Diagnostic WrongType(SourceSpan at, string field, string found, string expected, string? source) =>
        ParsingRules.BibliographyFieldType.Create(at, $"'{field}' is {found}, not {expected}: it is ignored", source);
}
