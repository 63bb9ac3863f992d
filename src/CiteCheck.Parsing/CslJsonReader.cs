using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CiteCheck.Model;

namespace CiteCheck.Parsing;

/// <summary>
/// Reads a CSL-JSON bibliography — an array of CSL items, as Zotero, pandoc (<c>--to=csljson</c>) and Better BibTeX
/// export it — into the model, with System.Text.Json's <see cref="Utf8JsonReader"/>, which knows where each token is, so
/// every message names file, line and column (docs/sources.md).
/// <list type="bullet">
/// <item>The source number is the item's <c>id</c> when every item's id is a number (<c>1</c> or <c>"1"</c>); when no
/// item's is, items are numbered in the order of the array, from 1; a file that mixes the two is refused.</item>
/// <item>Publisher: <c>container-title</c> (the newspaper, website or journal the reader sees), else <c>publisher</c>;
/// title: <c>title</c>; URL: <c>URL</c>; date: <c>issued</c>; accessed: <c>accessed</c>. A date is its
/// <c>date-parts</c> written as ISO 8601 (<c>2020-05-07</c>, <c>2020-05</c>, a range with <c>/</c>), else its
/// <c>literal</c>, else its <c>raw</c>.</item>
/// <item>Other fields are skipped unread. A field of the wrong type (<c>"title": 42</c>) is a located
/// <c>bibliography-field-type</c> finding and is ignored.</item>
/// <item>Refused (an <see cref="InputException"/> with line and column, exit 2): JSON that does not parse, anything but
/// an array of objects, nesting past <see cref="Limits.MaxJsonNesting"/>, a key twice in one object, an id that looks like
/// a number but is not a source number, a number or an id given twice.</item>
/// </list>
/// </summary>
public static class CslJsonReader
{
    public static BibliographyRead Read(string file, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            // As for an empty sources.yaml: a bibliography with no entries yet.
            return new BibliographyRead(new Bibliography(BibliographyOrigin.File, file, [], []), []);
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = new JsonPositions(file, text, bytes);
        // The reader's own depth limit is one past CiteCheck's, so that CiteCheck's check (in Next) speaks first.
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = Limits.MaxJsonNesting + 1 });
        var items = new List<Item>();
        var findings = new List<Diagnostic>();
        try
        {
            Next(ref reader, at);
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw at.Error(reader.TokenStartIndex, $"this file holds {Kind(reader.TokenType)}; a CSL-JSON bibliography is an array of items, [{{\"id\": 1, \"title\": …}}, …]");
            }
            while (true)
            {
                Next(ref reader, at);
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw at.Error(reader.TokenStartIndex, $"item {items.Count + 1} is {Kind(reader.TokenType)}; a CSL-JSON item is an object, {{\"id\": 1, \"title\": …}}");
                }
                items.Add(ReadItem(ref reader, at));
            }
            // Anything after the array is a JSON error, which the reader raises here.
            reader.Read();
        }
        catch (JsonException e)
        {
            throw at.Invalid(e);
        }
        var entries = Number(file, items, at, findings);
        BibliographyReader.ThrowOnDuplicates(file, entries);
        return new BibliographyRead(new Bibliography(BibliographyOrigin.File, file, [.. entries], []), [.. findings]);
    }

    /// <summary>One item as read: where it is, its id, and the fields CiteCheck keeps.</summary>
    private sealed class Item(SourceSpan at)
    {
        public SourceSpan At { get; } = at;

        public long? IdAt { get; set; }

        public int? Number { get; set; }

        public string? Id { get; set; }

        public string? ContainerTitle { get; set; }

        public string? Publisher { get; set; }

        public string? Title { get; set; }

        public string? Url { get; set; }

        public string? Issued { get; set; }

        public string? Accessed { get; set; }

        public List<Diagnostic> Findings { get; } = [];
    }

    private static Item ReadItem(ref Utf8JsonReader reader, JsonPositions at)
    {
        var item = new Item(at.Span(reader.TokenStartIndex));
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            Next(ref reader, at);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }
            var name = Name(ref reader, at, names);
            Next(ref reader, at);
            switch (name)
            {
                case "id":
                    ReadId(ref reader, at, item);
                    break;
                case "container-title":
                    item.ContainerTitle = ReadString(ref reader, at, name, item.Findings);
                    break;
                case "publisher":
                    item.Publisher = ReadString(ref reader, at, name, item.Findings);
                    break;
                case "title":
                    item.Title = ReadString(ref reader, at, name, item.Findings);
                    break;
                case "URL":
                    item.Url = ReadString(ref reader, at, name, item.Findings);
                    break;
                case "issued":
                    item.Issued = ReadDate(ref reader, at, name, item.Findings);
                    break;
                case "accessed":
                    item.Accessed = ReadDate(ref reader, at, name, item.Findings);
                    break;
                default:
                    Skip(ref reader, at);
                    break;
            }
        }
        return item;
    }

    /// <summary>The name of the property the reader is on; a name given twice in one object is refused, as YAML refuses a duplicate key.</summary>
    private static string Name(ref Utf8JsonReader reader, JsonPositions at, HashSet<string> names)
    {
        var name = reader.GetString() ?? "";
        if (!names.Add(name))
        {
            throw at.Error(reader.TokenStartIndex, $"\"{name}\" is given twice in one object");
        }
        return name;
    }

    private static void ReadId(ref Utf8JsonReader reader, JsonPositions at, Item item)
    {
        item.IdAt = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (!reader.TryGetInt32(out var number) || number is < Limits.MinSourceNumber or > Limits.MaxSourceNumber)
                {
                    var written = Encoding.UTF8.GetString(reader.ValueSpan);
                    throw at.Error(reader.TokenStartIndex, $"id {written} is not a source number: source numbers run from 1 to 99 999 (docs/limits.md)");
                }
                item.Number = number;
                break;
            case JsonTokenType.String:
                var id = reader.GetString()!.Trim();
                if (id.Length > 0 && id.All(char.IsAsciiDigit))
                {
                    if (id[0] == '0' || id.Length > 5)
                    {
                        throw at.Error(reader.TokenStartIndex, $"id \"{id}\" is not a source number: source numbers run from 1 to 99 999, written without leading zeros (docs/limits.md)");
                    }
                    item.Number = int.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);
                }
                else if (id.Length > 0)
                {
                    item.Id = id;
                }
                break;
            case JsonTokenType.Null:
                break;
            default:
                item.Findings.Add(BibliographyReader.WrongType(at.Span(reader.TokenStartIndex), "id", Kind(reader.TokenType), "a string or a number", null));
                Skip(ref reader, at);
                break;
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, JsonPositions at, string name, List<Diagnostic> findings)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var value = reader.GetString()!.Trim();
                return value.Length == 0 ? null : value;
            case JsonTokenType.Null:
                return null;
            default:
                findings.Add(BibliographyReader.WrongType(at.Span(reader.TokenStartIndex), name, Kind(reader.TokenType), "a string", null));
                Skip(ref reader, at);
                return null;
        }
    }

    /// <summary>A CSL date object: its date-parts as ISO 8601, else its literal, else its raw text.</summary>
    private static string? ReadDate(ref Utf8JsonReader reader, JsonPositions at, string name, List<Diagnostic> findings)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            findings.Add(BibliographyReader.WrongType(at.Span(reader.TokenStartIndex), name, Kind(reader.TokenType), "a date object such as {\"date-parts\": [[2020, 5, 7]]}", null));
            Skip(ref reader, at);
            return null;
        }
        string? parts = null, literal = null, raw = null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            Next(ref reader, at);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }
            var key = Name(ref reader, at, names);
            Next(ref reader, at);
            switch (key)
            {
                case "date-parts":
                    parts = ReadDateParts(ref reader, at, $"{name}.date-parts", findings);
                    break;
                case "literal":
                    literal = ReadString(ref reader, at, $"{name}.literal", findings);
                    break;
                case "raw":
                    raw = ReadString(ref reader, at, $"{name}.raw", findings);
                    break;
                default:
                    Skip(ref reader, at);
                    break;
            }
        }
        return parts ?? literal ?? raw;
    }

    /// <summary>
    /// <c>[[2020, 5, 7]]</c> → 2020-05-07; <c>[[2020, 5]]</c> → 2020-05; <c>[["2020"]]</c> → 2020 (Zotero writes a part as
    /// a string of digits); two dates, a range → <c>2020-05-07/2020-05-09</c>. Anything else is a finding, and no date.
    /// </summary>
    private static string? ReadDateParts(ref Utf8JsonReader reader, JsonPositions at, string name, List<Diagnostic> findings)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            findings.Add(BibliographyReader.WrongType(at.Span(reader.TokenStartIndex), name, Kind(reader.TokenType), "an array of dates such as [[2020, 5, 7]]", null));
            Skip(ref reader, at);
            return null;
        }
        var dates = new List<string>();
        var wrong = false;
        while (true)
        {
            Next(ref reader, at);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }
            if (wrong)
            {
                Skip(ref reader, at);
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                findings.Add(BibliographyReader.WrongType(at.Span(reader.TokenStartIndex), name, $"an array holding {Kind(reader.TokenType)}", "an array of dates such as [[2020, 5, 7]]", null));
                Skip(ref reader, at);
                wrong = true;
                continue;
            }
            var parts = new List<int>();
            while (true)
            {
                Next(ref reader, at);
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }
                if (wrong)
                {
                    Skip(ref reader, at);
                    continue;
                }
                if (Part(ref reader) is { } part && parts.Count < 3)
                {
                    parts.Add(part);
                    continue;
                }
                var (found, expected) = parts.Count < 3 ? (Kind(reader.TokenType), "a whole number (a date is [year, month, day])") : ("a fourth part of a date", "[year, month, day]");
                findings.Add(BibliographyReader.WrongType(at.Span(reader.TokenStartIndex), name, found, expected, null));
                Skip(ref reader, at);
                wrong = true;
            }
            if (!wrong && parts.Count > 0)
            {
                dates.Add(Iso(parts));
            }
        }
        return wrong || dates.Count == 0 ? null : string.Join("/", dates);
    }

    /// <summary>One part of a date: a whole number, or a string of digits (as Zotero writes the year).</summary>
    private static int? Part(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var n) && n >= 0 => n,
        JsonTokenType.String when int.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static string Iso(List<int> parts) =>
        string.Join("-", parts.Select((p, i) => p.ToString(i == 0 ? "0000" : "00", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Gives each item its source number: its id when every item's id is a number, its place in the array when no
    /// item's is. A file that mixes the two is refused, at the first item that breaks the pattern; so is a text id given
    /// to two items (a number given twice is refused as in sources.yaml, by <see cref="BibliographyReader.ThrowOnDuplicates"/>).
    /// </summary>
    private static List<Source> Number(string file, List<Item> items, JsonPositions at, List<Diagnostic> findings)
    {
        if (items.Count == 0)
        {
            return [];
        }
        var byId = items[0].Number is not null;
        var odd = items.FindIndex(i => i.Number is not null != byId);
        if (odd >= 0)
        {
            var item = items[odd];
            var place = item.IdAt is { } offset ? at.Position(offset) : item.At.Start;
            var message = byId
                ? $"item {odd + 1} has {(item.Id is { } id ? $"the id \"{id}\"" : "no id")}, but item 1's id is a number"
                : $"item {odd + 1}'s id is the number {item.Number}, but item 1's {(items[0].Id is { } first ? $"is \"{first}\"" : "is missing")}";
            throw new InputException(file, place.Line, $"{message}: give every item a number as its id, or none (the items are then numbered in their order; docs/sources.md)", place.Column);
        }
        if (!byId)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Id is { } id && !seen.TryAdd(id, i + 1))
                {
                    var place = at.Position(items[i].IdAt ?? 0);
                    throw new InputException(file, place.Line, $"the id \"{id}\" is given to items {seen[id]} and {i + 1}", place.Column);
                }
            }
        }
        var entries = new List<Source>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var key = (byId ? item.Number!.Value : i + 1).ToString(CultureInfo.InvariantCulture);
            // Each finding names the source it concerns, now that the number is known.
            findings.AddRange(item.Findings.Select(f => f with { Source = key }));
            entries.Add(new Source(key, item.ContainerTitle ?? item.Publisher, item.Title, item.Url, item.Issued, item.Accessed, null, item.At));
        }
        return entries;
    }

    /// <summary>Reads the next token, refusing an array or object opened deeper than <see cref="Limits.MaxJsonNesting"/>.</summary>
    private static void Next(ref Utf8JsonReader reader, JsonPositions at)
    {
        if (!reader.Read())
        {
            throw at.Error(reader.BytesConsumed, "the JSON ends before its array is closed");
        }
        if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject && reader.CurrentDepth + 1 > Limits.MaxJsonNesting)
        {
            throw at.Error(reader.TokenStartIndex, $"is nested more than {Limits.MaxJsonNesting} levels deep; CiteCheck reads JSON up to that depth (docs/limits.md)");
        }
    }

    /// <summary>Skips the value the reader is on (all of it, for an array or object), still checking the nesting.</summary>
    private static void Skip(ref Utf8JsonReader reader, JsonPositions at)
    {
        if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject))
        {
            return;
        }
        var depth = reader.CurrentDepth;
        do
        {
            Next(ref reader, at);
        }
        while (!(reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject));
    }

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    /// <summary>
    /// Turns the reader's byte offsets into 1-based lines and columns of the text (columns count characters, as in the
    /// report). Offsets are asked for mostly in increasing order, so a cursor keeps each conversion short even in a
    /// minified file of one long line.
    /// </summary>
    private sealed class JsonPositions(string file, string text, byte[] bytes)
    {
        private readonly LineMap _lines = new(file, text);
        private int _byte;
        private int _char;

        public TextPosition Position(long byteOffset)
        {
            var target = (int)Math.Clamp(byteOffset, 0, bytes.Length);
            if (target < _byte)
            {
                _byte = 0;
                _char = 0;
            }
            _char += Encoding.UTF8.GetCharCount(bytes, _byte, target - _byte);
            _byte = target;
            return _lines.PositionOf(_char);
        }

        public SourceSpan Span(long byteOffset)
        {
            var position = Position(byteOffset);
            return new SourceSpan(file, position, position);
        }

        public InputException Error(long byteOffset, string message)
        {
            var position = Position(byteOffset);
            return new InputException(file, position.Line, message, position.Column);
        }

        /// <summary>A JSON syntax error, at the line and column System.Text.Json names (it counts both from 0, the column in bytes).</summary>
        public InputException Invalid(JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            // System.Text.Json speaks to the programmer in places ("… not supported in this mode. Change the reader
            // options."): the editor is told what is wrong with the file, not how to configure a parser.
            message = "invalid JSON: " + (cut >= 0 ? message[..cut] : message)
                .Replace(" which is not supported in this mode", "", StringComparison.Ordinal)
                .Replace(" Change the reader options.", "", StringComparison.Ordinal)
                .Trim();
            if (e.LineNumber is not { } line)
            {
                return new InputException(file, null, message);
            }
            long lineStart = 0;
            for (long l = 0; l < line && lineStart < bytes.Length; l++)
            {
                var next = Array.IndexOf(bytes, (byte)'\n', (int)lineStart);
                lineStart = next < 0 ? bytes.Length : next + 1;
            }
            return Error(lineStart + (e.BytePositionInLine ?? 0), message);
        }
    }
}
