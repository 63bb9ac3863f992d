using BenchmarkDotNet.Running;
using CiteCheck.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(CrossCheckBenchmarks).Assembly).Run(args);
