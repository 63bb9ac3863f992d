using System.Text;
using CiteCheck.Tests.Cli;

namespace CiteCheck.Tests.Compiler;

/// <summary>Input that cannot be read is named for what it is, with what to do, in one line (exit code 2).</summary>
public class InputReaderTests
{
    [Theory]
    [InlineData("utf-16le.md", "UTF-16")]
    [InlineData("utf-16be.md", "UTF-16")]
    [InlineData("utf-32le.md", "UTF-32")]
    public void A_utf16_or_utf32_file_is_named_as_such_with_how_to_convert_it(string name, string encoding)
    {
        var text = "# Title\n\nPolice arrested 4 men. Source: [Reuters](#) [1]\n";
        Encoding writer = name switch
        {
            "utf-16le.md" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be.md" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        };
        using var folder = new TempFolder();
        var report = folder.Write(name, [.. writer.GetPreamble(), .. writer.GetBytes(text)]);
        var result = CliRun.Run("check", report);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"citecheck: error: {report}: is {encoding}; CiteCheck reads UTF-8: convert it (e.g. iconv -f {encoding} -t UTF-8)", Assert.Single(result.ErrorLines));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_read_and_dropped()
    {
        using var folder = new TempFolder();
        var report = folder.Write("bom.md", [0xEF, 0xBB, 0xBF, .. "Police arrested 4 men. Source: [Reuters](https://r.example) [1]\n"u8]);
        var result = CliRun.Run("check", report);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 claim, 1 citation", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--sources")]
    [InlineData("--review")]
    public void A_directory_given_for_a_yaml_file_is_called_a_directory_not_a_markdown_file(string option)
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", "Police arrested 4 men. Source: [Reuters](#) [1]\n");
        Directory.CreateDirectory(Path.Combine(folder.Path, "data"));
        var result = CliRun.In(folder.Path, "check", "report.md", option, "data");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("citecheck: error: data: is a directory, not a YAML file", Assert.Single(result.ErrorLines));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void A_binary_bibliography_is_called_not_yaml()
    {
        using var folder = new TempFolder();
        folder.Write("report.md", "Police arrested 4 men. Source: [Reuters](#) [1]\n");
        folder.Write("sources.yaml", [0x89, 0x50, 0x4E, 0x47, 0x00]);
        var result = CliRun.In(folder.Path, "check", "report.md");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"citecheck: error: sources.yaml(1): looks like a binary file (it contains a NUL byte), not YAML", Assert.Single(result.ErrorLines));
    }
}
