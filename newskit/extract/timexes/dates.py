"""Calendar arithmetic the date rules share: numbers, years, months and weekdays read from words,
TIMEX3 values spelled from dates ("2016-W30", "P2Y6M"), and which date a year-less or weekday
mention means given the publication date and the tense of its verb."""
from __future__ import annotations

import re
from datetime import date, timedelta

from newskit.extract.timexes.patterns import SPELLED_YEAR
from newskit.extract.timexes.registry import Timex
from newskit.extract.timexes.vocabulary import MONTHS, NUMBER_WORDS, UNITS, VAGUE_NUMBERS, WEEKDAYS

# TIMEX3 season code -> the month it starts in
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# --- values -------------------------------------------------------------------------------------


def week_value(value: date) -> str:
    year, week, _ = value.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def quarter_of(value: date) -> int:
    return (value.month - 1) // 3 + 1


def previous_quarter(anchor: date) -> tuple[int, int]:
    quarter = quarter_of(anchor) - 1
    return (anchor.year, quarter) if quarter else (anchor.year - 1, 4)


def mod_of(text: str) -> str | None:
    """The TIMEX3 mod a phrase's first words give ("early 2016" -> START, "about" -> APPROX)."""
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


def duration_value(number: float | None, unit: str) -> str:
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


# --- reading words ------------------------------------------------------------------------------


def number_in(text: str) -> float | None:
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


def year_in(text: str) -> int | None:
    """The year in "2016", "nineteen ninety-six", "two thousand and one"."""
    text = text.lower().replace("-", " ")
    match = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", text)
    if match:
        return int(match[1])
    spelled = re.search(SPELLED_YEAR.replace("[\\s-]", " "), text)
    words = spelled[0].split() if spelled else text.split()
    if words[:2] == ["two", "thousand"]:
        rest = number_in(" ".join(words[3:])) if len(words) > 3 else 0
        return 2000 + int(rest or 0)
    if words and words[0] in ("nineteen", "twenty"):
        century = 1900 if words[0] == "nineteen" else 2000
        rest = " ".join(words[1:])
        if rest == "hundred":
            return century
        value = number_in(rest)
        if value is not None:
            return century + int(value)
    return None


def month_in(text: str) -> int | None:
    """The number of the first month name in the text."""
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in MONTHS:
            return MONTHS[word]
    return None


def weekday_in(text: str) -> int | None:
    """The number of the first weekday name (or plural: "Mondays") in the text."""
    for word in re.findall(r"[a-z]+", text.lower()):
        if word.rstrip("s") in WEEKDAYS:
            return WEEKDAYS[word.rstrip("s")]
    return None


# --- choosing among candidate dates by tense ---------------------------------------------------


def choose_by_tense(candidates: list, anchor_key, tense: str | None, past_lean: int = 0):
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
        return date.fromordinal(choose_by_tense(ordinals, anchor.toordinal(), None, past_lean=180))
    return date.fromordinal(choose_by_tense(ordinals, anchor.toordinal(), tense, past_lean=14))


def month_year(month: int, anchor: date, tense: str | None) -> int:
    """The year of a bare month name ("in January"), leaning by tense."""
    keys = [(anchor.year + d) * 12 + month - 1 for d in (-1, 0, 1)]
    return choose_by_tense(keys, anchor.year * 12 + anchor.month - 1, tense) // 12


def quarter_year(quarter: int, anchor: date, tense: str | None) -> int:
    """The year of "the third quarter": this year's unless it is still to come and not future tense."""
    if quarter > quarter_of(anchor) and tense != "future":
        return anchor.year - 1
    return anchor.year


def years_away(anchor: date, unit: str, amount: int, mod: str | None) -> Timex:
    """The decade, century or year `amount` units from the anchor's ("the last decade", "two years ago")."""
    if unit == "decade":
        return Timex("DATE", str(anchor.year + 10 * amount)[:3], "decade", mod)
    if unit == "century":
        return Timex("DATE", f"{(anchor.year - 1) // 100 + amount:02d}", "century", mod)
    return Timex("DATE", f"{anchor.year + amount:04d}", "year", mod)
