using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace CiteCheck.Parsing.Syntax;

/// <summary>
/// Gives every heading an id, kept on the heading as Markdig's auto-identifiers keep theirs (<c>GetAttributes().Id</c>):
/// Markdig's own slug of the heading's text (<see cref="LinkHelper.Urilize(string, bool, bool)"/>, ASCII only, opening
/// digits kept, <c>.</c> and <c>_</c> left out), <c>section</c> when nothing is left, and <c>-1</c>, <c>-2</c>, … after a
/// repeated one.
/// </summary>
/// <remarks>
/// Markdig's <c>UseAutoIdentifiers()</c> is not used as it is, for two reasons (both measured with Markdig 1.6.0): it
/// drops a heading's opening digits (<c>### 2019</c> becomes <c>section</c>, so a timeline's year headings would lose
/// their ids), and it looks for a free suffix from <c>-1</c> up for every repeated heading, so 8,000 identical headings
/// took 54 s. Here the next suffix to try is kept for each slug: a suffix once taken stays taken, so the search resumes
/// where the last one stopped and the ids are those the other search would give.
/// </remarks>
public sealed class HeadingIdExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (pipeline.BlockParsers.Find<HeadingBlockParser>() is { } headings)
        {
            headings.Closed -= HeadingClosed;
            headings.Closed += HeadingClosed;
        }
        if (pipeline.BlockParsers.FindExact<ParagraphBlockParser>() is { } paragraphs)
        {
            // A setext heading ("Title\n=====") is closed by the paragraph parser.
            paragraphs.Closed -= HeadingClosed;
            paragraphs.Closed += HeadingClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        // The id is on the heading; renderers that write attributes pick it up.
    }

    private static void HeadingClosed(BlockProcessor processor, Block block)
    {
        if (block is HeadingBlock heading)
        {
            heading.ProcessInlinesEnd += (inlines, _) => AssignId(inlines.Document, heading);
        }
    }

    private static void AssignId(MarkdownDocument document, HeadingBlock heading)
    {
        var attributes = heading.GetAttributes();
        if (attributes.Id is not null)
        {
            return;
        }
        if (document.GetData(typeof(HeadingIds)) is not HeadingIds ids)
        {
            ids = new HeadingIds();
            document.SetData(typeof(HeadingIds), ids);
        }
        var text = heading.Inline is null ? "" : SyntaxText.Plain(heading.Inline).Trim();
        attributes.Id = ids.Take(Slug(Prepare(text)));
    }

    /// <summary>
    /// Markdig's slug; where Markdig 1.6's <c>Urilize</c> fails on a heading (it indexes past its buffer on some runs of
    /// combining marks after letters it drops, found by the property tests), the same rule by hand: ASCII letters and
    /// digits lower-cased, runs of anything else one <c>-</c>.
    /// </summary>
    private static string Slug(string text)
    {
        try
        {
            return LinkHelper.Urilize(text, allowOnlyAscii: true, keepOpeningDigits: true);
        }
        catch (IndexOutOfRangeException)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var c in text.Normalize(NormalizationForm.FormD))
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    sb.Append(char.ToLowerInvariant(c));
                }
                else if (c is ' ' or '-' && sb.Length > 0 && sb[^1] != '-')
                {
                    sb.Append('-');
                }
            }
            return sb.ToString().Trim('-');
        }
    }

    /// <summary>
    /// The heading's text as the slug should see it: without <c>.</c> and <c>_</c>, which Markdig would keep
    /// (<c>Phase 2.1 results</c> would become <c>phase-2.1-results</c>; CiteCheck's ids have always been letters, digits
    /// and <c>-</c>: <c>phase-21-results</c>), and from its first letter or digit, so that opening digits after a bracket
    /// or a quote are kept too.
    /// </summary>
    private static string Prepare(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '.' or '_' || (sb.Length == 0 && !char.IsLetterOrDigit(c)))
            {
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The ids given so far in one document, and for each slug the next suffix to try.</summary>
    private sealed class HeadingIds
    {
        private readonly HashSet<string> _taken = [];
        private readonly Dictionary<string, int> _nextSuffix = [];

        public string Take(string slug)
        {
            if (slug.Length == 0)
            {
                slug = "section";
            }
            if (_taken.Add(slug))
            {
                return slug;
            }
            var k = _nextSuffix.GetValueOrDefault(slug, 1);
            string unique;
            do
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{slug}-{k++}");
            }
            while (!_taken.Add(unique));
            _nextSuffix[slug] = k;
            return unique;
        }
    }
}
