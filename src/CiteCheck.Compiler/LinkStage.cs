using CiteCheck.Checks.Citations;
using CiteCheck.Checks.Links;
using CiteCheck.Checks.Links.Cache;
using CiteCheck.Checks.Links.Figures;
using CiteCheck.Model;

namespace CiteCheck.Compiler;

/// <summary>What the link stage is asked to do: the checker's options, where the cache lives, how old an entry may be, offline or not.</summary>
public sealed record LinkStageOptions
{
    public const string DefaultCacheDirectory = ".citecheck/cache";

    public LinkCheckOptions Check { get; init; } = new();

    public string CacheDirectory { get; init; } = DefaultCacheDirectory;

    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Use the cache only (any age); never touch the network.</summary>
    public bool Offline { get; init; }

    /// <summary>Severities set per rule by citecheck.yaml, applied to the link findings as to the others.</summary>
    public Configuration.RuleSeverities Rules { get; init; } = Configuration.RuleSeverities.None;

    public LinkStageOptions Validate()
    {
        Check.Validate();
        if (MaxAge < TimeSpan.Zero)
        {
            throw new ArgumentException("--max-age must not be negative", nameof(MaxAge));
        }
        if (string.IsNullOrWhiteSpace(CacheDirectory))
        {
            throw new ArgumentException("--cache must name a folder", nameof(CacheDirectory));
        }
        return this;
    }
}

/// <summary>
/// The link stage, after the checks: it is asynchronous and talks to the network, so it runs on a checked report rather
/// than inside <see cref="Pipeline.Check"/>; its findings join the report's diagnostics like any other check's, so every
/// output format and the rendered editions show them.
/// </summary>
public static class LinkStage
{
    public static async Task<(CheckedReport Report, LinkReport Links)> RunAsync(
        IHost host,
        CheckedReport report,
        LinkStageOptions options,
        IProgress<LinkProgress>? progress = null,
        IFigureSource? figures = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var cache = new LinkCache(host, options.CacheDirectory, options.MaxAge);
        var (fetcher, owned) = LinkChecker.CreateFetcher(host, options.Check, cache, options.Offline);
        using (owned)
        {
            var links = await new LinkChecker(fetcher, options.Check, figures ?? new CrossCheckFigureSource()).CheckAsync(report.Document, progress, cancellationToken).ConfigureAwait(false);
            var found = links.Diagnostics.Select(options.Rules.Apply).OfType<Diagnostic>();
            return (report with { Diagnostics = Pipeline.Sort(report.Diagnostics.Concat(found)) }, links);
        }
    }

    /// <summary>The report's findings about its links alone: the link stage's, and placeholder links (which are not URLs).</summary>
    public static CheckedReport LinkFindingsOnly(CheckedReport report) =>
        report with
        {
            Diagnostics = [.. report.Diagnostics.Where(d => d.Descriptor.Stage == "links" || d.Id == PlaceholderLinkCheck.Rule.Id)],
            Discrepancies = [],
        };
}
