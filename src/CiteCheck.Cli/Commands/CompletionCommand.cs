using System.CommandLine;
using CiteCheck.Compiler;

namespace CiteCheck.Cli.Commands;

/// <summary>
/// <c>citecheck completion bash|zsh|pwsh</c>: prints a script that gives the shell citecheck's completions. The script
/// asks citecheck itself, through System.CommandLine's <c>[suggest:POSITION]</c> directive, so commands, options and the
/// values of options with a fixed list (--paper a4|letter) complete as the parser knows them. Exits 0.
/// </summary>
internal static class CompletionCommand
{
    private const string Bash = """
        # citecheck completion for bash: source <(citecheck completion bash)
        _citecheck_complete() {
            local IFS=$'\n'
            local line="${COMP_LINE:0:$COMP_POINT}"
            local suggestions
            suggestions=$("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null)
            COMPREPLY=($(compgen -W "$suggestions" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _citecheck_complete citecheck
        """;

    private const string Zsh = """
        # citecheck completion for zsh: source <(citecheck completion zsh)
        _citecheck_complete() {
            local line="${BUFFER[1,$CURSOR]}"
            local -a suggestions
            suggestions=("${(@f)$(citecheck "[suggest:${#line}]" "$line" 2>/dev/null)}")
            compadd -a suggestions
        }
        compdef _citecheck_complete citecheck
        """;

    private const string Pwsh = """
        # citecheck completion for PowerShell: citecheck completion pwsh >> $PROFILE
        Register-ArgumentCompleter -Native -CommandName citecheck -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.ToString()
            citecheck "[suggest:$cursorPosition]" "$line" 2>$null | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }
        """;

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or pwsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "pwsh");
        var command = new Command("completion", "Print the shell completion script for bash, zsh or pwsh (see README, \"Install\").") { shell };
        command.SetAction(parse =>
        {
            context.Out.WriteLine(parse.GetValue(shell) switch
            {
                "zsh" => Zsh,
                "pwsh" => Pwsh,
                _ => Bash,
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
