#!/usr/bin/env python3
"""Check every document in this corpus against its key.

Usage: python3 verify.py [DOCUMENT_DIR ...]

With no arguments, every folder next to this script that holds an
expected.json is checked. Standard library only; if PyYAML is installed,
sources.yaml is also read with it and compared with the built-in reader.
Exit status 0 when every check passes, 1 otherwise.
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
         "eleven": 11, "twelve": 12}

CITE = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\) \[(\d+)\]")
GROUP = re.compile(r" \(Sources?: (?:\[[^\]]+\]\(https?://[^)\s]+\) \[\d+\](?:, )?)+\)$")
BOLD_DATE = re.compile(r"^- \*\*(%s) (\d{1,2}), (\d{4}):\*\* " % "|".join(MONTHS))
DMY = re.compile(r"\b(\d{1,2}) (%s) (\d{4})\b" % "|".join(MONTHS))
MDY = re.compile(r"\b(%s) (\d{1,2}), (\d{4})\b" % "|".join(MONTHS))
MY = re.compile(r"\b(%s) (\d{4})\b" % "|".join(MONTHS))
TABLE_RULE = re.compile(r"^\|(?: *:?-{3,}:? *\|)+$")
SENTENCE_END = re.compile(r"[.!?][\"')]*(?=\s+[A-Z\"']|\s*$)")


# ---------------------------------------------------------------- parsing

def number(text):
    """First number in text: digits with commas or decimals, an optional
    'million', or a number word."""
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)(\s*million)?", text)
    if m:
        value = float(m.group(1).replace(",", ""))
        return value * 1_000_000 if m.group(2) else value
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in WORDS:
            return float(WORDS[word])
    raise ValueError("no number in %r" % text)


def numbers(text):
    """Every number in text, digits or words, in order."""
    out = []
    for tok in re.findall(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+", text):
        if tok[0].isdigit():
            out.append(float(tok.replace(",", "")))
        elif tok.lower() in WORDS:
            out.append(float(WORDS[tok.lower()]))
    return out


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
# number to its text, and returns True when the arithmetic holds.

def _respectively(values, text):
    line = next(t for t in text.values() if values[0] in t)
    m = re.search(r"in (\w+) and (\w+) drew ([\d,]+) and ([\d,]+) people, respectively", line)
    pairs = {m.group(1): number(m.group(3)), m.group(2): number(m.group(4))}
    m2 = re.match(r"([\d,]+) march in (\w+)", values[1])
    return pairs[m2.group(2)] == number(m2.group(1)) and len(set(pairs.values())) == 2


def _same_city_years(values, text):
    years = []
    for v in values:
        line = next(t for t in text.values() if v in t)
        years.append(date_of(line, v)[0])
    city = {v.split(" in ")[-1] for v in values}
    return len(city) == 1 and len(set(years)) == len(years)


def _two_trials(values, text):
    (n1, s1, n2, s2) = values
    d1 = date_of(next(t for t in text.values() if n1 in t), n1)
    d2 = date_of(next(t for t in text.values() if n2 in t), n2)
    return number(n1) == number(n2) and numbers(s1) != numbers(s2) and d1 != d2


def _two_people(values, text):
    a, b = (v.replace("Judge ", "").split() for v in values)
    return a[-1] == b[-1] and a[0] != b[0]


def _similar_names(values, text):
    a, b = (v.split() for v in values)
    return a != b and a[0] == b[0] and 0 < edit_distance(a[-1], b[-1]) <= 2


def _attributed(values, text):
    first = min(text)
    return ("interior ministry" in text[first] and "rights groups" in text[first]
            and number(values[0]) < number(values[1])
            and all("interior ministry" in t for t in text.values() if values[0] in t))



# helpers for the longer documents of this set

from datetime import date as _date


def _ne(v, t):
    return number(v[0]) != number(v[1])


def _date_ne(v, t):
    return full_date(v[0]) is not None and full_date(v[1]) is not None and full_date(v[0]) != full_date(v[1])


def _range_ne(v, t):
    a, b = numbers(v[0]), numbers(v[1])
    return len(a) == 2 and len(b) == 2 and a != b and a[0] < a[1] and b[0] < b[1]


def _same_value(v, t):
    return number(v[0]) == number(v[1]) and v[0] != v[1]


def _more_than(v, t):
    return v[0].lower().startswith("more than") and number(v[1]) > number(v[0])


def _about(v, t):
    return (v[0].lower().startswith(("about", "some", "around", "roughly"))
            and number(v[1]) != number(v[0])
            and abs(number(v[1]) - number(v[0])) <= 0.05 * number(v[0]))


def _sum(parts, total, pick=lambda x: number(x)):
    def check(v, t):
        return (round(sum(pick(v[i]) for i in parts), 6) == round(pick(v[total]), 6)
                and len({pick(v[i]) for i in parts}) >= 1)
    return check


def _last(x):
    return numbers(x)[-1]


def _increasing(v, t):
    ns = [number(x) for x in v]
    return all(a < b for a, b in zip(ns, ns[1:]))


def _cumulative(v, t):
    # rows "Label | monthly | cumulative": each cumulative is the previous one plus the monthly figure
    rows = [numbers(x)[-2:] for x in v]
    total = 0
    for monthly, cum in rows:
        total += monthly
        if total != cum:
            return False
    return True


def _month_day(v, t):
    return (month(v[0]) == month(v[1]) and full_date(v[0]) is None
            and full_date(v[1]) is not None)


def _surname_pair(v, t):
    a, b = v[0].split(), v[1].split()
    return a[-1] == b[-1] and a[-2] != b[-2]


def _possessive(v, t):
    first = v[1].split()[0]
    if first.endswith("'s"):
        base = first[:-2]
    elif first.endswith("'"):
        base = first[:-1]
    else:
        return False
    return v[0].split()[-1] == base


def _plural(v, t):
    return v[1] == v[0] + "s"


def _adjective(v, t):
    country = v[0].split()[-1]
    adj = v[1].split()[0]
    return adj != country and adj.startswith(country.rstrip("a")) and adj.endswith("n")


def _accent(v, t):
    import unicodedata
    strip = lambda x: "".join(c for c in unicodedata.normalize("NFD", x) if unicodedata.category(c) != "Mn")
    return v[0] != v[1] and strip(v[0]) == strip(v[1])


def _years_differ(v, t):
    ys = []
    for x in v:
        line = next(l for l in t.values() if x in l)
        m = re.findall(r"\b(?:19|20)\d\d\b", x) or re.findall(r"\b(?:19|20)\d\d\b", sentence_with(line, x))
        ys.append(int(m[-1]))
    return len(set(ys)) == len(ys) and len({number(x) for x in v}) == len(v)


def _differ_said(v, t):
    return (any(re.search(r"\b(differ|vary|varied|disagree|disputed)", l) for l in t.values())
            and len({number(x) for x in v}) == len(v))


def _consecutive_days(v, t):
    ds = []
    for x in v:
        for l in t.values():
            m = BOLD_DATE.match(l)
            if m and x in l:
                ds.append(_date(int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2))))
    ns = [number(x) for x in v]
    return (len(ds) == 2 and (ds[1] - ds[0]).days == 1 and ns[0] != ns[-1])


def _attributed_apart(a_word, b_word):
    # two figures for one quantity, each attributed to a different named source, in different lines
    def check(v, t):
        la = [l for l in t.values() if a_word in l]
        lb = [l for l in t.values() if b_word in l]
        return bool(la) and bool(lb) and not any(a_word in l and b_word in l for l in t.values()) \
            and len({number(x) for x in v}) >= 2
    return check


def _table_share(v, t):
    # rows "District | assessed | destroyed | damaged | share%": each share is right, and they differ
    shares = []
    for x in v:
        a, b, c, d = numbers(x)[-4:]
        if round(100 * (b + c) / a) != d:
            return False
        shares.append(d)
    return len(set(shares)) == len(shares)


def _span_days(v, t):
    ds = [(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))) for m in DMY.finditer(v[1])]
    (y1, m1, d1), (y2, m2, d2) = ds[:2]
    days = (_date(y2, m2, d2) - _date(y1, m1, d1)).days
    return number(v[0]) == days == numbers(v[1])[-1]


def _respectively_pair(v, t):
    return "respectively" in v[0] and numbers(v[0])[1] == numbers(v[1])[-1]


MATHS = {
    "calderra": {
        # conflicts: the two sides must really disagree
        "K1": lambda v, t: number(v[0]) != number(v[1]),
        "K2": lambda v, t: sum(numbers(v[0])) != number(v[1]),
        "K3": lambda v, t: full_date(v[0]) != full_date(v[1]),
        "K4": lambda v, t: numbers(v[0]) != numbers(v[1]) and numbers(v[0])[0] == numbers(v[1])[0],
        "K5": lambda v, t: number(v[0]) != number(v[1]),
        "K6": lambda v, t: number(v[0]) != number(v[1]),
        "K7": _similar_names,
        "K8": lambda v, t: month(v[0]) != month(v[1]),
        # traps: the figures must be consistent
        "T1": lambda v, t: number(v[0]) + number(v[1]) == number(v[2]),
        "T2": lambda v, t: number(v[0]) == number(v[1]) and v[0] != v[1],
        "T3": lambda v, t: v[0].startswith("more than") and number(v[1]) > number(v[0]),
        "T4": lambda v, t: v[0].startswith("about") and number(v[1]) != number(v[0])
                           and abs(number(v[1]) - number(v[0])) <= 0.05 * number(v[0]),
        "T5": lambda v, t: number(v[0]) == number(v[1]) and v[0] != v[1],
        "T6": lambda v, t: month(v[0]) == month(v[1]) == month(v[2])
                           and full_date(v[0]) is None and full_date(v[1]) == full_date(v[2]),
        "T7": _same_city_years,
        "T8": _two_trials,
        "T9": _two_people,
        "T10": _respectively,
        "N1": _attributed,
    },
    "siege-of-halvanek": {
        "K1": _ne,
        "K2": _date_ne,
        "K3": _range_ne,
        "K4": _ne,
        "K5": _ne,
        "K6": _similar_names,
        "K7": _ne,
        "T1": _sum([0, 1], 2),
        "T2": _sum([0, 1], 2, pick=_last),
        "T3": _increasing,
        "T4": _cumulative,
        "T5": _about,
        "T6": lambda v, t: number(v[0]) == 20 and "twenty" in v[1],
        "T7": _span_days,
        "T8": _more_than,
        "T9": _consecutive_days,
        "T10": _respectively_pair,
        "T11": _ne,
        "T12": _surname_pair,
        "T13": _possessive,
        "T14": _plural,
        "T15": _adjective,
        "T16": _years_differ,
        "T17": _month_day,
        "T18": _month_day,
        "T19": _attributed_apart("defence ministry said", "Documentation Centre"),
        "T20": lambda v, t: (v[0].startswith("about") and number(v[1]) + number(v[2]) != number(v[0])
                             and abs(number(v[1]) + number(v[2]) - number(v[0])) <= 0.05 * number(v[0])),
        "T21": _sum([0, 1], 2),
        "T22": _same_value,
        "T23": _table_share,
        "T24": lambda v, t: number(v[0]) == sum(numbers(v[1])[-2:]),
        "T25": _sum([0, 1], 2),
        "N1": _differ_said,
    },
    "kestrel-hill-dam-disaster": {
        "K1": _ne,
        "K2": _range_ne,
        "K3": _ne,
        "K4": _ne,
        "K5": _date_ne,
        "K6": _ne,
        "K7": _similar_names,
        "T1": lambda v, t: [sum(numbers(x)[i] for x in v[:-1]) for i in range(3)] == numbers(v[-1]),
        "T2": _more_than,
        "T3": lambda v, t: (number(v[1]) + number(v[2]) == number(v[3]) and number(v[0]) == number(v[2])),
        "T4": lambda v, t: number(v[0]) + number(v[1]) <= number(v[2]) and number(v[0]) != number(v[1]),
        "T5": lambda v, t: (numbers(v[0])[1:] == [number(v[2]), number(v[3])]
                            and numbers(v[1])[1:] == [number(v[4]), number(v[5])]
                            and v[0].split(" |")[0] != v[1].split(" |")[0]),
        "T6": lambda v, t: (number(v[0]) == number(v[2]) and number(v[1]) == number(v[3])
                            and number(v[0]) + number(v[1]) == 100 and v[0] != v[2]),
        "T7": lambda v, t: (numbers(v[0])[-1] != number(v[1])
                            and "2017" in sentence_with(next(l for l in t.values() if v[1] in l), v[1])),
        "T8": _years_differ,
        "T9": _surname_pair,
        "T10": _accent,
        "T11": lambda v, t: v[1].split()[0] == v[0].split()[0] + "'s",
        "T12": _adjective,
        "T13": lambda v, t: ("eleven" in v[0] and number(v[1]) == 11
                             and 1 + number(v[2]) + sum(numbers(v[3])) == 11),
        "T14": lambda v, t: number(v[0]) + number(v[1]) == 11 and number(v[0]) == number(v[2]),
        "T15": lambda v, t: (all(numbers(x)[-3] + numbers(x)[-2] == numbers(x)[-1] for x in v[:2])
                             and numbers(v[0])[-1] + numbers(v[1])[-1] == number(v[2])),
        "T16": lambda v, t: (sum(numbers(x)[-1] for x in v[:4]) == numbers(v[4])[-1]
                             and v[5].startswith("about")
                             and abs(number(v[5]) * 1000 - numbers(v[4])[-1]) <= 0.05 * numbers(v[4])[-1]),
        "T17": _attributed_apart("Corvalis estimated", "State Audit Office"),
        "T18": _increasing,
        "T19": lambda v, t: round(sum(numbers(x)[-1] for x in v[:-1]), 6) == numbers(v[-1])[-1],
        "T20": lambda v, t: (number(v[0]) * number(v[1]) == number(v[2])
                             and numbers(v[3])[-1] * 1_000_000 == number(v[2])),
        "T21": lambda v, t: (v[1].startswith("about") and number(v[1]) * 1000 != numbers(v[0])[-1]
                             and abs(number(v[1]) * 1000 - numbers(v[0])[-1]) <= 0.05 * numbers(v[0])[-1]),
        "N1": _differ_said,
    },
    "kardania": {
        "K1": _ne,
        "K2": lambda v, t: v[0].lower().startswith("more than") and number(v[1]) <= number(v[0]),
        "K3": _date_ne,
        "K4": _similar_names,
        "K5": _range_ne,
        "K6": _ne,
        "K7": _ne,
        "T1": lambda v, t: [round(sum(numbers(x)[i] for x in v[:-1]), 6) for i in range(3)] == numbers(v[-1]),
        "T2": _same_value,
        "T3": _about,
        "T4": lambda v, t: number(v[0]) - number(v[1]) == numbers(v[2])[-1],
        "T5": lambda v, t: (number(v[0]) != number(v[1]) and number(v[1]) == number(v[2])
                            and "11 March" in v[0] and "12 March" in v[1]),
        "T6": lambda v, t: number(v[0]) == 24 * number(v[1]),
        "T7": _respectively_pair,
        "T8": _years_differ,
        "T9": _plural,
        "T10": _attributed_apart("health ministry", "Red Cross"),
        "T11": lambda v, t: number(v[0]) == (_date(*full_date(v[2])) - _date(*full_date(v[1]))).days,
        "T12": lambda v, t: v[0] != v[2] and numbers(v[1]) != numbers(v[3]),
        "T13": _sum([0, 1], 2),
        "T14": lambda v, t: _increasing(v[:3], t) and number(v[2]) == number(v[3]),
        "T15": _surname_pair,
        "T16": _accent,
        "T17": _more_than,
        "T18": _same_value,
        "T19": _possessive,
        "T20": _adjective,
        "T21": lambda v, t: (number(v[0]) != number(v[1])
                             and full_date(next(l for l in t.values() if v[0] in l))[0]
                             != full_date(next(l for l in t.values() if v[1] in l))[0]),
        "T22": _same_value,
        "T23": _month_day,
        "T24": _more_than,
        "N1": _differ_said,
        "N2": _differ_said,
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
    if not 150 <= nlines <= 300:
        err("report has %d lines, expected 150-300" % nlines)
    nwords = sum(len(GROUP.sub("", l).split()) for l in lines if not TABLE_RULE.match(l))
    if not 3_000 <= nwords <= 6_000:
        err("report has %d words, expected 3,000-6,000" % nwords)
    if not lines[0].startswith("# ") or lines[0].startswith("## "):
        err("line 1 is not a level-1 title")
    headings = [(i, l[3:]) for i, l in enumerate(lines, 1) if l.startswith("## ")]
    if not 6 <= len(headings) <= 14:
        err("%d sections, expected 6-14" % len(headings))
    timeline_start = dict((h, i) for i, h in headings).get("Timeline", nlines + 1)

    paragraphs, items, rows, others = [], [], [], []
    for i, l in enumerate(lines, 1):
        if l != l.rstrip() or "\t" in l:
            err("line %d has trailing white space or a tab" % i)
        if not l or l.startswith("#"):
            continue
        if l.startswith("|"):
            rows.append(i)  # table rows need no source group of their own
            if not l.endswith("|"):
                err("line %d: table row does not end with '|'" % i)
            continue
        if l.startswith("- "):
            if i > timeline_start:
                items.append(i)
            else:
                others.append(i)  # list items outside the timeline need no source group
                continue
        else:
            paragraphs.append(i)
        if not GROUP.search(l):
            err("line %d does not end with a (Source: ...) or (Sources: ...) group" % i)
    for i in range(2, nlines + 1):
        a, b = lines[i - 2], lines[i - 1]
        if a and b and not (a.startswith("- ") and b.startswith("- ")) \
                and not (a.startswith("|") and b.startswith("|")):
            err("lines %d and %d are not separated by a blank line" % (i - 1, i))
    for i in rows:
        if i == 1 or not lines[i - 2].startswith("|"):
            if i + 1 > nlines or not TABLE_RULE.match(lines[i]):
                err("line %d: table header is not followed by a |---| rule" % i)
    for i in paragraphs:
        if i > timeline_start:
            err("line %d: paragraph inside the timeline" % i)
        body = GROUP.sub("", lines[i - 1])
        n = sentences(body)
        if not 1 <= n <= 9:
            err("line %d: paragraph has %d sentences, expected 1-9" % (i, n))
    last = None
    for i in items:
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
    if timeline_start <= nlines and not items:
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
    if not 15 <= len(first_seen) <= 60:
        err("%d sources cited, expected 15-60" % len(first_seen))
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
        "words": nwords,
        "sections": len(headings),
        "paragraphs": len(paragraphs),
        "timeline_items": len(items),
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
        print("%(document)s: %(lines)d lines, %(words)d words, %(sections)d sections, "
              "%(paragraphs)d paragraphs, %(timeline_items)d timeline items, "
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
