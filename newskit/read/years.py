"""Years a year-less dateline ("MOSCOW, July 29 /TASS/.") can fall in, from the weekdays the story mentions."""
from __future__ import annotations

import re
from datetime import date

from newskit.extract import lexicon

# Monday first: a name's position is its weekday number, as date.weekday() counts.
_WEEKDAY_NAMES = lexicon.entries("read/weekdays")
_WEEKDAY_MENTION = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, _WEEKDAY_NAMES)) + r")(?![\w-])")


def year_candidates(text: str, month: int, day: int, first: int = 1990, last: int | None = None) -> list[int]:
    """Years in which a year-less dateline's day ("July 29") falls on the weekday the story
    dates itself by, most recent first.

    The story's own weekday is the mentioned weekday from which every other weekday mention is
    the shortest way back (a Friday story says "on Thursday"; "on Friday" is the day itself).
    With no weekday mention nothing narrows the years, and the list is empty.

    >>> year_candidates("... told journalists on Friday. ... said on Thursday ...", 7, 29, last=2024)[:3]
    [2022, 2016, 2011]
    """
    last = last if last is not None else date.today().year
    mentioned: list[int] = []
    for match in _WEEKDAY_MENTION.finditer(text):
        weekday = _WEEKDAY_NAMES.index(match.group(0))
        if weekday not in mentioned:
            mentioned.append(weekday)
    if not mentioned:
        return []
    story_day = min(mentioned, key=lambda w: (max((w - other) % 7 for other in mentioned), mentioned.index(w)))
    years = []
    for year in range(last, first - 1, -1):
        try:
            if date(year, month, day).weekday() == story_day:
                years.append(year)
        except ValueError:
            continue
    return years


def dateline_year_candidates(text: str, month: int | None, day: int | None) -> str | None:
    """`year_candidates` as the articles frame stores it: "2022,2016,2011,..." or None."""
    if not month or not day:
        return None
    years = year_candidates(text, month, day)
    return ",".join(str(y) for y in years) if years else None
