using System.Text;
using CiteCheck.Model;

namespace CiteCheck.Compiler;

/// <summary>Reads input text through the host and turns every way it can be unreadable into an <see cref="InputException"/>.</summary>
public static class InputReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a UTF-8 text file; <paramref name="format"/> names what it should hold ("Markdown", "YAML") in the messages.</summary>
    public static string ReadText(IHost host, string path, string format = "Markdown")
    {
        if (host.DirectoryExists(path))
        {
            throw new InputException(path, null, $"is a directory, not a {format} file");
        }
        if (!host.FileExists(path))
        {
            throw new InputException(path, null, "no such file");
        }
        byte[] bytes;
        try
        {
            var length = host.FileLength(path);
            if (length > Limits.MaxInputBytes)
            {
                throw new InputException(path, null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"is {length:N0} bytes; CiteCheck reads files up to {Limits.MaxInputBytes:N0} bytes, 16 MiB (docs/limits.md): split it into smaller files"));
            }
            bytes = host.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, null, $"cannot be read: {e.Message}");
        }
        if (Utf16Or32(bytes) is { } encoding)
        {
            throw new InputException(path, null, $"is {encoding}; CiteCheck reads UTF-8: convert it (e.g. iconv -f {encoding} -t UTF-8)");
        }
        if (Utf16WithoutMark(bytes) is { } order)
        {
            throw new InputException(path, null, $"is UTF-16 ({order}, without a byte order mark); CiteCheck reads UTF-8: convert it (e.g. iconv -f UTF-16{(order == "little-endian" ? "LE" : "BE")} -t UTF-8)");
        }
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new InputException(path, LineOf(bytes, nul), $"looks like a binary file (it contains a NUL byte), not {format}");
        }
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new InputException(path, LineOf(bytes, Math.Max(0, e.Index)), "is not valid UTF-8");
        }
    }

    /// <summary>"UTF-16" or "UTF-32" when the bytes open with that encoding's byte order mark (either byte order), else null.</summary>
    private static string? Utf16Or32(byte[] bytes) => bytes switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] or [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32",
        [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16",
        _ => null,
    };

    /// <summary>
    /// "little-endian" or "big-endian" when the bytes read as UTF-16 text without a byte order mark: most of the text is
    /// ASCII, so one byte of most pairs is NUL, always on the same side (odd bytes for little-endian). Else null.
    /// </summary>
    private static string? Utf16WithoutMark(byte[] bytes)
    {
        var pairs = Math.Min(bytes.Length, 4096) / 2;
        if (pairs < 2)
        {
            return null;
        }
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            evenNul += bytes[i] == 0 ? 1 : 0;
            oddNul += bytes[i + 1] == 0 ? 1 : 0;
        }
        return oddNul * 10 >= pairs * 7 && evenNul * 10 <= pairs ? "little-endian"
            : evenNul * 10 >= pairs * 7 && oddNul * 10 <= pairs ? "big-endian"
            : null;
    }

    private static int LineOf(byte[] bytes, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                line++;
            }
        }
        return line;
    }
}
