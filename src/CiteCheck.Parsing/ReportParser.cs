using CiteCheck.Model;
using CiteCheck.Parsing.Building;
using CiteCheck.Parsing.Syntax;
using Markdig;

namespace CiteCheck.Parsing;

/// <summary>
/// Reads a Markdown report into the model in two steps. Markdig parses it (CommonMark with front matter, pipe tables and
/// footnotes) together with CiteCheck's own syntax (<see cref="CitationExtension"/>: numbered citations, undefined footnote
/// references, malformed numbers and closing source groups as typed nodes; <see cref="HeadingIdExtension"/>: heading ids);
/// then <see cref="ModelBuilder"/> walks the tree into sections, blocks, claims and citations. See docs/format.md.
/// </summary>
public static class ReportParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseFootnotes()
        .UseSourceCitations()
        .UseHeadingIds()
        .UsePreciseSourceLocation()
        .Build();

    public static ParseResult Parse(string file, string text, Bibliography? bibliography = null)
    {
        Markdig.Syntax.MarkdownDocument markdown;
        try
        {
            markdown = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            throw new InputException(file, null, "is nested too deeply (quotes, lists or brackets inside one another more than Markdig's 128 levels): flatten it");
        }
        if (markdown.Count == 0 || markdown[0] is not Markdig.Extensions.Yaml.YamlFrontMatterBlock)
        {
            FrontMatterGuard.ThrowIfUnclosed(file, text);
        }
        var result = new ModelBuilder(file, text).Build(markdown, bibliography);
        var invisible = InvisibleCharacters.Scan(file, text).ToList();
        return invisible.Count == 0 ? result : result with { Diagnostics = [.. result.Diagnostics, .. invisible] };
    }

    /// <summary>The syntax tree alone, with the citation nodes: for tests and tools that look at the parse itself.</summary>
    public static Markdig.Syntax.MarkdownDocument Syntax(string text) => Markdown.Parse(text, Pipeline);
}
