using System.Diagnostics;
using System.Globalization;
using System.Text;
using CiteCheck.Rendering.Pdf.Fonts;

namespace CiteCheck.Tests.BadInput;

/// <summary>
/// The bad-input corpus of docs/robustness.md: one test per case. Each case's input is a file of BadInput/Cases or is
/// generated here (large, binary or invisible-character input). A case ends in exit 2 with one line naming the file
/// (and line where there is one), or, where the report is legal but odd, in a located finding; never a stack trace,
/// never a half-written output folder, always within the hang guard, and within a memory bound where size is the point.
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    /// <summary>Peak memory allowed to a case about size: generous (the runtime alone takes about 60 MB), never a timing.</summary>
    private const long SizeMemoryBound = 1L << 30;

    /// <summary>The 5 MB line read as one claim: 512 MB, half its peak before the tokenizer stopped keeping a match per word.</summary>
    private const long OneClaimMemoryBound = 512L << 20;

    /// <summary>Peak memory allowed to an alias bomb: expanded, it would need tens of gigabytes.</summary>
    private const long BombMemoryBound = 512L << 20;

    private readonly BadInputKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private const string Report = "report.md";

    /// <summary>Builds the HTML edition of the case's report into out/ (in process), with any further options.</summary>
    private Cli.CliResult Build(params string[] more) => _kit.Run(["build", Report, "--format", "html", "--out", BadInputKit.Out, .. more]);

    private void AssertBuildRefused(Cli.CliResult result, string file, int? line, string what, int? column = null)
    {
        BadInputKit.AssertRefused(result.ExitCode, result.Error, file, line, what, column);
        _kit.AssertNothingWritten();
    }

    // ---- The report file itself -------------------------------------------------------------------------------------

    [Fact]
    public void Empty_file()
    {
        _kit.Write(Report, "");
        AssertBuildRefused(Build(), Report, null, "is empty: there is no report to check");
    }

    [Fact]
    public void Whitespace_only()
    {
        _kit.Write(Report, " \n\t\n\r\n   \u00A0\n");
        AssertBuildRefused(Build(), Report, null, "holds only white space");
    }

    [Fact]
    public void Binary_file()
    {
        // A PNG's signature and header: the first NUL byte is on the third "line".
        var bytes = new byte[4096];
        new Random(14).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = bytes[i] is 0 or (byte)'\n' ? (byte)0x41 : bytes[i];
        }
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', (byte)'\r', (byte)'\n', 0x1A, (byte)'\n', 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        signature.CopyTo(bytes, 0);
        _kit.Write(Report, bytes);
        AssertBuildRefused(Build(), Report, 3, "looks like a binary file (it contains a NUL byte), not Markdown");
    }

    [Fact]
    public void Invalid_utf8()
    {
        _kit.Write(Report, [.. "# Title\n\nFine text.\n"u8.ToArray(), 0xC3, 0x28, .. " after a broken two-byte sequence.\n"u8.ToArray()]);
        AssertBuildRefused(Build(), Report, 4, "is not valid UTF-8");
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark()
    {
        _kit.Write(Report, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ValidReport)).ToArray());
        AssertBuildRefused(Build(), Report, null, "is UTF-16; CiteCheck reads UTF-8: convert it (e.g. iconv -f UTF-16 -t UTF-8)");
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark()
    {
        _kit.Write(Report, Encoding.Unicode.GetBytes(ValidReport));
        AssertBuildRefused(Build(), Report, null, "is UTF-16 (little-endian, without a byte order mark); CiteCheck reads UTF-8: convert it (e.g. iconv -f UTF-16LE -t UTF-8)");
        _kit.Write(Report, Encoding.BigEndianUnicode.GetBytes(ValidReport));
        AssertBuildRefused(Build(), Report, null, "iconv -f UTF-16BE -t UTF-8");
    }

    [Fact]
    public void Nul_bytes_in_text()
    {
        _kit.Write(Report, "# Title\n\nThe attack\0 killed 35 people.\n");
        AssertBuildRefused(Build(), Report, 3, "contains a NUL byte");
    }

    [Fact]
    public void A_directory_given_as_the_report()
    {
        Directory.CreateDirectory(Path.Combine(_kit.Folder, Report));
        // A folder is a folder of reports (docs/configuration.md); one that holds none is refused in one line.
        AssertBuildRefused(Build(), Report, null, "holds no report");
    }

    [Fact]
    public void A_directory_given_as_the_sources_file()
    {
        _kit.Write(Report, ValidReport);
        Directory.CreateDirectory(Path.Combine(_kit.Folder, "bib"));
        AssertBuildRefused(Build("--sources", "bib"), "bib", null, "is a directory, not a YAML file");
    }

    [Fact]
    public void A_5_MB_single_line()
    {
        // One paragraph of 5 MB on one line, citations in the report's own style: read whole, in bounded memory.
        const string sentence = "The police arrested 4 men in the capital on Monday. (Sources: [Reuters](https://r.example/a) [1]) ";
        var line = new StringBuilder("# One Line\n\n");
        while (line.Length < 5_000_000)
        {
            line.Append(sentence);
        }
        _kit.Write(Report, line.Append('\n').ToString());
        var result = _kit.RunChild(BadInputKit.SizeHangGuard, "check", Report, "--format", "json", "--output", "out/check.json", "--fail-on", "never");
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}:\n{result.Error}");
        Assert.True(result.PeakBytes > 0, "no peak memory could be read from /proc");
        Assert.True(result.PeakBytes < SizeMemoryBound, $"peak resident memory {result.PeakBytes:N0} bytes, bound {SizeMemoryBound:N0}");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_kit.OutPath, "check.json")));
        Assert.Equal(Report, json.RootElement.GetProperty("file").GetString());
        Assert.Empty(Directory.GetFiles(_kit.OutPath, "*.tmp"));
    }

    [Fact]
    public void A_5_MB_single_line_that_is_one_claim()
    {
        // No space after each sentence's citation: the whole line is one claim of some 70,000 citations. Its cross-check
        // peaked at 1.07 GB when the tokenizer kept a match object per word alive (docs/robustness.md); about 0.3 GB now.
        const string sentence = "Police arrested 4 men in the capital [Reuters](https://r.example/a) [1].";
        var line = new StringBuilder("# One Line\n\n");
        while (line.Length < 5_000_000)
        {
            line.Append(sentence);
        }
        _kit.Write(Report, line.Append('\n').ToString());
        var result = _kit.RunChild(BadInputKit.SizeHangGuard, "check", Report, "--format", "json", "--output", "out/check.json", "--fail-on", "never");
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}:\n{result.Error}");
        Assert.True(result.PeakBytes > 0, "no peak memory could be read from /proc");
        Assert.True(result.PeakBytes < OneClaimMemoryBound, $"peak resident memory {result.PeakBytes:N0} bytes, bound {OneClaimMemoryBound:N0}");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_kit.OutPath, "check.json")));
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("claims").GetInt32());
    }

    [Fact]
    public void A_40_digit_source_number()
    {
        _kit.Case("source-numbers.md", Report);
        var result = _kit.Run("check", Report, "--fail-on", "never");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("report.md(3,45): error CC1008 malformed-citation: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("found '[1234567890123456789012345678901234567890]'", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_and_negative_source_numbers()
    {
        _kit.Case("source-numbers.md", Report);
        var result = Build();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("report.md(5,37): error CC1008 malformed-citation: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("found '[0]'", result.Out, StringComparison.Ordinal);
        Assert.Contains("report.md(5,81): error CC1008 malformed-citation: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("found '[-3]'", result.Out, StringComparison.Ordinal);
        _kit.AssertWholeEdition("report.html", "discrepancies.html", "check.json");
    }

    [Fact]
    public void Markdown_nested_deeper_than_markdig_reads()
    {
        // Child process: a regression here overflows the stack, which no catch survives.
        _kit.Write(Report, "# Deep\n\n" + new string('>', 5000) + " quoted\n");
        var result = _kit.RunChild(BadInputKit.HangGuard, "build", Report, "--format", "html", "--out", BadInputKit.Out);
        BadInputKit.AssertRefused(result.ExitCode, result.Error, Report, null, "is nested too deeply");
        _kit.AssertNothingWritten();
    }

    // ---- Front matter -----------------------------------------------------------------------------------------------

    [Fact]
    public void Front_matter_never_closed()
    {
        _kit.Case("front-matter-unclosed.md", Report);
        AssertBuildRefused(Build(), Report, 1, "the front matter opened here is never closed");
    }

    [Fact]
    public void Front_matter_that_is_not_a_mapping()
    {
        _kit.Case("front-matter-list.md", Report);
        AssertBuildRefused(Build(), Report, 2, "the front matter must be key: value lines");
    }

    [Fact]
    public void Front_matter_with_a_duplicate_key()
    {
        _kit.Case("front-matter-duplicate-key.md", Report);
        AssertBuildRefused(Build(), Report, 4, "invalid YAML: Duplicate key title");
    }

    [Fact]
    public void Front_matter_alias_bomb_stays_unexpanded()
    {
        _kit.Case("front-matter-alias-bomb.md", Report);
        var result = _kit.RunChild(BadInputKit.HangGuard, "build", Report, "--format", "html", "--out", BadInputKit.Out);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}:\n{result.Error}");
        Assert.InRange(result.PeakBytes, 1, BombMemoryBound);
        _kit.AssertWholeEdition("report.html", "discrepancies.html", "check.json");
        Assert.DoesNotContain("lol", File.ReadAllText(Path.Combine(_kit.OutPath, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_nested_too_deep()
    {
        _kit.Write(Report, "---\ntitle: Deep\nx: " + string.Concat(Enumerable.Repeat("{a: ", 50_000)) + "1" + new string('}', 50_000) + "\n---\n# Deep\n\nText.\n");
        var result = _kit.RunChild(BadInputKit.HangGuard, "build", Report, "--format", "html", "--out", BadInputKit.Out);
        BadInputKit.AssertRefused(result.ExitCode, result.Error, Report, 3, "is nested more than 64 levels deep");
        _kit.AssertNothingWritten();
    }

    // ---- sources.yaml -----------------------------------------------------------------------------------------------

    [Fact]
    public void Sources_alias_bomb_as_a_value_stays_unexpanded()
    {
        _kit.Case("report.md", Report);
        _kit.Case("sources-alias-bomb-value.yaml", "sources.yaml");
        var result = _kit.RunChild(BadInputKit.HangGuard, "build", Report, "--format", "html", "--out", BadInputKit.Out);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}:\n{result.Error}");
        Assert.InRange(result.PeakBytes, 1, BombMemoryBound);
        _kit.AssertWholeEdition("report.html", "discrepancies.html", "check.json");
    }

    [Fact]
    public void Sources_alias_bomb_as_a_key()
    {
        _kit.Case("report.md", Report);
        _kit.Case("sources-alias-bomb-key.yaml", "sources.yaml");
        var result = _kit.RunChild(BadInputKit.HangGuard, "build", Report, "--format", "html", "--out", BadInputKit.Out);
        BadInputKit.AssertRefused(result.ExitCode, result.Error, "sources.yaml", 11, "a key is a list or a mapping; keys must be plain text");
        Assert.InRange(result.PeakBytes, 1, BombMemoryBound);
        _kit.AssertNothingWritten();
    }

    [Fact]
    public void Sources_nested_too_deep()
    {
        _kit.Case("report.md", Report);
        _kit.Write("sources.yaml", "sources:\n  - id: 1\n    publisher: " + new string('[', 200_000) + new string(']', 200_000) + "\n");
        var result = _kit.RunChild(BadInputKit.HangGuard, "build", Report, "--format", "html", "--out", BadInputKit.Out);
        BadInputKit.AssertRefused(result.ExitCode, result.Error, "sources.yaml", 3, "is nested more than 64 levels deep");
        _kit.AssertNothingWritten();
    }

    [Fact]
    public void Sources_with_a_duplicate_key()
    {
        _kit.Case("report.md", Report);
        _kit.Case("sources-duplicate-key.yaml", "sources.yaml");
        AssertBuildRefused(Build(), "sources.yaml", 5, "invalid YAML: Duplicate key publisher");
    }

    [Fact]
    public void Sources_with_a_duplicate_id()
    {
        _kit.Case("report.md", Report);
        _kit.Case("sources-duplicate-id.yaml", "sources.yaml");
        AssertBuildRefused(Build(), "sources.yaml", 5, "source 1 is defined twice", column: 5);
    }

    // ---- review.yaml ------------------------------------------------------------------------------------------------

    [Fact]
    public void Review_alias_bomb_as_a_key()
    {
        _kit.Case("report.md", Report);
        _kit.Case("review-alias-bomb-key.yaml", "review.yaml");
        var result = _kit.RunChild(BadInputKit.HangGuard, "build", Report, "--format", "html", "--out", BadInputKit.Out);
        BadInputKit.AssertRefused(result.ExitCode, result.Error, "review.yaml", 11, "a key is a list or a mapping");
        Assert.InRange(result.PeakBytes, 1, BombMemoryBound);
        _kit.AssertNothingWritten();
    }

    [Fact]
    public void Review_nested_too_deep()
    {
        _kit.Case("report.md", Report);
        _kit.Write("review.yaml", string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', 2 * i) + "- k:\n")));
        var result = _kit.RunChild(BadInputKit.HangGuard, "build", Report, "--format", "html", "--out", BadInputKit.Out);
        BadInputKit.AssertRefused(result.ExitCode, result.Error, "review.yaml", 33, "is nested more than 64 levels deep");
        _kit.AssertNothingWritten();
    }

    [Fact]
    public void Review_entry_without_an_id()
    {
        _kit.Case("report.md", Report);
        _kit.Case("review-no-id.yaml", "review.yaml");
        AssertBuildRefused(Build(), "review.yaml", 5, "a review has no id");
    }

    [Fact]
    public void Review_with_a_duplicate_key()
    {
        _kit.Case("report.md", Report);
        _kit.Case("review-duplicate-key.yaml", "review.yaml");
        AssertBuildRefused(Build(), "review.yaml", 4, "invalid YAML: Duplicate key status");
    }

    // ---- Templates (--templates DIR) --------------------------------------------------------------------------------

    private Cli.CliResult BuildWithTemplates(string caseFolder)
    {
        _kit.Case("report.md", Report);
        var source = Support.Repo.Path("tests", "CiteCheck.Tests", "BadInput", "Cases", "templates", caseFolder);
        foreach (var file in Directory.GetFiles(source))
        {
            _kit.Write(Path.Combine("templates", Path.GetFileName(file)), File.ReadAllBytes(file));
        }
        return Build("--templates", "templates");
    }

    [Fact]
    public void Template_with_an_infinite_loop()
    {
        AssertBuildRefused(BuildWithTemplates("loop"), Path.Combine("templates", "report.sbn"), 2, "template error: Exceeding number of iteration limit `200000`");
    }

    [Fact]
    public void Template_that_includes_itself()
    {
        AssertBuildRefused(BuildWithTemplates("recursion"), Path.Combine("templates", "report.sbn"), 2, "template error: Exceeding number of recursive depth limit `64`");
    }

    [Fact]
    public void Template_function_that_calls_itself()
    {
        AssertBuildRefused(BuildWithTemplates("function"), Path.Combine("templates", "report.sbn"), 2, "template error: Exceeding number of recursive depth limit `64`");
    }

    [Fact]
    public void Template_that_includes_a_missing_partial()
    {
        AssertBuildRefused(BuildWithTemplates("missing-partial"), Path.Combine("templates", "report.sbn"), 2, "template '_masthead.sbn' not found in templates or ");
    }

    [Fact]
    public void Templates_folder_missing()
    {
        _kit.Case("report.md", Report);
        AssertBuildRefused(Build("--templates", "no-such-folder"), "no-such-folder", null, "the templates folder 'no-such-folder' does not exist");
    }

    // ---- Fonts (--fonts) --------------------------------------------------------------------------------------------

    [Fact]
    public void Font_missing()
    {
        _kit.Case("report.md", Report);
        var result = _kit.Run("build", Report, "--format", "pdf", "--out", BadInputKit.Out, "--fonts", "fonts/Missing-Regular.ttf");
        AssertBuildRefused(result, "--fonts fonts/Missing-Regular.ttf", null, "no such font file or folder");
    }

    [Fact]
    public void Font_corrupt_or_cut_short()
    {
        _kit.Case("report.md", Report);
        var noise = new byte[20_000];
        new Random(14).NextBytes(noise);
        _kit.Write("fonts/Noise-Regular.ttf", noise);
        var result = _kit.Run("build", Report, "--format", "pdf", "--out", BadInputKit.Out, "--fonts", "fonts/Noise-Regular.ttf");
        AssertBuildRefused(result, "fonts/Noise-Regular.ttf", null, "not a usable TrueType or OpenType font (it does not start like a font)");

        // A real font cut short: its header reads, its tables lie past the end.
        var real = FontLocator.SystemFolders
            .SelectMany(folder => new[] { Path.Combine(folder, "DejaVuSerif.ttf"), Path.Combine(folder, "LiberationSerif-Regular.ttf") })
            .FirstOrDefault(File.Exists);
        if (real is null)
        {
            Assert.Skip("no DejaVu or Liberation font installed: the cut-short half of this case needs one (apt-get install fonts-dejavu-core)");
        }
        _kit.Write("fonts/Cut-Regular.ttf", File.ReadAllBytes(real).AsSpan(0, 4096).ToArray());
        result = _kit.Run("build", Report, "--format", "pdf", "--out", BadInputKit.Out, "--fonts", "fonts/Cut-Regular.ttf");
        AssertBuildRefused(result, "fonts/Cut-Regular.ttf", null, "table lies past the end of the file");
    }

    // ---- The output folder ------------------------------------------------------------------------------------------

    [Fact]
    public void Output_folder_read_only()
    {
        _kit.Case("report.md", Report);
        var mount = Path.Combine(_kit.Folder, "ro");
        using var mounted = TmpfsMount.TryMount(mount, "size=64k,ro");
        // A child process: the real host, whose lock file beside the folder is the first thing written.
        var result = _kit.RunChild(BadInputKit.HangGuard, "build", Report, "--format", "html", "--out", "ro/out");
        BadInputKit.AssertRefused(result.ExitCode, result.Error, "ro/out", null, "cannot be written (read-only file system): choose a folder you can write to with --out");
        Assert.Empty(Directory.GetFileSystemEntries(mount));
    }

    [Fact]
    public void Output_disk_full()
    {
        _kit.Case("report.md", Report);
        var mount = Path.Combine(_kit.Folder, "full");
        using var mounted = TmpfsMount.TryMount(mount, "size=128k");
        Assert.Equal(0, _kit.Run("build", Report, "--format", "html", "--out", "full/out").ExitCode);
        var before = Directory.GetFiles(Path.Combine(mount, "out")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        // The next edition is larger than the space left: it fails whole, and the previous one stays as it was.
        var paragraph = "On 7 March 2019 an attack in Khorog killed 35 people, officials said. (Sources: [Reuters](https://r.example/a) [1])\n\n";
        _kit.Write(Report, "# Border Report\n\n" + string.Concat(Enumerable.Repeat(paragraph, 1500)));
        var result = _kit.Run("build", Report, "--format", "html", "--out", "full/out");
        BadInputKit.AssertRefused(result.ExitCode, result.Error, "full/out", null, "the edition could not be written (no space left on device); the previous edition is untouched");
        var after = Directory.GetFiles(Path.Combine(mount, "out")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
        var beside = Directory.GetFileSystemEntries(mount).Select(Path.GetFileName).Where(n => n != "out" && n != ".out.citecheck-lock").ToList();
        Assert.True(beside.Count == 0, "left beside the edition: " + string.Join(", ", beside));
    }

    [Fact]
    public void Output_folder_is_a_file()
    {
        _kit.Case("report.md", Report);
        _kit.Write(BadInputKit.Out, "not a folder");
        var result = Build();
        BadInputKit.AssertRefused(result.ExitCode, result.Error, BadInputKit.Out, null, "is a file, not a folder");
        Assert.Equal("not a folder", File.ReadAllText(_kit.OutPath));
    }

    // ---- Invisible characters, dashes and spaces in figures and names -----------------------------------------------

    private const string ValidReport = "# Border Report\n\nOn 7 March 2019 an attack in Khorog killed 35 people. (Sources: [Reuters](https://r.example/a) [1])\n";

    /// <summary>The same attack told twice, in two sections, with the figure of each side given.</summary>
    private static string TwoTellings(string first, string second) =>
        "# Border Report\n\n## Overview\n\n"
        + $"On 7 March 2019 an attack in Khorog killed {first} people, officials said. (Sources: [Reuters](https://r.example/a) [1])\n\n"
        + "## Events\n\n"
        + $"The 7 March 2019 attack in Khorog killed {second} people, police said. (Sources: [AP](https://ap.example/b) [2])\n";

    [Fact]
    public void Zero_width_space_inside_a_number()
    {
        _kit.Write(Report, TwoTellings("35", "3\u200B5"));
        var result = Build();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("report.md(9,43): warning CC0002 invisible-character: an invisible zero-width space (U+200B) stands inside a number", result.Out, StringComparison.Ordinal);
        _kit.AssertWholeEdition("report.html", "discrepancies.html", "check.json");
    }

    [Fact]
    public void Right_to_left_marks_around_a_number()
    {
        _kit.Write(Report, TwoTellings("35", "\u200F35\u200E"));
        var result = Build();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("report.md(9,42): warning CC0002 invisible-character: an invisible right-to-left mark (U+200F) stands inside a number", result.Out, StringComparison.Ordinal);
        Assert.Contains("0 discrepancies", result.Out, StringComparison.Ordinal); // the marks do not change the figure
    }

    [Fact]
    public void Zero_width_and_direction_characters_inside_a_name()
    {
        _kit.Write(Report,
            "# Border Report\n\nPolice arrested Husein Abdusamadov in Khorog. (Sources: [Reuters](https://r.example/a) [1])\n\n"
            + "Police arrested Hu\u200Dsein Abdu\u202Esamadov in Khorog. (Sources: [AP](https://ap.example/b) [2])\n\n"
            + "A Persian name keeps its joiner: \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645. (Sources: [AP](https://ap.example/b) [2])\n");
        var result = _kit.Run("check", Report, "--fail-on", "never");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("report.md(5,19): warning CC0002 invisible-character: an invisible zero-width joiner (U+200D) stands inside a word", result.Out, StringComparison.Ordinal);
        Assert.Single(result.Out.Split('\n'), l => l.Contains("CC0002", StringComparison.Ordinal)); // one per line; none for the Persian joiner
    }

    [Fact]
    public void Every_kind_of_dash_in_a_range()
    {
        // Hyphen, non-breaking hyphen, figure dash, en dash, em dash and minus sign: one range, told six ways.
        string[] dashes = ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"];
        var text = new StringBuilder("# Sentences\n\n");
        for (var i = 0; i < dashes.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## Part {i + 1}\n\nIn 2019 a court in Khorog sentenced the plotters to 12{dashes[i]}16 years in prison. (Sources: [Reuters](https://r.example/a) [1])\n\n");
        }
        text.Append("## Last\n\nIn 2019 a court in Khorog sentenced the plotters to 12\u201318 years in prison. (Sources: [Reuters](https://r.example/a) [1])\n");
        _kit.Write(Report, text.ToString());
        var result = Build();
        Assert.Equal(0, result.ExitCode);
        // Six spellings of 12–16 agree; only 12–18 differs, and it is found with its line.
        var conflicts = result.Out.Split('\n').Where(l => l.Contains("CC2", StringComparison.Ordinal) && l.Contains("conflict", StringComparison.Ordinal)).ToList();
        Assert.True(conflicts.Count == 1, "expected one conflict (12–16 against 12–18):\n" + result.Out);
        Assert.StartsWith("report.md(", conflicts[0], StringComparison.Ordinal);
        Assert.Contains("18", conflicts[0], StringComparison.Ordinal);
        _kit.AssertWholeEdition("report.html", "discrepancies.html", "check.json");
    }

    [Fact]
    public void No_break_and_thin_spaces_between_digit_groups()
    {
        // 1 200 with a no-break space, a thin space and a narrow no-break space is 1,200: no conflict among them.
        _kit.Write(Report, TwoTellings("1\u00A0200", "1,200") + "\n## Later\n\nOn 7 March 2019 the attack in Khorog killed 1\u2009200 people, officials said. (Sources: [AP](https://ap.example/b) [2])\n"
            + "\nThe 7 March 2019 attack in Khorog killed 1\u202F200 people. (Sources: [AP](https://ap.example/b) [2])\n");
        var result = Build();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 discrepancies", result.Out, StringComparison.Ordinal);

        // And a real difference written with a no-break space is found, with both figures whole.
        _kit.Write(Report, TwoTellings("1\u00A0200", "1,300"));
        result = _kit.Run("check", Report, "--fail-on", "never");
        Assert.Contains("'1\u00A0200' (line 5; source 1) vs '1,300' (line 9; source 2)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_story_told_again_a_day_later_in_other_words()
    {
        // Found by this corpus: the second telling names no kind of happening ("had killed"), so it has no event date,
        // and the cross-check's "dated a day apart" edge took the first of an empty list: exit 3. Now a located conflict.
        _kit.Write(Report, TwoTellings("1,200", "1,200")
            + "\n## Later\n\nBy 8 March 2019 the attack in Khorog had killed 1,200 people, officials said. (Sources: [AP](https://ap.example/b) [2])\n");
        var result = Build();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("report.md(13,1): warning CC2002 date-conflict: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("'8 March 2019' (line 13; source 2)", result.Out, StringComparison.Ordinal);
        _kit.AssertWholeEdition("report.html", "discrepancies.html", "check.json");
    }
}

/// <summary>A small tmpfs mounted for one test (root only), unmounted on dispose; the test is skipped, saying why, where it cannot be.</summary>
internal sealed class TmpfsMount : IDisposable
{
    private readonly string _path;

    private TmpfsMount(string path) => _path = path;

    public static TmpfsMount TryMount(string path, string options)
    {
        Directory.CreateDirectory(path);
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path);
        if (code != 0)
        {
            Assert.Skip($"cannot mount a tmpfs ({options}) at {path}: {error.Trim()} — this case needs root (CAP_SYS_ADMIN) to simulate the file system");
        }
        return new TmpfsMount(path);
    }

    public void Dispose() => Run("umount", _path);

    private static (int Code, string Error) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        try
        {
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
