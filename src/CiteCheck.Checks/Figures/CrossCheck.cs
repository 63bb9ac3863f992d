using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using CiteCheck.Model;

namespace CiteCheck.Checks.Figures;

/// <summary>
/// The figure cross-check: finds every event the report tells more than once with figures that cannot all be true.
/// Steps: read each claim's facts (<see cref="FactReader"/>); pair claims that share a distinctive key (a place or actor,
/// a content word, a figure, a month) through an inverted index, so no claim is compared with every other; weigh the evidence
/// that a pair tells one event (<see cref="Evidence"/>); compare their figures measure by measure (<see cref="FigureComparer"/>);
/// and gather the conflicts into discrepancies, one per event and measure, with every side and its sources.
/// People's names are compared across the whole report: one person spelled two ways is a finding.
/// </summary>
public static class CrossCheck
{
    /// <summary>Keys shared by more claims than this are too common to pair on.</summary>
    private const int MaxPosting = 40;

    /// <summary>More distinct values than this on one measure of one "event" means several events, not one told twice.</summary>
    private const int MaxSides = 3;

    public static ImmutableArray<Discrepancy> Run(Document document) => Run(document, FactReader.Read(document));

    /// <summary>The cross-check, reading each claim's facts through <paramref name="cache"/> (a watch session's rebuilds): the same discrepancies as without it.</summary>
    public static ImmutableArray<Discrepancy> Run(Document document, FactCache? cache) => Run(document, FactReader.Read(document, cache));

    public static ImmutableArray<Discrepancy> Run(Document document, IReadOnlyList<ClaimFacts> facts)
    {
        var frequency = DocumentFrequency(facts);
        var limit = Math.Max(8, (int)(facts.Count * 0.15));
        bool Distinctive(string key) => frequency.TryGetValue(key, out var n) && n <= limit;
        // Looser: a word most claims do not use. Used to confirm a date conflict between claims the report already ties into one event.
        bool Informative(string key) => frequency.TryGetValue(key, out var n) && n <= Math.Max(10, facts.Count / 4);

        var edges = new List<Edge>();
        var events = new UnionFind(facts.Count);
        var nearDates = new List<(ClaimFacts A, ClaimFacts B, Evidence Evidence)>();
        foreach (var (i, j) in CandidatePairs(facts, Distinctive))
        {
            var a = facts[i];
            var b = facts[j];
            if (a.InTimeline && b.InTimeline)
            {
                continue; // a timeline lists each event once: two items are two events
            }
            var evidence = Evidence.Between(a, b, Distinctive, distinctivePlace: Informative);
            if (evidence.SameEvent && evidence.Date == DateRelation.Same)
            {
                events.Union(i, j);
            }
            if (evidence.Date != DateRelation.Far || a.Figures.Any(f => f.Undated || f.BoundDate is not null) || b.Figures.Any(f => f.Undated || f.BoundDate is not null))
            {
                edges.AddRange(CompareFigures(a, b, evidence));
            }
            if (evidence.SameStoryCloseDate && (a.EventDates.Count == 0 || b.EventDates.Count == 0) && !Chronicle(a, b)
                && a.OwnDates.Any(d => d.Precision == DatePrecision.Day) && b.OwnDates.Any(d => d.Precision == DatePrecision.Day))
            {
                // one story in other words, no kind of happening named, dated a day apart
                edges.Add(DateEdge(a, b) with { Rule = "one story told in other words, dated a day apart" });
            }
            else if (a.EventDates.Count > 0 && b.EventDates.Count > 0 && evidence.Date != DateRelation.Same)
            {
                var byEventDate = Evidence.Between(a, b, Distinctive, eventDatesOnly: true, distinctivePlace: Informative);
                if (Chronicle(a, b))
                {
                    // told in order, a few paragraphs apart in one section: the next day of a story, not a second date for it
                }
                else if (byEventDate.SameStoryCloseDate && !(byEventDate.SharedKind && byEventDate.SameDatedKind))
                {
                    edges.Add(DateEdge(a, b) with { Rule = "one story told in other words, dated a day apart" });
                }
                else if (byEventDate.Date == DateRelation.Near && byEventDate.SharedKind && byEventDate.SameDatedKind && !byEventDate.PlannedVersusDone)
                {
                    nearDates.Add((a, b, byEventDate));
                    nearDates.Add((a, b, Evidence.Between(a, b, Informative, eventDatesOnly: true) with { PlannedVersusDone = true }));
                }
            }
        }
        // Dates: a pair that agrees on everything but the date, or that the rest of the report ties into one event.
        for (var k = 0; k < nearDates.Count; k += 2)
        {
            var (a, b, strict) = nearDates[k];
            var loose = nearDates[k + 1].Evidence;
            if (strict.SameEventOtherDate || (events.Find(a.Order) == events.Find(b.Order) && loose.SharedProper + loose.SharedStems >= 2))
            {
                edges.Add(DateEdge(a, b) with
                {
                    Rule = strict.SameEventOtherDate ? "one kind of happening, dated in both, with places and words in common: near but different dates"
                        : "claims the rest of the report ties into one event, dated differently",
                });
            }
        }
        foreach (var f in facts)
        {
            edges.AddRange(AttributedWithin(f));
        }
        edges.AddRange(Populations(facts));
        var tied = edges.Select(e => (Math.Min(e.A.Order, e.B.Order), Math.Max(e.A.Order, e.B.Order), e.Kind)).ToHashSet();
        edges.AddRange(OneNounTwoValues(facts).Concat(OneThingTwoValues(facts)).Concat(OneRangeTwoValues(facts)).Where(e => !tied.Contains((Math.Min(e.A.Order, e.B.Order), Math.Max(e.A.Order, e.B.Order), e.Kind))));
        var discrepancies = new List<Discrepancy>();
        discrepancies.AddRange(Assemble(edges, facts, Distinctive));
        discrepancies.AddRange(NameVariants(facts));
        return UniqueIds(discrepancies.OrderBy(d => d.Claims.Min(c => c.Span.Start.Offset)).ThenBy(d => d.Id, StringComparer.Ordinal));
    }

    /// <summary>What the first pair of a discrepancy shares, and the rule that tied it: the evidence a reviewer reads.</summary>
    private static DiscrepancyEvidence Why(Edge edge, Func<string, bool> distinctive)
    {
        var (a, b) = (edge.A, edge.B);
        var dates = a == b ? "one sentence" : Evidence.Relation(a.Dates, b.Dates) switch
        {
            DateRelation.Same => "the same date",
            DateRelation.Compatible => "compatible dates (one is only a year or a season)",
            DateRelation.Near => "near but different dates",
            DateRelation.Far => "far apart dates",
            _ => "no date on one side",
        };
        if (a == b)
        {
            return new DiscrepancyEvidence(edge.Rule, dates, [], [], [.. a.Kinds.Order(StringComparer.Ordinal)]);
        }
        return new DiscrepancyEvidence(
            edge.Rule,
            dates,
            [.. a.Proper.Where(b.Proper.Contains).Order(StringComparer.Ordinal)],
            [.. a.Stems.Where(s => b.Stems.Contains(s) && !s.StartsWith('#') && distinctive(s)).Order(StringComparer.Ordinal)],
            [.. a.Kinds.Where(b.Kinds.Contains).Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// A section that tells a story day by day ("On 16 January … On 17 January …"): two claims of one section, at most
    /// three blocks apart, whose dates run forward with the text.
    /// </summary>
    private static bool Chronicle(ClaimFacts a, ClaimFacts b)
    {
        var (first, second) = a.Order < b.Order ? (a, b) : (b, a);
        return first.Block.SectionIndex == second.Block.SectionIndex && !first.InTimeline && !second.InTimeline
            && second.Block.Index - first.Block.Index is >= 1 and <= 3
            && first.EventDates.Count > 0 && second.EventDates.Count > 0 && first.EventDates.Max(d => d.From) < second.EventDates.Min(d => d.From);
    }

    /// <summary>
    /// An id is a fingerprint of event, measure and values, so a report that tells the same conflict twice (a chapter
    /// pasted twice) would give two discrepancies one id: the later ones get "-2", "-3", … in the order of the text.
    /// </summary>
    public static ImmutableArray<Discrepancy> UniqueIds(IEnumerable<Discrepancy> ordered)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<Discrepancy>();
        foreach (var d in ordered)
        {
            var n = seen[d.Id] = seen.GetValueOrDefault(d.Id) + 1;
            result.Add(n == 1 ? d : d with { Id = $"{d.Id}-{n}" });
        }
        return result.ToImmutable();
    }

    /// <summary>A conflict between two claims (or two figures of one claim) on one measure.</summary>
    private sealed record Edge(DiscrepancyKind Kind, string Measure, ClaimFacts A, string ValueA, string CanonA, ClaimFacts B, string ValueB, string CanonB, bool Attributed, Figure? FigureA, Figure? FigureB)
    {
        /// <summary>The rule that tied the two claims, in a reviewer's words.</summary>
        public string Rule { get; init; } = "one event on the same occasion, figures of one measure that cannot both be true";
    }

    private static IEnumerable<Edge> CompareFigures(ClaimFacts a, ClaimFacts b, Evidence evidence)
    {
        foreach (var key in a.Figures.Select(f => MeasureKey(f.Measure)).Intersect(b.Figures.Select(f => MeasureKey(f.Measure))).Distinct())
        {
            // One spelling of the unit whichever claim comes first ("amount:usd" before "amount:dollars").
            var measure = a.Figures.Concat(b.Figures).Select(f => f.Measure).Where(m => MeasureKey(m) == key).Min(StringComparer.Ordinal)!;
            if (measure.Contains('?', StringComparison.Ordinal) || measure == "population")
            {
                continue;
            }
            // A count with no outcome ("seven tourists") says little of what it measures: it is compared only when both claims
            // count the same thing on the same occasion, in the same place ("31 physical attacks on journalists in 2022").
            var bare = measure.StartsWith("count:", StringComparison.Ordinal);
            if (bare && !(evidence.SharedProper >= 1 && evidence.SharedKind))
            {
                continue;
            }
            var left = a.Figures.Where(f => MeasureKey(f.Measure) == key && !f.Unbound && Applies(f, b)).ToList();
            var right = b.Figures.Where(f => MeasureKey(f.Measure) == key && !f.Unbound && Applies(f, a)).ToList();
            // Only figures that count the same people can contradict each other: "13 had been killed" (the attackers) and
            // "killing 9 police officers" do not.
            var comparable = left.SelectMany(x => right.Where(y => (SameCounted(x, y) || WholeToll(x, a, y, b, evidence) || SameNamedSum(x, y, evidence) || OnlySums(x, a, y, b, evidence)) && OwnersMentioned(x, a, y, b) && SameScope(x, a, y, b)
                && (bare ? x.Phrase.Length > 0 && x.Phrase == y.Phrase && Evidence.Relation(DatesOf(x, a), DatesOf(y, b)) is DateRelation.Same or DateRelation.Compatible
                    : SameOccasion(x, y, evidence with { Date = Evidence.Relation(DatesOf(x, a), DatesOf(y, b)) }, DatesOf(x, a).Count == 0 && DatesOf(y, b).Count == 0))).Select(y => (x, y))).ToList();
            if (comparable.Count == 0)
            {
                continue;
            }
            if (comparable[0].x.Type is FigureType.Percent or FigureType.Amount)
            {
                // Shares and sums are matched holder by holder: a share none of whose counterparts agree with it.
                var lone = comparable.GroupBy(p => p.x).FirstOrDefault(g => !g.Any(p => FigureComparer.Compatible(p.x, p.y)));
                if (lone is null)
                {
                    continue;
                }
                left = [lone.Key];
                right = [.. lone.Select(p => p.y)];
            }
            else if (comparable.Any(p => FigureComparer.Compatible(p.x, p.y)))
            {
                continue; // counts: some reading agrees (a sum of parts with a total, a total with a total)
            }
            else
            {
                left = [.. comparable.Select(p => p.x).Distinct()];
                right = [.. comparable.Select(p => p.y).Distinct()];
            }
            var x = Representative(left);
            var y = Representative(right);
            var attributed = left.Any(f => f.Attributed) || right.Any(f => f.Attributed);
            yield return new Edge(KindOf(x), measure, a, x.Written, x.Canonical, b, y.Written, y.Canonical, attributed, x, y);
        }
    }

    /// <summary>
    /// Whether two figures of one measure speak of one occasion: the claims tell one event, or — for a share or a sum whose holder
    /// both name ("remittances … in 2022") — the dates agree and a place, actor or kind of happening is shared.
    /// </summary>
    private static bool SameOccasion(Figure x, Figure y, Evidence evidence, bool bothUndated) =>
        evidence.SameEvent
        || (x.Type is FigureType.Percent or FigureType.Amount && evidence.Date is DateRelation.Same or DateRelation.Compatible && (evidence.SharedProper >= 1 || evidence.SharedKind))
        // Two ranges of one thing that share one end exactly ("between 3,200 and 3,500 fighters", "3,200 to 3,800 fighters")
        // are one estimate whose other end drifted: a coincidence of an end and a noun is rare, a copy is not.
        || (x.IsQuantityRange && (x.Value == y.Value || x.High == y.High)
            && evidence.Date != DateRelation.Far)
        // A size of one thing ("plume", "closure": SameCounted) told twice, on dates that do not set the two apart.
        || (x.IsSize && evidence.Date != DateRelation.Far)
        // A share or sum with no date is not compared with a dated one: "unemployment of 31%" says nothing of June 2021's.
        || (x.Type is FigureType.Percent or FigureType.Amount && evidence.Date == DateRelation.Unknown && evidence.SharedProper >= 1 && evidence.SharedKind && bothUndated)
        // An article about one happening tells its toll in the lead and in a table with no date and no place: one outcome
        // of one named group, both undated, within a quarter of each other ("31 hostages were killed" / "Hostages | 34").
        || (x.Type == FigureType.Count && evidence.Date == DateRelation.Unknown && evidence.SharedKind && bothUndated
            && !x.Measure.StartsWith("count:", StringComparison.Ordinal) && x.Noun is { } nx && y.Noun is { } ny && !GenericNouns.Contains(nx)
            && string.Equals(nx, ny, StringComparison.OrdinalIgnoreCase) && Math.Max(x.Value, y.Value) >= 20
            && Math.Abs(x.Value - y.Value) <= Math.Max(x.Value, y.Value) / 4)
        || (x.Type == FigureType.Count && Lexicon.Statistics.Contains(x.Measure.Split(':')[0]) && evidence.Date is DateRelation.Same or DateRelation.Compatible && evidence.SharedKind
            && (evidence.SharedProper > 0 || !evidence.BothNamePlaces));

    /// <summary>
    /// A figure of one place is compared with a figure of the same place, or with an unplaced one whose sentence names
    /// that place: "In X district, 41 died" is not the whole disaster's 234, nor Y district's 58.
    /// </summary>
    private static bool SameScope(Figure x, ClaimFacts xClaim, Figure y, ClaimFacts yClaim)
    {
        if (x.Scope is null && y.Scope is null)
        {
            return true;
        }
        if (x.Scope is not null && y.Scope is not null)
        {
            return Names.Folded(x.Scope) == Names.Folded(y.Scope) || x.Scope.Contains(y.Scope, StringComparison.Ordinal) || y.Scope.Contains(x.Scope, StringComparison.Ordinal);
        }
        var (scope, other) = x.Scope is not null ? (x.Scope, yClaim) : (y.Scope!, xClaim);
        // The other claim names the place itself, or takes it from the sentence before ("… in X. Twelve people died").
        return scope.Split(' ').Any(word => other.Proper.Contains(word) || other.Claim.Text.Contains(word, StringComparison.Ordinal));
    }

    /// <summary>
    /// A share or sum with an owner ("Doe's 19.8 percent") is compared with an unowned one only if the unowned one's claim names
    /// that owner: "Smith is re-elected with 71.4 percent" says nothing of Doe's share.
    /// </summary>
    private static bool OwnersMentioned(Figure x, ClaimFacts xClaim, Figure y, ClaimFacts yClaim)
    {
        if (x.Type is not (FigureType.Percent or FigureType.Amount) || (x.Owner is null) == (y.Owner is null))
        {
            return true;
        }
        var (owner, other) = x.Owner is not null ? (x.Owner, yClaim) : (y.Owner!, xClaim);
        return other.Claim.Text.Contains(owner, StringComparison.OrdinalIgnoreCase) || Abbreviates(owner, other.Claim.Text);
    }

    /// <summary>"UN" names the "United Nations", "IMF" the "International Monetary Fund": the initials of capitalised words in a row.</summary>
    private static bool Abbreviates(string owner, string text)
    {
        if (owner.Length is < 2 or > 6)
        {
            return false;
        }
        var capitals = text.Split([' ', ',', ';', '(', ')', '"', '“', '”'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w is "of" or "for" or "and" or "the" ? '\0' : char.IsUpper(w[0]) ? char.ToLowerInvariant(w[0]) : ' ')
            .Where(c => c != '\0');
        return new string([.. capitals]).Contains(owner.ToLowerInvariant(), StringComparison.Ordinal);
    }

    /// <summary>When a figure happened: its own date in a sentence that dates several things, none when its clause has none, else its claim's.</summary>
    private static IReadOnlyList<DateMention> DatesOf(Figure f, ClaimFacts claim) =>
        f.BoundDate is { } d ? [d] : f.Undated ? [] : claim.Dates;

    private static readonly HashSet<string> GenericNouns = ["people", "persons", "individuals", "casualties", "deaths", "fatalities", "injuries", "dead", "victims", "lives"];

    /// <summary>
    /// A toll told once as a whole ("a death toll of 44", "44 were killed") and once as the toll of a named group ("the attack
    /// killed 41 villagers"), on the same day, each the only count of that outcome in its sentence: the sentence that names
    /// the group gives no other part that could close the gap, so the two speak of one toll. Only tolls of 20 or more within
    /// a quarter of each other: a small toll of a group ("two soldiers") beside a whole one ("four") is a part, not a copy.
    /// </summary>
    private static bool WholeToll(Figure x, ClaimFacts a, Figure y, ClaimFacts b, Evidence evidence) =>
        x.Type == FigureType.Count && !x.Measure.StartsWith("count:", StringComparison.Ordinal) && (x.Noun is null) != (y.Noun is null)
        && evidence.Date == DateRelation.Same && evidence.SameEvent && !x.IsSum && !y.IsSum
        && Math.Max(x.Value, y.Value) >= 20 && Math.Abs(x.Value - y.Value) <= Math.Max(x.Value, y.Value) / 4
        && a.Figures.Count(f => f.Measure == x.Measure) == 1 && b.Figures.Count(f => f.Measure == y.Measure) == 1;

    /// <summary>
    /// A sum or share whose own words are too few to tell what it is of ("seeking $58 million") is still one named sum
    /// when the two sentences share the same day and two distinctive words ("flash appeal"), with owners that agree.
    /// </summary>
    private static bool SameNamedSum(Figure a, Figure b, Evidence evidence) =>
        a.Type is FigureType.Percent or FigureType.Amount && (a.Owner is null || b.Owner is null || a.Owner == b.Owner)
        && evidence.Date == DateRelation.Same && evidence.SharedStems >= 2;

    /// <summary>
    /// Two sentences that tell one event, each with a single sum in one currency, speak of one sum ("a ransom of $4.2
    /// million was paid" / "for whom it received $2.4 million"): every measure a pair disagrees on is reported.
    /// </summary>
    private static bool OnlySums(Figure x, ClaimFacts a, Figure y, ClaimFacts b, Evidence evidence) =>
        x.Type == FigureType.Amount && evidence.SameEvent && evidence.Date is DateRelation.Same or DateRelation.Compatible
        && a.Figures.Count(f => MeasureKey(f.Measure) == MeasureKey(x.Measure)) == 1 && b.Figures.Count(f => MeasureKey(f.Measure) == MeasureKey(y.Measure)) == 1;

    /// <summary>
    /// A measure with its currency written one way: "USD 450,000" and "540,000 dollars", "KRW 100 million" and "10 million
    /// won" are sums in one unit (Words/currency-codes.txt). A code the lists do not know stays itself.
    /// </summary>
    private static string MeasureKey(string measure)
    {
        if (!measure.StartsWith("amount:", StringComparison.Ordinal) && !measure.StartsWith("range:", StringComparison.Ordinal))
        {
            return measure;
        }
        var parts = measure.Split(':');
        return parts.Length >= 2 && Lexicon.CurrencyName(parts[1]) is { } name && name != parts[1]
            ? string.Join(':', [parts[0], name, .. parts[2..]])
            : measure;
    }

    private static bool SameCounted(Figure a, Figure b)
    {
        if (a.Type is FigureType.Percent or FigureType.Amount)
        {
            // Shares or sums of one holder: owners that agree (or are not named), and something said of both.
            return (a.Owner is null || b.Owner is null || a.Owner == b.Owner) && (a.Owner is not null && a.Owner == b.Owner || a.Things.Overlaps(b.Things));
        }
        if (a.IsSize)
        {
            // "a 470-kilometre plume", "the plume travelled 410 kilometres": one thing's size, told in two words at least and
            // within a factor of three (a 40-kilometre coast and a 2-metre surge are two things of one storm).
            return a.Things.Intersect(b.Things).Count() >= 2 && Math.Max(a.Value, b.Value) <= 3 * Math.Min(a.Value, b.Value);
        }
        if (a.Type != FigureType.Count || a.Noun == b.Noun)
        {
            return true;
        }
        if (a.Noun is null || b.Noun is null)
        {
            return a.Noun is null ? GenericNouns.Contains(b.Noun!) : GenericNouns.Contains(a.Noun);
        }
        // Two named groups must be one group: "Northerners" killed are not "Southerners" killed; inmates are prisoners.
        // A noun that names the outcome itself ("escapees", "hostages", "deaths") says no more than the outcome does.
        return GenericNouns.Contains(a.Noun) || GenericNouns.Contains(b.Noun) || Group(a.Noun) == Group(b.Noun)
            || FigureExtractor.OutcomeNamedBy(a.Noun) is not null || FigureExtractor.OutcomeNamedBy(b.Noun) is not null;
    }

    private static readonly string[][] NounGroups =
    [
        ["inmate", "prisoner", "detainee", "convict"],
        ["protester", "protestor", "demonstrator", "marcher"],
        ["soldier", "troop", "servicemen", "serviceman"],
        ["police", "policemen", "policeman", "officer"],
        ["civilian", "resident", "villager", "bystander", "passer-by", "passers-by"],
        ["militant", "fighter", "insurgent", "rebel", "gunmen", "gunman", "attacker", "assailant"],
    ];

    private static string Group(string noun)
    {
        var stem = noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) ? noun[..^1] : noun;
        return NounGroups.FirstOrDefault(g => g.Contains(stem) || g.Contains(noun))?[0] ?? stem;
    }

    /// <summary>
    /// A country's population is one figure, whatever event a sentence tells: compare every population the report gives
    /// for the country it is about (or in its front matter), unless the claims date it years apart.
    /// </summary>
    private static IEnumerable<Edge> Populations(IReadOnlyList<ClaimFacts> facts)
    {
        var subject = facts.SelectMany(f => f.Proper).GroupBy(p => p).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var withPopulation = facts.Where(f => f.Figures.Any(x => x.Measure == "population") && (f.InFrontMatter || (subject is not null && f.Claim.Text.Contains(subject, StringComparison.Ordinal)))).ToList();
        for (var i = 0; i < withPopulation.Count; i++)
        {
            for (var j = i + 1; j < withPopulation.Count; j++)
            {
                var (a, b) = (withPopulation[i], withPopulation[j]);
                if (a.Block.Index == b.Block.Index || (!a.InFrontMatter && !b.InFrontMatter && Evidence.Relation(a.Dates, b.Dates) == DateRelation.Far))
                {
                    continue;
                }
                var x = a.Figures.First(f => f.Measure == "population");
                var y = b.Figures.First(f => f.Measure == "population");
                if (!FigureComparer.Compatible(x, y))
                {
                    yield return new Edge(DiscrepancyKind.Count, "population", a, x.Written, x.Canonical, b, y.Written, y.Canonical, false, x, y)
                    {
                        Rule = "two populations of one place that cannot both be true",
                    };
                }
            }
        }
    }

    /// <summary>
    /// A noun the whole report counts with two values only, close to each other: "eleven hospitals were destroyed" in one
    /// section and "14 hospitals were destroyed" in another, "five soldiers" and "six soldiers were killed". A report that
    /// speaks of one group of things twice and gives it two numbers has drifted, whatever words tell the event around
    /// them; a report that counts the noun three times or more with other values speaks of several groups, and is left to
    /// the event-by-event comparison. Values more than three tenths apart, claims of one block, dates years apart and two
    /// timeline items are not paired.
    /// </summary>
    private static IEnumerable<Edge> OneNounTwoValues(IReadOnlyList<ClaimFacts> facts)
    {
        var byNoun = facts
            .SelectMany(f => f.Figures.Where(x => x.Type == FigureType.Count && !x.IsSize && !x.IsSum && !x.Attributed && !x.Unbound
                    && x.Noun is { } n && !GenericNouns.Contains(n.ToLowerInvariant()))
                .Select(x => (Facts: f, Figure: x)))
            .GroupBy(p => Group(p.Figure.Noun!.ToLowerInvariant()))
            .ToList();
        // A noun counted with more values may still hold one outcome of it counted twice ("325 students" aboard / "324
        // students" aboard, beside "250 students" killed); a noun that counts several things is weaker evidence, so the two
        // values must lie within a fifth of each other.
        var byOutcome = byNoun.Where(g => g.Select(p => p.Figure.Value).Distinct().Count() > 2)
            .SelectMany(g => g.GroupBy(p => $"{g.Key}|{p.Figure.Measure}"))
            .Select(g => (Group: (IEnumerable<(ClaimFacts Facts, Figure Figure)>)g, Ratio: 1.2m));
        foreach (var (group, ratio) in byNoun.Select(g => (Group: (IEnumerable<(ClaimFacts Facts, Figure Figure)>)g, Ratio: 1.3m)).Concat(byOutcome))
        {
            var values = group.Select(p => p.Figure.Value).Distinct().Order().ToList();
            if (values.Count != 2 || values[1] > values[0] * ratio)
            {
                continue;
            }
            var low = group.Where(p => p.Figure.Value == values[0]).ToList();
            var high = group.Where(p => p.Figure.Value == values[1]).ToList();
            foreach (var (a, x) in low)
            {
                foreach (var (b, y) in high)
                {
                    if (a.Block.Index == b.Block.Index || (a.InTimeline && b.InTimeline) || FigureComparer.Compatible(x, y) || !SameScope(x, a, y, b)
                        || Evidence.Relation(DatesOf(x, a), DatesOf(y, b)) == DateRelation.Far)
                    {
                        continue;
                    }
                    var (first, second, fx, fy) = a.Order < b.Order ? (a, b, x, y) : (b, a, y, x);
                    var measure = x.Measure.StartsWith("count:", StringComparison.Ordinal) ? y.Measure : x.Measure;
                    yield return new Edge(DiscrepancyKind.Count, measure, first, fx.Written, fx.Canonical, second, fy.Written, fy.Canonical, false, fx, fy)
                    {
                        Rule = "one noun the report counts with two close values only",
                    };
                }
            }
        }
    }

    /// <summary>
    /// A share or a sum of something the report rarely speaks of, told twice with two values: "62 percent of export
    /// earnings" in the overview and "58 percent of export earnings" in a section; "a €370 million loan" and "the loan of
    /// €310 million". What a share or sum is of is read from its words (`Figure.Things`); a word that at most three shares
    /// or sums use names one quantity, unless a third value is given for it (then the report speaks of several). Same
    /// unit, same holder, within three tenths, dates not years apart, not one block, not two timeline items.
    /// </summary>
    private static IEnumerable<Edge> OneThingTwoValues(IReadOnlyList<ClaimFacts> facts)
    {
        var figures = facts
            .SelectMany(f => f.Figures.Where(x => x.Type is FigureType.Percent or FigureType.Amount && !x.IsSum && !x.Attributed && !x.Unbound)
                .Select(x => (Facts: f, Figure: x, Unit: x.Type == FigureType.Percent ? "percent" : MeasureKey(x.Measure).Split(':')[1])))
            .ToList();
        var uses = figures.SelectMany(p => p.Figure.Things).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        for (var i = 0; i < figures.Count; i++)
        {
            for (var j = i + 1; j < figures.Count; j++)
            {
                var (a, x, unit) = figures[i];
                var (b, y, _) = figures[j];
                if (x.Type != y.Type || unit != figures[j].Unit || x.Value == y.Value || a.Block.Index == b.Block.Index || (a.InTimeline && b.InTimeline)
                    || x.Owner != y.Owner || Math.Max(x.Value, y.Value) > 1.3m * Math.Min(x.Value, y.Value) || FigureComparer.Compatible(x, y)
                    || Evidence.Relation(DatesOf(x, a), DatesOf(y, b)) == DateRelation.Far)
                {
                    continue;
                }
                var shared = x.Things.Where(t => y.Things.Contains(t) && uses[t] <= 3).ToHashSet(StringComparer.Ordinal);
                if (shared.Count == 0 || figures.Any(z => z.Figure.Type == x.Type && z.Unit == unit && z.Figure.Value != x.Value && z.Figure.Value != y.Value
                    && z.Figure.Things.Overlaps(shared)))
                {
                    continue;
                }
                yield return new Edge(KindOf(x), MeasureKey(x.Measure), a, x.Written, x.Canonical, b, y.Written, y.Canonical, false, x, y)
                {
                    Rule = "a share or sum of one rarely named thing, told with two values",
                };
            }
        }
    }

    /// <summary>
    /// A measure the whole report gives as two ranges only, sharing one end ("a band 10 to 15 kilometres long" / "a band 10 to
    /// 13 kilometres long", "five to 30 years" / "15 to 30 years"): one estimate whose other end drifted, however far apart
    /// the dates of the sentences that tell it (the wreckage fell in July and was recovered in November). A report that
    /// gives a measure three ranges or more is left to the event-by-event comparison.
    /// </summary>
    private static IEnumerable<Edge> OneRangeTwoValues(IReadOnlyList<ClaimFacts> facts)
    {
        var byMeasure = facts
            .SelectMany(f => f.Figures.Where(x => x.Type == FigureType.Range && !x.Unbound && !x.Attributed).Select(x => (Facts: f, Figure: x)))
            .GroupBy(p => MeasureKey(p.Figure.Measure), StringComparer.Ordinal);
        foreach (var group in byMeasure)
        {
            var ranges = group.Select(p => p.Figure.Canonical).Distinct(StringComparer.Ordinal).ToList();
            if (ranges.Count != 2)
            {
                continue;
            }
            foreach (var (a, x) in group.Where(p => p.Figure.Canonical == ranges[0]))
            {
                foreach (var (b, y) in group.Where(p => p.Figure.Canonical == ranges[1]))
                {
                    if (a.Block.Index == b.Block.Index || (a.InTimeline && b.InTimeline) || !(x.Value == y.Value || (x.High is { } h && h == y.High)))
                    {
                        continue;
                    }
                    var (first, second, fx, fy) = a.Order < b.Order ? (a, b, x, y) : (b, a, y, x);
                    yield return new Edge(DiscrepancyKind.Range, group.Key, first, fx.Written, fx.Canonical, second, fy.Written, fy.Canonical, false, fx, fy)
                    {
                        Rule = "a measure the report gives as two ranges only, sharing one end",
                    };
                }
            }
        }
    }

    /// <summary>A figure bound to a date or place applies to another claim only if that claim shares the date or place.</summary>
    private static bool Applies(Figure f, ClaimFacts other)
    {
        if (f.BoundPlace is { } place)
        {
            return other.Proper.Contains(place) || other.Claim.Text.Contains(place, StringComparison.Ordinal);
        }
        return f.BoundDate is not { } date || other.Dates.Count == 0 || other.Dates.Any(date.Overlaps);
    }

    private static Figure Representative(List<Figure> figures) => figures.FirstOrDefault(f => f.IsSum) ?? figures[0];

    private static DiscrepancyKind KindOf(Figure f) => f.Type switch
    {
        FigureType.Range => DiscrepancyKind.Range,
        FigureType.Amount => DiscrepancyKind.Amount,
        FigureType.Percent => DiscrepancyKind.Percent,
        _ => DiscrepancyKind.Count,
    };

    private static IReadOnlyList<DateMention> Dated(ClaimFacts f) => f.EventDates.Count > 0 ? f.EventDates : f.OwnDates;

    private static Edge DateEdge(ClaimFacts a, ClaimFacts b)
    {
        // A claim that names no kind of happening has no event dates (the "other words" edge): its own dates stand in.
        var (x, y) = (from p in Dated(a) from q in Dated(b) where !p.Overlaps(q) orderby p.DistanceInDays(q) select (p, q)).First();
        return new Edge(DiscrepancyKind.Date, "date", a, x.Written, x.Canonical, b, y.Written, y.Canonical, false, null, null);
    }

    /// <summary>One claim that gives two different figures for one measure under attribution: the report itself explains the variance.</summary>
    private static IEnumerable<Edge> AttributedWithin(ClaimFacts f)
    {
        // Only counts: two shares in one sentence are nearly always shares of two things ("86% … and 88% …"). Two counts
        // of differently named people ("1,260 civilians", "9,606 people") are two counts, not one told two ways.
        foreach (var group in f.Figures.Where(x => x.Attributed && x.Type == FigureType.Count).GroupBy(x => x.Measure))
        {
            var list = group.ToList();
            for (var i = 1; i < list.Count; i++)
            {
                if (list[0].Value != list[i].Value && (list[0].Noun is null || list[i].Noun is null || string.Equals(list[0].Noun, list[i].Noun, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return new Edge(KindOf(list[0]), group.Key, f, list[0].Written, list[0].Canonical, f, list[i].Written, list[i].Canonical, true, list[0], list[i])
                    {
                        Rule = "one sentence sets two figures of one measure against each other under attribution",
                    };
                }
            }
        }
    }

    private static IEnumerable<Discrepancy> Assemble(List<Edge> edges, IReadOnlyList<ClaimFacts> facts, Func<string, bool> distinctive, bool split = true)
    {
        // One discrepancy per connected set of conflicting claims on one measure.
        var components = new UnionFind(facts.Count);
        foreach (var e in edges)
        {
            components.Union(e.A.Order, e.B.Order);
        }
        foreach (var byMeasure in edges.GroupBy(e => (e.Kind, e.Measure, Event: components.Find(e.A.Order))))
        {
            var list = byMeasure.ToList();
            // Sides: every (claim, value) on an edge; values that agree share a side.
            var entries = new List<(ClaimFacts Facts, string Value, string Canon, Figure? Figure)>();
            foreach (var e in list)
            {
                Add(e.A, e.ValueA, e.CanonA, e.FigureA);
                Add(e.B, e.ValueB, e.CanonB, e.FigureB);
            }
            var sides = new List<(string Canon, Figure? Figure)>();
            var claims = ImmutableArray.CreateBuilder<DiscrepancyClaim>();
            var attributedAlternatives = list.Any(e => e.A == e.B);
            foreach (var (f, value, canon, figure) in entries.OrderBy(x => x.Facts.Order))
            {
                // Values that agree share a side; a report's own alternative estimates ("at least 27", "closer to 50") are sides of their own.
                var side = sides.FindIndex(s => s.Canon == canon || (!attributedAlternatives && figure is not null && s.Figure is not null && FigureComparer.Compatible(figure, s.Figure)));
                if (side < 0)
                {
                    sides.Add((canon, figure));
                    side = sides.Count - 1;
                }
                claims.Add(new DiscrepancyClaim(f.Claim.Id, side, f.Claim.Span, f.Claim.Text, value, f.Claim.Sources, f.Section));
            }
            // Drift gives two versions of a figure, at most three (overview, section, timeline). Four or more values for
            // "one" event are several events lumped together (a battle's daily tolls, damage country by country, a running
            // total): no reviewer could act on such a finding.
            if (sides.Count > MaxSides && split && byMeasure.Key.Kind is not (DiscrepancyKind.Date or DiscrepancyKind.Name))
            {
                // Several events lumped together may still hold one figure told twice with a drift: keep only the pairs whose
                // values lie within a quarter of each other (27 and 29, 61.4 and 63.8 percent) and assemble them again.
                foreach (var d in Assemble([.. list.Where(Drift)], facts, distinctive, split: false))
                {
                    yield return d;
                }
                continue;
            }
            if (sides.Count < 2 || sides.Count > MaxSides)
            {
                continue;
            }
            var members = entries.Select(x => x.Facts).Distinct().ToList();
            // The noun as written ("tourists"), not its stem, names what a bare count counts.
            var noun = list.Select(e => e.FigureA?.Noun ?? e.FigureB?.Noun).FirstOrDefault(n => n is not null)?.ToLowerInvariant();
            var (eventKey, subject) = Subject(members, byMeasure.Key.Kind, byMeasure.Key.Measure, distinctive, noun);
            var attributed = list.Any(e => e.Attributed);
            var status = attributed ? DiscrepancyStatus.Explained : DiscrepancyStatus.Open;
            var note = attributed ? "the report itself attributes the different figures to different sources" : null;
            // Every value written, not each side's first: which of two agreeing values ("at least 53", "57") a side is
            // named by depends on the order of the text, and an id must not.
            var id = Fingerprint(byMeasure.Key.Kind, eventKey, byMeasure.Key.Measure, entries.Select(e => e.Canon));
            yield return new Discrepancy(id, byMeasure.Key.Kind, eventKey, subject, MeasureLabel(byMeasure.Key.Measure, noun), status, claims.ToImmutable(), note)
            {
                Evidence = Why(list[0], distinctive),
            };

            void Add(ClaimFacts f, string value, string canon, Figure? figure)
            {
                // One claim per block and value: a timeline item's second sentence repeats its first's date.
                if (!entries.Any(x => (x.Facts == f || x.Facts.Block.Index == f.Block.Index && f.Block.Kind == BlockKind.ListItem) && x.Canon == canon))
                {
                    entries.Add((f, value, canon, figure));
                }
            }
        }
    }

    /// <summary>Two exact (or "about") figures within a quarter of each other: the mark of one figure copied with a slip, not of two quantities.</summary>
    private static bool Drift(Edge edge)
    {
        // Bounds ("more than 50") and small counts (13 and 14 killed) fit too many events to single one out.
        if (edge.FigureA is not { } x || edge.FigureB is not { } y || x.Qualifier is not (Qualifier.Exact or Qualifier.About)
            || y.Qualifier is not (Qualifier.Exact or Qualifier.About) || (x.Type == FigureType.Count && Math.Max(x.Value, y.Value) < 20))
        {
            return false;
        }
        var (p, q) = (x.High ?? x.Value, y.High ?? y.Value);
        var (low, high) = (Math.Min(Math.Min(x.Value, y.Value), Math.Min(p, q)), Math.Max(p, q));
        return low > 0 && Math.Abs(x.Value - y.Value) <= 0.25m * Math.Max(x.Value, y.Value) && Math.Abs(p - q) <= 0.25m * high;
    }

    /// <summary>
    /// Surnames written alone where one of them is a close spelling of a person's surname: each written occurrence of
    /// either becomes a one-part mention, so the two spellings are compared like full names.
    /// </summary>
    private static IEnumerable<(ClaimFacts Facts, NameMention Name)> SurnamesAlone(IReadOnlyList<ClaimFacts> facts, List<(ClaimFacts Facts, NameMention Name)> mentions)
    {
        // Only surnames of plain people (named after a title or a role, never where a place stands), and only variants
        // written once or twice: a misspelling is rare beside the spelling the report keeps.
        var notPeople = mentions.Where(m => m.Name.NotAPerson).Select(m => m.Name.Last).ToHashSet(StringComparer.Ordinal);
        var surnames = mentions.Where(m => m.Name.Titled && !notPeople.Contains(m.Name.Last)).Select(m => m.Name.Last);
        // Proper words are carried to the sentences after them: count the sentences that write the word themselves.
        var uses = facts.SelectMany(f => f.Proper.Where(w => f.Claim.Text.Contains(w, StringComparison.Ordinal)))
            .GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var inLongerNames = mentions.SelectMany(m => m.Name.Parts.Take(m.Name.Parts.Count - 1)).ToHashSet(StringComparer.Ordinal);
        var standalone = facts.SelectMany(f => f.Proper.Where(w => Names.StandsAlone(f.Claim.Text, w))).ToHashSet(StringComparer.Ordinal);
        var pairs = Names.SurnameVariants(surnames, uses.Keys.Where(w => uses[w] <= 2 && standalone.Contains(w) && !notPeople.Contains(w) && !inLongerNames.Contains(w)));
        if (pairs.Count == 0)
        {
            yield break;
        }
        var words = pairs.SelectMany(p => new[] { p.Variant, p.Surname }).ToHashSet(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            foreach (var word in f.Proper.Where(w => words.Contains(w) && f.Claim.Text.Contains(w, StringComparison.Ordinal)))
            {
                var at = f.Claim.Text.IndexOf(word, StringComparison.Ordinal);
                yield return (f, new NameMention(word, [word], at, at + word.Length));
            }
        }
    }

    private static IEnumerable<Discrepancy> NameVariants(IReadOnlyList<ClaimFacts> facts)
    {
        var mentions = facts.SelectMany(f => f.Names.Select(n => (Facts: f, Name: n))).ToList();
        mentions.AddRange(SurnamesAlone(facts, mentions));
        var distinct = mentions.Select(m => m.Name.Written).Distinct().ToList();
        var byWritten = mentions.GroupBy(m => m.Name.Written).ToDictionary(g => g.Key, g => g.First().Name);
        // A spelling ever written where a place or a thing stands ("in X", "the X") is not a person's name.
        var notPeople = mentions.Where(m => m.Name.NotAPerson).Select(m => m.Name.Written).ToHashSet(StringComparer.Ordinal);
        var groups = new UnionFind(distinct.Count);
        var any = false;
        // Names are few; comparing each distinct pair within a bucket (part count, first letter of the surname) is cheap.
        var rolesOf = mentions.GroupBy(m => m.Name.Written).ToDictionary(g => g.Key, g => g.Select(m => m.Name).ToList());
        foreach (var bucket in distinct.Select((w, i) => (w, i)).GroupBy(x => (byWritten[x.w].Parts.Count, char.ToLowerInvariant(byWritten[x.w].Last[0]))))
        {
            var items = bucket.ToList();
            for (var x = 0; x < items.Count; x++)
            {
                for (var y = x + 1; y < items.Count; y++)
                {
                    var (p, q) = (byWritten[items[x].w], byWritten[items[y].w]);
                    if (notPeople.Contains(p.Written) || notPeople.Contains(q.Written))
                    {
                        continue;
                    }
                    if (Names.AreVariants(p, q) || rolesOf[items[x].w].Any(m => rolesOf[items[y].w].Any(n => Names.SameRoleOtherName(m, n))))
                    {
                        groups.Union(items[x].i, items[y].i);
                        any = true;
                    }
                }
            }
        }
        if (!any)
        {
            yield break;
        }
        foreach (var group in distinct.Select((w, i) => (w, i)).GroupBy(x => groups.Find(x.i)).Where(g => g.Count() > 1))
        {
            var spellings = group.Select(x => x.w).ToList();
            var claims = ImmutableArray.CreateBuilder<DiscrepancyClaim>();
            foreach (var (f, name) in mentions.Where(m => spellings.Contains(m.Name.Written)).OrderBy(m => m.Facts.Order).DistinctBy(m => (m.Facts.Order, m.Name.Written)))
            {
                claims.Add(new DiscrepancyClaim(f.Claim.Id, spellings.IndexOf(name.Written), f.Claim.Span, f.Claim.Text, name.Written, f.Claim.Sources, f.Section));
            }
            // Sides in order of first appearance.
            var order = claims.Select(c => c.Side).Distinct().ToList();
            var renumbered = claims.Select(c => c with { Side = order.IndexOf(c.Side) }).ToImmutableArray();
            var written = renumbered.OrderBy(c => c.Side).Select(c => c.Value).Distinct().ToList();
            var eventKey = "person:" + string.Join("/", spellings.Order(StringComparer.Ordinal));
            var id = Fingerprint(DiscrepancyKind.Name, eventKey, "name", spellings);
            yield return new Discrepancy(id, DiscrepancyKind.Name, eventKey, $"{string.Join(" / ", written)} — name", "name", DiscrepancyStatus.Open, renumbered, null)
            {
                Evidence = new DiscrepancyEvidence(
                    "one person's name written two ways: every part the same or a close spelling, or one surname with the same role beside both",
                    "names are compared across the whole report", [.. written], [], []),
            };
        }
    }

    /// <summary>"Harbour riot, November 2018 — killed": the most distinctive shared place or actor, the kind of happening, the month.</summary>
    private static (string Key, string Subject) Subject(List<ClaimFacts> members, DiscrepancyKind kind, string measure, Func<string, bool> distinctive, string? noun = null)
    {
        var proper = members.SelectMany(m => m.Proper.Where(distinctive)).GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(2).ToList();
        var kinds = members.SelectMany(m => m.Kinds).GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
        var date = members.SelectMany(m => m.Dates).Where(d => d.IsSpecific).OrderBy(d => d.From).FirstOrDefault()
            ?? members.SelectMany(m => m.Dates).OrderBy(d => d.From).FirstOrDefault();
        var what = string.Join(" ", proper.Concat(kinds is null ? [] : [kinds]));
        if (what.Length == 0)
        {
            what = "event";
        }
        var when = date?.MonthLabel;
        var subject = (when is null ? what : $"{what}, {when}") + " — " + (kind == DiscrepancyKind.Date ? "date" : MeasureLabel(measure, noun));
        var key = $"{string.Join("+", proper)}:{kinds}:{(date is null ? "" : date.From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))}";
        return (key, char.ToUpperInvariant(subject[0]) + subject[1..]);
    }

    private static string MeasureLabel(string measure, string? noun = null)
    {
        var parts = measure.Split(':');
        var detail = parts.Length > 1 ? parts[1] : null;
        return parts[0] switch
        {
            "percent" => "percentage",
            "amount" => detail is null ? "amount" : $"amount ({detail.ToUpperInvariant()})",
            "count" => $"number of {noun ?? detail}",
            "key" => detail ?? "value",
            "range" => $"range ({detail}s)",
            "sentence" => "sentence range",
            _ => detail is null ? parts[0] : $"{parts[0]} ({detail})",
        };
    }

    private static string Fingerprint(DiscrepancyKind kind, string eventKey, string measure, IEnumerable<string> values)
    {
        var text = $"{kind}|{eventKey}|{measure}|{string.Join("|", values.Distinct().Order(StringComparer.Ordinal))}";
        return "D" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
    }

    private static Dictionary<string, int> DocumentFrequency(IReadOnlyList<ClaimFacts> facts)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            foreach (var key in f.Proper.Concat(f.Stems).Distinct())
            {
                frequency[key] = frequency.GetValueOrDefault(key) + 1;
            }
        }
        return frequency;
    }

    /// <summary>
    /// Pairs of claims in different blocks that share a distinctive key (place, actor, content word, figure, month).
    /// Each key's claims are paired among themselves, and keys shared by more than <see cref="MaxPosting"/> claims are skipped,
    /// so the work grows with the report, not with its square.
    /// </summary>
    /// <summary>
    /// A share or sum is paired with another of the same year said of the same thing ("turnout", a place), however
    /// common that word is in the report: "share:2015:turnout".
    /// </summary>
    private static IEnumerable<string> ShareKeys(ClaimFacts f) =>
        f.Figures.Where(x => x.Type is FigureType.Percent or FigureType.Amount)
            .SelectMany(x => DatesOf(x, f).Select(d => d.From.Year).Distinct().SelectMany(year => x.Things.Append(x.Owner ?? "").Where(t => t.Length > 0)
                .Select(t => $"share:{year}:{x.Type}:{t}")));

    /// <summary>A range of a thing is paired with any other range of that thing that shares one of its ends: "range:fight:3200".</summary>
    private static IEnumerable<string> RangeEndKeys(ClaimFacts f) =>
        f.Figures.Where(x => x.IsQuantityRange)
            .SelectMany(x => new[] { $"{x.Measure}:{Figure.Format(x.Value)}", $"{x.Measure}:-{(x.High is { } h ? Figure.Format(h) : "")}" });

    private static IEnumerable<(int, int)> CandidatePairs(IReadOnlyList<ClaimFacts> facts, Func<string, bool> distinctive)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < facts.Count; i++)
        {
            var f = facts[i];
            if (f.Figures.Count == 0 && f.EventDates.Count == 0)
            {
                continue;
            }
            var keys = f.Proper.Concat(f.Stems).Where(distinctive)
                .Concat(f.Dates.Where(d => d.IsSpecific).Select(d => "month:" + d.From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)))
                .Concat(ShareKeys(f))
                .Concat(RangeEndKeys(f))
                .Concat(f.Figures.Where(x => x.IsSize).SelectMany(x => x.Things.Where(distinctive).Select(t => $"{x.Measure}:{t}")))
                .Distinct();
            foreach (var key in keys)
            {
                if (!postings.TryGetValue(key, out var list))
                {
                    postings[key] = list = [];
                }
                list.Add(i);
            }
        }
        var seen = new HashSet<(int, int)>();
        foreach (var list in postings.Values)
        {
            if (list.Count < 2 || list.Count > MaxPosting)
            {
                continue;
            }
            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    var (i, j) = (list[x], list[y]);
                    if (facts[i].Block.Index != facts[j].Block.Index && seen.Add((i, j)))
                    {
                        yield return (i, j);
                    }
                }
            }
        }
    }

    private sealed class UnionFind(int size)
    {
        private readonly int[] _parent = Enumerable.Range(0, size).ToArray();

        public int Find(int x)
        {
            while (_parent[x] != x)
            {
                _parent[x] = _parent[_parent[x]];
                x = _parent[x];
            }
            return x;
        }

        public void Union(int a, int b)
        {
            var (x, y) = (Find(a), Find(b));
            if (x != y)
            {
                _parent[Math.Max(x, y)] = Math.Min(x, y);
            }
        }
    }
}
