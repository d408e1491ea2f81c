"""The words the date rules read, loaded from the lexicon's `timexes/` lists: month, weekday and
season names, number and ordinal words, time units, and the references to now, the past and the
future. The lists are data; the comment on each `.txt` list is in its file."""
from __future__ import annotations

from newskit.extract import lexicon

# lower-case name or abbreviation -> month number (1 = January)
MONTHS: dict[str, int] = lexicon.table("timexes/months")
# lower-case name -> weekday number (Monday = 0, as datetime.date.weekday counts)
WEEKDAYS: dict[str, int] = lexicon.table("timexes/weekdays")
# season name -> TIMEX3 season code ("fall" and "autumn" are both FA)
SEASONS: dict[str, str] = lexicon.table("timexes/seasons")
# ordinal word or "1st" form -> its number; the order is the order the rules try them in
ORDINALS: dict[str, int] = lexicon.table("timexes/ordinals")
# number word or phrase -> its value ("a couple of" -> 2, "half a" -> 0.5)
NUMBER_WORDS: dict[str, float] = lexicon.table("timexes/number_words")
VAGUE_NUMBERS: tuple[str, ...] = lexicon.entries("timexes/vague_numbers")
# "twenties" ... "nineties" -> the decade's tens digit
DECADE_WORDS: dict[str, int] = lexicon.table("timexes/decade_words")
# unit -> [TIMEX3 duration letter, multiplier, is a time-of-day unit, letter when unspecified]:
# "fortnight" counts two weeks, "quarter" three months but "PXQ" when vague
UNITS: dict[str, list] = lexicon.table("timexes/duration_units")
UNIT_WORDS: tuple[str, ...] = lexicon.entries("timexes/duration_unit_words")
PRESENT_REF: tuple[str, ...] = lexicon.entries("timexes/present_references")
PAST_REF: tuple[str, ...] = lexicon.entries("timexes/past_references")
FUTURE_REF: tuple[str, ...] = lexicon.entries("timexes/future_references")
# part of the day -> TIMEX3 code; the first that a phrase contains (or ends with) is its part
PARTS_OF_DAY: dict[str, str] = lexicon.table("timexes/parts_of_day")
# "daily", "quarterly" ... -> the TIMEX3 period of the set they name
SET_ADVERBS: dict[str, str] = lexicon.table("timexes/set_adverbs")
RATE_WORDS: frozenset[str] = lexicon.words("timexes/rate_words")
