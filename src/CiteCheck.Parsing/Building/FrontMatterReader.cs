using System.Collections.Immutable;
using CiteCheck.Model;
using Markdig.Extensions.Yaml;
using YamlDotNet.RepresentationModel;

namespace CiteCheck.Parsing.Building;

/// <summary>The YAML front matter: each scalar value an entry and a claim (<c>key: value</c>) of one front-matter block.</summary>
internal static class FrontMatterReader
{
    public static void Add(BuildContext context, YamlFrontMatterBlock yaml, List<FrontMatterEntry> entries)
    {
        var lines = context.Lines;
        var body = yaml.Lines.ToString();
        var firstLine = lines.PositionOf(yaml.Span.Start).Line; // the '---' line
        var root = YamlText.Load(context.File, body, lineOffset: firstLine);
        if (root is null or YamlScalarNode { Value: null or "" })
        {
            return;
        }
        if (root is not YamlMappingNode map)
        {
            throw new InputException(context.File, firstLine + (int)root.Start.Line, "the front matter must be key: value lines (title: …, date: …), not a list or a bare value");
        }
        var claims = ImmutableArray.CreateBuilder<Claim>();
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode k || value is not YamlScalarNode v || v.Value is null)
            {
                continue;
            }
            var line = firstLine + (int)value.Start.Line;
            var offset = lines.LineStart(line) + (int)value.Start.Column - 1;
            var span = lines.Span(offset, offset + v.Value.Length);
            entries.Add(new FrontMatterEntry(k.Value ?? "", v.Value, span));
            var keyLength = k.Value?.Length ?? 0;
            var claimText = $"{k.Value}: {v.Value}";
            var keyOffset = lines.LineStart(line) + (int)key.Start.Column - 1;
            var offsets = Enumerable.Range(0, claimText.Length)
                .Select(i => i < keyLength + 2 ? keyOffset + Math.Min(i, keyLength) : offset + i - (keyLength + 2))
                .ToArray();
            claims.Add(new Claim(context.NextClaimId(), context.Blocks.Count, claimText, lines.Span(keyOffset, offset + v.Value.Length), []) { OffsetMap = OffsetMap.Of(offsets) });
        }
        var blockText = string.Join("\n", claims.Select(c => c.Text));
        context.Blocks.Add(new Block(context.Blocks.Count, BlockKind.FrontMatter, -1, 0, lines.Span(yaml.Span.Start, yaml.Span.End + 1), blockText, [], claims.ToImmutable(), []));
    }
}
