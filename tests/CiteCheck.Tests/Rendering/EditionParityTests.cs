using AngleSharp.Html.Parser;
using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Html;
using CiteCheck.Rendering.Pdf;
using CiteCheck.Tests.Rendering.Pdf;
using CiteCheck.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace CiteCheck.Tests.Rendering;

/// <summary>
/// Both editions are drawn from one model and show the same things: for the sample and every spec document, the HTML
/// edition (read with AngleSharp) and the PDF edition (read with PdfPig: named destinations, link annotations and the
/// outline) list the same sources in the same order, the same discrepancies in the same groups, and the same anchors,
/// and link to the same ones.
/// </summary>
public sealed class EditionParityTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { Repo.Path("content", "tajikistan", "report.md") };
        var specs = Path.Combine(AppContext.BaseDirectory, "Specs");
        // A spec whose input is refused (<!-- expect: refused … -->) has no edition to compare.
        foreach (var file in Directory.EnumerateFiles(specs, "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "README.md" && !File.ReadAllText(f).Contains("expect: refused", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Html_and_pdf_list_the_same_sources_discrepancies_and_anchors(string path)
    {
        var sibling = Path.ChangeExtension(path, ".sources.yaml");
        var report = Pipeline.Compile(new PhysicalHost(), path, new CompileOptions { SourcesFile = File.Exists(sibling) ? sibling : null });
        var model = EditionModelBuilder.Build(report);
        var html = Html(model);
        Assert.True(model.AllAnchors().All(html.Anchors.Contains), $"{path}: the HTML edition lacks {string.Join(", ", model.AllAnchors().Where(a => !html.Anchors.Contains(a)))}");
        var pdf = Pdf(model);
        Assert.True(model.AllAnchors().All(pdf.Anchors.Contains), $"{path}: the PDF edition lacks {string.Join(", ", model.AllAnchors().Where(a => !pdf.Anchors.Contains(a)))}");

        // The model's view, which neither edition may drop or add to.
        var sources = model.Bibliography.Entries.Select(e => e.Anchor).ToList();
        var groups = model.Discrepancies.Groups.Select(g => g.Items.Select(i => i.Anchor).ToList()).ToList();
        var anchors = model.AllAnchors().ToHashSet(StringComparer.Ordinal);
        Assert.Equal(report.Document.Citations.Select(c => c.SourceKey).Distinct().Count(), model.Bibliography.Entries.Count(e => e.State != EntryState.Uncited));

        Assert.Equal(sources, html.Sources);
        Assert.Equal(sources, pdf.Sources);
        Assert.Equal(groups, html.Groups);
        Assert.Equal(groups, pdf.Groups);
        Assert.Equal(anchors.Order(StringComparer.Ordinal), html.Anchors.Where(anchors.Contains).Order(StringComparer.Ordinal));
        Assert.Equal(anchors.Order(StringComparer.Ordinal), pdf.Anchors.Order(StringComparer.Ordinal));
        // Every internal link of either edition leads to an anchor of the model, and both link to the same ones.
        Assert.Subset(anchors, pdf.LinkTargets);
        Assert.Subset(anchors, html.LinkTargets.Where(t => !EditionAnchors.Fixed.Contains(t)).ToHashSet());
        Assert.Equal(html.LinkTargets.Where(anchors.Contains).Order(StringComparer.Ordinal), pdf.LinkTargets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_sample_has_something_to_compare()
    {
        var report = Pipeline.Compile(new PhysicalHost(), Repo.Path("content", "tajikistan", "report.md"));
        var model = EditionModelBuilder.Build(report);
        Assert.Equal(97, model.Bibliography.Entries.Length);
        Assert.True(model.Discrepancies.Groups.Length >= 2);
        Assert.Contains(model.Discrepancies.Groups, g => g.Items.Length > 1);
        Assert.Contains(model.Blocks, b => b.MarkedClaims.Length > 0);
    }

    private sealed record Edition(List<string> Sources, List<List<string>> Groups, HashSet<string> Anchors, HashSet<string> LinkTargets);

    private static Edition Html(EditionModel model)
    {
        var pages = HtmlEditionRenderer.RenderPages(model, HtmlEditionFixture.Options(), new PhysicalHost());
        var html = new HtmlParser().ParseDocument(pages[HtmlEditionRenderer.ReportFile]);
        var sources = html.QuerySelectorAll("#bibliography li.source").Select(e => e.Id!).ToList();
        var groups = html.QuerySelectorAll("#discrepancies section.event").Select(g => g.QuerySelectorAll("article.discrepancy").Select(a => a.Id!).ToList()).ToList();
        var ids = html.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        var links = html.QuerySelectorAll("a[href^='#']").Select(a => Uri.UnescapeDataString(a.GetAttribute("href")![1..])).ToHashSet(StringComparer.Ordinal);
        return new Edition(sources, groups, ids, links);
    }

    private static Edition Pdf(EditionModel model)
    {
        var bytes = new PdfEditionRenderer(() => null).Render(model, PdfRender.Options(), new PhysicalHost()).Single().Content;
        using var document = PdfDocument.Open(bytes);
        var destinations = NamedDestinations(document);
        var pageOf = Enumerable.Range(1, document.NumberOfPages).ToDictionary(n => PageReference(document, n), n => n);
        // Reading order: page, then from the top down (PDF y grows upwards).
        double Order(string name) => pageOf[destinations[name].Page] * 10_000 - destinations[name].Top;
        var sources = destinations.Keys.Where(k => k.StartsWith("source-", StringComparison.Ordinal)).OrderBy(Order).ToList();
        // The groups of appendix A are the outline's entries under it; a discrepancy belongs to the last one above it.
        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var appendix = bookmarks.Roots.Single(r => r.Title == CiteCheck.Rendering.Pdf.Compose.ReportComposer.DiscrepanciesTitle);
        var headings = appendix.Children.OfType<DocumentBookmarkNode>().Select(n => n.PageNumber * 10_000 - n.Destination.Coordinates.Top!.Value).ToList();
        var groups = headings.Select(_ => new List<string>()).ToList();
        foreach (var name in destinations.Keys.Where(k => k.StartsWith("discrepancy-", StringComparison.Ordinal)).OrderBy(Order))
        {
            var at = Order(name);
            var group = headings.FindLastIndex(h => h <= at + 12.5); // a destination sits 12 pt above its line
            Assert.True(group >= 0, $"{name} is above every event heading of appendix A");
            groups[group].Add(name);
        }
        var links = document.GetPages().SelectMany(p => p.GetAnnotations())
            .Where(a => a.Type == AnnotationType.Link)
            .Select(a => a.AnnotationDictionary.TryGet(NameToken.A, out var action) ? Resolve(document, action) as DictionaryToken : null)
            .Where(a => a is not null && a.TryGet(NameToken.S, out var s) && s is NameToken { Data: "GoTo" })
            .Select(a => ((StringToken)Resolve(document, a!.Data["D"])).Data)
            .ToHashSet(StringComparer.Ordinal);
        return new Edition(sources, [.. groups.Where(g => g.Count > 0)], [.. destinations.Keys], links);
    }

    /// <summary>The catalog's /Names /Dests tree (one node, as the PDF edition writes it): name → (page object, top).</summary>
    private static Dictionary<string, (long Page, double Top)> NamedDestinations(PdfDocument document)
    {
        var result = new Dictionary<string, (long, double)>(StringComparer.Ordinal);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        if (!catalog.TryGet(NameToken.Names, out var namesToken))
        {
            return result;
        }
        var names = (DictionaryToken)Resolve(document, namesToken);
        var tree = (DictionaryToken)Resolve(document, names.Data["Dests"]);
        var array = (ArrayToken)Resolve(document, tree.Data["Names"]);
        for (var i = 0; i + 1 < array.Length; i += 2)
        {
            var name = ((StringToken)Resolve(document, array[i])).Data;
            var destination = (ArrayToken)Resolve(document, array[i + 1]);
            var page = ((IndirectReferenceToken)destination[0]).Data.ObjectNumber;
            result[name] = (page, ((NumericToken)destination[3]).Double);
        }
        return result;
    }

    private static long PageReference(PdfDocument document, int number)
    {
        var pages = (DictionaryToken)Resolve(document, document.Structure.Catalog.CatalogDictionary.Data["Pages"]);
        var kids = (ArrayToken)Resolve(document, pages.Data["Kids"]);
        return ((IndirectReferenceToken)kids[number - 1]).Data.ObjectNumber;
    }

    private static IToken Resolve(PdfDocument document, IToken token) =>
        token is IndirectReferenceToken reference ? Resolve(document, document.Structure.GetObject(reference.Data).Data) : token;
}
