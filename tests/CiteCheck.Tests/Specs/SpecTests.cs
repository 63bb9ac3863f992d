using CiteCheck.Checks;
using CiteCheck.Compiler;
using CiteCheck.Parsing;

namespace CiteCheck.Tests.Specs;

/// <summary>
/// Runs every spec document (Specs/&lt;Stage&gt;/*.md) and compares its findings with the expectations written in it.
/// The convention is in Specs/README.md.
/// </summary>
public class SpecTests
{
    private static string SpecRoot => Path.Combine(AppContext.BaseDirectory, "Specs");

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateDirectories(SpecRoot).SelectMany(d => Directory.EnumerateFiles(d, "*.md")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(SpecRoot, file).Replace('\\', '/'));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Spec_document_gives_exactly_the_expected_findings(string spec)
    {
        var problems = SpecRunner.Run(Path.Combine(SpecRoot, spec));
        Assert.True(problems.Count == 0, $"{spec}:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void Every_citation_and_input_rule_has_a_spec_document()
    {
        var specs = Directory.EnumerateFiles(SpecRoot, "*.md", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        var rules = CitationChecks.All.Select(c => c.Descriptor.Rule).Concat(ParsingRules.All.Select(r => r.Rule));
        var untested = rules.Where(r => !specs.Any(s => s.Contains($"expect: {r} ", StringComparison.Ordinal) || s.Contains($", {r} ", StringComparison.Ordinal))).ToList();
        Assert.Empty(untested);
    }

    [Fact]
    public void A_wrong_expectation_fails_with_a_readable_diff()
    {
        var dir = Directory.CreateTempSubdirectory("citecheck-spec-");
        try
        {
            var spec = Path.Combine(dir.FullName, "wrong.md");
            File.WriteAllText(spec, """
                Police arrested four men. Source: [Reuters](#) [1]
                <!-- expect: placeholder-link -1:46, numbering-gap 1:1 -->
                """);
            var problems = SpecRunner.Run(spec, "citations");
            Assert.Equal(
                [
                    "missing:    placeholder-link 1:46",
                    "missing:    numbering-gap 1:1",
                    "unexpected: placeholder-link 1:45  (source 1 (Reuters) links to '#', a placeholder; give the source's URL)",
                ],
                problems);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("No marker at all.", "no '<!-- expect: … -->' comment")]
    [InlineData("Text.\n<!-- expect: placeholder-lnk 1:1 -->", "unknown rule 'placeholder-lnk'")]
    [InlineData("Text.\n<!-- expect: placeholder-link one:1 -->", "cannot read 'placeholder-link one:1'")]
    public void A_spec_that_cannot_be_read_fails(string markdown, string message)
    {
        var dir = Directory.CreateTempSubdirectory("citecheck-spec-");
        try
        {
            var spec = Path.Combine(dir.FullName, "bad.md");
            File.WriteAllText(spec, markdown);
            var problems = SpecRunner.Run(spec, "citations");
            Assert.Contains(problems, p => p.Contains(message, StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
