using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Syntax;

namespace CiteCheck.Parsing.Syntax;

/// <summary>
/// The report's citation syntax as a Markdig extension (docs/format.md, "Citations"): the numbered citation
/// <c>[Label](url) [12]</c>, the reference to an undefined footnote and the malformed number become typed inline nodes
/// (<see cref="CitationInlineParser"/>); each paragraph's closing source group is found once its inlines are parsed
/// (<see cref="SourceGroupFinder"/>). Register it after <c>UseFootnotes()</c>, whose references it leaves to Markdig.
/// </summary>
public sealed class CitationExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!pipeline.InlineParsers.Contains<CitationInlineParser>())
        {
            // Ahead of the link parser, which would otherwise take "[12]" as the start of a link.
            if (!pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationInlineParser()))
            {
                pipeline.InlineParsers.Add(new CitationInlineParser());
            }
        }
        if (pipeline.BlockParsers.FindExact<ParagraphBlockParser>() is { } paragraphs)
        {
            paragraphs.Closed -= ParagraphClosed;
            paragraphs.Closed += ParagraphClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        // Nothing to render: CiteCheck draws its editions from the model, not from the syntax tree.
    }

    private static void ParagraphClosed(BlockProcessor processor, Block block)
    {
        if (block is ParagraphBlock paragraph)
        {
            paragraph.ProcessInlinesEnd += (_, _) => SourceGroupFinder.Find(paragraph);
        }
    }
}

public static class CitationPipelineExtensions
{
    /// <summary>
    /// Adds the citation syntax: numbered citations, undefined footnote references, malformed numbers, source groups.
    /// (Not <c>UseCitations()</c>: Markdig has an extension of that name, for <c>""cite""</c>.)
    /// </summary>
    public static MarkdownPipelineBuilder UseSourceCitations(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<CitationExtension>();
        return pipeline;
    }

    /// <summary>Gives every heading a unique id (<see cref="HeadingIdExtension"/>).</summary>
    public static MarkdownPipelineBuilder UseHeadingIds(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<HeadingIdExtension>();
        return pipeline;
    }
}
