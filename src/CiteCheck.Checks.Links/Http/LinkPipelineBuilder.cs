using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CiteCheck.Checks.Links.Http;

/// <summary>
/// Builds the resilience pipeline of one host. Order matters (outermost first):
/// total timeout → retry (exponential backoff with jitter, or the server's Retry-After up to a cap) → circuit breaker
/// (this host only, so one dead site fails fast without stalling the others) → per-attempt timeout.
/// Retries happen on 408, 429, 5xx, timeouts and connection failures only; never on 4xx answers, DNS failures or refused addresses.
/// </summary>
public static class LinkPipelineBuilder
{
    /// <summary>Key under which the retry strategy records the attempts made, for the "gave up after N attempts" detail.</summary>
    public static readonly ResiliencePropertyKey<int> Attempts = new("citecheck.attempts");

    public static ResiliencePipeline<HttpResponseMessage> Build(LinkCheckOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time, Name = "links" }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout, Name = "total-timeout" });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryAfter > options.RetryBaseDelay ? options.MaxRetryAfter : options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time)),
                OnRetry = args =>
                {
                    args.Context.Properties.Set(Attempts, args.AttemptNumber + 2);
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                Name = "host-breaker",
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsHostFailure(args.Outcome)),
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.Timeout, Name = "attempt-timeout" })
            .Build();
    }

    /// <summary>408, 429 and 5xx answers, timeouts and connection failures; a Retry-After beyond the cap means give up now.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, LinkCheckOptions options, TimeProvider time)
    {
        if (outcome.Exception is { } e)
        {
            return IsTransient(e);
        }
        if (outcome.Result is not { } response || !IsRetryableStatus((int)response.StatusCode))
        {
            return false;
        }
        return RetryAfter(response, time) is not { } wait || wait <= options.MaxRetryAfter;
    }

    public static bool IsRetryableStatus(int code) => code is 408 or 429 || code >= 500 && code != 501 && code <= 599;

    /// <summary>Failures that say the host is in trouble (not a 4xx about one page): they count towards opening the breaker.</summary>
    public static bool IsHostFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? IsTransient(e) : outcome.Result is { } r && (int)r.StatusCode >= 500 && (int)r.StatusCode != 501;

    public static bool IsTransient(Exception e) => e switch
    {
        TimeoutRejectedException => true,
        HttpRequestException h when IsRefused(h) => false,
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => false,
        HttpRequestException h when IsNameNotResolved(h) => false,
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.UserAuthenticationError } => false,
        HttpRequestException => true,
        IOException => true,
        _ => false,
    };

    public static bool IsRefused(Exception e) => Unwrap(e).Any(x => x is PrivateAddressException);

    public static bool IsNameNotResolved(Exception e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }
        || Unwrap(e).Any(x => x is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData });

    /// <summary>The wait a 429 or 503 asks for, from seconds or an HTTP date; null when there is none (use the backoff).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }
        return RetryAfter(response.Headers.RetryAfter, time.GetUtcNow());
    }

    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static IEnumerable<Exception> Unwrap(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }
}
