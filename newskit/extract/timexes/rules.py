"""The date rules: patterns that find temporal expressions in English news text and the TIMEX3
values they normalize to against a publication date.

Every rule is one regular expression plus one small function that turns the matched words into
(type, value, precision). The same rules serve detection (`find_timexes`, over a paragraph) and
normalization of a single phrase (`newskit.extract.timexes.normalize.normalize`).

Notes:
    The rules follow HeidelTime's news rules (Strötgen & Gertz 2013, "Multilingual and
    cross-domain temporal tagging", LRE 47(2)) and the TIMEX3 value conventions of TimeML
    (ISO-TimeML, Pustejovsky et al. 2010): weekdays and year-less dates resolve against the
    publication date, leaning to the past for past-tense verbs and to the future for "will";
    "the quarter" and "a year earlier" resolve against the last quarter the story mentioned.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from re import _constants as sre_constants  # the regex parser, to read what a pattern needs
from re import _parser as sre_parser

# --- word lists --------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12, "couple of": 2, "a couple of": 2,
    "half a": 0.5, "a half": 0.5,
}
# Quantities that leave the number unspecified: "several years" -> PXY.
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "the", "recent", "coming")
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}
# unit -> (TIMEX3 duration letter, multiplier, is a time-of-day unit, letter when unspecified)
UNITS = {
    "second": ("S", 1, True, "S"), "minute": ("M", 1, True, "M"), "hour": ("H", 1, True, "H"),
    "day": ("D", 1, False, "D"), "night": ("D", 1, False, "D"), "week": ("W", 1, False, "W"),
    "fortnight": ("W", 2, False, "W"), "month": ("M", 1, False, "M"), "quarter": ("M", 3, False, "Q"),
    "year": ("Y", 1, False, "Y"), "decade": ("Y", 10, False, "DE"), "century": ("Y", 100, False, "CE"),
}
PRESENT_REF = ("now", "right now", "currently", "nowadays", "these days", "at present", "presently",
               "the present", "at the moment", "current")
PAST_REF = ("recently", "formerly", "the past", "lately", "more recently", "recent")
FUTURE_REF = ("soon", "the future", "the near future", "shortly", "the near term", "the short term",
              "the long term", "future", "the coming months", "coming months", "the coming years",
              "coming years", "the years ahead", "the months ahead")
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                "overnight": "NI", "midday": "MI", "mid-afternoon": "AF", "mid afternoon": "AF"}
SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
               "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M"}

# --- regular expression pieces ------------------------------------------------------------------


def _alt(words) -> str:
    return "(?:" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) + ")"


MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
         r"|Jan|Feb|Aug|Sept|Oct|Nov|Dec)")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d])"
SPELLED_YEAR = (r"(?:nineteen|twenty)[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen"
                r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two thousand(?: and (?:one|two|three|four|five|six|seven|eight|nine|ten))?")
ANY_YEAR = f"(?:{YEAR}|{SPELLED_YEAR})"
_UNIT_WORDS = ["second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "decade"]
UNIT = "(?:" + "|".join(_UNIT_WORDS) + r")s?|century|centuries"
NUMBER = (r"(?:\d+(?:\.\d+)?(?:\s1/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
          r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
          r"|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a dozen|dozen|a couple of|couple of"
          r"|a few|few|several|a number of|an?)")
APPROX = (r"(?:(?:nearly|almost|about|around|roughly|approximately|some|over(?! the| several| recent)|under(?! the)|more than|less than|fewer than"
          r"|at least|at most|up to|no more than|no less than|barely|at the most) )")
MOD = r"(?:(?:early|late|mid|the (?:beginning|start|end|middle|first half|second half) of|the end of|around|by the end of)[\s-])"
REL = r"(?:last|this|next|the past|past|the previous|previous|the coming|coming|the following|this past|this coming|the current|current)"
QUARTER_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
QUARTER_ADJ = (r"(?:the |this year's |last year's |next year's |the year's |(?:the )?" + YEAR + r"(?:'s)? )?"
               r"(?:(?:fiscal|year-earlier|year-ago|calendar)[\s-])*")


@dataclass(frozen=True)
class Timex:
    """One normalized temporal expression."""

    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value ("2016-07-28", "2016-W30", "P3Y", "PRESENT_REF", "XXXX-WXX-1")
    precision: str  # day, week, month, quarter, season, year, decade, century, time, duration, set, ref
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX ...


@dataclass
class Context:
    """What a rule may look at besides the words: the anchor (publication date), the tense of the
    governing verb, and the last quarter and date the story mentioned."""

    anchor: date | None
    tense: str | None = None  # "past", "future", "present" or None
    quarter: tuple[int, int] | None = None  # (year, quarter) last mentioned
    previous_word: str = ""
    next_word: str = ""


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    normalize: Callable[[str, Context], Timex | None]
    needs_capital: bool = False  # month or weekday names must be capitalized in running text
    words: tuple[str, ...] = ()  # lower-case text every match contains one of (speed; empty: none known)
    reach: int | None = None  # characters past its start that a match can read (speed; None: unbounded)


RULES: list[Rule] = []


def rule(name: str, pattern: str, needs_capital: bool = False):
    """Register a rule: `pattern` (case-insensitive, matched between word boundaries)."""
    # each top-level alternative is its own pattern, so that the longest of them wins
    patterns = [re.compile(r"(?<![\w$£€¥/.'-])(?:" + part + r")(?![\w%/-]|\.\d|,\d)", re.IGNORECASE)
                for part in _alternatives(pattern)]

    def register(function):
        RULES.extend(Rule(name, compiled, function, needs_capital, required_words(compiled),
                          match_reach(compiled))
                     for compiled in patterns)
        return function

    return register


def _alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level "|"."""
    parts, depth, current, escaped, in_class = [], 0, "", False, False
    for char in pattern:
        if escaped:
            current += char
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif not in_class and char == "(":
            depth += 1
        elif not in_class and char == ")":
            depth -= 1
        elif not in_class and char == "|" and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += char
    return [*parts, current]


# --- required words: where a pattern can match at all ----------------------------------------------
#
# Scanning a paragraph with each of the ~60 patterns costs far more than spaCy's share allows, and
# most patterns cannot match most paragraphs: "annually", "twice a", a month name. Every pattern's
# words are read off its parsed form once; a paragraph is scanned with a pattern only when its
# lower-case text contains one of them, and only near them when the pattern's matches are short.
# This only skips text where the pattern would find nothing: the matches are those of finditer.

# Characters that re.IGNORECASE matches to an ASCII letter although str.lower() does not turn them
# into it (found by trying every code point against every letter).
_ASCII_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def folded(text: str) -> str:
    """The lower-case text in which `Rule.words` are looked up."""
    return text.translate(_ASCII_FOLDS).lower()


def required_words(pattern: re.Pattern) -> tuple[str, ...]:
    """Lower-case strings of which every match of `pattern` contains at least one (empty when the
    pattern has no such literal text, or when the regex parser cannot be read)."""
    try:
        words = _sequence_words(sre_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 — without words a pattern is simply always tried
        return ()
    return tuple(sorted(words)) if words else ()


def _sequence_words(items) -> set[str] | None:
    """Required words of a sequence of parsed items: its longest runs of ASCII literals and the
    required words of its groups, alternations and repeats; the most selective of them."""
    options: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is sre_constants.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if run:
            options.append({run})
            run = ""
        words = _item_words(op, av)
        if words:
            options.append(words)
    if run:
        options.append({run})
    # longer words are rarer: prefer the set whose shortest word is longest, then the smaller set
    return max(options, key=lambda words: (min(map(len, words)), -len(words))) if options else None


def _item_words(op, av) -> set[str] | None:
    """Required words of one parsed item (None for anything that may match without literal text)."""
    if op is sre_constants.SUBPATTERN:  # (?:...) and (...)
        return _sequence_words(av[-1])
    if op is sre_constants.BRANCH:  # a|b: one of each branch's words
        words: set[str] = set()
        for branch in av[1]:
            found = _sequence_words(branch)
            if not found:
                return None
            words |= found
        return words
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:  # x+, x{2,}
        return _sequence_words(av[2])
    return None


def match_reach(pattern: re.Pattern) -> int | None:
    """How many characters past a match's start matching can read: its longest match and its
    longest lookahead, plus one for a word-boundary test; None when matches have no bound (or may be
    empty, or the regex parser cannot be read)."""
    try:
        parsed = sre_parser.parse(pattern.pattern, pattern.flags)
        shortest, longest = parsed.getwidth()
        lookahead = _lookahead(parsed.data)
    except Exception:  # noqa: BLE001 — then the whole text is scanned
        return None
    if shortest == 0 or longest >= sre_constants.MAXREPEAT or lookahead is None:
        return None
    return longest + lookahead + 1


def _lookahead(items) -> int | None:
    """The longest lookahead in parsed items (None for constructs this does not know)."""
    longest = 0
    for op, av in items:
        if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            inner = _lookahead(av[1].data)
            width = av[1].getwidth()[1] if av[0] == 1 else 0  # av[0]: 1 ahead, -1 behind
            if inner is None or width >= sre_constants.MAXREPEAT:
                return None
            longest = max(longest, width, inner)
        elif op in (sre_constants.SUBPATTERN, sre_constants.BRANCH, sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            parts = av[1] if op is sre_constants.BRANCH else [av[-1]]
            for part in parts:
                inner = _lookahead(part.data)
                if inner is None:
                    return None
                longest = max(longest, inner)
        elif op not in (sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.IN, sre_constants.ANY,
                        sre_constants.AT):
            return None
    return longest


def scan(r: Rule, text: str, lower: str) -> Iterator[re.Match]:
    """The matches of `r.pattern.finditer(text)`, searched for only where one can start.

    `lower` is the `folded` text. Every match holds one of the rule's words, so a match of bounded
    length starts at most `reach` characters before the end of an occurrence of one. A match
    starting in such a window reads nothing beyond the window's last start plus `reach`, so each
    search stops there (endpos) and finds what a search of the whole text finds.
    """
    if not r.words or r.reach is None or len(lower) != len(text):
        yield from r.pattern.finditer(text)
        return
    position = 0
    for low, high in _windows(lower, r.words, r.reach):
        position = max(position, low)
        while position <= high:
            match = r.pattern.search(text, position, min(len(text), high + r.reach + 1))
            if match is None or match.start() > high:
                break
            yield match
            position = match.end()


def _windows(lower: str, words: tuple[str, ...], reach: int) -> list[tuple[int, int]]:
    """Sorted, disjoint (first, last) ranges of the offsets at which a match holding one of the words
    can start: from `reach` characters before each occurrence's end to its start."""
    starts = []
    for word in words:
        found = lower.find(word)
        while found >= 0:
            starts.append((max(0, found + len(word) - reach), found))
            found = lower.find(word, found + 1)
    merged: list[tuple[int, int]] = []
    for low, high in sorted(starts):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


# --- value helpers ------------------------------------------------------------------------------


def _day(value: date) -> str:
    return value.isoformat()


def _week(value: date) -> str:
    year, week, _ = value.isocalendar()
    return f"{year}-W{week:02d}"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _quarter_of(value: date) -> int:
    return (value.month - 1) // 3 + 1


def _mod(text: str) -> str | None:
    text = text.lower()
    if text.startswith(("early", "the beginning", "the start", "the first half")):
        return "START"
    if text.startswith(("late", "the end", "by the end", "the second half")):
        return "END"
    if text.startswith(("mid", "the middle")):
        return "MID"
    if text.startswith(("around", "about", "nearly", "almost", "roughly", "approximately", "some ")):
        return "APPROX"
    return None


def _number(text: str) -> float | None:
    """The number in "three", "twenty four", "2 1/2", "a couple of"; None when vague ("several")."""
    text = text.lower().strip().replace("-", " ")
    if not text or text in VAGUE_NUMBERS:
        return None
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(\s1/2)?", text)
    if match:
        return float(match[1]) + (0.5 if match[2] else 0)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    parts = text.split()
    if len(parts) == 2 and NUMBER_WORDS.get(parts[0], 0) >= 20 and NUMBER_WORDS.get(parts[1], 10) < 10:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def _year_number(text: str) -> int | None:
    text = text.lower().replace("-", " ")
    match = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", text)
    if match:
        return int(match[1])
    spelled = re.search(SPELLED_YEAR.replace("[\\s-]", " "), text)
    words = spelled[0].split() if spelled else text.split()
    if words[:2] == ["two", "thousand"]:
        rest = _number(" ".join(words[3:])) if len(words) > 3 else 0
        return 2000 + int(rest or 0)
    if words and words[0] in ("nineteen", "twenty"):
        century = 1900 if words[0] == "nineteen" else 2000
        rest = " ".join(words[1:])
        if rest == "hundred":
            return century
        value = _number(rest)
        if value is not None:
            return century + int(value)
    return None


def _month_in(text: str) -> int | None:
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in MONTHS:
            return MONTHS[word]
    return None


def _weekday_in(text: str) -> int | None:
    for word in re.findall(r"[a-z]+", text.lower()):
        if word.rstrip("s") in WEEKDAYS:
            return WEEKDAYS[word.rstrip("s")]
    return None


def _duration(number: float | None, unit: str) -> str:
    """P3Y, PT2H, P2Y6M, PXD ..."""
    unit = unit.lower().rstrip("s")
    unit = {"centurie": "century", "centuries": "century"}.get(unit, unit)
    letter, multiplier, is_time, vague = UNITS[unit]
    if number is None:
        return f"PT X{vague}".replace(" ", "") if is_time else f"PX{vague}"
    amount = number * multiplier
    prefix = "PT" if is_time else "P"
    if amount != int(amount):
        whole = int(amount)
        if letter == "Y":
            return f"P{whole}Y{int(round((amount - whole) * 12))}M" if whole else f"P{int(round(amount * 12))}M"
        if letter == "H":
            return f"PT{whole}H{int(round((amount - whole) * 60))}M" if whole else f"PT{int(round(amount * 60))}M"
        if letter == "D":
            return f"P{whole}DT{int(round((amount - whole) * 24))}H" if whole else f"PT{int(round(amount * 24))}H"
        if letter == "M" and not is_time:
            return f"P{whole}M{int(round((amount - whole) * 30))}D" if whole else f"P{int(round(amount * 30))}D"
        return f"{prefix}{amount:g}{letter}"
    return f"{prefix}{int(amount)}{letter}"


# --- choosing among candidate dates by tense -----------------------------------------------------


def _choose(candidates: list, anchor_key, tense: str | None, past_lean: int = 0):
    """Pick from sorted candidate keys: the latest not after the anchor for past tense, the first
    not before it for future tense, else the nearest (ties and `past_lean` favour the past)."""
    past = [c for c in candidates if c <= anchor_key]
    future = [c for c in candidates if c >= anchor_key]
    if tense == "past" and past:
        return past[-1]
    if tense == "future" and future:
        return future[0]
    if not past:
        return future[0]
    if not future:
        return past[-1]
    return past[-1] if (anchor_key - past[-1]) <= (future[0] - anchor_key) + past_lean else future[0]


def weekday_date(weekday: int, anchor: date, tense: str | None, relation: str = "") -> date:
    """The date of a weekday mention against the anchor ("on Thursday" in a Friday story)."""
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if relation == "last":
        return anchor - timedelta(days=back or 7)
    if relation == "next":
        return anchor + timedelta(days=forward or 7)
    if relation == "this":
        return anchor - timedelta(days=back) if tense == "past" else anchor + timedelta(days=forward)
    if tense == "past" or back == 0:
        return anchor - timedelta(days=back)
    if tense == "future":
        return anchor + timedelta(days=forward)
    if tense == "present":  # headline present ("Leaders meet Monday"): the nearest
        return anchor - timedelta(days=back) if back <= forward else anchor + timedelta(days=forward)
    # no tense: news report the past, so lean back (a Tuesday story's "Friday" is last Friday)
    return anchor - timedelta(days=back) if back <= 4 else anchor + timedelta(days=forward)


def month_day_date(month: int, day: int, anchor: date, tense: str | None) -> date | None:
    """A year-less "July 29": the nearest such day, leaning by tense."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    ordinals = [c.toordinal() for c in candidates]
    if tense == "past":
        # past tense still allows a day a few weeks ahead ("extended the offer to Nov. 20")
        return date.fromordinal(_choose(ordinals, anchor.toordinal(), None, past_lean=180))
    return date.fromordinal(_choose(ordinals, anchor.toordinal(), tense, past_lean=14))


def month_year(month: int, anchor: date, tense: str | None) -> int:
    """The year of a bare month name ("in January"), leaning by tense."""
    keys = [(anchor.year + d) * 12 + month - 1 for d in (-1, 0, 1)]
    return _choose(keys, anchor.year * 12 + anchor.month - 1, tense) // 12


def quarter_year(quarter: int, anchor: date, tense: str | None) -> int:
    """The year of "the third quarter": this year's unless it is still to come and not future tense."""
    if quarter > _quarter_of(anchor) and tense != "future":
        return anchor.year - 1
    return anchor.year



def _years_away(anchor: date, unit: str, amount: int, mod: str | None) -> Timex:
    """The decade, century or year `amount` units from the anchor's ("the last decade", "two years ago")."""
    if unit == "decade":
        return Timex("DATE", str(anchor.year + 10 * amount)[:3], "decade", mod)
    if unit == "century":
        return Timex("DATE", f"{(anchor.year - 1) // 100 + amount:02d}", "century", mod)
    return Timex("DATE", f"{anchor.year + amount:04d}", "year", mod)

# --- the rules ---------------------------------------------------------------------------------
# Rules are tried all at once; the longest match wins, so "Thursday, July 28, 2016" beats "July 28".


@rule("iso_date", r"\d{4}-[01]\d-[0-3]\d")
def _iso(text: str, ctx: Context):
    try:
        return Timex("DATE", date.fromisoformat(text).isoformat(), "day")
    except ValueError:
        return None


@rule("numeric_date", r"[01]?\d/[0-3]?\d/(?:\d{4}|\d{2})")
def _numeric(text: str, ctx: Context):
    month, day, year = (int(p) for p in text.split("/"))
    if year < 100:
        year += 1900 if year > 40 else 2000
    try:
        return Timex("DATE", date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _full_date(text: str, ctx: Context) -> Timex | None:
    month = _month_in(text)
    rest = re.sub(MONTH, " ", text, flags=re.IGNORECASE)
    year = _year_number(rest) if re.search(ANY_YEAR, rest, re.IGNORECASE) else None
    if year is not None:
        rest = re.sub(ANY_YEAR, " ", rest, flags=re.IGNORECASE)
    days = re.findall(r"\d+", rest)
    day = int(days[0]) if days else ORDINALS.get(re.findall(r"[a-z-]+", rest.lower())[-1], 0)
    mod = _mod(text)
    if year is None:
        if ctx.anchor is None:
            return Timex("DATE", f"XXXX-{month:02d}-{day:02d}", "day", mod)
        found = month_day_date(month, day, ctx.anchor, ctx.tense)
        return Timex("DATE", found.isoformat(), "day", mod) if found else None
    try:
        return Timex("DATE", date(year, month, day).isoformat(), "day", mod)
    except ValueError:
        return None


_ORDINAL_DAY = r"(?:" + "|".join(k for k in ORDINALS if not k[0].isdigit()) + ")"
rule("month_day", fr"(?:{WEEKDAY},? (?:the )?)?(?:{MOD})?{MONTH} (?:{DAY}|{_ORDINAL_DAY})(?:(?:,|, | )(?:{ANY_YEAR}))?",
     needs_capital=True)(_full_date)
rule("day_month", fr"(?:{WEEKDAY},? (?:the )?)?{DAY} (?:of )?{MONTH}(?:,? {ANY_YEAR})?", needs_capital=True)(_full_date)
rule("coming_day", fr"this (?:coming|past) {WEEKDAY}, {MONTH} (?:{DAY}|{_ORDINAL_DAY})", needs_capital=True)(_full_date)


@rule("month_year", fr"(?:{MOD})?{MONTH},? (?:of )?{ANY_YEAR}", needs_capital=True)
def _month_year(text: str, ctx: Context):
    rest = re.sub(MONTH, " ", text, flags=re.IGNORECASE)
    return Timex("DATE", _month(_year_number(rest), _month_in(text)), "month", _mod(text))


@rule("month", fr"(?:{REL} |{MOD}|each |every )?{MONTH}(?: (?:this|last|next) year)?", needs_capital=True)
def _bare_month(text: str, ctx: Context):
    month = _month_in(text)
    lower = text.lower()
    if lower.startswith(("each", "every")):
        return Timex("SET", f"XXXX-{month:02d}", "set")
    mod = _mod(text)
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-{month:02d}", "month", mod)
    anchor = ctx.anchor
    if lower.endswith("last year"):
        year = anchor.year - 1
    elif lower.endswith("next year"):
        year = anchor.year + 1
    elif lower.endswith("this year"):
        year = anchor.year
    elif lower.startswith(("last", "the past", "past", "the previous", "previous", "this past")):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif lower.startswith(("next", "the coming", "coming", "the following", "this coming")):
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif lower.startswith(("this", "the current", "current")):
        year = anchor.year
    else:
        year = month_year(month, anchor, ctx.tense)
    return Timex("DATE", _month(year, month), "month", mod)


@rule("year", fr"(?:{MOD})?(?:(?:the )?(?:fiscal|calendar|financial|model)(?: year)?[\s-])?(?:the year )?{ANY_YEAR}"
      r"(?: (?:or|and) (?:later|earlier|beyond))?")
def _year(text: str, ctx: Context):
    year = _year_number(text)
    if year is None:
        return None
    return Timex("DATE", f"{year:04d}", "year", _mod(text))


@rule("decade", pattern=r"(?:the )?(?:(?:early|late|mid)[\s-])?(?:(?:1[6-9]|20)\d0|'\d0)'?s"
      r"|(?:the )?(?:(?:early|late|mid)[\s-])?(?:nineteen )?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)")
def _decade(text: str, ctx: Context):
    lower = text.lower()
    match = re.search(r"(\d{4})|'(\d)0", lower)
    if match and match[1]:
        value = match[1][:3]
    elif match:
        value = "19" + match[2]
    else:
        word = re.findall(r"[a-z]+ies", lower)[-1]
        value = "19" + str(DECADE_WORDS[word])
    return Timex("DATE", value, "decade", _mod(text))


@rule("century", pattern=fr"(?:the )?(?:(?:early|late|mid)[\s-])?(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_DAY}|twenty-first)[\s-]century")
def _century(text: str, ctx: Context):
    lower = text.lower()
    match = re.search(r"(\d{1,2})(?:st|nd|rd|th)", lower)
    number = int(match[1]) if match else next(v for k, v in sorted(ORDINALS.items(), key=lambda kv: -len(kv[0])) if k in lower)
    return Timex("DATE", f"{number - 1:02d}", "century", _mod(text))


@rule("quarter", pattern=QUARTER_ADJ + fr"{QUARTER_ORD}[\s-](?:fiscal[\s-])?quarter(?: of (?:fiscal )?{YEAR}|,? {YEAR})?"
      fr"|Q[1-4](?:[\s-]{YEAR}|[\s-]'?\d\d)?|(?:the )?(?:fiscal[\s-])?{YEAR}(?:'s)? {QUARTER_ORD}[\s-]quarter")
def _quarter(text: str, ctx: Context):
    lower = text.lower()
    match = re.search(r"q([1-4])", lower)
    quarter = int(match[1]) if match else next(v for k, v in ORDINALS.items() if re.search(rf"\b{k}\b", lower) and v <= 4)
    year = _year_number(lower) if re.search(YEAR, lower) else None
    if year is None and ctx.anchor is not None:
        if "last year's" in lower or "year-earlier" in lower or "year-ago" in lower:
            year = ctx.anchor.year - 1
        elif "next year's" in lower:
            year = ctx.anchor.year + 1
        elif "this year's" in lower:
            year = ctx.anchor.year
        else:
            year = quarter_year(quarter, ctx.anchor, ctx.tense)
    if year is None:
        return Timex("DATE", f"XXXX-Q{quarter}", "quarter")
    ctx.quarter = (year, quarter)
    return Timex("DATE", f"{year}-Q{quarter}", "quarter")


@rule("reference_quarter", pattern=r"(?:the |this |that |its |a )(?:(?:latest|current|recent|just-ended|just-completed|past|last|previous|"
      r"year-ago|year-earlier|comparable|corresponding|same|fiscal|\d{4}|[a-z]+-quarter)[\s-])*(?:quarter|period)"
      r"(?: (?:a year (?:ago|earlier)|last year|of (?:last|this) year))?|year-ago|year-earlier")
def _reference_quarter(text: str, ctx: Context):
    lower = text.lower()
    if lower.startswith("a ") or "quarter-" in lower:
        return None
    if lower in ("year-ago", "year-earlier"):
        if ctx.anchor is None:
            return Timex("DATE", "XXXX", "year")
        if ctx.quarter is None:
            return Timex("DATE", f"{ctx.anchor.year - 1}", "year")
    if lower.endswith("period") and not re.search(r"latest|current|recent|year-ago|year-earlier|comparable|corresponding|same|\d{4}|last year", lower):
        return None
    if ctx.anchor is None:
        return Timex("DATE", "XXXX-QX", "quarter")
    year, quarter = ctx.quarter or _previous_quarter(ctx.anchor)
    if re.search(r"\d{4}", lower):
        year = int(re.search(r"\d{4}", lower)[0])
    if any(w in lower for w in ("year-ago", "year-earlier", "a year ago", "a year earlier", "last year")):
        year -= 1
    elif "previous" in lower or "last quarter" in lower:
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return Timex("DATE", f"{year}-Q{quarter}", "quarter")


def _previous_quarter(anchor: date) -> tuple[int, int]:
    quarter = _quarter_of(anchor) - 1
    return (anchor.year, quarter) if quarter else (anchor.year - 1, 4)


@rule("season", pattern=fr"(?:{REL} |the |{MOD})(?:summer|winter|spring|autumn)(?: of {ANY_YEAR}|,? {YEAR})?"
      fr"|(?:this|last|next|this past|this coming) fall|(?:the )?fall(?: of)? {ANY_YEAR}|(?:summer|winter|spring|autumn) {ANY_YEAR}")
def _season(text: str, ctx: Context):
    lower = text.lower()
    season = next(code for word, code in SEASONS.items() if word in lower)
    mod = _mod(text)
    if re.search(ANY_YEAR, lower, re.IGNORECASE):
        return Timex("DATE", f"{_year_number(lower)}-{season}", "season", mod)
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-{season}", "season", mod)
    anchor = ctx.anchor
    start = SEASON_MONTH[season]
    now = anchor.year * 12 + anchor.month - 1
    keys = [(anchor.year + d) * 12 + start - 1 for d in (-1, 0, 1)]
    if lower.startswith(("last", "the past", "past", "this past", "previous", "the previous")):
        key = max(k for k in keys if k + 3 <= now) if any(k + 3 <= now for k in keys) else keys[0]
    elif lower.startswith(("next", "the coming", "coming", "this coming", "the following")):
        key = min(k for k in keys if k > now)
    elif lower.startswith(("this", "the current", "current")):
        key = min((k for k in keys if k + 3 > now), default=keys[1])
    else:
        # "the summer": the nearest season with this name, by tense
        centres = [k + 1 for k in keys]
        key = _choose(centres, now, ctx.tense) - 1
    return Timex("DATE", f"{key // 12}-{season}", "season", mod)


_RELATIVE_UNIT = r"(?:week|weekend|month|year|decade|century|fiscal year|calendar year)"


@rule("relative_period", pattern=fr"(?:(?:early|late|earlier|later|mid)[\s-])?(?:{MOD})?(?:{REL}|the) {_RELATIVE_UNIT}"
      fr"|(?:(?:early|late|earlier|later) )?(?:this|last|next) {_RELATIVE_UNIT}|year-end|the year's end|year end")
def _relative_period(text: str, ctx: Context):
    lower = text.lower()
    unit = re.findall(r"(weekend|week|month|decade|century|year)(?!\w)", lower)
    unit = unit[-1] if unit else "year"
    mod = _mod(text)
    if "end" in lower and unit == "year" and re.search(r"year[- ']s? ?end|year end", lower):
        if ctx.anchor is None:
            return Timex("DATE", "XXXX-12-31", "day")
        year = ctx.anchor.year if ctx.tense != "past" or ctx.anchor.month == 12 else ctx.anchor.year - 1
        return Timex("DATE", f"{year}-12-31", "day")
    if re.search(r"\b(last|past|previous)\b", lower):
        step = -1
    elif re.search(r"\b(next|coming|following)\b", lower):
        step = 1
    elif re.search(r"\b(this|current)\b", lower):
        step = 0
    else:  # "the week", "the year": the period the story is in
        step = 0
        if unit == "year" and ctx.next_word.lower() in ("ended", "ending") and re.fullmatch(
                r"the (?:fiscal |financial )?year", lower):
            return Timex("DURATION", "P1Y", "duration")  # "for the year ended Sept. 30": twelve months
        if unit in ("decade", "century") and not lower.startswith("the "):
            return None
    if ctx.anchor is None:
        placeholder = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                       "decade": "XXX", "century": "XX"}[unit]
        return Timex("DATE", placeholder, unit if unit != "weekend" else "week", mod)
    anchor = ctx.anchor
    if unit == "week":
        return Timex("DATE", _week(anchor + timedelta(weeks=step)), "week", mod)
    if unit == "weekend":
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
        if step < 0 or (step == 0 and ctx.tense == "past") or (step == 0 and anchor.weekday() < 2 and ctx.tense != "future"):
            saturday -= timedelta(weeks=1)
        if step > 0:
            saturday += timedelta(weeks=0 if anchor.weekday() < 5 else 1)
        return Timex("DATE", _week(saturday) + "-WE", "week", mod)
    if unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, step)
        return Timex("DATE", _month(year, month), "month", mod)
    return _years_away(anchor, unit, step, mod)


@rule("ago", pattern=fr"{APPROX}?(?:{NUMBER}|{NUMBER} or (?:so|{NUMBER})) (?:{UNIT})(?: or so)? (?:ago|earlier|later|from now|hence)"
      r"|(?:a (?:week|month|year|day|decade|quarter) or so|some time|a while|years|months|weeks|days) ago")
def _ago(text: str, ctx: Context):
    lower = text.lower()
    unit_match = re.findall(r"(second|minute|hour|day|weekend|week|fortnight|month|quarter|year|decade|centur)", lower)
    if not unit_match:
        return Timex("DATE", "PAST_REF", "ref")
    unit = unit_match[0]
    direction = 1 if re.search(r"\b(later|from now|hence)\b", lower) else -1
    quantity = re.sub(fr"^{APPROX}", "", lower)
    quantity = re.split(r"\s(?=(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur))", quantity)[0]
    quantity = re.sub(r" or (so|\w+)$", "", quantity)
    number = _number(quantity)
    mod = _mod(text)
    if number is None:
        return Timex("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", "ref")
    if ctx.anchor is None:
        return Timex("DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), unit, mod)
    anchor = ctx.anchor
    amount = int(number) * direction
    if unit in ("second", "minute", "hour"):
        return Timex("DATE", anchor.isoformat(), "day", mod)
    if unit == "day":
        return Timex("DATE", (anchor + timedelta(days=amount)).isoformat(), "day", mod)
    if unit in ("week", "weekend", "fortnight"):
        return Timex("DATE", _week(anchor + timedelta(weeks=amount * (2 if unit == "fortnight" else 1))), "week", mod)
    if unit == "month":
        return Timex("DATE", _month(*_shift_month(anchor.year, anchor.month, amount)), "month", mod)
    if unit == "quarter":
        year, quarter = _shift_month(anchor.year, _quarter_of(anchor), amount)  # quarters count like months mod 4
        index = anchor.year * 4 + _quarter_of(anchor) - 1 + amount
        return Timex("DATE", f"{index // 4}-Q{index % 4 + 1}", "quarter", mod)
    if unit == "year" and ctx.quarter is not None and int(number) == 1:
        # "a year earlier" in an earnings story: the same quarter a year before
        year, quarter = ctx.quarter
        return Timex("DATE", f"{year + direction}-Q{quarter}", "quarter", mod)
    return _years_away(anchor, "century" if unit == "centur" else unit, amount, mod)


@rule("duration", pattern=fr"{APPROX}?(?:the )?(?:(?:past|last|next|first|final|previous|coming|following|remaining|latest|same|full|entire|whole|initial|ensuing|intervening|subsequent|recent)\s)?"
      fr"(?:{NUMBER}(?:\sor (?:so|{NUMBER}))?(?:\s(?:to|or)\s{NUMBER})?\s)(?:more\s|additional\s|straight\s|consecutive\s|full\s|trading\s|business\s|calendar\s)?(?:{UNIT})(?: or so)?"
      fr"|(?:{NUMBER})-(?:{'|'.join(_UNIT_WORDS)})(?:-old)?"
      fr"|(?:the )?(?:past|last|next|coming|recent|previous|first) (?:few |several )?(?:{UNIT})"
      r"|(?:a )?(?:minute|hour|day|week|month|year) and a half"
      # bare: "for centuries", "within weeks"; not "opening hours" (when, not how long)
      r"|years|months|weeks|days|decades|centuries"
      r"|(?<!opening )(?<!drinking )(?<!working )(?<!office )(?<!business )(?<!visiting )(?<!trading )hours")
def _duration_rule(text: str, ctx: Context):
    lower = text.lower().replace("-old", "")
    units = re.findall(r"(second|minute|hour|day|weekend|week|fortnight|month|quarter|year|decade|centur)", lower)
    if not units:
        return None
    unit = units[-1]
    unit = "century" if unit == "centur" else unit
    if unit == "weekend":
        return None
    if "and a half" in lower:
        number = _number(re.split(r"\s(?=(?:second|minute|hour|day|week|month|year))", re.sub(r"^a ", "one ", lower))[0]) or 1
        return Timex("DURATION", _duration(number + 0.5, unit), "duration")
    quantity = re.sub(fr"^{APPROX}", "", lower)
    quantity = re.sub(r"^(?:the|a|an)\s(?=(?:past|last|next|first|final|previous|coming|following|remaining|latest|same|full|entire|whole|initial|ensuing|intervening|subsequent|recent)\s)", "", quantity)
    quantity = re.sub(r"^(?:the\s)?(?:past|last|next|first|final|previous|coming|following|remaining|latest|same|full|entire|whole|initial|ensuing|intervening|subsequent|recent)\s", "", quantity)
    quantity = re.sub(r"^the\s", "", quantity)
    quantity = re.split(r"[\s-](?=(?:more\s|additional\s|straight\s|consecutive\s|full\s|trading\s|business\s|calendar\s)?(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur))", quantity)[0]
    quantity = re.sub(r"\s(?:to|or)\s.*$", "", quantity)
    if re.fullmatch(UNIT, quantity):
        quantity = ""  # "recent years", "coming weeks": no number at all
    plural = bool(re.search(r"(?:s|centuries)(?: or so)?$", lower))
    if quantity in ("", "past", "last", "next", "coming", "recent", "previous", "first"):
        number = None if plural else 1
    elif quantity in ("few", "several", "a few"):
        number = None
    else:
        number = _number(quantity)
        if number is None and quantity not in VAGUE_NUMBERS:
            return None
    if unit == "quarter" and number is None:
        return Timex("DURATION", "PXQ", "duration", _mod(text))
    if ctx.previous_word and number == 1 and re.match(r"^(?:a|an|per)\s", lower) and _is_rate(ctx.previous_word):
        return Timex("SET", _duration(1, unit), "set")
    return Timex("DURATION", _duration(number, unit), "duration", _mod(text))


def _is_rate(previous: str) -> bool:
    """ "$500 a year", "twice a week": a frequency, not a duration."""
    previous = previous.lower()
    return bool(re.search(r"[\d%]$", previous)) or previous in {
        "once", "twice", "thrice", "times", "dollars", "cents", "percent", "million", "billion",
        "barrels", "tons", "shares", "people", "units"}


@rule("set", pattern=r"(?:every|each|per)\s(?:other\s|single\s)?(?:day|week|month|quarter|year|decade|morning|afternoon|evening|night|hour|minute|weekend|summer|winter|spring|fall|autumn)"
      fr"|(?:every|each)\s{WEEKDAY}|{WEEKDAY}s(?:\s(?:morning|afternoon|evening|night)s?)?"
      r"|daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|twice a (?:day|week|month|year)|once a (?:day|week|month|year)")
def _set(text: str, ctx: Context):
    lower = text.lower()
    if lower in SET_ADVERBS:
        return Timex("SET", SET_ADVERBS[lower], "set")
    weekday = _weekday_in(lower)
    if weekday is not None:
        part = next((code for word, code in PARTS_OF_DAY.items() if word in lower), None)
        return Timex("SET", f"XXXX-WXX-{weekday + 1}" + (f"T{part}" if part else ""), "set")
    unit = re.findall(r"[a-z]+$", lower)[0]
    if unit in PARTS_OF_DAY:
        return Timex("SET", f"TXX{PARTS_OF_DAY[unit]}".replace("TXX", "T"), "set")
    if unit in SEASONS:
        return Timex("SET", f"XXXX-{SEASONS[unit]}", "set")
    if unit == "weekend":
        return Timex("SET", "XXXX-WXX-WE", "set")
    every_other = 2 if "other" in lower else 1
    return Timex("SET", _duration(every_other, unit), "set")


@rule("weekday", pattern=fr"(?:(?:last|next|this|this coming|this past|the previous|the following|early|late|earlier|later|mid)\s)?{WEEKDAY}"
      r"(?:\s(?:morning|afternoon|evening|night))?", needs_capital=True)
def _weekday(text: str, ctx: Context):
    lower = text.lower()
    weekday = _weekday_in(lower)
    part = next((code for word, code in PARTS_OF_DAY.items() if lower.endswith(word)), None)
    relation = ""
    if lower.startswith(("last", "this past", "the previous")):
        relation = "last"
    elif lower.startswith(("next", "this coming", "the following")):
        relation = "next"
    elif lower.startswith("this"):
        relation = "this"
    kind, precision = ("TIME", "time") if part else ("DATE", "day")
    if ctx.anchor is None:
        return Timex(kind, "XXXX-XX-XX" + (f"T{part}" if part else ""), precision)
    day = weekday_date(weekday, ctx.anchor, ctx.tense, relation)
    return Timex(kind, day.isoformat() + (f"T{part}" if part else ""), precision, _mod(text))


@rule("deictic_day", r"(?:(?:early|late|earlier|later)\s)?(?:yesterday|today|tomorrow)(?:\s(?:morning|afternoon|evening|night))?"
      r"|(?:the day (?:before|after) (?:yesterday|tomorrow))")
def _deictic(text: str, ctx: Context):
    lower = text.lower()
    offset = 0
    if "day before yesterday" in lower:
        offset = -2
    elif "day after tomorrow" in lower:
        offset = 2
    elif "yesterday" in lower:
        offset = -1
    elif "tomorrow" in lower:
        offset = 1
    part = next((code for word, code in PARTS_OF_DAY.items() if lower.endswith(word)), None)
    kind, precision = ("TIME", "time") if part else ("DATE", "day")
    if ctx.anchor is None:
        return Timex(kind, "XXXX-XX-XX" + (f"T{part}" if part else ""), precision)
    return Timex(kind, (ctx.anchor + timedelta(days=offset)).isoformat() + (f"T{part}" if part else ""), precision, _mod(text))


@rule("part_of_day", pattern=r"(?:this|last|tomorrow|yesterday|early this|late last|later this|earlier this)\s(?:morning|afternoon|evening|night)"
      r"|tonight|overnight|(?:the\s)?(?:mid[\s-]?afternoon|midday)(?:\s(?:yesterday|today|tomorrow))?")
def _part_of_day(text: str, ctx: Context):
    lower = text.lower()
    part = next((code for word, code in sorted(PARTS_OF_DAY.items(), key=lambda kv: -len(kv[0])) if word in lower))
    offset = -1 if ("last" in lower and part == "NI") or "yesterday" in lower else 1 if "tomorrow" in lower else 0
    if ctx.anchor is None:
        return Timex("TIME", f"XXXX-XX-XXT{part}", "time")
    return Timex("TIME", f"{(ctx.anchor + timedelta(days=offset)).isoformat()}T{part}", "time")


@rule("clock_time", pattern=r"(?:(?:around|about|shortly after|shortly before|just after|just before)\s)?"
      r"(?:\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d\d|noon|midnight)"
      r"(?:\s(?:EST|EDT|CST|PST|GMT|UTC|local time|Moscow time|\([A-Z]{3,4}\)))?"
      fr"(?:,?\s(?:on\s)?(?:{WEEKDAY}|yesterday|today|tomorrow|{MONTH}\s{DAY}))?")
def _clock(text: str, ctx: Context):
    lower = text.lower()
    hour, minute = 12, 0
    match = re.search(r"(\d{1,2})(?::(\d\d))?\s?(a\.m\.|p\.m\.|am|pm)?", lower)
    if "midnight" in lower:
        hour = 0
    elif "noon" in lower:
        hour = 12
    elif match:
        hour, minute = int(match[1]), int(match[2] or 0)
        if match[3] and match[3].startswith("p") and hour < 12:
            hour += 12
        if match[3] and match[3].startswith("a") and hour == 12:
            hour = 0
    if hour > 23 or minute > 59:
        return None
    day: str = "XXXX-XX-XX"
    if ctx.anchor is not None:
        weekday = _weekday_in(lower)
        month = _month_in(re.sub(r"\b(a\.m\.|p\.m\.)", "", lower))
        if weekday is not None:
            day = weekday_date(weekday, ctx.anchor, ctx.tense).isoformat()
        elif month is not None:
            days = re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?$", lower)
            found = month_day_date(month, int(days[0]), ctx.anchor, ctx.tense) if days else None
            day = found.isoformat() if found else day
        elif "yesterday" in lower:
            day = (ctx.anchor - timedelta(days=1)).isoformat()
        elif "tomorrow" in lower:
            day = (ctx.anchor + timedelta(days=1)).isoformat()
        else:
            day = ctx.anchor.isoformat()
    return Timex("TIME", f"{day}T{hour:02d}:{minute:02d}", "time", _mod(text))


@rule("reference", _alt(PRESENT_REF + PAST_REF + FUTURE_REF) + r"|recent (?:years|months|weeks|days|decades)"
      r"|the (?:last|past) (?:few|several) (?:years|months|weeks|days|decades)|(?:the )?years ahead")
def _reference(text: str, ctx: Context):
    lower = text.lower()
    if lower in PRESENT_REF:
        return Timex("DATE", "PRESENT_REF", "ref")
    if lower in FUTURE_REF or "ahead" in lower or "coming" in lower:
        return Timex("DATE", "FUTURE_REF", "ref")
    return Timex("DATE", "PAST_REF", "ref")


# --- finding -----------------------------------------------------------------------------------

# Words whose lower-case form is a common English word: as month or weekday names they must be
# capitalized ("may", "march", "sun" ...).
_CAPITAL_ONLY = {"may", "march", "jan", "mar", "sept", "sep", "oct", "dec", "aug", "nov", "feb", "jun", "jul"}


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    rule: Rule


_ARTICLE_BEFORE_ADJECTIVE = re.compile(r"^(?:the|a|an) (?=[\w]+-(?:quarter|year|month|week|day|hour|minute)$)", re.IGNORECASE)


def candidates(text: str) -> Iterator[Match]:
    """Every rule match in `text` (overlapping), before choosing the longest."""
    lower = folded(text)
    present: dict[tuple[str, ...], bool] = {}
    for r in RULES:
        if r.words:
            if r.words not in present:
                present[r.words] = any(word in lower for word in r.words)
            if not present[r.words]:
                continue  # none of the words a match needs: the pattern cannot match here
        for m in scan(r, text, lower):
            if m.end() > m.start():
                if r.needs_capital and not _names_capitalized(m.group(0)):
                    continue
                start, found = m.start(), m.group(0)
                # "a third-quarter loss", "the two-year plan": TimeML leaves the article out
                article = _ARTICLE_BEFORE_ADJECTIVE.match(found)
                if article:
                    start, found = start + article.end(), found[article.end():]
                yield Match(start, m.end(), found, r)


def _names_capitalized(text: str) -> bool:
    for word in re.findall(r"[A-Za-z]+", text):
        lower = word.lower()
        if (lower in MONTHS or lower in WEEKDAYS) and not word[0].isupper():
            return False
    return True


def longest(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, longest first (then leftmost, then rule order)."""
    order = {id(r): i for i, r in enumerate(RULES)}
    chosen: list[Match] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start, order[id(m.rule)])):
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def find_timexes(text: str) -> list[Match]:
    """The temporal expressions in a piece of text: non-overlapping, in reading order."""
    return longest(list(candidates(text)))


def full_match(phrase: str) -> Match | None:
    """The rule that reads the whole phrase (the longest when several do)."""
    hits = [m for m in candidates(phrase) if m.start == 0 and m.end == len(phrase)]
    order = {id(r): i for i, r in enumerate(RULES)}
    return min(hits, key=lambda m: order[id(m.rule)]) if hits else None

