using System.Globalization;

namespace CiteCheck.Checks.Figures;

public enum FigureType
{
    Count,
    Range,
    Amount,
    Percent,
}

/// <summary>
/// A figure as a claim states it: its value (a range has a high end; "to life" is open), its qualifier, and its measure —
/// what it counts and what happened to them ("killed", "detained", "sentence", "percent:smith", "amount:usd:loan").
/// A sum of parts ("25 inmates and two security officers") is a figure of its own, beside its parts.
/// </summary>
public sealed record Figure(FigureType Type, decimal Value, decimal? High, Qualifier Qualifier, string Measure, string Written, int Start, int End)
{
    public bool IsSum { get; init; }

    /// <summary>The sentence sets this figure against another attributed one ("although non-governmental sources have said the figure is closer to 50").</summary>
    public bool Attributed { get; init; }

    /// <summary>The date this figure belongs to, when its sentence dates several happenings ("respectively", "in 2015 … and in 2017 …").</summary>
    public DateMention? BoundDate { get; init; }

    /// <summary>The place the figure is of, when its clause names one before it ("In the province of X, 278 people …").</summary>
    public string? Scope { get; init; }

    /// <summary>For "respectively": the place this figure is bound to.</summary>
    public string? BoundPlace { get; init; }

    public string? Noun { get; init; }

    /// <summary>For a count: the two words after it, stemmed; two counts with no outcome are compared only when these match.</summary>
    public string Phrase { get; init; } = "";

    /// <summary>For a share or a sum of money: whose it is ("Smith"), when the sentence names someone.</summary>
    public string? Owner { get; init; }

    /// <summary>For a share or a sum of money: the stems of what it is said of ("inflation", "vote", "loan", "pledg").</summary>
    public IReadOnlySet<string> Things { get; init; } = new HashSet<string>();

    /// <summary>The figure stands in a clause apart from every date of its sentence ("… opened in November 2022, and donors pledged €1.8 billion").</summary>
    public bool Undated { get; init; }

    /// <summary>A figure of a "respectively" list whose other list could not be read: not compared with anything.</summary>
    public bool Unbound { get; init; }

    /// <summary>A size: a number with a unit of length, area, duration or mass ("size:length").</summary>
    public bool IsSize => Measure.StartsWith("size:", StringComparison.Ordinal);

    /// <summary>A range of a quantity other than a prison term ("range:fight", "range:eur:vote").</summary>
    public bool IsQuantityRange => Type == FigureType.Range && Measure.StartsWith("range:", StringComparison.Ordinal);

    /// <summary>The interval of values the figure allows, given its qualifier.</summary>
    public (decimal Low, decimal High) Interval => Qualifier switch
    {
        Qualifier.AtLeast or Qualifier.MoreThan => (Value, decimal.MaxValue),
        Qualifier.LessThan or Qualifier.UpTo => (0, Value),
        Qualifier.Nearly => (Value * 0.85m, Value),
        Qualifier.About => (Value - Tolerance(Value), Value + Tolerance(Value)),
        _ => (Value, Value),
    };

    /// <summary>"about 5,000" fits 4,960; "about 200" fits 196: a tenth of the value, at least one unit of its last rounded digit.</summary>
    private static decimal Tolerance(decimal value) => Math.Max(value * 0.1m, 1m);

    public string Canonical => Type switch
    {
        FigureType.Range => $"{Format(Value)}-{(High is { } h ? Format(h) : "life")}",
        _ => $"{Qualifier.ToString().ToLowerInvariant()}:{Format(Value)}",
    };

    public static string Format(decimal value) => NumberWords.Canonical(value);
}
