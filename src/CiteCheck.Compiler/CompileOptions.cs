using CiteCheck.Compiler.Configuration;

namespace CiteCheck.Compiler;

/// <summary>What a run is asked to do. Validated when the pipeline starts.</summary>
public sealed record CompileOptions
{
    /// <summary>
    /// Bibliography file (sources.yaml or CSL-JSON); when null, the one beside the report is used if present (sources.yaml,
    /// sources.yml, sources.json, sources.csl.json or report.csl.json for report.md; see <see cref="Pipeline.FindBibliography"/>).
    /// </summary>
    public string? SourcesFile { get; init; }

    /// <summary>Reviewers' decisions file; when null, review.yaml beside the report is used if present.</summary>
    public string? ReviewFile { get; init; }

    /// <summary>Severities set per rule by citecheck.yaml (docs/configuration.md); rules set to off are not reported.</summary>
    public RuleSeverities Rules { get; init; } = RuleSeverities.None;
}
