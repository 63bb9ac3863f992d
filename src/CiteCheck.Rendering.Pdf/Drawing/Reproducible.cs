using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CiteCheck.Rendering.Pdf.Drawing;

/// <summary>
/// Makes PDFsharp's output the same for the same input. PDFsharp 6.2 writes four things that change on every run:
/// the trailer's /ID (a new GUID), the XMP packet's xmpMM:DocumentID and xmpMM:InstanceID (new GUIDs), and a random
/// six-letter subset tag before each embedded font's name ("PDOKBI+DejaVu Sans"); it also names and dates every
/// annotation with a GUID and the clock, which <see cref="PdfDrawer"/> overrides when it adds links.
/// This pass rewrites them in the saved bytes, each with a value of the same length (so no offset in the
/// cross-reference table moves): subset tags from a hash of the font's name and place, the IDs from a SHA-256 of
/// the file with those fields blanked, that is, of everything else it contains.
/// </summary>
public static partial class Reproducible
{
    public static byte[] Apply(byte[] pdf)
    {
        // Latin-1 maps every byte to one char and back, so the regexes can work on binary content without changing it.
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        text = SubsetTag().Replace(text, m =>
        {
            var random = m.Groups["tag"].Value;
            if (!tags.TryGetValue(random, out var stable))
            {
                stable = Tag($"{tags.Count}:{m.Groups["name"].Value}");
                tags[random] = stable;
            }
            return $"{m.Groups["key"].Value}/{stable}+{m.Groups["name"].Value}";
        });
        const string zeroUuid = "00000000-0000-0000-0000-000000000000";
        text = XmpUuid().Replace(text, m => $"<{m.Groups["element"].Value}>uuid:{zeroUuid}<");
        text = TrailerId().Replace(text, m => m.Groups["open"].Value + new string('0', 32) + "><" + new string('0', 32) + ">]");

        var hash = SHA256.HashData(Encoding.Latin1.GetBytes(text));
        var id = Convert.ToHexString(hash, 0, 16);
        var uuid = new Guid(hash.AsSpan(0, 16)).ToString("D");
        text = XmpUuid().Replace(text, m => $"<{m.Groups["element"].Value}>uuid:{uuid}<");
        text = TrailerId().Replace(text, m => m.Groups["open"].Value + id + "><" + id + ">]");
        var result = Encoding.Latin1.GetBytes(text);
        if (result.Length != pdf.Length)
        {
            throw new InvalidOperationException("making the PDF reproducible changed its length");
        }
        return result;
    }

    /// <summary>Six capital letters from a hash of the seed, the shape PDF requires of a subset tag.</summary>
    private static string Tag(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return string.Concat(hash.Take(6).Select(b => (char)('A' + b % 26)));
    }

    [GeneratedRegex(@"(?<key>/FontName|/BaseFont)/(?<tag>[A-Z]{6})\+(?<name>[^/\s<>\[\]()]*)")]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"<(?<element>xmpMM:DocumentID|xmpMM:InstanceID)>uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}<")]
    private static partial Regex XmpUuid();

    [GeneratedRegex(@"(?<open>/ID\s*\[\s*<)[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\]")]
    private static partial Regex TrailerId();
}
