using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdSpan = Markdig.Syntax.SourceSpan;

namespace CiteCheck.Parsing.Syntax;

/// <summary>
/// Reads the citation forms that start with <c>[</c>, ahead of Markdig's link parser:
/// <list type="bullet">
/// <item>the number after a link, <c>[Label](url) [12]</c> (at most one space or tab between): the link and the number
/// become one <see cref="NumberedCitationInline"/>;</item>
/// <item>a bracket after a link that is plainly meant as a number but is not one: a <see cref="MalformedCitationInline"/>;</item>
/// <item><c>[^key]</c> that no footnote defines: an <see cref="UndefinedFootnoteInline"/>.</item>
/// </list>
/// Anything else is left to the parsers after it.
/// </summary>
public sealed class CitationInlineParser : InlineParser
{
    public CitationInlineParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        return slice.PeekChar() == '^'
            ? MatchUndefinedFootnote(processor, ref slice)
            : MatchNumber(processor, ref slice);
    }

    private static bool MatchNumber(InlineProcessor processor, ref StringSlice slice)
    {
        if (LinkBefore(processor, slice.Start) is not var (link, gap))
        {
            return false;
        }
        var text = slice.Text;
        var open = slice.Start;
        var end = slice.End + 1; // one past the paragraph's last character
        var digits = open + 1;
        while (digits < end && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        var count = digits - open - 1;
        var closed = digits < end && text[digits] == ']';
        if (closed && count is >= 1 and <= 5 && text[open + 1] != '0')
        {
            var number = text.Substring(open + 1, count);
            var numberSpan = Span(processor, open, digits);
            var citation = new NumberedCitationInline
            {
                Number = number,
                NumberSpan = numberSpan,
                Span = new MdSpan(link.Span.Start, numberSpan.End),
                Line = link.Line,
                Column = link.Column,
                IsClosed = true,
            };
            gap?.Remove();
            link.ReplaceBy(citation, copyChildren: false);
            citation.AppendChild(link);
            processor.Inline = citation;
            slice.Start = digits + 1;
            return true;
        }
        if (link.Reference is not null || Malformed(text, open, end) is not var (length, taken, outOfRange))
        {
            return false;
        }
        // The node takes the bracket and the digits; what follows them in "[1a]" or "[1`x" is left to the other parsers,
        // so a code span or emphasis starting there still parses.
        var start = processor.GetSourcePosition(open, out var line, out var column);
        processor.Inline = new MalformedCitationInline(text.Substring(open, taken))
        {
            Link = link,
            OutOfRange = outOfRange,
            Written = text.Substring(open, length),
            WrittenSpan = new MdSpan(start, processor.GetSourcePosition(open + length - 1)),
            Span = new MdSpan(start, processor.GetSourcePosition(open + taken - 1)),
            Line = line,
            Column = column,
            IsClosed = true,
        };
        slice.Start = open + taken;
        return true;
    }

    /// <summary>
    /// The link right before <paramref name="at"/>, with the one space or tab literal between them when there is one;
    /// null when the inline before is anything else.
    /// </summary>
    private static (LinkInline Link, LiteralInline? Gap)? LinkBefore(InlineProcessor processor, int at)
    {
        var previous = processor.Inline;
        LiteralInline? gap = null;
        if (previous is LiteralInline { Content: { Length: 1 } content } literal && content.CurrentChar is ' ' or '\t'
            && literal.GetType() == typeof(LiteralInline))
        {
            gap = literal;
            previous = literal.PreviousSibling;
        }
        if (previous is not LinkInline { IsImage: false, IsClosed: true } link || link.Parent is null)
        {
            return null;
        }
        var linkEnd = link.Span.End + 1;
        var expected = gap is null ? processor.GetSourcePosition(at) : gap.Span.Start;
        if (linkEnd != expected || (gap is not null && gap.Span.End + 1 != processor.GetSourcePosition(at)))
        {
            return null;
        }
        return (link, gap);
    }

    /// <summary>
    /// The length of a broken number bracket at <paramref name="open"/>, how much of it the node takes (its bracket and
    /// digits, when other characters follow them), and whether it is a number out of range, or null
    /// when the bracket is not plainly a number: <c>[-1]</c>, <c>[0…]</c>, six digits or more (out of range); digits then
    /// other characters (<c>[1a]</c>, <c>[1a</c>); digits then a space or the end (<c>[1</c>); spaces around the digits
    /// (<c>[ 1]</c>).
    /// </summary>
    private static (int Length, int Taken, bool OutOfRange)? Malformed(string text, int open, int end)
    {
        var i = open + 1;
        if (i >= end)
        {
            return null;
        }
        if (text[i] == '-')
        {
            var d = Digits(text, i + 1, end);
            return d > i + 1 && d < end && text[d] == ']' ? (d + 1 - open, d + 1 - open, true) : null;
        }
        if (char.IsAsciiDigit(text[i]))
        {
            var d = Digits(text, i, end);
            if (d < end && text[d] == ']')
            {
                // Here the number is one the citation grammar refused: a leading zero or six digits and more.
                return (d + 1 - open, d + 1 - open, true);
            }
            if (d >= end || char.IsWhiteSpace(text[d]) || text[d] == '|')
            {
                return (d - open, d - open, false);
            }
            // "[1a]", "[1a": the run of characters up to white space, ']' or a table's '|', with the ']' when there is one.
            var k = d + 1;
            while (k < end && text[k] is not (']' or '|') && !char.IsWhiteSpace(text[k]))
            {
                k++;
            }
            return ((k < end && text[k] == ']' ? k + 1 : k) - open, d - open, false);
        }
        if (text[i] is ' ' or '\t')
        {
            var k = i;
            while (k < end && text[k] is ' ' or '\t')
            {
                k++;
            }
            var d = Digits(text, k, end);
            if (d == k)
            {
                return null;
            }
            while (d < end && text[d] is ' ' or '\t')
            {
                d++;
            }
            return d < end && text[d] == ']' ? (d + 1 - open, d + 1 - open, false) : null;
        }
        return null;
    }

    private static int Digits(string text, int from, int end)
    {
        while (from < end && char.IsAsciiDigit(text[from]))
        {
            from++;
        }
        return from;
    }

    /// <summary><c>[^key]</c> not followed by <c>:</c> (a definition) nor by a link destination, when no footnote defines it.</summary>
    private static bool MatchUndefinedFootnote(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var open = slice.Start;
        var end = slice.End + 1;
        var k = open + 2;
        while (k < end && text[k] != ']' && text[k] != '[' && !char.IsWhiteSpace(text[k]))
        {
            k++;
        }
        if (k == open + 2 || k >= end || text[k] != ']' || (k + 1 < end && text[k + 1] == ':'))
        {
            return false;
        }
        var after = new StringSlice(text, k + 1, slice.End);
        if (after.CurrentChar == '(' && LinkHelper.TryParseInlineLink(ref after, out _, out _))
        {
            return false; // "[^key](url)" is a link, for Markdig's link parser
        }
        var key = text.Substring(open + 1, k - open - 1);
        if (processor.Document.ContainsLinkReferenceDefinition(key))
        {
            return false; // a defined footnote: Markdig's link parser makes it a FootnoteLink
        }
        var start = processor.GetSourcePosition(open, out var line, out var column);
        processor.Inline = new UndefinedFootnoteInline
        {
            Key = key,
            Span = new MdSpan(start, processor.GetSourcePosition(k)),
            Line = line,
            Column = column,
            IsClosed = true,
        };
        slice.Start = k + 1;
        return true;
    }

    private static MdSpan Span(InlineProcessor processor, int first, int last) =>
        new(processor.GetSourcePosition(first), processor.GetSourcePosition(last));
}
