using System.Globalization;
using System.Net.Http.Headers;
using CiteCheck.Checks.Links;
using CiteCheck.Checks.Links.Classification;
using CiteCheck.Checks.Links.Figures;
using CiteCheck.Checks.Links.Http;

namespace CiteCheck.Tests.Links;

/// <summary>The pure parts: figure matching, title similarity, soft-404 signs, Retry-After, address classes, option validation.</summary>
public sealed class LinkHeuristicsTests
{
    [Theory]
    [InlineData("1,300", "More than 1300 fighters", true)]
    [InlineData("1300", "More than 1,300 fighters", true)]
    [InlineData("1,300", "plus de 1 300 combattants", true)]
    [InlineData("1,300", "mehr als 1.300 Kämpfer", true)]
    [InlineData("seven", "7 cyclists were hit", true)]
    [InlineData("7", "seven cyclists were hit", true)]
    [InlineData("1.5 million", "1,500,000 people were displaced", true)]
    [InlineData("1,500,000", "1.5 million people were displaced", true)]
    [InlineData("29.5", "29.5% of the population", true)]
    [InlineData("1,300", "13 fighters and 300 others", false)]
    [InlineData("85", "850 workers", false)]
    [InlineData("2018", "in 2019", false)]
    public void Figures_match_however_they_are_written(string written, string page, bool found)
    {
        var figure = new FigureMention(written, []);
        Assert.Equal(found, FigureSupportCheck.Contains(page, FigureText.Index(page), figure));
    }

    [Fact]
    public void Default_figure_source_takes_numbers_percentages_years_and_number_words()
    {
        var document = LinkKit.Report(["https://example.org/a"], claim: "On July 29, 2018, seven tourists were hit; over 1,300 Tajiks and 29.5 percent of 2 groups.");
        var claim = document.Claims.First(c => c.Text.Contains("tourists", StringComparison.Ordinal));
        var figures = new SimpleFigureSource().FiguresOf(claim).Select(f => f.Written).ToList();
        Assert.Equal(["29", "2018", "1,300", "29.5", "seven"], figures);
    }

    [Theory]
    [InlineData("Tajikistan prison riot leaves 32 dead", "Tajikistan: prison riot leaves 32 dead - BBC News", true)]
    [InlineData("Freedom in the World 2020: Tajikistan", "Tajikistan: Freedom in the World 2020 Country Report | Freedom House", true)]
    [InlineData("Organisation of the Islamic Cooperation", "Organization of the Islamic Cooperation", true)]
    [InlineData("Tajikistan prison riot leaves 32 dead", "Ten summer salad recipes | Good Food", false)]
    [InlineData("Country Reports on Terrorism 2019: Tajikistan", "Home", false)]
    public void Titles_match_fuzzily_above_the_threshold(string bibliography, string page, bool same)
    {
        var info = new PageInfo("text/html", page, null, null, "", null, false);
        var best = TitleMatcher.Best([bibliography], info);
        Assert.NotNull(best);
        Assert.Equal(same, best.Value.Score >= new LinkCheckOptions().TitleThreshold);
    }

    [Theory]
    [InlineData("Page Not Found | Example", true)]
    [InlineData("404", true)]
    [InlineData("Error 404 - The Daily", true)]
    [InlineData("This article is no longer available", true)]
    [InlineData("Sorry, the page you requested does not exist", true)]
    [InlineData("Seite nicht gefunden", true)]
    [InlineData("Tajikistan: 404 days in detention", false)]
    [InlineData("Found: the missing cyclists", false)]
    [InlineData("Prison riot in Vakhdat", false)]
    public void Soft_404_titles(string title, bool soft)
    {
        var request = new LinkRequest("https://example.org/a/b", new Uri("https://example.org/a/b"), "https://example.org/a/b", []);
        var fetch = new FetchResult(FetchOutcome.Answered, 200, request.Key, request.Key, DateTimeOffset.UnixEpoch) { Page = new PageInfo("text/html", title, null, null, "", "", false) };
        Assert.Equal(soft, Soft404Classifier.Check(request, fetch) is not null);
    }

    [Theory]
    [InlineData("https://example.org/", true)]
    [InlineData("https://example.org/en/", true)]
    [InlineData("https://example.org/index.html", true)]
    [InlineData("https://example.org/news/2019/riot", false)]
    [InlineData("https://example.org/?p=123", false)]
    public void Home_pages(string url, bool home) => Assert.Equal(home, Soft404Classifier.IsHome(new Uri(url)));

    [Theory]
    [InlineData("https://example.org/news/2019/story-123", false)]
    [InlineData("https://example.org/en/news/story-123", false)]
    [InlineData("https://example.org/story-123.html", false)]
    [InlineData("https://example.org/", true)]
    [InlineData("https://example.org/en/", true)]
    [InlineData("https://example.org/index.html", true)]
    public void Deep_link_is_gone_only_when_its_redirects_end_at_the_home_page(string final, bool soft)
    {
        const string asked = "https://example.org/old/story-123";
        var request = new LinkRequest(asked, new Uri(asked), asked, []);
        var fetch = new FetchResult(FetchOutcome.Answered, 200, asked, final, DateTimeOffset.UnixEpoch)
        {
            Redirects = [new Redirect(asked, 301, "https://example.org/tmp/story-123"), new Redirect("https://example.org/tmp/story-123", 308, final)],
            Page = new PageInfo("text/html", "Prison riot in Vakhdat | The Daily", null, "Prison riot in Vakhdat", "", "Text.", false),
        };
        Assert.Equal(soft, Soft404Classifier.Check(request, fetch) is not null);
    }

    /// <summary>Messages read the same on every machine: a German locale does not turn "0.50" into "0,50".</summary>
    [Fact]
    public void Title_mismatch_message_does_not_depend_on_the_culture()
    {
        const string url = "https://example.org/story";
        var request = new LinkRequest(url, new Uri(url), url, []) { Titles = ["Tajikistan prison riot leaves 32 dead"] };
        var fetch = new FetchResult(FetchOutcome.Answered, 200, url, url, DateTimeOffset.UnixEpoch)
        {
            Page = new PageInfo("text/html", "Ten summer salad recipes", null, null, "", "Tomatoes.", false),
        };
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var status = LinkClassifier.Classify(request, fetch, new LinkCheckOptions());
            Assert.Equal(LinkState.TitleMismatch, status.State);
            Assert.Contains("below 0.50)", status.Detail, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Retry_after_reads_seconds_and_http_dates()
    {
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(7), LinkPipelineBuilder.RetryAfter(RetryConditionHeaderValue.Parse("7"), now));
        Assert.Equal(TimeSpan.FromSeconds(90), LinkPipelineBuilder.RetryAfter(RetryConditionHeaderValue.Parse("Wed, 01 Jan 2025 12:01:30 GMT"), now));
        Assert.Equal(TimeSpan.Zero, LinkPipelineBuilder.RetryAfter(RetryConditionHeaderValue.Parse("Wed, 01 Jan 2025 11:00:00 GMT"), now));
        Assert.Null(LinkPipelineBuilder.RetryAfter(null, now));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void Public_addresses(string address, bool isPublic) =>
        Assert.Equal(isPublic, AddressGuard.IsPublic(System.Net.IPAddress.Parse(address)));

    [Fact]
    public void Options_are_validated_when_the_checker_is_built()
    {
        var e = Assert.Throws<ArgumentException>(() => new LinkChecker(new CiteCheck.Checks.Links.Cache.OfflineLinkFetcher(new CiteCheck.Checks.Links.Cache.LinkCache(new MemoryHost(), "c", TimeSpan.Zero), new MemoryHost()), new LinkCheckOptions { HostConcurrency = 0 }));
        Assert.Contains("HostConcurrency", e.Message);
        Assert.Throws<ArgumentException>(() => new LinkCheckOptions { Timeout = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromSeconds(10) }.Validate());
        Assert.Throws<ArgumentException>(() => new LinkCheckOptions { MaxDecompressedBytes = 1024, MaxResponseBytes = 4096 }.Validate());
        Assert.Same(LinkKit.Fast, LinkKit.Fast.Validate());
    }

    [Fact]
    public void Collector_merges_uses_strips_fragments_and_keeps_titles_and_archives()
    {
        var document = LinkKit.Report(["https://example.org/a#part", "https://example.org/a", "https://example.org/b"], ["Title A", "Title A2", null], [null, "https://archive.example/a", null]);
        var requests = LinkCollector.Collect(document);
        Assert.Equal(["https://example.org/a", "https://example.org/b"], requests.Select(r => r.Key));
        Assert.Equal(["1", "2"], requests[0].SourceKeys);
        Assert.Equal(["Title A", "Title A2"], requests[0].Titles);
        Assert.Equal("https://archive.example/a", requests[0].Archive);
    }
}
