using System.Collections.Immutable;

namespace CiteCheck.Model;

/// <summary>Rich text of a block, as the renderers need it. Citations are their own inline.</summary>
public abstract record Inline(SourceSpan? Span);

public sealed record TextInline(string Text, SourceSpan? Span) : Inline(Span);

public sealed record EmphasisInline(bool Strong, ImmutableArray<Inline> Children, SourceSpan? Span) : Inline(Span);

public sealed record CodeInline(string Code, SourceSpan? Span) : Inline(Span);

public sealed record LinkInline(string Url, string? Title, ImmutableArray<Inline> Children, SourceSpan? Span) : Inline(Span);

public sealed record LineBreakInline(bool Hard, SourceSpan? Span) : Inline(Span);

/// <summary>Raw HTML written in the Markdown; the renderers sanitize or escape it.</summary>
public sealed record RawHtmlInline(string Html, SourceSpan? Span) : Inline(Span);

/// <summary>A citation, by its index in the block's <see cref="Block.Citations"/>.</summary>
public sealed record CitationInline(Citation Citation) : Inline(Citation.Span);

public static class InlineText
{
    public static string Plain(IEnumerable<Inline> inlines)
    {
        var sb = new System.Text.StringBuilder();
        Append(sb, inlines);
        return sb.ToString();
    }

    private static void Append(System.Text.StringBuilder sb, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t: sb.Append(t.Text); break;
                case CodeInline c: sb.Append(c.Code); break;
                case EmphasisInline e: Append(sb, e.Children); break;
                case LinkInline l: Append(sb, l.Children); break;
                case LineBreakInline: sb.Append(' '); break;
                case CitationInline c: sb.Append(c.Citation.Label); break;
            }
        }
    }
}
