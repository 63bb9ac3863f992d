using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CiteCheck.Model;

namespace CiteCheck.Checks.Links.Cache;

/// <summary>
/// The on-disk cache (default <c>.citecheck/cache/</c>): one JSON file per URL, named by the SHA-256 of the URL, holding
/// the fetch result (outcome, code, final URL, redirects, page title candidates, content hash and text). Every file is
/// written atomically through the host as soon as its URL is checked, so an interrupted run keeps what it did.
/// Format in docs/links.md; <see cref="Version"/> changes when it does (older files are ignored).
/// </summary>
public sealed class LinkCache(IHost host, string directory, TimeSpan maxAge)
{
    public const int Version = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public string Directory => directory;

    public TimeSpan MaxAge => maxAge;

    public string PathOf(string url) =>
        Path.Combine(directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32] + ".json");

    /// <summary>The cached result for a URL, when there is one and (unless <paramref name="anyAge"/>) it is younger than the max age.</summary>
    public FetchResult? Read(string url, bool anyAge = false)
    {
        var path = PathOf(url);
        if (!host.FileExists(path))
        {
            return null;
        }
        try
        {
            var entry = JsonSerializer.Deserialize<Entry>(host.ReadAllBytes(path), Json);
            if (entry is null || entry.Version != Version || entry.Result is null || entry.Result.Url != url)
            {
                return null;
            }
            if (!anyAge && host.Now - entry.Result.CheckedAt > maxAge)
            {
                return null;
            }
            return entry.Result with { FromCache = true };
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null; // a damaged entry is a miss; the next write replaces it
        }
    }

    public void Write(FetchResult result)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new Entry(Version, result with { FromCache = false }), Json);
        host.CreateDirectory(directory);
        host.WriteAtomically(PathOf(result.Url), bytes);
    }

    private sealed record Entry(int Version, FetchResult? Result);
}

/// <summary>The cache wrapped around a fetcher (not the other way round): a fresh entry answers without a request; a new, lasting result is written.</summary>
public sealed class CachingLinkFetcher(ILinkFetcher inner, LinkCache cache) : ILinkFetcher
{
    public async Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        if (cache.Read(url.AbsoluteUri) is { } cached)
        {
            return cached;
        }
        var result = await inner.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        if (result.Cacheable)
        {
            cache.Write(result);
        }
        return result;
    }
}

/// <summary>--offline: the cache alone, whatever the age of its entries; never a request.</summary>
public sealed class OfflineLinkFetcher(LinkCache cache, IHost host) : ILinkFetcher
{
    public Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken) =>
        Task.FromResult(cache.Read(url.AbsoluteUri, anyAge: true)
            ?? new FetchResult(FetchOutcome.NotCached, null, url.AbsoluteUri, url.AbsoluteUri, host.Now) { Cause = "offline, and not in the cache" });
}
