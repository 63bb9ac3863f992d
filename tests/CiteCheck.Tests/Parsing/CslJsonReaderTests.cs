using CiteCheck.Model;
using CiteCheck.Parsing;
using CiteCheck.Tests.Support;

namespace CiteCheck.Tests.Parsing;

/// <summary>
/// The CSL-JSON reader (docs/sources.md): the exports of Zotero and pandoc into the model, numbering by id and by order,
/// and every way a file is refused or a field set aside, each with its line and column.
/// </summary>
public sealed class CslJsonReaderTests
{
    private static string Fixture(params string[] parts) => Repo.Path(["tests", "CiteCheck.Tests", "Parsing", "Bibliographies", .. parts]);

    private static BibliographyRead ReadFixture(params string[] parts)
    {
        var path = Fixture(parts);
        return CslJsonReader.Read(path, File.ReadAllText(path));
    }

    private static BibliographyRead Read(string json) => CslJsonReader.Read("sources.json", json);

    private static InputException Refused(string json) => Assert.Throws<InputException>(() => Read(json));

    /// <summary>An entry as the checks and the editions see it: everything but where it was written.</summary>
    private static (string, string?, string?, string?, string?, string?, string?) Fields(Source s) =>
        (s.Key, s.Publisher, s.Title, s.Url, s.Date, s.Accessed, s.Archive);

    // ---- what the reference managers export -----------------------------------------------------------------------

    [Fact]
    public void A_Zotero_export_is_numbered_in_order_with_the_outlet_as_publisher_and_string_years_read()
    {
        var read = ReadFixture("zotero", "sources.json");

        Assert.Empty(read.Diagnostics);
        Assert.True(read.Bibliography.Declared);
        Assert.Equal(
            [
                ("1", "Radio Free Europe", "Eight men handed over after a year in detention", "https://www.rferl.org/a/example-handover.html", "2019-07-18", "2020-06-01", null),
                ("2", "The New York Times", "A prison riot, and the questions it left", "https://www.nytimes.com/2018/11/09/world/example-riot.html", "2018-11-09", "2020-06-02", null),
                ("3", "International Crisis Group", "The rising risks of an old conflict", "https://www.crisisgroup.org/example-report", "2017-01", "2020-06-03", null),
            ],
            read.Bibliography.Entries.Select(Fields));
        // Each entry points at its item's opening brace (tab-indented: column 2).
        Assert.Equal([(2, 2), (34, 2), (68, 2)], read.Bibliography.Entries.Select(e => (e.Definition!.Line, e.Definition.Column)));
    }

    [Fact]
    public void A_pandoc_export_gives_container_title_precedence_over_publisher()
    {
        var read = ReadFixture("pandoc", "report.csl.json");

        Assert.Empty(read.Diagnostics);
        Assert.Equal(
            [
                ("1", "Reuters", "Poland arrests four men suspected of recruiting for an armed group", "https://www.reuters.com/article/example-arrests", "2020-05-07", "2020-06-01", null),
                ("2", "Human Rights Watch", "World report 2019: Events of 2018", "https://www.hrw.org/world-report/2019/example", "2019-01", null, null),
                ("3", "Central Asian Survey", "The party after the war", "https://example.edu/party-after-the-war", "2016", null, null),
            ],
            read.Bibliography.Entries.Select(Fields));
    }

    [Fact]
    public void The_pandoc_fixture_is_what_pandoc_makes_of_its_biblatex_file()
    {
        var made = Pandoc.ToCslJson(Fixture("pandoc", "references.bib"));
        Assert.SkipWhen(made is null, "pandoc is not installed: the fixture cannot be made again here (apt-get install pandoc)");

        var fresh = CslJsonReader.Read("fresh.csl.json", made!);

        Assert.Equal(ReadFixture("pandoc", "report.csl.json").Bibliography.Entries.Select(Fields), fresh.Bibliography.Entries.Select(Fields));
    }

    // ---- source numbers -------------------------------------------------------------------------------------------

    [Fact]
    public void Ids_that_are_numbers_or_strings_of_digits_are_the_source_numbers_in_any_order()
    {
        var read = Read("""[{"id": 3, "publisher": "C"}, {"id": "1", "publisher": "A"}, {"id": " 2 ", "publisher": "B"}]""");

        Assert.Equal([("3", "C"), ("1", "A"), ("2", "B")], read.Bibliography.Entries.Select(e => (e.Key, e.Publisher)));
    }

    [Fact]
    public void Items_whose_ids_are_not_numbers_or_that_have_none_are_numbered_in_their_order()
    {
        var read = Read("""[{"id": "smith2020", "publisher": "A"}, {"publisher": "B"}, {"id": null, "publisher": "C"}, {"id": "ITEM-4", "publisher": "D"}]""");

        Assert.Equal([("1", "A"), ("2", "B"), ("3", "C"), ("4", "D")], read.Bibliography.Entries.Select(e => (e.Key, e.Publisher)));
    }

    [Fact]
    public void A_file_that_numbers_some_items_by_id_and_not_others_is_refused_at_the_first_that_breaks_the_pattern()
    {
        var e = Refused("[\n  {\"id\": 1},\n  {\"id\": 2},\n  {\"id\": \"smith2020\"}\n]");

        Assert.Equal("sources.json(4,10): item 3 has the id \"smith2020\", but item 1's id is a number: give every item a number as its id, or none (the items are then numbered in their order; docs/sources.md)", e.ToString());
    }

    [Fact]
    public void A_number_item_after_unnumbered_ones_is_refused_at_its_id()
    {
        var e = Refused("[\n  {\"id\": \"a\"},\n  {\"id\": 7}\n]");

        Assert.Equal((3, 10), (e.Line, e.Column));
        Assert.StartsWith("item 2's id is the number 7, but item 1's is \"a\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_given_twice_by_id_is_refused_as_in_sources_yaml_at_the_second_item()
    {
        // 2 and "2" are the same source number.
        var e = Refused("[\n  {\"id\": 2},\n  {\"id\": 1},\n    {\"id\": \"2\"}\n]");

        Assert.Equal("sources.json(4,5): source 2 is defined twice", e.ToString());
    }

    [Fact]
    public void A_text_id_given_to_two_items_is_refused()
    {
        var e = Refused("[{\"id\": \"a\"},\n {\"id\": \"a\"}]");

        Assert.Equal("sources.json(2,9): the id \"a\" is given to items 1 and 2", e.ToString());
    }

    [Theory]
    [InlineData("0", "id 0 is not a source number")]
    [InlineData("100000", "id 100000 is not a source number")]
    [InlineData("-1", "id -1 is not a source number")]
    [InlineData("1.5", "id 1.5 is not a source number")]
    [InlineData("\"007\"", "id \"007\" is not a source number: source numbers run from 1 to 99 999, written without leading zeros")]
    [InlineData("\"123456\"", "id \"123456\" is not a source number")]
    public void An_id_that_is_a_number_but_not_a_source_number_is_refused_at_the_id(string id, string message)
    {
        var e = Refused($"[\n  {{\"id\": {id}}}\n]");

        Assert.Equal((2, 10), (e.Line, e.Column));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    // ---- fields ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Publisher_is_the_publisher_when_there_is_no_container_title()
    {
        var read = Read("""[{"id": 1, "publisher": "Human Rights Watch", "container-title": null}, {"id": 2, "container-title": "  ", "publisher": "Amnesty International"}]""");

        Assert.Equal(["Human Rights Watch", "Amnesty International"], read.Bibliography.Entries.Select(e => e.Publisher));
    }

    [Theory]
    [InlineData("""{"date-parts": [[2020, 5, 7]]}""", "2020-05-07")]
    [InlineData("""{"date-parts": [["2020", "5", "7"]]}""", "2020-05-07")]
    [InlineData("""{"date-parts": [[2020, 5]]}""", "2020-05")]
    [InlineData("""{"date-parts": [[812]]}""", "0812")]
    [InlineData("""{"date-parts": [[2020, 5, 7], [2020, 5, 9]]}""", "2020-05-07/2020-05-09")]
    [InlineData("""{"date-parts": [[2020, 5, 7]], "raw": "7 May 2020", "literal": "May 2020"}""", "2020-05-07")]
    [InlineData("""{"literal": "Spring 2020", "raw": "2020"}""", "Spring 2020")]
    [InlineData("""{"raw": "7 May 2020", "season": 1, "circa": true}""", "7 May 2020")]
    [InlineData("""{"date-parts": []}""", null)]
    [InlineData("null", null)]
    public void A_CSL_date_is_its_parts_in_ISO_8601_else_its_literal_else_its_raw_text(string date, string? expected)
    {
        var read = Read($$"""[{"id": 1, "issued": {{date}}, "accessed": {{date}}}]""");

        Assert.Empty(read.Diagnostics);
        var entry = Assert.Single(read.Bibliography.Entries);
        Assert.Equal(expected, entry.Date);
        Assert.Equal(expected, entry.Accessed);
    }

    [Fact]
    public void Fields_CiteCheck_does_not_read_are_skipped_whatever_they_hold()
    {
        var read = Read("""
            [{"id": 1, "author": [{"family": "Doe", "given": "Jane"}, {"literal": "A Group"}], "abstract": "x",
              "custom": {"deep": [[[{"a": [1, 2, {"b": null}]}]]]}, "number-of-pages": 12, "archive": "Internet Archive",
              "url": "lower case is not CSL's URL", "title": "Kept"}]
            """);

        Assert.Empty(read.Diagnostics);
        Assert.Equal(("1", null, "Kept", null, null, null, null), Fields(Assert.Single(read.Bibliography.Entries)));
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_a_located_finding_that_names_the_source_and_the_field_is_ignored()
    {
        var read = Read("[\n  {\"id\": \"2\", \"title\": 42, \"URL\": {\"href\": \"x\"}, \"publisher\": \"Kept\",\n   \"issued\": \"2020\", \"id-like\": 1, \"accessed\": {\"date-parts\": [2020, 5]}}\n]");

        Assert.Equal(("2", "Kept", null, null, null, null, null), Fields(Assert.Single(read.Bibliography.Entries)));
        Assert.Equal(
            [
                "sources.json(2,24) CC0003 source 2: 'title' is a number, not a string: it is ignored",
                "sources.json(2,35) CC0003 source 2: 'URL' is an object, not a string: it is ignored",
                "sources.json(3,14) CC0003 source 2: 'issued' is a string, not a date object such as {\"date-parts\": [[2020, 5, 7]]}: it is ignored",
                "sources.json(3,64) CC0003 source 2: 'accessed.date-parts' is an array holding a number, not an array of dates such as [[2020, 5, 7]]: it is ignored",
            ],
            read.Diagnostics.Select(d => $"{d.Location} {d.Id} source {d.Source}: {d.Message}"));
        Assert.All(read.Diagnostics, d => Assert.Equal(ParsingRules.BibliographyFieldType, d.Descriptor));
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        // "Ünïcödé — ē" is 11 characters and 17 bytes in UTF-8: the column of 5 is the one an editor shows.
        var read = Read("[{\"id\": 1, \"title\": \"Ünïcödé — ē\", \"URL\": 5}]");

        var finding = Assert.Single(read.Diagnostics);
        Assert.Equal((1, 43), (finding.Location.Line, finding.Location.Column));
    }

    [Fact]
    public void A_minified_file_of_one_line_locates_every_item()
    {
        var items = Enumerable.Range(1, 2000).Select(i => $"{{\"id\":{i},\"publisher\":\"Pūblisher {i}\"}}");
        var json = "[" + string.Join(",", items) + "]";

        var read = Read(json);

        Assert.Equal(2000, read.Bibliography.Entries.Length);
        var last = read.Bibliography.Entries[^1];
        Assert.Equal(json.LastIndexOf('{') + 1, last.Definition!.Column);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\n")]
    [InlineData("[]")]
    [InlineData("[\n]\n")]
    public void An_empty_file_or_array_is_a_bibliography_with_no_entries_yet(string json)
    {
        var read = Read(json);

        Assert.True(read.Bibliography.Declared);
        Assert.Empty(read.Bibliography.Entries);
    }

    // ---- refused --------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("[\n  {\"id\": 1,}\n]", 2, 12, "invalid JSON: ")]
    [InlineData("[\n  {\"id\": 1}\n", 3, 1, "invalid JSON: ")]
    [InlineData("[\n  {\"id\": 1, \"title\": \"unclosed}\n]", 2, 32, "invalid JSON: ")]
    [InlineData("[{\"id\": 1}] [{\"id\": 2}]", 1, 13, "invalid JSON: ")]
    [InlineData("// a comment\n[]", 1, 1, "invalid JSON: ")]
    [InlineData("[{\"id\": 1, \"title\": tru}]", 1, 24, "invalid JSON: ")]
    public void Malformed_JSON_is_refused_at_its_line_and_column(string json, int line, int column, string message)
    {
        // The place is where System.Text.Json stops: the line break inside the unclosed string, the "}" where "tru"
        // needed its "e", the second value after the array.
        var e = Refused(json);

        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"items\": []}", "sources.json(1,1): this file holds an object; a CSL-JSON bibliography is an array of items")]
    [InlineData("\n  \"sources\"", "sources.json(2,3): this file holds a string; a CSL-JSON bibliography is an array of items")]
    [InlineData("[\n  {\"id\": 1},\n  [\"id\", 2]\n]", "sources.json(3,3): item 2 is an array; a CSL-JSON item is an object")]
    [InlineData("[{\"id\": 1, \"title\": \"A\",\n  \"title\": \"B\"}]", "sources.json(2,3): \"title\" is given twice in one object")]
    [InlineData("[{\"id\": 1, \"issued\": {\"raw\": \"2020\", \"raw\": \"2021\"}}]", "sources.json(1,38): \"raw\" is given twice in one object")]
    public void Anything_but_an_array_of_objects_is_refused_where_it_goes_wrong(string json, string expected)
    {
        Assert.StartsWith(expected, Refused(json).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_past_the_limit_is_refused_and_nesting_at_it_is_read()
    {
        // The array and the item are two levels; an unknown field fills the rest.
        static string Nested(int levels) =>
            "[{\"id\": 1, \"x\": " + new string('[', levels - 2) + new string(']', levels - 2) + "}]";

        Assert.Single(Read(Nested(Limits.MaxJsonNesting)).Bibliography.Entries);
        var e = Refused(Nested(Limits.MaxJsonNesting + 1));
        Assert.Equal($"sources.json(1,{16 + Limits.MaxJsonNesting - 1}): is nested more than 64 levels deep; CiteCheck reads JSON up to that depth (docs/limits.md)", e.ToString());
        // Far past it: refused the same way, never a stack overflow.
        Assert.Contains("nested more than 64 levels", Refused(Nested(200_000)).Message, StringComparison.Ordinal);
    }

    // ---- the format -----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("sources.json", "sources:\n  - id: 1", BibliographyFormat.CslJson)]
    [InlineData("library.csl.json", "", BibliographyFormat.CslJson)]
    [InlineData("SOURCES.JSON", "", BibliographyFormat.CslJson)]
    [InlineData("sources.yaml", "[{\"id\": 1}]", BibliographyFormat.Yaml)]
    [InlineData("sources.yml", "", BibliographyFormat.Yaml)]
    [InlineData("bib", "  \n[{\"id\": 1}]", BibliographyFormat.CslJson)]
    [InlineData("bib.txt", "{\"id\": 1}", BibliographyFormat.CslJson)]
    [InlineData("bib", "sources:\n  - id: 1", BibliographyFormat.Yaml)]
    [InlineData("bib", "", BibliographyFormat.Yaml)]
    public void The_format_is_the_extension_s_else_the_content_s(string file, string text, BibliographyFormat expected)
    {
        Assert.Equal(expected, BibliographyReader.FormatOf(file, text));
    }
}

/// <summary>Runs pandoc, when it is installed (else null), to turn a biblatex file into CSL-JSON; a pandoc that fails fails the test.</summary>
internal static class Pandoc
{
    public static string? ToCslJson(string bibFile)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pandoc", ["--from=biblatex", "--to=csljson", bibFile])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pandoc failed ({process.ExitCode}): {error}");
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
