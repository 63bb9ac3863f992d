using CiteCheck.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CiteCheck.Parsing;

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
