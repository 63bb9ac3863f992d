using CiteCheck.Model;

namespace CiteCheck.Checks.Figures;

/// <summary>
/// What the cross-check knows of one claim: its dates (its own, or those it inherits from the sentence before it in the
/// same block, or from its timeline item), its figures, people's names, place and actor names, kinds of happening, and content stems.
/// </summary>
public sealed class ClaimFacts
{
    public required Claim Claim { get; init; }

    public required Block Block { get; init; }

    public required string? Section { get; init; }

    /// <summary>The claim's order in the document.</summary>
    public required int Order { get; init; }

    public required bool InTimeline { get; init; }

    /// <summary>A value of the report's YAML front matter.</summary>
    public bool InFrontMatter => Block.Kind == BlockKind.FrontMatter;

    public required IReadOnlyList<DateMention> OwnDates { get; init; }

    /// <summary>The dates that place the claim in time: its own, or inherited.</summary>
    public required IReadOnlyList<DateMention> Dates { get; init; }

    /// <summary>The dates written as the date of what the claim tells (for date conflicts).</summary>
    public required IReadOnlyList<DateMention> EventDates { get; init; }

    public required IReadOnlyList<Figure> Figures { get; init; }

    public required IReadOnlyList<NameMention> Names { get; init; }

    public required HashSet<string> Proper { get; init; }

    public required HashSet<string> Kinds { get; init; }

    /// <summary>The kind of happening the claim's event date is the date of ("riot" in "on November 7, 2018, a prison riot …").</summary>
    public string? EventKind { get; init; }

    /// <summary>Every kind named around the event date (its clause and the next).</summary>
    public IReadOnlySet<string> DateKinds { get; init; } = new HashSet<string>();

    public required HashSet<string> Stems { get; init; }

    public override string ToString() => $"{Claim.Span.Line}: {Claim.Text}";
}

/// <summary>Reads the facts of every claim of a document, in document order.</summary>
public static partial class FactReader
{
    public static IReadOnlyList<ClaimFacts> Read(Document document) => Read(document, null);

    /// <summary>
    /// Reads the facts of every claim, taking what a claim's text says on its own from <paramref name="cache"/> when an
    /// earlier read of the same text (under the same year) put it there (a watch session's rebuilds); the facts are the
    /// same as without it.
    /// </summary>
    public static IReadOnlyList<ClaimFacts> Read(Document document, FactCache? cache)
    {
        if (cache is null)
        {
            return ReadAll(document, null);
        }
        lock (cache.Gate)
        {
            cache.BeginRead();
            return ReadAll(document, cache);
        }
    }

    private static IReadOnlyList<ClaimFacts> ReadAll(Document document, FactCache? cache)
    {
        var lowercaseWords = LowercaseVocabulary(document, cache).GetAlternateLookup<ReadOnlySpan<char>>();
        bool IsProper(string word) => word.Length > 1 && char.IsUpper(word[0]) && !InVocabulary(word)
            && !Lexicon.NotNames.Contains(word) && !Lexicon.Stopwords.Contains(word) && !NumberWords.IsNumberWord(word);
        // The word lower-cased (as ToLowerInvariant would) and looked up without a string made of it.
        bool InVocabulary(string word)
        {
            Span<char> lower = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
            word.AsSpan().ToLowerInvariant(lower);
            return lowercaseWords.Contains(lower);
        }

        // A word's stem, worked out once per read (a report repeats its words): the stems of all claims are then
        // shared strings, not one copy per claim.
        var stemOf = new Dictionary<string, string>(StringComparer.Ordinal);
        string Stem(string word)
        {
            if (cache is not null)
            {
                return cache.Stem(word);
            }
            if (!stemOf.TryGetValue(word, out var stem))
            {
                stem = Lexicon.Stem(word);
                stemOf.Add(word, stem);
            }
            return stem;
        }

        var result = new List<ClaimFacts>();
        var order = 0;
        int? lastYear = null;
        int? sectionYear = null;
        var lastSection = -1;
        ClaimFacts? previous = null;
        foreach (var block in document.Blocks)
        {
            if (block.Claims.Length == 0)
            {
                continue;
            }
            var section = document.SectionOf(block)?.Title;
            if (block.SectionIndex != lastSection)
            {
                lastSection = block.SectionIndex;
                sectionYear = null;
            }
            // A heading that dates its section ("The Night of 14 March", "The 2023 Referendum") dates its undated sentences;
            // a day written without a year takes the year the report was last speaking of.
            IReadOnlyList<DateMention> carriedDates = section is null ? [] : [.. (cache?.Dates(section, lastYear) ?? DateExtractor.Extract(section, lastYear)).Select(d => d with { Start = 0, End = 0 })];
            HashSet<string> carriedProper = [];
            HashSet<string> carriedKinds = [];
            // A table illustrates the paragraph before it: its rows take that paragraph's time, setting and kinds.
            if (block.Kind == BlockKind.Table && previous is { } p && p.Block.SectionIndex == block.SectionIndex)
            {
                carriedDates = carriedDates.Count > 0 ? carriedDates : p.Dates;
                carriedProper = [.. p.Proper];
                carriedKinds = [.. p.Kinds];
            }
            DateMention? itemDate = null;
            (string? Kind, IReadOnlySet<string> Kinds) itemKind = (null, new HashSet<string>());
            for (var c = 0; c < block.Claims.Length; c++)
            {
                var claim = block.Claims[c];
                var text = block.Kind == BlockKind.Table ? TableRowAsSentence(block, c) ?? claim.Text : claim.Text;
                // A day and month written without a year ("On 3 March") take the year their context gives: the heading's
                // ("### 2017", "The 2015 election"), else the last year this section spoke of.
                var contextYear = HeadingYear(document, block, cache) ?? sectionYear;
                // The claim is tokenised once: its figures are read from the same tokens as its names and stems.
                var tokens = cache?.Tokens(text) ?? Tokenizer.Tokenize(text);
                var reading = cache?.Reading(text, contextYear) ?? TextReading.Of(text, contextYear, tokens);
                var own = reading.Own;
                if (c == 0 && block.Kind == BlockKind.ListItem && own.Count > 0 && own[0].IsSpecific && text[..own[0].Start].Trim('*', '_', ' ').Length == 0)
                {
                    itemDate = own[0] with { IsEventDate = true };
                }
                var eventDates = itemDate is not null ? [itemDate] : own.Where(d => d.IsEventDate).ToList();
                // A claim is placed in time by the dates of what it tells; failing those, by any date it gives; failing that, by the sentence before.
                IReadOnlyList<DateMention> dates = itemDate is not null ? [itemDate, .. own.Where(d => !d.Overlaps(itemDate))]
                    : eventDates.Count > 0 ? eventDates : own.Count > 0 ? own : carriedDates;
                var proper = new HashSet<string>(tokens.Where((t, i) => t.Type == TokenType.Word && IsProper(t.Text)).Select(t => t.Text));
                var kinds = new HashSet<string>(reading.Kinds);
                var stems = ContentStems(tokens, IsProper, Stem);
                var figures = reading.Figures;
                foreach (var f in figures.Where(f => f.Type == FigureType.Count && !f.IsSum))
                {
                    stems.Add("#" + Figure.Format(f.Value));
                }
                if (block.Kind == BlockKind.FrontMatter)
                {
                    figures = FrontMatterFigures(text, figures);
                }
                // A timeline item's later sentences take the kind of its first; the others read their own.
                var (eventKind, dateKinds) = c > 0 && itemDate is not null ? itemKind : Told(reading.EventKind(text, eventDates, itemFirst: itemDate is not null));
                var facts = new ClaimFacts
                {
                    Claim = claim,
                    Block = block,
                    Section = section,
                    Order = order++,
                    InTimeline = itemDate is not null,
                    OwnDates = own,
                    Dates = dates,
                    EventDates = eventDates,
                    Figures = figures,
                    Names = Names.Extract(text, IsProper),
                    // A sentence that takes its time from the one before also takes its setting: "In the fighting that followed, …".
                    Proper = own.Count > 0 ? proper : [.. proper, .. carriedProper],
                    Kinds = own.Count > 0 ? kinds : [.. kinds, .. carriedKinds],
                    EventKind = eventKind,
                    DateKinds = dateKinds,
                    Stems = stems,
                };
                result.Add(facts);
                previous = facts;
                if (c == 0 && itemDate is not null)
                {
                    itemKind = (facts.EventKind, facts.DateKinds); // a timeline item's date is the date of what its first sentence tells
                }
                if (dates.Count > 0 && block.Kind != BlockKind.FrontMatter)
                {
                    carriedDates = dates;
                }
                if (own.LastOrDefault(d => d.Precision >= DatePrecision.Month) is { } latest)
                {
                    lastYear = latest.From.Year;
                }
                if (own.LastOrDefault(d => d.From.Year == d.To.Year) is { } lastDated)
                {
                    sectionYear = lastDated.From.Year;
                }
                carriedProper = facts.Proper;
                carriedKinds = facts.Kinds;
            }
        }
        return ShareWithinItems(result);
    }

    /// <summary>
    /// A table row read as a sentence, each number with its column's heading after it, so its figures have the measure
    /// the table gives them: "| Antsiraka | 47 | 11 |" under "| District | Deaths | Missing |" reads
    /// "Antsiraka, 47 deaths, 11 missing". Null when the rows and the claims do not line up (no header, empty rows).
    /// </summary>
    private static string? TableRowAsSentence(Block block, int claimIndex)
    {
        if (block.Rows.Length != block.Claims.Length + 1)
        {
            return null;
        }
        var header = block.Rows[0].Select(cell => InlineText.Plain(cell).Trim()).ToList();
        var row = block.Rows[claimIndex + 1].Select(cell => InlineText.Plain(cell).Trim()).ToList();
        // A first cell that names people ("Hostages", "Police officers") says who each number counts: "34 hostages killed".
        var who = row.Count > 1 && row[0].Length > 0 && row[0].Split(' ')[^1] is var last && Lexicon.PeopleNouns.Contains(last) && !row[0].Any(char.IsDigit)
            ? row[0].ToLowerInvariant() : null;
        var parts = new List<string>();
        for (var i = who is null ? 0 : 1; i < row.Count; i++)
        {
            if (row[i].Length == 0)
            {
                continue;
            }
            var heading = i < header.Count ? header[i] : "";
            parts.Add(heading.Length > 0 && NumericCell().IsMatch(row[i]) ? $"{row[i]} {(who is null ? "" : who + " ")}{heading.ToLowerInvariant()}" : row[i]);
        }
        // Otherwise the first cell names what the row is of (a district, a country): "In X, 47 deaths, 11 missing".
        if (who is null && parts.Count > 1 && !parts[0].Any(char.IsDigit) && parts[0].Length > 0 && char.IsUpper(parts[0][0]))
        {
            parts[0] = "In " + parts[0];
        }
        return string.Join(", ", parts);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:about |some |over |more than |at least |nearly |~)?[0-9][0-9,.]*\+?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NumericCell();

    /// <summary>The one year a heading names, or its parent heading's: "### 2017", "The 2015 regional election".</summary>
    private static int? HeadingYear(Document document, Block block, FactCache? cache)
    {
        for (var section = document.SectionOf(block); section is not null; section = section.ParentIndex >= 0 && section.ParentIndex < document.Sections.Length ? document.Sections[section.ParentIndex] : null)
        {
            var years = cache?.YearsIn(section.Title) ?? YearsIn(section.Title);
            if (years.Count == 1)
            {
                return int.Parse(years[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            if (years.Count > 1 || section.ParentIndex == section.Index)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>The distinct years a heading names, in the order written.</summary>
    internal static IReadOnlyList<string> YearsIn(string title) => [.. HeadingYears().Matches(title).Select(m => m.Value).Distinct()];

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:1[6-9]|20)\d{2}\b(?!s)")]
    private static partial System.Text.RegularExpressions.Regex HeadingYears();

    private static (string? Kind, IReadOnlySet<string> Kinds) Told((string? Kind, string[] Kinds) read) => (read.Kind, new HashSet<string>(read.Kinds));

    /// <summary>
    /// The kind of happening the claim's event date is the date of: the first kind named in the date's clause, else in the clause
    /// after it ("On 12 August 2020, some 4,000 workers … walked out"), else in the clause before it ("switching off … in December 2020").
    /// </summary>
    internal static string? EventKind(string text, IReadOnlyList<DateMention> eventDates, out IReadOnlySet<string> dateKinds)
    {
        dateKinds = new HashSet<string>();
        if (eventDates.Count == 0)
        {
            return null;
        }
        var date = eventDates[0];
        var lower = text.ToLowerInvariant();
        var breaks = new List<int> { 0 };
        for (var i = 0; i < lower.Length; i++)
        {
            if (lower[i] is ',' or ';' or ':' or '—' or '(' or ')' && (i < date.Start || i >= date.End))
            {
                breaks.Add(i);
            }
        }
        breaks.Add(lower.Length);
        var clause = breaks.FindLastIndex(b => b <= date.Start);
        // Every kind named in the date's clause and the two after it: "On 4 April 2021, when … marched …, police opened fire".
        dateKinds = Lexicon.KindsIn(lower[breaks[clause]..breaks[Math.Min(breaks.Count - 1, clause + 3)]]).ToHashSet();
        foreach (var k in Enumerable.Range(clause, breaks.Count - 1 - clause).Concat(Enumerable.Range(0, clause).Reverse()))
        {
            if (k >= 0 && k + 1 < breaks.Count && Lexicon.KindOf(lower, breaks[k], breaks[k + 1]) is { } kind)
            {
                return kind;
            }
        }
        return null;
    }

    /// <summary>
    /// Content words, stemmed: lower-case words of four letters or more that are neither stop words nor words naming a kind
    /// of happening. <paramref name="stem"/> is <see cref="Lexicon.Stem"/>, remembered per word for one read.
    /// </summary>
    private static HashSet<string> ContentStems(IReadOnlyList<Token> tokens, Func<string, bool> isProper, Func<string, string> stem)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tokens)
        {
            if (t.Type == TokenType.Word && t.Text.Length >= 4 && !isProper(t.Text) && !Lexicon.Stopwords.Contains(t.Text) && !Lexicon.IsKindWord(t.Lower))
            {
                stems.Add(stem(t.Text));
            }
        }
        return stems;
    }

    /// <summary>A timeline item tells one event: each of its sentences shares the item's stems and names.</summary>
    public static IReadOnlyList<ClaimFacts> ShareWithinItems(IReadOnlyList<ClaimFacts> facts)
    {
        foreach (var item in facts.Where(f => f.InTimeline).GroupBy(f => f.Block.Index))
        {
            var stems = item.SelectMany(f => f.Stems).ToHashSet();
            var proper = item.SelectMany(f => f.Proper).ToHashSet();
            var kinds = item.SelectMany(f => f.Kinds).ToHashSet();
            foreach (var f in item)
            {
                f.Stems.UnionWith(stems);
                f.Proper.UnionWith(proper);
                f.Kinds.UnionWith(kinds);
            }
        }
        return facts;
    }

    /// <summary>A front-matter value ("population: 12.4 million") is a figure whose measure is its key.</summary>
    private static IReadOnlyList<Figure> FrontMatterFigures(string text, IReadOnlyList<Figure> figures)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return figures;
        }
        var key = text[..colon].Trim().ToLowerInvariant() switch
        {
            "population" or "inhabitants" => "population",
            "deaths" or "death_toll" or "death toll" or "killed" or "dead" => "killed",
            "injured" or "wounded" => "injured",
            "arrests" or "detained" or "detentions" => "detained",
            var other => "key:" + Lexicon.Stem(other),
        };
        var valueTokens = Tokenizer.Tokenize(text[(colon + 1)..]);
        if (figures.Count > 0)
        {
            return [.. figures.Select(f => f.Type == FigureType.Count ? f with { Measure = key } : f)];
        }
        if (valueTokens.Count > 0 && NumberWords.TryRead(valueTokens, 0, out var value) is var n && n > 0 && n == valueTokens.Count)
        {
            var start = colon + 1 + valueTokens[0].Start;
            var end = colon + 1 + valueTokens[^1].End;
            return [new Figure(FigureType.Count, value, null, Qualifier.Exact, key, text[start..end], start, end)];
        }
        return figures;
    }

    /// <summary>Words the document writes in lower case somewhere: a capitalised one of these opens a sentence, it is not a name.</summary>
    private static HashSet<string> LowercaseVocabulary(Document document, FactCache? cache)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in document.Claims)
        {
            if (cache is null)
            {
                // The same words as from the tokens below, read without making the tokens: a cold read needs them once.
                Tokenizer.AddLowercaseWords(claim.Text, words);
                continue;
            }
            foreach (var t in cache.Tokens(claim.Text))
            {
                if (t.Type == TokenType.Word && char.IsLower(t.Text[0]))
                {
                    words.Add(t.Text);
                }
            }
        }
        return words;
    }
}
