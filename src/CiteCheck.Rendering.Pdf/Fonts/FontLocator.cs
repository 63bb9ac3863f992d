using CiteCheck.Model;

namespace CiteCheck.Rendering.Pdf.Fonts;

/// <summary>
/// Finds the fonts the native engine draws with, through the host: DejaVu, then Liberation, in the system font folders,
/// or in the folder or file given with --fonts. A missing font is a <see cref="RenderException"/> naming what was looked for.
/// </summary>
public static class FontLocator
{
    /// <summary>Where Debian, Ubuntu, Fedora and Alpine put DejaVu and Liberation.</summary>
    public static readonly string[] SystemFolders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/share/fonts/truetype/liberation2",
        "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/liberation",
        "/usr/share/fonts/liberation-serif",
        "/usr/share/fonts/liberation-sans",
        "/usr/share/fonts/liberation-mono",
        "/Library/Fonts",
        "C:\\Windows\\Fonts",
    ];

    /// <summary>A family as file names: regular, bold, italic, bold italic.</summary>
    private sealed record Candidate(string Name, string Regular, string Bold, string Italic, string BoldItalic);

    private static readonly Candidate[] SerifCandidates =
    [
        new("DejaVu Serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"),
        new("Liberation Serif", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"),
    ];

    private static readonly Candidate[] SansCandidates =
    [
        new("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
        new("Liberation Sans", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"),
    ];

    private static readonly Candidate[] MonoCandidates =
    [
        new("DejaVu Sans Mono", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", "DejaVuSansMono-Oblique.ttf", "DejaVuSansMono-BoldOblique.ttf"),
        new("Liberation Mono", "LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf", "LiberationMono-Italic.ttf", "LiberationMono-BoldItalic.ttf"),
    ];

    /// <summary>
    /// Finds the serif, sans and mono families. With <paramref name="fontPath"/>: a font file is used for every role
    /// (bold and italic simulated); a folder is searched for DejaVu or Liberation, else for one family of
    /// <c>Name-Regular.ttf</c> / <c>-Bold</c> / <c>-Italic</c> / <c>-BoldItalic</c> files. Without it, the system folders are searched.
    /// A missing sans or mono family falls back to the serif one; no serif family at all is an error.
    /// </summary>
    public static FontFamilySet Locate(IHost host, string? fontPath)
    {
        if (fontPath is not null)
        {
            return FromPath(host, fontPath);
        }
        var serif = Find(host, SystemFolders, SerifCandidates) ?? Find(host, SystemFolders, SansCandidates);
        if (serif is null)
        {
            throw new RenderException(
                "no font found for the PDF edition: looked for DejaVu Serif (DejaVuSerif.ttf), Liberation Serif (LiberationSerif-Regular.ttf), " +
                $"DejaVu Sans and Liberation Sans in {string.Join(", ", SystemFolders)}. " +
                "Install fonts-dejavu (Debian/Ubuntu: apt-get install fonts-dejavu-core) or give a font folder or file with --fonts.");
        }
        var sans = Find(host, SystemFolders, SansCandidates) ?? serif;
        var mono = Find(host, SystemFolders, MonoCandidates) ?? sans;
        return new FontFamilySet(serif, sans, mono);
    }

    private static FontFamilySet FromPath(IHost host, string fontPath)
    {
        if (host.FileExists(fontPath))
        {
            if (!IsFontFile(fontPath))
            {
                throw new RenderException($"--fonts {fontPath}: not a TrueType or OpenType font file (.ttf or .otf)");
            }
            var only = new FontFaces(Path.GetFileNameWithoutExtension(fontPath), Read(host, fontPath), null, null, null);
            return new FontFamilySet(only, only, only);
        }
        if (!host.DirectoryExists(fontPath))
        {
            throw new RenderException($"--fonts {fontPath}: no such font file or folder");
        }
        string[] folder = [fontPath];
        var serif = Find(host, folder, SerifCandidates);
        var sans = Find(host, folder, SansCandidates);
        var generic = serif is null && sans is null ? FindGeneric(host, fontPath) : null;
        var main = serif ?? sans ?? generic ?? throw new RenderException(
            $"--fonts {fontPath}: no usable font in this folder: looked for DejaVuSerif.ttf, LiberationSerif-Regular.ttf, DejaVuSans.ttf, " +
            "LiberationSans-Regular.ttf, or a family of Name-Regular.ttf (with -Bold, -Italic, -BoldItalic) files");
        return new FontFamilySet(main, sans ?? main, Find(host, folder, MonoCandidates) ?? sans ?? main);
    }

    private static FontFaces? Find(IHost host, IEnumerable<string> folders, IEnumerable<Candidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            foreach (var folder in folders)
            {
                var regular = Path.Combine(folder, candidate.Regular);
                if (host.FileExists(regular))
                {
                    return new FontFaces(
                        candidate.Name,
                        Read(host, regular),
                        Optional(host, Path.Combine(folder, candidate.Bold)),
                        Optional(host, Path.Combine(folder, candidate.Italic)),
                        Optional(host, Path.Combine(folder, candidate.BoldItalic)));
                }
            }
        }
        return null;
    }

    /// <summary>The first (in ordinal order) <c>Name-Regular.ttf</c> or <c>.otf</c> of a folder, with its sibling faces.</summary>
    private static FontFaces? FindGeneric(IHost host, string folder)
    {
        var regular = host.EnumerateFiles(folder, "*-Regular.*")
            .Where(IsFontFile)
            .OrderBy(p => p, StringComparer.Ordinal)
            .FirstOrDefault();
        if (regular is null)
        {
            return null;
        }
        var extension = Path.GetExtension(regular);
        var stem = Path.GetFileNameWithoutExtension(regular)[..^"-Regular".Length];
        FontFile? Sibling(string style) => Optional(host, Path.Combine(folder, $"{stem}-{style}{extension}"));
        return new FontFaces(stem, Read(host, regular), Sibling("Bold"), Sibling("Italic"), Sibling("BoldItalic"));
    }

    private static bool IsFontFile(string path) =>
        path.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".otf", StringComparison.OrdinalIgnoreCase);

    private static FontFile? Optional(IHost host, string path) => host.FileExists(path) ? Read(host, path) : null;

    private static FontFile Read(IHost host, string path)
    {
        byte[] bytes;
        try
        {
            bytes = host.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RenderException($"cannot read the font {path}: {e.Message}");
        }
        if (SfntProblem(bytes) is { } problem)
        {
            throw new RenderException($"{path}: not a usable TrueType or OpenType font ({problem}): give --fonts a font file or folder that works, or leave it out to use the system's");
        }
        return new FontFile(path, bytes);
    }

    /// <summary>Tables every TrueType or OpenType font has and the PDF engine reads.</summary>
    private static readonly string[] RequiredTables = ["cmap", "head", "hhea", "hmtx", "maxp"];

    /// <summary>
    /// Why the bytes are not a font PDFsharp can read, or null: checks the sfnt header and that the table directory and
    /// the tables the engine reads lie inside the file. A corrupt or truncated file is thus a clear error here instead
    /// of a crash deep in the drawing.
    /// </summary>
    private static string? SfntProblem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12)
        {
            return "the file is too short";
        }
        var version = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (version is not (0x00010000 or 0x4F54544F /* OTTO */ or 0x74727565 /* true */))
        {
            return version == 0x74746366 /* ttcf */ ? "a font collection (.ttc); give one font of it" : "it does not start like a font";
        }
        var tables = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
        if (12 + (tables * 16) > bytes.Length)
        {
            return "its table directory is cut short";
        }
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tables; i++)
        {
            var entry = bytes.Slice(12 + (i * 16), 16);
            var tag = System.Text.Encoding.ASCII.GetString(entry[..4]);
            var offset = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            var length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            if (offset + length > bytes.Length)
            {
                return $"its '{tag}' table lies past the end of the file";
            }
            found.Add(tag);
        }
        var missing = RequiredTables.Where(t => !found.Contains(t)).ToList();
        return missing.Count > 0 ? $"it has no {string.Join(", ", missing)} table" : null;
    }
}
