using System.Security.Cryptography;
using CiteCheck.Compiler;
using CiteCheck.Compiler.Output;
using CiteCheck.Model;

namespace CiteCheck.Fuzz;

/// <summary>What one execution does: read the bytes as report.md (UTF-8 checks included), parse, check, cross-check, and write the JSON output.</summary>
public static class Target
{
    private const string ReportPath = "/fuzz/report.md";
    private static readonly JsonOutput Json = new();

    public static void Execute(byte[] input)
    {
        try
        {
            var report = Pipeline.Compile(new OneFileHost(ReportPath, input), ReportPath, new CompileOptions());
            _ = Json.Write(report);
        }
        catch (InputException)
        {
            // Input refused with file and line: what the command line reports as exit 2. Not a crash.
        }
    }

    /// <summary>Runs one input; returns null, or the exception's type, message and first frames for a crash.</summary>
    public static string? TryExecute(byte[] input)
    {
        try
        {
            Execute(input);
            return null;
        }
        catch (Exception e)
        {
            var frames = (e.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(6);
            return $"{e.GetType().FullName}: {e.Message}\n  {string.Join("\n  ", frames)}";
        }
    }

    public static string Hash(byte[] input) => Convert.ToHexStringLower(SHA256.HashData(input))[..12];
}
