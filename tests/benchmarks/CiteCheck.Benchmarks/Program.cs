using BenchmarkDotNet.Running;
using CiteCheck.Benchmarks;

// `-- watch [rounds] [warm-ups]`: the watch loop's edit-to-edition timing (WatchEditBenchmark); anything else: BenchmarkDotNet.
if (args is ["watch", ..])
{
    return await WatchEditBenchmark.RunAsync(args);
}
BenchmarkSwitcher.FromAssembly(typeof(CrossCheckBenchmarks).Assembly).Run(args);
return 0;
