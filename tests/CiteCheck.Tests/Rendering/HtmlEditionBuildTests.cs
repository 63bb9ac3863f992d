using CiteCheck.Cli;
using CiteCheck.Rendering;
using CiteCheck.Rendering.Html;
using static CiteCheck.Tests.Rendering.HtmlEditionFixture;

namespace CiteCheck.Tests.Rendering;

/// <summary>The build command with the HTML edition: files, templates, errors, determinism and atomic writes.</summary>
public sealed class HtmlEditionBuildTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("citecheck-html-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Report() => Write("report.md", "# A Report\n\nThe attack killed 22 people [Reuters](https://r.example/a) [1].\n");

    [Fact]
    public void Build_writes_report_discrepancies_and_check_json()
    {
        var outDir = Path.Combine(_dir, "out");
        var (code, stdout, _) = Run("build", Report(), "--out", outDir);
        Assert.Equal(0, code);
        foreach (var name in new[] { "report.html", "discrepancies.html", "check.json" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, name)), name);
            Assert.Contains(Path.Combine(outDir, name), stdout);
        }
        Assert.Contains("<!DOCTYPE html>", File.ReadAllText(Path.Combine(outDir, "report.html")));
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
    }

    [Fact]
    public void A_second_build_of_the_same_input_is_byte_identical()
    {
        var report = CiteCheck.Compiler.Pipeline.Compile(new CiteCheck.Compiler.PhysicalHost(), Support.Repo.Path("content", "tajikistan", "report.md"));
        var first = new HtmlEditionRenderer().Render(report, Options(), new CiteCheck.Compiler.PhysicalHost());
        var again = CiteCheck.Compiler.Pipeline.Compile(new CiteCheck.Compiler.PhysicalHost(), Support.Repo.Path("content", "tajikistan", "report.md"));
        var second = new HtmlEditionRenderer().Render(again, Options(), new CiteCheck.Compiler.PhysicalHost());
        Assert.Equal(first.Select(f => f.Name), second.Select(f => f.Name));
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Content, second[i].Content);
        }
    }

    [Fact]
    public void The_printed_date_is_the_build_time()
    {
        var report = Check("# T\n\nText.\n");
        var html = Pages(report)[HtmlEditionRenderer.ReportFile];
        Assert.Contains("<time datetime=\"2023-11-14\">14 November 2023</time>", html);
        var later = HtmlEditionRenderer.RenderPages(report, Options() with { BuildTime = DateTimeOffset.FromUnixTimeSeconds(0) }, new CiteCheck.Compiler.PhysicalHost());
        Assert.Contains("<time datetime=\"1970-01-01\">1 January 1970</time>", later[HtmlEditionRenderer.ReportFile]);
    }

    [Fact]
    public void A_custom_templates_folder_is_used_and_falls_back_to_the_built_in_files()
    {
        var templates = Path.Combine(_dir, "brand");
        Write("brand/report.sbn", "<!DOCTYPE html><html><head><title>{{ report.title }}</title></head><body class=\"brand\"><h1>Acme Institute</h1>{{ body }}{{ include '_bibliography.sbn' }}</body></html>");
        Write("brand/report.css", "body { color: rebeccapurple; }");
        var pages = Pages(Check("# Custom\n\nOne [R](https://r.example/) [1].\n"), templates);
        Assert.Contains("<body class=\"brand\"><h1>Acme Institute</h1>", pages[HtmlEditionRenderer.ReportFile]);
        Assert.Contains("id=\"source-1\"", pages[HtmlEditionRenderer.ReportFile]); // the built-in partial
        Assert.Contains("rebeccapurple", pages[HtmlEditionRenderer.DiscrepanciesFile]); // the built-in page with the custom CSS
    }

    [Theory]
    [InlineData("<html>\n<body>\n{{ for x in }}\n</body>", "fine", "report.sbn", 3)] // syntax error
    [InlineData("<html>\n{{ include '_missing.sbn' }}\n</html>", "fine", "report.sbn", 2)] // missing partial
    [InlineData("<html>\n{{ include '_part.sbn' }}\n</html>", "one\ntwo\n{{ if }}\n", "_part.sbn", 3)] // syntax error in a partial
    [InlineData("<html>\n\n\n{{ no_such_variable }}\n</html>", "fine", "report.sbn", 4)] // unknown variable
    [InlineData("<html>\n{{ include '_part.sbn' }}\n</html>", "one\n{{ undefined_in_partial }}\n", "_part.sbn", 2)] // run-time error in a partial
    public void A_template_error_names_the_template_file_and_line(string report, string partial, string file, int line)
    {
        var templates = Path.Combine(_dir, "broken");
        Write("broken/report.sbn", report);
        Write("broken/_part.sbn", partial);
        var error = Assert.Throws<RenderException>(() => Pages(Check("# T\n\nText.\n"), templates));
        Assert.Equal(Path.Combine(templates, file), error.File);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"{Path.Combine(templates, file)}({line}): template error: ", error.ToString());
    }

    [Fact]
    public void A_runaway_template_stops_at_the_loop_limit()
    {
        var templates = Path.Combine(_dir, "loop");
        Write("loop/report.sbn", "<html>\n{{ while true }}x{{ end }}\n</html>");
        var error = Assert.Throws<RenderException>(() => Pages(Check("# T\n\nText.\n"), templates));
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_edition_untouched()
    {
        var report = Report();
        var outDir = Path.Combine(_dir, "out");
        Assert.Equal(0, Run("build", report, "--out", outDir).Code);
        var before = File.ReadAllBytes(Path.Combine(outDir, "report.html"));
        var checkBefore = File.ReadAllBytes(Path.Combine(outDir, "check.json"));

        Write("report.md", "# A Report, edited\n\nThe attack killed 35 people [Reuters](https://r.example/a) [1].\n");
        Write("bad/report.sbn", "<html>\n{{ end }}\n");
        var (code, _, stderr) = Run("build", report, "--out", outDir, "--templates", Path.Combine(_dir, "bad"));

        Assert.Equal(2, code);
        Assert.Contains(Path.Combine(_dir, "bad", "report.sbn") + "(2)", stderr);
        Assert.Contains("nothing was written", stderr);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(outDir, "report.html")));
        Assert.Equal(checkBefore, File.ReadAllBytes(Path.Combine(outDir, "check.json")));
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
    }

    [Fact]
    public void An_edition_that_fails_its_own_verification_is_a_bug_exit_3_and_writes_nothing()
    {
        var report = Report();
        var outDir = Path.Combine(_dir, "out");
        Write("verify/report.sbn", "<!DOCTYPE html><html><head><title>x</title></head><body>\n<a href=\"#nowhere\">x</a>{{ include '_bibliography.sbn' }}</body></html>");
        var (code, _, stderr) = Run("build", report, "--out", outDir, "--templates", Path.Combine(_dir, "verify"));
        Assert.Equal(3, code);
        Assert.Contains("report.html(2,1): error CC4001 broken-internal-link", stderr);
        Assert.Contains("CC4003 citation-not-rendered", stderr); // the template dropped the body and its citations
        Assert.False(File.Exists(Path.Combine(outDir, "report.html")));
        Assert.False(File.Exists(Path.Combine(outDir, "check.json")));
    }

    [Fact]
    public void The_default_output_folder_is_out_and_the_report_folder_name() =>
        Assert.Equal(Path.Combine("out", "tajikistan"), CiteCheck.Compiler.Builder.DefaultOutDirectory("content/tajikistan/report.md"));
}
