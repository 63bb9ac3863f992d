using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CiteCheck.Model;
using Document = CiteCheck.Model.Document;

namespace CiteCheck.Rendering.Html.Verification;

/// <summary>
/// Checks the rendered pages with AngleSharp, as a browser would read them: every link to <c>#id</c> or
/// <c>page.html#id</c> (a page of the same edition) resolves to an element id (CC4001); ids are unique in a page
/// (CC4002); every citation of the model is an <c>a#cite-N</c> linking to its entry (CC4003); the bibliography of the
/// report page holds an entry for every cited source (CC4004); no script, event handler, or link other than http(s),
/// mailto or an internal one is present (CC4005). Locations are the page's line and column.
/// </summary>
public static class HtmlEditionVerifier
{
    /// <param name="pages">The pages by file name; <paramref name="reportPage"/> is the one holding the body and bibliography.</param>
    public static ImmutableArray<Diagnostic> Verify(IReadOnlyDictionary<string, string> pages, string reportPage, EditionModel edition) =>
        Verify(pages, reportPage, edition.Citations.Values.Select(c => c.Citation).OrderBy(c => c.Index));

    /// <param name="pages">The pages by file name; <paramref name="reportPage"/> is the one holding the body and bibliography.</param>
    public static ImmutableArray<Diagnostic> Verify(IReadOnlyDictionary<string, string> pages, string reportPage, Document document) =>
        Verify(pages, reportPage, document.Citations);

    private static ImmutableArray<Diagnostic> Verify(IReadOnlyDictionary<string, string> pages, string reportPage, IEnumerable<Citation> citations)
    {
        // Pages pass nearly always: read them first without noting where each element stands (a good part of the
        // parse's time), and read them again, noting it, only to place the findings of a page that fails.
        List<Citation> list = [.. citations];
        var findings = Verify(pages, reportPage, list, keepPositions: false);
        return findings.IsEmpty ? findings : Verify(pages, reportPage, list, keepPositions: true);
    }

    private static ImmutableArray<Diagnostic> Verify(IReadOnlyDictionary<string, string> pages, string reportPage, List<Citation> citations, bool keepPositions)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = keepPositions });
        var parsed = pages.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => parser.ParseDocument(p.Value), StringComparer.Ordinal);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, html) in parsed)
        {
            ids[name] = CheckIds(name, html, diagnostics);
        }
        foreach (var (name, html) in parsed)
        {
            CheckLinks(name, html, ids, diagnostics);
            CheckSafety(name, html, parsed.Keys, diagnostics);
        }
        if (parsed.TryGetValue(reportPage, out var report))
        {
            CheckCitations(reportPage, report, citations, diagnostics);
        }
        return diagnostics.ToImmutable();
    }

    private static HashSet<string> CheckIds(string page, IDocument html, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in html.QuerySelectorAll("[id]"))
        {
            var id = element.Id!;
            if (!seen.Add(id))
            {
                diagnostics.Add(HtmlRules.DuplicateId.Create(At(page, element), $"id '{id}' is used more than once in {page}"));
            }
        }
        return seen;
    }

    private static void CheckLinks(string page, IDocument html, Dictionary<string, HashSet<string>> ids, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        foreach (var link in html.QuerySelectorAll("a[href]"))
        {
            var href = link.GetAttribute("href")!;
            var hash = href.IndexOf('#', StringComparison.Ordinal);
            if (hash < 0)
            {
                continue;
            }
            var target = hash == 0 ? page : href[..hash];
            if (!ids.TryGetValue(target, out var targetIds))
            {
                continue; // an outside URL with a fragment
            }
            var fragment = Uri.UnescapeDataString(href[(hash + 1)..]);
            if (!targetIds.Contains(fragment))
            {
                diagnostics.Add(HtmlRules.BrokenInternalLink.Create(At(page, link), $"link '{href}' in {page} leads to no element: {target} has no id '{fragment}'"));
            }
        }
    }

    private static void CheckSafety(string page, IDocument html, IEnumerable<string> pages, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        foreach (var element in html.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            if (name is "script" or "iframe" or "object" or "embed" or "base" or "form" or "link" or "img" or "meta" && !(name == "meta" && IsPlainMeta(element)))
            {
                diagnostics.Add(HtmlRules.UnsafeMarkup.Create(At(page, element), $"<{name}> element in {page}"));
            }
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Add(HtmlRules.UnsafeMarkup.Create(At(page, element), $"event handler '{attribute.Name}' on <{name}> in {page}"));
                }
                else if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" && !IsAllowedUrl(attribute.Value, pages))
                {
                    diagnostics.Add(HtmlRules.UnsafeMarkup.Create(At(page, element), $"{attribute.Name}='{attribute.Value}' on <{name}> in {page} is not an http(s), mailto or internal link"));
                }
            }
        }
    }

    private static bool IsPlainMeta(IElement meta) => meta.HasAttribute("charset") || (meta.HasAttribute("name") && !meta.HasAttribute("http-equiv"));

    /// <summary>An http(s) or mailto URL, an in-page fragment, or another page of the edition (with or without a fragment).</summary>
    private static bool IsAllowedUrl(string url, IEnumerable<string> pages)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var before = hash < 0 ? url : url[..hash];
        return before.Length == 0 || pages.Contains(before, StringComparer.Ordinal) || HtmlText.ExternalUrl(url) is not null;
    }

    private static void CheckCitations(string page, IDocument html, List<Citation> citations, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        // One walk of the page indexes its ids (first holder wins, as in a browser); GetElementById walks the tree
        // on every call, which made this check quadratic in the length of the report.
        var byId = new Dictionary<string, IElement>(StringComparer.Ordinal);
        foreach (var element in html.QuerySelectorAll("[id]"))
        {
            byId.TryAdd(element.Id!, element);
        }
        var bibliography = byId.GetValueOrDefault(EditionAnchors.Bibliography);
        foreach (var citation in citations)
        {
            var id = EditionAnchors.Citation(citation);
            var expected = "#" + EditionAnchors.Source(citation.SourceKey);
            var element = byId.GetValueOrDefault(id);
            if (element is null || element.LocalName != "a" || element.GetAttribute("href") != expected)
            {
                var found = element is null ? "no element" : $"<{element.LocalName} href='{element.GetAttribute("href")}'>";
                diagnostics.Add(HtmlRules.CitationNotRendered.Create(citation.Span, $"citation of source {citation.SourceKey} ({citation.Label}) should be <a id='{id}' href='{expected}'> in {page}; found {found}", citation.SourceKey));
            }
        }
        foreach (var first in citations.DistinctBy(c => c.SourceKey, StringComparer.Ordinal))
        {
            var key = first.SourceKey;
            var entry = byId.GetValueOrDefault(EditionAnchors.Source(key));
            if (entry is null || bibliography is null || !bibliography.Contains(entry))
            {
                diagnostics.Add(HtmlRules.SourceNotInBibliography.Create(first.Span, $"source {key} is cited but the bibliography of {page} has no entry '{EditionAnchors.Source(key)}'", key));
            }
        }
    }

    private static SourceSpan At(string page, IElement element)
    {
        var position = element.SourceReference?.Position ?? default;
        var start = new TextPosition(Math.Max(position.Line, 1), Math.Max(position.Column, 1), Math.Max(position.Position, 0));
        return new SourceSpan(page, start, start);
    }
}
