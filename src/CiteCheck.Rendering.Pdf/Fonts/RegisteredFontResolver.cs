using System.Collections.Concurrent;
using System.Security.Cryptography;
using PdfSharp.Fonts;

namespace CiteCheck.Rendering.Pdf.Fonts;

/// <summary>
/// PDFsharp's font resolver for the whole process (<see cref="GlobalFontSettings.FontResolver"/> may be set only once).
/// Each render registers the faces it found under a family name made from a hash of their bytes, so renders with
/// different --fonts in one process never see each other's fonts and the same fonts always get the same name.
/// PDFsharp 6 on Linux and macOS has no access to system fonts of its own: without a resolver every XFont throws.
/// No fallback resolver is set, because this one answers for every family the engine asks for and nothing else asks.
/// </summary>
public sealed class RegisteredFontResolver : IFontResolver
{
    private static readonly Lock Gate = new();
    private static RegisteredFontResolver? _installed;

    private readonly ConcurrentDictionary<string, FontFaces> _families = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private RegisteredFontResolver()
    {
    }

    /// <summary>Installs the resolver once per process and returns it; fails clearly if another resolver got there first.</summary>
    public static RegisteredFontResolver Install()
    {
        lock (Gate)
        {
            if (_installed is not null)
            {
                return _installed;
            }
            if (GlobalFontSettings.FontResolver is { } other)
            {
                throw new RenderException($"another PDFsharp font resolver ({other.GetType().FullName}) is installed in this process; the native PDF engine needs its own");
            }
            var resolver = new RegisteredFontResolver();
            GlobalFontSettings.FontResolver = resolver;
            _installed = resolver;
            return resolver;
        }
    }

    /// <summary>Registers a family's faces and returns the family name to create XFonts with.</summary>
    public string Register(FontRole role, FontFaces faces)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var face in new[] { faces.Regular, faces.Bold, faces.Italic, faces.BoldItalic })
        {
            hash.AppendData(BitConverter.GetBytes(face?.Data.Length ?? -1));
            if (face is not null)
            {
                hash.AppendData(face.Data);
            }
        }
        var family = $"CiteCheck {role} {Convert.ToHexString(hash.GetHashAndReset())[..16]}";
        if (_families.TryAdd(family, faces))
        {
            _faces[FaceKey(family, false, false)] = faces.Regular.Data;
            AddFace(family, true, false, faces.Bold);
            AddFace(family, false, true, faces.Italic);
            AddFace(family, true, true, faces.BoldItalic);
        }
        return family;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!_families.TryGetValue(familyName, out var faces))
        {
            return null;
        }
        // The closest face that exists; what it lacks, PDFsharp simulates (emboldening, slanting).
        (bool Bold, bool Italic, FontFile? File)[] choices =
        [
            (bold, italic, Face(faces, bold, italic)),
            (bold, false, bold ? faces.Bold : null),
            (false, italic, italic ? faces.Italic : null),
            (false, false, faces.Regular),
        ];
        var (hasBold, hasItalic, _) = choices.First(c => c.File is not null);
        return new FontResolverInfo(FaceKey(familyName, hasBold, hasItalic), bold && !hasBold, italic && !hasItalic);
    }

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var data) ? data : null;

    private void AddFace(string family, bool bold, bool italic, FontFile? file)
    {
        if (file is not null)
        {
            _faces[FaceKey(family, bold, italic)] = file.Data;
        }
    }

    private static FontFile? Face(FontFaces faces, bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => faces.BoldItalic,
        (true, false) => faces.Bold,
        (false, true) => faces.Italic,
        _ => faces.Regular,
    };

    private static string FaceKey(string family, bool bold, bool italic) => $"{family}#{(bold ? "b" : "")}{(italic ? "i" : "")}";
}
