using System.Globalization;
using CiteCheck.Checks.Links.Classification;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links;

/// <summary>
/// Turns results into diagnostics, one at every place that uses the URL (lychee's model). A broken link whose archived copy
/// answers is lowered to a warning: the reader can still reach the source, but the citation should point at the archive.
/// </summary>
public static class LinkDiagnostics
{
    public static IEnumerable<Diagnostic> For(IEnumerable<LinkResult> results)
    {
        foreach (var r in results)
        {
            var s = r.Status;
            var rule = s.State switch
            {
                LinkState.Broken => LinkClassifier.BrokenLink,
                LinkState.Unreachable => LinkClassifier.UnreachableLink,
                LinkState.Blocked => LinkClassifier.BlockedLink,
                LinkState.Redirected => LinkClassifier.RedirectedLink,
                LinkState.Soft404 => Soft404Classifier.Rule,
                LinkState.TitleMismatch => TitleMatcher.Rule,
                LinkState.TooLarge => LinkClassifier.ResponseTooLarge,
                LinkState.Unreadable => LinkClassifier.UnreadableResponse,
                _ => null,
            };
            if (rule is null)
            {
                continue;
            }
            var message = Message(r);
            foreach (var use in r.Request.Uses)
            {
                var d = rule.Create(use.Span, $"source {use.SourceKey}: {message}", use.SourceKey);
                if (s.ArchivedCopyOk == true && d.Severity > Severity.Warning)
                {
                    d = d.WithSeverity(Severity.Warning);
                }
                yield return d;
            }
        }
    }

    private static string Message(LinkResult r)
    {
        var s = r.Status;
        var url = r.Request.Written;
        var verdict = s.State switch
        {
            LinkState.Broken => $"'{url}' is broken ({s.Detail})",
            LinkState.Unreachable => $"'{url}' could not be reached: {s.Detail}",
            LinkState.Blocked => $"'{url}' is blocked: {s.Detail}",
            LinkState.Redirected => $"'{url}' is {s.Detail}; update the link",
            LinkState.Soft404 => $"'{url}' answers but is not there: {s.Detail}",
            LinkState.TitleMismatch => $"'{url}' may be the wrong page: {s.Detail}",
            LinkState.TooLarge => $"'{url}' answers, but {s.Detail}, so it was not read: its title and figures are not checked"
                + (s.PermanentRedirect is { } moved ? $"; it is permanently redirected to '{moved}'" : ""),
            LinkState.Unreadable => $"'{url}' answers, but {s.Detail}, so it was not read: its title and figures are not checked"
                + (s.PermanentRedirect is { } target ? $"; it is permanently redirected to '{target}'" : ""),
            _ => $"'{url}': {s}",
        };
        if (s.ArchivedCopyOk is { } archived)
        {
            verdict += archived ? $"; the archived copy '{r.Request.Archive}' is ok (broken, archived copy ok)" : $"; the archived copy '{r.Request.Archive}' does not answer either";
        }
        if (s.Cached)
        {
            verdict += string.Create(CultureInfo.InvariantCulture, $" [cached {r.Fetch?.CheckedAt:yyyy-MM-dd}]");
        }
        return verdict;
    }
}
