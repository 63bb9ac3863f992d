using System.Net;
using System.Net.Sockets;

namespace CiteCheck.Checks.Links.Http;

/// <summary>
/// Refuses private, loopback, link-local and other non-public addresses after DNS resolution, so a report cannot make the
/// checker probe the machine it runs on or its network (SSRF). With a <see cref="SocketsHttpHandler"/> the check sits in
/// its <see cref="SocketsHttpHandler.ConnectCallback"/>: the address checked is the address connected to, on every
/// redirect hop, which also defeats DNS rebinding. Other handlers (test fakes) get the literal-address check only.
/// The same callback resolves each host name once per run, with the guard or without it (--allow-private).
/// </summary>
public static class AddressGuard
{
    /// <summary>Sets up the host's handler for the link checker: no automatic redirects or decompression, and the guard.</summary>
    public static HttpMessageHandler Configure(HttpMessageHandler handler, LinkCheckOptions options)
    {
        if (handler is SocketsHttpHandler sockets)
        {
            sockets.AllowAutoRedirect = false;
            sockets.AutomaticDecompression = DecompressionMethods.None;
            sockets.MaxConnectionsPerServer = options.HostConcurrency;
            sockets.MaxResponseHeadersLength = 64;
            sockets.ConnectTimeout = options.Timeout;
            var names = new NameMemo();
            sockets.ConnectCallback = (context, token) => ConnectAsync(context, names, !options.AllowPrivateAddresses, token);
        }
        return handler;
    }

    /// <summary>True for addresses anyone on the internet could reach.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10
                || b[0] == 0
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // benchmarking
                || b[0] >= 224); // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC // unique local fc00::/7
                || address.IsIPv6Teredo);
        }
        return false;
    }

    /// <summary>For handlers the guard cannot hook: refuse hosts that are written as a non-public address or 'localhost'.</summary>
    public static string? RefuseLiteral(Uri url, LinkCheckOptions options)
    {
        if (options.AllowPrivateAddresses)
        {
            return null;
        }
        if (url.IsLoopback || url.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{url.Host}' is a loopback address";
        }
        return IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var ip) && !IsPublic(ip) ? $"'{url.Host}' is not a public address" : null;
    }

    /// <summary>Resolves the host (once per run, see <see cref="NameMemo"/>), refuses non-public addresses unless allowed, connects.</summary>
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, NameMemo names, bool publicOnly, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await names.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = publicOnly ? addresses.Where(IsPublic).ToArray() : addresses;
        if (allowed.Length == 0)
        {
            throw new PrivateAddressException(host, addresses);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Each host name is resolved once per run (a run lasts minutes; the connection pool opens several connections per
    /// host and the resolver does not cache). A failed lookup is not kept. The addresses are checked on every connection,
    /// so keeping them cannot let a private address through.
    /// </summary>
    private sealed class NameMemo
    {
        private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Task<IPAddress[]> Lookup, long Expires)> _names = new(StringComparer.OrdinalIgnoreCase);

        public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            var now = Environment.TickCount64;
            var entry = _names.AddOrUpdate(
                host,
                h => (Dns.GetHostAddressesAsync(h, CancellationToken.None), now + (long)Lifetime.TotalMilliseconds),
                (h, old) => old.Expires > now && !old.Lookup.IsFaulted && !old.Lookup.IsCanceled ? old : (Dns.GetHostAddressesAsync(h, CancellationToken.None), now + (long)Lifetime.TotalMilliseconds));
            try
            {
                return await entry.Lookup.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (System.Net.Sockets.SocketException)
            {
                _names.TryRemove(new KeyValuePair<string, (Task<IPAddress[]>, long)>(host, entry));
                throw;
            }
        }
    }
}

/// <summary>The host resolves only to addresses the checker refuses to connect to.</summary>
public sealed class PrivateAddressException(string host, IReadOnlyList<IPAddress> addresses)
    : IOException($"'{host}' resolves to {(addresses.Count == 0 ? "no address" : string.Join(", ", addresses.Take(3)))}, which is not public; refused (use --allow-private to check it)")
{
    public string Host { get; } = host;
}
