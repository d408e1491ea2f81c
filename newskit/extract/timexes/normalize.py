"""`normalize(phrase, anchor, tense)`: one temporal expression ("on Thursday", "the third quarter")
to its TIMEX3 type, value and day against a publication date, with the rules in rules.py."""
from __future__ import annotations

import re
from datetime import date, datetime

import pandas as pd

from newskit.extract import lexicon
from newskit.extract.timexes.dates import SEASON_MONTH
from newskit.extract.timexes.finder import full_match
from newskit.extract.timexes.registry import Context

# Words in front of a date that TimeML leaves outside the expression ("on Friday" -> "Friday").
_LEADING_WORDS = re.compile(r"^(?:(?:" + "|".join(map(re.escape, lexicon.entries("timexes/leading_words"))) + r")\s+)+",
                            re.IGNORECASE)


def normalize(phrase: str, anchor: date | datetime | pd.Timestamp | None = None, tense: str | None = None):
    """Normalize one temporal expression against a publication date.

    Args:
        phrase: the expression, e.g. "on Thursday", "July 29", "the third quarter", "three years".
            Leading prepositions ("on", "in", "since" ...) are ignored.
        anchor: the publication date; None leaves relative expressions unanchored ("XXXX-XX-XX").
        tense: "past", "future" or "present" (the governing verb's), or None; it decides the
            direction of weekdays and year-less dates.

    Returns:
        (type, value, day) — TIMEX3 type ("DATE", "TIME", "DURATION", "SET"), TIMEX3 value
        ("2016-07-28", "2016-W30", "P3Y", "PRESENT_REF" ...) and a `datetime.date` when the value
        names one full day, else None — or None when the phrase is not a temporal expression.

    Examples:
        >>> normalize("on Thursday", date(2016, 7, 29), "past")
        ('DATE', '2016-07-28', datetime.date(2016, 7, 28))
        >>> normalize("last week", date(2016, 7, 29))
        ('DATE', '2016-W29', None)
    """
    timex = normalize_timex(phrase, anchor, tense)
    if timex is None:
        return None
    return timex.type, timex.value, day_of(timex.value)


def normalize_timex(phrase: str, anchor=None, tense: str | None = None):
    """Like `normalize`, but returns the rule's `Timex` (with precision and mod)."""
    phrase = _LEADING_WORDS.sub("", phrase.strip()).strip(" ,.;:")
    match = full_match(phrase)
    if match is None:
        return None
    return match.rule.normalize(match.text, Context(as_date(anchor), tense))


def day_of(value: str | None) -> date | None:
    """The day a TIMEX3 value names ("2016-07-28", "2016-07-28T10:00"), else None."""
    if isinstance(value, str) and re.match(r"^\d{4}-\d\d-\d\d(?:$|T)", value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def period_start(value: str | None) -> date | None:
    """The first day of the period a calendar TIMEX3 value names ("2016-W30" -> 2016-07-25,
    "2016-Q3" -> 2016-07-01, "199" -> 1990-01-01); None for references, durations and sets."""
    if not isinstance(value, str) or "X" in value:
        return None
    day = day_of(value)
    if day:
        return day
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", value):
            return date.fromisocalendar(int(m[1]), int(m[2]), 6 if value.endswith("WE") else 1)
        if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            return date(int(m[1]), int(m[2]), 1)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            return date(int(m[1]), 3 * int(m[2]) - 2, 1)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            return date(int(m[1]), SEASON_MONTH[m[2]], 1)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1)
        if re.fullmatch(r"\d{3}", value):
            return date(int(value) * 10, 1, 1)
        if re.fullmatch(r"\d{2}", value):
            return date(int(value) * 100 + 1, 1, 1)
    except ValueError:
        return None
    return None


def as_date(anchor) -> date | None:
    if anchor is None or anchor is pd.NaT or (not isinstance(anchor, date) and pd.isna(anchor)):
        return None
    if isinstance(anchor, pd.Timestamp):
        return None if pd.isna(anchor) else anchor.date()
    if isinstance(anchor, datetime):
        return anchor.date()
    if isinstance(anchor, date):
        return anchor
    stamp = pd.Timestamp(anchor)
    return None if pd.isna(stamp) else stamp.date()
