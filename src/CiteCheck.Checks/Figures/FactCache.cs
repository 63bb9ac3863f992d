namespace CiteCheck.Checks.Figures;

/// <summary>
/// What the fact reader reads from a claim's text alone, kept between the builds of one watch session (docs/watch.md) so
/// that an edit re-reads only the claims it changed: the claim's tokens, and, for its text and the year its context gives
/// (the key: the same words under a heading of another year read other dates), its own dates, its figures, the kinds of
/// happening it names and the kind its event date is the date of; and each heading's dates and years. What depends on the rest of the report (which words
/// are names: the report's lower-case vocabulary; the dates, places and kinds a sentence inherits from the one before)
/// is worked out again on every build, from these. Every value held is immutable, and every set handed to a
/// <see cref="ClaimFacts"/> is a new one, so a build's facts are the same objects' values a cold read gives.
/// </summary>
/// <remarks>
/// Bounded: each <see cref="FactReader.Read(CiteCheck.Model.Document, FactCache?)"/> keeps only what it or the read
/// before it used, so the cache holds at most the entries of two versions of the report, however many edits were made.
/// One cache serves one build at a time (a read holds its lock).
/// </remarks>
public sealed class FactCache
{
    private readonly Memo<string, IReadOnlyList<Token>> _tokens = new();
    private readonly Memo<(string Text, int? Year), TextReading> _readings = new();
    private readonly Memo<string, string> _stems = new();
    private readonly Memo<(string Text, int? Year), IReadOnlyList<DateMention>> _dates = new();
    private readonly Memo<string, IReadOnlyList<string>> _years = new();

    internal Lock Gate { get; } = new();

    /// <summary>How many entries are held: what the test of the bound counts.</summary>
    public int Count => _tokens.Count + _readings.Count + _stems.Count + _dates.Count + _years.Count;

    /// <summary>How many claim readings the last read made afresh (the rest came from the cache): what tests count.</summary>
    public int LastFreshReadings { get; private set; }

    /// <summary>Starts a read of a whole report: what the read before the last did not use is dropped.</summary>
    internal void BeginRead()
    {
        _tokens.NextGeneration();
        _readings.NextGeneration();
        _stems.NextGeneration();
        _dates.NextGeneration();
        _years.NextGeneration();
        LastFreshReadings = 0;
    }

    internal IReadOnlyList<Token> Tokens(string text) => _tokens.Get(text, Tokenizer.Tokenize);

    internal string Stem(string word) => _stems.Get(word, Lexicon.Stem);

    /// <summary>The dates of a heading, read with the year the report was last speaking of.</summary>
    internal IReadOnlyList<DateMention> Dates(string text, int? year) => _dates.Get((text, year), key => DateExtractor.Extract(key.Text, key.Year));

    /// <summary>The years a heading names.</summary>
    internal IReadOnlyList<string> YearsIn(string title) => _years.Get(title, FactReader.YearsIn);

    internal TextReading Reading(string text, int? year) => _readings.Get((text, year), key =>
    {
        LastFreshReadings++;
        return TextReading.Of(key.Text, key.Year);
    });

    /// <summary>Two generations of a memo: what this read used, and what the read before it used.</summary>
    private sealed class Memo<TKey, TValue>
        where TKey : notnull
    {
        private Dictionary<TKey, TValue> _current = [];
        private Dictionary<TKey, TValue> _previous = [];

        public int Count => _current.Count + _previous.Count;

        public TValue Get(TKey key, Func<TKey, TValue> make)
        {
            if (_current.TryGetValue(key, out var value))
            {
                return value;
            }
            if (!_previous.Remove(key, out value))
            {
                value = make(key);
            }
            _current[key] = value;
            return value;
        }

        public void NextGeneration()
        {
            _previous = _current;
            _current = [];
        }
    }
}

/// <summary>
/// What one claim text says on its own, given the year its context supplies: its dates, its figures, the kinds of
/// happening it names, and (worked out on first use) the kind of happening its event date is the date of, read with its
/// own event dates or, for the first sentence of a timeline item, with the item's date.
/// </summary>
internal sealed class TextReading
{
    private (string? Kind, string[] Kinds)? _eventKind;
    private (string? Kind, string[] Kinds)? _itemEventKind;

    private TextReading(IReadOnlyList<DateMention> own, IReadOnlyList<Figure> figures, string[] kinds)
    {
        Own = own;
        Figures = figures;
        Kinds = kinds;
    }

    public IReadOnlyList<DateMention> Own { get; }

    public IReadOnlyList<Figure> Figures { get; }

    public string[] Kinds { get; }

    public static TextReading Of(string text, int? year) => Of(text, year, Tokenizer.Tokenize(text));

    /// <summary>The reading of <paramref name="text"/>, whose tokens (<see cref="Tokenizer.Tokenize"/>) are given.</summary>
    public static TextReading Of(string text, int? year, IReadOnlyList<Token> tokens)
    {
        var own = DateExtractor.Extract(text, year);
        return new TextReading(own, FigureExtractor.Extract(text, own, tokens), [.. Lexicon.KindsIn(text.ToLowerInvariant())]);
    }

    /// <summary>The event kind read with <paramref name="eventDates"/>, which are either this text's own event dates or, when <paramref name="itemFirst"/>, the timeline item's date (its first own date).</summary>
    public (string? Kind, string[] Kinds) EventKind(string text, IReadOnlyList<DateMention> eventDates, bool itemFirst)
    {
        ref var slot = ref itemFirst ? ref _itemEventKind : ref _eventKind;
        if (slot is { } held)
        {
            return held;
        }
        var kind = FactReader.EventKind(text, eventDates, out var dateKinds);
        slot = (kind, [.. dateKinds]);
        return slot.Value;
    }
}
