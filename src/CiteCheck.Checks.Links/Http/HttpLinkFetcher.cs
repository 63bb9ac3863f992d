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
/// body is read only when it is a page we read (HTML or plain text) and only up to the caps; with
/// <see cref="LinkCheckOptions.HeadFirst"/> a HEAD goes first and a GET follows when the HEAD is refused or the page is needed.
/// </summary>
public sealed class HttpLinkFetcher : ILinkFetcher, IDisposable
{
    private readonly HttpClient _client;
    private readonly LinkCheckOptions _options;
    private readonly TimeProvider _time;
    private readonly IHost _host;
    private readonly bool _guardedByHandler;
    private readonly ConcurrentDictionary<string, (HostGate Gate, ResiliencePipeline<HttpResponseMessage> Pipeline)> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public HttpLinkFetcher(IHost host, LinkCheckOptions options, TimeProvider? time = null)
    {
        _options = options.Validate();
        _host = host;
        _time = time ?? TimeProvider.System;
        var handler = AddressGuard.Configure(host.CreateHttpHandler(), options);
        _guardedByHandler = handler is SocketsHttpHandler;
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd(options.Accept);
        _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(options.AcceptLanguage);
        _client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, deflate, br");
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
                if (method == HttpMethod.Get && code is >= 200 and < 300 && PageReader.IsReadable(mediaType) && response.Content is BufferedBody { Body.Truncated: true } over)
                {
                    // Never parsed: a part of a page is not the page, so nothing is judged from it.
                    page = new PageInfo(mediaType, null, null, null, "", null, true);
                    tooLarge = over.Body.Over == BodyCap.Wire
                        ? $"its body is larger than the {Size(_options.MaxResponseBytes)} read cap"
                        : $"its body expands to more than the {Size(_options.MaxDecompressedBytes)} decompression cap";
                }
                else if (method == HttpMethod.Get && code is >= 200 and < 300 && PageReader.IsReadable(mediaType) && response.Content is BufferedBody buffered)
                {
                    page = PageReader.Read(buffered.Body.Bytes, mediaType, response.Content.Headers.ContentType?.CharSet, _options.MaxTextChars);
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

    /// <summary>One attempt: through the host's gate, headers first, then the body (capped) when it is a page we read.</summary>
    private async ValueTask<HttpResponseMessage> AttemptAsync(Uri url, HttpMethod method, HostGate gate, CancellationToken cancellationToken)
    {
        using var slot = await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _requestsSent);
        using var request = new HttpRequestMessage(method, url);
        var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            var code = (int)response.StatusCode;
            if (method == HttpMethod.Get && code is >= 200 and < 300 && PageReader.IsReadable(response.Content.Headers.ContentType?.MediaType))
            {
                var body = await BodyReader.ReadAsync(response.Content, _options.MaxResponseBytes, _options.MaxDecompressedBytes, cancellationToken).ConfigureAwait(false);
                var content = new BufferedBody(body);
                foreach (var header in response.Content.Headers)
                {
                    if (!header.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }
                response.Content.Dispose();
                response.Content = content;
            }
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
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
    }

    /// <summary>A body already read within the caps (and decompressed), standing in for the response's content.</summary>
    private sealed class BufferedBody(Body body) : ByteArrayContent(body.Bytes)
    {
        public Body Body { get; } = body;
    }
}
