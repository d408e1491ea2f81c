"""The command line: analyze, read and show mirror the library."""
from __future__ import annotations

import subprocess
import sys

import pytest

import newskit

from .conftest import FIXTURES, ROOT


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newskit", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.slow  # the CLI in its own process
def test_analyze_writes_frames_and_accounts_for_every_input(tmp_path):
    out = tmp_path / "out"
    done = run("analyze", "seeds", str(FIXTURES / "corpus"), "--out", str(out), "--cache", str(tmp_path / "c"),
               "--quiet")
    assert done.returncode == 0, done.stderr
    assert "loaded 9 articles" in done.stdout and "rejected 5 input(s)" in done.stdout
    assert "no 'text' column" in done.stdout
    corpus = newskit.Corpus.load(out)
    assert len(corpus.articles) == 9 and len(corpus.rejects) == 5
    assert {"articles", "paragraphs", "sentences", "entities", "quotes", "timexes", "rejects"} <= {
        p.stem for p in out.glob("*.parquet")}
    again = run("analyze", "seeds", str(FIXTURES / "corpus"), "--out", str(out), "--cache", str(tmp_path / "c"),
                "--quiet")
    assert "tagged 0, 9 from cache" in again.stdout

    article_id = corpus.articles["article_id"].iloc[0]
    shown = run("show", str(out), article_id, "--html", str(tmp_path / "a.html"))
    assert shown.returncode == 0 and (tmp_path / "a.html").read_text().count("newskit-article") >= 1


def test_read_reports_counts(tmp_path):
    done = run("read", str(FIXTURES / "corpus"))
    assert done.returncode == 0
    assert done.stdout.startswith("loaded 8 articles")


def test_missing_source_is_a_clear_error(tmp_path):
    done = run("analyze", "no/such/folder", "--out", str(tmp_path / "o"))
    assert done.returncode == 2 and "no such file or folder: 'no/such/folder'" in done.stderr
