using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CiteCheck.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiteCheck.Watch.Serving;

/// <summary>
/// Serves the preview on 127.0.0.1 only (Kestrel; never another interface): the last good edition's files from memory,
/// its HTML pages with the overlay and live-reload script (<see cref="PreviewPage"/>), the event stream the script
/// listens on, and the state as JSON. Requests naming another host than 127.0.0.1 or localhost are refused, so a web
/// page elsewhere cannot read the preview through a rebound DNS name.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private readonly PreviewState _state;
    private readonly WebApplication _app;

    private PreviewServer(PreviewState state, WebApplication app)
    {
        _state = state;
        _app = app;
    }

    /// <summary>The address the preview is served at, with the port chosen (http://127.0.0.1:PORT/).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts serving; <paramref name="port"/> 0 picks a free port. A port in use is an <see cref="InputException"/> naming it.</summary>
    public static async Task<PreviewServer> StartAsync(PreviewState state, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        // The watch command owns Ctrl-C: the host's console lifetime would take the signal and keep the process running.
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        var app = builder.Build();
        var server = new PreviewServer(state, app);
        app.Run(server.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InputException("--port", null, $"cannot serve on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} ({e.Message}): choose another --port, or 0 for a free one");
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        if (request.Host.Host is not ("127.0.0.1" or "localhost"))
        {
            await Text(response, StatusCodes.Status403Forbidden, "the preview answers only to 127.0.0.1 and localhost\n").ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            await Text(response, StatusCodes.Status405MethodNotAllowed, "only GET and HEAD\n").ConfigureAwait(false);
            return;
        }
        var path = request.Path.Value ?? "/";
        var snapshot = _state.Current;
        switch (path)
        {
            case "/":
                response.Redirect("/" + (snapshot.Files.Keys.FirstOrDefault(f => f.EndsWith(".html", StringComparison.Ordinal) && f.StartsWith("report", StringComparison.Ordinal))
                    ?? snapshot.Files.Keys.FirstOrDefault() ?? "report.html"));
                return;
            case PreviewPage.EventsPath:
                await EventsAsync(context).ConfigureAwait(false);
                return;
            case "/favicon.ico":
                // The edition has no icon; say so without an error in the browser's console.
                response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case PreviewPage.StatusPath:
                await StatusAsync(response, snapshot).ConfigureAwait(false);
                return;
        }
        var name = Uri.UnescapeDataString(path.TrimStart('/'));
        if (!snapshot.Files.TryGetValue(name, out var bytes))
        {
            await Text(response, StatusCodes.Status404NotFound, snapshot.Files.Count == 0
                ? "no edition yet: the first build did not finish (see the terminal)\n"
                : $"no such file in the edition: {name}\n").ConfigureAwait(false);
            return;
        }
        if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            response.Headers.ContentSecurityPolicy =
                $"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
            var page = PreviewPage.Inject(Encoding.UTF8.GetString(bytes), snapshot, nonce);
            bytes = Encoding.UTF8.GetBytes(page);
        }
        response.ContentType = ContentType(name);
        response.ContentLength = bytes.Length;
        if (HttpMethods.IsGet(request.Method))
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Server-Sent Events: one <c>rebuilt</c> event as soon as the preview is past the version the page was served at
    /// (so a rebuild between the page and its connection is not missed), then one per rebuild; a comment every 15 s
    /// keeps proxies and browsers from closing the stream. Ends when the page goes or the server stops.
    /// </summary>
    private async Task EventsAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.Connection = "keep-alive";
        var version = int.TryParse(context.Request.Query["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : _state.Current.Version;
        var stopping = _app.Lifetime.ApplicationStopping;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = linked.Token;
        try
        {
            await response.WriteAsync(": citecheck preview\n\n", token).ConfigureAwait(false);
            await response.Body.FlushAsync(token).ConfigureAwait(false);
            while (!token.IsCancellationRequested)
            {
                var next = _state.WaitAsync(version, token);
                var ping = Task.Delay(TimeSpan.FromSeconds(15), token);
                if (await Task.WhenAny(next, ping).ConfigureAwait(false) == next)
                {
                    var snapshot = await next.ConfigureAwait(false);
                    version = snapshot.Version;
                    var status = snapshot.Last?.Status == BuildStatus.Failed ? "failed" : "built";
                    await response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"event: rebuilt\ndata: {{\"version\":{snapshot.Version},\"edition\":{snapshot.Edition},\"status\":\"{status}\"}}\n\n"), token).ConfigureAwait(false);
                }
                else
                {
                    await response.WriteAsync(": ping\n\n", token).ConfigureAwait(false);
                }
                await response.Body.FlushAsync(token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the server is stopping.
        }
    }

    private static async Task StatusAsync(HttpResponse response, PreviewState.Snapshot snapshot)
    {
        var last = snapshot.Last;
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["version"] = snapshot.Version,
            ["edition"] = snapshot.Edition,
            ["status"] = last is null ? "none" : last.Status == BuildStatus.Failed ? "failed" : "built",
            ["errors"] = last?.Errors ?? [],
            ["findings"] = snapshot.Report?.Diagnostics.Length ?? 0,
            ["files"] = snapshot.Files.Keys.ToArray(),
        });
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(json).ConfigureAwait(false);
    }

    private static Task Text(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text);
    }

    private static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".pdf" => "application/pdf",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Connections that did not close in time are dropped.
            }
        }
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>A host lifetime that leaves the process's signals alone (the default one answers Ctrl-C and SIGTERM itself).</summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
