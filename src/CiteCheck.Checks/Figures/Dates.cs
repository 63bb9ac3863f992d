using System.Globalization;
using System.Text.RegularExpressions;

namespace CiteCheck.Checks.Figures;

public enum DatePrecision
{
    Year,
    Season,
    Month,
    Day,
}

/// <summary>
/// A date at the precision it is written, as the interval of days it can mean: "May 19, 2019" is one day, "November 2018"
/// a month, "late 2016" September to December, "2015" a year, "9 to 12 August 2020" four days. Two dates agree when their
/// intervals overlap: a month does not conflict with a day inside it.
/// </summary>
public sealed record DateMention(DateOnly From, DateOnly To, DatePrecision Precision, int Start, int End, string Written)
{
    /// <summary>Written as the date of what the sentence tells ("On 12 August 2020, …", a timeline item's date), not as a reference point ("after the election of …").</summary>
    public bool IsEventDate { get; init; }

    public bool Overlaps(DateMention other) => From <= other.To && other.From <= To;

    public bool IsSpecific => Precision is DatePrecision.Day or DatePrecision.Month;

    /// <summary>Days between the two intervals (0 when they overlap).</summary>
    public int DistanceInDays(DateMention other) =>
        Overlaps(other) ? 0 : Math.Min(Math.Abs(From.DayNumber - other.To.DayNumber), Math.Abs(other.From.DayNumber - To.DayNumber));

    public string MonthLabel => Precision >= DatePrecision.Month
        ? From.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : From.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>A canonical form for fingerprints and comparisons: 2018-11-07, 2018-11, 2016-late, 2015.</summary>
    public string Canonical => Precision switch
    {
        DatePrecision.Day when From == To => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Day => $"{From:yyyy-MM-dd}/{To:yyyy-MM-dd}",
        DatePrecision.Month => From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Season => $"{From:yyyy-MM}/{To:yyyy-MM}",
        _ => From.Year == To.Year ? From.Year.ToString(CultureInfo.InvariantCulture) : $"{From.Year}/{To.Year}",
    };
}

/// <summary>Finds the dates of a sentence, in every common written form.</summary>
public static partial class DateExtractor
{
    private const string Month = @"(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    private static readonly HashSet<string> CalendarWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Spring", "Summer", "Autumn", "Winter",
    };

    /// <summary>A month, a weekday or a season: "in July" is a time, not a place.</summary>
    public static bool IsCalendarWord(string word) => CalendarWords.Contains(word.TrimEnd('.', ','));

    /// <param name="fallbackYear">The year of a day or month written without one ("The Night of 14 March"), when the text gives none.</param>
    public static IReadOnlyList<DateMention> Extract(string text, int? fallbackYear = null)
    {
        var found = new List<DateMention>();
        // Every date read below holds an ASCII digit: a year starts "19" or "20", and a day is kept only when int.Parse
        // reads it (which takes no other digits). A sentence without one (most prose) has no date, and its eleven
        // patterns need not be run over it.
        if (!text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return found;
        }
        var taken = new bool[text.Length + 1];
        var years = YearOnly().Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        var defaultYear = years.Count > 0 ? years[0] : fallbackYear;

        void Add(int start, int length, DateOnly from, DateOnly to, DatePrecision precision)
        {
            for (var i = start; i < start + length; i++)
            {
                if (taken[i])
                {
                    return;
                }
            }
            for (var i = start; i < start + length; i++)
            {
                taken[i] = true;
            }
            var written = text.Substring(start, length);
            found.Add(new DateMention(from, to, precision, start, start + length, written) { IsEventDate = IsEventDate(text, start) });
        }

        foreach (Match m in Iso().Matches(text))
        {
            if (TryDay(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out var day))
            {
                Add(m.Index, m.Length, day, day, DatePrecision.Day);
            }
        }
        foreach (Match m in DayRangeDayFirst().Matches(text))
        {
            var month = MonthNumber(m.Groups["month"].Value);
            var year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : defaultYear;
            if (year is { } y && TryDay(y, month, m.Groups["d1"].Value, out var a) && TryDay(y, month, m.Groups["d2"].Value, out var b) && a <= b)
            {
                Add(m.Index, m.Length, a, b, DatePrecision.Day);
            }
        }
        foreach (Match m in DayRangeMonthFirst().Matches(text))
        {
            var month = MonthNumber(m.Groups["month"].Value);
            var year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : defaultYear;
            if (year is { } y && TryDay(y, month, m.Groups["d1"].Value, out var a) && TryDay(y, month, m.Groups["d2"].Value, out var b) && a <= b)
            {
                Add(m.Index, m.Length, a, b, DatePrecision.Day);
            }
        }
        foreach (Match m in MonthDayYear().Matches(text))
        {
            if (TryDay(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), MonthNumber(m.Groups["month"].Value), m.Groups["d"].Value, out var day))
            {
                Add(m.Index, m.Length, day, day, DatePrecision.Day);
            }
        }
        foreach (Match m in DayMonthYear().Matches(text))
        {
            if (TryDay(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), MonthNumber(m.Groups["month"].Value), m.Groups["d"].Value, out var day))
            {
                Add(m.Index, m.Length, day, day, DatePrecision.Day);
            }
        }
        foreach (Match m in MonthYear().Matches(text))
        {
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            var month = MonthNumber(m.Groups["month"].Value);
            var first = new DateOnly(year, month, 1);
            Add(m.Index, m.Length, first, first.AddMonths(1).AddDays(-1), DatePrecision.Month);
        }
        foreach (Match m in MonthDayNoYear().Matches(text))
        {
            if (defaultYear is { } y && TryDay(y, MonthNumber(m.Groups["month"].Value), m.Groups["d"].Value, out var day))
            {
                Add(m.Index, m.Length, day, day, DatePrecision.Day);
            }
        }
        foreach (Match m in DayMonthNoYear().Matches(text))
        {
            if (defaultYear is { } y && TryDay(y, MonthNumber(m.Groups["month"].Value), m.Groups["d"].Value, out var day))
            {
                Add(m.Index, m.Length, day, day, DatePrecision.Day);
            }
        }
        foreach (Match m in Season().Matches(text))
        {
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            var (from, to) = m.Groups["part"].Value.ToLowerInvariant() switch
            {
                "early" => (1, 4),
                "mid" or "mid-" or "middle of" => (5, 8),
                _ => (9, 12),
            };
            Add(m.Index, m.Length, new DateOnly(year, from, 1), new DateOnly(year, to, 1).AddMonths(1).AddDays(-1), DatePrecision.Season);
        }
        foreach (Match m in YearRange().Matches(text))
        {
            var a = int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture);
            var b2 = m.Groups["y2"].Value;
            var b = b2.Length == 2 ? a / 100 * 100 + int.Parse(b2, CultureInfo.InvariantCulture) : int.Parse(b2, CultureInfo.InvariantCulture);
            if (b > a && b - a < 50)
            {
                Add(m.Index, m.Length, new DateOnly(a, 1, 1), new DateOnly(b, 12, 31), DatePrecision.Year);
            }
        }
        foreach (Match m in YearOnly().Matches(text))
        {
            var year = int.Parse(m.Value, CultureInfo.InvariantCulture);
            Add(m.Index, m.Length, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year);
        }
        found.Sort((x, y) => x.Start.CompareTo(y.Start));
        return found;
    }

    /// <summary>"On 12 August 2020", "in November 2018", a timeline item's leading date: the date of the happening itself.</summary>
    private static bool IsEventDate(string text, int start)
    {
        var before = text[..start].TrimEnd();
        if (before.Length == 0)
        {
            return true;
        }
        var words = before.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        var last = words.Length > 0 ? words[^1].ToLowerInvariant() : "";
        return last is "on" or "in" or "during" or "that" or "when" or "late" or "early" or "of" && !ReferenceBefore().IsMatch(before + " ");
    }

    private static int MonthNumber(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };

    private static bool TryDay(string y, string m, string d, out DateOnly date) =>
        TryDay(int.Parse(y, CultureInfo.InvariantCulture), int.Parse(m, CultureInfo.InvariantCulture), d, out date);

    private static bool TryDay(int year, int month, string d, out DateOnly date)
    {
        date = default;
        if (!int.TryParse(d, CultureInfo.InvariantCulture, out var day) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    [GeneratedRegex(@"\b(?<y>(?:19|20)\d{2})-(?<m>\d{2})-(?<d>\d{2})\b")]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b(?:from |between )?(?<d1>\d{1,2})(?:st|nd|rd|th)?(?: to | and |\s?[-–]\s?)(?<d2>\d{1,2})(?:st|nd|rd|th)? " + Month + @"(?:,? (?<year>(?:19|20)\d{2}))?\b")]
    private static partial Regex DayRangeDayFirst();

    [GeneratedRegex(@"\b" + Month + @" (?<d1>\d{1,2})(?:st|nd|rd|th)?(?: to | and |\s?[-–]\s?)(?<d2>\d{1,2})(?:st|nd|rd|th)?(?:,? (?<year>(?:19|20)\d{2}))?\b")]
    private static partial Regex DayRangeMonthFirst();

    [GeneratedRegex(@"\b" + Month + @" (?<d>\d{1,2})(?:st|nd|rd|th)?,? (?<year>(?:19|20)\d{2})\b")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + Month + @",? (?<year>(?:19|20)\d{2})\b")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b" + Month + @",? (?:of )?(?<year>(?:19|20)\d{2})\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b" + Month + @" (?<d>\d{1,2})(?:st|nd|rd|th)?\b(?!,? ?\d)")]
    private static partial Regex MonthDayNoYear();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)? " + Month + @"\b")]
    private static partial Regex DayMonthNoYear();

    [GeneratedRegex(@"\b(?<part>early|mid-|mid|middle of|late|end of)\s?(?<year>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Season();

    [GeneratedRegex(@"\b(?<y1>(?:19|20)\d{2})\s?[-–/]\s?(?<y2>(?:19|20)?\d{2})\b")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"(?<![\d,.$€£-])\b(?:19|20)\d{2}\b(?![\d,.%]\d|-seat|\s?(?:percent|people|members|inmates|men|women|prisoners))")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"\b(?:after|before|since|until|following|by|prior to|ahead of|election of|vote of)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}(?:of\s+|on\s+|in\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceBefore();
}
