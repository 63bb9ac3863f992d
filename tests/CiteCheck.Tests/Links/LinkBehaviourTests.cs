using CiteCheck.Checks.Links;
using CiteCheck.Checks.Links.Cache;
using CiteCheck.Checks.Links.Http;
using CiteCheck.Model;
using CiteCheck.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CiteCheck.Tests.Links;

/// <summary>Politeness, the cache, offline runs, safety, the archive fallback and figure support, each against its own loopback server.</summary>
public sealed class LinkBehaviourTests
{
    [Fact]
    public async Task Per_host_limit_is_respected_as_the_server_counts_it()
    {
        using var server = LinkKit.StartServer();
        var inFlight = 0;
        var most = 0;
        var served = 0;
        server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/p/*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody(async _ =>
            {
                var now = Interlocked.Increment(ref inFlight);
                int seen;
                while ((seen = Volatile.Read(ref most)) < now && Interlocked.CompareExchange(ref most, now, seen) != seen)
                {
                }
                // Hold each answer until three are in flight (or all but the last few are served), so the test shows the
                // three slots in use whatever the machine's speed; a checker letting fewer through still ends, after 20 s.
                for (var waited = 0; waited < 2000 && Volatile.Read(ref inFlight) < 3 && Volatile.Read(ref served) < 10; waited++)
                {
                    await Task.Delay(10);
                }
                Interlocked.Increment(ref served);
                Interlocked.Decrement(ref inFlight);
                return LinkKit.Html("A page");
            }));
        var urls = Enumerable.Range(1, 12).Select(i => $"{server.Url}/p/{i}").ToList();
        var options = LinkKit.Fast with { Concurrency = 12, HostConcurrency = 3 };
        var (report, _) = await LinkKit.CheckAsync(LinkKit.Report(urls), options);
        Assert.All(report.Results, r => LinkAssert.State(LinkState.Ok, r));
        Assert.Equal(12, server.LogEntries.Count);
        Assert.Equal(3, most); // never more than three at once, and the three slots were used
    }

    [Fact]
    public async Task Minimum_interval_spaces_the_starts_of_requests_to_one_host()
    {
        var time = new ManualTime();
        using var gate = new HostGate(5, TimeSpan.FromMilliseconds(200), time);
        var token = TestContext.Current.CancellationToken;
        var entries = Enumerable.Range(0, 4).Select(_ => gate.EnterAsync(token).AsTask()).ToList();
        (await entries[0]).Dispose(); // the first starts at once
        for (var i = 1; i < 4; i++)
        {
            Assert.All(entries.Skip(i), e => Assert.False(e.IsCompleted, "a start came before its interval"));
            time.Advance(TimeSpan.FromMilliseconds(199));
            Assert.All(entries.Skip(i), e => Assert.False(e.IsCompleted, "a start came before its interval"));
            time.Advance(TimeSpan.FromMilliseconds(1));
            (await entries[i]).Dispose();
        }
    }

    [Fact]
    public async Task Minimum_interval_holds_end_to_end()
    {
        using var server = LinkKit.StartServer();
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody(LinkKit.Html("A page")));
        var urls = Enumerable.Range(1, 5).Select(i => $"{server.Url}/i/{i}").ToList();
        var options = LinkKit.Fast with { Concurrency = 5, HostConcurrency = 5, HostInterval = TimeSpan.FromMilliseconds(200) };
        var time = new RecordingTime();
        var (report, _) = await LinkKit.CheckAsync(LinkKit.Report(urls), options, time: time);
        Assert.All(report.Results, r => LinkAssert.State(LinkState.Ok, r));
        Assert.Equal(5, server.LogEntries.Count);
        Assert.Contains(time.Timers, t => t > TimeSpan.Zero && t <= options.HostInterval * 4); // the gate held starts back
    }

    [Fact]
    public async Task Cache_hit_within_max_age_makes_no_request_and_an_old_entry_does()
    {
        using var server = LinkKit.StartServer();
        server.Given(Request.Create().WithPath("/cached").UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody(LinkKit.Html("Cached page")));
        var host = new MemoryHost();
        var cache = new LinkCache(host, ".citecheck/cache", TimeSpan.FromDays(1));
        var document = LinkKit.Report([server.Url + "/cached"], ["Cached page"]);

        var (first, _) = await LinkKit.CheckAsync(document, host: host, cache: cache);
        Assert.False(first.Results[0].Status.Cached);
        Assert.Single(host.Files);
        var requests = server.LogEntries.Count;
        Assert.True(requests >= 1);

        var (second, _) = await LinkKit.CheckAsync(document, host: host, cache: cache);
        LinkAssert.State(LinkState.Ok, second.Results[0]);
        Assert.True(second.Results[0].Status.Cached);
        Assert.Equal("Cached page", second.Results[0].Fetch!.Page!.Title);
        Assert.Equal(requests, server.LogEntries.Count); // no new request

        host.Offset = TimeSpan.FromDays(2);
        var (third, _) = await LinkKit.CheckAsync(document, host: host, cache: cache);
        Assert.False(third.Results[0].Status.Cached);
        Assert.True(server.LogEntries.Count > requests);
    }

    [Fact]
    public async Task Offline_makes_no_request_at_all_and_reads_any_age_from_the_cache()
    {
        using var server = LinkKit.StartServer();
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(404));
        var host = new MemoryHost();
        var cache = new LinkCache(host, "cache", TimeSpan.FromDays(1));
        var document = LinkKit.Report([server.Url + "/a", server.Url + "/b"]);

        var (empty, _) = await LinkKit.CheckAsync(document, host: host, cache: cache, offline: true);
        Assert.All(empty.Results, r => LinkAssert.State(LinkState.Excluded, r));
        Assert.Empty(empty.Diagnostics);
        Assert.Empty(server.LogEntries);
        Assert.Equal(0, host.HandlersCreated);

        var (online, _) = await LinkKit.CheckAsync(LinkKit.Report([server.Url + "/a"]), host: host, cache: cache);
        LinkAssert.State(LinkState.Broken, online.Results[0]);
        var requests = server.LogEntries.Count;
        var handlers = host.HandlersCreated;
        host.Offset = TimeSpan.FromDays(30);

        var (offline, _) = await LinkKit.CheckAsync(document, host: host, cache: cache, offline: true);
        LinkAssert.State(LinkState.Broken, offline.Results[0]);
        Assert.True(offline.Results[0].Status.Cached);
        LinkAssert.State(LinkState.Excluded, offline.Results[1]);
        Assert.Equal(requests, server.LogEntries.Count);
        Assert.Equal(handlers, host.HandlersCreated);
    }

    [Fact]
    public async Task Transient_failures_are_not_cached()
    {
        using var server = LinkKit.StartServer();
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(503));
        var host = new MemoryHost();
        var cache = new LinkCache(host, "cache", TimeSpan.FromDays(1));
        var (report, _) = await LinkKit.CheckAsync(LinkKit.Report([server.Url + "/down"]), LinkKit.Fast with { MaxRetries = 1 }, host, cache);
        LinkAssert.State(LinkState.Unreachable, report.Results[0]);
        Assert.Contains("503", report.Results[0].Status.Detail);
        Assert.Empty(host.Files);
    }

    [Fact]
    public async Task Loopback_is_refused_by_default_after_resolution_without_a_request()
    {
        using var server = LinkKit.StartServer();
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200));
        var port = new Uri(server.Url!).Port;
        var options = LinkKit.Fast with { AllowPrivateAddresses = false };
        var (report, _) = await LinkKit.CheckAsync(LinkKit.Report([$"http://localhost:{port}/x", $"http://127.0.0.1:{port}/y"]), options);
        Assert.All(report.Results, r =>
        {
            LinkAssert.State(LinkState.Unreachable, r);
            Assert.Contains("not public", r.Status.Detail);
            Assert.Equal(1, r.Fetch!.Attempts); // a refusal is not retried
        });
        Assert.Empty(server.LogEntries);
    }

    [Fact]
    public async Task Only_http_and_https_are_checked_and_placeholders_are_not_urls()
    {
        var document = LinkKit.Report(["ftp://example.org/file.pdf", "mailto:editor@example.org", "#", "relative/page.html"]);
        var (report, _) = await LinkKit.CheckAsync(document, host: new MemoryHost());
        Assert.Equal(3, report.Results.Length); // '#' is a placeholder, reported by CC1001
        Assert.All(report.Results, r => LinkAssert.State(LinkState.Excluded, r));
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public async Task Broken_link_with_a_live_archive_is_a_warning_saying_so()
    {
        using var server = LinkKit.StartServer();
        server.Given(Request.Create().WithPath("/live").UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(404));
        server.Given(Request.Create().WithPath("/web/2019/live").UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody(LinkKit.Html("Archived page")));
        server.Given(Request.Create().WithPath("/dead").UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(410));
        var document = LinkKit.Report([server.Url + "/live", server.Url + "/dead"], archives: [server.Url + "/web/2019/live", server.Url + "/web/missing"]);
        var (report, _) = await LinkKit.CheckAsync(document);
        var archived = report.Results[0];
        LinkAssert.State(LinkState.Broken, archived);
        Assert.True(archived.Status.ArchivedCopyOk);
        Assert.Contains("(archived copy ok)", archived.Status.ToString());
        Assert.False(report.Results[1].Status.ArchivedCopyOk);
        var severities = report.Diagnostics.Where(d => d.Id == "CC3001").OrderBy(d => d.Source).Select(d => (d.Source, d.Severity));
        Assert.Equal([("1", Severity.Warning), ("2", Severity.Error)], severities);
    }

    [Fact]
    public async Task Every_use_of_a_url_gets_the_finding()
    {
        using var server = LinkKit.StartServer();
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(404));
        var url = server.Url + "/twice";
        var document = Parse.Markdown($"# T\n\nOne. (Sources: [A]({url}) [1])\n\nTwo. (Sources: [A]({url}) [1])\n");
        var (report, _) = await LinkKit.CheckAsync(document);
        Assert.Single(report.Results);
        Assert.Equal(2, report.Results[0].Request.Uses.Length);
        Assert.Equal(2, report.Diagnostics.Length);
        Assert.NotEqual(report.Diagnostics[0].Location.Line, report.Diagnostics[1].Location.Line);
    }

    [Fact]
    public async Task Figure_not_in_the_cited_page_is_reported_at_the_claim()
    {
        using var server = LinkKit.StartServer();
        server.Given(Request.Create().WithPath("/fighters").UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html")
            .WithBody(LinkKit.Html("Foreign fighters", "<p>More than 1300 Tajiks have travelled to Syria; seven of them returned in 2019.</p>")));
        var claim = "Over 1,300 Tajiks left, 7 returned in 2019, and 85 percent were migrant workers.";
        var document = LinkKit.Report([server.Url + "/fighters"], claim: claim);
        var (report, _) = await LinkKit.CheckAsync(document);
        var d = Assert.Single(LinkAssert.Of(report, "figure-not-in-source"));
        Assert.Contains("'85'", d.Message);
        Assert.Equal(Severity.Info, d.Severity);
        Assert.Equal(document.Claims.First(c => c.Text.Contains("85", StringComparison.Ordinal)).Span, d.Location);
    }

    [Fact]
    public async Task Figure_check_waits_for_text_when_offline_and_uses_the_cached_page()
    {
        using var server = LinkKit.StartServer();
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html")
            .WithBody(LinkKit.Html("Poverty", "<p>29.5% live in poverty.</p>")));
        var host = new MemoryHost();
        var cache = new LinkCache(host, "cache", TimeSpan.FromDays(1));
        var document = LinkKit.Report([server.Url + "/poverty"], claim: "29.5 percent live in poverty and 14 percent in extreme poverty.");
        await LinkKit.CheckAsync(document, host: host, cache: cache);
        var requests = server.LogEntries.Count;
        var (offline, _) = await LinkKit.CheckAsync(document, host: host, cache: cache, offline: true);
        var d = Assert.Single(LinkAssert.Of(offline, "figure-not-in-source"));
        Assert.Contains("'14'", d.Message);
        Assert.Equal(requests, server.LogEntries.Count);
    }
}
