using CiteCheck.Model;

namespace CiteCheck.Parsing.Building;

/// <summary>What the model builder's parts share while they walk one report: the file, the blocks so far, the findings.</summary>
internal sealed class BuildContext(string file, string text)
{
    private int _claimId;
    private int _citationIndex;

    public string File => file;

    /// <summary>The report's text, for the few things read from the source itself (a literal's exact place, the unspaced-emphasis scan).</summary>
    public string Text => text;

    public LineMap Lines { get; } = new(file, text);

    public List<Block> Blocks { get; } = [];

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Offsets of the asterisks Markdig left as literal text: an unmatched <c>**</c> is among them, a bold one or one in code not.</summary>
    public HashSet<int> LiteralAsterisks { get; } = [];

    public Sections Sections { get; } = new();

    public int NextClaimId() => _claimId++;

    public int NextCitationIndex() => _citationIndex++;

    public SourceSpan Span(int start, int end) => Lines.Span(start, end);
}
