namespace CiteCheck.Model;

/// <summary>
/// Where each character of a claim's text stands in the file. Held as runs, not as one number per character: a stretch
/// copied from the file maps to consecutive offsets and a stretch the parser made up (a line break read as a space) to
/// one offset, so a claim costs a few numbers per run instead of four bytes per character (docs/limits.md, "Memory").
/// </summary>
public sealed class OffsetMap
{
    private readonly int[] _starts;
    private readonly int[] _offsets;
    private readonly bool[] _consecutive;

    private OffsetMap(int[] starts, int[] offsets, bool[] consecutive, int length)
    {
        _starts = starts;
        _offsets = offsets;
        _consecutive = consecutive;
        Length = length;
    }

    /// <summary>No map: every character is placed at the claim's start.</summary>
    public static OffsetMap Empty { get; } = new([], [], [], 0);

    /// <summary>How many characters the map places.</summary>
    public int Length { get; }

    /// <summary>The file offset of the character at <paramref name="index"/> (0 ≤ index &lt; <see cref="Length"/>).</summary>
    public int this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
            var run = Array.BinarySearch(_starts, index);
            run = run >= 0 ? run : ~run - 1;
            return _consecutive[run] ? _offsets[run] + (index - _starts[run]) : _offsets[run];
        }
    }

    /// <summary>The map of these offsets, one per character.</summary>
    public static OffsetMap Of(ReadOnlySpan<int> offsets)
    {
        if (offsets.IsEmpty)
        {
            return Empty;
        }
        var starts = new List<int>();
        var firsts = new List<int>();
        var consecutive = new List<bool>();
        var runStart = 0;
        for (var i = 1; i <= offsets.Length; i++)
        {
            // A run goes on while each offset is its predecessor's plus one (or, in a run of one offset, while it repeats).
            if (i < offsets.Length)
            {
                var step = offsets[i] - offsets[i - 1];
                var runStep = i - runStart == 1 ? step : offsets[runStart + 1] - offsets[runStart];
                if (step == runStep && step is 0 or 1)
                {
                    continue;
                }
            }
            starts.Add(runStart);
            firsts.Add(offsets[runStart]);
            consecutive.Add(i - runStart > 1 && offsets[runStart + 1] - offsets[runStart] == 1);
            runStart = i;
        }
        return new OffsetMap([.. starts], [.. firsts], [.. consecutive], offsets.Length);
    }
}
