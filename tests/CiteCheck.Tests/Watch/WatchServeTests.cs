using System.Net;
using System.Text.Json;
using CiteCheck.Watch;
using CiteCheck.Watch.Serving;

namespace CiteCheck.Tests.Watch;

/// <summary>
/// watch --serve on a temporary copy of the sample, over loopback HTTP without a browser: the served page has the
/// reload script and the overlay and the file on disk has neither; a save is a new edition served; a broken save keeps
/// the last good edition served and shows its errors; the event stream announces each rebuild.
/// </summary>
public sealed class WatchServeTests : IAsyncLifetime
{
    private readonly WatchCopy _copy = new();
    private readonly StringWriter _out = new();
    private readonly HttpClient _http = new();
    private WatchSession _session = null!;

    public async ValueTask InitializeAsync()
    {
        _session = new WatchSession(WatchCopy.Host(), _copy.Options(serve: true), _out);
        await _session.StartAsync(TestContext.Current.CancellationToken);
        _ = _session.RunAsync(_stop.Token);
        _http.BaseAddress = _session.Address;
    }

    private readonly CancellationTokenSource _stop = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _session.DisposeAsync();
        _http.Dispose();
        _stop.Dispose();
        _copy.Dispose();
    }

    private Task<string> Get(string path) => _http.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    [Fact]
    public async Task It_serves_on_127_0_0_1_and_prints_the_address()
    {
        Assert.Equal("127.0.0.1", _session.Address!.Host);
        Assert.NotEqual(0, _session.Address.Port);
        Assert.Contains($"serving {_session.Address}report.html", _out.ToString(), StringComparison.Ordinal);
        Assert.Matches("edition 1: wrote .*report\\.html.* in \\d+ ms", _out.ToString());
        Assert.Contains("CC1001 placeholder-link", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_served_page_has_the_reload_script_and_the_overlay_and_the_written_file_has_neither()
    {
        var served = await Get("/report.html");
        Assert.Contains($"id=\"{PreviewPage.OverlayId}\"", served, StringComparison.Ordinal);
        Assert.Contains("<script nonce=", served, StringComparison.Ordinal);
        Assert.Contains("new EventSource('/_citecheck/events?version=", served, StringComparison.Ordinal);
        // The findings, each linking into the text: the placeholder links go to their citations.
        Assert.Matches("<li class=\"citecheck-error\"><a href=\"#cite-\\d+\"><span class=\"citecheck-where\">\\d+:\\d+</span> <span class=\"citecheck-rule\">error CC1001 placeholder-link", served);
        Assert.Contains("edition 1: 133 errors", served, StringComparison.Ordinal);
        var written = _copy.WrittenReportHtml();
        Assert.DoesNotContain(PreviewPage.OverlayId, written, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", written, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("EventSource", written, StringComparison.Ordinal);
        // Everything else is the page as written.
        Assert.StartsWith(written[..written.LastIndexOf("</body>", StringComparison.Ordinal)], served, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_overlay_link_names_an_id_the_page_has()
    {
        var served = await Get("/report.html");
        var ids = System.Text.RegularExpressions.Regex.Matches(served, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        var links = System.Text.RegularExpressions.Regex.Matches(served, "<li class=\"citecheck-[a-z]+\"><a href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.Contains(l, ids));
        // Discrepancies point at the sentence they are in, not at the appendix.
        Assert.Contains(links, l => l.StartsWith("claim-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_save_is_served_as_the_next_edition()
    {
        var version = _session.State.Current.Version;
        _copy.RenameOverview("Quokkaline");
        var snapshot = await WatchCopy.NextAsync(_session, version);
        Assert.Equal(BuildStatus.Built, snapshot.Last!.Status);
        Assert.Contains("Overview Quokkaline", await Get("/report.html"), StringComparison.Ordinal);
        Assert.Contains("Overview Quokkaline", _copy.WrittenReportHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_save_keeps_the_last_good_edition_served_and_shows_its_errors()
    {
        var version = _session.State.Current.Version;
        _copy.RenameOverview("Lastgood");
        version = (await WatchCopy.NextAsync(_session, version)).Version;
        var written = _copy.WrittenReportHtml();

        await File.WriteAllTextAsync(_copy.Sources, "sources:\n  - id: 1\n    publisher: [unclosed\n", TestContext.Current.CancellationToken);
        var snapshot = await WatchCopy.NextAsync(_session, version);
        Assert.Equal(BuildStatus.Failed, snapshot.Last!.Status);

        var served = await Get("/report.html");
        Assert.Contains("Overview Lastgood", served, StringComparison.Ordinal);
        Assert.Contains("citecheck-overlay--failed", served, StringComparison.Ordinal);
        Assert.Contains("the last save did not build: showing edition 2, the last good one", served, StringComparison.Ordinal);
        Assert.Matches("<li>citecheck: error: .*sources\\.yaml\\(\\d+\\): ", served);
        Assert.Equal(written, _copy.WrittenReportHtml());
        Assert.Matches("citecheck: error: .*sources\\.yaml\\(\\d+\\): ", _out.ToString());
        Assert.Contains("build failed; still showing edition 2, the last good one", _out.ToString(), StringComparison.Ordinal);

        using var status = JsonDocument.Parse(await Get(PreviewPage.StatusPath));
        Assert.Equal("failed", status.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, status.RootElement.GetProperty("edition").GetInt32());
    }

    [Fact]
    public async Task The_event_stream_announces_a_rebuild()
    {
        var version = _session.State.Current.Version;
        using var response = await _http.GetAsync(new Uri($"{PreviewPage.EventsPath}?version={version}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        _copy.RenameOverview("Numbat");
        string? line;
        while ((line = await reader.ReadLineAsync(TestContext.Current.CancellationToken)) is not null && line != "event: rebuilt")
        {
        }
        Assert.Equal("event: rebuilt", line);
        var data = await reader.ReadLineAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("data: {\"version\":", data, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"built\"", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_another_host_name_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/report.html");
        request.Headers.Host = "attacker.example";
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_written_check_json_is_served_as_it_is()
    {
        var json = await Get("/check.json");
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(_copy.Out, "check.json"), TestContext.Current.CancellationToken), json);
    }
}
