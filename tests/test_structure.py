"""Wire-story structure through read_articles: every dateline dialect, wire formats, real samples."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import newskit

from .conftest import FIXTURES, SHARED, read_quietly

DATELINES = FIXTURES / "datelines"
EXPECTED = json.loads((DATELINES / "expected.json").read_text())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dateline_dialects_in_articles(name):
    article = read_quietly(DATELINES / name).iloc[0]
    expected = EXPECTED[name]
    kinds = article["layout"].split()
    assert kinds[0] == "title"
    if expected is None:
        assert pd.isna(article["dateline"]) and "dateline" not in kinds
        return
    assert article["dateline"] == expected["text"]
    assert article["text"][article["dateline_start"]:article["dateline_end"]] == expected["text"]
    assert article["place"] == expected["place"]
    assert (article["region"] if isinstance(article["region"], str) else None) == expected["region"]
    assert (article["agency"] if isinstance(article["agency"], str) else None) == expected["agency"]
    assert kinds[expected["block"]] == ("dateline" if expected["standalone"] else "body")
    if expected["year"]:
        assert article["published"] == pd.Timestamp(expected["year"], expected["month"], expected["day"])
        assert article["published_from"] == "dateline"
    elif expected["month"]:
        assert pd.isna(article["published"])
        with_year = read_quietly(DATELINES / name, year=2016).iloc[0]
        assert with_year["published"] == pd.Timestamp(2016, expected["month"], expected["day"])


def test_wire_fixtures_load_through_read_articles():
    articles = read_quietly(FIXTURES / "wire")
    rejects = newskit.rejects(articles)
    assert list(rejects["path"].map(lambda p: Path(p).name)) == ["newsml12_video_only.xml"]
    assert "no text news item" in rejects["reason"].iloc[0]
    by_file = {Path(p).name: row for p, row in zip(articles["path"], articles.to_dict("records"))}
    assert set(by_file) == {"anpa_dpa_style.txt", "anpa_kyodo_style.txt", "newsml12_kyodo_style.xml",
                            "newsml12_tass_style.xml", "newsml_g2_dpa_style.xml"}
    for name, row in by_file.items():
        assert row["title"], name
        assert not any(ord(c) < 32 and c != "\n" for c in row["text"]), name
        assert row["published_from"] in ("metadata", None) or pd.isna(row["published_from"]), name
    tass = by_file["newsml12_tass_style.xml"]
    assert tass["source"] == "TASS" and tass["place"] == "VOSTOK" and tass["published_from"] == "metadata"
    kyodo = by_file["anpa_kyodo_style.txt"]
    assert kyodo["source"] == "Kyodo" and kyodo["agency"] == "Kyodo"


@pytest.mark.skipif(not (SHARED / "corpora" / "wire").is_dir(), reason="../shared/corpora/wire not present")
def test_real_wire_samples_are_all_accounted_for():
    folder = SHARED / "corpora" / "wire"
    articles = read_quietly(folder)
    files = {p.name for p in folder.iterdir() if p.is_file()}
    loaded = {Path(p.split("#")[0]).name for p in articles["path"]}
    rejected = {Path(p.split(":")[0]).name for p in newskit.rejects(articles)["path"]}
    assert files == loaded | rejected
    assert len(loaded) >= 15
    assert articles.loc[~articles["path"].str.contains("#"), "title"].notna().all()


def test_email_body_and_text_attachments(tmp_path):
    message = (
        "From: desk@example.org\nTo: archive@example.org\nSubject: Kestova port reopens\n"
        "Date: Fri, 05 Jul 2019 10:08:08 +0000\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="XX"\n\n--XX\nContent-Type: text/plain; charset="utf-8"\n\n'
        "The port of Kestova reopened on Friday, officials said.\n\n--XX\n"
        'Content-Type: text/plain; name="story.txt"\nContent-Disposition: attachment; filename="story.txt"\n\n'
        "Port reopens\n\nKESTOVA (dpa) - The port reopened on Friday.\n--XX--\n"
    )
    (tmp_path / "mail.txt").write_text(message)
    articles = read_quietly(tmp_path)
    assert list(articles["title"]) == ["Kestova port reopens", "Port reopens"]
    assert articles["path"].iloc[1].endswith("mail.txt#story.txt")
    assert (articles["published"] == pd.Timestamp("2019-07-05")).all()
    assert articles["place"].iloc[1] == "KESTOVA"
