using System.CommandLine;
using System.Globalization;
using System.Text;
using CiteCheck.Checks.Links;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;
using CiteCheck.Model;

namespace CiteCheck.Cli.Commands;

/// <summary>
/// <c>citecheck links report.md</c>: checks every URL the report cites (live, or from the cache) and prints the link
/// findings alone, with one line per URL giving its state. Exit code as for <c>check</c>.
/// </summary>
internal static class LinksCommand
{
    public static Command Create(CliContext context)
    {
        var report = CommonOptions.Report();
        var sources = CommonOptions.Sources();
        var format = CommonOptions.Format("text", "text", "json", "sarif", "github");
        var failOn = CommonOptions.FailOn("error");
        var output = CommonOptions.Output();
        var cache = LinkOptions.Cache();
        var maxAge = LinkOptions.Duration("--max-age", "1d", "Reuse cached results younger than this", TimeSpan.Zero, TimeSpan.FromDays(3650));
        var offline = LinkOptions.Offline();
        var concurrency = LinkOptions.Count("--concurrency", new LinkCheckOptions().Concurrency, "Requests in flight at once, all hosts together.", LinkCheckOptions.MaxConcurrency);
        var hostConcurrency = LinkOptions.Count("--host-concurrency", new LinkCheckOptions().HostConcurrency, "Requests in flight to one host at once.", LinkCheckOptions.MaxHostConcurrency);
        var hostInterval = LinkOptions.Duration("--host-interval", "0ms", "Least time between two requests to one host", TimeSpan.Zero, LinkCheckOptions.MaxHostInterval);
        var timeout = LinkOptions.Duration("--timeout", "20s", "Time one attempt may take", LinkCheckOptions.MinTimeout, LinkCheckOptions.MaxTimeout);
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow private, loopback and link-local addresses (refused by default)." };
        var headFirst = new Option<bool>("--head-first") { Description = "Send HEAD before GET (GET follows when HEAD is refused or the page is needed)." };
        var command = new Command("links", "Check that every cited URL is live, is the right page, and holds the figures cited from it.")
        {
            report, sources, cache, maxAge, offline, concurrency, hostConcurrency, hostInterval, timeout, allowPrivate, headFirst, format, failOn, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var checkedReport = Pipeline.CompileForLinks(context.Host, parse.GetValue(report)!, new CompileOptions { Rules = context.Config.Rules, SourcesFile = parse.GetValue(sources) });
            var attemptTimeout = parse.GetValue(timeout);
            var options = new LinkStageOptions
            {
                Rules = context.Config.Rules,
                CacheDirectory = parse.GetValue(cache)!,
                MaxAge = parse.GetValue(maxAge),
                Offline = parse.GetValue(offline),
                Check = new LinkCheckOptions
                {
                    Concurrency = parse.GetValue(concurrency),
                    HostConcurrency = parse.GetValue(hostConcurrency),
                    HostInterval = parse.GetValue(hostInterval),
                    Timeout = attemptTimeout,
                    TotalTimeout = attemptTimeout * 3 > TimeSpan.FromSeconds(60) ? attemptTimeout * 3 : TimeSpan.FromSeconds(60),
                    AllowPrivateAddresses = parse.GetValue(allowPrivate),
                    HeadFirst = parse.GetValue(headFirst),
                },
            };
            CheckedReport result;
            LinkReport links;
            try
            {
                (result, links) = await LinkOptions.RunAsync(context, checkedReport, options, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Error.WriteLine($"citecheck: cancelled; the links checked so far are kept in {options.CacheDirectory}");
                return 130;
            }
            var findings = LinkStage.LinkFindingsOnly(result);
            var formatName = parse.GetValue(format)!;
            var text = OutputFormats.Find(formatName)!.Write(findings);
            if (formatName == "text")
            {
                text += States(links);
            }
            CommonOptions.Emit(context, parse.GetValue(output), text, TextOutput.Summary(findings));
            return ExitCodes.For(findings, CommonOptions.ParseFailOn(parse.GetValue(failOn)!));
        });
        return command;
    }

    /// <summary>One line per URL: its state, the URL (user name and password masked), and the sources that use it.</summary>
    private static string States(LinkReport links)
    {
        if (links.Results.Length == 0)
        {
            return "no URLs to check (placeholder links are reported above as CC1001)\n";
        }
        var sb = new StringBuilder();
        foreach (var r in links.Results)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Status.Name,-22} {r.Request.Written}  (source {string.Join(", ", r.Request.SourceKeys)})");
            if (r.Status.State == LinkState.Excluded)
            {
                sb.Append(CultureInfo.InvariantCulture, $": {r.Status.Detail}");
            }
            sb.Append('\n');
        }
        sb.Append(links.Summary()).Append('\n');
        return Credentials.Hide(sb.ToString());
    }
}
