using CiteCheck.Cli;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CiteCheck.Tests.Links;

/// <summary>The commands end to end on a temporary folder: links, then check --links --offline from the cache it left.</summary>
public sealed class LinksCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("citecheck-links-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Links_then_check_links_offline_report_the_same_findings_from_the_cache()
    {
        using var server = LinkKit.StartServer();
        server.Given(Request.Create().WithPath("/ok").UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody(LinkKit.Html("Riot in Vakhdat")));
        server.Given(Request.Create().WithPath("/gone").UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(404));
        var report = Path.Combine(_dir, "report.md");
        File.WriteAllText(report, $"# R\n\nA riot broke out. (Sources: [Reuters]({server.Url}/ok) [1], [AP]({server.Url}/gone) [2], [EIU](#) [3])\n");
        var cache = Path.Combine(_dir, "cache");

        var (code, stdout, _) = Run("links", report, "--cache", cache, "--allow-private", "--timeout", "5s");
        Assert.Equal(1, code);
        Assert.Contains("error CC3001 broken-link: source 2", stdout);
        Assert.Contains("error CC1001 placeholder-link", stdout);
        Assert.Matches(@"(?m)^ok\s+http://\S+/ok\s+\(source 1\)", stdout);
        Assert.Equal(2, Directory.GetFiles(cache, "*.json").Length);
        var requests = server.LogEntries.Count;

        var (offlineCode, offlineOut, _) = Run("check", report, "--links", "--offline", "--cache", cache, "--format", "json");
        Assert.Equal(1, offlineCode);
        Assert.Contains("\"rule\": \"broken-link\"", offlineOut);
        Assert.Contains("[cached ", offlineOut);
        Assert.Equal(requests, server.LogEntries.Count);

        var (noLinks, plain, _) = Run("check", report, "--cache", cache);
        Assert.Equal(1, noLinks);
        Assert.DoesNotContain("CC3001", plain);
    }

    [Fact]
    public void Links_reads_the_report_and_its_links_only_not_the_review_file_or_the_other_checks()
    {
        var report = Path.Combine(_dir, "report.md");
        // A placeholder link (CC1001, which links reports), an unused source (CC1003, which it does not) and two claims
        // whose figures disagree (a discrepancy, which it does not compute); beside them a review file that cannot be read.
        File.WriteAllText(report, "# R\n\nThe riot of 2020 left 25 dead. (Sources: [EIU](#) [1])\n\nThe riot of 2020 left 31 dead. (Sources: [EIU](#) [1])\n");
        File.WriteAllText(Path.Combine(_dir, "sources.yaml"), "sources:\n  - id: 1\n    publisher: EIU\n  - id: 2\n    publisher: Unused\n");
        File.WriteAllText(Path.Combine(_dir, "review.yaml"), "reviews: [\n");

        var (checkCode, _, checkErr) = Run("check", report);
        Assert.Equal(2, checkCode);
        Assert.Contains("review.yaml", checkErr);

        var (code, stdout, _) = Run("links", report, "--cache", Path.Combine(_dir, "cache"));
        Assert.Equal(1, code);
        var ids = System.Text.RegularExpressions.Regex.Matches(stdout, @"CC\d{4}").Select(m => m.Value).Distinct();
        Assert.Equal(["CC1001"], ids);
        Assert.Contains("no URLs to check", stdout);
    }

    [Fact]
    public void Bad_durations_are_usage_errors()
    {
        var (code, _, stderr) = Run("links", Path.Combine(_dir, "none.md"), "--max-age", "soon");
        Assert.Equal(2, code);
        Assert.Contains("--max-age", stderr);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
