using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CiteCheck.Compiler.Output;
using CiteCheck.Model;

namespace CiteCheck.Watch.Serving;

/// <summary>
/// The served form of an HTML page of the edition: the page as written, with the preview's overlay and live-reload
/// script put in before <c>&lt;/body&gt;</c>. The file on disk never has them. The overlay lists the last build's
/// findings (or, after a broken save, its errors above the last good edition), each linking to its place in the text;
/// the reader can close it (remembered until the findings change) and open it again from a small badge. The script
/// listens on <c>/_citecheck/events</c> (Server-Sent Events) and reloads the page after each rebuild, keeping the
/// reader's scroll position.
/// </summary>
public static class PreviewPage
{
    public const string OverlayId = "citecheck-overlay";
    public const string EventsPath = "/_citecheck/events";
    public const string StatusPath = "/_citecheck/status";

    /// <summary>At most this many findings are listed in the overlay (the edition's Appendix B has them all).</summary>
    public const int MaxListed = 500;

    /// <summary>The page with the overlay and script added; <paramref name="nonce"/> is the script's Content-Security-Policy nonce.</summary>
    public static string Inject(string html, PreviewState.Snapshot snapshot, string nonce)
    {
        var addition = Overlay(snapshot, html) + Script(snapshot.Version, nonce);
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + addition : string.Concat(html.AsSpan(0, end), addition, html.AsSpan(end));
    }

    private static string Overlay(PreviewState.Snapshot snapshot, string html)
    {
        var last = snapshot.Last;
        var report = snapshot.Report;
        var sb = new StringBuilder();
        var failed = last?.Status == BuildStatus.Failed;
        var findings = report?.Diagnostics ?? [];
        var errors = report?.Count(Severity.Error) ?? 0;
        var warnings = report?.Count(Severity.Warning) ?? 0;
        var signature = Signature(failed ? last!.Errors : findings.Select(TextOutput.Line));
        sb.Append("\n<aside id=\"").Append(OverlayId).Append("\" class=\"citecheck-overlay").Append(failed ? " citecheck-overlay--failed" : "")
            .Append("\" data-signature=\"").Append(signature).Append("\" data-version=\"").Append(Number(snapshot.Version))
            .Append("\" role=\"complementary\" aria-label=\"CiteCheck findings\">\n");
        sb.Append("<header><strong>CiteCheck</strong> ");
        if (failed)
        {
            sb.Append("<span class=\"citecheck-status\">the last save did not build: showing edition ").Append(Number(snapshot.Edition)).Append(", the last good one</span>");
        }
        else
        {
            sb.Append("<span class=\"citecheck-status\">edition ").Append(Number(snapshot.Edition)).Append(": ")
                .Append(Count(errors, "error", "errors")).Append(", ").Append(Count(warnings, "warning", "warnings"))
                .Append(", ").Append(Count(findings.Length - errors - warnings, "info finding", "info findings")).Append("</span>");
        }
        sb.Append("<button type=\"button\" class=\"citecheck-close\" aria-label=\"Close the findings\" title=\"Close\">&times;</button></header>\n");
        if (failed)
        {
            sb.Append("<ul class=\"citecheck-errors\">\n");
            foreach (var line in last!.Errors)
            {
                sb.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>\n");
            }
            sb.Append("</ul>\n");
        }
        else if (report is not null && findings.Length > 0)
        {
            var anchors = new FindingAnchors(report, html);
            sb.Append("<ol class=\"citecheck-findings\">\n");
            foreach (var finding in findings.Take(MaxListed))
            {
                sb.Append("<li class=\"citecheck-").Append(finding.Severity.Name()).Append("\"><a href=\"#").Append(WebUtility.HtmlEncode(anchors.For(finding))).Append("\">")
                    .Append("<span class=\"citecheck-where\">").Append(Number(finding.Location.Line)).Append(':').Append(Number(finding.Location.Column)).Append("</span> ")
                    .Append("<span class=\"citecheck-rule\">").Append(finding.Severity.Name()).Append(' ').Append(finding.Id).Append(' ').Append(finding.Rule).Append("</span> ")
                    .Append(WebUtility.HtmlEncode(finding.Message)).Append("</a></li>\n");
            }
            sb.Append("</ol>\n");
            if (findings.Length > MaxListed)
            {
                sb.Append("<p>").Append(Number(findings.Length - MaxListed)).Append(" more in <a href=\"#citation-health\">Appendix B</a>.</p>\n");
            }
        }
        sb.Append("</aside>\n<button type=\"button\" id=\"citecheck-badge\" class=\"citecheck-badge\" hidden>CiteCheck: ")
            .Append(failed ? "build failed" : Count(findings.Length, "finding", "findings")).Append("</button>\n");
        sb.Append(Style);
        return sb.ToString();
    }

    private static string Script(int version, string nonce) =>
        "<script nonce=\"" + nonce + "\">\n(function () {\n  var version = " + Number(version) + ";\n" + ScriptBody + "})();\n</script>\n";

    private const string ScriptBody = """
          var scrollKey = 'citecheck-scroll:' + location.pathname;
          var dismissKey = 'citecheck-dismissed';
          var overlay = document.getElementById('citecheck-overlay');
          var badge = document.getElementById('citecheck-badge');
          function store(key, value) { try { if (value === null) { sessionStorage.removeItem(key); } else { sessionStorage.setItem(key, value); } } catch (e) { } }
          function read(key) { try { return sessionStorage.getItem(key); } catch (e) { return null; } }
          var y = read(scrollKey);
          if (y !== null) { store(scrollKey, null); if (!location.hash) { window.scrollTo(0, Number(y)); } }
          function show(open) { overlay.hidden = !open; badge.hidden = open; }
          show(read(dismissKey) !== overlay.dataset.signature);
          overlay.querySelector('.citecheck-close').addEventListener('click', function () { store(dismissKey, overlay.dataset.signature); show(false); });
          badge.addEventListener('click', function () { store(dismissKey, null); show(true); });
          if (!window.EventSource) { return; }
          var events = new EventSource('/_citecheck/events?version=' + version);
          events.addEventListener('rebuilt', function () {
            events.close();
            store(scrollKey, String(window.scrollY));
            location.reload();
          });

        """;

    private const string Style = """
        <style>
        .citecheck-overlay { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483647; width: min(46rem, calc(100vw - 2rem)); max-height: 45vh;
          overflow: auto; background: #fff; color: #1a1a1a; border: 1px solid #999; border-left: 6px solid #b45309; border-radius: 6px;
          box-shadow: 0 6px 24px rgba(0,0,0,.25); font: 13px/1.4 system-ui, sans-serif; padding: .5rem .75rem; }
        .citecheck-overlay[hidden], .citecheck-badge[hidden] { display: none; }
        .citecheck-overlay--failed { border-left-color: #b91c1c; }
        .citecheck-overlay header { display: flex; gap: .5rem; align-items: baseline; position: sticky; top: -.5rem; background: #fff; padding: .25rem 0; }
        .citecheck-overlay .citecheck-status { flex: 1; }
        .citecheck-close { border: 0; background: none; font-size: 1.4rem; line-height: 1; cursor: pointer; }
        .citecheck-overlay ol, .citecheck-overlay ul { margin: .25rem 0; padding-left: 1.5rem; }
        .citecheck-overlay li { margin: .15rem 0; }
        .citecheck-overlay a { color: inherit; text-decoration: none; }
        .citecheck-overlay a:hover { text-decoration: underline; }
        .citecheck-error .citecheck-rule, .citecheck-errors li { color: #b91c1c; }
        .citecheck-warning .citecheck-rule { color: #b45309; }
        .citecheck-info .citecheck-rule { color: #1d4ed8; }
        .citecheck-where { font-variant-numeric: tabular-nums; color: #555; }
        .citecheck-errors { font-family: ui-monospace, monospace; white-space: pre-wrap; }
        .citecheck-badge { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483647; font: 13px system-ui, sans-serif; padding: .3rem .6rem;
          border: 1px solid #999; border-radius: 999px; background: #fff; cursor: pointer; }
        :target { outline: 3px solid #f59e0b; outline-offset: 2px; }
        </style>

        """;

    private static string Signature(IEnumerable<string> lines) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))))[..16];

    private static string Count(int n, string one, string many) => $"{Number(n)} {(n == 1 ? one : many)}";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
