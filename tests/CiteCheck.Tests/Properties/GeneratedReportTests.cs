using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;
using CiteCheck.Model;
using CiteCheck.Parsing;
using CsCheck;

namespace CiteCheck.Tests.Properties;

/// <summary>
/// Properties of the pipeline (parse → checks → cross-check → JSON) over generated reports (<see cref="ReportGen"/>), in
/// process: it never throws (a broken front matter is an <see cref="InputException"/> naming a line of the file, as the
/// command line reports it), every location it gives lies inside the file, a second run gives the same result, and a
/// discrepancy keeps its id when the section that holds it moves. Iteration counts are modest so the suite stays quick;
/// CsCheck prints the seed of a failing case, and <c>CsCheck_Seed=…</c> replays it.
/// </summary>
public class GeneratedReportTests
{
    /// <summary>A report path in a folder that does not exist: no review.yaml or sources.yaml is found beside it.</summary>
    private static readonly string ReportPath = Path.Combine(Path.GetTempPath(), "citecheck-property-nowhere", "report.md");

    private const int Iterations = 100;

    /// <summary>Each case of the move property runs the pipeline twice on the larger, self-contained reports.</summary>
    private const int MoveIterations = 50;

    private static CheckedReport? Run(string text, bool frontMatterBroken)
    {
        try
        {
            var parsed = ReportParser.Parse(ReportPath, text, bibliography: null);
            return Pipeline.Check(new PhysicalHost(), parsed, ReportPath, new CompileOptions());
        }
        catch (InputException e) when (frontMatterBroken)
        {
            // Bad input is refused with the file and a line of it (exit 2 on the command line), never anything else.
            Assert.Equal(ReportPath, e.File);
            Assert.True(e.Line is null || (e.Line >= 1 && e.Line <= new LineMap(ReportPath, text).LineCount), $"line {e.Line} is outside the file");
            return null;
        }
    }

    [Fact]
    public void The_pipeline_never_throws_on_a_generated_report()
    {
        ReportGen.Reports.Sample(r => Run(r.Text, r.FrontMatterBroken), iter: Iterations, threads: 1);
    }

    [Fact]
    public void Every_location_lies_inside_the_file()
    {
        ReportGen.Reports.Sample(r =>
        {
            var text = r.Text;
            var report = Run(text, r.FrontMatterBroken);
            if (report is null)
            {
                return;
            }
            var lines = text.Split('\n');
            var spans = report.Diagnostics.SelectMany(d => d.AdditionalLocations.Prepend(d.Location).Select(s => (What: $"{d.Id} {d.Message}", Span: s)))
                .Concat(report.Discrepancies.SelectMany(d => d.Claims.Select(c => (What: $"discrepancy {d.Id} claim '{c.Text}'", c.Span))))
                .Concat(report.Document.Blocks.SelectMany(b => b.Claims).Select(c => (What: $"claim '{c.Text}'", c.Span)));
            foreach (var (what, span) in spans)
            {
                Assert.Equal(ReportPath, span.File);
                foreach (var p in new[] { span.Start, span.End })
                {
                    Assert.True(p.Line >= 1 && p.Line <= lines.Length, $"{what}: line {p.Line} of {lines.Length}");
                    // A position may stand just past the line's last character (a bracket left open at the end of a line).
                    Assert.True(p.Column >= 1 && p.Column <= lines[p.Line - 1].Length + 1, $"{what}: column {p.Column} on line {p.Line} of {lines[p.Line - 1].Length} characters");
                }
                Assert.True(span.Start.Offset <= span.End.Offset, $"{what}: the span ends before it starts");
            }
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void A_second_run_gives_the_same_result()
    {
        var json = new JsonOutput();
        ReportGen.Reports.Sample(r =>
        {
            var first = Run(r.Text, r.FrontMatterBroken);
            var second = Run(r.Text, r.FrontMatterBroken);
            Assert.Equal(first is null, second is null);
            if (first is not null && second is not null)
            {
                Assert.Equal(json.Write(first), json.Write(second));
            }
        }, iter: Iterations / 2, threads: 1);
    }

    [Fact]
    public void A_discrepancy_keeps_its_id_when_its_section_moves()
    {
        var gen = ReportGen.SelfContainedReports.Where(r => !r.FrontMatterBroken).SelectMany(r =>
            Gen.Select(Gen.Const(r), Gen.Int[0, r.Sections.Count - 1], Gen.Int[0, r.Sections.Count - 1]));
        var withDiscrepancies = 0;
        gen.Sample((r, from, to) =>
        {
            var before = Run(r.Text, frontMatterBroken: false)!;
            var after = Run(r.TextWithSectionMoved(from, to), frontMatterBroken: false)!;
            if (before.Discrepancies.Length > 0)
            {
                Interlocked.Increment(ref withDiscrepancies);
            }
            Assert.True(Ids(before).SequenceEqual(Ids(after)), $"before the move:\n{Describe(before)}\nafter:\n{Describe(after)}");
        }, iter: MoveIterations, threads: 1, print: t => $"move section {t.Item2} to {t.Item3} of:\n{t.Item1.Text}");
        // The property says nothing unless the generated reports hold discrepancies.
        Assert.True(withDiscrepancies >= MoveIterations / 10, $"only {withDiscrepancies} of {MoveIterations} generated reports had a discrepancy");
    }

    private static string Describe(CheckedReport report) => string.Join("\n", report.Discrepancies.Select(d =>
        $"  {d.Id} {d.Kind} {d.EventKey} | {d.Subject} | {string.Join(" / ", d.Claims.Select(c => c.Value))}"));

    private static string[] Ids(CheckedReport report) => [.. report.Discrepancies.Select(d => d.Id).Order(StringComparer.Ordinal)];
}
