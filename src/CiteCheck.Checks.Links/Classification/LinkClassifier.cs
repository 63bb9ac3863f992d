using System.Globalization;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links.Classification;

/// <summary>
/// Judges a fetch: a pure function of the request (its bibliography titles) and the fetch result, so cached results are
/// judged again on every run. HTTP answers first (404/410 and unknown hosts are broken; 401/403/451 blocked; 408/429/5xx and
/// failures unreachable; other 4xx broken; a 2xx body that cannot be decoded unreadable), then, for a 2xx page: too large (a body over a size cap, never parsed),
/// soft-404, title mismatch, permanent redirect, ok.
/// </summary>
public static class LinkClassifier
{
    public static readonly DiagnosticDescriptor BrokenLink = new("CC3001", "broken-link", "Linked page is gone", Severity.Error, "links");
    public static readonly DiagnosticDescriptor UnreachableLink = new("CC3002", "unreachable-link", "Linked page could not be reached", Severity.Warning, "links");
    public static readonly DiagnosticDescriptor BlockedLink = new("CC3005", "blocked-link", "Linked page refuses the checker", Severity.Warning, "links");
    public static readonly DiagnosticDescriptor RedirectedLink = new("CC3006", "redirected-link", "Link is permanently redirected", Severity.Info, "links");
    public static readonly DiagnosticDescriptor ResponseTooLarge = new("CC3008", "response-too-large", "Linked page is too large to read whole", Severity.Warning, "links");
    public static readonly DiagnosticDescriptor UnreadableResponse = new("CC3009", "unreadable-response", "Linked page answers with a body that cannot be read", Severity.Warning, "links");

    public static LinkStatus Classify(LinkRequest request, FetchResult fetch, LinkCheckOptions options)
    {
        var final = Uri.TryCreate(fetch.FinalUrl, UriKind.Absolute, out var f) ? f : null;
        var status = Judge(request, fetch, options) with { FinalUrl = final, Cached = fetch.FromCache };
        return status;
    }

    private static LinkStatus Judge(LinkRequest request, FetchResult fetch, LinkCheckOptions options)
    {
        switch (fetch.Outcome)
        {
            case FetchOutcome.NotCached:
                return new LinkStatus(LinkState.Excluded, null, "offline, and not in the cache");
            case FetchOutcome.Unreadable:
                return new LinkStatus(LinkState.Unreadable, fetch.Code, fetch.Cause ?? "its body cannot be decoded") { PermanentRedirect = PermanentTarget(fetch) };
            case FetchOutcome.NameNotResolved:
                return new LinkStatus(LinkState.Broken, null, fetch.Cause ?? "host not found");
            case FetchOutcome.Refused:
            case FetchOutcome.Failed:
            case FetchOutcome.RedirectLoop:
            case FetchOutcome.BadRedirect:
                return new LinkStatus(LinkState.Unreachable, fetch.Code, fetch.Cause ?? "gave up");
        }
        var code = fetch.Code ?? 0;
        switch (code)
        {
            case 404 or 410:
                return new LinkStatus(LinkState.Broken, code, fetch.Cause ?? $"HTTP {code}");
            case 401 or 403 or 451 or 999:
                return new LinkStatus(LinkState.Blocked, code, $"HTTP {code}: the site refuses automated requests or asks for a login; check it in a browser");
            case 408 or 429 or (>= 500 and <= 599):
                return new LinkStatus(LinkState.Unreachable, code, fetch.Cause ?? $"HTTP {code}");
            case >= 400 and <= 499:
                return new LinkStatus(LinkState.Broken, code, fetch.Cause ?? $"HTTP {code}");
            case < 200 or >= 300:
                return new LinkStatus(LinkState.Unreachable, code, fetch.Cause ?? $"unexpected HTTP {code}");
        }
        if (fetch.Page is { Truncated: true })
        {
            return new LinkStatus(LinkState.TooLarge, code, fetch.Cause ?? "its body is larger than a size cap") { PermanentRedirect = PermanentTarget(fetch) };
        }
        if (Soft404Classifier.Check(request, fetch) is { } soft)
        {
            return new LinkStatus(LinkState.Soft404, code, soft);
        }
        if (request.Titles.Length > 0 && fetch.Page is { } page && TitleMatcher.Best(request.Titles, page) is { } best && best.Score < options.TitleThreshold)
        {
            return new LinkStatus(LinkState.TitleMismatch, code, string.Create(CultureInfo.InvariantCulture, $"the page calls itself '{Shorten(page.Title ?? page.OgTitle ?? page.Heading ?? best.Candidate)}', not '{Shorten(request.Titles[0])}' (similarity {best.Score:0.00}, below {options.TitleThreshold:0.00})"));
        }
        if (PermanentTarget(fetch) is { } moved)
        {
            return new LinkStatus(LinkState.Redirected, code, $"permanently redirected to '{moved}'") { PermanentRedirect = moved };
        }
        return new LinkStatus(LinkState.Ok, code, "");
    }

    /// <summary>Where the leading run of permanent redirects (301, 308) ends: the URL the citation should now give.</summary>
    public static Uri? PermanentTarget(FetchResult fetch)
    {
        string? target = null;
        foreach (var r in fetch.Redirects)
        {
            if (!r.Permanent)
            {
                break;
            }
            target = r.To;
        }
        return target is not null && Uri.TryCreate(target, UriKind.Absolute, out var u) ? u : null;
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..87] + "...";
}
