using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using CiteCheck.Checks.Links.Pages;
using CiteCheck.Model;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CiteCheck.Checks.Links.Http;

/// <summary>
/// Fetches URLs over one <see cref="HttpClient"/> built on the host's handler. Redirects are followed here, hop by hop
/// (each hop through the host's gate and pipeline), up to a limit, with loops detected. By default each hop is a GET whose
/// body is read only when it is a page we read (HTML or plain text), as a stream and under the caps
/// (<see cref="PageReader"/>); with <see cref="LinkCheckOptions.HeadFirst"/> a HEAD goes first and a GET follows when the
/// HEAD is refused or the page is needed. Each attempt passes three gates, in this order: its host's
/// (<see cref="LinkCheckOptions.HostConcurrency"/>), the run's requests (<see cref="LinkCheckOptions.Concurrency"/>) and,
/// for a body, the run's body reads (<see cref="LinkCheckOptions.BodyConcurrency"/>). A request waiting out a Retry-After
/// or a backoff holds none of them.
/// </summary>
public sealed class HttpLinkFetcher : ILinkFetcher, IDisposable
{
    private readonly HttpClient _client;
    private readonly LinkCheckOptions _options;
    private readonly TimeProvider _time;
    private readonly IHost _host;
    private readonly bool _guardedByHandler;
    private readonly ConcurrentDictionary<string, (HostGate Gate, ResiliencePipeline<HttpResponseMessage> Pipeline)> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _requests;
    private readonly SemaphoreSlim _bodies;
    private readonly PageLimits _limits;

    public HttpLinkFetcher(IHost host, LinkCheckOptions options, TimeProvider? time = null)
    {
        _options = options.Validate();
        _host = host;
        _requests = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        _bodies = new SemaphoreSlim(options.BodyConcurrency, options.BodyConcurrency);
        _limits = PageLimits.Of(options);
        _time = time ?? TimeProvider.System;
        var handler = AddressGuard.Configure(host.CreateHttpHandler(), options);
        _guardedByHandler = handler is SocketsHttpHandler;
        _client = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            // HTTP/2 where the server offers it (TLS), so one connection carries a host's requests; HTTP/1.1 otherwise.
            DefaultRequestVersion = System.Net.HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd(options.Accept);
        _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(options.AcceptLanguage);
        _client.DefaultRequestHeaders.AcceptEncoding.ParseAdd(PageReader.AcceptEncoding);
    }

    /// <summary>Requests sent (attempts included), for tests and the summary.</summary>
    public int RequestsSent => _requestsSent;

    private int _requestsSent;

    public async Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var redirects = new List<Redirect>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        var current = url;
        var method = _options.HeadFirst ? HttpMethod.Head : HttpMethod.Get;
        var attempts = 0;
        FetchResult Result(FetchOutcome outcome, int? code, string? cause, PageInfo? page = null) =>
            new(outcome, code, url.AbsoluteUri, current.AbsoluteUri, _host.Now) { Redirects = [.. redirects], Cause = cause, Page = page, Attempts = Math.Max(1, attempts) };

        while (true)
        {
            if (!_guardedByHandler && AddressGuard.RefuseLiteral(current, _options) is { } refusal)
            {
                return Result(FetchOutcome.Refused, null, refusal + "; refused (use --allow-private to check it)");
            }
            var (gate, pipeline) = _hosts.GetOrAdd(current.IdnHost + ":" + current.Port, _ => (new HostGate(_options.HostConcurrency, _options.HostInterval, _time), LinkPipelineBuilder.Build(_options, _time)));
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            HttpResponseMessage response;
            try
            {
                context.Properties.Set(LinkPipelineBuilder.Attempts, 1);
                response = await pipeline.ExecuteAsync(
                    static async (ctx, state) => await state.Self.AttemptAsync(state.Url, state.Method, state.Gate, ctx.CancellationToken).ConfigureAwait(false),
                    context,
                    (Self: this, Url: current, Method: method, Gate: gate)).ConfigureAwait(false);
                attempts += context.Properties.GetValue(LinkPipelineBuilder.Attempts, 1);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException or TimeoutRejectedException or BrokenCircuitException or OperationCanceledException)
            {
                attempts += context.Properties.GetValue(LinkPipelineBuilder.Attempts, 1);
                if (LinkPipelineBuilder.IsRefused(e))
                {
                    return Result(FetchOutcome.Refused, null, Describe(e));
                }
                if (LinkPipelineBuilder.IsNameNotResolved(e))
                {
                    return Result(FetchOutcome.NameNotResolved, null, $"host '{current.Host}' not found (DNS)");
                }
                return Result(FetchOutcome.Failed, null, Describe(e));
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            using (response)
            {
                var code = (int)response.StatusCode;
                if (code is >= 300 and < 400 && code != 304 && response.Headers.Location is { } location)
                {
                    var next = new Uri(current, location);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return Result(FetchOutcome.BadRedirect, code, $"redirected to '{next}', which is not http or https");
                    }
                    next = new UriBuilder(next) { Fragment = "" }.Uri;
                    redirects.Add(new Redirect(current.AbsoluteUri, code, next.AbsoluteUri));
                    if (!visited.Add(next.AbsoluteUri))
                    {
                        return Result(FetchOutcome.RedirectLoop, code, "redirect loop: " + string.Join(" → ", redirects.Select(r => $"{r.From} ({r.Code})")) + $" → {next}");
                    }
                    if (redirects.Count > _options.MaxRedirects)
                    {
                        return Result(FetchOutcome.BadRedirect, code, $"more than {_options.MaxRedirects} redirects");
                    }
                    current = next;
                    continue;
                }
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (method == HttpMethod.Head && NeedsGet(code, mediaType))
                {
                    method = HttpMethod.Get;
                    continue;
                }
                PageInfo? page = null;
                string? tooLarge = null;
                if (response.Content is ReadBody { Read: { } read })
                {
                    if (read.Corrupt is { } corrupt)
                    {
                        return Result(FetchOutcome.Unreadable, code, corrupt);
                    }
                    page = read.Page; // over a cap: never judged, so no title, hash or text
                    tooLarge = read.Over switch
                    {
                        BodyCap.Wire => $"its body is larger than the {Size(_options.MaxResponseBytes)} read cap",
                        BodyCap.Decoded => $"its body expands to more than the {Size(_options.MaxDecompressedBytes)} decompression cap",
                        BodyCap.Elements => string.Create(CultureInfo.InvariantCulture, $"it has more than {_options.MaxElements:N0} elements"),
                        _ => null,
                    };
                }
                else if (code is >= 200 and < 300)
                {
                    page = new PageInfo(mediaType, null, null, null, "", null, false);
                }
                var cause = code is >= 200 and < 300 ? tooLarge : $"HTTP {code} {response.ReasonPhrase}".TrimEnd();
                if (LinkPipelineBuilder.IsRetryableStatus(code) && attempts > 1)
                {
                    cause += $" after {attempts} attempts";
                }
                if (LinkPipelineBuilder.RetryAfter(response, _time) is { } wait && wait > _options.MaxRetryAfter)
                {
                    cause += string.Create(CultureInfo.InvariantCulture, $" (asked to retry after {wait.TotalSeconds:0}s, more than the {_options.MaxRetryAfter.TotalSeconds:0}s allowed)");
                }
                return Result(FetchOutcome.Answered, code, cause, page);
            }
        }
    }

    /// <summary>After a HEAD: the page is needed (2xx that we read), or the HEAD was refused or answered with a 4xx (some servers mishandle HEAD).</summary>
    private static bool NeedsGet(int code, string? mediaType) =>
        code is >= 200 and < 300 ? PageReader.IsReadable(mediaType) : code is >= 400 and < 500 or 501;

    /// <summary>One attempt: through the host's gate and the run's, headers first, then the body (streamed, capped) when it is a page we read.</summary>
    private async ValueTask<HttpResponseMessage> AttemptAsync(Uri url, HttpMethod method, HostGate gate, CancellationToken cancellationToken)
    {
        using var slot = await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await _requests.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Interlocked.Increment(ref _requestsSent);
            using var request = new HttpRequestMessage(method, url);
            var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            try
            {
                var code = (int)response.StatusCode;
                var headers = response.Content.Headers;
                if (method == HttpMethod.Get && code is >= 200 and < 300 && PageReader.IsReadable(headers.ContentType?.MediaType))
                {
                    await _bodies.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                        await using (stream.ConfigureAwait(false))
                        {
                            var read = await PageReader.ReadAsync(
                                stream, headers.ContentEncoding.LastOrDefault(), headers.ContentType?.MediaType, headers.ContentType?.CharSet, headers.ContentLength, _limits, cancellationToken).ConfigureAwait(false);
                            var content = new ReadBody(read);
                            if (headers.ContentType is { } type)
                            {
                                content.Headers.ContentType = type;
                            }
                            response.Content.Dispose(); // a body not read to its end closes its connection
                            response.Content = content;
                        }
                    }
                    finally
                    {
                        _bodies.Release();
                    }
                }
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        finally
        {
            _requests.Release();
        }
    }

    private static string Size(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";

    private static string Describe(Exception e) => e switch
    {
        TimeoutRejectedException t => string.Create(CultureInfo.InvariantCulture, $"timed out after {t.Timeout.TotalSeconds:0.###}s"),
        BrokenCircuitException => "the host failed repeatedly; its circuit is open, so the remaining requests were not sent",
        PrivateAddressException p => p.Message,
        HttpRequestException h when LinkPipelineBuilder.IsRefused(h) => Innermost<PrivateAddressException>(h)!.Message,
        HttpRequestException h => $"connection failed: {Innermost(h).Message}",
        _ => $"{e.GetType().Name}: {Innermost(e).Message}",
    };

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }
        return e;
    }

    private static T? Innermost<T>(Exception e)
        where T : Exception
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is T t)
            {
                return t;
            }
        }
        return null;
    }

    /// <summary>Called once every fetch has finished (the link checker waits for all of them), so no gate is in use.</summary>
    public void Dispose()
    {
        foreach (var (gate, _) in _hosts.Values)
        {
            gate.Dispose();
        }
        _hosts.Clear();
        _client.Dispose();
        _requests.Dispose();
        _bodies.Dispose();
    }

    /// <summary>A body already read (streamed, within the caps), standing in for the response's content.</summary>
    private sealed class ReadBody(PageRead read) : HttpContent
    {
        public PageRead Read { get; } = read;

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => Task.CompletedTask;

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return true;
        }
    }
}
