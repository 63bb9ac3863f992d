using CiteCheck.Compiler;
using CiteCheck.Watch;
using CiteCheck.Watch.Inputs;

namespace CiteCheck.Tests.Watch;

/// <summary>
/// The watch's incremental build: what did not change is neither re-read nor re-parsed, a save that changes no byte runs
/// nothing, and a broken save keeps the last good edition.
/// </summary>
public sealed class IncrementalBuilderTests : IDisposable
{
    private readonly WatchCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    private (IncrementalBuilder Builder, CachingHost Host) Start()
    {
        var host = new CachingHost(new PhysicalHost());
        var builder = new IncrementalBuilder(host, _copy.Options());
        var first = builder.Build([], force: true);
        Assert.Equal(BuildStatus.Built, first.Status);
        Assert.Equal(1, first.Edition);
        return (builder, host);
    }

    [Fact]
    public void The_first_build_records_the_report_bibliography_templates_and_the_review_file_it_looked_for()
    {
        var (builder, _) = Start();
        var inputs = builder.Inputs.Select(Path.GetFileName).ToHashSet();
        Assert.Contains("report.md", inputs);
        Assert.Contains("sources.yaml", inputs);
        Assert.Contains("review.yaml", inputs); // looked for, absent: its appearance is a change
        Assert.Contains("report.sbn", inputs);
        Assert.Contains("report.css", inputs);
        Assert.Contains("_bibliography.sbn", inputs);
        Assert.DoesNotContain(builder.Inputs, p => p.StartsWith(_copy.Out, StringComparison.Ordinal));
    }

    [Fact]
    public void A_save_that_changes_no_byte_runs_nothing_and_reads_only_the_saved_file()
    {
        var (builder, host) = Start();
        var reads = host.DiskReads;
        File.WriteAllBytes(_copy.Report, File.ReadAllBytes(_copy.Report));
        var outcome = builder.Build([_copy.Report]);
        Assert.Equal(BuildStatus.Unchanged, outcome.Status);
        Assert.Equal(1, outcome.Edition);
        Assert.Equal(reads + 1, host.DiskReads);
    }

    [Fact]
    public void An_edit_of_the_report_is_reparsed_and_nothing_else_is_read_again()
    {
        var (builder, host) = Start();
        var reads = host.DiskReads;
        _copy.RenameOverview("Wombatquill");
        var outcome = builder.Build([_copy.Report]);
        Assert.Equal(BuildStatus.Built, outcome.Status);
        Assert.Equal(2, outcome.Edition);
        Assert.False(outcome.ParseReused);
        Assert.Equal(reads + 1, host.DiskReads); // the report; bibliography and templates came from memory
        Assert.Contains("Overview Wombatquill", _copy.WrittenReportHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_of_the_review_file_reuses_the_parsed_report()
    {
        var (builder, _) = Start();
        File.WriteAllText(Path.Combine(_copy.Folder, "review.yaml"), "reviews: []\n");
        var outcome = builder.Build([Path.Combine(_copy.Folder, "review.yaml")]);
        Assert.Equal(BuildStatus.Built, outcome.Status);
        Assert.True(outcome.ParseReused);
    }

    [Fact]
    public void An_edit_of_the_bibliography_reparses_the_report()
    {
        var (builder, _) = Start();
        File.AppendAllText(_copy.Sources, "  - id: 98\n    publisher: Unused Gazette\n");
        var outcome = builder.Build([_copy.Sources]);
        Assert.Equal(BuildStatus.Built, outcome.Status);
        Assert.False(outcome.ParseReused);
        Assert.Contains(outcome.Report!.Diagnostics, d => d.Rule == "unused-source" && d.Message.Contains("98", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_save_reports_its_error_writes_nothing_and_the_fix_builds_the_next_edition()
    {
        var (builder, _) = Start();
        var before = _copy.WrittenReportHtml();
        File.WriteAllText(_copy.Sources, "sources:\n  - id: 1\n    publisher: [unclosed\n");
        var broken = builder.Build([_copy.Sources]);
        Assert.Equal(BuildStatus.Failed, broken.Status);
        Assert.Equal(1, broken.Edition);
        var error = Assert.Single(broken.Errors);
        Assert.StartsWith("citecheck: error: ", error, StringComparison.Ordinal);
        Assert.Contains("sources.yaml(", error, StringComparison.Ordinal);
        Assert.Equal(before, _copy.WrittenReportHtml());
        // Still watched after the failure, and the fix is a new edition.
        Assert.Contains(builder.Inputs, p => p.EndsWith("report.md", StringComparison.Ordinal));
        File.Copy(Support.Repo.Path("content", "tajikistan", "sources.yaml"), _copy.Sources, overwrite: true);
        _copy.RenameOverview("Fixedagain");
        var fixedUp = builder.Build([_copy.Sources, _copy.Report]);
        Assert.Equal(BuildStatus.Built, fixedUp.Status);
        Assert.Equal(2, fixedUp.Edition);
        Assert.Contains("Overview Fixedagain", _copy.WrittenReportHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_CSL_JSON_bibliography_created_beside_the_report_is_noticed_refused_beside_sources_yaml_and_read_alone()
    {
        var (builder, _) = Start();
        // Every name a bibliography may have beside the report is watched, present or not (docs/sources.md).
        var inputs = builder.Inputs.Select(Path.GetFileName).ToHashSet();
        Assert.Superset(new HashSet<string?> { "sources.yaml", "sources.yml", "sources.json", "sources.csl.json", "report.csl.json" }, inputs);

        var json = Path.Combine(_copy.Folder, "report.csl.json");
        File.WriteAllText(json, """[{"id": 1, "container-title": "Reuters"}, {"id": 2, "container-title": "Radio Free Europe"}]""");
        var both = builder.Build([json]);
        Assert.Equal(BuildStatus.Failed, both.Status);
        Assert.Contains("has 2 bibliographies beside it, sources.yaml and report.csl.json", Assert.Single(both.Errors), StringComparison.Ordinal);

        File.Delete(_copy.Sources);
        var alone = builder.Build([_copy.Sources]);
        Assert.Equal(BuildStatus.Built, alone.Status);
        Assert.Equal(json, alone.Report!.Document.Bibliography.File);
        Assert.Equal(2, alone.Report.Document.Bibliography.Entries.Length);
        // Sources 3 to 97 are cited but not in the two-item file.
        Assert.Contains(alone.Report.Diagnostics, d => d.Rule == "undefined-source" && d.Source == "97");
    }

    [Fact]
    public void An_edit_of_a_custom_template_is_picked_up()
    {
        var templates = Path.Combine(_copy.Folder, "templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "report.css"), "body { color: #123456; }\n");
        var host = new CachingHost(new PhysicalHost());
        var builder = new IncrementalBuilder(host, _copy.Options() with { Edition = new() { TemplatesDirectory = templates } });
        Assert.Equal(BuildStatus.Built, builder.Build([], force: true).Status);
        Assert.Contains(builder.Inputs, p => p == Path.Combine(templates, "report.css"));
        Assert.Contains(builder.Inputs, p => p == Path.Combine(templates, "report.sbn")); // looked for there first
        File.WriteAllText(Path.Combine(templates, "report.css"), "body { color: #654321; }\n");
        var outcome = builder.Build([Path.Combine(templates, "report.css")]);
        Assert.Equal(BuildStatus.Built, outcome.Status);
        Assert.True(outcome.ParseReused);
        Assert.Contains("#654321", _copy.WrittenReportHtml(), StringComparison.Ordinal);
    }
}
