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

    public static Option<string> Cache() => new("--cache")
    {
        Description = "Link cache folder.",
        DefaultValueFactory = _ => LinkStageOptions.DefaultCacheDirectory,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : LinkStageOptions.DefaultCacheDirectory;
            if (string.IsNullOrWhiteSpace(text))
            {
                result.AddError("--cache: give the name of a folder");
            }
            return text;
        },
    };

    /// <summary>
    /// A duration option (500ms, 20s, 5m, 2h, 1d), parsed and range-checked when the command line is parsed: a value
    /// that is malformed, out of range or too large for any clock is one error line naming the option, exit 2.
    /// </summary>
    public static Option<TimeSpan> Duration(string name, string defaultValue, string description, TimeSpan min, TimeSpan max)
    {
        var range = $"from {Describe(min)} to {Describe(max)}";
        return new Option<TimeSpan>(name)
        {
            Description = $"{description}, {range} (e.g. 500ms, 20s, 5m, 2h, 1d).",
            DefaultValueFactory = _ => ParseDuration(defaultValue),
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : defaultValue;
                if (!TryParseDuration(text, out var duration))
                {
                    result.AddError($"{name}: '{text}' is not a duration (e.g. 500ms, 20s, 5m, 2h, 1d)");
                    return default;
                }
                if (duration < min || duration > max)
                {
                    result.AddError($"{name}: '{text}' is out of range: give a duration {range}");
                    return default;
                }
                return duration;
            },
        };
    }

    /// <summary>A whole-number option, parsed and range-checked when the command line is parsed (overflow included).</summary>
    public static Option<int> Count(string name, int defaultValue, string description, int max)
    {
        return new Option<int>(name)
        {
            Description = $"{description} From 1 to {max}.",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : defaultValue.ToString(CultureInfo.InvariantCulture);
                var outOfRange = $"{name}: '{text}' is out of range: give a whole number from 1 to {max}";
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                {
                    // Digits too many for a 64-bit number are a number out of range, anything else is not a number.
                    result.AddError(text.TrimStart('-').Length > 0 && text.TrimStart('-').All(char.IsAsciiDigit) ? outOfRange : $"{name}: '{text}' is not a whole number");
                    return default;
                }
                if (value < 1 || value > max)
                {
                    result.AddError(outOfRange);
                    return default;
                }
                return (int)value;
            },
        };
    }

    private static string Describe(TimeSpan span) => span switch
    {
        { Ticks: 0 } => "0",
        { TotalDays: >= 1 } when span.TotalDays == Math.Floor(span.TotalDays) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0}d"),
        { TotalHours: >= 1 } when span.TotalHours == Math.Floor(span.TotalHours) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0}h"),
        { TotalMinutes: >= 1 } when span.TotalMinutes == Math.Floor(span.TotalMinutes) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0}m"),
        { TotalSeconds: >= 1 } when span.TotalSeconds == Math.Floor(span.TotalSeconds) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0}ms"),
    };

    [GeneratedRegex(@"^\s*(?<n>\d+(\.\d+)?)\s*(?<unit>ms|s|m|h|d)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    /// <summary>
    /// Reads "20s", "1.5h", "500ms". False when the text is not a duration; a number too large for a clock gives
    /// <see cref="TimeSpan.MaxValue"/>, which every range check refuses.
    /// </summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        var m = DurationPattern().Match(text);
        duration = TimeSpan.Zero;
        if (!m.Success)
        {
            return false;
        }
        var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        var milliseconds = n * m.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "ms" => 1.0,
            "s" => 1_000.0,
            "m" => 60_000.0,
            "h" => 3_600_000.0,
            _ => 86_400_000.0,
        };
        duration = double.IsFinite(milliseconds) && milliseconds < TimeSpan.MaxValue.TotalMilliseconds / 2
            ? TimeSpan.FromMilliseconds(milliseconds)
            : TimeSpan.MaxValue;
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
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"links: {result.Links.Summary()} ({(DateTimeOffset.UtcNow - started).TotalSeconds:0.0}s)"));
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
