using CiteCheck.Model;
using YamlDotNet.RepresentationModel;

namespace CiteCheck.Parsing;

/// <summary>
/// Reads a YAML bibliography (sources.yaml): a list of entries with id (number), publisher, title, url, date, accessed
/// and archive, either under a top-level <c>sources:</c> key or as a bare list, or a map from number to entry.
/// Invalid YAML is an <see cref="InputException"/> naming file and line; a field that is a list or a mapping where text
/// belongs is a <c>bibliography-field-type</c> finding, and the field is ignored.
/// </summary>
public static class YamlBibliographyReader
{
    private static readonly string[] TextFields = ["publisher", "label", "title", "url", "date", "accessed", "archive", "archive_url"];

    public static BibliographyRead Read(string file, string text)
    {
        var root = YamlText.Load(file, text);
        var findings = new List<Diagnostic>();
        if (root is null)
        {
            return new BibliographyRead(new Bibliography(BibliographyOrigin.File, file, [], []), []);
        }
        var node = root;
        if (root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("sources"), out var inner))
        {
            node = inner;
        }
        var entries = new List<Source>();
        var lines = new LineMap(file, text);
        switch (node)
        {
            case YamlSequenceNode seq:
                foreach (var item in seq)
                {
                    if (item is not YamlMappingNode entry)
                    {
                        throw new InputException(file, Line(item), "a bibliography entry must be a mapping with an id");
                    }
                    entries.Add(Entry(file, lines, entry, YamlText.Scalar(entry, "id") ?? YamlText.Scalar(entry, "number"), findings));
                }
                break;
            case YamlMappingNode byKey:
                foreach (var (key, value) in byKey.Children)
                {
                    if (value is YamlMappingNode entry)
                    {
                        entries.Add(Entry(file, lines, entry, ((YamlScalarNode)key).Value, findings));
                    }
                    else if (value is YamlScalarNode publisher)
                    {
                        entries.Add(new Source(((YamlScalarNode)key).Value ?? "", publisher.Value, null, null, null, null, null, Span(lines, key)));
                    }
                }
                break;
            case YamlScalarNode { Value: null or "" }:
                break;
            default:
                throw new InputException(file, Line(node), "expected a list of sources (id, publisher, title, url, date)");
        }
        BibliographyReader.ThrowOnDuplicates(file, entries);
        return new BibliographyRead(new Bibliography(BibliographyOrigin.File, file, [.. entries], []), [.. findings]);
    }

    private static Source Entry(string file, LineMap lines, YamlMappingNode entry, string? id, List<Diagnostic> findings)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new InputException(file, Line(entry), "a bibliography entry has no id");
        }
        foreach (var field in TextFields)
        {
            if (entry.Children.TryGetValue(new YamlScalarNode(field), out var value) && value is not YamlScalarNode)
            {
                var kind = value is YamlSequenceNode ? "a list" : "a mapping";
                findings.Add(BibliographyReader.WrongType(Span(lines, value), field, kind, "text", id.Trim()));
            }
        }
        return new Source(
            id.Trim(),
            YamlText.Scalar(entry, "publisher") ?? YamlText.Scalar(entry, "label"),
            YamlText.Scalar(entry, "title"),
            YamlText.Scalar(entry, "url"),
            YamlText.Scalar(entry, "date"),
            YamlText.Scalar(entry, "accessed"),
            YamlText.Scalar(entry, "archive") ?? YamlText.Scalar(entry, "archive_url"),
            Span(lines, entry));
    }

    private static SourceSpan Span(LineMap lines, YamlNode node)
    {
        var line = (int)node.Start.Line;
        var start = lines.LineStart(line) + (int)node.Start.Column - 1;
        return lines.Span(start, start);
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;
}

