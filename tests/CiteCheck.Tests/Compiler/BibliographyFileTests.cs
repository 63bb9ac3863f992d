using System.Text.Json;
using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Parsing;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Html;
using CiteCheck.Tests.Cli;
using CiteCheck.Tests.Rendering;
using CiteCheck.Tests.Support;

namespace CiteCheck.Tests.Compiler;

/// <summary>
/// How a report finds its bibliography file, in either format (docs/sources.md): the names looked for beside it, the
/// refusal when two are there, a CSL-JSON error on the command line, and parity: the same sources written as
/// sources.yaml and as CSL-JSON give the same model and the same HTML edition, byte for byte.
/// </summary>
public sealed class BibliographyFileTests : IDisposable
{
    private const string Report = "# R\n\nPolice arrested four men in 2020. (Sources: [Reuters](https://www.reuters.com/1) [1])\n";
    private const string Yaml = "sources:\n  - id: 1\n    publisher: Reuters\n    url: https://www.reuters.com/1\n";
    private const string Json = "[{\"id\": 1, \"container-title\": \"Reuters\", \"URL\": \"https://www.reuters.com/1\"}]";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Fixture(params string[] parts) => Repo.Path(["tests", "CiteCheck.Tests", "Parsing", "Bibliographies", .. parts]);

    private static string? Found(string report) => Pipeline.FindBibliography(new PhysicalHost(), report, new CompileOptions());

    [Theory]
    [InlineData("sources.yaml")]
    [InlineData("sources.yml")]
    [InlineData("sources.json")]
    [InlineData("sources.csl.json")]
    [InlineData("report.csl.json")]
    public void A_bibliography_beside_the_report_is_found_by_its_name(string name)
    {
        var report = _folder.Write("report.md", Report);
        _folder.Write(name, name.EndsWith(".json", StringComparison.Ordinal) ? Json : Yaml);

        Assert.Equal(Path.Combine(_folder.Path, name), Found(report));
        var checkedReport = Pipeline.Compile(new PhysicalHost(), report);
        Assert.Equal("Reuters", Assert.Single(checkedReport.Document.Bibliography.Entries).Publisher);
        Assert.Empty(checkedReport.Diagnostics);
    }

    [Theory]
    [InlineData("library.csl.json")]
    [InlineData("other.csl.json")]
    [InlineData("references.json")]
    public void A_CSL_JSON_file_of_another_name_is_not_taken_unless_named_with_sources(string name)
    {
        // In a folder of several reports, each report's own bibliography must not be taken by the others.
        var report = _folder.Write("report.md", Report);
        var other = _folder.Write(name, Json);

        Assert.Null(Found(report));
        var result = CliRun.In(_folder.Path, "check", report, "--sources", other);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Two_bibliographies_beside_the_report_are_refused_naming_both_and_sources_chooses()
    {
        var report = Fixture("parity", "report.md");

        var result = CliRun.Run("check", report);

        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"citecheck: error: {report}: has 2 bibliographies beside it, sources.yaml and report.csl.json: CiteCheck reads one; remove the others, or name the one to read with --sources",
            Assert.Single(result.ErrorLines));
        Assert.Equal(0, CliRun.Run("check", report, "--sources", Fixture("parity", "report.csl.json")).ExitCode);
        Assert.Equal(0, CliRun.Run("check", report, "--sources", Fixture("parity", "sources.yaml")).ExitCode);
    }

    [Fact]
    public void A_file_without_a_known_extension_is_read_by_its_content()
    {
        var report = _folder.Write("report.md", Report);
        var json = _folder.Write("bib", "\n" + Json);
        var yaml = _folder.Write("bib.txt", Yaml);

        foreach (var file in new[] { json, yaml })
        {
            var checkedReport = Pipeline.Compile(new PhysicalHost(), report, new CompileOptions { SourcesFile = file });
            Assert.Equal(("1", "Reuters", "https://www.reuters.com/1"), Assert.Single(checkedReport.Document.Bibliography.Entries) is var s ? (s.Key, s.Publisher, s.Url) : default);
        }
    }

    [Fact]
    public void Malformed_CSL_JSON_stops_the_build_with_one_line_naming_file_line_and_column()
    {
        var report = _folder.Write("report.md", Report);
        _folder.Write("sources.json", "[\n  {\"id\": 1,\n   \"title\": \"A\" \"URL\": \"x\"}\n]\n");

        var result = CliRun.In(_folder.Path, "build", report, "--out", Path.Combine(_folder.Path, "out"), "--format", "html");

        result.AssertNoStackTrace();
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"citecheck: error: {Path.Combine(_folder.Path, "sources.json")}(3,17): invalid JSON: ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "out", "report.html")));
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_printed_like_a_compiler_finding_and_fails_check()
    {
        var report = _folder.Write("report.md", Report);
        _folder.Write("sources.json", "[\n  {\"id\": 1, \"container-title\": \"Reuters\", \"URL\": 7}\n]\n");

        var result = CliRun.In(_folder.Path, "check", report);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Path.Combine(_folder.Path, "sources.json")}(2,50): error CC0003 bibliography-field-type: 'URL' is a number, not a string: it is ignored", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CSL_JSON_file_past_the_size_limit_is_refused_unread()
    {
        var report = _folder.Write("report.md", Report);
        using (var stream = File.Create(Path.Combine(_folder.Path, "sources.json")))
        {
            stream.SetLength(Limits.MaxInputBytes + 1L);
        }

        var result = CliRun.In(_folder.Path, "check", report);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("sources.json: is 16,777,217 bytes; CiteCheck reads files up to 16,777,216 bytes", result.Error, StringComparison.Ordinal);
    }

    // ---- parity ---------------------------------------------------------------------------------------------------

    [Fact]
    public void The_same_sources_as_YAML_and_as_CSL_JSON_give_the_same_model_and_the_same_HTML_edition()
    {
        var report = Fixture("parity", "report.md");

        AssertSameEdition(report, Fixture("parity", "sources.yaml"), Fixture("parity", "report.csl.json"));
    }

    [Fact]
    public void The_sample_s_sources_yaml_written_as_CSL_JSON_gives_the_same_HTML_edition()
    {
        // Every entry of the sample's sources.yaml, written as a CSL item by System.Text.Json's writer (not by the reader
        // under test): the ids as numbers, the publisher as container-title.
        var yamlFile = Repo.Path("content", "tajikistan", "sources.yaml");
        var entries = YamlBibliographyReader.Read(yamlFile, File.ReadAllText(yamlFile)).Bibliography.Entries;
        Assert.Equal(97, entries.Length);
        var json = _folder.Write("sources.csl.json", JsonSerializer.Serialize(entries.Select(e => new Dictionary<string, object?>
        {
            ["id"] = e.Number,
            ["type"] = "article-newspaper",
            ["container-title"] = e.Publisher,
        })));

        AssertSameEdition(Repo.Path("content", "tajikistan", "report.md"), yamlFile, json);
    }

    private static void AssertSameEdition(string report, string yaml, string json)
    {
        var fromYaml = Pipeline.Compile(new PhysicalHost(), report, new CompileOptions { SourcesFile = yaml });
        var fromJson = Pipeline.Compile(new PhysicalHost(), report, new CompileOptions { SourcesFile = json });

        // The same entries (where each was written differs, and nothing else), the same findings, the same discrepancies.
        Assert.Equal(fromYaml.Document.Bibliography.Entries.Select(e => e with { Definition = null }), fromJson.Document.Bibliography.Entries.Select(e => e with { Definition = null }));
        Assert.Equal(fromYaml.Diagnostics.Select(d => (d.Id, d.Location, d.Message)), fromJson.Diagnostics.Select(d => (d.Id, d.Location, d.Message)));
        Assert.Equal(fromYaml.Discrepancies.Select(d => d.Id), fromJson.Discrepancies.Select(d => d.Id));

        var yamlFiles = new HtmlEditionRenderer().Render(fromYaml, HtmlEditionFixture.Options(), new PhysicalHost());
        var jsonFiles = new HtmlEditionRenderer().Render(fromJson, HtmlEditionFixture.Options(), new PhysicalHost());
        Assert.Equal(yamlFiles.Select(f => f.Name), jsonFiles.Select(f => f.Name));
        Assert.NotEmpty(yamlFiles);
        for (var i = 0; i < yamlFiles.Count; i++)
        {
            Assert.True(yamlFiles[i].Content.AsSpan().SequenceEqual(jsonFiles[i].Content), $"{yamlFiles[i].Name} differs between the YAML and the CSL-JSON bibliography");
        }
    }
}
