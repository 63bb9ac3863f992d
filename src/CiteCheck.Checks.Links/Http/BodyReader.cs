using System.IO.Compression;

namespace CiteCheck.Checks.Links.Http;

/// <summary>Which cap a body passed: none, the bytes read off the wire, or the bytes after decompression.</summary>
public enum BodyCap
{
    None,
    Wire,
    Decoded,
}

/// <summary>
/// A response body read with both caps applied. A body over a cap keeps no bytes: it is never parsed, so the page's title,
/// soft-404 signs and figures are not judged from a part of it (see <c>response-too-large</c>).
/// </summary>
public sealed record Body(byte[] Bytes, BodyCap Over = BodyCap.None)
{
    public bool Truncated => Over != BodyCap.None;
}

/// <summary>
/// Reads a body without trusting it: at most <c>maxWire</c> bytes are read from the connection (the rest is never read),
/// and a gzip, deflate or brotli body is expanded to at most <c>maxDecoded</c> bytes, so a gzip bomb costs no more than its
/// cap. Reading stops at the first cap passed, and what was read is dropped.
/// </summary>
public static class BodyReader
{
    public static async Task<Body> ReadAsync(HttpContent content, long maxWire, long maxDecoded, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (await ReadCappedAsync(stream, maxWire, cancellationToken).ConfigureAwait(false) is not { } wire)
            {
                return new Body([], BodyCap.Wire);
            }
            var encoding = content.Headers.ContentEncoding.LastOrDefault()?.Trim().ToLowerInvariant();
            if (encoding is null or "identity" or "")
            {
                return new Body(wire);
            }
            using var compressed = new MemoryStream(wire);
            Stream? decoder = encoding switch
            {
                "gzip" or "x-gzip" => new GZipStream(compressed, CompressionMode.Decompress),
                "deflate" => new ZLibStream(compressed, CompressionMode.Decompress),
                "br" => new BrotliStream(compressed, CompressionMode.Decompress),
                _ => null,
            };
            if (decoder is null)
            {
                return new Body(wire);
            }
            await using (decoder.ConfigureAwait(false))
            {
                try
                {
                    var decoded = await ReadCappedAsync(decoder, maxDecoded, cancellationToken).ConfigureAwait(false);
                    return decoded is null ? new Body([], BodyCap.Decoded) : new Body(decoded);
                }
                catch (InvalidDataException)
                {
                    // A corrupt body (the whole of it was read, within the wire cap): judge nothing from it.
                    return new Body([]);
                }
            }
        }
    }

    /// <summary>The whole stream, or null as soon as it passes <paramref name="max"/> bytes (at most max + 1 bytes are read).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var room = (int)Math.Min(chunk.Length, max - buffer.Length + 1);
            var read = await stream.ReadAsync(chunk.AsMemory(0, room), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return null;
            }
        }
    }
}
