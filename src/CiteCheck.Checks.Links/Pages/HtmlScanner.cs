using System.Net;
using System.Text;

namespace CiteCheck.Checks.Links.Pages;

/// <summary>
/// Reads an HTML page as a stream of characters, one chunk at a time, keeping only what the checks need: the first
/// <c>&lt;title&gt;</c>, the first <c>og:title</c>, the first <c>&lt;h1&gt;</c>, and the visible text (up to a cap). It
/// builds no tree, so its memory does not grow with the page, and it runs nothing: script, style, noscript, template,
/// svg, iframe, noembed, noframes and xmp contents are skipped, comments and doctypes dropped. Block elements separate
/// words ("&lt;td&gt;1&lt;/td&gt;&lt;td&gt;300&lt;/td&gt;" reads "1 300"); inline ones do not. Character references are decoded.
/// It counts start tags; past <c>maxElements</c> it stops (<see cref="OverElementCap"/>) and the caller judges nothing.
/// </summary>
public sealed class HtmlScanner(int maxTextChars, int maxElements)
{
    private const int MaxTagChars = 8 * 1024;
    private const int MaxTitleChars = 4 * 1024;

    private static readonly HashSet<string> Inline = new(StringComparer.Ordinal)
    {
        "a", "span", "b", "i", "em", "strong", "abbr", "sup", "sub", "small", "mark", "u", "time", "cite", "q", "font", "s", "code", "var", "kbd", "bdi", "bdo", "data", "dfn", "ins", "del",
    };

    /// <summary>Elements whose contents are not text to read: raw text up to their end tag.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal) { "script", "style", "iframe", "noembed", "noframes", "xmp", "textarea" };

    /// <summary>Elements whose contents (markup included, nested alike) are dropped, as the DOM reader removed them.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal) { "noscript", "template", "svg", "math" };

    private readonly TextSink _text = new(maxTextChars);
    private readonly StringBuilder _tag = new();
    private readonly StringBuilder _pending = new(); // raw characters of a text run, decoded when the run ends
    private State _state = State.Data;
    private string? _rawEnd; // "</script" while inside script
    private int _rawMatched;
    private bool _rawClosing;
    private char _tagQuote;
    private bool _afterEquals;
    private string? _dropped; // "svg" while inside svg
    private int _droppedDepth;
    private int _commentDashes;
    private StringBuilder? _title;
    private bool _titleDone;
    private StringBuilder? _h1;
    private int _h1Depth;
    private bool _h1Done;

    public int Elements { get; private set; }

    public bool OverElementCap => Elements > maxElements;

    public string? Title { get; private set; }

    public string? OgTitle { get; private set; }

    public string? Heading { get; private set; }

    public string Text => _text.ToString();

    private enum State
    {
        Data,
        TagOpen,
        Tag,
        Comment,
        Bogus,
        Raw,
    }

    public void Feed(ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            if (OverElementCap)
            {
                return;
            }
            switch (_state)
            {
                case State.Data:
                    if (c == '<')
                    {
                        _state = State.TagOpen;
                    }
                    else
                    {
                        Pend(c);
                    }
                    break;
                case State.TagOpen:
                    if (char.IsAsciiLetter(c) || c == '/')
                    {
                        FlushText();
                        _tag.Clear().Append(c);
                        _tagQuote = '\0';
                        _afterEquals = false;
                        _state = State.Tag;
                    }
                    else if (c == '!')
                    {
                        FlushText();
                        _tag.Clear();
                        _commentDashes = 0;
                        _state = State.Bogus; // becomes Comment after "--"
                    }
                    else if (c == '?')
                    {
                        FlushText();
                        _tag.Clear();
                        _commentDashes = -1;
                        _state = State.Bogus;
                    }
                    else
                    {
                        Pend('<');
                        if (c == '<')
                        {
                            break;
                        }
                        Pend(c);
                        _state = State.Data;
                    }
                    break;
                case State.Tag:
                    if (_tagQuote != '\0')
                    {
                        if (c == _tagQuote)
                        {
                            _tagQuote = '\0';
                        }
                    }
                    else if (c == '>')
                    {
                        EndTag();
                        break;
                    }
                    else if (c is '"' or '\'' && _afterEquals)
                    {
                        _tagQuote = c; // a '>' inside a quoted value does not end the tag
                    }
                    else if (c == '=')
                    {
                        _afterEquals = true;
                    }
                    else if (!char.IsWhiteSpace(c))
                    {
                        _afterEquals = false;
                    }
                    if (_tag.Length < MaxTagChars)
                    {
                        _tag.Append(c);
                    }
                    break;
                case State.Bogus:
                    if (_commentDashes >= 0 && _commentDashes < 2 && c == '-')
                    {
                        if (++_commentDashes == 2)
                        {
                            _commentDashes = 0;
                            _state = State.Comment;
                        }
                    }
                    else if (c == '>')
                    {
                        _state = State.Data;
                    }
                    else
                    {
                        _commentDashes = -1;
                    }
                    break;
                case State.Comment:
                    if (c == '-')
                    {
                        _commentDashes++;
                    }
                    else if (c == '>' && _commentDashes >= 2)
                    {
                        _state = State.Data;
                    }
                    else
                    {
                        _commentDashes = 0;
                    }
                    break;
                case State.Raw:
                    Raw(c);
                    break;
            }
        }
    }

    /// <summary>The page has ended: a text run left open is read, an element left open is closed.</summary>
    public void Finish()
    {
        if (_state == State.Data || _state == State.TagOpen)
        {
            if (_state == State.TagOpen)
            {
                Pend('<');
            }
            FlushText();
        }
        if (_title is not null && !_titleDone)
        {
            Title = Clean(_title.ToString());
        }
        if (_h1 is not null && !_h1Done)
        {
            Heading = Clean(_h1.ToString());
        }
    }

    private void EndTag()
    {
        _state = State.Data;
        var end = _tag.Length > 0 && _tag[0] == '/';
        var start = end ? 1 : 0;
        var i = start;
        while (i < _tag.Length && !char.IsWhiteSpace(_tag[i]) && _tag[i] != '/')
        {
            i++;
        }
        var name = _tag.ToString(start, i - start).ToLowerInvariant();
        if (name.Length == 0)
        {
            return;
        }
        if (_dropped is not null)
        {
            if (name == _dropped)
            {
                _droppedDepth += end ? -1 : SelfClosing() ? 0 : 1;
                if (_droppedDepth == 0)
                {
                    _dropped = null;
                }
            }
            if (!end)
            {
                Elements++;
            }
            return;
        }
        if (end)
        {
            Close(name);
            return;
        }
        Elements++;
        if (!Inline.Contains(name))
        {
            _text.Space();
            _h1?.Append(' ');
        }
        if (Dropped.Contains(name))
        {
            if (!SelfClosing())
            {
                _dropped = name;
                _droppedDepth = 1;
            }
            return;
        }
        switch (name)
        {
            case "title" when !_titleDone && _title is null:
                _title = new StringBuilder();
                BeginRaw("title");
                return;
            case "title":
                BeginRaw("title");
                return;
            case "h1" when !_h1Done:
                _h1 ??= new StringBuilder();
                _h1Depth++;
                return;
            case "meta" when OgTitle is null:
                Meta();
                return;
        }
        if (RawText.Contains(name))
        {
            BeginRaw(name);
        }
    }

    private void Close(string name)
    {
        if (!Inline.Contains(name))
        {
            _text.Space();
            _h1?.Append(' ');
        }
        if (name == "h1" && _h1 is not null && !_h1Done && --_h1Depth <= 0)
        {
            _h1Done = true;
            Heading = Clean(_h1.ToString());
            _h1 = null;
        }
    }

    private bool SelfClosing() => _tag.Length > 0 && _tag[^1] == '/';

    private void Meta()
    {
        var attributes = Attributes(_tag.ToString());
        if ((attributes.TryGetValue("property", out var p) && p.Equals("og:title", StringComparison.OrdinalIgnoreCase))
            || (attributes.TryGetValue("name", out var n) && n.Equals("og:title", StringComparison.OrdinalIgnoreCase)))
        {
            OgTitle = attributes.TryGetValue("content", out var content) ? Clean(WebUtility.HtmlDecode(content)) : null;
        }
    }

    /// <summary>The attributes of a start tag, names lower-cased, values raw (first of each name wins).</summary>
    private static Dictionary<string, string> Attributes(string tag)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < tag.Length && !char.IsWhiteSpace(tag[i]))
        {
            i++; // the tag name
        }
        while (i < tag.Length)
        {
            while (i < tag.Length && (char.IsWhiteSpace(tag[i]) || tag[i] == '/'))
            {
                i++;
            }
            var nameStart = i;
            while (i < tag.Length && !char.IsWhiteSpace(tag[i]) && tag[i] != '=' && tag[i] != '/')
            {
                i++;
            }
            var name = tag[nameStart..i].ToLowerInvariant();
            while (i < tag.Length && char.IsWhiteSpace(tag[i]))
            {
                i++;
            }
            var value = "";
            if (i < tag.Length && tag[i] == '=')
            {
                i++;
                while (i < tag.Length && char.IsWhiteSpace(tag[i]))
                {
                    i++;
                }
                if (i < tag.Length && tag[i] is '"' or '\'')
                {
                    var quote = tag[i++];
                    var close = tag.IndexOf(quote, i);
                    close = close < 0 ? tag.Length : close;
                    value = tag[i..close];
                    i = Math.Min(tag.Length, close + 1);
                }
                else
                {
                    var valueStart = i;
                    while (i < tag.Length && !char.IsWhiteSpace(tag[i]))
                    {
                        i++;
                    }
                    value = tag[valueStart..i];
                }
            }
            if (name.Length > 0)
            {
                result.TryAdd(name, value);
            }
            else if (i < tag.Length)
            {
                i++;
            }
        }
        return result;
    }

    private void BeginRaw(string name)
    {
        _state = State.Raw;
        _rawEnd = "</" + name;
        _rawMatched = 0;
        _rawClosing = false;
    }

    /// <summary>Inside script, style, title …: everything up to the matching end tag is raw; only a title keeps it.</summary>
    private void Raw(char c)
    {
        var end = _rawEnd!;
        if (_rawClosing)
        {
            if (c == '>')
            {
                _rawClosing = false;
                EndRaw(end[2..]);
                _state = State.Data;
            }
            return;
        }
        if (_rawMatched < end.Length)
        {
            if (char.ToLowerInvariant(c) == end[_rawMatched])
            {
                _rawMatched++;
                return;
            }
            KeepRaw(end.AsSpan(0, _rawMatched));
            _rawMatched = c == '<' ? 1 : 0;
            if (c != '<')
            {
                KeepRaw([c]);
            }
            return;
        }
        // "</title" seen: it ends the element when a delimiter follows ("</titles" is raw text again).
        if (c == '>')
        {
            EndRaw(end[2..]);
            _state = State.Data;
            return;
        }
        if (char.IsWhiteSpace(c) || c == '/')
        {
            _rawClosing = true; // "</script foo>": up to '>'
            return;
        }
        KeepRaw(end);
        _rawMatched = c == '<' ? 1 : 0;
        if (c != '<')
        {
            KeepRaw([c]);
        }
    }

    private void KeepRaw(ReadOnlySpan<char> chars)
    {
        if (_title is not null && !_titleDone && _rawEnd == "</title" && _title.Length < MaxTitleChars)
        {
            _title.Append(chars);
        }
    }

    private void EndRaw(string name)
    {
        if (name == "title" && _title is not null && !_titleDone)
        {
            _titleDone = true;
            Title = Clean(WebUtility.HtmlDecode(_title.ToString()));
            _title = null;
        }
        _text.Space();
    }

    private void Pend(char c)
    {
        if (_dropped is not null)
        {
            return;
        }
        _pending.Append(c);
        // Decode long runs in pieces, never cutting a character reference ("&amp;" is at most 33 characters).
        if (_pending.Length >= 4096)
        {
            var cut = _pending.Length;
            for (var i = _pending.Length - 1; i >= _pending.Length - 40 && i >= 0; i--)
            {
                if (_pending[i] == '&')
                {
                    cut = i;
                    break;
                }
                if (_pending[i] == ';')
                {
                    break;
                }
            }
            var piece = _pending.ToString(0, cut);
            _pending.Remove(0, cut);
            Emit(piece);
        }
    }

    private void FlushText()
    {
        if (_pending.Length == 0)
        {
            return;
        }
        var piece = _pending.ToString();
        _pending.Clear();
        Emit(piece);
    }

    private void Emit(string raw)
    {
        var text = raw.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(raw) : raw;
        _text.Append(text);
        if (_h1 is not null && !_h1Done && _h1.Length < MaxTitleChars)
        {
            _h1.Append(text);
        }
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var sink = new TextSink(int.MaxValue);
        sink.Append(text);
        var clean = sink.ToString();
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>Visible text with runs of white space collapsed to one space, cut at a number of characters.</summary>
    internal sealed class TextSink(int max)
    {
        private readonly StringBuilder _sb = new();
        private bool _space;

        public void Space() => _space = _sb.Length > 0;

        public void Append(ReadOnlySpan<char> text)
        {
            foreach (var ch in text)
            {
                if (_sb.Length >= max)
                {
                    return;
                }
                if (char.IsWhiteSpace(ch) || ch == '\0')
                {
                    _space = _sb.Length > 0;
                    continue;
                }
                if (_space)
                {
                    _sb.Append(' ');
                    _space = false;
                    if (_sb.Length >= max)
                    {
                        return;
                    }
                }
                _sb.Append(ch);
            }
        }

        public override string ToString() => _sb.ToString();
    }
}
