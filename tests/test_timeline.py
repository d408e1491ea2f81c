"""Timelines: temporal expressions, their TIMEX3 values against the publication date, year-less
datelines and newskit.timeline()."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newskit
from newskit.extract.timexes import regex_reader
from newskit.extract.timexes.normalize import normalize, period_start
from newskit.extract.timexes.registry import folded, scan
from newskit.extract.timexes.rules import RULES
from newskit.read.years import year_candidates

from .conftest import FIXTURES, ROOT, assert_spans_point_into_text, read_quietly

SEED = ROOT / "seeds"
FRIDAY = date(2016, 7, 29)  # the seed's publication date




def tag_texts(nlp, texts: list[str], published=FRIDAY) -> newskit.Corpus:
    articles = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(len(texts))],
        "text": texts,
        "published": pd.to_datetime([published] * len(texts)),
    })
    return newskit.tag(articles, cache=None, model=nlp)


# --- the seed ------------------------------------------------------------------------------------


def test_seed_dates(seed_corpus):
    values = dict(zip(seed_corpus.timexes["text"], seed_corpus.timexes["value"]))
    assert values["July 29"] == "2016-07-29"
    assert values["Friday"] == "2016-07-29"
    assert values["Thursday"] == "2016-07-28"
    friday = seed_corpus.timexes.query("text == 'Friday'").iloc[0]
    assert friday["date"] == pd.Timestamp("2016-07-29")
    assert seed_corpus.articles.text[0][friday.start:friday.end] == "Friday"


def test_seed_timeline_has_both_days_with_their_actors(seed_corpus):
    line = newskit.timeline(seed_corpus)
    days = line[line["precision"] == "day"]
    assert {"2016-07-28", "2016-07-29"} <= set(days["date"].dt.strftime("%Y-%m-%d"))
    who_on = lambda day: " ".join(days.loc[days["date"] == day, "who"].dropna())  # noqa: E731
    assert "Shoigu" in who_on("2016-07-28")
    assert "Antonov" in who_on("2016-07-29")
    assert line["date"].is_monotonic_increasing
    # the dateline dates the article, not an event
    assert "July 29" not in set(line["timex"])


def test_timeline_is_deterministic_and_typed(seed_corpus):
    first, second = newskit.timeline(seed_corpus), newskit.timeline(seed_corpus)
    pd.testing.assert_frame_equal(first, second)
    assert str(first["date"].dtype) == "datetime64[ns]"
    assert {"date", "precision", "article_id", "sentence", "what", "who", "quote", "timex", "value"} <= set(first.columns)


def test_show_hovers_dates_with_their_values(seed_corpus):
    html = seed_corpus.show(seed_corpus.articles.article_id[0])._repr_html_()
    assert "timex" in html
    assert "DATE 2016-07-28" in html and "DATE 2016-07-29" in html


def test_offsets_point_into_text(seed_corpus, nlp):
    assert_spans_point_into_text(seed_corpus)
    corpus = tag_texts(nlp, ["Title\n\nShares fell 3% on Tuesday, two days after the Aug. 2 vote.\n\nThe company said last week it would report in the third quarter."])
    assert_spans_point_into_text(corpus)
    assert list(corpus.timexes["text"]) == ["Tuesday", "two days after", "Aug. 2", "last week", "the third quarter"] or \
        {"Tuesday", "Aug. 2", "last week", "the third quarter"} <= set(corpus.timexes["text"])


# --- normalize -----------------------------------------------------------------------------------

CASES = [
    # weekdays against Friday 2016-07-29
    ("on Friday", "past", ("DATE", "2016-07-29")),
    ("on Thursday", "past", ("DATE", "2016-07-28")),
    ("on Thursday", "future", ("DATE", "2016-08-04")),
    ("Monday", None, ("DATE", "2016-07-25")),
    ("next Monday", None, ("DATE", "2016-08-01")),
    ("last Friday", None, ("DATE", "2016-07-22")),
    ("Thursday evening", "past", ("TIME", "2016-07-28TEV")),
    # deictic days and clock times
    ("yesterday", None, ("DATE", "2016-07-28")),
    ("today", None, ("DATE", "2016-07-29")),
    ("tomorrow", None, ("DATE", "2016-07-30")),
    ("tonight", None, ("TIME", "2016-07-29TNI")),
    ("10 p.m. Wednesday", "past", ("TIME", "2016-07-27T22:00")),
    # relative periods
    ("last week", None, ("DATE", "2016-W29")),
    ("this week", None, ("DATE", "2016-W30")),
    ("next week", None, ("DATE", "2016-W31")),
    ("this month", None, ("DATE", "2016-07")),
    ("earlier this month", None, ("DATE", "2016-07")),
    ("last month", None, ("DATE", "2016-06")),
    ("last year", None, ("DATE", "2015")),
    ("next year", None, ("DATE", "2017")),
    ("two days ago", None, ("DATE", "2016-07-27")),
    ("three weeks ago", None, ("DATE", "2016-W27")),
    ("a year ago", None, ("DATE", "2015")),
    # year-less and explicit dates
    ("July 29", None, ("DATE", "2016-07-29")),
    ("Aug. 2", "future", ("DATE", "2016-08-02")),
    ("Aug. 2", None, ("DATE", "2016-08-02")),
    ("Dec. 20", "past", ("DATE", "2015-12-20")),
    ("29 July 2016", None, ("DATE", "2016-07-29")),
    ("March 3, 2015", None, ("DATE", "2015-03-03")),
    ("2016-07-29", None, ("DATE", "2016-07-29")),
    ("August 1988", None, ("DATE", "1988-08")),
    ("in January", "past", ("DATE", "2016-01")),
    ("in January", "future", ("DATE", "2017-01")),
    ("early December", "past", ("DATE", "2015-12")),
    ("mid-November", "future", ("DATE", "2016-11")),
    ("1998", None, ("DATE", "1998")),
    ("fiscal 1989", None, ("DATE", "1989")),
    ("nineteen ninety-six", None, ("DATE", "1996")),
    # quarters, seasons, decades, centuries
    ("the third quarter", None, ("DATE", "2016-Q3")),
    ("the fourth quarter", "past", ("DATE", "2015-Q4")),
    ("third-quarter", None, ("DATE", "2016-Q3")),
    ("the first quarter of 2015", None, ("DATE", "2015-Q1")),
    ("this summer", None, ("DATE", "2016-SU")),
    ("last winter", None, ("DATE", "2015-WI")),
    ("the 1990s", None, ("DATE", "199")),
    ("the nineties", None, ("DATE", "199")),
    ("the 20th century", None, ("DATE", "19")),
    # durations
    ("three years", None, ("DURATION", "P3Y")),
    ("two hours", None, ("DURATION", "PT2H")),
    ("the past three months", None, ("DURATION", "P3M")),
    ("two-year", None, ("DURATION", "P2Y")),
    ("several years", None, ("DURATION", "PXY")),
    ("2 1/2 years", None, ("DURATION", "P2Y6M")),
    ("a decade", None, ("DURATION", "P10Y")),
    # references
    ("now", None, ("DATE", "PRESENT_REF")),
    ("currently", None, ("DATE", "PRESENT_REF")),
    ("recently", None, ("DATE", "PAST_REF")),
    ("soon", None, ("DATE", "FUTURE_REF")),
    ("the future", None, ("DATE", "FUTURE_REF")),
    # sets
    ("every week", None, ("SET", "P1W")),
    ("each year", None, ("SET", "P1Y")),
    # durations without a number
    ("recent years", None, ("DURATION", "PXY")),
    ("the coming weeks", None, ("DURATION", "PXW")),
    ("centuries", None, ("DURATION", "PXCE")),
    ("months", None, ("DURATION", "PXM")),
    ("daily", None, ("SET", "P1D")),
    ("every Monday", None, ("SET", "XXXX-WXX-1")),
    ("Tuesdays", None, ("SET", "XXXX-WXX-2")),
]


@pytest.mark.parametrize("phrase,tense,expected", CASES, ids=[f"{p}|{t}" for p, t, _ in CASES])
def test_normalize(phrase, tense, expected):
    result = normalize(phrase, FRIDAY, tense)
    assert result is not None, phrase
    assert result[:2] == expected
    value = expected[1]
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        assert result[2] == date.fromisoformat(value)
    elif "T" not in value:
        assert result[2] is None


def test_normalize_accepts_timestamps_and_missing_anchors():
    assert normalize("on Thursday", pd.Timestamp("2016-07-29"), "past")[1] == "2016-07-28"
    assert normalize("on Thursday", None) == ("DATE", "XXXX-XX-XX", None)
    assert normalize("on Thursday", pd.NaT) == ("DATE", "XXXX-XX-XX", None)
    assert normalize("July 29", None) == ("DATE", "XXXX-07-29", None)
    assert normalize("last year", None)[1] == "XXXX"
    assert normalize("March 3, 2015", None) == ("DATE", "2015-03-03", date(2015, 3, 3))


@pytest.mark.parametrize("phrase", ["we", "may", "march", "$20", "15%", "the", "Aleppo", "", "2016 troops"])
def test_normalize_rejects_non_dates(phrase):
    assert normalize(phrase, FRIDAY) is None


def test_period_start():
    assert period_start("2016-W30") == date(2016, 7, 25)
    assert period_start("2016-Q3") == date(2016, 7, 1)
    assert period_start("2016-07") == date(2016, 7, 1)
    assert period_start("199") == date(1990, 1, 1)
    assert period_start("PRESENT_REF") is None and period_start("P3Y") is None and period_start("XXXX-07") is None


# --- no false hits -------------------------------------------------------------------------------


def test_no_false_hits(nlp):
    texts = [
        "We may march on the capital, and we will.",
        "Prices rose 15% to $20 a share, and 2,016 people lined up.",
        "They March through the streets every spring, Theresa May said.",
        "May I ask a question? We said we would.",
        "The company sold 1,500 units for $2000 each.",
        "Net cafe opening hours and drinking hours were cut.",
    ]
    corpus = tag_texts(nlp, texts)
    found = set(corpus.timexes["text"].str.lower())
    for word in ("we", "may", "march", "$20", "15%", "20", "2000", "2,016", "hours"):
        assert word not in found, (word, found)


def test_fiscal_year_ended_is_a_duration_and_previously_is_no_date(nlp):
    corpus = tag_texts(nlp, ["Net income for the year ended Sept. 30 rose, the company previously said.",
                             "Sales for the year were flat; they fell for centuries, then within weeks, hours after."])
    first = corpus.timexes[corpus.timexes["article_id"] == "a0"]
    values = dict(zip(first["text"], first["value"]))
    assert values["the year"] == "P1Y"  # twelve months, not the current year
    assert "previously" not in values  # TimeBank marks 3 of 17: no date for a timeline either
    second = corpus.timexes[corpus.timexes["article_id"] == "a1"]
    assert dict(zip(second["text"], second["value"])) == {"the year": "2016", "centuries": "PXCE", "weeks": "PXW",
                                                            "hours": "PTXH"}


def test_tense_decides_the_direction(nlp):
    corpus = tag_texts(nlp, ["The leaders will meet on Thursday.", "The leaders met on Thursday."])
    values = corpus.timexes.set_index("article_id")["value"]
    assert values["a0"] == "2016-08-04"
    assert values["a1"] == "2016-07-28"


# --- undated articles ----------------------------------------------------------------------------


def test_undated_article_gets_no_invented_year(nlp):
    corpus = tag_texts(nlp, ["Officials met on Thursday and will report next month. The deal was signed March 3, 2015."],
                       published=None)
    assert_spans_point_into_text(corpus)
    values = dict(zip(corpus.timexes["text"], corpus.timexes["value"]))
    assert values["Thursday"] == "XXXX-XX-XX"
    assert values["next month"] == "XXXX-XX"
    assert values["March 3, 2015"] == "2015-03-03"
    dates = dict(zip(corpus.timexes["text"], corpus.timexes["date"]))
    assert pd.isna(dates["Thursday"]) and dates["March 3, 2015"] == pd.Timestamp("2015-03-03")
    line = newskit.timeline(corpus)
    assert list(line["timex"]) == ["March 3, 2015"]


# --- year-less datelines -------------------------------------------------------------------------


def test_year_candidates():
    text = "MOSCOW, July 29 /TASS/. X told journalists on Friday. Y said on Thursday that ..."
    assert year_candidates(text, 7, 29, last=2024)[:4] == [2022, 2016, 2011, 2005]
    assert all(date(y, 7, 29).weekday() == 4 for y in year_candidates(text, 7, 29, last=2024))
    assert year_candidates("No weekday here.", 7, 29) == []
    assert year_candidates("on Friday", 2, 29, first=2000, last=2024) == [2008]


def test_yearless_dateline_lists_year_candidates():
    articles = read_quietly(FIXTURES / "timeline" / "yearless")
    row = articles.iloc[0]
    assert pd.isna(row["published"])
    assert row["year_candidates"].split(",")[:2] == ["2022", "2016"] or \
        all(date(int(y), 7, 29).weekday() == 4 for y in row["year_candidates"].split(","))
    # with a year the dateline is dated and no candidates are listed
    dated = read_quietly(FIXTURES / "timeline" / "yearless", year=2016)
    assert dated["published"][0] == pd.Timestamp("2016-07-29")
    assert pd.isna(dated["year_candidates"][0])


def test_year_candidates_survive_parquet(tmp_path):
    articles = read_quietly(FIXTURES / "timeline" / "yearless")
    articles.attrs = {}
    articles.to_parquet(tmp_path / "a.parquet")
    assert pd.read_parquet(tmp_path / "a.parquet")["year_candidates"][0] == articles["year_candidates"][0]


# --- the rules' scan shortcut --------------------------------------------------------------------
# scan() searches a paragraph only near the words a pattern needs; it must find exactly
# what the pattern's own finditer finds, whatever the text.

_RULE_WORDS = sorted({word for r in RULES for word in r.words})
# the rules' own words in three cases, date-like pieces, and characters that case-fold oddly
_PIECES = st.sampled_from(
    _RULE_WORDS + [w.upper() for w in _RULE_WORDS] + [w.title() for w in _RULE_WORDS]
    + ["2016", "1999", "29", "3", "-", "/", ",", ".", "'s", "the", "on", "last", "next", "ago", "of",
       "İ", "ı", "ſ", "\u212a", "ß", "e\u0301", "\n", "  ", "a", "s"])
_TEXTS = st.lists(_PIECES, max_size=30).flatmap(
    lambda pieces: st.lists(st.sampled_from([" ", "", "-", "\u00a0"]), min_size=len(pieces), max_size=len(pieces))
    .map(lambda gaps: "".join(p + g for p, g in zip(pieces, gaps))))


def test_rules_know_their_words():
    # the shortcut only helps when it applies; most rules have words and a bounded match length
    with_words = [r for r in RULES if r.words]
    assert len(with_words) >= 0.8 * len(RULES)
    assert sum(r.reach is not None for r in with_words) >= 0.6 * len(with_words)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_scan_finds_what_finditer_finds(text):
    lower = folded(text)
    for r in RULES:
        expected = [m.span() for m in r.pattern.finditer(text)]
        if not any(word in lower for word in r.words) and r.words:
            assert expected == [], (r.name, text)  # candidates() skips the rule on this test
        assert [m.span() for m in scan(r, text, lower)] == expected, (r.name, text)


def test_scan_on_real_sentences():
    texts = [
        "MOSCOW, July 29 /TASS/. The ministry said on Thursday it would meet twice a year, in 2016-2017.",
        "Sales rose in the third quarter of fiscal 2015, up from the first half; results are due next week.",
        "Three years ago, 10 days later, two decades earlier — every Monday morning since the 1990s.",
    ]
    for text in texts:
        lower = folded(text)
        for r in RULES:
            assert [m.span() for m in scan(r, text, lower)] == \
                [m.span() for m in r.pattern.finditer(text)], r.name


# --- reading the patterns: the words and reach the shortcut relies on ------------------------------

def test_regex_reader_reads_words_and_reach():
    def read(pattern):
        compiled = re.compile(pattern, re.IGNORECASE)
        return regex_reader.required_words(compiled), regex_reader.match_reach(compiled)

    assert read(r"(?:last|next) Monday") == ((" monday",), 12)  # the longest run of literals
    # one of each alternative's words; the reach counts the lookahead and one character more
    assert read(r"(?:summer|winter) (?:of )?\d{4}(?!\d)") == (("summer", "winter"), 16)
    # letters every alternative starts with join the run before them, as Python's parser reads them
    assert read(r"in (?:January|June)") == (("in j",), 11)
    assert read(r"the |this ") == (("th",), 6)
    assert read(r"(?:a|b)c") == (("c",), 3)  # single characters form a class, which has no word
    assert read(r"\d+ years") == ((" years",), None)  # no bound on the match length
    assert read(r"(?:days)?") == ((), None)  # may match nothing
    assert read(r"(?<![\w-])Q[1-4]") == (("q",), 3)  # lookbehind reads nothing past the start


def test_regex_reader_falls_back_on_other_syntax():
    # what it does not know costs speed (always scan), never matches
    for pattern in (r"(?P<year>\d{4}) budget", r"\x41pril", r"(?i)april", r"(?>april)", r"(a)\1pril", r"april++"):
        compiled = re.compile(pattern)
        assert regex_reader.required_words(compiled) == (), pattern
        assert regex_reader.match_reach(compiled) is None, pattern


def test_no_module_reads_the_private_regex_parser():
    # re._parser and re._constants change between Python versions; the reader above replaces them
    private = re.compile(r"\b(?:re\._parser|re\._constants|sre_parse|sre_constants)\b|from re import _")
    offenders = [path.name for path in (ROOT / "newskit").rglob("*.py") if private.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


_ATOMS = st.sampled_from(["a", "b", "ab", "the ", "th", r"\d", r"[\s-]", "[ab]", r"\.", " ", "x", ".", r"\b", "[0-9]"])


@st.composite
def _small_patterns(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["atom", "atom", "group", "look"] if depth < 2 else ["atom"]))
        if kind == "atom":
            part = draw(_ATOMS)
        elif kind == "group":
            part = "(?:" + "|".join(draw(st.lists(_small_patterns(depth + 1), min_size=1, max_size=3))) + ")"
        else:
            part = draw(st.sampled_from(["(?=", "(?!"])) + draw(_small_patterns(depth + 1)) + ")"
        if part != r"\b" and draw(st.booleans()):
            part += draw(st.sampled_from(["?", "*", "+", "{2}", "{1,3}", "??", "+?"]))
        parts.append(part)
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(pattern=_small_patterns(), text=st.text(alphabet="abthe x.-0123 ", max_size=40))
def test_every_match_holds_a_word_and_fits_the_reach(pattern, text):
    compiled = re.compile(pattern, re.IGNORECASE)
    words, reach = regex_reader.required_words(compiled), regex_reader.match_reach(compiled)
    for match in compiled.finditer(text):
        if words:
            assert any(word in match.group(0).lower() for word in words), (pattern, words, match)
        if reach is not None:
            assert match.end() - match.start() < reach, (pattern, reach, match)


def test_a_year_outside_the_datetime_range_does_not_break_the_timeline(nlp):
    articles = pd.DataFrame({"article_id": ["old"], "published": [pd.Timestamp("2005-03-01")],
                             "text": ["The guild was founded in 1650 and sold its hall on Monday."]})
    corpus = newskit.tag(articles, cache=None, model=nlp)
    assert "1650" in set(corpus.timexes["value"])
    line = newskit.timeline(corpus)
    assert "1650" not in set(line["value"]) and line["date"].dtype == "datetime64[ns]"
