"""Hostile input: every bad file is loaded with all frame invariants intact or listed in the rejects
report with a reason; the run completes; memory stays bounded; nothing opens a network connection."""
from __future__ import annotations

import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.read.articles import MAX_REJECTS_PER_FILE as MAX_REJECTS

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


# --- issue 20: no single input stops a run, and every loss is a reject row -----------------------


def _rejects(articles: pd.DataFrame) -> pd.DataFrame:
    return newskit.rejects(articles)


def _read_warnings(source, **kwargs) -> tuple[pd.DataFrame, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = newskit.read_articles(source, **kwargs)
    return articles, [str(w.message) for w in caught]


STORY = "KESTOVA, March 3 (Reuters) - The harbour in Kestova reopened on Tuesday, the port authority said."


def test_one_huge_paragraph_is_parsed_in_pieces_with_exact_offsets(nlp, monkeypatch):
    from newskit.pipeline import batch

    monkeypatch.setattr(batch, "PIECE_CHARS", 300)  # a long paragraph, scaled down
    sentences = [f"Anna Berg of Kestova said on Monday that pier {i} would reopen." for i in range(40)]
    paragraph = "  ".join(sentences) + " " + "x" * 700 + " The end."  # a run with no sentence end, no space
    articles = pd.DataFrame({"article_id": ["a1"], "text": [f"Pier news\n\n{paragraph}\n\nA short last paragraph."]})
    corpus = newskit.tag(articles, cache=None, model=nlp)
    assert_spans_point_into_text(corpus)
    assert list(corpus.paragraphs["text"]) == ["Pier news", paragraph, "A short last paragraph."]
    assert (corpus.sentences["paragraph"] == 1).sum() >= 40
    assert (corpus.entities["text"] == "Anna Berg").sum() == 40


def test_pieces_cut_at_sentence_ends_then_spaces_and_join_back():
    from newskit.pipeline.batch import pieces

    text = "One. Two three four. " * 50 + "y" * 500 + " tail"
    cut = list(pieces(text, 100))
    assert "".join(cut) == text and all(len(piece) <= 100 for piece in cut)
    assert all(piece.endswith(". ") for piece in cut[:10])
    assert list(pieces("", 100)) == [""] and list(pieces("short", 100)) == ["short"]


@pytest.mark.slow  # spaCy over 2 MB of text (a few minutes on two cores)
def test_a_2_mb_single_paragraph_article_is_tagged(tmp_path, nlp):
    sentence = "The ferry from Kestova to Lunmark left on time on Monday morning. "
    (tmp_path / "huge.txt").write_text(sentence * (2_000_000 // len(sentence)))
    (tmp_path / "small.txt").write_text(STORY)
    articles = read_quietly(tmp_path)
    assert len(articles) == 2
    corpus = newskit.tag(articles, cache=None, model=nlp)
    assert_spans_point_into_text(corpus)
    assert len(corpus.sentences) > 30_000


@pytest.mark.parametrize("value", ["-1", "0", "99999999999", "0000-01-01", "-0001-03-04", "12345-01-01"])
def test_out_of_range_publication_dates_are_missing_with_a_warning(tmp_path, value):
    (tmp_path / "records.csv").write_text(f"published,text\n{value},{STORY}\n")
    (tmp_path / "records.jsonl").write_text(json.dumps({"published": int(value) if value.lstrip("-").isdigit() else value,
                                                        "text": STORY + " Second."}) + "\n")
    (tmp_path / "listed.txt").write_text(STORY + " Third.")
    (tmp_path / "manifest.csv").write_text(f"path,published\nlisted.txt,{value}\n")
    articles, messages = _read_warnings(tmp_path)
    assert len(articles) == 3 and articles["published"].isna().all()
    undated = " ".join(m for m in messages if "no publication date" in m)
    for name in ("records.csv", "records.jsonl", "listed.txt"):
        assert name in undated


def test_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as fh:
        fh.write(STORY.encode())
    with open(os.path.join(folder, b"caf\xe9.html"), "wb") as fh:
        fh.write(b"")
    os.mkdir(os.path.join(folder, b"d\xe9"))
    with open(os.path.join(folder, b"d\xe9", b"manifest.csv"), "wb") as fh:
        fh.write(b"path,published\nmissing.txt,2020-01-01\n")
    articles = read_quietly(tmp_path)
    assert [Path(p).name for p in articles["path"]] == ["caf\\xe9.txt"]
    assert sorted(Path(p).name for p in _rejects(articles)["path"]) == ["caf\\xe9.html", "manifest.csv -> missing.txt"]
    done = subprocess.run([sys.executable, "-m", "newskit", "read", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


def _good(n: int) -> str:
    return json.dumps({"id": f"good{n}", "text": f"{STORY} Record {n}."})


@pytest.mark.parametrize("bad, reason", [
    ("[" * 100_000 + "]" * 100_000, "nested"),
    ('{"text": "x", "n": ' + "9" * 5000 + "}", "digits"),
])
def test_a_bad_jsonl_line_is_one_reject_and_later_lines_load(tmp_path, bad, reason):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([_good(1), bad, _good(2), _good(3)]) + "\n")
    articles = read_quietly(path)
    assert list(articles["article_id"]) == ["good1", "good2", "good3"]
    rejects = _rejects(articles)
    assert list(rejects["path"]) == [f"{path}:2"] and reason in rejects["reason"].iloc[0]
    with pytest.raises(newskit.NewskitInputError, match=r"feed\.jsonl:2"):
        newskit.read_articles(path, errors="raise")


def test_deeply_nested_json_file_is_a_reject(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "after.txt").write_text(STORY)
    articles = read_quietly(tmp_path)
    assert len(articles) == 1 and "nested" in _rejects(articles)["reason"].iloc[0]
    with pytest.raises(newskit.NewskitInputError, match="deep.json"):
        newskit.read_articles(tmp_path / "deep.json", errors="raise")


def test_csv_row_with_a_huge_field_is_rejected_and_later_rows_load(tmp_path):
    path = tmp_path / "feed.csv"
    with open(path, "w") as fh:
        fh.write(f'id,text\nr1,"{STORY} One."\nr2,"{"Kestova " * 200_000}"\nr3,"{STORY} Three."\nr4,{STORY} Four.\n')
    articles = read_quietly(path, max_bytes=100_000)  # a 1.6 MB field against a 100 kB limit
    assert list(articles["article_id"]) == ["r1", "r3", "r4"]
    rejects = _rejects(articles)
    assert list(rejects["path"]) == [f"{path}:2"] and "over the limit" in rejects["reason"].iloc[0]


@pytest.mark.slow  # a 50 MB field
def test_csv_row_with_a_50_mb_field(tmp_path):
    path = tmp_path / "feed.csv"
    with open(path, "w") as fh:
        fh.write(f'id,text\nr1,"{STORY} One."\nr2,"{"x" * 50_000_000}"\nr3,"{STORY} Three."\n')
    articles = read_quietly(path)
    assert list(articles["article_id"]) == ["r1", "r3"] and list(_rejects(articles)["path"]) == [f"{path}:2"]


def test_reject_rows_per_file_are_bounded(tmp_path):
    from newskit.read.articles import MAX_REJECTS_PER_FILE

    (tmp_path / "ones.json").write_text("[" + ",".join(["1"] * 100_000) + "]")
    (tmp_path / "lines.jsonl").write_text("\n".join(["{"] * 5_000 + [_good(1)]) + "\n")
    articles = read_quietly(tmp_path)
    assert list(articles["article_id"]) == ["good1"]
    rejects = _rejects(articles)
    for name, total in (("ones.json", 100_000), ("lines.jsonl", 5_000)):
        rows = rejects[rejects["path"].str.contains(name, regex=False)]
        assert len(rows) == MAX_REJECTS_PER_FILE + 1
        assert f"and {total - MAX_REJECTS_PER_FILE:,} more" in rows["reason"].iloc[-1]


def test_record_sizes_are_checked_before_parsing(tmp_path, monkeypatch):
    from newskit.read.formats import records

    parsed = []
    real_loads = json.loads
    monkeypatch.setattr(records.json, "loads", lambda text, *a, **k: parsed.append(len(text)) or real_loads(text, *a, **k))
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([_good(1), json.dumps({"text": "Kestova " * 100_000}), _good(2)]) + "\n")
    articles = read_quietly(path, max_bytes=10_000)
    assert list(articles["article_id"]) == ["good1", "good2"]
    assert "over the" in _rejects(articles)["reason"].iloc[0] and max(parsed) < 1000


def _mail(headers: str, body: bytes, content_type: str = "text/plain; charset=utf-8",
          encoding: str = "8bit") -> bytes:
    return (headers + f"MIME-Version: 1.0\nContent-Type: {content_type}\n"
            f"Content-Transfer-Encoding: {encoding}\nSubject: Harbour reopens\n\n").encode() + body


def test_mail_with_many_received_headers_is_read_as_mail(tmp_path):
    received = "".join(f"Received: from relay{i}.example.invalid (relay{i}.example.invalid [192.0.2.{i}])\n"
                       f"\tby mx{i}.example.invalid with ESMTPS id abc{i}; Tue, 3 Mar 2020 10:{i:02d}:00 +0000\n"
                       for i in range(30))
    (tmp_path / "wire.txt").write_bytes(_mail(received + "From: desk@example.invalid\n", STORY.encode()))
    articles = read_quietly(tmp_path)
    assert list(articles["format"]) == ["email"] and articles["text"].iloc[0].endswith("port authority said.")
    assert "Received" not in articles["text"].iloc[0] and articles["title"].iloc[0] == "Harbour reopens"


def test_eml_files_are_read_and_binary_parts_rejected(tmp_path):
    import base64
    import gzip

    (tmp_path / "story.eml").write_bytes(_mail("From: desk@example.invalid\n", STORY.encode()))
    packed = base64.encodebytes(gzip.compress(STORY.encode() * 20))
    (tmp_path / "packed.eml").write_bytes(_mail("From: desk@example.invalid\n", packed, encoding="base64"))
    articles = read_quietly(tmp_path)
    assert [Path(p).name for p in articles["path"]] == ["story.eml"]
    reasons = " ".join(_rejects(articles)["reason"])
    assert "gzip" in reasons and "unsupported file type" not in reasons


def test_special_files_in_a_folder_are_rejects(tmp_path):
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    articles = read_quietly(tmp_path)
    reasons = dict(zip((Path(p).name for p in _rejects(articles)["path"]), _rejects(articles)["reason"]))
    assert len(articles) == 1
    assert "broken symbolic link" in reasons["dangling.txt"]
    assert "symbolic link loop" in reasons["loop.txt"]
    assert "FIFO" in reasons["pipe.txt"]
    glob_read = read_quietly(str(tmp_path / "*.txt"))
    assert len(glob_read) == 1 and len(_rejects(glob_read)) == 3


def test_recursive_glob_over_directory_symlink_loops_ends_quickly(tmp_path):
    import time

    inside = tmp_path / "in" / "a" / "b"
    inside.mkdir(parents=True)
    (inside / "story.txt").write_text(STORY)
    for name, target in (("up", tmp_path / "in"), ("self", inside), ("top", tmp_path)):
        (inside / name).symlink_to(target, target_is_directory=True)
    (tmp_path / "in" / "a" / "loop").symlink_to(tmp_path / "in" / "a")
    started = time.monotonic()
    articles = read_quietly(str(tmp_path / "in" / "**" / "*.txt"))
    assert time.monotonic() - started < 10
    assert [Path(p).name for p in articles["path"]] == ["story.txt"]


@pytest.mark.slow  # a process over 10 MB of [1,1,1,...] and a 30 MB JSON line
def test_memory_and_reject_rows_stay_bounded_on_record_floods(tmp_path):
    (tmp_path / "ones.json").write_text("[" + ",".join(["1"] * 5_000_000) + "]")
    with open(tmp_path / "feed.jsonl", "w") as fh:
        fh.write(_good(1) + "\n" + json.dumps({"text": "Kestova " * 3_750_000}) + "\n" + _good(2) + "\n")
    # VmHWM, not ru_maxrss: a child's ru_maxrss starts at its parent's peak (this test session's)
    script = ("import re, sys, warnings, newskit; warnings.simplefilter('ignore'); "
              "a = newskit.read_articles(sys.argv[1]); "
              "r = newskit.rejects(a); "
              "peak = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1]) // 1024; "
              "print(len(a), len(r), peak)")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    loaded, rejected, peak_mb = map(int, done.stdout.split())
    assert loaded == 2 and rejected == MAX_REJECTS + 2  # 20 listed + 1 summary for ones.json, the long line
    assert peak_mb < 500, f"peak memory {peak_mb} MB"
