using CiteCheck.Compiler;
using CiteCheck.Model;
using CiteCheck.Parsing;

namespace CiteCheck.Tests.Support;

/// <summary>Shortcuts for tests: parse or check a Markdown string without touching the disk.</summary>
public static class Parse
{
    public static Document Markdown(string markdown, Bibliography? bibliography = null) =>
        ReportParser.Parse("test.md", markdown, bibliography).Document;

    public static CheckedReport Check(string markdown, Bibliography? bibliography = null) =>
        Pipeline.Check(new PhysicalHost(), ReportParser.Parse("test.md", markdown, bibliography), "test.md", new CompileOptions());
}
