namespace CiteCheck.Compiler.Output;

/// <summary>A count with its noun in agreement: "1 error", "0 errors", "1 discrepancy", "2 discrepancies".</summary>
public static class Counts
{
    /// <summary><paramref name="n"/> and <paramref name="one"/>, or <paramref name="many"/> (default: <paramref name="one"/> + "s") unless n is 1.</summary>
    public static string Of(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";
}
