using CiteCheck.Model;

namespace CiteCheck.Compiler.Output;

/// <summary>A machine- or human-readable rendering of a checked report's findings (text, json, sarif, github).</summary>
public interface IOutputFormat
{
    string Name { get; }

    string Write(CheckedReport report);
}

public static class OutputFormats
{
    public static IReadOnlyList<IOutputFormat> All { get; } = [new TextOutput(), new JsonOutput(), new SarifOutput(), new GithubOutput()];

    public static IOutputFormat? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
