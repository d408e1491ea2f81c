"""Regular-expression pieces the date rules are built from: month and weekday names, day and year
numbers, spelled numbers, units, and the modifiers in front of a date ("early", "last", "about").

Alternatives are tried in the order written, so a longer spelling comes before its prefix
("January" before "Jan." before "Jan", "a dozen" before "a").
"""
from __future__ import annotations

import re

from newskit.extract.timexes.vocabulary import ORDINALS, UNIT_WORDS


def alternation(words) -> str:
    """A non-capturing group matching any of `words` literally, longest first (ties keep their order)."""
    return "(?:" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) + ")"


MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
         r"|Jan|Feb|Aug|Sept|Oct|Nov|Dec)")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
# spelled-out days of the month ("the twenty-first"): the ordinal words, not "1st" (DAY reads those)
ORDINAL_DAY = r"(?:" + "|".join(k for k in ORDINALS if not k[0].isdigit()) + ")"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d])"
SPELLED_YEAR = (r"(?:nineteen|twenty)[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen"
                r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two thousand(?: and (?:one|two|three|four|five|six|seven|eight|nine|ten))?")
ANY_YEAR = f"(?:{YEAR}|{SPELLED_YEAR})"
UNIT = "(?:" + "|".join(UNIT_WORDS) + r")s?|century|centuries"
NUMBER = (r"(?:\d+(?:\.\d+)?(?:\s1/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
          r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
          r"|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a dozen|dozen|a couple of|couple of"
          r"|a few|few|several|a number of|an?)")
# a hedge in front of a number ("about three years"); "over the", "under the" are places, not hedges
APPROX = (r"(?:(?:nearly|almost|about|around|roughly|approximately|some|over(?! the| several| recent)|under(?! the)|more than|less than|fewer than"
          r"|at least|at most|up to|no more than|no less than|barely|at the most) )")
# where in a period ("early", "the end of"): the TIMEX3 mod
MOD = r"(?:(?:early|late|mid|the (?:beginning|start|end|middle|first half|second half) of|the end of|around|by the end of)[\s-])"
# which period relative to now ("last", "the coming")
REL = r"(?:last|this|next|the past|past|the previous|previous|the coming|coming|the following|this past|this coming|the current|current)"
QUARTER_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
QUARTER_ADJ = (r"(?:the |this year's |last year's |next year's |the year's |(?:the )?" + YEAR + r"(?:'s)? )?"
               r"(?:(?:fiscal|year-earlier|year-ago|calendar)[\s-])*")
# the periods "last week", "this year" ... name
RELATIVE_UNIT = r"(?:week|weekend|month|year|decade|century|fiscal year|calendar year)"
# words between the article and the number of a duration ("the past three years", "a full day")
DURATION_ADJECTIVE = (r"(?:past|last|next|first|final|previous|coming|following|remaining|latest|same|full|entire|whole"
                      r"|initial|ensuing|intervening|subsequent|recent)")
