using CiteCheck.Rendering;
using CiteCheck.Tests.Support;

namespace CiteCheck.Tests.Rendering.Pdf;

/// <summary>
/// Regression: the front matter's values are claims, not body text (the PDF once printed them as a paragraph). Like
/// the HTML edition, the PDF shows them under the title, before the contents, and never in the body.
/// </summary>
public class FrontMatterTests
{
    [Fact]
    public void Front_matter_is_not_printed_in_the_body()
    {
        var report = Parse.Check("""
            ---
            title: Meridia
            population: 12.4 million
            ---

            # Meridia

            Meridia is a coastal republic of 12.4 million people. (Sources: [Reuters](https://example.org/a) [1])
            """);
        Assert.Contains(report.Document.Claims, c => c.Text == "population: 12.4 million");
        var text = string.Join("\n", PdfRender.PageTexts(PdfRender.Render(report)));
        Assert.Contains("coastal republic", text, StringComparison.Ordinal);
        var contents = text.IndexOf("Contents", StringComparison.Ordinal);
        Assert.InRange(text.IndexOf("population: 12.4 million", StringComparison.Ordinal), 0, contents);
        Assert.DoesNotContain("population:", text[contents..], StringComparison.Ordinal);
    }
}
