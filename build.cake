// Cake build: dotnet tool restore && dotnet cake [--target=NAME] [--configuration=Release]
//   Default      build, test, and check every content/*/report.md (GitHub-style findings)
//   Restore, Build, Test, Check-content   the steps of Default, one by one
//   Pack         the .NET tool package into artifacts/package/ (install: see README, "Install")
//   Benchmarks   the cold-start run against pandoc and the scale run (tests/benchmarks/; figures in docs/benchmarks.md)
//   Editions     every report's HTML and PDF editions into artifacts/editions/<report name>/

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
// The sample report (content/tajikistan) is kept as its editors wrote it, placeholder links (#) and all: it is the
// demonstration of what CiteCheck finds, so its errors are expected. Check-content reports them and fails only for
// the other reports. Pass --strict-samples=true to fail on the sample too.
var samples = new[] { "content/tajikistan/report.md" };
var strictSamples = Argument("strict-samples", false);
var solution = "./CiteCheck.slnx";
// The built CLI, run through the dotnet host (the same command on every platform; no `dotnet run`, which rebuilds).
var citecheck = $"src/CiteCheck.Cli/bin/{configuration}/net10.0/citecheck.dll";

int Citecheck(string arguments)
{
    Information($"citecheck {arguments}");
    return StartProcess("dotnet", new ProcessSettings { Arguments = $"{citecheck} {arguments}" });
}

Task("Restore")
    .Does(() => DotNetRestore(solution));

Task("Build")
    .IsDependentOn("Restore")
    .Does(() => DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

Task("Test")
    .IsDependentOn("Build")
    .Does(() => DotNetTest(solution, new DotNetTestSettings { Configuration = configuration, NoBuild = true, NoRestore = true }));

Task("Check-content")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var failed = new List<string>();
        var root = MakeAbsolute(Directory("."));
        foreach (var report in GetFiles("./content/*/report.md").Select(f => root.GetRelativePath(f).FullPath).OrderBy(p => p))
        {
            var sample = samples.Contains(report);
            var failOn = sample && !strictSamples ? "never" : "error";
            Information(sample ? "(sample: its errors are expected)" : "");
            var exit = Citecheck($"check {report} --format github --fail-on {failOn}");
            if (exit != 0)
            {
                failed.Add($"{report} (exit {exit})");
            }
        }
        if (failed.Count > 0)
        {
            throw new CakeException($"citation check failed: {string.Join(", ", failed)}");
        }
    });

Task("Pack")
    .Does(() =>
    {
        // PackageOutputPath (src/CiteCheck.Cli/CiteCheck.Cli.csproj) is artifacts/package/.
        DotNetPack("src/CiteCheck.Cli", new DotNetPackSettings { Configuration = configuration });
        foreach (var package in GetFiles("./artifacts/package/*.nupkg"))
        {
            Information($"package: {package}");
        }
        Information("install: dotnet tool install --global CiteCheck --add-source artifacts/package");
    });

Task("Benchmarks")
    .IsDependentOn("Build")
    .Does(() =>
    {
        foreach (var script in new[] { "tests/benchmarks/coldstart/run.sh", "tests/benchmarks/scale/run.sh" })
        {
            Information(script);
            var exit = StartProcess("bash", new ProcessSettings { Arguments = script });
            if (exit != 0)
            {
                throw new CakeException($"{script} failed (exit {exit})");
            }
        }
    });

Task("Editions")
    .IsDependentOn("Build")
    .Does(() =>
    {
        // One command for the folder: every report, in parallel, each into artifacts/editions/<its name>/.
        // Exit 1 (findings) does not stop the editions: build writes them whatever the findings (--fail-on never).
        var exit = Citecheck("build content --format html,pdf --out artifacts/editions --fail-on never");
        if (exit != 0)
        {
            throw new CakeException($"citecheck build failed (exit {exit})");
        }
    });

Task("Default")
    .IsDependentOn("Test")
    .IsDependentOn("Check-content");

RunTarget(target);
