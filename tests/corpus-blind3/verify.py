#!/usr/bin/env python3
"""Check every document in this corpus against its key.

Usage: python3 verify.py [DOCUMENT_DIR ...]

With no arguments, every folder next to this script that holds an
expected.json is checked. Standard library only; if PyYAML is installed,
sources.yaml is also read with it and compared with the built-in reader.
Exit status 0 when every check passes, 1 otherwise.

This copy is adapted for longer documents (150-300 lines, 3,000-6,000
words) in two styles: a think-tank report (## Overview ... ## Timeline) and
an encyclopedia-style article (lead, ### year headings, tables, lists).
The arithmetic behind each conflict and trap is declared per document in
MATHS, using the helpers below.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

KINDS = {"count", "date", "range", "amount", "percent", "name"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
         "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

CITE = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\) \[(\d+)\]")
GROUP = re.compile(r" \(Sources?: (?:\[[^\]]+\]\(https?://[^)\s]+\) \[\d+\](?:, )?)+\)$")
BOLD_DATE = re.compile(r"^- \*\*(%s) (\d{1,2}), (\d{4}):\*\* " % "|".join(MONTHS))
DMY = re.compile(r"\b(\d{1,2}) (%s) (\d{4})\b" % "|".join(MONTHS))
MDY = re.compile(r"\b(%s) (\d{1,2}), (\d{4})\b" % "|".join(MONTHS))
MY = re.compile(r"\b(%s) (\d{4})\b" % "|".join(MONTHS))
SENTENCE_END = re.compile(r"[.!?][\"')]*(?=\s+[A-Z\"']|\s*$)")


# ---------------------------------------------------------------- parsing

def word_numbers(text):
    """Numbers written in words ('forty-one', 'two hundred', 'nine'),
    as (position, value) pairs in order."""
    toks = list(re.finditer(r"[A-Za-z]+", text))
    out, i = [], 0
    while i < len(toks):
        w = toks[i].group(0).lower()
        if w not in WORDS and w not in TENS:
            i += 1
            continue
        total, cur, j = 0, 0, i
        while j < len(toks):
            w = toks[j].group(0).lower()
            if j > i and text[toks[j - 1].end():toks[j].start()] not in (" ", "-"):
                break
            if w in WORDS and (j == i or cur % 10 == 0) and not (j > i and cur and cur < 20):
                cur += WORDS[w]
            elif w in TENS and (j == i or cur % 100 == 0):
                cur += TENS[w]
            elif w == "hundred" and j > i:
                cur *= 100
            elif w in ("thousand", "million") and j > i:
                total += cur * SCALES[w]
                cur = 0
            else:
                break
            j += 1
        out.append((toks[i].start(), float(total + cur)))
        i = j
    return out


def digit_numbers(text):
    return [(m.start(), float(m.group(1).replace(",", "")) * (1_000_000 if m.group(2) else 1))
            for m in re.finditer(r"(\d[\d,]*(?:\.\d+)?)(\s*million)?", text)]


def number(text):
    """First number in text: digits with commas or decimals, an optional
    'million', or else the first number written in words."""
    d = digit_numbers(text)
    if d:
        return d[0][1]
    w = word_numbers(text)
    if w:
        return w[0][1]
    raise ValueError("no number in %r" % text)


def numbers(text):
    """Every number in text, digits or words, in order."""
    return [v for _, v in sorted(digit_numbers(text) + word_numbers(text))]


def full_date(text):
    """(year, month, day) of the first day-level date in text, or None."""
    hits = []
    for m in DMY.finditer(text):
        hits.append((m.start(), (int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1)))))
    for m in MDY.finditer(text):
        hits.append((m.start(), (int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2)))))
    return min(hits)[1] if hits else None


def month(text):
    d = full_date(text)
    if d:
        return d[:2]
    m = MY.search(text)
    if not m:
        raise ValueError("no month in %r" % text)
    return (int(m.group(2)), MONTHS.index(m.group(1)) + 1)


def sentence_with(line, value):
    """The sentence of line that contains value."""
    i = line.index(value)
    start = 0
    for m in SENTENCE_END.finditer(line):
        if m.end() <= i:
            start = m.end()
        else:
            return line[start:m.end()]
    return line[start:]


def date_of(line, value):
    """Date of the event a value belongs to: the bold date of a timeline
    item, otherwise the first full date in the value's sentence."""
    m = BOLD_DATE.match(line)
    if m:
        return (int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2)))
    return full_date(sentence_with(line, value))


def sentences(text):
    return len(SENTENCE_END.findall(text))


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def read_sources_yaml(path):
    """Tiny reader for the sources.yaml layout used here:
    'sources:' then '  - key: value' / '    key: value' lines."""
    items = []
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "sources:":
        raise ValueError("sources.yaml must start with 'sources:'")
    for n, raw in enumerate(lines[1:], 2):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        m = re.match(r"^(  - |    )([a-z_]+): (.*)$", raw)
        if not m:
            raise ValueError("sources.yaml line %d: unexpected layout: %r" % (n, raw))
        if m.group(1) == "  - ":
            items.append({})
        elif not items:
            raise ValueError("sources.yaml line %d: field before first item" % n)
        key, val = m.group(2), m.group(3).strip()
        if val.startswith('"'):
            if not val.endswith('"') or len(val) < 2:
                raise ValueError("sources.yaml line %d: unterminated string" % n)
            val = val[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        elif val.startswith("'"):
            val = val[1:-1].replace("''", "'")
        if key in items[-1]:
            raise ValueError("sources.yaml line %d: duplicate key %s" % (n, key))
        items[-1][key] = int(val) if key == "id" else val
    return items


# ------------------------------------------------------ per-document maths
# Each check receives (values, lines_text) where lines_text maps a line
# number to its text, and returns True when the arithmetic holds.  DOC
# holds every line of the document being checked, so that a date written
# without its year ("on 14 March") can take the year of the heading above.

DOC = []
DM = re.compile(r"\b(\d{1,2}) (%s)\b" % "|".join(MONTHS))
MD = re.compile(r"\b(%s) (\d{1,2})\b" % "|".join(MONTHS))
MONTH_ONLY = re.compile(r"\b(%s)\b" % "|".join(MONTHS))
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def line_of(value, text):
    for i in sorted(text):
        if value in text[i]:
            return i, text[i]
    raise ValueError("%r is on none of the lines" % value)


def heading_year(i):
    """Year in the nearest heading above line i (1-based), or None."""
    for j in range(i - 1, 0, -1):
        if DOC[j - 1].startswith("#"):
            m = YEAR.search(DOC[j - 1])
            return int(m.group(1)) if m else None
    return None


def _partial(text, year):
    """(year, month, day) from a day and month in text, else (year, month,
    None) from a month alone; year is taken from text or given."""
    m = YEAR.search(text)
    y = int(m.group(1)) if m else year
    m = DM.search(text)
    if m:
        return (y, MONTHS.index(m.group(2)) + 1, int(m.group(1)))
    m = MD.search(text)
    if m:
        return (y, MONTHS.index(m.group(1)) + 1, int(m.group(2)))
    m = MONTH_ONLY.search(text)
    if m:
        return (y, MONTHS.index(m.group(1)) + 1, None)
    return (y, None, None) if y else None


def when(value, text):
    """Date of the event a value belongs to, as (year, month, day) with
    None for what is not said: the value's own date, else the bold date of
    a timeline item, else the date in the value's sentence, with the year
    of the heading above when the sentence gives none."""
    i, line = line_of(value, text)
    year = heading_year(i)
    d = full_date(value)
    if d:
        return d
    if YEAR.search(value) or MONTH_ONLY.search(value):
        return _partial(value, year)
    m = BOLD_DATE.match(line)
    if m:
        return (int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2)))
    s = sentence_with(line, value)
    d = full_date(s)
    if d:
        return d
    return _partial(s, year) or ((year, None, None) if year else None)


def strip_accents(s):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def bound_holds(bounded, exact):
    """'more than 40' against 43, 'about 200' against 212, and so on."""
    b, e, low = number(bounded), number(exact), bounded.lower()
    if low.startswith(("more than", "over ", "above ")):
        return e > b
    if low.startswith(("at least", "no fewer than")):
        return e >= b
    if low.startswith(("fewer than", "less than", "under ")):
        return e < b
    if low.startswith(("up to", "at most")):
        return e <= b
    if low.startswith(("nearly", "almost", "just under", "close to")):
        return b * 0.9 <= e < b
    if low.startswith(("about", "around", "some ", "roughly", "approximately", "an estimated")):
        return e != b and abs(e - b) <= 0.1 * b
    raise ValueError("no bound word in %r" % bounded)


# conflicts: the sides must really disagree

def differ(v, t):
    vals = [number(x) for x in v]
    return len(set(vals)) == len(vals)


def dates_differ(v, t):
    ds = [when(x, t) for x in v]
    return all(d and d[1] for d in ds) and len(set(ds)) == len(ds)


def ranges_differ(v, t):
    a, b = numbers(v[0])[:2], numbers(v[1])[:2]
    return len(a) == len(b) == 2 and a != b and bool(set(a) & set(b))


def names_differ(v, t):
    a, b = (x.split() for x in v)
    return a != b and a[:-1] == b[:-1] and 0 < edit_distance(a[-1], b[-1]) <= 2


# traps: the figures must be consistent

def same_number(v, t):
    return len({number(x) for x in v}) == 1 and len(set(v)) == len(v)


def parts_sum(parts, total):
    return lambda v, t: sum(number(v[i]) for i in parts) == number(v[total])


def subset_of(total, part):
    return lambda v, t: number(v[part]) < number(v[total])


def bounded(b, e):
    return lambda v, t: bound_holds(v[b], v[e])


def day_in_month(m, days):
    def check(v, t):
        mo, ds = when(v[m], t), [when(v[i], t) for i in days]
        return mo[2] is None and all(d[:2] == mo[:2] and d[2] for d in ds) and len(set(ds)) == 1
    return check


def different_years(v, t):
    ys = [when(x, t)[0] for x in v]
    return None not in ys and len(set(ys)) == len(ys)


def different_dates(v, t):
    ds = [when(x, t) for x in v]
    return None not in ds and len(set(ds)) == len(ds)


def running_total(v, t):
    """Cumulative figures at different dates grow with time."""
    pairs = sorted((tuple(x or 0 for x in when(x_, t)), number(x_)) for x_ in v)
    ks = [k for k, _ in pairs]
    return len(set(ks)) == len(ks) and all(a[1] < b[1] for a, b in zip(pairs, pairs[1:]))


def in_places(*places):
    """Each value's sentence names its own, different place."""
    def check(v, t):
        ss = [sentence_with(line_of(x, t)[1], x) for x in v]
        return len(set(places)) == len(places) and all(p in s for p, s in zip(places, ss)) \
            and all(q not in s for p, s in zip(places, ss) for q in places if q != p and not q.startswith(p))
    return check


def undated_or_other_year(v, t):
    ys = [YEAR.search(sentence_with(line_of(x, t)[1], x)) for x in v]
    ys = [int(m.group(1)) if m else None for m in ys]
    return len(set(ys)) == len(ys)


def accent_variant(v, t):
    return v[0] != v[1] and strip_accents(v[0]) == strip_accents(v[1])


def possessive(v, t):
    tail = re.compile(r"['\u2019]s?$")
    a, b = (tail.sub("", x).split()[-1] for x in v)
    return v[0] != v[1] and a == b and any(tail.search(x) for x in v)


def demonym(v, t):
    a, b = sorted(v, key=len)
    return a != b and b.startswith(a.rstrip("aeiouy")) and len(b) - len(a) <= 3


def plural(v, t):
    a, b = sorted(v, key=len)
    return b == a + "s"


def two_people(v, t):
    titles = {"Judge", "General", "Colonel", "Captain", "Dr", "Dr.", "Major", "Minister", "Governor"}
    a, b = ([w for w in x.split() if w not in titles] for x in v)
    return a[-1] == b[-1] and a[0] != b[0]


MATHS = {
    'alcoba-earthquake': {
        'K1': differ,
        'K2': dates_differ,
        'K3': differ,
        'K4': differ,
        'K5': ranges_differ,
        'K6': differ,
        'K7': names_differ,
        'T1': parts_sum([1, 2], 0),
        'T2': same_number,
        'T3': bounded(0, 1),
        'T4': bounded(0, 1),
        'T5': bounded(0, 1),
        'T6': day_in_month(0, [1]),
        'T7': different_years,
        'T8': in_places('Valdoria', 'Marisca'),
        'T9': running_total,
        'T10': lambda v, t: numbers(v[0])[1] == number(v[1]),
        'T11': subset_of(0, 1),
        'T12': accent_variant,
        'T13': demonym,
        'T14': two_people,
        'T15': undated_or_other_year,
        'T16': different_dates,
        'N1': lambda v, t: number(v[0]) < number(v[1]),
        'N2': lambda v, t: number(v[0]) < number(v[1]),
    },
    'tamrit-liberation-front': {
        'K1': differ,
        'K2': dates_differ,
        'K3': differ,
        'K4': ranges_differ,
        'K5': differ,
        'K6': differ,
        'K7': names_differ,
        'T1': subset_of(0, 1),
        'T2': running_total,
        'T3': different_years,
        'T4': different_dates,
        'T5': bounded(0, 1),
        'T6': bounded(0, 1),
        'T7': same_number,
        'T8': day_in_month(0, [1]),
        'T9': lambda v, t: numbers(v[0])[1] == number(v[1]),
        'T10': plural,
        'T11': accent_variant,
        'T12': demonym,
        'T13': two_people,
        'T14': possessive,
        'T15': undated_or_other_year,
        'T16': parts_sum([0, 1, 2], 3),
        'N1': lambda v, t: number(v[1]) < number(v[0]),
    },
    'tervania': {
        'K1': differ,
        'K2': differ,
        'K3': dates_differ,
        'K4': differ,
        'K5': ranges_differ,
        'K6': differ,
        'K7': names_differ,
        'T1': bounded(0, 1),
        'T2': subset_of(0, 1),
        'T3': same_number,
        'T4': bounded(0, 1),
        'T5': day_in_month(0, [1, 2]),
        'T6': different_years,
        'T7': different_dates,
        'T8': two_people,
        'T9': running_total,
        'T10': lambda v, t: numbers(v[0])[1] == number(v[1]),
        'T11': parts_sum([0, 1, 2], 3),
        'T12': subset_of(0, 1),
        'T13': possessive,
        'T14': demonym,
        'T15': plural,
        'T16': undated_or_other_year,
        'T17': bounded(0, 1),
        'T18': lambda v, t: number(v[0]) + 1 == number(v[1]),
        'N1': lambda v, t: number(v[0]) < number(v[1]) and all('government' in x for x in t.values()),
        'N2': lambda v, t: number(v[0]) < number(v[1]),
    },
}


# ------------------------------------------------------------------ checks

def check_document(folder):
    errors = []

    def err(msg):
        errors.append("%s: %s" % (folder.name, msg))

    key = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    report_path = folder / key["document"]
    raw = report_path.read_bytes()
    text = raw.decode("utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    else:
        err("report does not end with a newline")
    nlines = len(lines)

    # --- shape of the report
    # Two styles: a think-tank report (first section '## Overview', a
    # '## Timeline' of bold-dated items) and an encyclopedia-style article
    # (lead paragraphs before the first section, '### YYYY' history
    # headings, tables and lists).
    words = len(text.split())
    if not 150 <= nlines <= 300:
        err("report has %d lines, expected 150-300" % nlines)
    if not 3_000 <= words <= 6_000:
        err("report has %d words, expected 3,000-6,000" % words)
    if not lines[0].startswith("# ") or lines[0].startswith("## "):
        err("line 1 is not a level-1 title")
    headings = [(i, l[3:]) for i, l in enumerate(lines, 1) if l.startswith("## ")]
    if not 6 <= len(headings) <= 14:
        err("%d sections, expected 6-14" % len(headings))
    names = [h for _, h in headings]
    style = "report" if names and names[0] == "Overview" else "article"
    if style == "report":
        for needed in ("Overview", "Timeline"):
            if needed not in names:
                err("no '## %s' section" % needed)
    else:
        first = headings[0][0] if headings else nlines + 1
        if not any(l and not l.startswith("#") for l in lines[1:first - 1]):
            err("article has no lead before its first section")
        years = [l for l in lines if l.startswith("### ") and YEAR.search(l)]
        if len(years) < 3:
            err("article has %d '### YYYY' headings, expected 3 or more" % len(years))
    timeline_start = dict((h, i) for i, h in headings).get("Timeline", nlines + 1)
    timeline_end = min([i for i, _ in headings if i > timeline_start] + [nlines + 1])

    paragraphs, items, rows = [], [], []
    for i, l in enumerate(lines, 1):
        if l != l.rstrip() or "\t" in l:
            err("line %d has trailing white space or a tab" % i)
        if not l or l.startswith("#"):
            continue
        if l.startswith("|"):
            rows.append(i)
            if style == "report":
                err("line %d: table in a report-style document" % i)
            continue
        if l.startswith("- "):
            items.append(i)
            if style == "article" and not timeline_start < i < timeline_end:
                continue  # an article's lists may carry their sources elsewhere
        else:
            paragraphs.append(i)
        if not GROUP.search(l):
            err("line %d does not end with a (Source: ...) or (Sources: ...) group" % i)
    if style == "article" and not rows:
        err("article has no table")
    for i in range(2, nlines + 1):
        a, b = lines[i - 2], lines[i - 1]
        if a and b and not (a.startswith("- ") and b.startswith("- ")) \
                and not (a.startswith("|") and b.startswith("|")):
            err("lines %d and %d are not separated by a blank line" % (i - 1, i))
    table, width = [], None
    for i in rows + [None]:
        if table and (i is None or i != table[-1] + 1):
            cells = [lines[j - 1].count("|") for j in table]
            if len(table) < 3 or len(set(cells)) != 1 or not re.fullmatch(r"[|\-: ]+", lines[table[1] - 1]):
                err("lines %d-%d: malformed table" % (table[0], table[-1]))
            table = []
        if i is not None:
            table.append(i)
    for i in paragraphs:
        if timeline_start < i < timeline_end:
            err("line %d: paragraph inside the timeline" % i)
        body = GROUP.sub("", lines[i - 1])
        n = sentences(body)
        if not 3 <= n <= 7:
            err("line %d: paragraph has %d sentences, expected 3-7" % (i, n))
    last = None
    timeline_items = [i for i in items if timeline_start < i < timeline_end]
    for i in items:
        if not timeline_start < i < timeline_end:
            continue
        m = BOLD_DATE.match(lines[i - 1])
        if not m:
            err("line %d: timeline item does not start with '- **Month D, YYYY:**'" % i)
            continue
        d = (int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2)))
        if last and d < last:
            err("line %d: timeline out of order" % i)
        last = d
        if not GROUP.search(lines[i - 1]):
            err("line %d: timeline item without its own source" % i)
    if style == "report" and not timeline_items:
        err("empty timeline")

    # --- citations
    label, url, first_seen = {}, {}, []
    for i, l in enumerate(lines, 1):
        tail = GROUP.search(l)
        body = l[:tail.start()] if tail else l
        if CITE.search(body):
            err("line %d: citation outside the closing source group" % i)
        for m in CITE.finditer(l):
            lab, u, n = m.group(1), m.group(2), int(m.group(3))
            label.setdefault(n, set()).add(lab)
            url.setdefault(n, set()).add(u)
            if n not in first_seen:
                first_seen.append(n)
    for n in sorted(label):
        if len(label[n]) != 1:
            err("source [%d] has several labels: %s" % (n, sorted(label[n])))
        if len(url[n]) != 1:
            err("source [%d] has several URLs: %s" % (n, sorted(url[n])))
    if first_seen != list(range(1, len(first_seen) + 1)):
        err("first citations are not 1, 2, 3, ... in order: %s" % first_seen)
    if not 30 <= len(first_seen) <= 80:
        err("%d sources cited, expected 30-80" % len(first_seen))
    owners = {}
    for n, us in url.items():
        for u in us:
            owners.setdefault(u, set()).add(n)
    for u, ns in owners.items():
        if len(ns) > 1:
            err("URL %s is used by several numbers %s" % (u, sorted(ns)))

    # --- sources.yaml
    try:
        srcs = read_sources_yaml(folder / "sources.yaml")
    except ValueError as e:
        err(str(e))
        srcs = []
    try:
        import yaml  # optional
        loaded = yaml.safe_load((folder / "sources.yaml").read_text(encoding="utf-8"))
        if loaded != {"sources": srcs}:
            err("PyYAML and the built-in reader disagree about sources.yaml")
        yaml_note = "sources.yaml read by hand and by PyYAML"
    except ImportError:
        yaml_note = "sources.yaml read by hand (PyYAML not installed)"
    ids = [s.get("id") for s in srcs]
    if ids != list(range(1, len(ids) + 1)):
        err("sources.yaml ids are not 1..N in order")
    if set(ids) != set(label):
        err("sources.yaml ids %s differ from cited numbers" % sorted(set(ids) ^ set(label)))
    for s in srcs:
        missing = {"id", "publisher", "title", "url", "date"} - set(s)
        if missing:
            err("sources.yaml id %s lacks %s" % (s.get("id"), sorted(missing)))
            continue
        n = s["id"]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s["date"]):
            err("sources.yaml id %d: date %r is not YYYY-MM-DD" % (n, s["date"]))
        if n in label and label[n] != {s["publisher"]}:
            err("source [%d]: label %s but publisher %r" % (n, sorted(label[n]), s["publisher"]))
        if n in url and url[n] != {s["url"]}:
            err("source [%d]: URL in text differs from sources.yaml" % n)
        y, mo, d = (int(x) for x in s["date"].split("-"))
        m = re.search(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:/|$)", s["url"])
        if m and (int(m.group(1)), int(m.group(2)), int(m.group(3))) != (y, mo, d):
            err("source [%d]: date in URL differs from date %s" % (n, s["date"]))
        m = re.search(r"/(\d{4})/(\d{2})/[a-z]", s["url"])
        if m and (int(m.group(1)), int(m.group(2))) != (y, mo):
            err("source [%d]: month in URL differs from date %s" % (n, s["date"]))

    # --- the key
    content = {i for i, l in enumerate(lines, 1) if l and not l.startswith("#")}
    seen_ids = set()
    line_text = lambda ls: {i: lines[i - 1] for i in ls}
    maths = MATHS.get(folder.name, {})
    DOC[:] = lines

    def check_lines(entry, what):
        ok = True
        for i in entry["lines"]:
            if i not in content:
                err("%s: line %d is not a paragraph or timeline item" % (what, i))
                ok = False
        if entry["lines"] != sorted(set(entry["lines"])):
            err("%s: lines are not sorted and unique" % what)
        return ok

    for c in key["conflicts"]:
        cid = c["id"]
        if cid in seen_ids:
            err("duplicate id %s" % cid)
        seen_ids.add(cid)
        if c["kind"] not in KINDS:
            err("%s: unknown kind %r" % (cid, c["kind"]))
        if not check_lines(c, cid):
            continue
        sides = c["sides"]
        if len(sides) < 2 or len(sides) != len(c["values"]):
            err("%s: needs two or more sides, one value per side" % cid)
            continue
        if sorted(i for s in sides for i in s) != c["lines"]:
            err("%s: sides do not partition lines" % cid)
        for side, value in zip(sides, c["values"]):
            for i in side:
                if value not in lines[i - 1]:
                    err("%s: %r not found on line %d" % (cid, value, i))
            for other in c["values"]:
                if other != value and any(other in lines[i - 1] for i in side):
                    err("%s: side %s also states %r" % (cid, side, other))
        if cid in maths:
            try:
                if not maths[cid](c["values"], line_text(c["lines"])):
                    err("%s: the two sides do not actually disagree" % cid)
            except Exception as e:  # a parsing failure is a failed check
                err("%s: arithmetic check failed to run: %s" % (cid, e))
        else:
            err("%s: no arithmetic check defined" % cid)

    for group in ("traps", "neutral"):
        for t in key.get(group, []):
            tid = t.get("id", group)
            if tid in seen_ids:
                err("duplicate id %s" % tid)
            seen_ids.add(tid)
            if not check_lines(t, tid):
                continue
            for v in t.get("values", []):
                if not any(v in lines[i - 1] for i in t["lines"]):
                    err("%s: %r not found on any of lines %s" % (tid, v, t["lines"]))
            for i in t["lines"]:
                if t.get("values") and not any(v in lines[i - 1] for v in t["values"]):
                    err("%s: line %d holds none of the values" % (tid, i))
            if tid in maths:
                try:
                    if not maths[tid](t["values"], line_text(t["lines"])):
                        err("%s: figures are not consistent" % tid)
                except Exception as e:
                    err("%s: arithmetic check failed to run: %s" % (tid, e))
            else:
                err("%s: no arithmetic check defined" % tid)

    # a false alarm on a trap must not be able to score as a conflict,
    # and neutral lines must not overlap conflicts or traps
    for t in key["traps"]:
        for c in key["conflicts"]:
            if all(set(t["lines"]) & set(s) for s in c["sides"]):
                err("%s covers every side of %s: a false alarm on it would score" % (t["id"], c["id"]))
    neutral_lines = {i for n in key.get("neutral", []) for i in n["lines"]}
    for e in key["conflicts"] + key["traps"]:
        if set(e["lines"]) & neutral_lines:
            err("%s shares a line with a neutral entry" % e["id"])

    summary = {
        "document": str(report_path.relative_to(HERE)),
        "lines": nlines,
        "bytes": len(raw),
        "words": words,
        "style": style,
        "sections": len(headings),
        "paragraphs": len(paragraphs),
        "timeline_items": len(timeline_items),
        "list_items": len(items) - len(timeline_items),
        "table_rows": len(rows),
        "sources": len(first_seen),
        "conflicts": len(key["conflicts"]),
        "traps": len(key["traps"]),
        "neutral": len(key.get("neutral", [])),
        "yaml": yaml_note,
    }
    return errors, summary


def main(argv):
    folders = [(Path(a) if Path(a).exists() else HERE / a).resolve() for a in argv] or sorted(
        p.parent for p in HERE.glob("*/expected.json"))
    if not folders:
        print("no documents found")
        return 1
    failed = False
    for folder in folders:
        errors, summary = check_document(folder)
        print("%(document)s (%(style)s): %(lines)d lines, %(words)d words, %(bytes)d bytes, "
              "%(sections)d sections, %(paragraphs)d paragraphs, %(timeline_items)d timeline items, "
              "%(list_items)d other list items, %(table_rows)d table rows, "
              "%(sources)d sources; key: %(conflicts)d conflicts, %(traps)d traps, "
              "%(neutral)d neutral; %(yaml)s" % summary)
        for e in errors:
            print("  FAIL " + e)
        if errors:
            failed = True
        else:
            print("  OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
