using System.Collections.Immutable;
using CiteCheck.Model;

namespace CiteCheck.Rendering;

/// <summary>
/// Inserts inlines into a block's inlines at file offsets (the end of a claim's sentence), using the spans the parser
/// kept: a text inline whose span matches its text is split at the offset; emphasis is entered; a link, citation or
/// text with entities is atomic and the insertion goes right after it. An offset past every inline goes at the end.
/// </summary>
internal static class InlineSplicer
{
    public static ImmutableArray<Inline> Insert(ImmutableArray<Inline> inlines, IEnumerable<(int Offset, Inline Inline)> insertions)
    {
        var pending = new Queue<(int Offset, Inline Inline)>(insertions.OrderBy(i => i.Offset));
        if (pending.Count == 0)
        {
            return inlines;
        }
        var result = Splice(inlines, pending);
        while (pending.Count > 0)
        {
            result.Add(pending.Dequeue().Inline);
        }
        return [.. result];
    }

    /// <summary>
    /// Cuts inlines at a file offset: what starts before it, and the rest. A text inline whose span matches its text is
    /// split there and an emphasis is split in two; any other inline that starts before the offset stays whole before it.
    /// </summary>
    public static (ImmutableArray<Inline> Before, ImmutableArray<Inline> After) Split(ImmutableArray<Inline> inlines, int offset)
    {
        var before = new List<Inline>();
        var after = new List<Inline>();
        foreach (var inline in inlines)
        {
            if (after.Count > 0 || inline.Span is { } s && s.Start.Offset >= offset)
            {
                after.Add(inline);
                continue;
            }
            if (inline.Span is not { } span || span.End.Offset <= offset)
            {
                before.Add(inline);
                continue;
            }
            switch (inline)
            {
                case TextInline text when span.End.Offset - span.Start.Offset == text.Text.Length:
                    var cut = offset - span.Start.Offset;
                    before.Add(new TextInline(text.Text[..cut], null));
                    after.Add(new TextInline(text.Text[cut..], null));
                    break;
                case EmphasisInline emphasis:
                    var (inside, outside) = Split(emphasis.Children, offset);
                    before.Add(emphasis with { Children = inside });
                    if (outside.Length > 0)
                    {
                        after.Add(emphasis with { Children = outside, Span = null });
                    }
                    break;
                default:
                    before.Add(inline);
                    break;
            }
        }
        return ([.. before], [.. after]);
    }

    private static List<Inline> Splice(ImmutableArray<Inline> inlines, Queue<(int Offset, Inline Inline)> pending)
    {
        var output = new List<Inline>();
        foreach (var inline in inlines)
        {
            if (inline.Span is not { } span)
            {
                output.Add(inline);
                continue;
            }
            var start = span.Start.Offset;
            var end = span.End.Offset;
            while (pending.Count > 0 && pending.Peek().Offset <= start)
            {
                output.Add(pending.Dequeue().Inline);
            }
            if (pending.Count == 0 || pending.Peek().Offset >= end)
            {
                output.Add(inline);
                continue;
            }
            switch (inline)
            {
                case TextInline text when end - start == text.Text.Length:
                    var from = 0;
                    while (pending.Count > 0 && pending.Peek().Offset < end)
                    {
                        var (offset, insert) = pending.Dequeue();
                        var cut = offset - start;
                        if (cut > from)
                        {
                            output.Add(new TextInline(text.Text[from..cut], null));
                            from = cut;
                        }
                        output.Add(insert);
                    }
                    if (from < text.Text.Length)
                    {
                        output.Add(new TextInline(text.Text[from..], null));
                    }
                    break;
                case EmphasisInline emphasis:
                    var inside = new Queue<(int, Inline)>();
                    while (pending.Count > 0 && pending.Peek().Offset < end)
                    {
                        inside.Enqueue(pending.Dequeue());
                    }
                    var children = Splice(emphasis.Children, inside);
                    // An offset on the closing delimiter lands after the emphasis, not inside it.
                    output.Add(emphasis with { Children = [.. children] });
                    while (inside.Count > 0)
                    {
                        output.Add(inside.Dequeue().Item2);
                    }
                    break;
                default:
                    output.Add(inline);
                    while (pending.Count > 0 && pending.Peek().Offset < end)
                    {
                        output.Add(pending.Dequeue().Inline);
                    }
                    break;
            }
        }
        return output;
    }
}
