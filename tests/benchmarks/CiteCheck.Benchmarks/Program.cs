using BenchmarkDotNet.Running;
using CiteCheck.Benchmarks;

// `-- watch [rounds] [warm-ups] [heading|sentence]`: the watch loop's edit-to-edition timing (WatchEditBenchmark); anything else: BenchmarkDotNet.
if (args is ["watch", ..])
{
    return await WatchEditBenchmark.RunAsync(args);
}
// `-- watch-stages [rounds] [warm-ups]`: where one warm rebuild's time goes, stage by stage (WatchStagesBenchmark).
if (args is ["watch-stages", ..])
{
    return WatchStagesBenchmark.Run(args);
}
BenchmarkSwitcher.FromAssembly(typeof(CrossCheckBenchmarks).Assembly).Run(args);
return 0;
