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
        try
        {
            return new FontFile(path, host.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RenderException($"cannot read the font {path}: {e.Message}");
        }
    }
}
