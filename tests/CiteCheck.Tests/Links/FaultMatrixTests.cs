using System.IO.Compression;
using System.Net.Sockets;
using System.Text;
using CiteCheck.Checks.Links;
using CiteCheck.Model;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CiteCheck.Tests.Links;

/// <summary>
/// One loopback server for the class; each test owns its paths. Every test asserts the verdict and what the configured
/// behaviour implies (requests the server saw, attempts, the timeout that fired), never how long the run took: time is
/// bounded by the timeouts a test configures, not by the machine's speed.
/// </summary>
public sealed class LinkServerFixture : IDisposable
{
    public WireMockServer Server { get; } = LinkKit.StartServer();

    public void Dispose() => Server.Stop();
}

public sealed class FaultMatrixTests(LinkServerFixture fixture) : IClassFixture<LinkServerFixture>
{
    private WireMockServer Server => fixture.Server;

    private string Url(string path) => Server.Url + path;

    private void Page(string path, int status, string? body = null, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/html; charset=utf-8");
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }
        Server.Given(Request.Create().WithPath(path).UsingAnyMethod()).RespondWith(body is null ? response : response.WithBody(body));
    }

    [Fact]
    public async Task Ok_200()
    {
        Page("/ok", 200, LinkKit.Html("Prison riot in Vakhdat | Reuters"));
        var result = await LinkKit.CheckOneAsync(Url("/ok"), "Prison riot in Vakhdat");
        LinkAssert.State(LinkState.Ok, result);
        Assert.Equal(200, result.Status.Code);
        Assert.Equal("Prison riot in Vakhdat | Reuters", result.Fetch!.Page!.Title);
    }

    [Fact]
    public async Task Permanent_redirect_chain_301_308_200_is_redirected_with_the_new_url()
    {
        Page("/chain/a", 301, null, ("Location", "/chain/b"));
        Page("/chain/b", 308, null, ("Location", "/chain/c"));
        Page("/chain/c", 200, LinkKit.Html("The page"));
        var result = await LinkKit.CheckOneAsync(Url("/chain/a"));
        LinkAssert.State(LinkState.Redirected, result);
        Assert.Equal(Url("/chain/c"), result.Status.PermanentRedirect?.AbsoluteUri);
        Assert.Equal([301, 308], result.Fetch!.Redirects.Select(r => r.Code));
    }

    [Fact]
    public async Task Redirect_loop_is_unreachable_and_detected_without_running_to_the_limit()
    {
        Page("/loop/a", 302, null, ("Location", "/loop/b"));
        Page("/loop/b", 302, null, ("Location", "/loop/a"));
        var result = await LinkKit.CheckOneAsync(Url("/loop/a"));
        LinkAssert.State(LinkState.Unreachable, result);
        Assert.Contains("redirect loop", result.Status.Detail);
        Assert.Equal(1, LinkKit.RequestsTo(Server, "/loop/a"));
    }

    [Fact]
    public async Task Bot_wall_403_is_blocked_a_warning_not_an_error()
    {
        Page("/wall", 403, LinkKit.Html("Just a moment..."));
        var (report, _) = await LinkKit.CheckAsync(LinkKit.Report([Url("/wall")]));
        LinkAssert.State(LinkState.Blocked, Assert.Single(report.Results));
        Assert.Equal(Severity.Warning, Assert.Single(report.Diagnostics).Severity);
        Assert.Equal("blocked-link", report.Diagnostics[0].Rule);
        Assert.Equal(1, LinkKit.RequestsTo(Server, "/wall")); // 403 is not retried
    }

    [Fact]
    public async Task Not_found_404_is_broken_and_reported_at_the_citation()
    {
        Page("/gone404", 404, LinkKit.Html("Not Found"));
        var document = LinkKit.Report([Url("/gone404")]);
        var (report, _) = await LinkKit.CheckAsync(document);
        LinkAssert.State(LinkState.Broken, Assert.Single(report.Results));
        var d = Assert.Single(report.Diagnostics);
        Assert.Equal(("CC3001", Severity.Error), (d.Id, d.Severity));
        Assert.Equal(document.Citations.Single().TargetSpan, d.Location);
        Assert.Equal(1, LinkKit.RequestsTo(Server, "/gone404"));
    }

    [Fact]
    public async Task Gone_410_is_broken()
    {
        Page("/gone410", 410);
        var result = await LinkKit.CheckOneAsync(Url("/gone410"));
        LinkAssert.State(LinkState.Broken, result);
        Assert.Equal(410, result.Status.Code);
    }

    [Fact]
    public async Task Too_many_requests_with_retry_after_1_is_waited_out_then_ok()
    {
        Server.Given(Request.Create().WithPath("/busy").UsingAnyMethod()).InScenario("busy").WillSetStateTo("served")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        Server.Given(Request.Create().WithPath("/busy").UsingAnyMethod()).InScenario("busy").WhenStateIs("served")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody(LinkKit.Html("Busy page")));
        var time = new RecordingTime();
        var result = await LinkKit.CheckOneAsync(Url("/busy"), time: time);
        LinkAssert.State(LinkState.Ok, result);
        Assert.Equal(2, LinkKit.RequestsTo(Server, "/busy"));
        // The one wait under the timeouts is the server's second, exactly: no backoff added on top of Retry-After.
        Assert.Equal([TimeSpan.FromSeconds(1)], time.Timers.Where(t => t < LinkKit.Fast.Timeout));
    }

    [Fact]
    public async Task Too_many_requests_twice_is_waited_out_twice_then_ok()
    {
        Server.Given(Request.Create().WithPath("/busy2").UsingAnyMethod()).InScenario("busy2").WillSetStateTo("one")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        Server.Given(Request.Create().WithPath("/busy2").UsingAnyMethod()).InScenario("busy2").WhenStateIs("one").WillSetStateTo("two")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        Server.Given(Request.Create().WithPath("/busy2").UsingAnyMethod()).InScenario("busy2").WhenStateIs("two")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody(LinkKit.Html("Busy page")));
        var time = new RecordingTime();
        var result = await LinkKit.CheckOneAsync(Url("/busy2"), time: time);
        LinkAssert.State(LinkState.Ok, result);
        Assert.Equal(3, result.Fetch!.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], time.Timers.Where(t => t < LinkKit.Fast.Timeout));
    }

    [Fact]
    public async Task Service_unavailable_twice_then_ok_is_retried_with_backoff()
    {
        Server.Given(Request.Create().WithPath("/flaky").UsingAnyMethod()).InScenario("flaky").WillSetStateTo("one")
            .RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().WithPath("/flaky").UsingAnyMethod()).InScenario("flaky").WhenStateIs("one").WillSetStateTo("two")
            .RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().WithPath("/flaky").UsingAnyMethod()).InScenario("flaky").WhenStateIs("two")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody(LinkKit.Html("Flaky page")));
        var result = await LinkKit.CheckOneAsync(Url("/flaky"));
        LinkAssert.State(LinkState.Ok, result);
        Assert.Equal(3, LinkKit.RequestsTo(Server, "/flaky"));
        Assert.Equal(3, result.Fetch!.Attempts);
    }

    [Fact]
    public async Task Response_slower_than_the_timeout_is_unreachable_after_bounded_retries()
    {
        Server.Given(Request.Create().WithPath("/slow").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(LinkKit.Html("Slow")).WithDelay(TimeSpan.FromSeconds(3)));
        var options = LinkKit.Fast with { Timeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1 };
        var result = await LinkKit.CheckOneAsync(Url("/slow"), options: options);
        LinkAssert.State(LinkState.Unreachable, result);
        Assert.Contains($"timed out after {options.Timeout.TotalSeconds:0.###}s", result.Status.Detail); // the attempt timeout cut the 3 s answer
        Assert.Equal(2, result.Fetch!.Attempts); // the first attempt and the one retry configured
    }

    [Fact]
    public async Task Body_that_stalls_is_cut_by_the_attempt_timeout()
    {
        using var raw = new RawServer(async (socket, token) =>
        {
            await RawServer.ReadRequestAsync(socket, token);
            await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><head><title>Stall"), token);
            await Task.Delay(Timeout.Infinite, token);
        });
        var options = LinkKit.Fast with { Timeout = TimeSpan.FromMilliseconds(400), MaxRetries = 1 };
        var result = await LinkKit.CheckOneAsync(raw.Url + "/stall", options: options);
        LinkAssert.State(LinkState.Unreachable, result);
        Assert.Contains($"timed out after {options.Timeout.TotalSeconds:0.###}s", result.Status.Detail);
        Assert.Equal(2, raw.Connections);
    }

    [Fact]
    public async Task Connection_reset_is_retried_then_unreachable_with_the_cause()
    {
        using var raw = new RawServer(async (socket, token) =>
        {
            await RawServer.ReadRequestAsync(socket, token);
            socket.LingerState = new LingerOption(true, 0); // close with RST
            socket.Close();
        });
        var result = await LinkKit.CheckOneAsync(raw.Url + "/reset");
        LinkAssert.State(LinkState.Unreachable, result);
        Assert.Contains("connection", result.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, raw.Connections); // first attempt + 2 retries
    }

    [Fact]
    public async Task Oversized_body_is_not_read_past_the_cap_and_is_response_too_large()
    {
        // Parsed, its title would make a soft 404 and a title mismatch: neither may be judged from a part of the page.
        var big = LinkKit.Html("Page not found", "<p>" + new string('x', 3 * 1024 * 1024) + "</p>");
        Page("/big", 200, big);
        var options = LinkKit.Fast with { MaxResponseBytes = 64 * 1024, MaxDecompressedBytes = 64 * 1024 };
        var document = LinkKit.Report([Url("/big")], ["A very long page"]);
        var (report, _) = await LinkKit.CheckAsync(document, options);
        var result = Assert.Single(report.Results);
        LinkAssert.State(LinkState.TooLarge, result);
        Assert.Contains("larger than the 64 KiB read cap", result.Status.Detail);
        Assert.Equal(new PageInfo("text/html", null, null, null, "", null, true), result.Fetch!.Page);
        var d = Assert.Single(report.Diagnostics);
        Assert.Equal(("CC3008", "response-too-large", Severity.Warning), (d.Id, d.Rule, d.Severity));
        Assert.Equal(document.Citations.Single().TargetSpan, d.Location);
    }

    [Fact]
    public async Task Soft_404_page_served_with_200_is_an_error()
    {
        Page("/news/2019/riot", 200, LinkKit.Html("Page not found – The Daily", "<p>Sorry.</p>", "Oops! That page can’t be found."));
        var (report, _) = await LinkKit.CheckAsync(LinkKit.Report([Url("/news/2019/riot")], ["Prison riot kills 32"]));
        var result = Assert.Single(report.Results);
        LinkAssert.State(LinkState.Soft404, result);
        Assert.Contains("Page not found", result.Status.Detail);
        Assert.Equal(("CC3003", Severity.Error), (report.Diagnostics[0].Id, report.Diagnostics[0].Severity));
    }

    [Fact]
    public async Task Title_mismatch_is_a_warning_and_a_matching_title_is_not()
    {
        Page("/wrong", 200, LinkKit.Html("Ten summer salad recipes | Good Food", "<p>Tomatoes.</p>", "Ten summer salad recipes"));
        Page("/right", 200, LinkKit.Html("Tajikistan: prison riot leaves 32 dead - BBC News"));
        var (report, _) = await LinkKit.CheckAsync(LinkKit.Report(
            [Url("/wrong"), Url("/right")],
            ["Tajikistan prison riot leaves 32 dead", "Tajikistan prison riot leaves 32 dead"]));
        LinkAssert.State(LinkState.TitleMismatch, report.Results[0]);
        LinkAssert.State(LinkState.Ok, report.Results[1]);
        var d = Assert.Single(report.Diagnostics);
        Assert.Equal(("CC3004", Severity.Warning, "1"), (d.Id, d.Severity, d.Source));
    }

    [Fact]
    public async Task Deep_link_redirected_to_the_home_page_is_a_soft_404()
    {
        Page("/2018/07/30/world/asia/cyclists.html", 302, null, ("Location", "/"));
        Page("/", 200, LinkKit.Html("The Example Times - Breaking News"));
        var result = await LinkKit.CheckOneAsync(Url("/2018/07/30/world/asia/cyclists.html"));
        LinkAssert.State(LinkState.Soft404, result);
        Assert.Contains("home page", result.Status.Detail);
    }

    [Fact]
    public async Task Deep_link_moved_to_another_article_is_redirected_not_a_soft_404()
    {
        Page("/old/story-123", 301, null, ("Location", "/tmp/story-123"));
        Page("/tmp/story-123", 308, null, ("Location", "/news/2019/story-123"));
        Page("/news/2019/story-123", 200, LinkKit.Html(
            "Prison riot in Vakhdat leaves 32 dead | The Daily",
            "<p>Thirty-two people died in a riot at the prison in Vakhdat.</p><p>The authorities blamed militants.</p>",
            "Prison riot in Vakhdat leaves 32 dead"));
        var (report, _) = await LinkKit.CheckAsync(LinkKit.Report([Url("/old/story-123"), Url("/news/2019/story-123")]));
        Assert.Empty(LinkAssert.Of(report, "soft-404"));
        LinkAssert.State(LinkState.Redirected, report.Results[0]);
        Assert.Equal(Url("/news/2019/story-123"), report.Results[0].Status.PermanentRedirect?.AbsoluteUri);
        LinkAssert.State(LinkState.Ok, report.Results[1]);
        var d = Assert.Single(report.Diagnostics);
        Assert.Equal(("redirected-link", "1"), (d.Rule, d.Source));
        Assert.True(d.Severity <= Severity.Warning, $"a move to another article is {d.Severity}");
    }

    [Fact]
    public async Task Deep_link_moved_to_a_page_that_says_it_is_not_there_is_a_soft_404()
    {
        Page("/old/story-456", 301, null, ("Location", "/news/2019/story-456"));
        Page("/news/2019/story-456", 200, LinkKit.Html("Page not found | The Daily", "<p>Sorry.</p>"));
        var result = await LinkKit.CheckOneAsync(Url("/old/story-456"));
        LinkAssert.State(LinkState.Soft404, result);
        Assert.Contains("Page not found", result.Status.Detail);
    }

    [Fact]
    public async Task Gzip_bomb_past_the_decompressed_cap_is_response_too_large_and_never_parsed()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write("<html><head><title>Page not found</title></head><body><p>"u8);
            var zeros = new byte[1024 * 1024];
            Array.Fill(zeros, (byte)'0');
            for (var i = 0; i < 4; i++)
            {
                gzip.Write(zeros); // 4 MiB expanded: 64 times the cap below
            }
        }
        Server.Given(Request.Create().WithPath("/bomb").UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "text/html").WithHeader("Content-Encoding", "gzip").WithBody(compressed.ToArray()));
        var options = LinkKit.Fast with { MaxResponseBytes = 64 * 1024, MaxDecompressedBytes = 64 * 1024 };
        var document = LinkKit.Report([Url("/bomb")], ["Prison riot in Vakhdat"], claim: "The riot killed 32 people.");
        var (report, _) = await LinkKit.CheckAsync(document, options);
        Assert.True(compressed.Length < options.MaxResponseBytes, "the bomb must fit the wire cap, so that only the decompressed cap stops it");
        var result = Assert.Single(report.Results);
        LinkAssert.State(LinkState.TooLarge, result);
        Assert.Equal(200, result.Status.Code);
        Assert.Contains("expands to more than the 64 KiB decompression cap", result.Status.Detail);
        Assert.Equal(new PageInfo("text/html", null, null, null, "", null, true), result.Fetch!.Page); // never parsed: no title, no text
        var d = Assert.Single(report.Diagnostics); // no soft-404, title-mismatch or figure-not-in-source from the unread page
        Assert.Equal(("CC3008", "response-too-large", Severity.Warning, "1"), (d.Id, d.Rule, d.Severity, d.Source));
        Assert.Equal(document.Citations.Single().TargetSpan, d.Location);
        Assert.Contains("not read", d.Message);
    }

    [Fact]
    public async Task Corrupt_gzip_body_is_unreadable_response_naming_the_url_not_ok()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(LinkKit.Html("Prison riot in Vakhdat", "<p>" + new string('a', 20_000) + "</p>")));
        }
        var corrupt = compressed.ToArray();
        for (var i = 20; i < corrupt.Length - 8; i += 7)
        {
            corrupt[i] ^= 0x5A;
        }
        Server.Given(Request.Create().WithPath("/corrupt").UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "text/html").WithHeader("Content-Encoding", "gzip").WithBody(corrupt));
        var document = LinkKit.Report([Url("/corrupt")], ["Prison riot in Vakhdat"]);
        var (report, _) = await LinkKit.CheckAsync(document);
        var result = Assert.Single(report.Results);
        LinkAssert.State(LinkState.Unreadable, result);
        var d = Assert.Single(report.Diagnostics);
        Assert.Equal(("CC3009", "unreadable-response", Severity.Warning), (d.Id, d.Rule, d.Severity));
        Assert.Equal(document.Citations.Single().TargetSpan, d.Location);
        Assert.Contains($"'{Url("/corrupt")}'", d.Message);
        Assert.Contains("gzip body is corrupt", d.Message);
    }

    [Fact]
    public async Task Page_of_a_million_tiny_elements_is_response_too_large_at_the_citation()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write("<html><head><title>Page not found</title></head><body>"u8);
            for (var i = 0; i < 1_000_000; i++)
            {
                gzip.Write("<i></i>"u8);
            }
        }
        Server.Given(Request.Create().WithPath("/elements").UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "text/html").WithHeader("Content-Encoding", "gzip").WithBody(compressed.ToArray()));
        var document = LinkKit.Report([Url("/elements")], ["Prison riot in Vakhdat"], claim: "The riot killed 32 people.");
        var (report, _) = await LinkKit.CheckAsync(document, LinkKit.Fast with { MaxElements = 100_000 });
        var result = Assert.Single(report.Results);
        LinkAssert.State(LinkState.TooLarge, result);
        Assert.Contains("more than 100,000 elements", result.Status.Detail);
        var d = Assert.Single(report.Diagnostics); // never judged: no soft-404 from its title, no figure finding
        Assert.Equal(("CC3008", "response-too-large"), (d.Id, d.Rule));
        Assert.Equal(document.Citations.Single().TargetSpan, d.Location);
    }

    [Fact]
    public async Task Redirects_at_the_limit_are_followed_and_one_past_it_is_unreachable()
    {
        Page("/hops/1", 302, null, ("Location", "/hops/2"));
        Page("/hops/2", 302, null, ("Location", "/hops/3"));
        Page("/hops/3", 302, null, ("Location", "/hops/4"));
        Page("/hops/4", 200, LinkKit.Html("Four hops away"));
        var options = LinkKit.Fast with { MaxRedirects = 3 };
        LinkAssert.State(LinkState.Ok, await LinkKit.CheckOneAsync(Url("/hops/1"), options: options));
        var past = await LinkKit.CheckOneAsync(Url("/hops/1"), options: options with { MaxRedirects = 2 });
        LinkAssert.State(LinkState.Unreachable, past);
        Assert.Contains("more than 2 redirects", past.Status.Detail);
    }

    [Fact]
    public async Task Retry_after_beyond_the_cap_is_given_up_at_once_naming_the_wait()
    {
        Page("/later", 429, null, ("Retry-After", "3600"));
        var time = new RecordingTime();
        var result = await LinkKit.CheckOneAsync(Url("/later"), time: time);
        LinkAssert.State(LinkState.Unreachable, result);
        Assert.Contains("asked to retry after 3600s", result.Status.Detail);
        Assert.Equal(1, LinkKit.RequestsTo(Server, "/later"));
        Assert.DoesNotContain(time.Timers, t => t < LinkKit.Fast.Timeout); // no wait at all
    }
}
