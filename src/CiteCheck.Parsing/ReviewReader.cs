using System.Collections.Immutable;
using CiteCheck.Model;
using YamlDotNet.RepresentationModel;

namespace CiteCheck.Parsing;

/// <summary>
/// Reads reviewers' decisions (review.yaml): a list, bare or under <c>reviews:</c>, of <c>{ id, status: explained | accepted | fixed, note }</c>.
/// A malformed file is an <see cref="InputException"/> naming its line.
/// </summary>
public static class ReviewReader
{
    public static ImmutableArray<ReviewEntry> Read(string file, string text)
    {
        var root = YamlText.Load(file, text);
        if (root is null or YamlScalarNode { Value: null or "" })
        {
            return [];
        }
        var node = root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("reviews"), out var inner) ? inner : root;
        if (node is not YamlSequenceNode list)
        {
            throw new InputException(file, (int)node.Start.Line, "expected a list of reviews: - { id: D…, status: explained | accepted | fixed, note: … }");
        }
        var lines = new LineMap(file, text);
        var entries = ImmutableArray.CreateBuilder<ReviewEntry>();
        foreach (var item in list)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlMappingNode entry)
            {
                throw new InputException(file, line, "a review must be a mapping with id, status and note");
            }
            var id = YamlText.Scalar(entry, "id") ?? throw new InputException(file, line, "a review has no id");
            var statusText = YamlText.Scalar(entry, "status") ?? throw new InputException(file, line, $"review {id} has no status (explained, accepted or fixed)");
            var status = statusText.ToLowerInvariant() switch
            {
                "explained" => DiscrepancyStatus.Explained,
                "accepted" => DiscrepancyStatus.Accepted,
                "fixed" => DiscrepancyStatus.Fixed,
                _ => throw new InputException(file, line, $"review {id} has status '{statusText}'; expected explained, accepted or fixed"),
            };
            var offset = lines.LineStart(line) + (int)item.Start.Column - 1;
            entries.Add(new ReviewEntry(id, status, YamlText.Scalar(entry, "note"), lines.Span(offset, offset + id.Length)));
        }
        return entries.ToImmutable();
    }
}
