using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CiteCheck.Checks.Links.Pages;

/// <summary>Which cap a body passed: none, the bytes read off the wire, the bytes after decompression, or the elements on the page.</summary>
public enum BodyCap
{
    None,
    Wire,
    Decoded,
    Elements,
}

/// <summary>
/// What reading a page gave: the page (title candidates, hash, text), or, when a cap was passed or the body could not be
/// decoded, a page with nothing in it (<see cref="PageInfo.Truncated"/> for a cap) and the reason.
/// </summary>
public sealed record PageRead(PageInfo Page, BodyCap Over = BodyCap.None, string? Corrupt = null)
{
    public bool Truncated => Over != BodyCap.None;
}

/// <summary>The caps a page is read under (from <see cref="LinkCheckOptions"/>).</summary>
public sealed record PageLimits(long MaxWireBytes, long MaxDecodedBytes, int MaxElements, int MaxTextChars)
{
    public static PageLimits Of(LinkCheckOptions options) =>
        new(options.MaxResponseBytes, options.MaxDecompressedBytes, options.MaxElements, options.MaxTextChars);
}

/// <summary>
/// Reads a page without trusting it, as a stream: bytes off the wire are counted (at most the wire cap plus one chunk is
/// read), gzip and deflate are expanded chunk by chunk and counted (a gzip bomb stops at the decoded cap), the
/// characters go straight to <see cref="HtmlScanner"/> (or, for plain text, to the text), and the content hash is taken
/// as the bytes pass. Nothing holds the whole body, so memory stays the same whatever the page holds; a page over a cap
/// keeps nothing (no title, hash or text) and is never judged from the part that was read. A body that cannot be decoded
/// (corrupt gzip) is <see cref="PageRead.Corrupt"/>. No browsing context, no scripts, no resource loading: nothing runs.
/// </summary>
public static partial class PageReader
{
    private const int Chunk = 16 * 1024;

    /// <summary>The Accept-Encoding the checker sends: the encodings <see cref="ReadAsync"/> decodes in bounded memory.</summary>
    public const string AcceptEncoding = "gzip, deflate";

    static PageReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsReadable(string? mediaType) =>
        mediaType is null
        || mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a page from memory (tests, and bodies already at hand).</summary>
    public static PageInfo Read(byte[] body, string? mediaType, string? charset, int maxTextChars) =>
        ReadAsync(new MemoryStream(body), null, mediaType, charset, null, new PageLimits(long.MaxValue, long.MaxValue, int.MaxValue, maxTextChars), CancellationToken.None)
            .GetAwaiter().GetResult().Page;

    /// <summary>
    /// Reads a body from <paramref name="wire"/>: <paramref name="contentEncoding"/> is the last Content-Encoding,
    /// <paramref name="contentLength"/> the announced length (a body announced over the wire cap is not read at all).
    /// </summary>
    public static async Task<PageRead> ReadAsync(Stream wire, string? contentEncoding, string? mediaType, string? charset, long? contentLength, PageLimits limits, CancellationToken cancellationToken)
    {
        var type = mediaType ?? "text/html";
        PageRead Over(BodyCap cap) => new(new PageInfo(type, null, null, null, "", null, true), cap);
        if (contentLength > limits.MaxWireBytes)
        {
            return Over(BodyCap.Wire);
        }
        var counted = new CountingStream(wire);
        var encoding = contentEncoding?.Trim().ToLowerInvariant();
        Stream? decoded = encoding switch
        {
            null or "" or "identity" => counted,
            "gzip" or "x-gzip" => new GZipStream(counted, CompressionMode.Decompress, leaveOpen: true),
            "deflate" => new ZLibStream(counted, CompressionMode.Decompress, leaveOpen: true),
            _ => null,
        };
        if (decoded is null)
        {
            // Only gzip and deflate are asked for: their decoders need 32 KiB each, where brotli's may take 16 MiB.
            return new PageRead(new PageInfo(type, null, null, null, "", null, false), BodyCap.None, $"its body is encoded as '{encoding}', which was not asked for");
        }
        var plain = type.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
        var scanner = plain ? null : new HtmlScanner(limits.MaxTextChars, limits.MaxElements);
        var text = plain ? new HtmlScanner.TextSink(limits.MaxTextChars) : null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var bytes = new byte[Chunk];
        var chars = new char[Chunk + 16];
        Decoder? decoder = null;
        var head = new MemoryStream(); // the first bytes, held until the encoding is known
        long total = 0;
        try
        {
            await using (decoded.ConfigureAwait(false))
            {
                while (true)
                {
                    var left = limits.MaxDecodedBytes - total;
                    var room = left >= Chunk ? Chunk : (int)left + 1; // one byte past the cap says it was passed
                    var read = await decoded.ReadAsync(bytes.AsMemory(0, room), cancellationToken).ConfigureAwait(false);
                    if (counted.Count > limits.MaxWireBytes)
                    {
                        return Over(BodyCap.Wire);
                    }
                    if (read == 0)
                    {
                        break;
                    }
                    total += read;
                    if (total > limits.MaxDecodedBytes)
                    {
                        return Over(encoding is "gzip" or "x-gzip" or "deflate" ? BodyCap.Decoded : BodyCap.Wire);
                    }
                    hash.AppendData(bytes, 0, read);
                    if (decoder is null)
                    {
                        head.Write(bytes, 0, read);
                        if (head.Length < 1024)
                        {
                            continue;
                        }
                        decoder = Sniff(head.GetBuffer().AsSpan(0, (int)head.Length), charset, plain).GetDecoder();
                        Feed(decoder, head.GetBuffer().AsSpan(0, (int)head.Length), chars, scanner, text, flush: false);
                        head = null!;
                    }
                    else
                    {
                        Feed(decoder, bytes.AsSpan(0, read), chars, scanner, text, flush: false);
                    }
                    if (scanner is { OverElementCap: true })
                    {
                        return Over(BodyCap.Elements);
                    }
                }
            }
        }
        catch (InvalidDataException e)
        {
            return new PageRead(new PageInfo(type, null, null, null, "", null, false), BodyCap.None, $"its {encoding} body is corrupt ({e.Message.TrimEnd('.')})");
        }
        if (decoder is null)
        {
            decoder = Sniff(head.GetBuffer().AsSpan(0, (int)head.Length), charset, plain).GetDecoder();
            Feed(decoder, head.GetBuffer().AsSpan(0, (int)head.Length), chars, scanner, text, flush: true);
        }
        else
        {
            Feed(decoder, [], chars, scanner, text, flush: true);
        }
        var digest = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (scanner is null)
        {
            return new PageRead(new PageInfo(type, null, null, null, digest, text!.ToString(), false));
        }
        scanner.Finish();
        if (scanner.OverElementCap)
        {
            return Over(BodyCap.Elements);
        }
        return new PageRead(new PageInfo(type, scanner.Title, scanner.OgTitle, scanner.Heading, digest, scanner.Text, false));
    }

    private static void Feed(Decoder decoder, ReadOnlySpan<byte> bytes, char[] chars, HtmlScanner? scanner, HtmlScanner.TextSink? text, bool flush)
    {
        do
        {
            decoder.Convert(bytes, chars, flush, out var used, out var produced, out var completed);
            bytes = bytes[used..];
            scanner?.Feed(chars.AsSpan(0, produced));
            text?.Append(chars.AsSpan(0, produced));
            if (completed && bytes.IsEmpty)
            {
                return;
            }
        }
        while (true);
    }

    /// <summary>The page's encoding: a byte order mark, the Content-Type charset, a &lt;meta&gt; charset in the first bytes, else UTF-8.</summary>
    public static Encoding Sniff(ReadOnlySpan<byte> head, string? charset, bool plain)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new UTF8Encoding(false);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }
        if (Named(charset) is { } declared)
        {
            return declared;
        }
        if (!plain && MetaCharset().Match(Encoding.Latin1.GetString(head[..Math.Min(head.Length, 1024)])) is { Success: true } m && Named(m.Groups["cs"].Value) is { } meta)
        {
            return meta is UnicodeEncoding ? new UTF8Encoding(false) : meta; // a page that reads as ASCII is not UTF-16
        }
        return new UTF8Encoding(false);
    }

    private static Encoding? Named(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }
        var name = charset.Trim('"', '\'', ' ').ToLowerInvariant();
        if (name is "iso-8859-1" or "latin1" or "us-ascii" or "ascii")
        {
            name = "windows-1252"; // as browsers read them
        }
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta[^>]*?charset\s*=\s*[""']?\s*(?<cs>[A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    /// <summary>Counts the bytes read through it (the wire cap).</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            Count += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Count += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
