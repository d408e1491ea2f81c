"""ANPA / IPTC 7901 wire-copy reader: fictional fixtures, plus the real wire corpus if present."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from newskit.read.draft import Draft
from newskit.read.formats.anpa import looks_like_anpa, read_anpa

FIXTURES = Path(__file__).parent / "fixtures" / "wire"
CORPUS = Path(__file__).parents[1].parent / "shared" / "corpora" / "wire"

# ATS style: DEL padding, SOH header, keyword line, STX, kicker lines, headline closed by " =",
# 3-space indented paragraphs separated by " " lines, sign-off, ETX + transmission stamp, EOT.
ATS_STYLE = (
    "\x7f\x7f\r\n\x7f\x01bsf031 3 ec 118   etf 512\r\n\r\nSuisse\r\n\r\n"
    "\x02Situation \r\nSuisse:  \r\nUne vache traverse le lac de Fictif \u00e0 la nage = \r\n \r\n"
    "   Fictif (ats) Une vache s'est \u00e9chapp\u00e9e mardi de son pr\u00e9 \r\n"
    "et a travers\u00e9 le lac \u00e0 la nage. \r\n \r\n"
    "   Le propri\u00e9taire l'a r\u00e9cup\u00e9r\u00e9e sur l'autre rive. \r\n \r\n"
    "(SDA\\/ab) \r\n \r\n\x03141530 mai 19\r\n\r\n\r\n\x04\r\n"
)


def _kyodo_text() -> str:
    return (FIXTURES / "anpa_kyodo_style.txt").read_bytes().decode("cp1252")


def _dpa_text() -> str:
    return (FIXTURES / "anpa_dpa_style.txt").read_text(encoding="utf-8")


def _assert_clean(draft: Draft) -> None:
    assert draft.blocks and all(draft.blocks)
    for text in [*draft.blocks, draft.title or ""]:
        assert not any(unicodedata.category(ch) == "Cc" for ch in text), repr(text)
        assert text == " ".join(text.split()), f"uncollapsed whitespace in {text!r}"


def test_fixture_bytes_are_real_anpa() -> None:
    data = (FIXTURES / "anpa_kyodo_style.txt").read_bytes()
    for code in (b"\x01", b"\x02", b"\x03", b"\x04", b"\x1f", b"\r\n", "€".encode("cp1252")):
        assert code in data


def test_kyodo_style_indented_paragraphs_and_unwrapping() -> None:
    draft = read_anpa(_kyodo_text(), "kyodo.txt")
    assert draft.format == "anpa"
    assert draft.title == "Rowing: Harbourton crew wins café cup on Lake Mirror"  # "+" removed
    assert draft.source == "Kyodo"
    assert draft.blocks == [
        "HARBOURTON, Japan, May 14 Kyodo - A crew from the fishing town of Harbourton won the "
        "annual café cup regatta on Lake Mirror on Tuesday, beating the defending champions by "
        "half a boat length.",
        # "well-" at a line end joins as written; a spaced dash keeps its space
        "Stroke Aiko Fictus, a well-known local baker, said the prize of €500 would buy new oars "
        "for the club's junior crew -- which trains before dawn.",
        "The regatta has been held every spring since 1988.",
    ]
    assert draft.extra["slug"] == "BC-Rowing-Lake-Regatta"
    assert draft.extra["trailer"] == "==Kyodo\nKWS-09:15-14-05-19"
    assert draft.published == "2019-05-14T09:15"
    assert draft.dateline is None  # the dateline stays in the first paragraph
    _assert_clean(draft)


def test_latin1_decoded_text_gets_cp1252_characters_back() -> None:
    text = (FIXTURES / "anpa_kyodo_style.txt").read_bytes().decode("latin-1")
    draft = read_anpa(text, "kyodo.txt")
    assert "€500" in draft.blocks[1]
    _assert_clean(draft)


def test_dpa_style_blank_line_paragraphs_keywords_byline_notebook() -> None:
    draft = read_anpa(_dpa_text(), "dpa.txt")
    assert draft.title == "Lindenfeld lake to host fictional rowing final"
    assert draft.source == "dpa"
    assert draft.blocks == [
        "Lindenfeld (dpa) - The small lake of Lindenfeld will host the final of the fictional "
        "European rowing cup next summer, organizers said on Sunday.",
        '"We have the calmest water in the region," said club chairman Otto Beispiel.',
        "The final is scheduled for July 12.",
    ]
    assert draft.extra["byline"] == "By Jana Fictus, dpa"
    assert draft.extra["keywords"] == ["sport", "rowing", "Lindenfeld"]
    assert draft.extra["version"] == ["2ND LEAD"]
    assert "NOTEBOOK-ONLY" in draft.extra["notebook"]
    assert draft.extra["trailer"] == "dpa jf xy\n121530 GMT Mai 19"
    assert draft.published == "2019-05-12T15:30Z"
    assert not any("NOTEBOOK" in b or "dpa jf" in b or "By Jana" in b for b in draft.blocks)
    _assert_clean(draft)


def test_ats_style_kicker_headline_marker_and_signoff() -> None:
    draft = read_anpa(ATS_STYLE, "ats.txt")
    assert draft.title == "Une vache traverse le lac de Fictif à la nage"
    assert draft.extra["kicker"] == ["Situation", "Suisse:"]
    assert draft.extra["header"] == ["bsf031 3 ec 118 etf 512", "Suisse"]
    assert draft.blocks == [
        "Fictif (ats) Une vache s'est échappée mardi de son pré et a traversé le lac à la nage.",
        "Le propriétaire l'a récupérée sur l'autre rive.",
    ]
    assert draft.extra["trailer"] == "(SDA\\/ab)\n141530 mai 19"
    assert draft.published == "2019-05-14T15:30"
    assert draft.source == "ATS"
    _assert_clean(draft)


def test_headline_marker_followed_by_byline() -> None:
    text = ("eca00001 3 i 100    dpa 0001\n\nFictional headline here =\nBy Max Muster, dpa  =\n\n"
            "Lindenfeld (dpa) - First line of\ntext.\n\nSecond paragraph.\n")
    draft = read_anpa(text, "x.txt")
    assert draft.title == "Fictional headline here"
    assert draft.extra["byline"] == "By Max Muster, dpa"
    assert draft.blocks == ["Lindenfeld (dpa) - First line of text.", "Second paragraph."]


def test_no_body_raises() -> None:
    with pytest.raises(ValueError, match="no body text"):
        read_anpa("\x01a0001KYODO\r\n\x02Only a headline+\r\n\x03\x04", "empty.txt")


@pytest.mark.parametrize("text, expected", [
    (ATS_STYLE, True),
    ("eca00075 3 i 510    dpa 1003\n\nHeadline\n", True),
    ("\x01a0105KYODO\r\n\x02Headline\r\n     Body.\r\n\x03", True),
    ("Plain article title\n\nLindenfeld (dpa) - Some text.\n", False),
    ("Delivered-To: someone@example.invalid\r\nReceived: by 2002:a19 with SMTP\r\n\r\nhello\r\n", False),
    ('<?xml version="1.0"?><NewsML></NewsML>', False),
    ("", False),
])
def test_looks_like_anpa(text: str, expected: bool) -> None:
    assert looks_like_anpa(text) is expected


def test_looks_like_anpa_fixtures() -> None:
    assert looks_like_anpa(_kyodo_text()) and looks_like_anpa(_dpa_text())


# Real agency samples (third-party, read-only, not in the repo): expected source, or None when
# the file is not ANPA at all.
EXPECTED = {"kyodo.txt": "Kyodo", "dpa.txt": "dpa", "ats.txt": "ATS", "email_attachment_belga.txt": None}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="real wire corpus not available")
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])
def test_real_wire_corpus(name: str) -> None:
    data = (CORPUS / name).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if not looks_like_anpa(text):
        assert EXPECTED.get(name, "unknown") in (None, "unknown"), f"{name} should be ANPA"
        return
    try:
        draft = read_anpa(text, name)
    except ValueError as err:
        assert str(err) and name not in EXPECTED
        return
    assert draft.title and draft.blocks
    _assert_clean(draft)
    if EXPECTED.get(name):
        assert draft.source == EXPECTED[name]
