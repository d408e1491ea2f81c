"""Find and parse news datelines (place, region, date, agency) opening a wire story's paragraph."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from newskit.extract import lexicon


@dataclass(frozen=True)
class Dateline:
    """A dateline as written; every str field is an exact substring of the parsed text.

    `text` is `paragraph[start:start + len(text)]`: the dateline including a closing period
    (TASS `/TASS/.`) but without a dash separator; `end` is where the story text begins.
    """

    start: int
    end: int
    text: str
    place: str | None
    region: str | None
    agency: str | None
    date_text: str | None
    year: int | None
    month: int | None
    day: int | None
    standalone: bool


# The one month table: every spelling a dateline uses (matched case-insensitively), English
# plus the Spanish forms EFE writes ("Nueva Delhi, 21 ene (EFE).-").
MONTHS: dict[str, int] = lexicon.table("read/months")

# Agencies accepted in (parens), /slashes/ or bare; compared lower-cased.
_KNOWN_AGENCIES = lexicon.words("read/dateline_agencies")
# Agencies that may follow the date without brackets (Kyodo style); case-sensitive.
_BARE_AGENCIES = lexicon.entries("read/dateline_bare_agencies")
# Sentence openers that never begin a mixed-case place ("The Associated Press (AP) - ...").
_NOT_PLACE = lexicon.words("read/dateline_not_place")
# Lower-case words allowed inside a mixed-case place name ("Frankfurt am Main").
_PARTICLES = lexicon.words("read/dateline_place_particles")

_WINDOW = 160        # characters after the start that are ever looked at
_MAX_HEAD = 100      # a dateline must end (before its separator) within this many characters
_MAX_PLACE_WORDS = 5

_SP = r"[ \t\u00a0]"
_WORD = r"[^\W\d_][\w'’.\-/&]*"
_MON = "(?i:" + "|".join(map(re.escape, sorted(MONTHS, key=len, reverse=True))) + r")(?![^\W\d_])"
_YEAR = rf"(?:,?{_SP}{{1,3}}\d{{4}}(?!\d))?"
_DATE = (rf"(?:\d{{4}}-\d{{2}}-\d{{2}}(?!\d)"                      # ISO: 1996-08-30
         rf"|{_MON}\.?{_SP}{{1,3}}\d{{1,2}}(?!\d){_YEAR}"          # month-day: Dec. 9, July 29 2019
         rf"|\d{{1,2}}{_SP}{{1,3}}{_MON}\.?{_YEAR})")              # day-month: 29 July
_BARE = "|".join(map(re.escape, _BARE_AGENCIES))
_RWORD = rf"(?!{_MON}){_WORD}"   # a region word is never a month

# One word of a place name: MOSCOW, Luxembourg, PORT-AU-PRINCE, ST., Berlin/Hamburg (dpa).
_WORD_RE = re.compile(_WORD)
# Everything after the place: region, date, agency, separator (all dialects share it).
_REST_RE = re.compile(rf"""
    (?:{_SP}{{1,3}}/(?P<rs>[^/\n]{{1,40}})/                       # TASS region: IGORA /Leningrad Region/
     | ,{_SP}{{1,3}}(?P<rc>{_RWORD}(?:{_SP}{_RWORD}){{0,2}}))?    # comma region: , Calif.  , Japan
    (?:,?{_SP}{{1,3}}(?P<date>{_DATE}))?                          # date: , July 29  1996-08-30
    \.?                                                           # TASS: December 26.
    (?:{_SP}{{0,3}}/(?P<as>[A-Za-z][\w.\- ]{{0,24}})/             # TASS agency: /TASS/
     | {_SP}{{0,3}}\((?P<ap>[A-Za-z][\w.\-/&' ]{{0,30}})\)        # Reuters/AP/AFP/dpa: (Reuters)
     | {_SP}{{1,3}}(?P<ab>{_BARE})(?!\w))?                        # Kyodo: Dec. 9 Kyodo
    \.?
    (?P<sep>(?P<stop>\s*\Z)                                     # CoNLL: LONDON 1996-08-30
     | (?P<dash>(?:{_SP}{{1,3}}|(?<=[.)]))-{{1,2}}(?={_SP}|\Z)   # " - "  EFE "(EFE).- "
                     |{_SP}{{0,3}}(?:--|[—–―]{{1,2}}|_{{1,2}}(?={_SP})))  # -- — – and 1990s AP "_"
     | (?P<dot>(?<=[./])\s)                                       # TASS: /TASS/. The ...
     | (?P<paren>(?<=\)){_SP}{{1,3}}(?=[^\W\d_]))                   # SDA/ATS: Paris (ats afp) Les ...
     | (?P<line>{_SP}*\r?\n))                                     # dateline on a line of its own
""", re.X)
# A metadata field holding only a date: "January 21", "2019-01-21", NewsML "20200616".
_DATE_ONLY_RE = re.compile(rf"(?P<date>{_DATE}|\d{{8}})\.?")
# ISO date parts, dashed or compact.
_ISO_RE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_ALPHA_RE = re.compile(r"[^\W\d_]+")
_DIGITS_RE = re.compile(r"\d+")
_SPACE_RE = re.compile(r"\s*")
# An unknown agency is accepted only as a short all-caps call sign after an ALL-CAPS place.
_CALLSIGN_RE = re.compile(r"[A-Z]{2,6}")
_AGENCY_SPLIT_RE = re.compile(r"[/,]")


def _parse_date(text: str) -> tuple[int | None, int, int] | None:
    """(year, month, day) of a matched date text, or None when the date is impossible."""
    iso = _ISO_RE.fullmatch(text)
    if iso:
        year: int | None = int(iso.group(1))
        month, day = int(iso.group(2)), int(iso.group(3))
    else:
        name = _ALPHA_RE.search(text)
        nums = _DIGITS_RE.findall(text)
        if name is None or not nums or name.group().lower() not in MONTHS:
            return None
        month, day = MONTHS[name.group().lower()], int(nums[0])
        year = int(nums[1]) if len(nums) > 1 else None
    if year is not None and not 1000 <= year <= 2999:
        return None
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
        return None
    return year, month, day


def _known(agency: str) -> bool:
    """Every part of "Reuters/AP", "ats afp", "RIA Novosti" is a known agency."""
    parts = [p.strip().lower() for p in _AGENCY_SPLIT_RE.split(agency)]
    return all(p in _KNOWN_AGENCIES or (p and all(w in _KNOWN_AGENCIES for w in p.split())) for p in parts)


def _region_ok(region: str) -> bool:
    """ "Calif.", "Japan", "New York", "D.C." but not "JUST TOO EARLY" (a caps headline)."""
    words = region.split(" ")
    if any(not (w[:1].isupper() or w.lower() in _PARTICLES) for w in words):
        return False
    return not region.isupper() or ("." in region and len(region) <= 6)


def _build(s: str, start: int, place: str, m: re.Match[str], lenient: bool) -> Dateline | None:
    """Validate one candidate parse; None when it does not look like a dateline."""
    g = m.groupdict()
    words = place.split(" ")
    if len(place) < 2 or not words[0][:1].isupper():
        return None
    if any(not (w[:1].isupper() or w.lower() in _PARTICLES) for w in words[1:]):
        return None
    caps = place.isupper()
    if not caps and words[0] in _NOT_PLACE:
        return None
    region, agency, date_text = g["rs"] or g["rc"], g["as"] or g["ap"] or g["ab"], g["date"]
    if g["rs"] and not agency and _known(g["rs"]):       # MOSCOW /TASS/. has no region
        region, agency = None, g["rs"]
    if g["rc"] and not _region_ok(g["rc"]):
        return None
    ymd = _parse_date(date_text) if date_text else (None, None, None)
    if ymd is None or (g["ab"] and not date_text):
        return None
    known = bool(agency) and _known(agency)
    if agency and not known and not (caps and g["dash"] is not None and _CALLSIGN_RE.fullmatch(agency)):
        return None
    if g["paren"] is not None and not (known and s[start + m.end():start + m.end() + 1].isupper()):
        return None
    if lenient:
        if g["stop"] is None and g["dash"] is None:
            return None
    elif m.start("sep") > _MAX_HEAD or not (caps or known):
        return None
    elif not (date_text or agency or (caps and g["rc"] and g["dash"] is not None)):
        return None                          # US papers: "DES MOINES, Iowa — " needs no date
    head = m.start("sep")
    end = len(s) if g["stop"] is not None else _SPACE_RE.match(s, start + m.end()).end()
    return Dateline(start, end, s[start:start + head], place, region, agency, date_text,
                    *ymd, standalone=g["stop"] is not None)


def _scan(s: str, lenient: bool) -> Dateline | None:
    """Try the place as 1..5 leading words, shortest first, and return the first valid parse."""
    start = len(s) - len(s.lstrip())
    last = len(s.rstrip())
    if start >= last:
        return None
    window = s[start:start + _WINDOW]
    if start + _WINDOW < last:
        window += "\x00"                     # sentinel: the window's end is not the text's end
    pos = 0
    for _ in range(_MAX_PLACE_WORDS):
        word = _WORD_RE.match(window, pos)
        if word is None:
            break
        pos = word.end()
        m = _REST_RE.match(window, pos)
        if m is not None:
            found = _build(s, start, window[:pos], m, lenient)
            if found is not None:
                return found
        if window[pos:pos + 1] != " ":
            break
        pos += 1
    return None


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening `paragraph` (TASS, Reuters, Kyodo, dpa, AP, AFP, CoNLL), or None."""
    if not isinstance(paragraph, str):
        return None
    return _scan(paragraph, lenient=False)


def parse_dateline_field(value: str) -> Dateline | None:
    """Parse a dateline from its own metadata field ("BEIJING, July 23", "January 21")."""
    if not isinstance(value, str):
        return None
    start = len(value) - len(value.lstrip())
    last = len(value.rstrip())
    if start >= last:
        return None
    only = _DATE_ONLY_RE.fullmatch(value, start, last) if last - start <= _WINDOW else None
    if only is not None:
        ymd = _parse_date(only.group("date"))
        if ymd is None:
            return None
        return Dateline(start, len(value), value[start:last], None, None, None,
                        only.group("date"), *ymd, standalone=True)
    found = _scan(value, lenient=True)
    return None if found is None else replace(found, standalone=True)
