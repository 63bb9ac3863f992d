using System.Text;

namespace CiteCheck.Rendering.Pdf.Layout;

/// <summary>
/// Greedy line breaking from real font metrics. Breaks at spaces, after dashes and slashes inside long compounds
/// ("dead—although", "ISIS-affiliated"), and at forced breaks ("\n"); a word wider than the line is cut between characters.
/// Justified lines spread the extra width over their spaces; the last line of a paragraph and a line before a forced
/// break stay ragged. Each space is drawn as a real space character at the end of the word before it, so the text
/// copies and searches as words.
/// </summary>
public sealed class LineBreaker(ITextMeasurer measurer)
{
    private const double Tolerance = 0.01;

    /// <summary>A word piece in one style.</summary>
    private sealed record Box(string Text, TextStyle Style, LinkTarget? Link, double Width)
    {
        public System.Collections.Immutable.ImmutableArray<string> Anchors { get; init; } = [];
    }

    /// <summary>Boxes between two break opportunities, with what separates it from the chunk before.</summary>
    private sealed class Chunk
    {
        public List<Box> Boxes { get; } = [];

        /// <summary>The style of the space before this chunk, or null when it follows a dash or a forced break directly.</summary>
        public TextStyle? SpaceBefore { get; set; }

        public bool ForcedBreakBefore { get; set; }

        public double Width => Boxes.Sum(b => b.Width);
    }

    /// <param name="breakAtDashes">Whether a line may break after a dash or slash inside a word (not in headings and titles).</param>
    public IReadOnlyList<Line> Break(IReadOnlyList<Run> runs, double width, Alignment alignment, bool breakAtDashes = true)
    {
        var chunks = Chunks(runs, breakAtDashes);
        var lines = new List<Line>();
        var current = new List<Chunk>();
        var currentWidth = 0.0;
        foreach (var chunk in chunks)
        {
            if (chunk.ForcedBreakBefore)
            {
                lines.Add(Finish(current, width, alignment, justify: false, brokeAtSpace: false));
                current.Clear();
                currentWidth = 0;
            }
            var space = current.Count > 0 && chunk.SpaceBefore is { } s ? SpaceWidth(s) : 0;
            if (current.Count > 0 && currentWidth + space + chunk.Width > width + Tolerance)
            {
                lines.Add(Finish(current, width, alignment, justify: true, brokeAtSpace: chunk.SpaceBefore is not null));
                current.Clear();
                currentWidth = 0;
                space = 0;
            }
            if (current.Count == 0 && chunk.Width > width + Tolerance)
            {
                var pieces = Cut(chunk, width, out var rest);
                foreach (var piece in pieces)
                {
                    lines.Add(Finish([piece], width, alignment, justify: false, brokeAtSpace: false));
                }
                current.Add(rest);
                currentWidth = rest.Width;
                continue;
            }
            current.Add(chunk);
            currentWidth += space + chunk.Width;
        }
        if (current.Count > 0 || lines.Count == 0)
        {
            lines.Add(Finish(current, width, alignment, justify: false, brokeAtSpace: false));
        }
        return lines;
    }

    private double SpaceWidth(TextStyle style) => measurer.Width(" ", style);

    private Line Finish(List<Chunk> chunks, double width, Alignment alignment, bool justify, bool brokeAtSpace)
    {
        if (chunks.Count == 0)
        {
            return new Line([], 0);
        }
        var natural = 0.0;
        var gaps = 0;
        for (var c = 0; c < chunks.Count; c++)
        {
            if (c > 0 && chunks[c].SpaceBefore is { } s)
            {
                natural += SpaceWidth(s);
                gaps++;
            }
            natural += chunks[c].Width;
        }
        var stretch = alignment == Alignment.Justify && justify && gaps > 0 ? Math.Max(0, width - natural) / gaps : 0;
        var x = alignment switch
        {
            Alignment.Center => Math.Max(0, (width - natural) / 2),
            Alignment.Right => Math.Max(0, width - natural),
            _ => 0,
        };
        var fragments = new List<Fragment>();
        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            if (c > 0 && chunk.SpaceBefore is { } s)
            {
                AppendSpace(fragments);
                x += SpaceWidth(s) + stretch;
            }
            foreach (var box in chunk.Boxes)
            {
                fragments.Add(new Fragment(x, box.Text, box.Width, box.Style, box.Link) { Anchors = box.Anchors });
                x += box.Width;
            }
        }
        if (brokeAtSpace)
        {
            AppendSpace(fragments);
        }
        return new Line(fragments, natural);
    }

    private static void AppendSpace(List<Fragment> fragments)
    {
        if (fragments.Count > 0)
        {
            var last = fragments[^1];
            fragments[^1] = last with { Text = last.Text + " " };
        }
    }

    /// <summary>Cuts a chunk wider than the line into full-width pieces between characters; returns the pieces and the rest.</summary>
    private List<Chunk> Cut(Chunk chunk, double width, out Chunk rest)
    {
        var pieces = new List<Chunk>();
        var current = new Chunk { SpaceBefore = chunk.SpaceBefore };
        var used = 0.0;
        foreach (var box in chunk.Boxes)
        {
            var start = 0;
            while (start < box.Text.Length)
            {
                var take = Fit(box.Text, start, box.Style, width - used);
                if (take == 0)
                {
                    if (current.Boxes.Count == 0)
                    {
                        take = 1;
                    }
                    else
                    {
                        pieces.Add(current);
                        current = new Chunk();
                        used = 0;
                        continue;
                    }
                }
                var text = box.Text.Substring(start, take);
                var w = measurer.Width(text, box.Style);
                current.Boxes.Add(box with { Text = text, Width = w });
                used += w;
                start += take;
                if (start < box.Text.Length)
                {
                    pieces.Add(current);
                    current = new Chunk();
                    used = 0;
                }
            }
        }
        rest = current;
        return pieces;
    }

    /// <summary>How many characters of text from start fit in the width (at least 0).</summary>
    private int Fit(string text, int start, TextStyle style, double width)
    {
        int low = 0, high = text.Length - start;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (measurer.Width(text.Substring(start, mid), style) <= width + Tolerance)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low;
    }

    private List<Chunk> Chunks(IReadOnlyList<Run> runs, bool breakAtDashes)
    {
        var chunks = new List<Chunk>();
        var chunk = new Chunk();
        var word = new StringBuilder();
        TextStyle? pendingSpace = null;
        var pendingForced = false;

        void FlushWord(Run run)
        {
            if (word.Length > 0)
            {
                var text = word.ToString();
                chunk.Boxes.Add(new Box(text, run.Style, run.Link, measurer.Width(text, run.Style)) { Anchors = run.Anchors });
                word.Clear();
            }
        }

        void EndChunk()
        {
            if (chunk.Boxes.Count > 0)
            {
                chunks.Add(chunk);
            }
            chunk = new Chunk();
        }

        void StartChunkIfNeeded()
        {
            if (pendingSpace is not null || pendingForced)
            {
                EndChunk();
                chunk.SpaceBefore = pendingForced ? null : pendingSpace;
                chunk.ForcedBreakBefore = pendingForced;
                pendingSpace = null;
                pendingForced = false;
            }
        }

        foreach (var run in runs)
        {
            var text = run.Text;
            for (var i = 0; i < text.Length; i++)
            {
                var ch = text[i];
                if (ch == '\n')
                {
                    FlushWord(run);
                    pendingForced = true;
                    pendingSpace = null;
                }
                else if (char.IsWhiteSpace(ch) && ch != '\u00A0')
                {
                    FlushWord(run);
                    if (!pendingForced && (chunk.Boxes.Count > 0 || chunks.Count > 0))
                    {
                        pendingSpace ??= run.Style;
                    }
                }
                else
                {
                    StartChunkIfNeeded();
                    word.Append(ch);
                    var breakAfter = breakAtDashes && ch is '—' or '–' or '/' or '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && word.Length > 1;
                    if (breakAfter)
                    {
                        FlushWord(run);
                        EndChunk();
                    }
                }
            }
            FlushWord(run);
        }
        if (pendingForced)
        {
            EndChunk();
            chunk.ForcedBreakBefore = true;
            chunk.Boxes.Add(new Box("", runs[^1].Style, null, 0));
        }
        EndChunk();
        return chunks;
    }
}
