namespace CiteCheck.Rendering.Pdf.Fonts;

/// <summary>The typeface roles the native engine draws with: body text, headings and tables, code.</summary>
public enum FontRole
{
    Serif,
    Sans,
    Mono,
}

/// <summary>One font file, read through the host: where it came from and its bytes.</summary>
public sealed record FontFile(string Path, byte[] Data);

/// <summary>
/// The faces of one family. <see cref="Regular"/> is required; a missing bold or italic face is simulated by PDFsharp
/// (fonts-dejavu-core alone has no DejaVu Serif Italic, for instance).
/// </summary>
public sealed record FontFaces(string Name, FontFile Regular, FontFile? Bold, FontFile? Italic, FontFile? BoldItalic);

/// <summary>The families found for one render, by role.</summary>
public sealed record FontFamilySet(FontFaces Serif, FontFaces Sans, FontFaces Mono)
{
    public FontFaces For(FontRole role) => role switch
    {
        FontRole.Sans => Sans,
        FontRole.Mono => Mono,
        _ => Serif,
    };
}
