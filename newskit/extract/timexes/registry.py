"""What a date rule is and where rules are kept: `Timex` (what a rule returns), `Context` (what it
may read besides the words), `Rule`, the ordered `RULES` list that `rule()` fills, and the speed
filter that searches a paragraph with a rule only where one of its matches can start (`scan`)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from newskit.extract.timexes.regex_reader import match_reach, required_words


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


# In registration order, which breaks ties between equally long matches.
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


# --- the speed filter: where a pattern can match at all --------------------------------------------
#
# Scanning a paragraph with each of the ~60 patterns costs far more than spaCy's share allows, and
# most patterns cannot match most paragraphs: "annually", "twice a", a month name. Every pattern's
# words are read off it once (regex_reader); a paragraph is scanned with a pattern only when its
# lower-case text contains one of them, and only near them when the pattern's matches are short.
# This only skips text where the pattern would find nothing: the matches are those of finditer.

# Characters that re.IGNORECASE matches to an ASCII letter although str.lower() does not turn them
# into it (found by trying every code point against every letter).
_ASCII_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def folded(text: str) -> str:
    """The lower-case text in which `Rule.words` are looked up."""
    return text.translate(_ASCII_FOLDS).lower()


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
