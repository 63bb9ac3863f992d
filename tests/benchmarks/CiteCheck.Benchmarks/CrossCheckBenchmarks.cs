using BenchmarkDotNet.Attributes;
using CiteCheck.Checks.Figures;
using CiteCheck.Model;
using CiteCheck.Parsing;

namespace CiteCheck.Benchmarks;

/// <summary>
/// Extraction and grouping of the figure cross-check, in process: on the sample report, and on the sample repeated 100 times
/// (each copy's dates moved by a century so copies do not pair with each other) to show the work grows with the report.
/// </summary>
[MemoryDiagnoser]
public class CrossCheckBenchmarks
{
    private Document _sample = null!;
    private Document _hundred = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = FindSample();
        var text = File.ReadAllText(path);
        _sample = ReportParser.Parse(path, text).Document;
        var copies = Enumerable.Range(0, 100).Select(i => i == 0 ? text : System.Text.RegularExpressions.Regex.Replace(
            text[text.IndexOf('\n', StringComparison.Ordinal)..], @"\b(19|20)(\d\d)\b", m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) - 1000 + (i * 7)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _hundred = ReportParser.Parse(path, string.Join("\n\n", copies)).Document;
    }

    [Benchmark(Description = "sample: extract + group + compare")]
    public int Sample() => CrossCheck.Run(_sample).Length;

    [Benchmark(Description = "sample x100: extract + group + compare")]
    public int Hundred() => CrossCheck.Run(_hundred).Length;

    [Benchmark(Description = "sample: parse (Markdig to model)")]
    public int Parse() => ReportParser.Parse("report.md", File.ReadAllText(FindSample())).Document.Blocks.Length;

    private static string FindSample()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CiteCheck.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? ".", "content", "tajikistan", "report.md");
    }
}
