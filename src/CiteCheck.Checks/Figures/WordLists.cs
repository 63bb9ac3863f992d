using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;

namespace CiteCheck.Checks.Figures;

/// <summary>
/// The cross-check's word lists: UTF-8 text files in <c>Figures/Words/</c>, embedded in this assembly as
/// <c>CiteCheck.Checks.Figures.Words.&lt;name&gt;.txt</c>. A line starting with <c>#</c> is a comment and blank lines are
/// ignored. A plain list has one entry a line (an entry may hold spaces: "closer to"); a keyed list has
/// <c>key: entry, entry, …</c> a line, in an order that may matter (a key may repeat). Entries are trimmed. A malformed
/// line throws an <see cref="InvalidOperationException"/> naming the resource and the line. Each file is read once.
/// </summary>
public static class WordLists
{
    private const string Prefix = "CiteCheck.Checks.Figures.Words.";

    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Lists = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, FrozenSet<string>> Sets = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Key, string[] Entries)>> Maps = new(StringComparer.Ordinal);

    /// <summary>The names of the embedded lists ("kinds", "stopwords", …), sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. typeof(WordLists).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".txt".Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The entries of a plain list, in file order.</summary>
    public static IReadOnlyList<string> List(string name) => Lists.GetOrAdd(name, n => Read(n, ParseList));

    /// <summary>The entries of a plain list as a set that ignores case.</summary>
    public static FrozenSet<string> Set(string name) => Sets.GetOrAdd(name, n => List(n).ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>The lines of a keyed list, in file order: each line's key and its entries.</summary>
    public static IReadOnlyList<(string Key, string[] Entries)> Map(string name) => Maps.GetOrAdd(name, n => Read(n, ParseMap));

    /// <summary>Reads a plain list in the format above; <paramref name="resource"/> names it in errors.</summary>
    public static IReadOnlyList<string> ParseList(string resource, TextReader reader)
    {
        var entries = new List<string>();
        foreach (var (number, line) in Lines(reader))
        {
            if (line.Contains(':', StringComparison.Ordinal))
            {
                throw Malformed(resource, number, line, "a plain list has one entry a line, without ':' (is this a keyed list?)");
            }
            entries.Add(line);
        }
        return entries;
    }

    /// <summary>Reads a keyed list in the format above; <paramref name="resource"/> names it in errors.</summary>
    public static IReadOnlyList<(string Key, string[] Entries)> ParseMap(string resource, TextReader reader)
    {
        var lines = new List<(string Key, string[] Entries)>();
        foreach (var (number, line) in Lines(reader))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = colon < 0 ? "" : line[..colon].Trim();
            var entries = colon < 0 ? [] : line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries);
            if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal) || entries.Length == 0 || entries.Any(e => e.Length == 0 || e.Contains(':', StringComparison.Ordinal)))
            {
                throw Malformed(resource, number, line, "expected 'key: entry, entry, …' with a one-word key and no empty entry");
            }
            lines.Add((key, entries));
        }
        return lines;
    }

    private static T Read<T>(string name, Func<string, TextReader, T> parse)
    {
        var resource = Prefix + name + ".txt";
        using var stream = typeof(WordLists).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No word list '{name}': the resource '{resource}' is not embedded in {typeof(WordLists).Assembly.GetName().Name} (lists: {string.Join(", ", Names)}).");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return parse(resource, reader);
    }

    /// <summary>The non-blank, non-comment lines of a list, trimmed, with their 1-based line numbers.</summary>
    private static List<(int Number, string Line)> Lines(TextReader reader)
    {
        var result = new List<(int, string)>();
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                result.Add((number, trimmed));
            }
        }
        return result;
    }

    private static InvalidOperationException Malformed(string resource, int number, string line, string expected) =>
        new($"Word list resource '{resource}', line {number}: {expected}; got '{line}'.");
}
