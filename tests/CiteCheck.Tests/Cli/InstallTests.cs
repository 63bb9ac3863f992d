namespace CiteCheck.Tests.Cli;

/// <summary>What an installed tool offers besides its commands: --version, and shell completion through the [suggest] directive.</summary>
public sealed class InstallTests
{
    [Fact]
    public void Version_prints_the_informational_version()
    {
        var result = CliRun.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _citecheck_complete citecheck")]
    [InlineData("zsh", "compdef _citecheck_complete citecheck")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName citecheck")]
    public void Completion_prints_a_script_that_asks_the_suggest_directive(string shell, string registers)
    {
        var result = CliRun.Run("completion", shell);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(registers, result.Out, StringComparison.Ordinal);
        Assert.Contains("[suggest:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_of_an_unknown_shell_is_exit_2()
    {
        Assert.Equal(2, CliRun.Run("completion", "fish").ExitCode);
    }

    [Theory]
    [InlineData("buil", "build")]
    [InlineData("build x --pa", "--paper")]
    [InlineData("build x --paper ", "letter")]
    [InlineData("check x --fail-on ", "warning")]
    public void The_suggest_directive_completes_commands_options_and_their_words(string line, string expected)
    {
        var result = CliRun.Run($"[suggest:{line.Length}]", line);

        Assert.Contains(expected, result.Out.Split('\n'));
    }
}

/// <summary>Completing a command line whose report is a folder must not run the command over the folder.</summary>
public sealed class SuggestOverFolderTests
{
    [Fact]
    public void Suggest_with_a_folder_argument_builds_nothing()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "a"));
        folder.Write(Path.Combine("a", "report.md"), "# A\n\nText.\n");
        var line = "build . --pa";

        var result = CliRun.In(folder.Path, $"[suggest:{line.Length}]", line);

        Assert.Contains("--paper", result.Out.Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "out")));
    }
}
