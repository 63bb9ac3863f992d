namespace CiteCheck.Checks.Figures;

public enum DateRelation
{
    /// <summary>One claim, or both, gives no date.</summary>
    Unknown,

    /// <summary>Two specific dates (days or months) that overlap.</summary>
    Same,

    /// <summary>Overlapping, but only at the precision of a season or year.</summary>
    Compatible,

    /// <summary>Different but close: the same year, within three months.</summary>
    Near,

    /// <summary>Far apart: two events.</summary>
    Far,
}

/// <summary>The evidence that two claims tell of one event: shared date, names of places and actors, content words, kinds of happening.</summary>
public sealed record Evidence(DateRelation Date, int SharedProper, int SharedStems, bool SharedKind)
{
    /// <summary>Two claims tell one event when their dates allow it and enough else is shared.</summary>
    public bool SameEvent => Date switch
    {
        DateRelation.Same => SharedKind || SharedProper >= 1 || SharedStems >= 3,
        // Overlapping only because one side gives no more than a year: the rest must agree.
        DateRelation.Compatible => SharedKind && (SharedProper >= 1 || SharedStems >= 2),
        DateRelation.Unknown => SharedKind && SharedProper >= 1 && SharedStems >= 1,
        _ => false,
    };

    /// <summary>Two claims that tell one event but date it differently: everything but the date agrees, strongly.</summary>
    public bool SameEventOtherDate => Date == DateRelation.Near && SharedKind && SameDatedKind && !PlannedVersusDone && (SharedProper >= 2 || (SharedProper >= 1 && SharedStems >= 2) || SharedStems >= 3);

    /// <summary>
    /// Two claims that tell one story in other words and date it a day apart (a slip of the pen): no kind of
    /// happening need be named, but the overlap must be heavy — four distinctive words or figures, a place or actor and three,
    /// or two places and two words.
    /// </summary>
    public bool SameStoryCloseDate => Date == DateRelation.Near && DaysApart == 1 && !PlannedVersusDone
        && ((SharedProper >= 1 && SharedStems >= 3) || (SharedProper >= 2 && SharedStems >= 2) || SharedStems >= 4);

    /// <summary>Days between the closest event dates of the two claims, when both give a day.</summary>
    public int? DaysApart { get; init; }

    /// <summary>One claim tells of a plot or a foiled attack, the other of what happened: two events, whatever else they share.</summary>
    public bool PlannedVersusDone { get; init; }

    /// <summary>Both claims name distinctive places or actors (shared or not).</summary>
    public bool BothNamePlaces { get; init; }

    /// <summary>The two dates are dates of the same kind of happening: the riot's, the attack's.</summary>
    public bool SameDatedKind { get; init; }

    public static Evidence Between(ClaimFacts a, ClaimFacts b, Func<string, bool> distinctive, bool eventDatesOnly = false, Func<string, bool>? distinctivePlace = null)
    {
        distinctivePlace ??= distinctive;
        var proper = a.Proper.Count(p => b.Proper.Contains(p) && distinctivePlace(p));
        var stems = a.Stems.Count(s => b.Stems.Contains(s) && distinctive(s));
        var sharedKind = a.Kinds.Overlaps(b.Kinds);
        var date = eventDatesOnly ? Relation(a.EventDates, b.EventDates) : Relation(a.Dates, b.Dates);
        return new Evidence(date, proper, stems, sharedKind)
        {
            PlannedVersusDone = a.Kinds.Contains("plot") != b.Kinds.Contains("plot"),
            BothNamePlaces = a.Proper.Any(distinctivePlace) && b.Proper.Any(distinctivePlace),
            DaysApart = eventDatesOnly ? DayDistance(a.EventDates, b.EventDates) : DayDistance(a.Dates, b.Dates),
            SameDatedKind = a.EventKind is not null && b.EventKind is not null && (a.EventKind == b.EventKind || (b.DateKinds.Contains(a.EventKind) && a.DateKinds.Contains(b.EventKind))),
        };
    }

    private static int? DayDistance(IReadOnlyList<DateMention> a, IReadOnlyList<DateMention> b)
    {
        var days = a.Where(x => x.Precision == DatePrecision.Day).SelectMany(x => b.Where(y => y.Precision == DatePrecision.Day).Select(y => x.DistanceInDays(y))).ToList();
        return days.Count == 0 ? null : days.Min();
    }

    public static DateRelation Relation(IReadOnlyList<DateMention> a, IReadOnlyList<DateMention> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return DateRelation.Unknown;
        }
        var best = DateRelation.Far;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                DateRelation r;
                if (x.Overlaps(y))
                {
                    r = x.IsSpecific && y.IsSpecific ? DateRelation.Same : DateRelation.Compatible;
                }
                else if (x.IsSpecific && y.IsSpecific && x.From.Year == y.From.Year && x.DistanceInDays(y) <= 92)
                {
                    r = DateRelation.Near;
                }
                else
                {
                    r = DateRelation.Far;
                }
                if (Rank(r) > Rank(best))
                {
                    best = r;
                }
            }
        }
        return best;
    }

    private static int Rank(DateRelation r) => r switch
    {
        DateRelation.Same => 4,
        DateRelation.Compatible => 3,
        DateRelation.Near => 2,
        DateRelation.Far => 1,
        _ => 0,
    };
}
