using System.Collections.Immutable;
using CiteCheck.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CiteCheck.Parsing;

/// <summary>
/// Reads a bibliography file (sources.yaml): a list of entries with id (number), publisher, title, url, date, accessed
/// and archive, either under a top-level <c>sources:</c> key or as a bare list, or a map from number to entry.
/// Invalid YAML is an <see cref="InputException"/> naming file and line.
/// </summary>
public static class BibliographyReader
{
    public static Bibliography Read(string file, string text)
    {
        var root = YamlText.Load(file, text);
        if (root is null)
        {
            return new Bibliography(BibliographyOrigin.File, file, [], []);
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
                    entries.Add(Entry(file, lines, entry, YamlText.Scalar(entry, "id") ?? YamlText.Scalar(entry, "number")));
                }
                break;
            case YamlMappingNode byKey:
                foreach (var (key, value) in byKey.Children)
                {
                    if (value is YamlMappingNode entry)
                    {
                        entries.Add(Entry(file, lines, entry, ((YamlScalarNode)key).Value));
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
        foreach (var group in entries.GroupBy(e => e.Key).Where(g => g.Count() > 1))
        {
            throw new InputException(file, group.Skip(1).First().Definition?.Line, $"source {group.Key} is defined twice");
        }
        return new Bibliography(BibliographyOrigin.File, file, [.. entries], []);
    }

    private static Source Entry(string file, LineMap lines, YamlMappingNode entry, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new InputException(file, Line(entry), "a bibliography entry has no id");
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

/// <summary>Small helpers over YamlDotNet's representation model, shared by the bibliography, review and front matter readers.</summary>
public static class YamlText
{
    public static YamlNode? Load(string file, string text, int lineOffset = 0)
    {
        try
        {
            Guard(file, text, lineOffset);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var inner = e.InnerException as YamlException ?? e;
            var message = inner.Message.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "invalid YAML";
            throw new InputException(file, (int)e.Start.Line + lineOffset, $"invalid YAML: {message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, with no position, on some broken plain scalars ("title: [^A"): found by
            // fuzzing (tests/CiteCheck.Tests/Specs/Regression/yaml-scanner-error.md). Bad input, not a bug in CiteCheck.
            throw new InputException(file, lineOffset + 1, "invalid YAML from this line on: it cannot be read (an unclosed bracket, brace or quote?)");
        }
    }

    /// <summary>
    /// Walks the YAML's events (YamlDotNet's parser is iterative) before the representation model is built, which
    /// recurses and hashes keys: nesting deeper than <see cref="Limits.MaxYamlNesting"/> would overflow the stack, and a
    /// key that is a list or mapping (an alias bomb as a key) would be hashed whole, exponentially. CiteCheck's YAML
    /// files never need either, so both are refused with the line.
    /// </summary>
    private static void Guard(string file, string text, int lineOffset)
    {
        var parser = new Parser(new StringReader(text));
        var collectionAnchors = new HashSet<string>(StringComparer.Ordinal);
        // One entry per open collection: true for a mapping whose next node is a key.
        var open = new Stack<(bool Mapping, bool ExpectKey)>();
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            if (current is YamlDotNet.Core.Events.NodeEvent or YamlDotNet.Core.Events.AnchorAlias && open.Count > 0 && open.Peek().Mapping)
            {
                var (_, expectKey) = open.Pop();
                open.Push((true, !expectKey));
                var complex = current is YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart
                    || (current is YamlDotNet.Core.Events.AnchorAlias alias && collectionAnchors.Contains(alias.Value.Value));
                if (expectKey && complex)
                {
                    throw new InputException(file, (int)current.Start.Line + lineOffset, "a key is a list or a mapping; keys must be plain text (id, publisher, title, …)");
                }
            }
            switch (current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart:
                    var start = (YamlDotNet.Core.Events.NodeEvent)current;
                    if (!start.Anchor.IsEmpty)
                    {
                        collectionAnchors.Add(start.Anchor.Value);
                    }
                    open.Push((current is YamlDotNet.Core.Events.MappingStart, true));
                    if (open.Count > Limits.MaxYamlNesting)
                    {
                        throw new InputException(file, (int)current.Start.Line + lineOffset, $"is nested more than {Limits.MaxYamlNesting} levels deep; CiteCheck reads YAML up to that depth (docs/limits.md)");
                    }
                    break;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    open.Pop();
                    break;
            }
        }
    }

    public static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)
            ? s.Value.Trim()
            : null;
}
