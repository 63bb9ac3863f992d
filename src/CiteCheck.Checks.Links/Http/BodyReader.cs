using System.IO.Compression;

namespace CiteCheck.Checks.Links.Http;

/// <summary>A response body read with both caps applied: bytes off the wire, and bytes after decompression.</summary>
public sealed record Body(byte[] Bytes, bool Truncated);

/// <summary>
/// Reads a body without trusting it: at most <c>maxWire</c> bytes are read from the connection (the rest is never read),
/// and a gzip, deflate or brotli body is expanded to at most <c>maxDecoded</c> bytes, so a gzip bomb costs nothing.
/// A truncated page is still judged on what was read (its head holds the title).
/// </summary>
public static class BodyReader
{
    public static async Task<Body> ReadAsync(HttpContent content, long maxWire, long maxDecoded, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var (wire, wireTruncated) = await ReadCappedAsync(stream, maxWire, cancellationToken).ConfigureAwait(false);
            var encoding = content.Headers.ContentEncoding.LastOrDefault()?.Trim().ToLowerInvariant();
            if (encoding is null or "identity" or "")
            {
                return new Body(wire, wireTruncated);
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
                return new Body(wire, wireTruncated);
            }
            await using (decoder.ConfigureAwait(false))
            {
                try
                {
                    var (decoded, decodedTruncated) = await ReadCappedAsync(decoder, maxDecoded, cancellationToken).ConfigureAwait(false);
                    return new Body(decoded, wireTruncated || decodedTruncated);
                }
                catch (InvalidDataException)
                {
                    // A body cut at the wire cap (or a corrupt one) ends mid-stream: judge nothing from it.
                    return new Body([], true);
                }
            }
        }
    }

    private static async Task<(byte[] Bytes, bool Truncated)> ReadCappedAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var room = (int)Math.Min(chunk.Length, max - buffer.Length + 1);
            var read = await stream.ReadAsync(chunk.AsMemory(0, room), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.ToArray(), false);
            }
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                buffer.SetLength(max);
                return (buffer.ToArray(), true);
            }
        }
    }
}
