using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CiteCheck.Fuzz;

/// <summary>Options of the mutation loop; a budget of executions, of seconds, or both (whichever ends first).</summary>
public sealed record MutationOptions(IReadOnlyList<string> Corpus, long Executions, double Seconds, int Seed, string Crashes, double HangSeconds)
{
    public static MutationOptions Parse(IReadOnlyList<string> args)
    {
        var corpus = new List<string>();
        var executions = long.MaxValue;
        var seconds = double.PositiveInfinity;
        var seed = Environment.TickCount;
        var crashes = "fuzz-crashes";
        var hang = 20.0;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--corpus": corpus.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries)); break;
                case "--executions": executions = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--crashes": crashes = value; break;
                case "--hang-seconds": hang = double.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
            i++;
        }
        if (corpus.Count == 0 || (executions == long.MaxValue && double.IsPositiveInfinity(seconds)))
        {
            throw new ArgumentException("give --corpus and a budget (--executions and/or --seconds)");
        }
        return new MutationOptions(corpus, executions, seconds, seed, crashes, hang);
    }
}

/// <summary>
/// The fallback when neither AFL nor libFuzzer is at hand: a seeded random-mutation loop over a seed corpus (the spec
/// documents and reports), in process. Each execution takes a seed or an earlier mutant and applies one to eight
/// mutations — byte flips, deletions, duplications, splices of another seed, and insertions of the tokens a report's
/// syntax is made of. Inputs that crash are written to the crashes folder once per distinct exception site; an
/// execution longer than the hang limit is written there too and ends the run (it cannot be interrupted in process).
/// </summary>
public static class MutationLoop
{
    /// <summary>Tokens of the report syntax and the odd characters editors paste: what random bytes rarely produce.</summary>
    private static readonly string[] Dictionary =
    [
        "[", "]", "(", ")", "](", "](#) [", "[^", "]:", "[^1]: ", "[Reuters](#) [1]", "(Sources: ", "Source: ", "**", "*", "_", "`", "```", "~~~",
        "|", "| --- |", "---\n", "\n---\n", "# ", "## ", "- ", "1. ", "> ", "    ", "\n", "\n\n", "\r\n", "\r", "\t", "<!--", "-->", "<script>",
        "&amp;", "&#", "\\", "!", "![", "http://", "https://", "javascript:", "#", "0", "1", "9", "99999", "100000", "007", "-1", "1,000", "1.5",
        "million", "percent", "%", "$", "€", "at least ", " to ", "–", "—", "\u2212", "\u00A0", "\u202F", "\u200B", "\u200D", "\u200E", "\u200F",
        "\u202E", "\u2066", "\uFEFF", "\u00AD", "\u0301", "\uD83D\uDE00", "٣", "July 30, 2018", "30 July 2018", "2018-07-30", "mid-2019",
        "Mr. ", "U.S. ", "J. ", ". ", "... ", "? ", "\"", "“", "”", "'", "’", "&", "<", ">", "{", "}", "{{", "}}", "&x: [*x]", "!!python",
        "title: ", "Dr. Ana Vel", "Ana Vell",
    ];

    private const int MaxInput = 256 * 1024;

    public static int Run(MutationOptions options)
    {
        var seeds = LoadSeeds(options.Corpus);
        if (seeds.Count == 0)
        {
            Console.Error.WriteLine("no seed files (*.md) under " + string.Join(", ", options.Corpus));
            return 2;
        }
        Directory.CreateDirectory(options.Crashes);
        var random = new Random(options.Seed);
        var pool = new List<byte[]>(seeds);
        var sites = new Dictionary<string, (int Count, string File)>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var current = Array.Empty<byte>();
        var started = 0L;
        var slowest = (Ms: 0L, Hash: "");
        var watchdog = new Thread(() => Watch(options, () => (current, Interlocked.Read(ref started), clock))) { IsBackground = true };
        watchdog.Start();
        Console.WriteLine($"seed {options.Seed}; {seeds.Count} seed files; budget {(options.Executions == long.MaxValue ? "∞" : options.Executions.ToString(CultureInfo.InvariantCulture))} executions, {options.Seconds} s");

        long executions = 0;
        while (executions < options.Executions && clock.Elapsed.TotalSeconds < options.Seconds)
        {
            var parent = random.Next(4) == 0 ? seeds[random.Next(seeds.Count)] : pool[random.Next(pool.Count)];
            var input = Mutate(parent, seeds, random);
            current = input;
            var before = clock.ElapsedMilliseconds;
            Interlocked.Exchange(ref started, before);
            var failure = Target.TryExecute(input);
            var took = clock.ElapsedMilliseconds - before;
            Interlocked.Exchange(ref started, -1);
            executions++;
            if (took > slowest.Ms)
            {
                slowest = (took, Target.Hash(input));
                File.WriteAllBytes(Path.Combine(options.Crashes, "slowest.md"), input);
            }
            if (failure is not null)
            {
                // One file per exception site (type and first frame): the same bug found again is counted, not saved again.
                var site = string.Join("\n", failure.Split('\n').Take(2));
                if (!sites.TryGetValue(site, out var known))
                {
                    var file = Path.Combine(options.Crashes, $"crash-{Target.Hash(input)}.md");
                    File.WriteAllBytes(file, input);
                    File.WriteAllText(file + ".txt", failure + "\n");
                    Console.WriteLine($"CRASH after {executions} executions: {file}\n{failure}");
                    known = (0, file);
                }
                sites[site] = (known.Count + 1, known.File);
            }
            else if (pool.Count < 4000 && random.Next(8) == 0)
            {
                // Keep some inputs that ran clean as parents: mutations pile up, as a coverage-guided fuzzer's queue would.
                pool.Add(input);
            }
            if (executions % 5000 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{executions} executions, {clock.Elapsed.TotalSeconds:0} s, {executions / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0}/s, {sites.Count} distinct crashes"));
            }
        }
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"done: {executions} executions in {clock.Elapsed.TotalSeconds:0} s ({executions / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0}/s), seed {options.Seed}, {sites.Count} distinct crashes ({sites.Values.Sum(v => v.Count)} crashing inputs), slowest input {slowest.Ms} ms ({slowest.Hash})");
        Console.WriteLine(summary);
        foreach (var (site, (count, file)) in sites)
        {
            Console.WriteLine($"  {count} × {file}: {site.Replace("\n", " | ", StringComparison.Ordinal)}");
        }
        return sites.Count == 0 ? 0 : 1;
    }

    private static void Watch(MutationOptions options, Func<(byte[] Input, long Started, Stopwatch Clock)> state)
    {
        while (true)
        {
            Thread.Sleep(1000);
            var (input, started, clock) = state();
            if (started >= 0 && clock.ElapsedMilliseconds - started > options.HangSeconds * 1000)
            {
                var file = Path.Combine(options.Crashes, $"hang-{Target.Hash(input)}.md");
                File.WriteAllBytes(file, input);
                Console.WriteLine($"HANG: one execution ran over {options.HangSeconds} s: {file}");
                Environment.Exit(4);
            }
        }
    }

    private static List<byte[]> LoadSeeds(IEnumerable<string> roots) =>
    [
        .. roots.SelectMany(r => File.Exists(r) ? [r] : Directory.EnumerateFiles(r, "*.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .Where(b => b.Length <= MaxInput),
    ];

    public static byte[] Mutate(byte[] parent, IReadOnlyList<byte[]> seeds, Random random)
    {
        var data = new List<byte>(parent);
        var count = 1 + random.Next(8);
        for (var i = 0; i < count; i++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
            switch (random.Next(9))
            {
                case 0 when data.Count > 0:
                    // Flip one bit.
                    var flip = Math.Min(at, data.Count - 1);
                    data[flip] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    // A random byte.
                    data[Math.Min(at, data.Count - 1)] = (byte)random.Next(256);
                    break;
                case 2 when data.Count > 0:
                    // Delete a run.
                    var delete = Math.Min(random.Next(1, 64), data.Count - Math.Min(at, data.Count - 1));
                    data.RemoveRange(Math.Min(at, data.Count - 1), delete);
                    break;
                case 3 when data.Count > 0:
                    // Duplicate a run (repeated lines, headings, citations: the shapes that grow quadratic steps).
                    var from = random.Next(data.Count);
                    var length = Math.Min(random.Next(1, 256), data.Count - from);
                    var copy = data.GetRange(from, length);
                    for (var k = random.Next(1, 4); k > 0; k--)
                    {
                        data.InsertRange(at, copy);
                    }
                    break;
                case 4:
                    // Splice in a piece of another seed.
                    var other = seeds[random.Next(seeds.Count)];
                    if (other.Length > 0)
                    {
                        var start = random.Next(other.Length);
                        data.InsertRange(at, other.Skip(start).Take(random.Next(1, 512)));
                    }
                    break;
                case 5 when data.Count > 0:
                    // Swap two lines' worth of bytes: moves a section or a footnote definition.
                    var a = random.Next(data.Count);
                    var b = random.Next(data.Count);
                    var len = Math.Min(random.Next(1, 128), data.Count - Math.Max(a, b));
                    for (var k = 0; k < len; k++)
                    {
                        (data[a + k], data[b + k]) = (data[b + k], data[a + k]);
                    }
                    break;
                default:
                    // Insert a token of the syntax.
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Dictionary[random.Next(Dictionary.Length)]));
                    break;
            }
            if (data.Count > MaxInput)
            {
                data.RemoveRange(MaxInput, data.Count - MaxInput);
            }
        }
        return [.. data];
    }
}
