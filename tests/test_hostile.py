"""Hostile input: every bad file is loaded with all frame invariants intact or listed in the rejects
report with a reason; the run completes; memory stays bounded; nothing opens a network connection."""
from __future__ import annotations

import resource
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import newskit

from newskit.read.articles import MAX_REJECTS_PER_FILE as MAX_REJECTS

from .conftest import FIXTURES, ROOT, assert_spans_point_into_text, read_quietly

HOSTILE = FIXTURES / "hostile"
# what each committed fixture must come to: "loaded", or a fragment of its reject reason
EXPECTED = {
    "empty.txt": "empty file",
    "whitespace_only.txt": "no text",
    "utf16_bom.txt": "loaded",
    "cp1252.txt": "loaded",
    "mojibake.txt": "loaded",
    "nul_and_anpa_controls.txt": "loaded",
    "no_text_column.csv": "no 'text' column",
    "scripts_only.html": "no article text",
    "hostile_markup.html": "loaded",
    "unbalanced_quotes.txt": "loaded",
    "quote_storm.txt": "loaded",
    "emoji_rtl.txt": "loaded",
    "dateline_only.txt": "loaded",
    "future_date.txt": "loaded",
    "before_1900.txt": "loaded",
}


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory) -> Path:
    """The committed fixtures plus the ones too big or too binary to commit, generated here."""
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copytree(HOSTILE, folder, dirs_exist_ok=True)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    (folder / "image.png").write_bytes(png)
    (folder / "image_named_txt.txt").write_bytes(png)
    with open(folder / "single_line_20mb.txt", "wb") as fh:
        fh.write(b"Kestova " * (20 * 1024 * 1024 // 8))
    (folder / "ten_thousand_paragraphs.txt").write_text(
        "A very long article\n\n" + "\n\n".join(f"Paragraph {i} reports that the pier at Kestova held." for i in range(10_000)))
    return folder


def _file_of(path: str) -> str:
    return Path(path.split(":")[0].split("#")[0]).name


def test_every_hostile_input_is_loaded_or_rejected(hostile_corpus):
    articles = read_quietly(hostile_corpus)
    rejects = newskit.rejects(articles)
    loaded = {_file_of(p) for p in articles["path"]}
    reasons = {}
    for path, reason in rejects.itertuples(index=False):
        reasons.setdefault(_file_of(path), []).append(reason)
    on_disk = {p.name for p in hostile_corpus.iterdir() if p.name != "manifest.csv"}
    assert on_disk == loaded | set(reasons), "a file was dropped silently"
    for name, expected in EXPECTED.items():
        if expected == "loaded":
            assert name in loaded, (name, reasons.get(name))
        else:
            assert any(expected in r for r in reasons.get(name, [])), (name, reasons.get(name))
    assert any("PNG image" in r for r in reasons["image_named_txt.txt"])
    assert any("unsupported file type '.png'" in r for r in reasons["image.png"])
    assert any("over the 10 MB limit" in r for r in reasons["single_line_20mb.txt"])
    assert "ten_thousand_paragraphs.txt" in loaded
    # broken.jsonl: one good record, four rejected lines
    assert "broken.jsonl" in loaded and len(reasons["broken.jsonl"]) == 4


def test_hostile_articles_keep_their_text_and_flags(hostile_corpus):
    articles = read_quietly(hostile_corpus).set_index("path")
    by_name = {Path(p).name: row for p, row in articles.iterrows()}
    assert "José Núñez" in by_name["cp1252.txt"]["text"] and "€3 — “cheap”" in by_name["cp1252.txt"]["text"]
    assert "The mayor’s office in Lunmark" in by_name["mojibake.txt"]["text"]
    assert "The harbour in Kestova reopened" in by_name["utf16_bom.txt"]["text"]
    controls = by_name["nul_and_anpa_controls.txt"]["text"]
    assert not any(ord(c) < 32 and c != "\n" for c in controls) and "The ferry strike ended" in controls
    assert "🎉" in by_name["emoji_rtl.txt"]["text"] and "שלום" in by_name["emoji_rtl.txt"]["text"]
    assert by_name["dateline_only.txt"]["place"] == "KESTOVA"
    for name, issue in (("future_date.txt", "in the future"), ("before_1900.txt", "before 1900")):
        row = by_name[name]
        assert pd.isna(row["published"]) and issue in row["published_issue"], name


@pytest.mark.slow  # tags a 10,000-paragraph article
def test_tagging_hostile_articles_keeps_every_invariant(hostile_corpus, nlp):
    articles = read_quietly(hostile_corpus)
    corpus = newskit.tag(articles, cache=None, model=nlp)
    assert_spans_point_into_text(corpus)
    assert len(corpus.articles) == len(articles)
    long = corpus.articles[corpus.articles["path"].str.endswith("ten_thousand_paragraphs.txt")]["article_id"].iloc[0]
    assert (corpus.paragraphs["article_id"] == long).sum() == 10_001
    view = corpus.show(corpus.articles[corpus.articles["path"].str.endswith("hostile_markup.html")]["article_id"].iloc[0])
    assert "<script>" not in view.html.split("</style>", 1)[1] and "&lt;script&gt;" in view.html


@pytest.mark.slow  # a CLI process over a 20 MB input
def test_cli_over_the_hostile_corpus_completes_with_bounded_memory(hostile_corpus, tmp_path):
    done = subprocess.run([sys.executable, "-m", "newskit", "analyze", str(hostile_corpus), "--out", str(tmp_path / "out"),
                           "--no-cache", "--quiet"], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    corpus = newskit.Corpus.load(tmp_path / "out")
    assert f"loaded {len(corpus.articles)} articles" in done.stdout
    assert f"rejected {len(corpus.rejects)} input(s)" in done.stdout
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 1500, f"peak memory {peak_mb:.0f} MB"


def test_analyze_opens_no_network_connection(monkeypatch, tmp_path):
    attempts = []

    def refuse(self, *args, **kwargs):
        attempts.append(args)
        raise OSError("network access is not allowed in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, *a))
    corpus = newskit.analyze(ROOT / "seeds", cache=tmp_path / "cache")
    assert len(corpus.entities) and len(corpus.quotes) and not attempts


@pytest.mark.slow  # a process over 10 MB of [1,1,1,...] and a 30 MB JSON line
def test_memory_and_reject_rows_stay_bounded_on_record_floods(tmp_path):
    (tmp_path / "ones.json").write_text("[" + ",".join(["1"] * 5_000_000) + "]")
    with open(tmp_path / "feed.jsonl", "w") as fh:
        fh.write(_good(1) + "\n" + json.dumps({"text": "Kestova " * 3_750_000}) + "\n" + _good(2) + "\n")
    script = ("import resource, sys, warnings, newskit; warnings.simplefilter('ignore'); "
              "a = newskit.read_articles(sys.argv[1]); r = a.attrs['rejects']; "
              "print(len(a), len(r), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    loaded, rejected, peak_mb = map(int, done.stdout.split())
    assert loaded == 2 and rejected == MAX_REJECTS + 2  # 20 listed + 1 summary for ones.json, the long line
    assert peak_mb < 900, f"peak memory {peak_mb} MB"
