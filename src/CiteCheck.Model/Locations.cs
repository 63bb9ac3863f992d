namespace CiteCheck.Model;

/// <summary>A 1-based line and column in a text file, with the 0-based character offset it stands for.</summary>
public readonly record struct TextPosition(int Line, int Column, int Offset)
{
    public override string ToString() => $"{Line},{Column}";
}

/// <summary>A span of text in one file: start inclusive, end exclusive.</summary>
public sealed record SourceSpan(string File, TextPosition Start, TextPosition End)
{
    public int Line => Start.Line;
    public int Column => Start.Column;

    public override string ToString() => $"{File}({Start.Line},{Start.Column})";
}

/// <summary>Maps 0-based offsets of one file's text to 1-based lines and columns.</summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;

    public LineMap(string file, string text)
    {
        File = file;
        Length = text.Length;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
    }

    public string File { get; }

    public int Length { get; }

    public int LineCount => _lineStarts.Length;

    public TextPosition PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return new TextPosition(index + 1, offset - _lineStarts[index] + 1, offset);
    }

    public SourceSpan Span(int start, int end) => new(File, PositionOf(start), PositionOf(Math.Max(start, end)));

    public int LineStart(int line) => _lineStarts[Math.Clamp(line - 1, 0, _lineStarts.Length - 1)];
}
