using CsCheck;

namespace CiteCheck.Tests.Properties;

/// <summary>
/// CsCheck generators of whole reports: front matter, a title, sections of paragraphs, lists, tables, block quotes,
/// images and code, sentences with figures (counts, dates, ranges, amounts, percentages, names), citations valid and
/// malformed, footnotes, and the odd characters editors paste (dashes, no-break and zero-width spaces, right-to-left
/// marks). Sections tell a few shared incidents with drifting figures, so the cross-check finds discrepancies in them.
/// </summary>
public static class ReportGen
{
    /// <summary>One generated report: optional front matter, the title, then self-contained "##" sections and footnotes.</summary>
    public sealed record Report(string? FrontMatter, bool FrontMatterBroken, string Title, IReadOnlyList<string> Sections, string Footnotes, bool CrLf)
    {
        public string Text => Assemble(Sections);

        /// <summary>The same report with section <paramref name="from"/> moved to index <paramref name="to"/>.</summary>
        public string TextWithSectionMoved(int from, int to)
        {
            var sections = Sections.ToList();
            var moved = sections[from];
            sections.RemoveAt(from);
            sections.Insert(to, moved);
            return Assemble(sections);
        }

        private string Assemble(IEnumerable<string> sections)
        {
            var parts = new List<string>();
            if (FrontMatter is not null)
            {
                parts.Add(FrontMatter);
            }
            parts.Add($"# {Title}");
            parts.AddRange(sections);
            if (Footnotes.Length > 0)
            {
                parts.Add(Footnotes);
            }
            var text = string.Join("\n\n", parts) + "\n";
            return CrLf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
        }

        public override string ToString() => Text;
    }

    private static readonly string[] Places = ["Varnok", "Teskel", "Ombria", "Halvor", "Quessa", "the capital", "the northern province"];
    private static readonly string[] Kinds = ["prison riot", "bombing", "attack", "flood", "earthquake", "ambush", "raid", "protest"];
    private static readonly string[] Outcomes = ["killed", "injured", "left dead", "wounded", "displaced", "arrested"];
    private static readonly string[] Nouns = ["people", "inmates", "guards", "soldiers", "civilians", "tourists", "protesters", "militants"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Labels = ["Reuters", "Al Jazeera", "AP", "Radio Free Europe", "EIU", "Economist Intelligence Unit", "New York Times", "France 24", "France24", "Ministry of Interior", ""];
    private static readonly string[] Urls = ["#", "", "https://example.org/a", "https://example.org/b?x=1&y=2", "http://example.com/path(with)parens", "https://user:pass@example.net/x", "javascript:alert(1)", "mailto:x@example.org", "https://example.org/a#frag"];
    private static readonly string[] People = ["Arlen Vosk", "Arlen Vosck", "Dilnoza Ketrova", "Commander Ruslan Teshkov", "Gen. Miro Saltz", "J. Pell", "Husein Tamorov", "Hussein Tamorov"];
    private static readonly string[] Words = ["the", "government", "said", "reported", "officials", "according", "to", "local", "sources", "later", "confirmed", "authorities", "the", "group", "claimed", "responsibility", "for", "near", "border", "police", "and", "while", "in", "a", "statement", "U.S.", "No.", "approximately", "about", "more than", "at least", "nearly", "some", "dozens of", "hundreds of"];
    // Characters a UTF-8 file can hold: a lone surrogate cannot (InputReader refuses invalid UTF-8 before the parser sees it).
    private static readonly string[] Odd = ["\u2014", "\u2013", "\u2012", "\u2212", "\u00A0", "\u202F", "\u200B", "\u200F", "\u202E", "\uFEFF", "\u00AD", "…", "“", "”", "‘", "’", "«", "»", "\t", "**", "*", "_", "`", "\\", "<", ">", "&", "|", "[", "]", "(", ")", "!", "#", "^", "~", "$", "%", "€", "😀", "\u0661\u0662", "١٢٣", "٫"];

    public static readonly Gen<string> Date = Gen.OneOf(
        Gen.Select(Gen.Int[0, 11], Gen.Int[1, 31], Gen.Int[1990, 2030], (m, d, y) => $"{Months[m]} {d}, {y}"),
        Gen.Select(Gen.Int[0, 11], Gen.Int[1, 31], Gen.Int[1990, 2030], (m, d, y) => $"{d} {Months[m]} {y}"),
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 31], Gen.Int[1990, 2030], (m, d, y) => $"{y}-{m:00}-{d:00}"),
        Gen.Select(Gen.Int[0, 11], Gen.Int[1990, 2030], (m, y) => $"{Months[m]} {y}"),
        Gen.Select(Gen.OneOf("early", "mid", "late"), Gen.Int[1990, 2030], (p, y) => $"{p}-{y}"),
        Gen.Select(Gen.Int[1990, 2030], y => $"{y}"),
        Gen.Select(Gen.Int[0, 11], Gen.Int[1, 40], (m, d) => $"{Months[m]} {d}"),
        Gen.Select(Gen.Int[0, 11], Gen.Int[1, 31], Gen.Int[1, 31], (m, a, b) => $"{Months[m]} {a}–{b}"));

    public static readonly Gen<string> Number = Gen.OneOf(
        Gen.Int[0, 120].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Int[0, 5_000_000].Select(n => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Select(Gen.Int[1, 99], Gen.OneOf("million", "billion", "thousand", "hundred"), (n, w) => $"{n / 10.0:0.#} {w}"),
        Gen.OneOf("two", "seven", "twelve", "dozens", "a dozen", "hundreds", "twenty-one", "forty", "zero", "none", "one"),
        Gen.Select(Gen.Int[1, 60], Gen.Int[1, 60], Gen.OneOf("to", "-", "–", "—", "and"), (a, b, s) => $"{a} {s} {b}"),
        Gen.Select(Gen.Int[0, 100], n => $"{n}%"),
        Gen.Select(Gen.Int[0, 100], Gen.Int[0, 9], (n, d) => $"{n}.{d} percent"),
        Gen.Select(Gen.OneOf("$", "€", "£", "USD ", "TJS "), Gen.Int[1, 900], Gen.OneOf("", " million", " billion"), (c, n, s) => $"{c}{n}{s}"),
        Gen.OneOf("1e9", "00", "007", "-3", "+4", "1,2,3", "1.2.3", "9999999999999999999999", "0.0000001", "½", "3½", "1/2", "10¹²", "1\u00A0000", "2\u202F500"));

    public static readonly Gen<string> Citation = Gen.Frequency(
        (10, Gen.Select(Gen.OneOf(Labels), Gen.OneOf(Urls), Gen.Int[1, 40], (l, u, n) => $"[{l}]({u}) [{n}]")),
        (2, Gen.Select(Gen.OneOf(Labels), Gen.OneOf(Urls), Gen.OneOf("[1", "[1a]", "[ 1]", "[0]", "[007]", "[-1]", "[100000]", "[1234567890123456789012345678901234567890]", "[]", "[1]]", "[[1]", "[1.5]", "[١]", "[1\u200B]"), (l, u, b) => $"[{l}]({u}) {b}")),
        (1, Gen.Select(Gen.OneOf(Labels), Gen.OneOf(Urls), Gen.Int[1, 40], (l, u, n) => $"[{l}]({u})[{n}]")),
        (1, Gen.Select(Gen.OneOf(Labels), Gen.Int[1, 40], (l, n) => $"[{l}] [{n}]")),
        (1, Gen.Select(Gen.OneOf(Labels), Gen.OneOf(Urls), (l, u) => $"[{l}]({u})")),
        (1, Gen.OneOf("[{l}](", "[Reuters](https://example.org/a", "[Reuters](#) [", "](", "[](#) [1]", "[![img](x.png)](#) [2]")),
        (3, Gen.Select(Gen.Int[1, 12], Gen.OneOf("", "a", "note", "x y"), (n, s) => $"[^{n}{s}]")));

    public static readonly Gen<string> ClosingGroup = Gen.Select(
        Gen.OneOf("(Sources: ", "(Source: ", "Sources: ", "Source: ", "(See also: ", "(Via ", "", "("),
        Citation.Array[1, 4],
        Gen.OneOf(", ", "; ", " ", " and "),
        Gen.OneOf(")", "", "))", ")."),
        (open, cites, sep, close) => open + string.Join(sep, cites) + (open.StartsWith('(') ? close : ""));

    /// <summary>An incident a report tells more than once (overview, section, timeline) with figures that may drift.</summary>
    public static readonly Gen<string> Incident = Gen.Select(
        Gen.Int[0, Places.Length - 1], Gen.Int[0, Kinds.Length - 1], Gen.Int[0, 2], Gen.Int[1, 60], Gen.Int[0, 3], Gen.Int[0, 3],
        (place, kind, date, count, drift, shape) =>
        {
            var when = new[] { "July 29, 2018", "November 7, 2018", "May 19, 2019" }[date];
            var n = count + drift;
            var outcome = Outcomes[(place + kind) % Outcomes.Length];
            var noun = Nouns[kind % Nouns.Length];
            return shape switch
            {
                0 => $"On {when}, a {Kinds[kind]} in {Places[place]} {outcome} {n} {noun}.",
                1 => $"The {Kinds[kind]} in {Places[place]} on {when} {outcome} at least {n} {noun}.",
                2 => $"**{when}:** A {Kinds[kind]} in {Places[place]} {outcome} {n} {noun}.",
                _ => $"In {Places[place]}, {n} {noun} were {outcome} when a {Kinds[kind]} struck on {when}, officials said.",
            };
        });

    private static readonly Gen<string> Word = Gen.Frequency(
        (20, Gen.OneOf(Words)),
        (4, Number),
        (3, Date),
        (2, Gen.OneOf(People)),
        (2, Gen.OneOf(Places)),
        (1, Gen.OneOf(Odd)),
        (1, Gen.String[Gen.Char[' ', '\u07FF'], 1, 8]));

    public static readonly Gen<string> Sentence = Gen.Frequency(
        (6, Gen.Select(Word.Array[2, 14], Gen.OneOf(".", ".", "!", "?", "", "...", ".\"", ".)"), (w, end) => Capitalised(string.Join(' ', w)) + end)),
        (4, Incident),
        (1, Gen.Select(Gen.OneOf(People), Gen.OneOf("said", "was sentenced to", "denied", "was arrested on"), Number, (p, v, n) => $"{p} {v} {n} years.")),
        (1, Gen.Select(Gen.OneOf("**", "*", "_", "`"), Date, Word.Array[1, 5], (e, d, w) => $"{e}{d}:{e}{string.Join(' ', w)}.")));

    /// <summary>A sentence with, now and then, an inline citation or a footnote reference after it.</summary>
    private static readonly Gen<string> CitedSentence = Gen.Frequency(
        (5, Sentence),
        (2, Gen.Select(Sentence, Citation, (s, c) => $"{s} {c}")),
        (1, Gen.Select(Sentence, Gen.Int[1, 12], (s, n) => $"{s}[^{n}]")));

    public static readonly Gen<string> Paragraph = Gen.Select(
        CitedSentence.Array[1, 5], Gen.Frequency((3, ClosingGroup), (1, Gen.Const(""))),
        (s, g) => string.Join(' ', s) + (g.Length > 0 ? " " + g : ""));

    private static readonly Gen<string> ListBlock = Gen.Select(
        Gen.OneOf("- ", "* ", "1. ", "+ ", "3) "),
        Gen.Select(Gen.Int[0, 2], Paragraph, (depth, p) => new string(' ', depth * 2) + "{m}" + p).Array[1, 6],
        (marker, items) => string.Join("\n", items.Select(i => i.Replace("{m}", marker, StringComparison.Ordinal))));

    private static readonly Gen<string> Cell = Gen.Frequency((4, Word), (2, Number), (1, Date), (1, Citation), (1, Gen.Const("")));

    private static readonly Gen<string> Table = Gen.Int[1, 4].SelectMany(columns => Gen.Select(
        Gen.OneOf("Year", "Event", "Dead", "Source", "Place", "").Array[columns],
        Cell.Array[columns].Array[0, 5],
        Gen.Bool,
        (head, rows, ragged) =>
        {
            var lines = new List<string> { "| " + string.Join(" | ", head) + " |", "|" + string.Concat(Enumerable.Repeat("---|", columns)) };
            lines.AddRange(rows.Select(r => "| " + string.Join(" | ", ragged ? r.Skip(1) : r) + " |"));
            return string.Join("\n", lines);
        }));

    private static readonly Gen<string> Closed = Gen.OneOf(
        Gen.Select(Paragraph, p => "> " + p),
        Gen.Select(Gen.OneOf("Map", "Figure 1: casualties", ""), Gen.OneOf("map.png", "", "https://example.org/f.svg", "javascript:alert(1)"), (a, u) => $"![{a}]({u})"),
        Gen.Select(Sentence, s => $"```\n{s}\n```"),
        Gen.Select(Sentence, s => $"<!-- {s} -->"),
        Gen.Select(Sentence, s => $"    {s}"),
        Gen.OneOf("---", "***", "<div>html <b>block</b></div>", "<script>alert(1)</script>", "<!-- a comment -->", "\u200B", "   ", "|", "[^1]:", "**", "[1]: https://example.org/ref"));

    /// <summary>Constructs left open: a fence or an HTML comment that runs to the end of the file, swallowing what follows.</summary>
    private static readonly Gen<string> Open = Gen.OneOf("```", "~~~", "<!--", "<pre>");

    private static readonly Gen<string> Block = Gen.Frequency((8, Paragraph), (3, ListBlock), (2, Table), (2, Closed), (1, Open));

    /// <summary>Blocks that end where they end: a section of them means the same wherever it stands.</summary>
    private static readonly Gen<string> ClosedBlock = Gen.Frequency((8, Paragraph), (3, ListBlock), (2, Table), (2, Closed));

    private static readonly Gen<string> HeadingWords = Gen.OneOf("Overview", "Background", "Timeline", "Attacks", "Background", "Recruitment", "Overview");

    private static Gen<string> HeadingAt(Gen<int> level, Gen<string> text) => Gen.Select(level, text, (level, text) => new string('#', level) + " " + text);

    private static Gen<string> Section(Gen<string> block, Gen<string> heading) => Gen.Select(heading, block.Array[1, 5], (h, blocks) => h + "\n\n" + string.Join("\n\n", blocks));

    private static readonly Gen<string> FootnoteDefinition = Gen.Select(
        Gen.Int[1, 12], Gen.OneOf(Labels), Gen.OneOf(Urls), Gen.OneOf(Date, Gen.Const("")),
        (n, label, url, date) => $"[^{n}]: {label}, \"A title\", {url}, {date}");

    /// <summary>Front matter: mostly valid YAML whose scalars become claims; now and then broken (unterminated, not a mapping).</summary>
    private static readonly Gen<(string? Text, bool Broken)> FrontMatter = Gen.Frequency(
        (4, Gen.Const<(string?, bool)>((null, false))),
        (4, Gen.Select(Gen.OneOf("A report", "Country report: 2019", "Notes"), Date, Number, (t, d, n) => ((string?)$"---\ntitle: \"{t}\"\ndate: {d}\nauthor: Desk\ncount: \"{n}\"\ntags: [a, b]\n---", false))),
        (1, Gen.OneOf<(string?, bool)>(("---\ntitle: [unclosed\n---", true), ("---\n- a list\n- not a mapping\n---", true), ("---\na: &x [*x]\n---", true), ("---\ntitle: x\n", true), ("---\n---", true))));

    /// <summary>Any report the generator makes, blocks left open included.</summary>
    public static readonly Gen<Report> Reports = ReportsOf(Section(Block, HeadingAt(Gen.Int[2, 6], Gen.Frequency((4, HeadingWords), (1, Sentence), (1, Gen.Const(""))))));

    /// <summary>
    /// Reports whose sections are self-contained (no block left open to swallow the sections after it) and siblings under
    /// headings that give no date (all "##" and plain words: moving one changes no heading's parent, and no heading's day
    /// takes its year from the section before), so that moving a section moves its text and changes nothing else's
    /// meaning. (A yearless day in a heading takes the year the report last spoke of: that reading moves with the text.)
    /// </summary>
    public static readonly Gen<Report> SelfContainedReports = ReportsOf(Section(ClosedBlock, HeadingAt(Gen.Const(2), Gen.Frequency((4, HeadingWords), (1, Gen.Const(""))))));

    private static Gen<Report> ReportsOf(Gen<string> section) => Gen.Select(
        FrontMatter,
        Gen.OneOf("Country report", "Extremism & Counter-Extremism", "A"),
        section.Array[2, 6],
        FootnoteDefinition.Array[0, 4],
        Gen.Int[0, 9],
        (front, title, sections, footnotes, crlf) => new Report(front.Text, front.Broken, title, sections, string.Join("\n", footnotes), crlf == 0));

    private static string Capitalised(string s) => s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;
}
