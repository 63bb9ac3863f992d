using System.CommandLine;
using CiteCheck.Cli;

namespace CiteCheck.Tests.Cli;

/// <summary>
/// Every option of every command, given values that are too large, zero, negative or malformed: an option with a
/// domain (a number, a duration, one of a list) refuses each with one line naming the option, exit 2; an option that
/// takes a path may accept a strange name, but never crashes. Nothing ever ends in a stack trace.
/// Regression: "--timeout 99999999d" and "--concurrency 99999999999" ended in an unhandled exception (exit 134).
/// </summary>
public sealed class OptionValueTests
{
    private static readonly string[] BadValues = ["99999999999", "99999999999999999999999999d", "0", "-1", "-5s", "abc", "12x", ""];

    /// <summary>Options whose value is a file or folder name, where any name is legal until it is used.</summary>
    private static readonly HashSet<string> PathOptions = ["--sources", "--review", "--output", "--out", "--templates", "--browser", "--fonts", "--cache", "--baseline"];

    public static TheoryData<string, string> ValueOptions()
    {
        var data = new TheoryData<string, string>();
        var root = CommandLine.CreateRoot(new CliContext(new CiteCheck.Compiler.PhysicalHost(), TextWriter.Null, TextWriter.Null));
        foreach (var command in root.Subcommands)
        {
            foreach (var option in command.Options.Where(o => o.ValueType != typeof(bool)))
            {
                data.Add(command.Name, option.Name);
            }
        }
        return data;
    }

    [Fact]
    public void The_walk_covers_the_link_options_that_crashed()
    {
        var options = ValueOptions().Select(row => $"{row.Data.Item1} {row.Data.Item2}").ToList();
        foreach (var name in new[] { "links --timeout", "links --concurrency", "links --host-concurrency", "links --max-age", "links --host-interval", "build --paper", "check --fail-on" })
        {
            Assert.Contains(name, options);
        }
    }

    [Theory]
    [MemberData(nameof(ValueOptions))]
    public void Every_bad_value_is_one_line_and_exit_2(string command, string option)
    {
        using var folder = new TempFolder();
        var report = folder.Write("report.md", "# T\n\nPolice arrested four men. (Sources: [Reuters](#) [1])\n");
        foreach (var value in BadValues)
        {
            // watch runs until Ctrl-C once it starts: walk only the values it must refuse (0 is a free port, or no debounce).
            if (command == "watch" && (PathOptions.Contains(option) || value == "0"))
            {
                continue;
            }
            var args = new List<string> { command, report, option, value };
            if (command == "build" && option != "--format")
            {
                args.AddRange(["--format", "html"]);
            }
            if (command == "links" && option != "--cache")
            {
                args.Add("--offline");
            }
            var result = CliRun.In(folder.Path, [.. args]);

            result.AssertNoStackTrace();
            if (PathOptions.Contains(option))
            {
                Assert.True(result.ExitCode is 0 or 1 or 2, $"{command} {option} '{value}': exit {result.ExitCode}\n{result.Error}");
            }
            else
            {
                Assert.True(result.ExitCode == 2, $"{command} {option} '{value}': exit {result.ExitCode}, expected 2\n{result.Error}");
                Assert.Contains(option, result.Error, StringComparison.Ordinal);
            }
        }
    }
}
