using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CiteCheck.Compiler;

/// <summary>
/// Where a run's time goes, for the cold-start work (docs/benchmarks.md): with <c>CITECHECK_TIMING=1</c> the command line
/// marks each step and prints, on standard error at the end, the milliseconds since the process started (so the
/// runtime's own start-up, before Main, is the first figure). Off, a mark costs one branch.
/// </summary>
public static class Timings
{
    private static readonly ConcurrentQueue<(string Step, double Milliseconds)> Marks = new();

    public static bool Enabled { get; set; }

    public static void Mark(string step)
    {
        if (Enabled)
        {
            Marks.Enqueue((step, Since()));
        }
    }

    /// <summary>One line per mark: "  412 ms  (+37)  step".</summary>
    public static string Report()
    {
        var sb = new StringBuilder();
        var previous = 0.0;
        foreach (var (step, ms) in Marks)
        {
            sb.Append(CultureInfo.InvariantCulture, $"timing: {ms,6:0} ms  (+{ms - previous,4:0})  {step}\n");
            previous = ms;
        }
        return sb.ToString();
    }

    private static double Since()
    {
        using var process = Process.GetCurrentProcess();
        return (DateTime.Now - process.StartTime).TotalMilliseconds;
    }
}
