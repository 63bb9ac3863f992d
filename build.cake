// Cake build: dotnet tool restore && dotnet cake [--target=Restore|Build|Test|Check-content] [--configuration=Release]
// Check-content runs `citecheck check` on every content/*/report.md and prints GitHub-style findings.

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
// The sample report (content/tajikistan) is kept as its editors wrote it, placeholder links (#) and all: it is the
// demonstration of what CiteCheck finds, so its errors are expected. Check-content reports them and fails only for
// the other reports. Pass --strict-samples=true to fail on the sample too.
var samples = new[] { "content/tajikistan/report.md" };
var strictSamples = Argument("strict-samples", false);
var solution = "./CiteCheck.slnx";

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
            Information($"citecheck check {report} --fail-on {failOn}{(sample ? "   (sample: its errors are expected)" : "")}");
            var exit = StartProcess("dotnet", new ProcessSettings
            {
                Arguments = $"run --project src/CiteCheck.Cli --configuration {configuration} --no-build -- check {report} --format github --fail-on {failOn}",
            });
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

Task("Default").IsDependentOn("Test");

RunTarget(target);
