using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Pdf;
using CiteCheck.Tests.Support;
using UglyToad.PdfPig;

namespace CiteCheck.Tests.Rendering.Pdf;

/// <summary>Renders reports with the PDF edition and reads the result back with PdfPig.</summary>
public static partial class PdfRender
{
    public static readonly DateTimeOffset BuildTime = DateTimeOffset.FromUnixTimeSeconds(1_717_200_000);

    public static EditionOptions Options(string paper = "a4") => new() { Paper = paper, BuildTime = BuildTime };

    public static byte[] Render(CheckedReport report, EditionOptions? options = null, IHost? host = null)
    {
        if (options?.FontPath is null && host is null && !SystemFontsPresent())
        {
            Assert.Skip("no DejaVu or Liberation fonts on this machine: install fonts-dejavu-core (.ci/run does) to run the PDF tests");
        }
        var files = new PdfEditionRenderer(() => null).Render(report, options ?? Options(), host ?? new PhysicalHost());
        var file = Assert.Single(files);
        Assert.Equal("report.pdf", file.Name);
        return file.Content;
    }

    /// <summary>Whether the native engine can find its fonts here (Debian's DejaVu or Liberation).</summary>
    public static bool SystemFontsPresent() =>
        File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
        || Directory.Exists("/usr/share/fonts/truetype/liberation") || Directory.Exists("/usr/share/fonts/truetype/liberation2");

    /// <summary>The sample report, checked, with two discrepancies written by hand from its real claims.</summary>
    public static CheckedReport SampleWithDiscrepancies()
    {
        var report = Pipeline.Compile(new PhysicalHost(), Repo.Path("content", "tajikistan", "report.md"));
        return report with
        {
            Discrepancies =
            [
                Discrepancy(report.Document, "vakhdat-riot", "Vakhdat prison riot, May 2019", "deaths", ("29 inmates and three prison guards", "32"), ("over 27 and 32 casualties", "32")),
                Discrepancy(report.Document, "khujand-riot", "Khujand prison riot, November 2018", "deaths", ("at least 27 people dead", "27"), ("killing 25 inmates and two security officers", "27")) with { Status = DiscrepancyStatus.Explained, Note = "The report gives the official figure and a non-governmental estimate." },
            ],
        };
    }

    /// <summary>A discrepancy between the claims containing the given phrases, each with the value it states.</summary>
    public static Discrepancy Discrepancy(Document document, string id, string subject, string measure, params (string Phrase, string Value)[] sides)
    {
        var claims = sides.Select((side, i) =>
        {
            var claim = document.Claims.First(c => c.Text.Contains(side.Phrase, StringComparison.Ordinal));
            var block = document.Blocks[claim.BlockIndex];
            return new DiscrepancyClaim(claim.Id, i, claim.Span, claim.Text, side.Value, claim.Sources, document.SectionOf(block)?.Title);
        }).ToImmutableArray();
        return new Discrepancy(id, DiscrepancyKind.Count, id, subject, measure, DiscrepancyStatus.Open, claims, null);
    }

    /// <summary>The text of each page in drawing order (see <see cref="Words"/>).</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(Words)];
    }

    /// <summary>
    /// A page's letters in the order they were drawn, with a space where one line or cell ends and the next begins
    /// (a new baseline, or a gap), and runs of whitespace collapsed: "Vakhdat prison riot, May 2019 deaths (count)".
    /// A superscript keeps to its word: "prior.1,2".
    /// </summary>
    public static string Words(UglyToad.PdfPig.Content.Page page)
    {
        var text = new System.Text.StringBuilder();
        UglyToad.PdfPig.Content.Letter? previous = null;
        foreach (var letter in page.Letters)
        {
            if (previous is not null && !string.IsNullOrWhiteSpace(previous.Value) && !string.IsNullOrWhiteSpace(letter.Value))
            {
                var size = Math.Max(previous.PointSize, letter.PointSize);
                var newLine = Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > 0.6 * size;
                var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                if (newLine || gap > 0.3 * size || gap < -0.5 * size)
                {
                    text.Append(' ');
                }
            }
            text.Append(letter.Value);
            previous = letter;
        }
        return Collapse(text.ToString());
    }

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
