using System.Text.RegularExpressions;

namespace CiteCheck.Checks.Figures;

/// <summary>
/// Reads the figures of one sentence: percentages, amounts of money, ranges (of years, mostly sentences), and counts with
/// their qualifier, the noun they count and what happened to them; sums of parts; and "respectively" bindings.
/// Dates are read first so their numbers are not counted.
/// </summary>
public static partial class FigureExtractor
{
    public static IReadOnlyList<Figure> Extract(string text, IReadOnlyList<DateMention> dates) => Extract(text, dates, Tokenizer.Tokenize(text));

    /// <summary>The figures of <paramref name="text"/>, whose tokens (<see cref="Tokenizer.Tokenize"/>) are given.</summary>
    public static IReadOnlyList<Figure> Extract(string text, IReadOnlyList<DateMention> dates, IReadOnlyList<Token> tokens)
    {
        var lower = text.ToLowerInvariant();
        var used = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (dates.Any(d => t.Start >= d.Start && t.End <= d.End))
            {
                used[i] = true;
            }
        }
        var figures = new List<Figure>();
        Percents(text, tokens, used, figures);
        QuantityRanges(text, tokens, used, figures);
        Amounts(text, tokens, used, figures);
        Ranges(text, lower, tokens, used, figures);
        Sizes(text, tokens, used, figures);
        Counts(text, lower, tokens, used, figures);
        figures.Sort((a, b) => a.Start.CompareTo(b.Start));
        var bound = Respectively(text, lower, figures, dates);
        return Scoped(text, MarkAttributed(lower, BindToDates(text, bound, dates)));
    }

    /// <summary>
    /// The place a count or a sum is of, when the clause names one before it: "In the province of X, 278 people were
    /// killed", "at Y, 12 died". A figure of one place is a part, not the whole: it is compared only with a figure of the
    /// same place, or with one whose sentence names that place.
    /// </summary>
    private static IReadOnlyList<Figure> Scoped(string text, IReadOnlyList<Figure> figures)
    {
        if (figures.Count == 0)
        {
            return figures;
        }
        var result = new List<Figure>(figures.Count);
        var previousEnd = 0;
        foreach (var f in figures)
        {
            if (f.Type is FigureType.Count or FigureType.Amount && f.BoundPlace is null)
            {
                var from = Math.Min(f.Start, Math.Max(previousEnd, Math.Max(0, f.Start - 90)));
                var window = text[from..f.Start];
                var clause = window.LastIndexOfAny(['.', ';', ':']);
                window = clause >= 0 ? window[(clause + 1)..] : window;
                var matches = ScopePlace().Matches(window).Where(m => !DateExtractor.IsCalendarWord(m.Groups["place"].Value.Split(' ')[0])).ToList();
                if (matches.Count > 0)
                {
                    result.Add(f with { Scope = matches[^1].Groups["place"].Value });
                    previousEnd = Math.Max(previousEnd, f.End);
                    continue;
                }
            }
            result.Add(f);
            previousEnd = Math.Max(previousEnd, f.End);
        }
        return result;
    }

    [GeneratedRegex(@"\b(?:[Ii]n|[Aa]t|[Aa]cross|[Tt]hroughout)\s+(?:the\s+)?(?:(?:province|district|region|state|county|town|city|village|department|governorate|municipality|country)\s+of\s+)?(?<place>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)")]
    private static partial Regex ScopePlace();

    /// <summary>The outcome named by the word just before a number ("killed 17", "arresting at least 40"), if any.</summary>
    private static string? OutcomeVerbBefore(IReadOnlyList<Token> tokens, int numberIndex)
    {
        for (var k = numberIndex - 1; k >= 0 && k >= numberIndex - 4; k--)
        {
            var word = tokens[k].Lower;
            if (tokens[k].Type != TokenType.Word || word is "at" or "least" or "more" or "than" or "about" or "some" or "nearly" or "over" or "around")
            {
                continue;
            }
            return Lexicon.Outcomes.FirstOrDefault(o => o.Stems.Any(stem => !stem.Contains(' ', StringComparison.Ordinal) && stem.Length >= 4 && word.StartsWith(stem, StringComparison.Ordinal))).Outcome;
        }
        return null;
    }

    /// <summary>The noun is the outcome itself: "47 deaths" are 47 killed, "12 arrests" 12 detained.</summary>
    private static bool NamesOutcome(string noun, string outcome) => OutcomeNamedBy(noun) == outcome;

    /// <summary>The outcome a noun names by itself ("deaths", "escapees", "hostages", "arrests"), if any.</summary>
    public static string? OutcomeNamedBy(string noun)
    {
        var lower = noun.ToLowerInvariant();
        return Lexicon.Outcomes.FirstOrDefault(o => o.Stems.Any(stem => stem.Length >= 4 && !stem.Contains(' ', StringComparison.Ordinal) && lower.StartsWith(stem, StringComparison.Ordinal))).Outcome;
    }

    private static void Percents(string text, IReadOnlyList<Token> tokens, bool[] used, List<Figure> figures)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || tokens[i].Type != TokenType.Number)
            {
                continue;
            }
            var n = NumberWords.TryRead(tokens, i, out var value);
            var j = i + n;
            var width = 0;
            if (j < tokens.Count && (tokens[j].Text == "%" || tokens[j].Lower is "percent" or "pct"))
            {
                width = 1;
            }
            else if (j + 1 < tokens.Count && tokens[j].Lower == "per" && tokens[j + 1].Lower == "cent")
            {
                width = 2;
            }
            if (width == 0)
            {
                continue;
            }
            var (qualifier, qStart) = QualifierBefore(tokens, i);
            var (owner, things) = Holders(tokens, i, j + width);
            for (var k = i; k < j + width; k++)
            {
                used[k] = true;
            }
            var start = qStart ?? tokens[i].Start;
            figures.Add(new Figure(FigureType.Percent, value, null, qualifier, "percent", text[start..tokens[j + width - 1].End], start, tokens[j + width - 1].End) { Owner = owner, Things = things });
        }
    }

    private static void Amounts(string text, IReadOnlyList<Token> tokens, bool[] used, List<Figure> figures)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || tokens[i].Type != TokenType.Number)
            {
                continue;
            }
            var (currency, at) = CurrencyBefore(tokens, i);
            if (at is { } a && used[a])
            {
                currency = null; // a code another figure took
            }
            var first = currency is null ? i : at!.Value;
            var n = NumberWords.TryRead(tokens, i, out var value);
            var last = i + n - 1;
            if (currency is null && last + 1 < tokens.Count && Lexicon.Currencies.TryGetValue(tokens[last + 1].Lower, out var named))
            {
                currency = named;
                last++;
            }
            if (currency is null)
            {
                continue;
            }
            var (qualifier, qStart) = QualifierBefore(tokens, first);
            var (owner, things) = Holders(tokens, first, last + 1);
            for (var k = first; k <= last; k++)
            {
                used[k] = true;
            }
            var start = qStart ?? tokens[first].Start;
            figures.Add(new Figure(FigureType.Amount, value, null, qualifier, $"amount:{currency}", text[start..tokens[last].End], start, tokens[last].End) { Owner = owner, Things = things });
        }
    }

    /// <summary>
    /// Ranges of a quantity other than time: "between 3,200 and 3,500 fighters", "32 to 39 million cubic metres", "between €20
    /// and €50 per vote", "€20 to €80 a vote". A scale written once applies to both ends ("32 to 39 million" is 32–39 million);
    /// the measure is what follows (its first content word) and, for money, the currency: "range:fighter", "range:eur:vote".
    /// Read before single sums and counts, so a range is not taken for two figures. Ranges of years, months and days are
    /// <see cref="Ranges"/>'; a range with nothing after it to say what it is of is left to the counts.
    /// </summary>
    private static void QuantityRanges(string text, IReadOnlyList<Token> tokens, bool[] used, List<Figure> figures)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i])
            {
                continue;
            }
            var first = i;
            var (lowCurrency, at) = CurrencyBefore(tokens, i);
            if (at is { } c)
            {
                first = c;
            }
            var n1 = NumberWords.TryRead(tokens, i, out var low);
            if (n1 == 0 || (tokens[i].Type != TokenType.Number))
            {
                continue;
            }
            var j = i + n1;
            if (j + 1 >= tokens.Count || tokens[j].Lower is not ("to" or "and" or "-" or "–"))
            {
                continue;
            }
            var between = first > 0 && tokens[first - 1].Lower == "between";
            if (tokens[j].Lower == "and" && !between)
            {
                continue;
            }
            if (first > 0 && tokens[first - 1].Lower is "aged" or "ages" or "from" && !between)
            {
                continue; // "aged 18 to 25"; "from 12 to 19" is a change over time, not a range
            }
            var second = j + 1;
            string? highCurrency = null;
            if (second + 1 < tokens.Count && tokens[second + 1].Type == TokenType.Number && CurrencyBefore(tokens, second + 1) is ({ } code, _))
            {
                (highCurrency, second) = (code, second + 1); // "between €20 and €50": the currency written again
            }
            if (second >= tokens.Count || used[second] || tokens[second].Type != TokenType.Number)
            {
                continue;
            }
            var n2 = NumberWords.TryRead(tokens, second, out var high);
            if (n2 == 0)
            {
                continue;
            }
            var last = second + n2 - 1;
            // "32 to 39 million": the scale of the high end is the low end's too.
            if (n2 > 1 && n1 == 1 && NumberWords.IsScale(tokens[last].Lower) && low * NumberWords.ScaleOf(tokens[last].Lower) <= high)
            {
                low *= NumberWords.ScaleOf(tokens[last].Lower);
            }
            if (high <= low)
            {
                continue;
            }
            var currency = lowCurrency ?? highCurrency;
            var next = last + 1;
            if (currency is null && next < tokens.Count && Lexicon.Currencies.TryGetValue(tokens[next].Lower, out var named))
            {
                currency = named;
                next++;
            }
            if (next < tokens.Count && (tokens[next].Text == "%" || tokens[next].Lower is "percent" or "per" && next + 1 < tokens.Count && tokens[next + 1].Lower == "cent"
                || tokens[next].Lower is "percent" or "pct" || IsUnit(tokens[next].Lower)))
            {
                continue; // shares and spans of time are read elsewhere
            }
            var noun = RangeNoun(tokens, next);
            if (noun is null && currency is null)
            {
                continue;
            }
            for (var k = first; k <= last; k++)
            {
                used[k] = true;
            }
            var start = between ? tokens[first - 1].Start : tokens[first].Start;
            var measure = currency is null ? $"range:{noun}" : noun is null ? $"range:{currency}" : $"range:{currency}:{noun}";
            figures.Add(new Figure(FigureType.Range, low, high, Qualifier.Exact, measure, text[start..tokens[last].End], start, tokens[last].End) { Noun = noun });
        }
    }

    /// <summary>A currency written right before a number: a symbol ("$12", "US$12", "€20") or a code ("EUR 20").</summary>
    private static (string? Currency, int? At) CurrencyBefore(IReadOnlyList<Token> tokens, int i)
    {
        if (i > 0 && tokens[i - 1].Text is "$" or "€" or "£" or "¥" && tokens[i - 1].End == tokens[i].Start)
        {
            var currency = tokens[i - 1].Text switch { "$" => "usd", "€" => "eur", "£" => "gbp", _ => "jpy" };
            var at = i - 1;
            if (at > 0 && tokens[at - 1].Type == TokenType.Word && tokens[at - 1].Text is "US" or "USD" && tokens[at - 1].End == tokens[at].Start)
            {
                at--;
            }
            return (currency, at);
        }
        if (i > 0 && CurrencyCode().IsMatch(tokens[i - 1].Text))
        {
            return (tokens[i - 1].Lower, i - 1);
        }
        return (null, null);
    }

    /// <summary>
    /// What a range is of: the head of the short noun phrase after it, its last content word before a preposition or a
    /// break ("rebel fighters" → fighter, "cubic metres of waste" → metre), after "per"/"a" for money ("per vote").
    /// </summary>
    private static string? RangeNoun(IReadOnlyList<Token> tokens, int from)
    {
        string? head = null;
        for (var k = from; k < tokens.Count && k < from + 4; k++)
        {
            var t = tokens[k];
            if (t.Type != TokenType.Word || t.Lower is "of" or "in" or "and" or "or" or "to" or "from" or "at" or "on" or "by" or "for" or "with"
                or "than" or "under" or "over" or "across" or "each" or "who" or "which" or "that")
            {
                break;
            }
            if (t.Lower is "per" or "a" or "an" or "every" || Lexicon.Stopwords.Contains(t.Text) || t.IsCapitalized)
            {
                if (head is not null)
                {
                    break;
                }
                continue; // "3,800 KPG fighters": the owner's name, then what is counted
            }
            head = Lexicon.Stem(Singular(t.Lower));
        }
        return head;
    }

    /// <summary>"12 to 16 years", "between one and 16 years", "from seven to 26 years", "14 years to life", "two to five years".</summary>
    private static void Ranges(string text, string lower, IReadOnlyList<Token> tokens, bool[] used, List<Figure> figures)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i])
            {
                continue;
            }
            var n1 = NumberWords.TryRead(tokens, i, out var low);
            if (n1 == 0)
            {
                continue;
            }
            var j = i + n1;
            // "14 years to life"
            if (j + 2 < tokens.Count && IsUnit(tokens[j].Lower) && tokens[j + 1].Lower == "to" && tokens[j + 2].Lower == "life")
            {
                Add(i, j + 2, low, null, tokens[j].Lower);
                continue;
            }
            if (j + 1 >= tokens.Count || tokens[j].Lower is not ("to" or "and" or "-" or "–"))
            {
                continue;
            }
            var n2 = NumberWords.TryRead(tokens, j + 1, out var high);
            if (n2 == 0 || used[j + 1])
            {
                continue;
            }
            var k = j + 1 + n2;
            if (k >= tokens.Count || !IsUnit(tokens[k].Lower) || high <= low)
            {
                continue;
            }
            if (tokens[j].Lower == "and" && !(i > 0 && tokens[i - 1].Lower == "between"))
            {
                continue;
            }
            if (i > 0 && tokens[i - 1].Lower is "aged" or "ages")
            {
                continue;
            }
            Add(i, k, low, high, tokens[k].Lower);
        }

        void Add(int from, int to, decimal low, decimal? high, string unit)
        {
            var start = from > 0 && tokens[from - 1].Lower is "from" or "between" ? tokens[from - 1].Start : tokens[from].Start;
            for (var k = from; k <= to; k++)
            {
                used[k] = true;
            }
            var context = lower;
            var measure = Lexicon.ContainsWordStart(context, "sentenc") || Lexicon.ContainsWordStart(context, "prison") || Lexicon.ContainsWordStart(context, "jail")
                || Lexicon.ContainsWordStart(context, "term")
                ? "sentence"
                : "range:" + Singular(unit);
            figures.Add(new Figure(FigureType.Range, low, high, Qualifier.Exact, measure, text[start..tokens[to].End], start, tokens[to].End));
        }
    }

    /// <summary>
    /// Sizes: a number with a unit of length, area, duration or mass, joined ("a 470-kilometre plume", "a 40-day closure") or
    /// not ("travelled 410 kilometres", "lasted 47 days"). The measure is the dimension ("size:length"), the value in its base
    /// unit (Words/units.txt), and the things are the content words around it ("plume", "closure"): two sizes are compared
    /// only when they are said of one thing. A time from or to a moment ("three days later", "within 48 hours") is no size.
    /// </summary>
    private static void Sizes(string text, IReadOnlyList<Token> tokens, bool[] used, List<Figure> figures)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || tokens[i].Type != TokenType.Number)
            {
                continue;
            }
            var n = NumberWords.TryRead(tokens, i, out var value);
            var k = i + n;
            if (k + 1 < tokens.Count && tokens[k].Text == "-" && tokens[k].Start == tokens[k - 1].End && Lexicon.Units.ContainsKey(tokens[k + 1].Lower))
            {
                k++; // "470-kilometre"
            }
            if (k >= tokens.Count || !Lexicon.Units.TryGetValue(tokens[k].Lower, out var unit))
            {
                continue;
            }
            var before = i > 0 ? tokens[i - 1].Lower : "";
            var after = k + 1 < tokens.Count ? tokens[k + 1].Lower : "";
            if (before is "within" or "after" or "before" or "in" or "every" or "aged" or "age" || after is "later" or "earlier" or "ago" or "after" or "before" or "old" or "apart" or "afterwards")
            {
                continue;
            }
            var (qualifier, qStart) = QualifierBefore(tokens, i);
            // What the size is of: the content words of its clause ("the exclusion zone around the plant was set at 5 kilometres").
            var (from, to) = ClauseAround(text, tokens[i].Start, tokens[k].End);
            var things = tokens.Where(t => t.Start >= from && t.End <= to && t.Type == TokenType.Word && !Lexicon.Stopwords.Contains(t.Text)
                    && !Lexicon.Units.ContainsKey(t.Lower) && !HolderSkip.Contains(t.Lower))
                .Select(t => t.IsCapitalized ? Demonym(t.Text) : Lexicon.Stem(t.Text)).ToHashSet(StringComparer.Ordinal);
            if (things.Count == 0)
            {
                continue;
            }
            for (var m = i; m <= k; m++)
            {
                used[m] = true;
            }
            var start = qStart ?? tokens[i].Start;
            figures.Add(new Figure(FigureType.Count, value * unit.Factor, null, qualifier, $"size:{unit.Dimension}", text[start..tokens[k].End], start, tokens[k].End) { Things = things });
        }
    }

    private static bool IsUnit(string word) => word is "years" or "year" or "months" or "month" or "days" or "day" or "weeks" or "hours" or "decades";

    private static void Counts(string text, string lower, IReadOnlyList<Token> tokens, bool[] used, List<Figure> figures)
    {
        var counts = new List<(Figure Figure, int First, int Last, bool People, string? Outcome)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i])
            {
                continue;
            }
            var t = tokens[i];
            var n = NumberWords.TryRead(tokens, i, out var value);
            if (n == 0 || Skip(tokens, i, n, value))
            {
                continue;
            }
            var last = i + n - 1;
            // "four of the seven cyclists": the count is four; its noun is the group's.
            var nounAt = last + 1;
            if (nounAt + 2 < tokens.Count && tokens[nounAt].Lower == "of" && tokens[nounAt + 1].Lower is "the" or "them" or "those")
            {
                nounAt += tokens[nounAt + 1].Lower == "the" ? 2 : 1;
                if (nounAt < tokens.Count && NumberWords.TryRead(tokens, nounAt, out _) is var m && m > 0)
                {
                    used[nounAt] = true;
                    nounAt += m;
                }
                else if (tokens[nounAt - 1].Lower != "the" || !PartBefallen(tokens, nounAt))
                {
                    // "four of the inmates killed were former members": a part of a group, not the group's count.
                    continue;
                }
            }
            if (nounAt + 1 < tokens.Count && tokens[nounAt].Lower is "and" or "or" && NumberWords.TryRead(tokens, nounAt + 1, out _) is var shared && shared > 0)
            {
                nounAt += 1 + shared; // "57 and 112 homes", "30,000 and 12,000 people": the first number counts what the second counts
            }
            var (noun, people) = Noun(tokens, nounAt);
            if (noun is "dead" or "killed" or "injured" or "wounded" or "missing" or "detained" or "arrested" or "displaced")
            {
                (noun, people) = (null, false); // "a final toll of 67 dead": the word after the number says what happened, not who
            }
            if (noun is null && counts.Count > 0 && RestatesFigure(tokens, i))
            {
                // "at least 27 people dead—although other sources have said the figure is closer to 50": the same measure, someone else's count.
                var previous = counts[^1].Figure;
                var (q, qs) = QualifierBefore(tokens, i);
                var restated = new Figure(FigureType.Count, value, null, q, previous.Measure, text[(qs ?? t.Start)..tokens[last].End], qs ?? t.Start, tokens[last].End) { Noun = previous.Noun };
                counts.Add((restated, i, last, counts[^1].People, counts[^1].Outcome));
                for (var k = i; k <= last; k++)
                {
                    used[k] = true;
                }
                continue;
            }
            var outcome = OutcomeOf(lower, tokens, i, NounEnd(tokens, nounAt, noun) ?? last, noun) ?? (people && IsPopulation(tokens, i) ? "population" : null)
                ?? (noun is null ? null : OutcomeNamedBy(noun));
            if (outcome is null && noun is null)
            {
                continue;
            }
            if (value == 1 && t.Lower is "one" && !people)
            {
                continue;
            }
            var (qualifier, qStart) = QualifierBefore(tokens, i);
            // What happened says what is measured; the counted noun matters only when it is plainly not people ("two seats").
            var measure = outcome is null ? $"count:{Lexicon.Stem(Singular(noun!))}"
                : people || noun is null || LooksLikePeople(noun) || NamesOutcome(noun, outcome) ? outcome
                : $"{outcome}:{Lexicon.Stem(Singular(noun))}";
            var start = qStart ?? t.Start;
            var figure = new Figure(FigureType.Count, value, null, qualifier, measure, text[start..tokens[last].End], start, tokens[last].End) { Noun = noun, Phrase = Phrase(tokens, nounAt) };
            counts.Add((figure, i, last, people, outcome));
            for (var k = i; k <= last; k++)
            {
                used[k] = true;
            }
        }
        figures.AddRange(counts.Select(c => c.Figure));
        // Sums of parts: counts of people in one clause joined by "and" or commas, with one outcome: "25 inmates and two security officers" killed.
        for (var a = 0; a < counts.Count; a++)
        {
            var group = new List<int> { a };
            for (var b = a + 1; b < counts.Count; b++)
            {
                var previous = counts[group[^1]];
                var between = text[tokens[previous.Last].End..tokens[counts[b].First].Start];
                // "killed 17 soldiers and four civilians travelling with the patrol": a verb before the list governs every part.
                var bothOutcome = counts[a].Outcome is not null && (counts[b].Outcome == counts[a].Outcome || OutcomeVerbBefore(tokens, counts[a].First) == counts[a].Outcome);
                var sameMeasure = bothOutcome || (counts[b].Outcome is null && counts[b].Figure.Noun is not null)
                    || (counts[a].Outcome is null && counts[b].Outcome is not null && counts[a].Figure.Noun is not null);
                // "148,000 refugees at the north camp and 62,000 at the river camp": a bare second part counts what the first counts.
                var parts = bothOutcome || (counts[a].People && (counts[b].Figure.Noun is not null || counts[b].Outcome is null));
                if (!sameMeasure || !parts || between.Length > 40 || ClauseBreak().IsMatch(between) || !Joiner().IsMatch(between))
                {
                    break;
                }
                group.Add(b);
            }
            if (group.Count < 2)
            {
                continue;
            }
            // The parts of one list share its outcome: "killing eight officers and two passers-by", "25 inmates and two guards were killed".
            var shared = group.Select(g => counts[g]).FirstOrDefault(c => c.Outcome is not null).Figure?.Measure ?? counts[group[0]].Figure.Measure;
            foreach (var g in group)
            {
                var index = figures.IndexOf(counts[g].Figure);
                figures[index] = counts[g].Figure with { Measure = shared };
                counts[g] = counts[g] with { Figure = figures[index] };
            }
            var first = counts[group[0]].Figure;
            var lastFigure = counts[group[^1]].Figure;
            var sum = group.Sum(g => counts[g].Figure.Value);
            figures.Add(new Figure(FigureType.Count, sum, null, first.Qualifier, first.Measure, text[first.Start..lastFigure.End], first.Start, lastFigure.End) { IsSum = true, Noun = "people" });
            a = group[^1];
        }
    }

    /// <summary>The clause around [start, end): bounded by ; : — ( ) and ", and"/", but"/", while".</summary>
    private static (int Start, int End) ClauseAround(string text, int start, int end)
    {
        var breaks = ClauseBreak().Matches(text).Select(m => (m.Index, End: m.Index + m.Length))
            .Concat(AndBreak().Matches(text).Select(m => (m.Index, End: m.Index + m.Length))).ToList();
        var from = breaks.Where(b => b.End <= start).Select(b => b.End).DefaultIfEmpty(0).Max();
        var to = breaks.Where(b => b.Index >= end).Select(b => b.Index).DefaultIfEmpty(text.Length).Min();
        return (from, Math.Max(from, to));
    }

    [GeneratedRegex(@", and ")]
    private static partial Regex AndBreak();

    /// <summary>"the figure is closer to 50", "put the toll at 40", "the number was as high as 60".</summary>
    private static bool RestatesFigure(IReadOnlyList<Token> tokens, int i)
    {
        var k = i - 1;
        while (k >= 0 && tokens[k].Lower is "closer" or "close" or "to" or "about" or "around" or "nearly" or "as" or "high" or "many" or "least" or "at" or "more" or "than" or "over")
        {
            k--;
        }
        return k >= 1 && (tokens[k].Lower is "is" or "was" or "be" or "been" && tokens[k - 1].Lower is "figure" or "toll" or "number" or "count" or "total"
            || tokens[k].Lower is "figure" or "toll" or "number" or "total" && tokens[k - 1].Lower is "the" or "put" or "puts");
    }

    /// <summary>"a republic of 9.4 million people", "Of the country's 14.2 million people", "home to 12 million people": a population.</summary>
    private static bool IsPopulation(IReadOnlyList<Token> tokens, int i)
    {
        var k = i - 1;
        while (k >= 0 && tokens[k].Lower is "about" or "some" or "nearly" or "around" or "roughly" or "almost" or "over" or "than" or "more")
        {
            k--;
        }
        if (k < 1)
        {
            return false;
        }
        var before = tokens[k - 1];
        return (tokens[k].Lower == "of" && before.Lower is "republic" or "country" or "nation" or "state" or "population" or "kingdom" or "monarchy")
            || (tokens[k].Lower == "to" && before.Lower == "home")
            || (tokens[k].IsCapitalized && tokens[k].End - tokens[k].Start > tokens[k].Text.Length && before.Lower == "of");
    }

    /// <summary>Numbers that are not counts: ordinals, parts of names ("France 24"), ages, times, compound adjectives ("63-seat").</summary>
    private static bool Skip(IReadOnlyList<Token> tokens, int i, int n, decimal value)
    {
        var t = tokens[i];
        var next = i + n < tokens.Count ? tokens[i + n] : null;
        if (next is not null && next.Start == tokens[i + n - 1].End && (next.Text is "-" or ":" or "/" || next.Lower is "st" or "nd" or "rd" or "th" or "s"))
        {
            return true;
        }
        if (t.Type == TokenType.Number && i > 0 && tokens[i - 1].Type == TokenType.Word && tokens[i - 1].IsCapitalized && !Lexicon.NotNames.Contains(tokens[i - 1].Text)
            && !Lexicon.Stopwords.Contains(tokens[i - 1].Text) && tokens[i - 1].End - tokens[i - 1].Start == tokens[i - 1].Text.Length)
        {
            return true; // "France 24", "Resolution 2254", "John Smith, 34" is caught below
        }
        if (i > 1 && tokens[i - 1].Text == "," && tokens[i - 2].IsCapitalized && next?.Text == ",")
        {
            return true; // an age: "John Smith, 34, was killed"
        }
        if (value >= 1900 && value <= 2100 && t.Type == TokenType.Number && !t.Text.Contains(','))
        {
            return true; // a year the date reader did not take
        }
        if (next is not null && next.Lower is "years" or "year" or "months" or "month" or "weeks" or "week" or "days" or "day" or "hours" or "hour" or "minutes" or "decades" or "times" or "seconds")
        {
            return true; // a duration, not a count
        }
        if (t.Lower is "one" && next is not null && next.Lower is "of" or "another" or "side" or "hand" or "way" or "day" or "year")
        {
            return true;
        }
        return false;
    }

    /// <summary>The two words after a count, stemmed ("31 physical attacks on journalists" → "physic attack"); empty unless both are words.</summary>
    private static string Phrase(IReadOnlyList<Token> tokens, int at) =>
        at + 1 < tokens.Count && tokens[at].Type == TokenType.Word && tokens[at + 1].Type == TokenType.Word
            ? $"{Lexicon.Stem(tokens[at].Text)} {Lexicon.Stem(tokens[at + 1].Text)}"
            : "";

    /// <summary>Plural nouns of people the lexicon does not list: "mutineers", "loyalists", "villagers", "Uzbeks".</summary>
    private static bool LooksLikePeople(string noun) =>
        noun.EndsWith("ers", StringComparison.Ordinal) || noun.EndsWith("ors", StringComparison.Ordinal) || noun.EndsWith("ists", StringComparison.Ordinal)
        || noun.EndsWith("ians", StringComparison.Ordinal) || noun.EndsWith("ants", StringComparison.Ordinal) || noun.EndsWith("ents", StringComparison.Ordinal)
        || noun.EndsWith("ees", StringComparison.Ordinal) || noun.EndsWith("men", StringComparison.Ordinal) || noun.EndsWith("ites", StringComparison.Ordinal);

    /// <summary>The index of the counted noun's token, so the outcome is looked for after the whole noun phrase.</summary>
    private static int? NounEnd(IReadOnlyList<Token> tokens, int at, string? noun)
    {
        if (noun is null)
        {
            return null;
        }
        for (var k = at; k < tokens.Count && k < at + 4; k++)
        {
            if (tokens[k].Lower == noun)
            {
                return k;
            }
        }
        return null;
    }

    private static (string? Noun, bool People) Noun(IReadOnlyList<Token> tokens, int at)
    {
        string? first = null;
        for (var k = at; k < tokens.Count && k < at + 4; k++)
        {
            var t = tokens[k];
            if (t.Type != TokenType.Word)
            {
                break;
            }
            // "71 total deaths", "12 confirmed fatalities": a word before the noun that names what happened does not count.
            if (first is not null && OutcomeNamedBy(t.Lower) is not null)
            {
                return (t.Lower, false);
            }
            if (Lexicon.PeopleNouns.Contains(t.Text) || (t.IsCapitalized && (t.Text.EndsWith("s", StringComparison.Ordinal) || t.Text.EndsWith("is", StringComparison.Ordinal)) && k > at - 1 && t.Text.Length > 3 && k == at && !Lexicon.NotNames.Contains(t.Text)))
            {
                return (t.Lower, true);
            }
            if (Lexicon.Stopwords.Contains(t.Text) && t.Lower is not "people" || IsParticiple(t) || t.Lower is "received" or "remain" or "remained" or "died" or "were" or "fled")
            {
                break;
            }
            first ??= t.Lower;
        }
        if (first is "people" or "persons")
        {
            return (first, true);
        }
        return (first, false);
    }

    /// <summary>
    /// What happened to what is counted: an outcome named by the noun itself ("casualties", "deaths"), else an outcome word right
    /// after the noun phrase ("27 people dead", "25 were wounded", "13 had been killed") or right before the number
    /// ("killing 25 inmates", "detained at least 6,700 people", "claiming the lives of 29 inmates").
    /// </summary>
    private static string? OutcomeOf(string lower, IReadOnlyList<Token> tokens, int first, int last, string? noun)
    {
        if (noun is not null)
        {
            foreach (var (outcome, stems) in Lexicon.Outcomes)
            {
                if (stems.Any(s => noun.StartsWith(s, StringComparison.Ordinal)) && outcome is "casualties" or "killed" or "injured" or "shutdowns" or "displaced")
                {
                    return outcome;
                }
            }
        }
        // After: skip the noun phrase and auxiliaries, up to the next conjunction. Before: skip qualifiers and "the lives of".
        var (after, afterDistance) = Scan(last + 1, +1, 7);
        var (before, beforeDistance) = Scan(first - 1, -1, 5);
        if (after is null)
        {
            return before;
        }
        return before is not null && beforeDistance < afterDistance ? before : after;

        (string? Outcome, int Distance) Scan(int k, int step, int limit)
        {
            for (var n = 0; n < limit && k >= 0 && k < tokens.Count; n++, k += step)
            {
                var t = tokens[k];
                if (t.Type == TokenType.Number || IsClauseBreak(tokens, k) || t.Text is "," or "." || (step > 0 && t.Lower is "and" or "or" or "as" or "while"))
                {
                    break;
                }
                if (Outcome(lower, t) is { } found)
                {
                    return (found, n);
                }
            }
            return (null, int.MaxValue);
        }
    }

    private static string? Outcome(string lower, Token t)
    {
        if (t.Type != TokenType.Word || Lexicon.Stopwords.Contains(t.Text) && t.Lower is not ("held"))
        {
            return null;
        }
        foreach (var (outcome, stems) in Lexicon.Outcomes)
        {
            foreach (var stem in stems)
            {
                if (stem.Contains(' ', StringComparison.Ordinal))
                {
                    if (lower.AsSpan(t.Start).StartsWith(stem, StringComparison.Ordinal))
                    {
                        return outcome;
                    }
                }
                else if (t.Lower.StartsWith(stem, StringComparison.Ordinal))
                {
                    return outcome;
                }
            }
        }
        return null;
    }

    /// <summary>The clause around tokens first..last: bounded by ; : — ( ) and by ", and"/", while"/"although".</summary>
    private static (int Start, int End) Clause(IReadOnlyList<Token> tokens, int first, int last)
    {
        var start = 0;
        for (var k = first - 1; k >= 0; k--)
        {
            if (IsClauseBreak(tokens, k))
            {
                start = tokens[k].End;
                break;
            }
        }
        var end = tokens.Count > 0 ? tokens[^1].End : 0;
        for (var k = last + 1; k < tokens.Count; k++)
        {
            if (IsClauseBreak(tokens, k))
            {
                end = tokens[k].Start;
                break;
            }
        }
        return (start, Math.Max(start, end));
    }

    private static bool IsClauseBreak(IReadOnlyList<Token> tokens, int k) =>
        tokens[k].Text is ";" or ":" or "—" or "–" or "(" or ")" || tokens[k].Lower is "although" or "while" or "whereas" or "but";

    private static (Qualifier Qualifier, int? Start) QualifierBefore(IReadOnlyList<Token> tokens, int i)
    {
        foreach (var (words, qualifier) in Lexicon.Qualifiers)
        {
            var k = i - words.Length;
            if (k < 0)
            {
                continue;
            }
            var match = true;
            for (var w = 0; w < words.Length; w++)
            {
                if (tokens[k + w].Lower != words[w])
                {
                    match = false;
                    break;
                }
            }
            if (match)
            {
                return (qualifier, tokens[k].Start);
            }
        }
        return (Qualifier.Exact, null);
    }

    /// <summary>
    /// Whose share or what money: the owner, a name just before it or after "for" ("Smith 80.1 percent", "10.1 percent for
    /// Jane Doe"), and the things it is said of, the content words around it ("inflation peaked at 38.5 percent",
    /// "turnout of 84.2%", "pledged €1.4 billion", "$68 million in assets", "of the vote"). Two shares or sums are of one measure
    /// when their owners agree (or one has none) and their things meet.
    /// </summary>
    private static (string? Owner, IReadOnlySet<string> Things) Holders(IReadOnlyList<Token> tokens, int first, int end)
    {
        string? owner = null;
        var things = new HashSet<string>(StringComparer.Ordinal);
        var taken = 0;
        for (var k = first - 1; k >= 0 && k >= first - 6 && taken < 3; k--)
        {
            var t = tokens[k];
            if (t.Type == TokenType.Number || t.Text is "," or ";" or "(" or ":" or "." or "—")
            {
                break;
            }
            if (t.Type != TokenType.Word || Lexicon.Stopwords.Contains(t.Text) || HolderSkip.Contains(t.Lower))
            {
                continue;
            }
            if (t.IsCapitalized && k > 0 && owner is null && k == first - 1)
            {
                owner = Demonym(t.Text); // a name right before the figure: "Smith 80.1 percent", "Doe's 19.8 percent"
            }
            things.Add(t.IsCapitalized ? Demonym(t.Text) : Lexicon.Stem(t.Text));
            taken++;
        }
        taken = 0;
        for (var k = end; k < tokens.Count && k < end + 7 && taken < 3; k++)
        {
            var t = tokens[k];
            if (IsYear(t))
            {
                continue; // "38 percent of the 2022 state budget": a year names when, not what
            }
            if (t.Type == TokenType.Number || t.Text is ";" or "(" or ":" or "," or "." or "—" || t.Lower is "by" or "to" or "from" or "on" or "at" or "with" or "which" or "that" or "than" or "over" or "during" or "since" || IsParticiple(t))
            {
                break;
            }
            if (t.Lower == "for" && k + 1 < tokens.Count && tokens[k + 1].IsCapitalized)
            {
                owner ??= Demonym(tokens[k + 1].Text);
                break;
            }
            if (t.Type != TokenType.Word || Lexicon.Stopwords.Contains(t.Text) || HolderSkip.Contains(t.Lower) || t.Lower == "for")
            {
                continue;
            }
            things.Add(t.IsCapitalized ? Demonym(t.Text) : Lexicon.Stem(t.Text));
            taken++;
        }
        return (owner, things);
    }

    /// <summary>A country and its people are one holder: "Icelanders", "Icelandic" and "Iceland"; "Russians" and "Russia".</summary>
    private static string Demonym(string word)
    {
        var w = word.ToLowerInvariant();
        foreach (var suffix in new[] { "ians", "ian", "ans", "an", "is", "ia", "i", "s" })
        {
            if (w.Length - suffix.Length >= 4 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return w[..^suffix.Length];
            }
        }
        return w;
    }

    private static bool IsYear(Token t) =>
        t.Type == TokenType.Number && t.Text.Length == 4 && int.TryParse(t.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1800 and <= 2100;

    private static bool IsParticiple(Token t) =>
        t.Lower is "held" or "made" or "paid" or "given" or "sent" or "lent" or "owed" or "spent" or "kept" or "won" or "set" or "put"
        || (t.Lower.Length > 4 && t.Lower.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(t.Text[0]));


    private static readonly HashSet<string> HolderSkip =
    [
        "emergency", "in", "equal", "equivalent", "worth", "reached", "rose", "fell", "stood", "hit", "peaked", "grew", "jumped",
        "dropped", "declined", "gave", "give", "gives", "won", "win", "wins", "took", "take", "got", "get", "received", "receive", "lost",
        "lose", "put", "puts", "at", "amounted", "accounted", "totalled", "totaled", "against", "with", "an", "new", "total", "some",
        "roughly", "just", "only", "nearly", "almost", "over", "under", "above", "below", "record", "annual",
        "extended", "extends", "extend", "signed", "owed", "owes", "paid", "pay",
        "pays", "spent", "spend", "raised", "raise", "cut", "cuts", "fall", "falls", "rise", "rises", "reach", "reaches", "hits", "climb",
        "climbed", "climbs", "estimated", "officially", "valued", "held", "made", "make", "makes", "up", "given", "sent", "lent", "owed",
        "worth", "accounts", "account", "represented", "represents", "equalled", "equaled", "reaching", "dollars", "euros", "billion", "million", "thousand", "percent",
    ];

    /// <summary>A sentence that sets figures of one measure against each other under attribution ("the ministry said 300 …, while rights groups counted more than 1,000").</summary>
    private static List<Figure> MarkAttributed(string lower, List<Figure> figures)
    {
        if (!Lexicon.ContrastWords.Any(c => Lexicon.ContainsWordStart(lower, c)) || !Lexicon.AttributionStems.Any(a => Lexicon.ContainsWordStart(lower, a)))
        {
            return figures;
        }
        foreach (var group in figures.Where(f => !f.IsSum && f.BoundPlace is null).GroupBy(f => f.Measure).Where(g => g.Count() >= 2).ToList())
        {
            // The figures must stand on either side of the contrast: "the ministry said 300 …, while rights groups counted more than 1,000".
            var list = group.OrderBy(f => f.Start).ToList();
            var between = lower[list[0].End..list[^1].Start];
            if (!Lexicon.ContrastWords.Any(c => Lexicon.ContainsWordStart(between, c)))
            {
                continue;
            }
            foreach (var f in group)
            {
                var index = figures.IndexOf(f);
                figures[index] = f with { Attributed = true };
            }
            foreach (var sum in figures.Where(f => f.IsSum && f.Measure == group.Key).ToList())
            {
                figures.Remove(sum);
            }
        }
        return figures;
    }

    /// <summary>
    /// A sentence that dates several happenings ("in September 2015 … stormed a depot, and in 2017 … the bombing, which killed 27 people"):
    /// each figure belongs to the nearest date before it.
    /// </summary>
    private static List<Figure> BindToDates(string text, List<Figure> figures, IReadOnlyList<DateMention> dates)
    {
        var distinct = dates.Where(d => !dates.Any(o => o != d && o.Overlaps(d) && o.Precision > d.Precision)).ToList();
        // "On 20 May 2014, a court sentenced nine commanders captured in 2012 to 20 to 35 years": a bare year after a
        // participle dates the noun before it, not the sentence's happening, when the sentence gives a finer date.
        if (distinct.Any(d => d.Precision >= DatePrecision.Month))
        {
            distinct.RemoveAll(d => d.Precision < DatePrecision.Month && ParticipleBefore().IsMatch(text[..d.Start]));
        }
        if (distinct.Count == 0)
        {
            return figures;
        }
        var several = distinct.Count >= 2 && !distinct.All(d => d.Overlaps(distinct[0]));
        return [.. figures.Select(f =>
        {
            if (f.BoundDate is not null || f.BoundPlace is not null)
            {
                return f;
            }
            var nearest = distinct.MinBy(d => Distance(f, d))!;
            if (Distance(f, nearest) >= 1000 && OtherHappening(f, nearest))
            {
                return f with { Undated = true }; // "… opened in November 2022, and donors pledged €1.8 billion": the date is the trial's
            }
            return several ? f with { BoundDate = nearest } : f;
        })];

        // The figure's clause tells of another kind of happening than the date's clause.
        bool OtherHappening(Figure f, DateMention d)
        {
            var lower = text.ToLowerInvariant();
            var (fs, fe) = ClauseAround(text, f.Start, f.End);
            var (ds, de) = ClauseAround(text, d.Start, d.End);
            var figureKinds = Lexicon.KindsIn(lower[fs..fe]).ToHashSet();
            return figureKinds.Count > 0 && !Lexicon.KindsIn(lower[ds..de]).Any(figureKinds.Contains);
        }

        // Characters between figure and date; a clause break between them ("; ", ", and ", ", while ") counts as far.
        int Distance(Figure f, DateMention d)
        {
            var (from, to) = d.End <= f.Start ? (d.End, f.Start) : (f.End, d.Start);
            var between = text[Math.Min(from, to)..Math.Max(from, to)];
            // "deported 41,300 Icelanders in 2022": a date right after the figure, with no comma between, is its date.
            var gap = d.End <= f.Start ? between.Length : between.Contains(',', StringComparison.Ordinal) ? between.Length + 5 : Math.Max(0, between.Length - 100);
            var leading = text[..d.Start].Trim('*', '_', ' ').Length == 0; // a timeline item's date governs the whole item
            return !leading && (ClauseBreak().IsMatch(between) || between.Contains(", and ", StringComparison.Ordinal)) ? gap + 1000 : gap;
        }
    }

    [GeneratedRegex(@"\b\w+ed\s+(?:in|since)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex ParticipleBefore();

    /// <summary>"The two riots in November 2018 and May 2019 resulted in over 27 and 32 casualties, respectively": each figure gets its own date or place.</summary>
    private static List<Figure> Respectively(string text, string lower, List<Figure> figures, IReadOnlyList<DateMention> dates)
    {
        var at = lower.IndexOf("respectively", StringComparison.Ordinal);
        if (at < 0)
        {
            return figures;
        }
        var bound = figures.Where(f => !f.IsSum && f.End <= at).ToList();
        // A sum across the "respectively" list is no sum; a sum earlier in the sentence stands ("nine guards and four civilians … and
        // in the north and the south, 57 and 112 homes …, respectively").
        var lastList = Places().Matches(text[..at]).LastOrDefault();
        var listStart = lastList is not null ? lastList.Index : bound.Count >= 2 ? bound[^2].Start : at;
        var result = figures.Where(f => !(f.IsSum && f.End <= at && f.End > listStart)).ToList();
        var firstFigure = bound.Count > 0 ? bound.Min(f => f.Start) : at;
        var boundDates = dates.Where(d => d.Start < firstFigure).ToList();
        // The places may stand after an earlier figure of the sentence ("offering €20 to €50 …, and bought votes in X and Y,
        // spending €86,000 and €41,000 there, respectively").
        var places = Places().Matches(text[..at]).Select(m => m.Groups["a"].Value).ToList();
        List<string>? anchors = null;
        var datesBefore = dates.Where(d => d.End <= at).ToList();
        if (datesBefore.Count >= 2 && bound.Count > datesBefore.Count)
        {
            // The list "respectively" closes is the last one: "the two prison riots in November 2018 and May 2019 … 27 and 32".
            var tail = bound.Skip(bound.Count - datesBefore.Count).ToList();
            if (datesBefore.All(d => d.End <= tail[0].Start))
            {
                (bound, boundDates) = (tail, datesBefore);
            }
        }
        if (boundDates.Count == bound.Count && bound.Count >= 2)
        {
            for (var k = 0; k < bound.Count; k++)
            {
                result[result.IndexOf(bound[k])] = bound[k] with { BoundDate = boundDates[k] };
            }
            return [.. result.Where(f => !(f.IsSum && bound.Any(b => b.Start >= f.Start && b.End <= f.End)))];
        }
        else if (places.Count > 0)
        {
            var last = Places().Matches(text[..at]).Last();
            var list = new[] { last.Groups["a"].Value, last.Groups["b"].Value }.Where(s => s.Length > 0).ToList();
            var after = bound.Where(f => f.Start >= last.Index + last.Length).ToList();
            if (after.Count == list.Count)
            {
                anchors = list;
                bound = after;
            }
        }
        if (anchors is null)
        {
            // "respectively" we cannot resolve: the figures of its list are someone's, but we cannot tell whose.
            foreach (var f in bound.Where(f => f.Start >= listStart || bound.Count <= 2))
            {
                result[result.IndexOf(f)] = f with { Unbound = true };
            }
            return result;
        }
        for (var k = 0; k < bound.Count; k++)
        {
            var index = result.IndexOf(bound[k]);
            result[index] = bound[k] with { BoundPlace = anchors[k] };
        }
        return result;
    }

    /// <summary>
    /// "4 of the escapees had been killed", "three of the hostages were freed": the part is what befell it — a verb of being
    /// right after the group's noun says so ("four of the inmates killed were …" is a part of the killed, not what befell them).
    /// </summary>
    private static bool PartBefallen(IReadOnlyList<Token> tokens, int nounAt) =>
        nounAt + 1 < tokens.Count && tokens[nounAt].Type == TokenType.Word
        && tokens[nounAt + 1].Lower is "were" or "was" or "had" or "have" or "has" or "are" or "died";

    private static string Singular(string noun) =>
        noun.EndsWith("ies", StringComparison.Ordinal) ? noun[..^3] + "y" : noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) ? noun[..^1] : noun;

    [GeneratedRegex(@"^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex(@"[;:—–()]|\b(?:while|although|whereas|but)\b")]
    private static partial Regex ClauseBreak();

    /// <summary>What joins two parts of a list: "and", "as well as", a comma, after up to six words ("soldiers, ", "security officers and ").</summary>
    [GeneratedRegex(@"^\s*(?:[\p{L}-]+\s+){0,6}(?:,\s*)?(?:and|as well as|plus|,)\s*$|^\s*(?:[\p{L}-]+\s+){0,5}[\p{L}-]*,\s*(?:and\s+)?$")]
    private static partial Regex Joiner();

    [GeneratedRegex(@"\b(?<a>[A-Z][\p{L}-]+)(?:,\s*[A-Z][\p{L}-]+)*,?\s+and\s+(?<b>[A-Z][\p{L}-]+)")]
    private static partial Regex Places();
}
