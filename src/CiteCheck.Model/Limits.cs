namespace CiteCheck.Model;

/// <summary>
/// The limits on input CiteCheck accepts, in one place (documented in docs/limits.md). Input past a limit is refused
/// with a message naming the file and the limit; input within them is handled whole, never cut short.
/// </summary>
public static class Limits
{
    /// <summary>Largest input file (report, sources.yaml or CSL-JSON, review.yaml) read: 16 MiB, about 500 times the sample.</summary>
    public const int MaxInputBytes = 16 * 1024 * 1024;

    /// <summary>Deepest nesting of lists and mappings read in YAML (sources.yaml, review.yaml, front matter): none needs more than three.</summary>
    public const int MaxYamlNesting = 64;

    /// <summary>
    /// Deepest nesting of arrays and objects read in a CSL-JSON bibliography: the same 64 as YAML. A CSL item needs five
    /// (the list, the item, a date, its date-parts, one date).
    /// </summary>
    public const int MaxJsonNesting = 64;

    /// <summary>Smallest source number of a numbered citation (<c>[1]</c>).</summary>
    public const int MinSourceNumber = 1;

    /// <summary>Largest source number of a numbered citation: five digits.</summary>
    public const int MaxSourceNumber = 99_999;
}
