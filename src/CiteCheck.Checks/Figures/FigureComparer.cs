using System.Text.RegularExpressions;

namespace CiteCheck.Checks.Figures;

/// <summary>Decides whether two figures of one measure can both be true.</summary>
public static partial class FigureComparer
{
    public static bool Compatible(Figure a, Figure b)
    {
        if (a.Type != b.Type)
        {
            return true;
        }
        if (a.Type == FigureType.Range)
        {
            return a.Value == b.Value && a.High == b.High;
        }
        var tolerance = Math.Max(Rounding(a), Rounding(b));
        // Two lower bounds of one toll ("at least 35", "at least 22") agree only when they are the same bound.
        if (IsLowerBound(a) && IsLowerBound(b) || IsUpperBound(a) && IsUpperBound(b))
        {
            // Bounds far apart ("at least 40" treated in one hospital, "more than 1,000" injured nationwide) count different
            // scopes, not one toll told twice.
            var ratio = Math.Max(a.Value, b.Value) / Math.Max(1m, Math.Min(a.Value, b.Value));
            return Math.Abs(a.Value - b.Value) <= tolerance || ratio > 3;
        }
        // Two estimates of one toll ("about 640", "about 630") are two roundings of one number: they agree only when equal
        // at the precision both are written to (its last non-zero digit), not whenever their tenths overlap.
        if (a.Qualifier == Qualifier.About && b.Qualifier == Qualifier.About && a.Value != b.Value)
        {
            var unit = Math.Max(WrittenUnit(a.Value), WrittenUnit(b.Value));
            return Math.Abs(a.Value - b.Value) < unit;
        }
        var (aLow, aHigh) = a.Interval;
        var (bLow, bHigh) = b.Interval;
        return aLow - tolerance <= bHigh && bLow - tolerance <= aHigh;
    }

    /// <summary>The place of the last non-zero digit of a whole value: 640 → 10, 600 → 100, 5,000 → 1,000, 27 → 1.</summary>
    private static decimal WrittenUnit(decimal value)
    {
        var unit = 1m;
        var whole = decimal.Truncate(Math.Abs(value));
        while (whole >= 10 && whole % 10 == 0)
        {
            whole /= 10;
            unit *= 10;
        }
        return unit;
    }

    private static bool IsLowerBound(Figure f) => f.Qualifier is Qualifier.AtLeast or Qualifier.MoreThan;

    private static bool IsUpperBound(Figure f) => f.Qualifier is Qualifier.UpTo or Qualifier.LessThan;

    /// <summary>Half a unit of the last digit written: "1.2 million" stands for 1.15–1.25 million, "80.1" for 80.05–80.15; whole numbers are exact.</summary>
    public static decimal Rounding(Figure f)
    {
        var m = Written().Match(f.Written);
        if (!m.Success || !m.Groups["frac"].Success)
        {
            return 0;
        }
        var digits = m.Groups["frac"].Value.Length;
        var scale = m.Groups["scale"].Value.ToLowerInvariant() switch
        {
            "thousand" => 1_000m,
            "million" => 1_000_000m,
            "billion" => 1_000_000_000m,
            "trillion" => 1_000_000_000_000m,
            _ => 1m,
        };
        return 0.5m * (decimal)Math.Pow(10, -digits) * scale;
    }

    [GeneratedRegex(@"\d[\d,]*(?:\.(?<frac>\d+))?\s*(?<scale>thousand|million|billion|trillion)?", RegexOptions.IgnoreCase)]
    private static partial Regex Written();

}
