using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CiteCheck.Compiler;

/// <summary>
/// Where a run's time goes, for the cold-start work (docs/benchmarks.md): with <c>CITECHECK_TIMING=1</c> the command line
/// marks each step and prints, on standard error at the end, the milliseconds since the process started (so the
/// runtime's own start-up, before Main, is the first figure), with the bytes allocated, the garbage collections and the
/// peak resident memory so far (for the size work). Off, a mark costs one branch.
/// </summary>
public static class Timings
{
    private static readonly ConcurrentQueue<(string Step, double Milliseconds, double Cpu, long Jitted, double JitMilliseconds, long Allocated, int Gen0, int Gen2, double GcPause, long PeakRss)> Marks = new();

    public static bool Enabled { get; set; }

    public static void Mark(string step)
    {
        if (Enabled)
        {
            using var process = Process.GetCurrentProcess();
            Marks.Enqueue((step, (DateTime.Now - process.StartTime).TotalMilliseconds, process.TotalProcessorTime.TotalMilliseconds,
                System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
                GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds, process.PeakWorkingSet64));
        }
    }

    /// <summary>
    /// One line per mark: wall-clock and CPU milliseconds since the process started, the step's share of each, and the
    /// methods the JIT compiled in the step (with their compile time): on a busy machine the CPU figures are the steady ones.
    /// </summary>
    public static string Report()
    {
        var sb = new StringBuilder();
        (double Wall, double Cpu, long Jitted, double Jit, long Allocated, int Gen0, int Gen2, double Pause) previous = (0, 0, 0, 0, 0, 0, 0, 0);
        sb.Append("timing:   wall ms (step)    cpu ms (step)   jitted (ms)  alloc MB (step)  gc0 gc2 (pause ms)  peak MB  step\n");
        foreach (var (step, ms, cpu, jitted, jit, allocated, gen0, gen2, pause, peak) in Marks)
        {
            sb.Append(CultureInfo.InvariantCulture, $"timing: {ms,6:0} (+{ms - previous.Wall,5:0})  {cpu,6:0} (+{cpu - previous.Cpu,5:0})  {jitted - previous.Jitted,5} ({jit - previous.Jit,4:0})  {allocated / 1e6,6:0} (+{(allocated - previous.Allocated) / 1e6,5:0})  {gen0 - previous.Gen0,3} {gen2 - previous.Gen2,3} ({pause - previous.Pause,5:0})  {peak / 1e6,7:0}  {step}\n");
            previous = (ms, cpu, jitted, jit, allocated, gen0, gen2, pause);
        }
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").Where(n => !n.StartsWith("System", StringComparison.Ordinal) && !n.StartsWith("Microsoft", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib").Order(StringComparer.Ordinal);
        sb.Append(CultureInfo.InvariantCulture, $"timing: {AppDomain.CurrentDomain.GetAssemblies().Length} assemblies loaded; besides System.*: {string.Join(", ", loaded)}\n");
        return sb.ToString();
    }
}
