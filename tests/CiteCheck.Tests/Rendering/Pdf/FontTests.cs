using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Pdf.Fonts;
using CiteCheck.Tests.Support;
using UglyToad.PdfPig;

namespace CiteCheck.Tests.Rendering.Pdf;

public sealed class FontTests
{
    private static CheckedReport Small() => Parse.Check("# Fonts\n\nA paragraph with **bold** and *italic* text. (Sources: [Agency](#) [1])\n");

    /// <summary>The real file system, without any font file on it.</summary>
    private sealed class NoFontsHost : IHost
    {
        private readonly PhysicalHost _inner = new();

        private static bool IsFont(string path) => path.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".otf", StringComparison.OrdinalIgnoreCase);

        public bool FileExists(string path) => !IsFont(path) && _inner.FileExists(path);

        public bool DirectoryExists(string path) => _inner.DirectoryExists(path);

        public byte[] ReadAllBytes(string path) => IsFont(path) ? throw new FileNotFoundException(path) : _inner.ReadAllBytes(path);

        public void WriteAtomically(string path, ReadOnlySpan<byte> content) => _inner.WriteAtomically(path, content);

        public void CreateDirectory(string path) => _inner.CreateDirectory(path);

        public IEnumerable<string> EnumerateFiles(string directory, string pattern) => _inner.EnumerateFiles(directory, pattern).Where(p => !IsFont(p));

        public IEnumerable<string> EnumerateDirectories(string directory, string pattern) => _inner.EnumerateDirectories(directory, pattern);

        public void MoveDirectory(string source, string destination) => _inner.MoveDirectory(source, destination);

        public void DeleteDirectory(string path) => _inner.DeleteDirectory(path);

        public DateTimeOffset Now => _inner.Now;

        public string? GetEnvironmentVariable(string name) => _inner.GetEnvironmentVariable(name);

        public HttpMessageHandler CreateHttpHandler() => _inner.CreateHttpHandler();
    }

    [Fact]
    public void No_font_on_the_system_is_a_clear_error_naming_what_was_looked_for()
    {
        var error = Assert.Throws<RenderException>(() => PdfRender.Render(Small(), host: new NoFontsHost()));
        Assert.Contains("no font found", error.Message, StringComparison.Ordinal);
        Assert.Contains("DejaVuSerif.ttf", error.Message, StringComparison.Ordinal);
        Assert.Contains("LiberationSerif-Regular.ttf", error.Message, StringComparison.Ordinal);
        Assert.Contains("/usr/share/fonts/truetype/dejavu", error.Message, StringComparison.Ordinal);
        Assert.Contains("--fonts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fonts_folder_without_a_usable_font_is_a_clear_error()
    {
        var folder = Directory.CreateTempSubdirectory("citecheck-fonts-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "readme.txt"), "no fonts here");
            var error = Assert.Throws<RenderException>(() => PdfRender.Render(Small(), PdfRender.Options() with { FontPath = folder.FullName }));
            Assert.Contains(folder.FullName, error.Message, StringComparison.Ordinal);
            Assert.Contains("DejaVuSerif.ttf", error.Message, StringComparison.Ordinal);
            var missing = Path.Combine(folder.FullName, "nope.ttf");
            error = Assert.Throws<RenderException>(() => PdfRender.Render(Small(), PdfRender.Options() with { FontPath = missing }));
            Assert.Contains($"--fonts {missing}: no such font file or folder", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_single_font_file_draws_every_face_and_the_text_stays_searchable()
    {
        var system = FontLocator.Locate(new PhysicalHost(), null);
        var folder = Directory.CreateTempSubdirectory("citecheck-fonts-");
        try
        {
            var file = Path.Combine(folder.FullName, "Only-Regular.ttf");
            File.WriteAllBytes(file, system.Sans.Regular.Data);
            foreach (var fontPath in new[] { file, folder.FullName })
            {
                var pdf = PdfRender.Render(Small(), PdfRender.Options() with { FontPath = fontPath });
                using var document = PdfDocument.Open(pdf);
                var page = document.GetPage(1);
                Assert.Contains("A paragraph with bold and italic text.", PdfRender.Words(page), StringComparison.Ordinal);
                // One embedded face, bold and italic simulated from it.
                Assert.Single(page.Letters.Select(l => (l.FontName ?? "").Split('+')[^1]).Distinct());
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
