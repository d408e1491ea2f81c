"""Hostile input to what newskit keeps and reports: the articles frame's attrs, the cache, saved
corpus folders and the command line. Each test reproduces one defect of issue #20."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newskit
from newskit.cli import main
from newskit.frames import FRAMES
from newskit.pipeline.cache import Cache, CacheError

from .conftest import ROOT, read_quietly

SEED = ROOT / "seeds"


def _articles_with_rejects(folder):
    folder.mkdir()
    (folder / "good.txt").write_text("Harbour reopens\n\nThe harbour in Kestova reopened on Monday.\n")
    (folder / "empty.txt").write_text("")
    return read_quietly(folder)


def test_the_articles_frame_survives_every_pandas_operation(tmp_path):
    articles = _articles_with_rejects(tmp_path / "in")
    more = _articles_with_rejects(tmp_path / "more")
    assert len(newskit.rejects(articles)) == 1 and "empty file" in newskit.rejects(articles)["reason"].iloc[0]
    json.dumps(articles.attrs)  # attrs hold plain values only
    assert len(pd.concat([articles, more], ignore_index=True)) == 2
    assert articles.astype(str)["title"].iloc[0] == "Harbour reopens"
    assert len(articles.merge(more[["article_id"]], on="article_id")) == 1
    articles.to_parquet(tmp_path / "articles.parquet")
    back = pd.read_parquet(tmp_path / "articles.parquet")
    pd.testing.assert_frame_equal(newskit.rejects(back), newskit.rejects(articles))
    # rejects stay reachable through selections and copies
    assert len(newskit.rejects(articles[articles["n_words"] > 0].copy())) == 1


def test_rejects_of_a_frame_without_them_is_empty():
    frame = newskit.rejects(pd.DataFrame({"article_id": ["a"]}))
    assert frame.empty and list(frame.columns) == ["path", "reason"]


# -- the cache ------------------------------------------------------------------------------------

KEY_A, KEY_B = "a" * 64, "b" * 64


def _cache_of_two(folder) -> Cache:
    with Cache(folder) as cache:
        cache.put(KEY_A, {"sentences": [{"article_id": "A", "text": "from A"}]})
        cache.put(KEY_B, {"sentences": [{"article_id": "B", "text": "from B"}]})
    return Cache(folder)


def _in_time(function, seconds: float = 10.0):
    """function() run in a daemon thread: its result, or a failure when it does not return in time
    (a blocked open() cannot be interrupted, but the test must not hang)."""
    result = {}

    def run():
        try:
            result["value"] = function()
        except BaseException as exc:  # raised again in the test's thread
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{function} did not return within {seconds} s"
    if "error" in result:
        raise result["error"]
    return result.get("value")


def test_a_cache_index_line_pointing_at_another_entry_is_a_miss(tmp_path):
    cache = _cache_of_two(tmp_path)
    (index,) = (tmp_path / "segments").glob("*.idx")
    line_a, line_b = index.read_text().splitlines()
    # A's line now names B's payload: same length, same crc, right offsets -- the wrong article
    index.write_text(KEY_A + line_b[64:] + "\n" + line_b + "\n")
    assert cache.get(KEY_A) is None and cache.rebuilt == 1
    assert cache.get(KEY_B)["sentences"][0]["text"] == "from B"


def test_a_swapped_cache_entry_is_tagged_again_through_tag(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("Harbour reopens\n\nThe harbour in Kestova reopened on Monday.\n")
    (folder / "two.txt").write_text("Ferry strike ends\n\nThe ferry strike in Lunmark ended on Friday.\n")
    articles = read_quietly(folder)
    clean = newskit.tag(articles, cache=None, model=nlp)
    newskit.tag(articles, cache=tmp_path / "cache", model=nlp)
    (index,) = (tmp_path / "cache" / "segments").glob("*.idx")
    first, second = index.read_text().splitlines()
    index.write_text(first[:64] + second[64:] + "\n" + second + "\n")
    again = newskit.tag(articles, cache=tmp_path / "cache", model=nlp)
    assert again.info["cache_rebuilt"] == 1 and again.info["tagged"] == 1
    pd.testing.assert_frame_equal(again.sentences, clean.sentences)


def test_a_fifo_in_the_cache_is_a_miss_not_a_hang(tmp_path):
    cache = _cache_of_two(tmp_path)
    (index,) = (tmp_path / "segments").glob("*.idx")
    data = index.with_suffix(".dat")
    data.unlink()
    os.mkfifo(data)
    assert _in_time(lambda: cache.get(KEY_A)) is None and cache.rebuilt == 1
    # a FIFO (or a symlink) in place of an index: no entries from it, no hang
    index.rename(tmp_path / "moved.idx")
    os.mkfifo(index)
    assert _in_time(lambda: len(Cache(tmp_path))) == 0
    index.unlink()
    index.symlink_to(tmp_path / "moved.idx")
    assert _in_time(lambda: len(Cache(tmp_path))) == 0


def test_a_symlinked_cache_lock_is_refused_and_its_target_never_created(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    target = tmp_path / "elsewhere" / "created-by-newskit"
    (tmp_path / "elsewhere").mkdir()
    (folder / ".lock").symlink_to(target)
    with pytest.raises(CacheError, match=r"\.lock.*symbolic link"):
        Cache(folder).open()
    assert not target.exists()
    (folder / ".lock").unlink()
    os.mkfifo(folder / ".lock")
    with pytest.raises(CacheError, match=r"\.lock.*not a regular file"):
        _in_time(lambda: Cache(folder).open())


def test_a_cache_path_naming_a_file_is_a_clear_error(tmp_path):
    (tmp_path / "cache").write_text("not a folder")
    with pytest.raises(CacheError, match="is a file, not a folder"):
        Cache(tmp_path / "cache").open()


# -- saved corpus folders ---------------------------------------------------------------------------

def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_later_run_removes_partial_files_of_dead_runs_only(tmp_path, seed_corpus):
    out = tmp_path / "out"
    out.mkdir()
    dead, alive = _dead_pid(), os.getppid()
    stale = [out / f".entities.{dead}.partial", out / f".info.{dead}.partial"]
    kept = [out / f".entities.{alive}.partial", out / ".notes.partial", out / ".entities.x1.partial"]
    for path in stale + kept:
        path.write_text("left by a killed run")
    seed_corpus.save(out)
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in kept)
    assert len(newskit.Corpus.load(out).articles) == 1


@pytest.mark.parametrize("damage, problem", [
    ("foreign_articles", r"articles\.parquet.*no column 'article_id'"),
    ("not_parquet", r"entities\.parquet.*not a parquet file"),
    ("broken_info", r"info\.json.*not valid JSON"),
    ("foreign_frame", r"quotes\.parquet.*no column 'article_id'"),
])
def test_a_broken_saved_corpus_is_a_clear_error_naming_the_file(tmp_path, seed_corpus, damage, problem):
    folder = seed_corpus.save(tmp_path / "saved")
    if damage == "foreign_articles":
        pd.DataFrame({"x": [1, 2]}).to_parquet(folder / "articles.parquet")
    elif damage == "not_parquet":
        (folder / "entities.parquet").write_bytes(b"not parquet at all")
    elif damage == "broken_info":
        (folder / "info.json").write_text("{")
    else:
        pd.DataFrame({"x": [1]}).to_parquet(folder / "quotes.parquet")
    with pytest.raises(newskit.CorpusError, match=problem):
        newskit.Corpus.load(folder)


def test_a_frame_damaged_after_loading_is_a_clear_error(tmp_path, seed_corpus):
    folder = seed_corpus.save(tmp_path / "saved")
    corpus = newskit.Corpus.load(folder)
    (folder / "entities.parquet").write_bytes(b"PAR1" + b"\0" * 64 + b"PAR1")
    with pytest.raises((newskit.CorpusError, RuntimeError), match=r"entities\.parquet"):
        corpus.entities


# -- the command line ---------------------------------------------------------------------------

def _cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _one_line_error(err: str, *fragments: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newskit: ") and "Traceback" not in err, err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def test_cli_show_on_a_broken_corpus_is_one_line_exit_2(tmp_path, seed_corpus, capsys):
    folder = seed_corpus.save(tmp_path / "saved")
    pd.DataFrame({"x": [1, 2]}).to_parquet(folder / "articles.parquet")
    code, _, err = _cli(capsys, "show", str(folder), "abc", "--html", str(tmp_path / "a.html"))
    assert code == 2
    _one_line_error(err, "articles.parquet", "article_id")
    good = seed_corpus.save(tmp_path / "good")
    code, _, err = _cli(capsys, "show", str(good), "no-such-id", "--html", str(tmp_path / "a.html"))
    assert code == 2
    _one_line_error(err, "no article with article_id 'no-such-id'")


@pytest.mark.parametrize("option", ["--out", "--cache"])
def test_cli_out_or_cache_naming_a_file_is_one_line_exit_2(tmp_path, capsys, option):
    (tmp_path / "a_file").write_text("not a folder")
    paths = {"--out": str(tmp_path / "out"), "--cache": str(tmp_path / "cache"), option: str(tmp_path / "a_file")}
    code, _, err = _cli(capsys, "analyze", str(SEED), "--out", paths["--out"], "--cache", paths["--cache"], "--quiet")
    assert code == 2
    _one_line_error(err, str(tmp_path / "a_file"), "not a folder")


def test_a_file_name_with_a_newline_stays_on_one_line_of_the_rejects_report(tmp_path, capsys):
    (tmp_path / "two\nlines.txt").write_text("")
    (tmp_path / "good.txt").write_text("Harbour reopens\n\nThe harbour in Kestova reopened on Monday.\n")
    code, out, _ = _cli(capsys, "read", str(tmp_path))
    assert code == 0
    report = out.splitlines()[out.splitlines().index("rejected 1 input(s):") + 1:]
    assert report == [f"  {tmp_path}/two\\nlines.txt: empty file"]


# -- fuzz: whatever is in a cache index or a saved folder, newskit works or says clearly why not ----

ENTRIES = {KEY_A: {"sentences": [{"article_id": "A", "text": "from A"}]},
           KEY_B: {"sentences": [{"article_id": "B", "text": "from B", "start": 3}]}}
_NUMBERS = st.one_of(st.integers(-3, 400), st.integers(-2**70, 2**70))


@st.composite
def _index_lines(draw, real: list[list[str]]) -> str:
    """Index lines made of the real lines' fields shuffled between entries, odd numbers and noise."""
    kind = draw(st.sampled_from(["mixed", "numbers", "noise"]))
    if kind == "noise":
        return draw(st.text(max_size=90))
    key = draw(st.sampled_from([KEY_A, KEY_B, "c" * 64, "A" * 64, "g" * 64, KEY_A[:63]]))
    if kind == "numbers":
        return " ".join([key, *(str(draw(_NUMBERS)) for _ in range(draw(st.integers(2, 4))))])
    return " ".join([key, *(draw(st.sampled_from(real))[field] for field in (1, 2, 3))])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_cache_index_serves_the_right_rows_or_a_miss(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzzcache")
    with Cache(folder) as cache:
        for key, frames in ENTRIES.items():
            cache.put(key, frames)
    (index,) = (folder / "segments").glob("*.idx")
    real = [line.split() for line in index.read_text().splitlines()]
    lines = data.draw(st.lists(_index_lines(real), max_size=6))
    index.write_text("\n".join(lines) + data.draw(st.sampled_from(["", "\n", "\0\xff"])))
    payload = index.with_suffix(".dat")
    flip = data.draw(st.none() | st.integers(0, payload.stat().st_size - 1))
    if flip is not None:
        raw = bytearray(payload.read_bytes())
        raw[flip] ^= 0xFF
        payload.write_bytes(bytes(raw))
    fuzzed = Cache(folder)
    _in_time(lambda: len(fuzzed))
    for key, frames in ENTRIES.items():
        got = _in_time(lambda: fuzzed.get(key))
        assert got is None or got == frames, (key, got)


@st.composite
def _frame_files(draw) -> dict:
    """What each file of a saved folder becomes: kept, removed, another frame, foreign, noise ..."""
    names = ["articles", *FRAMES, "rejects", "info"]
    plan = {}
    for name in draw(st.lists(st.sampled_from(names), max_size=4, unique=True)):
        plan[name] = draw(st.sampled_from(["remove", "noise", "truncate", "foreign", "other_frame", "wrong_types"]))
    return plan


@pytest.fixture(scope="module")
def saved_seed(tmp_path_factory, seed_corpus):
    return seed_corpus.save(tmp_path_factory.mktemp("saved_seed"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=_frame_files(), noise=st.binary(max_size=200))
def test_fuzzed_saved_folder_loads_or_names_the_broken_file(tmp_path_factory, saved_seed, plan, noise):
    folder = tmp_path_factory.mktemp("fuzzsaved")
    shutil.copytree(saved_seed, folder, dirs_exist_ok=True)
    for name, damage in plan.items():
        path = folder / ("info.json" if name == "info" else f"{name}.parquet")
        if damage == "remove":
            path.unlink()
        elif damage == "noise":
            path.write_bytes(noise)
        elif damage == "truncate":
            path.write_bytes(path.read_bytes()[:max(len(noise), 1)])
        elif damage == "foreign":
            pd.DataFrame({"x": [1, 2], "text": ["a", None]}).to_parquet(path)
        elif damage == "other_frame":
            shutil.copy(saved_seed / ("rejects.parquet" if name != "rejects" else "entities.parquet"), path)
        else:  # the right key columns holding the wrong kinds of values
            pd.DataFrame({"article_id": [1.5], "start": ["x"], "end": [None], "text": [3],
                          "path": [b"\xff"], "reason": [2]}).to_parquet(path)
    try:
        corpus = _in_time(lambda: newskit.Corpus.load(folder))
    except (newskit.CorpusError, FileNotFoundError) as exc:
        assert str(folder) in str(exc) and "\n" not in str(exc), exc
        return
    repr(corpus)
    for name in ("articles", *FRAMES, "rejects"):
        try:
            getattr(corpus, name)
        except newskit.CorpusError as exc:
            assert f"{name}.parquet" in str(exc), exc
