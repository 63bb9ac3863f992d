using System.Text.RegularExpressions;
using CiteCheck.Checks;
using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Parsing;

namespace CiteCheck.Tests.Specs;

/// <summary>Reads the expectations of a spec document, runs the pipeline on it, and lists every difference.</summary>
public static partial class SpecRunner
{
    /// <summary>
    /// Returns the differences ("missing: …", "unexpected: …") and problems with the spec itself; empty when it passes.
    /// <paramref name="stage"/> defaults to the name of the spec's folder (Citations → citations, Input → input); a spec in
    /// Regression (a bug found by fuzzing or by hand) is compared with the findings of every stage.
    /// </summary>
    public static List<string> Run(string specPath, string? stage = null)
    {
        stage ??= Path.GetFileName(Path.GetDirectoryName(specPath))!.ToLowerInvariant();
        var name = Path.GetFileName(specPath);
        var text = File.ReadAllText(specPath);
        var problems = new List<string>();
        var expected = Expectations(name, text, problems);
        if (problems.Count > 0)
        {
            return problems;
        }

        var siblings = BibliographyExtensions.Select(e => Path.ChangeExtension(specPath, e)).Where(File.Exists).ToList();
        if (siblings.Count > 1)
        {
            return [$"{name}: both {string.Join(" and ", siblings.Select(Path.GetFileName))}; a spec has one bibliography"];
        }
        var options = new CompileOptions { SourcesFile = siblings.FirstOrDefault() };
        CheckedReport report;
        try
        {
            report = Pipeline.Compile(new PhysicalHost(), specPath, options);
        }
        catch (InputException e) when (stage == RegressionStage)
        {
            // A regression spec may expect the input to be refused (exit 2): "refused LINE:1", the line the error names.
            var refused = Key(name, Refused, Path.GetFileName(e.File), e.Line ?? 1, 1);
            return Compare(expected, [(refused, e.Message)]);
        }
        var actual = report.Diagnostics
            .Where(d => stage == RegressionStage || d.Descriptor.Stage == stage)
            .Select(d => (Key: Key(name, d.Rule, Path.GetFileName(d.Location.File), d.Location.Line, d.Location.Column), d.Message))
            .ToList();
        return Compare(expected, actual);
    }

    private static List<string> Compare(List<string> expected, List<(string Key, string Message)> actual)
    {
        var missing = new List<string>(expected);
        var unexpected = new List<(string Key, string Message)>();
        foreach (var finding in actual)
        {
            if (!missing.Remove(finding.Key))
            {
                unexpected.Add(finding);
            }
        }
        return
        [
            .. missing.Select(k => $"missing:    {k}"),
            .. unexpected.Select(u => $"unexpected: {u.Key}  ({u.Message})"),
        ];
    }

    /// <summary>The sibling bibliography of a spec: <c>name.sources.yaml</c> or <c>name.csl.json</c>.</summary>
    private static readonly string[] BibliographyExtensions = [".sources.yaml", ".csl.json"];

    private const string RegressionStage = "regression";

    /// <summary>The pseudo-rule of a regression spec whose input is refused as unreadable (an InputException, exit 2).</summary>
    private const string Refused = "refused";

    private static string Key(string spec, string rule, string file, int line, int column) =>
        file == spec ? $"{rule} {line}:{column}" : $"{rule} {file}:{line}:{column}";

    private static List<string> Expectations(string spec, string text, List<string> problems)
    {
        var rules = RuleRegistry.All.Select(r => r.Rule).Append(Refused).ToHashSet(StringComparer.Ordinal);
        var lines = new LineMap(spec, text);
        var result = new List<string>();
        var any = false;
        foreach (Match m in Comment().Matches(text))
        {
            any = true;
            var commentLine = lines.PositionOf(m.Index).Line;
            var body = m.Groups["body"].Value.Trim();
            if (body == "nothing")
            {
                continue;
            }
            foreach (var item in body.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var e = Expectation().Match(item);
                if (!e.Success)
                {
                    problems.Add($"{spec}({commentLine}): cannot read '{item}': expected 'rule line:column', 'rule -1:column' or 'rule file:line:column'");
                    continue;
                }
                var rule = e.Groups["rule"].Value;
                if (!rules.Contains(rule))
                {
                    problems.Add($"{spec}({commentLine}): unknown rule '{rule}' (known: {string.Join(", ", rules.Order(StringComparer.Ordinal))})");
                    continue;
                }
                var lineText = e.Groups["line"].Value;
                var line = lineText[0] is '+' or '-' ? commentLine + int.Parse(lineText, System.Globalization.CultureInfo.InvariantCulture) : int.Parse(lineText, System.Globalization.CultureInfo.InvariantCulture);
                var file = e.Groups["file"].Success ? e.Groups["file"].Value : spec;
                result.Add(Key(spec, rule, file, line, int.Parse(e.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        if (!any)
        {
            problems.Add($"{spec}: no '<!-- expect: … -->' comment; write '<!-- expect: nothing -->' for a document without findings");
        }
        return result;
    }

    [GeneratedRegex(@"<!--\s*expect:(?<body>.*?)-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^(?<rule>[a-z0-9-]+)\s+(?:(?<file>[^\s:]+):)?(?<line>[+-]?[0-9]+):(?<column>[0-9]+)$")]
    private static partial Regex Expectation();
}
