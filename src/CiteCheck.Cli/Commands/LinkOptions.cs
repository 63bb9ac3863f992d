using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using CiteCheck.Checks.Links;
using CiteCheck.Compiler;
using CiteCheck.Model;
using Spectre.Console;

namespace CiteCheck.Cli.Commands;

/// <summary>The link options of <c>links</c>, and the <c>--links</c>, <c>--offline</c>, <c>--cache</c> trio that <c>check</c> and <c>build</c> share.</summary>
internal static partial class LinkOptions
{
    public static Option<bool> Links() => new("--links") { Description = "Also check every cited URL (live, or from the cache with --offline)." };

    public static Option<bool> Offline() => new("--offline") { Description = "Use only the link cache, whatever its age; never touch the network." };

    public static Option<string> Cache() => new("--cache") { Description = "Link cache folder.", DefaultValueFactory = _ => LinkStageOptions.DefaultCacheDirectory };

    public static Option<string> Duration(string name, string defaultValue, string description)
    {
        var option = new Option<string>(name) { Description = $"{description} (e.g. 500ms, 20s, 5m, 2h, 1d).", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (!TryParseDuration(result.GetValueOrDefault<string>() ?? "", out _))
            {
                result.AddError($"{name}: '{result.GetValueOrDefault<string>()}' is not a duration (e.g. 500ms, 20s, 5m, 2h, 1d)");
            }
        });
        return option;
    }

    public static Option<int> Count(string name, int defaultValue, string description, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1 || value > max)
            {
                result.AddError($"{name} must be between 1 and {max}");
            }
        });
        return option;
    }

    [GeneratedRegex(@"^\s*(?<n>\d+(\.\d+)?)\s*(?<unit>ms|s|m|h|d)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        var m = DurationPattern().Match(text);
        duration = TimeSpan.Zero;
        if (!m.Success)
        {
            return false;
        }
        var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        duration = m.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
        return true;
    }

    public static TimeSpan ParseDuration(string text) => TryParseDuration(text, out var d) ? d : throw new ArgumentException($"'{text}' is not a duration");

    /// <summary>Runs the link stage with a progress display on standard error: a Spectre.Console bar on a terminal, plain periodic lines otherwise (CI, redirected).</summary>
    public static async Task<(CheckedReport Report, LinkReport Links)> RunAsync(CliContext context, CheckedReport report, LinkStageOptions options, CancellationToken cancellationToken)
    {
        if (IsInteractive(context))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            return await console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("checking links", maxValue: 1);
                    var progress = new SyncProgress(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                        task.Description = $"checking links ({p.Done}/{p.Total})";
                    });
                    return await LinkStage.RunAsync(context.Host, report, options, progress, cancellationToken: cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        var started = DateTimeOffset.UtcNow;
        var last = started;
        var gate = new Lock();
        var plain = new SyncProgress(p =>
        {
            lock (gate)
            {
                var now = DateTimeOffset.UtcNow;
                if (now - last >= TimeSpan.FromSeconds(5) && p.Done < p.Total)
                {
                    last = now;
                    context.Error.WriteLine($"links: {p.Done}/{p.Total} checked");
                }
            }
        });
        var result = await LinkStage.RunAsync(context.Host, report, options, plain, cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Error.WriteLine($"links: {result.Links.Summary()} ({(DateTimeOffset.UtcNow - started).TotalSeconds:0.0}s)");
        return result;
    }

    private static bool IsInteractive(CliContext context)
    {
        var ci = context.Host.GetEnvironmentVariable("CI");
        return ReferenceEquals(context.Error, Console.Error)
            && !Console.IsErrorRedirected
            && (string.IsNullOrEmpty(ci) || ci == "false" || ci == "0")
            && context.Host.GetEnvironmentVariable("TERM") != "dumb";
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool and may report after the run).</summary>
    private sealed class SyncProgress(Action<LinkProgress> report) : IProgress<LinkProgress>
    {
        public void Report(LinkProgress value) => report(value);
    }
}
