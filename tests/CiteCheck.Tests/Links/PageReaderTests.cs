using System.IO.Compression;
using System.Text;
using CiteCheck.Checks.Links;
using CiteCheck.Checks.Links.Pages;

namespace CiteCheck.Tests.Links;

/// <summary>
/// The page reader's caps and its reading of HTML: a body over a cap is never parsed whole nor judged from the part read,
/// a gzip bomb is not decoded past its cap, a corrupt body is a finding, and the streaming scanner finds what a DOM would.
/// </summary>
public sealed class PageReaderTests
{
    private static readonly PageLimits Small = new(MaxWireBytes: 4096, MaxDecodedBytes: 8192, MaxElements: 1000, MaxTextChars: 10_000);

    private static byte[] Gzip(Action<Stream> write)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            write(gzip);
        }
        return compressed.ToArray();
    }

    private static Task<PageRead> Read(Stream wire, string? encoding = null, long? length = null, PageLimits? limits = null, string mediaType = "text/html", string? charset = null) =>
        PageReader.ReadAsync(wire, encoding, mediaType, charset, length, limits ?? Small, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_body_over_the_read_cap_is_read_no_further_than_the_cap_and_not_judged()
    {
        // Parsed, its title would be a soft 404.
        var page = Encoding.UTF8.GetBytes("<html><head><title>Page not found</title></head><body><p>" + new string('x', 100_000) + "</p></body></html>");
        var wire = new CountingStream(page);
        var read = await Read(wire);
        Assert.Equal(BodyCap.Wire, read.Over);
        Assert.Equal(new PageInfo("text/html", null, null, null, "", null, true), read.Page);
        Assert.True(wire.Served <= Small.MaxWireBytes + 16 * 1024, $"{wire.Served} bytes read for a cap of {Small.MaxWireBytes}");
    }

    [Fact]
    public async Task A_body_announced_over_the_read_cap_is_not_read_at_all()
    {
        var wire = new CountingStream(new byte[10_000]);
        var read = await Read(wire, length: 10_000);
        Assert.Equal(BodyCap.Wire, read.Over);
        Assert.Equal(0, wire.Served);
    }

    [Fact]
    public async Task A_gzip_bomb_is_decoded_no_further_than_the_decoded_cap_and_not_judged()
    {
        var zeros = new byte[1024 * 1024];
        Array.Fill(zeros, (byte)'0');
        var megabyte = Gzip(z => z.Write(zeros));
        using var members = new MemoryStream(); // gzip members one after another decode as one body
        members.Write(Gzip(z => z.Write("<html><head><title>Page not found</title></head><body><p>"u8)));
        for (var i = 0; i < 200; i++)
        {
            members.Write(megabyte); // 200 MiB of text, as in the issue
        }
        var bomb = members.ToArray();
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        var wire = new CountingStream(bomb);
        var read = await Read(wire, "gzip", limits: Small with { MaxWireBytes = bomb.Length + 1 });
        Assert.Equal(BodyCap.Decoded, read.Over);
        Assert.Equal(new PageInfo("text/html", null, null, null, "", null, true), read.Page);
        // Decoding stopped at the cap: only the start of the compressed stream was consumed, not the whole bomb.
        Assert.True(wire.Served < bomb.Length / 10, $"{wire.Served} of {bomb.Length} compressed bytes consumed");
    }

    [Fact]
    public async Task A_page_of_a_million_tiny_elements_passes_the_element_cap_and_is_not_judged()
    {
        var elements = Gzip(z =>
        {
            z.Write("<html><head><title>Page not found</title></head><body>"u8);
            for (var i = 0; i < 1_000_000; i++)
            {
                z.Write("<b>"u8); // never closed: a million levels deep, for a tree
            }
        });
        var limits = new LinkCheckOptions();
        var read = await Read(new MemoryStream(elements), "gzip", limits: PageLimits.Of(limits));
        Assert.Equal(BodyCap.Elements, read.Over);
        Assert.Null(read.Page.Title);
        Assert.True(read.Page.Truncated);
    }

    [Fact]
    public async Task A_corrupt_gzip_body_is_unreadable_not_an_empty_page()
    {
        var good = Gzip(z => z.Write(Encoding.UTF8.GetBytes("<title>Fine</title><p>" + new string('a', 5000) + "</p>")));
        var corrupt = good.ToArray();
        for (var i = 20; i < corrupt.Length - 8; i += 7)
        {
            corrupt[i] ^= 0x5A;
        }
        var read = await Read(new MemoryStream(corrupt), "gzip", limits: Small with { MaxWireBytes = 100_000 });
        Assert.NotNull(read.Corrupt);
        Assert.Contains("gzip", read.Corrupt);
        Assert.Null(read.Page.Title);
        Assert.Null(read.Page.Text);
    }

    [Fact]
    public async Task An_encoding_not_asked_for_is_unreadable()
    {
        var read = await Read(new MemoryStream("<title>x</title>"u8.ToArray()), "br");
        Assert.Contains("'br'", read.Corrupt);
    }

    [Theory]
    [InlineData(4096, false, BodyCap.None)] // the wire cap exactly
    [InlineData(4097, false, BodyCap.Wire)] // one byte past it
    [InlineData(8192, true, BodyCap.None)] // the decoded cap exactly
    [InlineData(8193, true, BodyCap.Decoded)]
    public async Task Caps_hold_at_the_limit_and_one_byte_past_it(int size, bool gzip, BodyCap expected)
    {
        var page = new byte[size];
        Array.Fill(page, (byte)'x');
        var wire = gzip ? Gzip(z => z.Write(page)) : page;
        var read = await Read(new MemoryStream(wire), gzip ? "gzip" : null);
        Assert.Equal(expected, read.Over);
        Assert.Equal(expected == BodyCap.None ? size : 0, read.Page.Text?.Length ?? 0);
    }

    [Theory]
    [InlineData(1000, BodyCap.None)] // the element cap exactly
    [InlineData(1001, BodyCap.Elements)]
    public async Task The_element_cap_holds_at_the_limit_and_one_past_it(int elements, BodyCap expected)
    {
        var html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<i>", elements)));
        var read = await Read(new MemoryStream(html));
        Assert.Equal(expected, read.Over);
    }

    [Fact]
    public void The_scanner_reads_title_og_title_first_h1_and_visible_text()
    {
        var html = """
            <!DOCTYPE html><html><head>
            <meta charset="utf-8"><title>Prison riot &amp; aftermath | The Daily</title>
            <meta property="og:title" content="Prison riot &quot;leaves 32 dead&quot;">
            <style>p { color: red } </style><script>var s = "</p><h1>not a heading</h1>"; if (a < b) {}</script>
            </head><body><!-- a comment <h1>no</h1> -->
            <noscript><p>Enable scripts</p></noscript><svg><title>icon</title><text>999</text></svg>
            <h1>Prison <em>riot</em> leaves 32 dead</h1><h1>Second</h1>
            <table><tr><td>1</td><td>300</td></tr></table><p>About 1,300&nbsp;people <b>fled</b>; 5 &lt; 7.</p>
            <template><p>hidden 777</p></template>
            </body></html>
            """;
        var page = PageReader.Read(Encoding.UTF8.GetBytes(html), "text/html", null, 10_000);
        Assert.Equal("Prison riot & aftermath | The Daily", page.Title);
        Assert.Equal("Prison riot \"leaves 32 dead\"", page.OgTitle);
        Assert.Equal("Prison riot leaves 32 dead", page.Heading);
        Assert.Equal("Prison riot leaves 32 dead Second 1 300 About 1,300 people fled; 5 < 7.", page.Text); // no-break space is white space
        Assert.False(page.Truncated);
        Assert.Equal(64, page.ContentHash.Length);
    }

    [Fact]
    public void The_scanner_takes_the_charset_from_a_meta_tag()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Caf\u00e9 d\u00e9j\u00e0</title></head></html>");
        Assert.Equal("Caf\u00e9 d\u00e9j\u00e0", PageReader.Read(bytes, "text/html", null, 100).Title);
        Assert.Equal("Caf\u00e9 d\u00e9j\u00e0", PageReader.Read(bytes, "text/html", "iso-8859-1", 100).Title);
    }

    [Fact]
    public void Deep_nesting_and_unterminated_markup_do_not_break_the_scanner()
    {
        var deep = "<title>Deep</title>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "42 people " + "<a href=\"x>y\" title='>'>link</a><p attr=\"unterminated";
        var page = PageReader.Read(Encoding.UTF8.GetBytes(deep), "text/html", null, 1000);
        Assert.Equal("Deep", page.Title);
        Assert.Equal("42 people link", page.Text);
    }

    [Fact]
    public void Plain_text_is_its_own_text_and_text_is_cut_at_the_cap()
    {
        var page = PageReader.Read(Encoding.UTF8.GetBytes("Line one\n\n  line   two " + new string('z', 100)), "text/plain", "utf-8", 20);
        Assert.Null(page.Title);
        Assert.Equal("Line one line two zz", page.Text);
    }

    /// <summary>A stream over bytes that counts how many it handed out.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = base.Read(buffer, offset, count);
            Served += n;
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = base.Read(buffer);
            Served += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = base.Read(buffer.Span);
            Served += n;
            return ValueTask.FromResult(n);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
