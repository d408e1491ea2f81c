"""Fuzzing every reader (hypothesis): whatever bytes a file of each kind holds, read_articles returns
or rejects it with a reason — it never raises, never hangs, and never loses a record or a file that
comes after the bad one."""
from __future__ import annotations

import json
import time
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newskit

from .conftest import FIXTURES

STORY = "KESTOVA, March 3 (Reuters) - The harbour in Kestova reopened on Tuesday, the port authority said."
LATER = "Lunmark council backs a new library, the mayor said on Friday."
WIRE = FIXTURES / "wire"

# One well-formed file of each kind the readers know; the fuzzer breaks them.
TEMPLATES: dict[str, tuple[str, bytes]] = {
    "plain": ("story.txt", STORY.encode()),
    "jsonl": ("feed.jsonl", json.dumps({"id": "r1", "published": "2020-03-03", "text": STORY}).encode()),
    "csv": ("feed.csv", f"id,published,text\nr1,2020-03-03,{STORY}".encode()),
    "json": ("feed.json", json.dumps([{"id": "r1", "text": STORY}]).encode()),
    "html": ("page.html", f"<html><head><title>Harbour</title></head><body><article><p>{STORY}</p>"
                          "</article></body></html>".encode()),
    "newsml": ("item.xml", (WIRE / "newsml12_tass_style.xml").read_bytes()),
    "anpa": ("wire.txt", (WIRE / "anpa_dpa_style.txt").read_bytes()),
    "email": ("mail.eml", f"From: desk@example.invalid\nSubject: Harbour\nMIME-Version: 1.0\n"
                          f"Content-Type: text/plain; charset=utf-8\n\n{STORY}\n".encode()),
    "manifest": ("manifest.csv", b"path,published,source\nstory.txt,2020-03-03,Kestova Post\n"),
}
# What breaks parsers: deep nesting, huge numbers, stray quotes, encodings, markup, binary signatures.
HOSTILE = st.sampled_from([
    b"\x00", b"[" * 3000, b"{" * 3000, b"9" * 5000, b"-1", b"0", b'"', b"'", b"\n", b"\r", b"\r\n", b",",
    b"\t", b";", b"\xff\xfe", b"\xef\xbb\xbf", b"\xe9", b"\xc3", b"\x1f\x8b\x08", b"%PDF-", b"<", b"<!--",
    b"]]>", b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", b"&a;", b"\x01", b"\x1a", b"=\n", b"Content-Type: ",
    b"charset=x-unknown", b"\\", b"\\u", b"\\ud800", b"NaN", b"1e999999", b"\xf0\x9f\x99\x82",
]).map(bytes)


@st.composite
def broken(draw, template: bytes) -> bytes:
    """`template` with a few slices deleted, repeated or replaced by hostile bytes."""
    data = bytearray(template)
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 40)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "random", "truncate"]))
        if kind == "insert":
            data[start:start] = draw(HOSTILE)
        elif kind == "delete":
            del data[start:end]
        elif kind == "replace":
            data[start:end] = draw(HOSTILE)
        elif kind == "random":
            data[start:end] = draw(st.binary(max_size=40))
        else:
            del data[start:]
    return bytes(data)


def _read(folder: Path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return newskit.read_articles(folder, **kwargs)


def _rejects(articles):
    return newskit.rejects(articles)


@pytest.mark.parametrize("kind", sorted(TEMPLATES))
@settings(max_examples=25, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_reader_returns_or_rejects(tmp_path_factory, kind, data):
    name, template = TEMPLATES[kind]
    content = data.draw(broken(template), label="content")
    folder = tmp_path_factory.mktemp(kind)
    (folder / name).write_bytes(content)
    if kind == "manifest":
        (folder / "story.txt").write_text(STORY)
    # a file after the broken one (in reading order) must always load
    (folder / "zz_later.txt").write_text(LATER)
    if kind == "jsonl":  # and so must a record after the broken line
        (folder / name).write_bytes(content + b"\n" + json.dumps({"id": "later", "text": LATER}).encode() + b"\n")
    started = time.monotonic()
    articles = _read(folder)
    assert time.monotonic() - started < 5
    rejects = _rejects(articles)
    assert any(text.endswith(LATER) for text in articles["text"]), "a later file was lost"
    if kind == "jsonl":
        assert "later" in set(articles["article_id"]), "a later record was lost"
    if kind == "manifest":
        assert any(path.endswith("story.txt") for path in articles["path"])
    else:
        # the broken file is loaded, rejected, or both (some records of it), never neither
        shown = {Path(p.split(":")[0].split("#")[0]).name for p in [*articles["path"], *rejects["path"]]}
        assert name in shown
    assert all(isinstance(reason, str) and reason for reason in rejects["reason"])
    assert all(text and text == text.strip() for text in articles["text"])
    try:
        _read(folder, errors="raise")
    except newskit.NewskitInputError:
        pass


@settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=st.text(alphabet=st.characters(blacklist_characters='"\r\n', blacklist_categories=("Cs",)),
                    max_size=60))
def test_a_broken_csv_row_never_hides_later_rows(tmp_path_factory, cell):
    folder = tmp_path_factory.mktemp("csv")
    rows = f"id,text\nr1,\"{STORY}\"\nr2,{cell}\nr3,\"{LATER}\"\n"
    (folder / "feed.csv").write_text(rows, encoding="utf-8")
    articles = _read(folder)
    assert {"r1", "r3"} <= set(articles["article_id"])
