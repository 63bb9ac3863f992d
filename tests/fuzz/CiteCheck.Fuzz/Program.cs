using System.Diagnostics;
using System.Globalization;
using CiteCheck.Fuzz;
using SharpFuzz;

// The fuzz harness over parse + check (docs/robustness.md, "Fuzzing"). Modes:
//   afl                      SharpFuzz's AFL entry point: afl-fuzz … -- dotnet citecheck-fuzz.dll afl (after `dotnet sharpfuzz` instrumented the DLLs)
//   libfuzzer                SharpFuzz's libFuzzer entry point, for libfuzzer-dotnet
//   mutate [options]         a plain random-mutation loop over a seed corpus, in process, with no external tool
//   run FILE…                one execution per file (to replay a crash)
// A crash is any exception but InputException (bad input refused with file and line: exit 2, as designed).
return args switch
{
    ["afl"] => Afl(),
    ["libfuzzer"] => LibFuzzer(),
    ["run", .. var files] when files.Length > 0 => Replay(files),
    ["mutate", .. var rest] => MutationLoop.Run(MutationOptions.Parse(rest)),
    _ => Usage(),
};

static int Afl()
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        Target.Execute(buffer.ToArray());
    });
    return 0;
}

static int LibFuzzer()
{
    Fuzzer.LibFuzzer.Run(span => Target.Execute(span.ToArray()));
    return 0;
}

static int Replay(string[] files)
{
    var crashes = 0;
    foreach (var file in files)
    {
        var clock = Stopwatch.StartNew();
        var failure = Target.TryExecute(File.ReadAllBytes(file));
        Console.WriteLine(failure is null
            ? string.Create(CultureInfo.InvariantCulture, $"{file}: ok ({clock.ElapsedMilliseconds} ms)")
            : $"{file}: CRASH {failure}");
        crashes += failure is null ? 0 : 1;
    }
    return crashes == 0 ? 0 : 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: citecheck-fuzz afl | libfuzzer | run FILE… | mutate --corpus DIR[,DIR…] [--executions N] [--seconds S] [--seed N] [--crashes DIR] [--hang-seconds S]");
    return 2;
}
