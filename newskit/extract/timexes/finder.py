"""Finding temporal expressions with the rules: every rule's matches in a text (`candidates`), the
longest non-overlapping of them (`find_timexes`), and the rule that reads a whole phrase
(`full_match`)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newskit.extract.timexes.registry import Rule, folded, scan
from newskit.extract.timexes.rules import RULES
from newskit.extract.timexes.vocabulary import MONTHS, WEEKDAYS


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
    """Whether every month or weekday name in the text is capitalized: in running text lower-case
    "may" and "march" are other words."""
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
    """The rule that reads the whole phrase (the first in rule order when several do)."""
    hits = [m for m in candidates(phrase) if m.start == 0 and m.end == len(phrase)]
    order = {id(r): i for i, r in enumerate(RULES)}
    return min(hits, key=lambda m: order[id(m.rule)]) if hits else None
