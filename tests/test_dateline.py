"""Tests for newskit.read.dateline: wire dialects, false positives, offsets, robustness and speed.

tests/fixtures/datelines/expected.json maps each fixture file to the Dateline fields of its
dateline paragraph ("block" = index of that paragraph among the file's blank-line-separated
blocks, title included), or to null when the file has no dateline.
"""
from __future__ import annotations

import dataclasses
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit.read.dateline import MONTHS, Dateline, find_dateline, parse_dateline_field

FIXTURES = Path(__file__).parent / "fixtures" / "datelines"
FIELDS = ("text", "place", "region", "agency", "date_text", "year", "month", "day", "standalone")

# (paragraph, expected fields; omitted fields must be None / False)
POSITIVES = [
    ("MOSCOW, July 29 /TASS/. The first convoy left on Friday.",
     dict(text="MOSCOW, July 29 /TASS/.", place="MOSCOW", agency="TASS", date_text="July 29", month=7, day=29)),
    ("IGORA /Leningrad Region/, December 26. /TASS/. A new lift opened.",
     dict(text="IGORA /Leningrad Region/, December 26. /TASS/.", place="IGORA", region="Leningrad Region",
          agency="TASS", date_text="December 26", month=12, day=26)),
    ("MOSCOW, January 21. /TASS/. The Kremlin said nothing.",
     dict(text="MOSCOW, January 21. /TASS/.", place="MOSCOW", agency="TASS", date_text="January 21",
          month=1, day=21)),
    ("SALVADOR, Feb 26 - Crowds filled the streets.",
     dict(text="SALVADOR, Feb 26", place="SALVADOR", date_text="Feb 26", month=2, day=26)),
    ("LONDON, March 3 (Reuters) - Shares rose.",
     dict(text="LONDON, March 3 (Reuters)", place="LONDON", agency="Reuters", date_text="March 3", month=3, day=3)),
    ("BEIRUT (Reuters) - Talks resumed.", dict(text="BEIRUT (Reuters)", place="BEIRUT", agency="Reuters")),
    ("SAITAMA, Japan, Dec. 9 Kyodo - The home side won.",
     dict(text="SAITAMA, Japan, Dec. 9 Kyodo", place="SAITAMA", region="Japan", agency="Kyodo",
          date_text="Dec. 9", month=12, day=9)),
    ("Luxembourg (dpa) - The court ruled on Monday.", dict(text="Luxembourg (dpa)", place="Luxembourg", agency="dpa")),
    ("LONDON 1996-08-30", dict(text="LONDON 1996-08-30", place="LONDON", date_text="1996-08-30",
                                year=1996, month=8, day=30, standalone=True)),
    ("WASHINGTON (AP) — The Senate voted.", dict(text="WASHINGTON (AP)", place="WASHINGTON", agency="AP")),
    ("WASHINGTON (AP) -- The Senate voted.", dict(text="WASHINGTON (AP)", place="WASHINGTON", agency="AP")),
    ("WASHINGTON (AP) – The Senate voted.", dict(text="WASHINGTON (AP)", place="WASHINGTON", agency="AP")),
    ("SAN FRANCISCO, Calif. (AP) — the fog lifted.",
     dict(text="SAN FRANCISCO, Calif. (AP)", place="SAN FRANCISCO", region="Calif.", agency="AP")),
    ("PARIS, Jan 5 (AFP) - Strikes spread.",
     dict(text="PARIS, Jan 5 (AFP)", place="PARIS", agency="AFP", date_text="Jan 5", month=1, day=5)),
    ("NEW YORK, Sept. 5, 2019 (AP) — Markets fell.",
     dict(text="NEW YORK, Sept. 5, 2019 (AP)", place="NEW YORK", agency="AP", date_text="Sept. 5, 2019",
          year=2019, month=9, day=5)),
    ("RIO DE JANEIRO, 29 July - the rain stopped.",
     dict(text="RIO DE JANEIRO, 29 July", place="RIO DE JANEIRO", date_text="29 July", month=7, day=29)),
    ("LONDON, Sept 14 - Prices rose.", dict(text="LONDON, Sept 14", place="LONDON", date_text="Sept 14", month=9, day=14)),
    ("   BERLIN, 2019-01-21 (dpa) - Text.",
     dict(text="BERLIN, 2019-01-21 (dpa)", place="BERLIN", agency="dpa", date_text="2019-01-21",
          year=2019, month=1, day=21)),
    ("Nueva Delhi, 21 ene (EFE).- Una pareja de leones.",
     dict(text="Nueva Delhi, 21 ene (EFE).", place="Nueva Delhi", agency="EFE", date_text="21 ene", month=1, day=21)),
    ("Paris (ats afp) Les violences continuent.", dict(text="Paris (ats afp)", place="Paris", agency="ats afp")),
    ("DES MOINES, Iowa — One editorial is worth a thousand words.",
     dict(text="DES MOINES, Iowa", place="DES MOINES", region="Iowa")),
    ("MOSCOW (AP)_ The mayor spoke.", dict(text="MOSCOW (AP)", place="MOSCOW", agency="AP")),
    ("LONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four wickets.",
     dict(text="LONDON 1996-08-30", place="LONDON", date_text="1996-08-30", year=1996, month=8, day=30)),
]

NEGATIVES = [
    "Russian Defense Minister Sergei Shoigu said on Thursday that the convoy had left.",
    "The first foreign reaction to Russia's request is inspiring some optimism.",
    "In 2004, Google - the search giant - bought a mapping firm.",
    "WASHINGTON is a city.",
    "Kremlin has 'negative reaction' to EU sanctions",
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months.",
    "NATO, the alliance, said - nothing.",
    "Mr Smith, 45, said - nothing at all.",
    "SOCCER - JAPAN GET LATE WINNER IN CUP FINAL",
    "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - the analysts wrote.",
    "LONDON - The capital is busy.",
    "UK, 45 - a score.",
    "Tony Blair (Labour) - the prime minister - spoke.",
    "Mike (AP) said it was over.",
    "NATO (OTAN)",
    "MONTGOMERY, Ala.",
    "LONDON, Feb 31 - an impossible date.",
    "The Associated Press (AP) reported the story.",
    "The Associated Press (AP) - the news agency - said.",
    "Alcoholics Anonymous (AA) - the group - met.",
    "EU ministers met on July 29 - and agreed nothing.",
    "July 29 - the day it happened.",
    "",
    "   \n\t ",
    "-" * 10_000,
]


def _check_invariants(paragraph: str, d: Dateline) -> None:
    assert 0 <= d.start <= d.start + len(d.text) <= d.end <= len(paragraph)
    assert paragraph[d.start:d.start + len(d.text)] == d.text
    assert d.text and d.text == d.text.strip()
    if d.place is not None:
        assert paragraph[d.start:].startswith(d.place)
    for part in (d.place, d.region, d.agency, d.date_text):
        assert part is None or (part and part in d.text)
    assert (d.month is None) == (d.day is None)
    if d.month is not None:
        assert 1 <= d.month <= 12 and 1 <= d.day <= 31


@pytest.mark.parametrize("paragraph, expected", POSITIVES, ids=[p[:24] for p, _ in POSITIVES])
def test_positive(paragraph: str, expected: dict) -> None:
    d = find_dateline(paragraph)
    assert d is not None
    full = {f: None for f in FIELDS} | {"standalone": False} | expected
    assert {f: getattr(d, f) for f in FIELDS} == full
    _check_invariants(paragraph, d)


@pytest.mark.parametrize("paragraph", NEGATIVES, ids=[repr(p[:24]) for p in NEGATIVES])
def test_negative(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


def test_offsets() -> None:
    paragraph = "  SAITAMA, Japan, Dec. 9 Kyodo -   The home side won."
    d = find_dateline(paragraph)
    assert d is not None
    assert (d.start, d.end) == (2, paragraph.index("The"))
    assert paragraph[d.end:] == "The home side won."
    standalone = find_dateline("LONDON 1996-08-30  ")
    assert standalone is not None and standalone.standalone and standalone.end == 19
    for own_paragraph in ("LONDON 1996-08-30\n", "MOSCOW, July 29 /TASS/.", "LONDON, Jan 5. \n"):
        d = find_dateline(own_paragraph)
        assert d is not None and d.standalone and d.end == len(own_paragraph)


@pytest.mark.parametrize("value, expected", [
    ("BEIJING, July 23", dict(text="BEIJING, July 23", place="BEIJING", date_text="July 23", month=7, day=23)),
    ("January 21", dict(text="January 21", date_text="January 21", month=1, day=21)),
    ("20200616", dict(text="20200616", date_text="20200616", year=2020, month=6, day=16)),
    ("Berlin (dpa) - ", dict(text="Berlin (dpa)", place="Berlin", agency="dpa")),
    ("Beijing, China", dict(text="Beijing, China", place="Beijing", region="China")),
    ("Landquart GR", dict(text="Landquart GR", place="Landquart GR")),
])
def test_parse_dateline_field(value: str, expected: dict) -> None:
    d = parse_dateline_field(value)
    assert d is not None
    assert {f: getattr(d, f) for f in FIELDS} == {f: None for f in FIELDS} | {"standalone": True} | expected
    _check_invariants(value, d)


@pytest.mark.parametrize("value", ["", "  ", "Kremlin has 'negative reaction' to EU sanctions", "February 30", "-" * 10_000])
def test_parse_dateline_field_rejects(value: str) -> None:
    assert parse_dateline_field(value) is None


def test_fixtures_match_expected() -> None:
    expected = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in FIXTURES.glob("*.txt"))
    assert sorted(expected) == files
    for name, want in expected.items():
        blocks = [b.strip() for b in re.split(r"\n\s*\n", (FIXTURES / name).read_text(encoding="utf-8")) if b.strip()]
        found = [(i, d) for i, d in enumerate(map(find_dateline, blocks)) if d is not None]
        if want is None:
            assert found == [], name
            continue
        (index, d), = found          # exactly one dateline per fixture, in the expected block
        assert {"block": index} | dataclasses.asdict(d) == want, name


_WORDS = st.sampled_from(["MOSCOW", "NEW", "YORK", "Luxembourg", "Japan", "Calif.", "/TASS/", "(AP)", "(dpa)",
                          "Kyodo", "Dec.", "July", "29", "1996-08-30", ",", ".", " - ", " — ", "--", "_", "/", "(",
                          ")", "said", "the", "\n", "\x00", "\u00a0", *list(MONTHS)[:6]])


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(_WORDS, max_size=20).map(" ".join),
                 st.lists(_WORDS, max_size=20).map("".join)))
def test_never_raises_and_invariants_hold(paragraph: str) -> None:
    for d in (find_dateline(paragraph), parse_dateline_field(paragraph)):
        if d is not None:
            _check_invariants(paragraph, d)


@pytest.mark.parametrize("paragraph", [
    "-" * 100_000, "A" * 100_000, "A " * 50_000, " " * 100_000 + "x", "NEW YORK " * 11_000,
    "MOSCOW, " + "July 29 " * 12_000, "WASHINGTON (AP) " + "—" * 100_000, "(" * 100_000,
    "LONDON " + "\u00a0" * 100_000 + "1996-08-30", "MOSCOW /" + "a" * 100_000,
], ids=lambda p: repr(p[:12]))
def test_large_paragraph_is_fast(paragraph: str) -> None:
    began = time.perf_counter()
    find_dateline(paragraph)
    parse_dateline_field(paragraph)
    assert time.perf_counter() - began < 1.0
