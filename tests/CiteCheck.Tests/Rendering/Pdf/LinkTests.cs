using CiteCheck.Rendering;
using CiteCheck.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Tokens;

namespace CiteCheck.Tests.Rendering.Pdf;

public sealed class LinkTests
{
    private const string Markdown = """
        # Links

        ## Body

        The [ministry's notice](https://example.org/notice) was published, and [a placeholder](#) was not. See [the body](#body) and [Reuters](https://reuters.example/story) [1] too. (Sources: [Agency](#) [2])
        """;

    [Fact]
    public void Http_links_are_clickable_placeholders_are_not_and_citations_go_to_their_entries()
    {
        var pdf = PdfRender.Render(Parse.Check(Markdown));
        using var document = PdfDocument.Open(pdf);
        var links = document.GetPages().SelectMany(p => p.GetAnnotations()).Where(a => a.Type == AnnotationType.Link).ToList();
        var uris = links.Select(a => a.Action).OfType<UriAction>().Select(a => a.Uri).ToList();
        // The two links of the text, and the source's address in the bibliography (inferred from the citation's link).
        Assert.Equal(["https://example.org/notice", "https://reuters.example/story", "https://reuters.example/story"], uris);
        var goTos = links.Where(a => a.Action is GoToAction).Select(a => ((StringToken)((DictionaryToken)a.AnnotationDictionary.Data["A"]).Data["D"]).Data).ToList();
        // The text's "#body", the superscripts of [1] and of [2] ("?2": the placeholder flag and its number are one link),
        // the contents (two sections, the bibliography, two appendices) and the entries' links back to their citations.
        Assert.Equal(["body", "bibliography", "discrepancies", "citation-health", "body", "source-1", "source-2", "cite-0", "cite-1"], goTos.Take(9));
        var text = PdfRender.Words(document.GetPage(1));
        // A link that leads nowhere is flagged "!", a placeholder citation "?", as in the HTML edition.
        Assert.Contains("and a placeholder! was not.", text, StringComparison.Ordinal);
        Assert.Contains("Reuters1 too.?2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sources:", text, StringComparison.Ordinal);
    }
}
