using System.Text.RegularExpressions;
using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Html;

namespace CiteCheck.Watch.Serving;

/// <summary>
/// Where in the HTML edition a finding points: the element ids the edition already has (<see cref="EditionAnchors"/>), chosen
/// from the finding's location. In order: the claim anchor of the sentence it is in (claims in a discrepancy carry one),
/// the citation it is on (<c>cite-N</c>), the bibliography entry of its source, the heading of the section it is in; a
/// finding in another file, or in front matter, goes to Appendix B, which lists every finding. Only ids the page has.
/// </summary>
public sealed partial class FindingAnchors
{
    private readonly CheckedReport _report;
    private readonly HashSet<string> _ids;
    private readonly EditionAnchors _anchors;

    public FindingAnchors(CheckedReport report, string html)
    {
        _report = report;
        _anchors = new EditionAnchors(report.Document);
        _ids = [.. IdAttribute().Matches(html).Select(m => m.Groups[1].Value)];
    }

    /// <summary>The fragment (without '#') to link the finding to.</summary>
    public string For(Diagnostic finding)
    {
        var document = _report.Document;
        var location = finding.Location;
        if (string.Equals(location.File, document.File, StringComparison.Ordinal))
        {
            foreach (var block in document.Blocks)
            {
                if (!Contains(block.Span, location))
                {
                    continue;
                }
                foreach (var claim in block.Claims)
                {
                    if (Contains(claim.Span, location) && Has(EditionAnchors.Claim(claim.Id)) is { } claimId)
                    {
                        return claimId;
                    }
                }
                foreach (var citation in block.Citations)
                {
                    if (Contains(citation.Span, location) && Has(EditionAnchors.Citation(citation)) is { } citationId)
                    {
                        return citationId;
                    }
                }
                if (finding.Source is { } key && Has(EditionAnchors.Source(key)) is { } sourceId)
                {
                    return sourceId;
                }
                if (document.SectionOf(block) is { } section && Has(_anchors.Section(section)) is { } sectionId)
                {
                    return sectionId;
                }
            }
        }
        if (finding.Source is { } source && Has(EditionAnchors.Source(source)) is { } entry)
        {
            return entry;
        }
        return Has(EditionAnchors.Health) ?? EditionAnchors.Body;
    }

    private string? Has(string id) => _ids.Contains(id) ? id : null;

    private static bool Contains(SourceSpan span, SourceSpan location) =>
        location.Start.Offset >= span.Start.Offset && location.Start.Offset < Math.Max(span.End.Offset, span.Start.Offset + 1)
        || (location.Start.Offset == 0 && location.Line >= span.Start.Line && location.Line <= span.End.Line);

    [GeneratedRegex("""\sid="([^"]+)"\s*""")]
    private static partial Regex IdAttribute();
}
