using System.Collections.Frozen;

namespace CiteCheck.Checks.Figures;

/// <summary>
/// The words the cross-check reads meaning from: kinds of happening, what happened to the people counted,
/// nouns that count people, qualifiers, and words that are never names. English reports only.
/// </summary>
public static class Lexicon
{
    /// <summary>Kinds of happening, by the stems that announce them.</summary>
    public static readonly IReadOnlyList<(string Kind, string[] Stems)> Kinds =
    [
        ("riot", ["riot", "mutin", "uprising", "unrest", "rise up", "rose up", "hostage"]),
        ("attack", ["attack", "assault", "ambush", "rammed", "hit-and-run", "stab", "shooting", "gunmen", "gunfire", "massacre", "raid on", "ran the", "ran over", "plowed", "ploughed", "suicide", "beat", "assassinat", "abduct", "kidnap"]),
        ("bombing", ["bomb", "explosi", "blast", "detonat", "ied"]),
        ("clash", ["clash", "fighting", "open fire", "opened fire", "fired", "battle", "skirmish"]),
        ("sentence", ["sentenc", "jailed", "prison term", "terms ranging", "terms range", "verdict", "convict", "trial", "tried", "court"]),
        ("arrest", ["arrest", "detain", "detention", "custody", "round-up", "rounded up", "apprehend", "seiz"]),
        ("defection", ["defect", "switched sides"]),
        ("protest", ["protest", "rally", "rallies", "marched", "marches", "marching", "marchers", "demonstrat", "gathered", "crowd"]),
        ("strike", ["strike", "walk out", "walked out", "walk-out", "walkout", "walks out", "stoppage"]),
        ("election", ["election", "vote", "ballot", "poll", "turnout", "referendum", "candida"]),
        ("shutdown", ["shutdown", "shut down", "switch off", "switching off", "switched off", "blocked", "blackout", "cut off", "internet", "restrict"]),
        ("sanction", ["sanction", "asset freeze", "travel ban", "designat", "blacklist"]),
        ("loan", ["loan", "credit", "financing", "bailout", "imf", "debt", "grant"]),
        ("aid", ["pledg", "donor", "aid", "assistance", "humanitarian", "relief", "reconstruction"]),
        ("amnesty", ["amnesty", "pardon", "releas", "freed"]),
        ("ban", ["ban", "outlaw", "prohibit", "dissolv", "liquidat"]),
        ("plot", ["plot", "coup", "overthrow", "conspir", "planned to", "were planned", "prevent", "foil", "thwart"]),
        ("law", ["law", "decree", "amendment", "legislation", "strategy", "act of"]),
        ("expulsion", ["expel", "expuls", "deport", "extradit", "transferr", "repatriat"]),
        ("agreement", ["accord", "agreement", "peace deal", "peace talks", "ceasefire", "treaty", "truce"]),
        ("emergency", ["curfew", "state of emergency", "emergency rule", "martial law", "lockdown"]),
        ("justice", ["tribunal", "truth commission", "reparation", "commission of inquiry"]),
        ("crackdown", ["broke up", "broken up", "break up", "dismantl", "crackdown", "crack down", "cracked down"]),
        ("disaster", ["flood", "earthquake", "cyclone", "storm", "drought", "landslide", "monsoon", "tsunami", "famine", "epidemic", "outbreak", "wildfire"]),
        ("migration", ["asylum", "emigra", "migra", "refugee", "remittance"]),
        ("economy", ["inflation", "gdp", "peg", "float", "devalu", "devaluation", "currency", "exchange rate", "growth", "recession", "budget", "deficit", "unemployment", "poverty"]),
    ];

    /// <summary>What happened to the people counted, by stem: the measure of a count.</summary>
    public static readonly IReadOnlyList<(string Outcome, string[] Stems)> Outcomes =
    [
        ("killed", ["killed", "kill", "dead", "died", "die", "death", "lives", "life", "fatalit", "toll", "murdered", "slain", "executed"]),
        ("injured", ["injur", "wound", "hurt", "hospitali"]),
        ("casualties", ["casualt"]),
        ("detained", ["detain", "detention", "arrest", "custody", "behind bars", "imprison", "held in", "held without", "jailed", "in prison", "political prisoners"]),
        ("sentenced", ["sentenc", "convict", "prison term", "received", "found guilty", "jail term"]),
        ("charged", ["charged", "indicted", "prosecuted", "accused"]),
        ("released", ["releas", "freed", "pardon", "amnest"]),
        ("expelled", ["expel", "dismiss", "fired", "lost their jobs", "deport", "extradit"]),
        ("displaced", ["displac", "fled", "refugee", "evacuat"]),
        ("fighters", ["fighter", "travel", "joined", "join", "foreign fighters", "recruit", "left to fight"]),
        ("returned", ["return", "repatriat"]),
        ("asylum", ["asylum", "granted asylum", "resettled", "refugee status"]),
        ("population", ["population", "inhabitants"]),
        ("attended", ["marched", "marching", "rallied", "rally", "drew", "draw", "gathered", "turned out", "attended"]),
        ("struck", ["walked out", "walk out", "strike", "struck"]),
        ("sanctioned", ["sanction", "listed", "asset freeze", "travel ban", "designat"]),
        ("disbarred", ["disbar"]),
        ("dismantled", ["broke up", "broken up", "dismantl", "disrupted", "neutralis", "neutraliz", "uncovered"]),
        ("voted", ["voted", "ballots", "cast", "voters"]),
        ("shutdowns", ["shutdown"]),
    ];

    /// <summary>Nouns that count people (a count of these is a head count).</summary>
    public static readonly FrozenSet<string> PeopleNouns = new[]
    {
        "people", "person", "persons", "individuals", "inmates", "prisoners", "guards", "officers", "officer", "police", "policemen", "soldiers",
        "troops", "civilians", "protesters", "protestors", "demonstrators", "students", "journalists", "members", "defendants", "suspects",
        "supporters", "fighters", "militants", "insurgents", "workers", "tourists", "cyclists", "men", "women", "children", "residents",
        "officials", "detainees", "administrators", "activists", "leaders", "nationals", "citizens", "migrants", "refugees", "voters",
        "lawyers", "bloggers", "strikers", "teachers", "doctors", "candidates", "judges", "deputies", "mps", "victims", "attackers",
        "assailants", "terrorists", "gunmen", "perpetrators", "recruits", "returnees", "opponents", "dissidents", "staff", "employees",
        "inmate", "prisoner", "guard", "soldier", "civilian", "protester", "student", "journalist", "member", "defendant", "suspect",
        "worker", "tourist", "cyclist", "man", "woman", "child", "resident", "official", "americans", "foreigners", "others", "senators",
        "correspondents", "passers-by", "passersby", "bystanders", "pedestrians", "adults", "lecturers", "clerics", "imams", "commanders", "agents", "bombers", "hostages", "pilgrims", "passengers",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Qualifiers before a figure, longest first, with how they bound it.</summary>
    public static readonly IReadOnlyList<(string[] Words, Qualifier Qualifier)> Qualifiers =
    [
        (["at", "least"], Qualifier.AtLeast),
        (["no", "fewer", "than"], Qualifier.AtLeast),
        (["no", "less", "than"], Qualifier.AtLeast),
        (["more", "than"], Qualifier.MoreThan),
        (["upwards", "of"], Qualifier.MoreThan),
        (["in", "excess", "of"], Qualifier.MoreThan),
        (["fewer", "than"], Qualifier.LessThan),
        (["less", "than"], Qualifier.LessThan),
        (["up", "to"], Qualifier.UpTo),
        (["at", "most"], Qualifier.UpTo),
        (["as", "many", "as"], Qualifier.UpTo),
        (["closer", "to"], Qualifier.About),
        (["close", "to"], Qualifier.About),
        (["an", "estimated"], Qualifier.About),
        (["some"], Qualifier.About),
        (["about"], Qualifier.About),
        (["around"], Qualifier.About),
        (["approximately"], Qualifier.About),
        (["roughly"], Qualifier.About),
        (["almost"], Qualifier.Nearly),
        (["nearly"], Qualifier.Nearly),
        (["over"], Qualifier.MoreThan),
        (["under"], Qualifier.LessThan),
        (["estimated"], Qualifier.About),
    ];

    /// <summary>Words that are capitalised without being names: months, days, titles, sentence openers, institutions' common nouns.</summary>
    public static readonly FrozenSet<string> NotNames = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "the", "a", "an", "in", "on", "at", "of", "and", "or",
        "but", "although", "after", "before", "since", "during", "while", "when", "by", "for", "from", "with", "as", "it", "its", "this",
        "that", "these", "those", "there", "their", "they", "he", "she", "his", "her", "we", "our", "according", "however", "furthermore",
        "additionally", "also", "despite", "given", "following", "under", "over", "among", "between", "less", "more", "most", "some",
        "many", "several", "both", "each", "all", "no", "not", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "source", "sources", "president", "general", "judge", "minister", "prime", "deputy", "chief", "commander", "leader", "dr", "mr",
        "mrs", "ms", "prof", "sir", "gen", "col", "lt", "sgt", "capt", "justice", "prosecutor", "prosecutor-general", "ambassador", "senator",
        "governor", "mayor", "secretary", "colonel", "major", "captain", "lieutenant", "sergeant", "admiral", "marshal", "brigadier",
        "commissioner", "inspector", "sheikh", "imam", "mullah", "emir", "king", "queen", "prince", "princess", "blogger", "journalist", "director", "chairman", "spokesman", "spokeswoman", "head", "former", "then", "new", "late", "early",
        "timeline", "overview", "sanctions", "once", "recently", "meanwhile", "later", "later,", "what", "who", "which", "where", "why", "how",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a capitalised phrase an institution, place or thing rather than a person.</summary>
    public static readonly FrozenSet<string> InstitutionWords = new[]
    {
        "court", "ministry", "party", "committee", "council", "university", "commission", "agency", "office", "bank", "fund", "union",
        "republic", "state", "states", "province", "region", "district", "street", "bridge", "park", "works", "steelworks", "centre",
        "center", "group", "movement", "front", "army", "force", "forces", "service", "services", "news", "radio", "times", "post",
        "press", "international", "institute", "foundation", "organization", "organisation", "department", "house", "watch", "nations",
        "national", "islamic", "democratic", "federation", "assembly", "parliament", "government", "administration", "police", "guard",
        "station", "prison", "hospital", "airport", "square", "city", "town", "village", "river", "lake", "mountains", "valley", "sea",
        "gulf", "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "case", "act", "law", "code",
        "day", "war", "civil", "revolution", "agreement", "accord", "treaty", "strategy", "program", "programme", "initiative", "summit",
        "conference", "election", "elections", "platform", "channel", "channels", "network", "company", "corporation", "inc", "ltd",
        "group's", "jamestown", "europe", "asia", "africa", "america", "american", "european", "asian", "union's", "al-qaeda", "isis",
        "taliban", "cec", "osce", "imf", "un", "eu", "us", "uk", "ohchr", "unhcr", "nato", "amnesty", "reuters", "bbc", "ap", "afp",
        "tractor", "monitor", "media", "academy", "school", "college", "library", "review", "journal", "daily", "weekly", "herald",
        "grand", "high", "supreme", "regional", "military", "special", "federal", "criminal", "penal", "security", "intelligence",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that say a figure is someone's claim, and words that set two claims against each other.</summary>
    public static readonly string[] AttributionStems =
    [
        "sources", "groups", "group", "organizations", "organisations", "activists", "opposition", "monitors", "observers", "ngo",
        "non-governmental", "officials", "ministry", "government", "authorities", "according", "counted",
        "claimed", "claim", "said", "say", "says", "put the", "reported", "others", "independent",
    ];

    public static readonly string[] ContrastWords = ["although", "while", "whereas", "but", "however", "closer to", "other estimates", "others put", "though"];

    public static readonly FrozenSet<string> Stopwords = new[]
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "as", "is", "was", "were", "are",
        "be", "been", "being", "has", "have", "had", "it", "its", "this", "that", "these", "those", "which", "who", "whom", "whose", "their",
        "they", "them", "he", "she", "his", "her", "him", "we", "our", "after", "before", "during", "since", "until", "while", "when", "than",
        "more", "most", "least", "less", "over", "under", "about", "around", "some", "all", "any", "each", "both", "into", "onto", "out",
        "up", "down", "also", "not", "no", "nor", "so", "such", "there", "here", "then", "later", "earlier", "would", "could", "should",
        "will", "may", "might", "can", "did", "do", "does", "said", "says", "say", "according", "other", "another", "same", "one", "first",
        "last", "next", "year", "years", "month", "months", "day", "days", "week", "weeks", "per", "cent", "percent", "people", "including",
        "among", "between", "through", "throughout", "against", "within", "without", "because", "although", "however", "whereas", "where",
        "what", "how", "why", "if", "only", "just", "still", "yet", "even", "very", "much", "many", "several", "new", "former", "time",
        "least", "nearly", "almost", "approximately", "reportedly", "allegedly", "estimated", "an", "s",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The kind named first in lowerText[start..end].</summary>
    /// <summary>Outcomes that total a year or a disaster ("displaced in 2022", "deported in 2022"): compared across claims that share the kind and the year.</summary>
    public static readonly HashSet<string> Statistics = ["displaced", "fighters", "returned", "asylum", "expelled", "population", "voted", "sanctioned", "dismantled"];

    public static string? KindOf(string lowerText, int start, int end)
    {
        string? first = null;
        var firstAt = int.MaxValue;
        foreach (var (kind, stems) in Kinds)
        {
            foreach (var stem in stems)
            {
                for (var at = lowerText.IndexOf(stem, start, end - start, StringComparison.Ordinal); at >= 0 && at < end; at = at + 1 < end ? lowerText.IndexOf(stem, at + 1, end - at - 1, StringComparison.Ordinal) : -1)
                {
                    if (MatchesAt(lowerText, at, stem))
                    {
                        if (at < firstAt)
                        {
                            (first, firstAt) = (kind, at);
                        }
                        break;
                    }
                }
            }
        }
        return first;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> KindWords = new(StringComparer.Ordinal);

    /// <summary>Whether one lower-cased word names a kind of happening (memoised: every claim asks for every word).</summary>
    public static bool IsKindWord(string lowerWord) => KindWords.GetOrAdd(lowerWord, w => KindsIn(w).Any());

    /// <summary>All kinds named in a stretch of lower-cased text.</summary>
    public static IEnumerable<string> KindsIn(string lowerText)
    {
        foreach (var (kind, stems) in Kinds)
        {
            if (stems.Any(stem => ContainsWordStart(lowerText, stem)))
            {
                yield return kind;
            }
        }
    }

    public static bool ContainsWordStart(string lowerText, string stem)
    {
        for (var at = lowerText.IndexOf(stem, StringComparison.Ordinal); at >= 0; at = lowerText.IndexOf(stem, at + 1, StringComparison.Ordinal))
        {
            if (MatchesAt(lowerText, at, stem))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A stem matches at the start of a word; a short stem ("ban", "law", "ied") only as a whole word or with an inflection ("bans", "banned").</summary>
    private static bool MatchesAt(string lowerText, int at, string stem)
    {
        if (at > 0 && char.IsLetter(lowerText[at - 1]))
        {
            return false;
        }
        if (stem.Length > 4)
        {
            return true;
        }
        var end = at + stem.Length;
        var rest = end;
        while (rest < lowerText.Length && char.IsLetter(lowerText[rest]))
        {
            rest++;
        }
        var suffix = lowerText[end..rest];
        return suffix is "" or "s" or "es" or "ed" or "d" or "en" or "ing" or "ned" or "ning" or "ted" or "er" or "ers" or "ings";
    }

    /// <summary>A crude stem for comparing content words: lower case, common suffixes off ("cyclists" and "cycling" → "cycl").</summary>
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        foreach (var suffix in new[] { "ings", "ing", "ists", "ist", "ers", "er", "ies", "ied", "es", "ed", "s" })
        {
            if (w.Length - suffix.Length >= 4 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return w[..^suffix.Length];
            }
        }
        return w;
    }
}

public enum Qualifier
{
    Exact,
    AtLeast,
    MoreThan,
    LessThan,
    UpTo,
    About,
    Nearly,
}
