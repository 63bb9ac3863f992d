using CiteCheck.Compiler;
using CiteCheck.Tests.Support;

namespace CiteCheck.Tests.Figures;

/// <summary>
/// Measures the cross-check on labelled reports: every folder of tests/corpus, and ../shared/corpus when it exists beside
/// the repository (CI has it; a user's clone does not). Prints the table; fails below 100% recall or 95% precision.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Folders() => [.. Labelled(Repo.Path("tests", "corpus"))];

    private static IEnumerable<string> Labelled(string root) =>
        Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "expected.json"))).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Folders))]
    public void Each_labelled_report_is_scored_with_full_recall_and_no_false_alarm(string folder)
    {
        var score = Score(folder);
        Print(score);
        Assert.True(score.Missed.Count == 0, "missed conflicts:\n" + string.Join("\n", score.Missed));
        Assert.True(score.FalseAlarms.Count == 0, "false discrepancies:\n" + string.Join("\n", score.FalseAlarms));
    }

    [Fact]
    public void The_whole_corpus_reaches_full_recall_and_95_percent_precision()
    {
        var folders = Labelled(Repo.Path("tests", "corpus")).ToList();
        if (Repo.SharedCorpus is { } shared)
        {
            folders.AddRange(Labelled(shared));
        }
        var scores = folders.Select(Score).ToList();
        output.WriteLine($"{"report",-12} {"conflicts",9} {"found",6} {"reported",9} {"false",6} {"recall",7} {"precision",10}");
        foreach (var s in scores)
        {
            Print(s);
        }
        var (conflicts, found, counted, falseAlarms) = Totals(scores);
        var recall = conflicts == 0 ? 1 : (double)found / conflicts;
        var precision = counted == 0 ? 1 : (double)(counted - falseAlarms) / counted;
        output.WriteLine($"{"all",-12} {conflicts,9} {found,6} {counted,9} {falseAlarms,6} {recall,7:P0} {precision,10:P0}");
        Assert.True(recall >= 1.0, $"recall {recall:P1}: " + string.Join("; ", scores.SelectMany(s => s.Missed)));
        Assert.True(precision >= 0.95, $"precision {precision:P1}: " + string.Join("; ", scores.SelectMany(s => s.FalseAlarms)));
    }

    [Fact]
    public void The_shared_calderra_report_is_scored_in_place_when_present()
    {
        var shared = Repo.SharedCorpus;
        if (shared is null)
        {
            Assert.Skip("../shared/corpus is not beside this clone; the shared corpus is scored in CI");
        }
        foreach (var folder in Labelled(shared))
        {
            var score = Score(folder);
            Print(score);
            Assert.Empty(score.Missed);
            Assert.Empty(score.FalseAlarms);
        }
    }

    // Floors against regressions on documents the cross-check was not built on, not claims of full recall there (see
    // docs/cross-check.md for the scores, the blind figures and the conflicts still missed).
    [Fact]
    public void The_held_out_reports_are_measured() =>
        Measure("held out", [.. Labelled(Repo.Path("tests", "corpus-heldout")), .. Labelled(Repo.Path("tests", "corpus-heldout2"))], 6, 0.70, 0.95);

    /// <summary>tests/corpus-blind3: six reports written by a helper who never saw the code, each set scored once before it guided a change.</summary>
    [Fact]
    public void The_third_blind_set_is_measured() => Measure("blind3", [.. Labelled(Repo.Path("tests", "corpus-blind3"))], 6, 0.70, 0.80);

    /// <summary>tests/corpus-blind4: sealed while the cross-check was changed, scored once at the end.</summary>
    [Fact]
    public void The_fourth_blind_set_is_measured() => Measure("blind4", [.. Labelled(Repo.Path("tests", "corpus-blind4"))], 3, 0.45, 0.80);

    /// <summary>
    /// tests/corpus-blind5: the invented reports of two sets sealed while the cross-check was changed (ranges of a quantity,
    /// sizes), each scored once at the end; the sets' conversions of real published prose stay out of the repository.
    /// </summary>
    [Fact]
    public void The_fifth_blind_set_is_measured() => Measure("blind5", [.. Labelled(Repo.Path("tests", "corpus-blind5"))], 4, 0.30, 0.80);

    private void Measure(string name, IReadOnlyList<string> folders, int reports, double recall, double precision)
    {
        var scores = folders.Select(Score).ToList();
        foreach (var s in scores)
        {
            Print(s);
        }
        var (conflicts, found, counted, falseAlarms) = Totals(scores);
        output.WriteLine($"{name}: recall {found}/{conflicts}, {falseAlarms} false of {counted}");
        Assert.Equal(reports, scores.Count);
        Assert.True(found >= recall * conflicts, $"recall {found}/{conflicts}");
        Assert.True(counted - falseAlarms >= precision * counted, $"precision: {falseAlarms} false of {counted}");
    }

    [Fact]
    public void The_real_prose_corpus_is_measured()
    {
        if (Repo.SharedRealCorpus is not { } real)
        {
            Assert.Skip("../shared/corpus-real is not beside this clone (its articles carry a share-alike licence and are never copied here); it is scored in CI");
            return;
        }
        var scores = Labelled(real).Select(Score).ToList();
        foreach (var s in scores)
        {
            Print(s);
        }
        var (conflicts, found, counted, falseAlarms) = Totals(scores);
        var words = Labelled(real).Sum(f => File.ReadAllText(Path.Combine(f, "report.md")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        output.WriteLine($"real prose: recall {found}/{conflicts}, {falseAlarms} false of {counted}, {falseAlarms * 10_000.0 / words:0.0} false per 10,000 words");
        // Floors at the figures of docs/cross-check.md: the real-prose targets (precision 90%, recall 80%) are not met yet.
        Assert.True(found >= 0.5 * conflicts, $"recall {found}/{conflicts}");
        Assert.True(falseAlarms * 10_000.0 / words <= 1.0, $"{falseAlarms} false alarms in {words} words");
    }

    private static (int Conflicts, int Found, int Counted, int False) Totals(IReadOnlyList<CorpusScorer.Score> scores) =>
        (scores.Sum(s => s.Conflicts), scores.Sum(s => s.Found), scores.Sum(s => s.Reported - s.Ignored), scores.Sum(s => s.False));

    private static CorpusScorer.Score Score(string folder)
    {
        var key = CorpusScorer.ReadKey(Path.Combine(folder, "expected.json"));
        var report = Pipeline.Compile(new PhysicalHost(), Path.Combine(folder, key.Document));
        return CorpusScorer.Evaluate(Path.GetFileName(folder), key, report.Discrepancies);
    }

    private void Print(CorpusScorer.Score s)
    {
        output.WriteLine($"{s.Name,-12} {s.Conflicts,9} {s.Found,6} {s.Reported - s.Ignored,9} {s.False,6} {s.Recall,7:P0} {s.Precision,10:P0}");
        foreach (var m in s.Missed)
        {
            output.WriteLine("  missed: " + m);
        }
        foreach (var f in s.FalseAlarms)
        {
            output.WriteLine("  false:  " + f);
        }
    }
}
