using System.Text;
using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Pdf;
using CiteCheck.Rendering.Pdf.Chromium;
using CiteCheck.Tests.Support;
using UglyToad.PdfPig;

namespace CiteCheck.Tests.Rendering.Pdf;

public sealed class ChromiumEngineTests
{
    /// <summary>A stand-in for the HTML edition: a page with its own print stylesheet.</summary>
    private sealed class TinyHtmlEdition : IEditionRenderer
    {
        public string Format => "html";

        public IReadOnlyList<EditionFile> Render(EditionModel edition, EditionOptions options, IHost host) =>
        [
            new("report.html", Encoding.UTF8.GetBytes($"""
                <!doctype html><html><head><meta charset="utf-8"><title>{edition.Front.Title}</title><link rel="stylesheet" href="print.css"></head>
                <body><h1>{edition.Front.Title}</h1><p class="only-in-print">Printed by Chromium.</p></body></html>
                """)),
            new("print.css", Encoding.UTF8.GetBytes("@page { margin: 20mm } .only-in-print { display: none } @media print { .only-in-print { display: block } }")),
        ];
    }

    private static EditionOptions Chromium(string? browser = null) => PdfRender.Options() with { PdfEngine = "chromium", BrowserPath = browser };

    [Fact]
    public void Prints_the_html_edition_with_its_print_stylesheet_in_an_installed_browser()
    {
        string browser;
        try
        {
            browser = BrowserLocator.Find(new PhysicalHost(), null);
        }
        catch (RenderException e)
        {
            Assert.Skip("no Chromium or Chrome is installed, so the chromium engine cannot be tested here: " + e.Message);
            return;
        }
        var renderer = new PdfEditionRenderer(() => new TinyHtmlEdition());
        var pdf = renderer.Render(Parse.Check("# Printed through Chromium\n\nText.\n"), Chromium(browser), new PhysicalHost()).Single().Content;
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().Select(PdfRender.Words));
        Assert.Contains("Printed through Chromium", text, StringComparison.Ordinal);
        Assert.Contains("Printed by Chromium.", text, StringComparison.Ordinal);
        Assert.InRange(document.GetPage(1).Width, 594.5, 596.5);
    }

    [Fact]
    public void A_bogus_browser_path_is_a_clear_error_that_names_the_native_engine()
    {
        var renderer = new PdfEditionRenderer(() => new TinyHtmlEdition());
        var error = Assert.Throws<RenderException>(() => renderer.Render(Parse.Check("# T\n\nText.\n"), Chromium("/no/such/chromium"), new PhysicalHost()));
        Assert.Contains("--browser /no/such/chromium: no such file", error.Message, StringComparison.Ordinal);
        Assert.Contains("--pdf-engine native", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_browser_is_a_clear_error()
    {
        var notABrowser = Path.GetTempFileName();
        try
        {
            var renderer = new PdfEditionRenderer(() => new TinyHtmlEdition());
            var error = Assert.Throws<RenderException>(() => renderer.Render(Parse.Check("# T\n\nText.\n"), Chromium(notABrowser), new PhysicalHost()));
            Assert.Contains($"could not start the browser {notABrowser}", error.Message, StringComparison.Ordinal);
            Assert.Contains("--pdf-engine native", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(notABrowser);
        }
    }

    [Fact]
    public void With_no_browser_on_the_usual_paths_the_error_says_so_and_how_to_choose_the_native_engine()
    {
        var error = Assert.Throws<RenderException>(() => BrowserLocator.Find(new NoBrowserHost(), null));
        Assert.Contains("no Chromium or Chrome found", error.Message, StringComparison.Ordinal);
        Assert.Contains("/usr/bin/chromium", error.Message, StringComparison.Ordinal);
        Assert.Contains("never downloads", error.Message, StringComparison.Ordinal);
        Assert.Contains("--pdf-engine native", error.Message, StringComparison.Ordinal);
    }

    private sealed class NoBrowserHost : IHost
    {
        public bool FileExists(string path) => false;

        public bool DirectoryExists(string path) => false;

        public byte[] ReadAllBytes(string path) => throw new FileNotFoundException(path);

        public void WriteAtomically(string path, ReadOnlySpan<byte> content) => throw new NotSupportedException();

        public void CreateDirectory(string path) => throw new NotSupportedException();

        public IEnumerable<string> EnumerateFiles(string directory, string pattern) => [];

        public IEnumerable<string> EnumerateDirectories(string directory, string pattern) => [];

        public void MoveDirectory(string source, string destination) => throw new NotSupportedException();

        public void DeleteDirectory(string path) => throw new NotSupportedException();

        public DateTimeOffset Now => PdfRender.BuildTime;

        public string? GetEnvironmentVariable(string name) => null;

        public HttpMessageHandler CreateHttpHandler() => throw new NotSupportedException();
    }
}
