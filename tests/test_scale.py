"""Scale: Dask, worker processes (also inside a Jupyter kernel), chunked frames, the shared cache.

Timing is never checked here (bench/bench_tag.py measures it); these tests check that every way of
running gives the same frames as a plain local run, and that the cache survives concurrent runs.
"""
from __future__ import annotations

import json
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import newskit
import newskit.pipeline.cache as cache_module
import newskit.pipeline.sinks as collect
import newskit.extract.extractors as extractors
import newskit.pipeline.batch as workers
import newskit.pipeline.model as model_module
from newskit.pipeline.cache import Cache

from .conftest import ROOT, read_quietly

SEED = ROOT / "seeds"
FRAMES = ("paragraphs", "sentences", "entities", "quotes", "timexes")
PLACES = ["Brindle Bay", "Kestova", "Port Amsel", "Lowmere", "Vantry"]
PEOPLE = ["Anna Kerr", "Tomas Reval", "Ines Madro", "Piet Olund", "Clara Dunne"]
OFFICES = ["Mayor", "Harbour Master", "Finance Minister", "Police Chief", "Union leader"]


def write_corpus(folder: Path, count: int = 30) -> Path:
    """`count` short fictional articles: a title, a dateline, quotes, dates and names."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        place, person, office = PLACES[i % 5], PEOPLE[(i * 2) % 5], OFFICES[(i * 3) % 5]
        other = PEOPLE[(i + 1) % 5]
        text = textwrap.dedent(f"""\
            {place} council approves plan number {i + 1}

            {place.upper()}, March {i % 27 + 1}. {office} {person} said on Tuesday that the plan
            would cost {i + 3} million euros over {i % 4 + 2} years.

            "We have waited since {2001 + i % 20} for this," {person.split()[1]} told reporters.
            According to {other}, work starts next month.

            The council will meet again on {['Monday', 'Friday', 'June 3'][i % 3]}.
            """)
        (folder / f"story_{i:02d}.txt").write_text(text.replace("\n            ", " "))
    return folder


def assert_same_frames(expected: newskit.Corpus, actual: newskit.Corpus) -> None:
    # the corpus-wide columns found after tagging (stories, copies) whatever tagged the articles
    story = ["article_id", "story_id", "copy_of"]
    pd.testing.assert_frame_equal(expected.articles[story], actual.articles[story], obj="articles")
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(expected, name), getattr(actual, name), obj=name)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> pd.DataFrame:
    folder = write_corpus(tmp_path_factory.mktemp("generated") / "corpus")
    return read_quietly([SEED, folder])


@pytest.fixture(scope="module")
def local(generated, nlp) -> newskit.Corpus:
    return newskit.tag(generated, cache=None, model=nlp)


@pytest.mark.slow  # a Dask LocalCluster
def test_dask_local_cluster_gives_the_local_frames(generated, local, tmp_path):
    distributed = pytest.importorskip("distributed")
    cluster = client = None
    try:
        cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                           host="127.0.0.1", dashboard_address="127.0.0.1:0")
        # by address, the model named: each worker loads it once; the client streams the frames to
        # parquet (out=) as results come back
        remote = newskit.tag(generated, cache=tmp_path / "cache", scheduler=cluster.scheduler_address,
                             out=tmp_path / "remote")
        assert remote.info["tagged"] == len(generated)
        assert_same_frames(local, remote)
        assert_same_frames(local, newskit.Corpus.load(tmp_path / "remote"))
        # the client kept the cache: a local rerun reads every article from it
        warm = newskit.tag(generated, cache=tmp_path / "cache")
        assert warm.info["cache_hits"] == len(generated) and warm.info["tagged"] == 0
        assert_same_frames(local, warm)
        # a Client object and a pipeline object (scattered to the workers)
        client = distributed.Client(cluster, set_as_default=False)
        by_client = newskit.tag(generated.head(8), cache=None, model=newskit.load_model(), scheduler=client)
        assert_same_frames(newskit.tag(generated.head(8), cache=None), by_client)
        # workers whose newskit code differs from the client's (their code digest, changed on the
        # workers only) are refused before any of their rows is used
        from newskit.pipeline.executors import ClusterMismatch

        client.run(lambda: setattr(__import__("newskit.pipeline.model", fromlist=["code_digest"]),
                                   "code_digest", lambda: "other-code"))
        with pytest.raises(ClusterMismatch, match="code: worker 'other-code'"):
            newskit.tag(generated.head(4), cache=None, scheduler=client)
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


@pytest.mark.slow  # worker processes
def test_worker_processes_give_the_local_frames(generated, local, nlp):
    assert_same_frames(local, newskit.tag(generated, cache=None, model=nlp, n_process=2))


def test_small_chunks_give_the_same_frames(generated, local, nlp, monkeypatch):
    monkeypatch.setattr(collect, "CHUNK_ARTICLES", 3)
    assert_same_frames(local, newskit.tag(generated, cache=None, model=nlp))


def test_frames_streamed_to_parquet_are_the_frames_built_in_memory(generated, local, nlp, tmp_path, monkeypatch):
    # small chunks, half the articles cached and worker processes: rows reach the files as a row
    # group per chunk, and loading them gives exactly the in-memory frames, dtypes included
    import pyarrow.parquet as pq

    monkeypatch.setattr(collect, "CHUNK_ARTICLES", 3)
    newskit.tag(generated.iloc[::2].reset_index(drop=True), cache=tmp_path / "cache", model=nlp)
    streamed = newskit.tag(generated, cache=tmp_path / "cache", model=nlp, n_process=2, out=tmp_path / "out")
    assert streamed.info["cache_hits"] == len(generated.iloc[::2])
    # (entities and quotes are rewritten whole by the corpus-wide linking that ends the run)
    assert pq.ParquetFile(tmp_path / "out" / "sentences.parquet").num_row_groups == -(-len(generated) // 3)
    assert set(streamed.__dict__) == {"info", "_files"}  # nothing read yet
    assert repr(streamed) == repr(local)
    assert_same_frames(local, streamed)
    assert_same_frames(local, newskit.Corpus.load(tmp_path / "out"))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [f"{name}.parquet" for name in ("articles", *FRAMES, "rejects")] + ["info.json"])


def test_a_failed_streaming_run_leaves_the_earlier_corpus(generated, nlp, tmp_path, monkeypatch):
    out = tmp_path / "out"
    newskit.tag(generated.head(3), cache=None, model=nlp, out=out)
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    calls = []

    def failing(adoc):
        calls.append(1)
        if len(calls) > 5:
            raise RuntimeError("extractor failed")
        return []

    monkeypatch.setitem(extractors.EXTRACTORS, "quotes", failing)
    monkeypatch.setattr(collect, "CHUNK_ARTICLES", 2)  # some chunks were written before the failure
    with pytest.raises(RuntimeError, match="extractor failed"):
        newskit.tag(generated, cache=None, model=nlp, out=out, errors="raise")
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before  # no partial files either


def test_a_loaded_corpus_reads_frames_when_used_and_notices_a_rewrite(generated, local, nlp, tmp_path):
    local.save(tmp_path / "saved")
    loaded = newskit.Corpus.load(tmp_path / "saved")
    assert "quotes" not in loaded.__dict__ and repr(loaded) == repr(local)
    pd.testing.assert_frame_equal(loaded.quotes, local.quotes)
    assert "quotes" in loaded.__dict__ and "timexes" not in loaded.__dict__
    newskit.tag(generated.head(2), cache=None, model=nlp, out=tmp_path / "saved")  # another run replaces the files
    with pytest.raises(RuntimeError, match="changed after this corpus was loaded"):
        loaded.timexes
    pd.testing.assert_frame_equal(loaded.quotes, local.quotes)  # what was read stays


def test_character_batches_give_the_same_frames(generated, local, nlp, monkeypatch):
    # batches cut by characters (here: nearly one paragraph each) change nothing in the frames
    monkeypatch.setattr(workers, "BATCH_CHARS", 200)
    assert_same_frames(local, newskit.tag(generated, cache=None, model=nlp))


def test_paragraph_batches_respect_both_limits_and_keep_order():
    items = [(text, i) for i, text in enumerate(["a" * 5, "b" * 5, "c" * 30, "d" * 2, "e" * 2, "f" * 2])]
    batches = list(workers.partitions(iter(items), size=2, chars=10))
    assert [x for batch in batches for x in batch] == items
    assert all(len(batch) <= 2 for batch in batches)
    # a batch stays under 10 characters unless it is one text longer than that
    assert all(sum(len(t) for t, _ in batch) <= 10 or len(batch) == 1 for batch in batches)
    assert [len(batch) for batch in batches] == [2, 1, 2, 1]
    assert list(workers.partitions(iter([]), size=2, chars=10)) == []


def test_cached_and_fresh_articles_interleave_in_article_order(generated, local, nlp, tmp_path):
    # every other article cached: cached and fresh rows interleave, and the frames come out in
    # article order, the same as a run without cache
    newskit.tag(generated.iloc[::2].reset_index(drop=True), cache=tmp_path, model=nlp)
    mixed = newskit.tag(generated, cache=tmp_path, model=nlp)
    assert mixed.info["cache_hits"] == len(generated.iloc[::2]) and mixed.info["tagged"] == len(generated) // 2
    assert_same_frames(local, mixed)


def test_segments_are_merged_and_still_read(generated, local, nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "SEGMENT_ENTRIES", 4)
    monkeypatch.setattr(cache_module, "MAX_SEGMENTS", 3)
    cold = newskit.tag(generated, cache=tmp_path, model=nlp)
    assert len(list((tmp_path / "segments").glob("*.idx"))) == 1  # merged at the end of the run
    warm = newskit.tag(generated, cache=tmp_path, model=nlp)
    assert warm.info["cache_hits"] == len(generated)
    assert_same_frames(local, cold)
    assert_same_frames(local, warm)
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_broken_index_line_is_a_miss_not_a_crash(generated, nlp, tmp_path):
    newskit.tag(generated, cache=tmp_path, model=nlp)
    index = next((tmp_path / "segments").glob("*.idx"))
    lines = index.read_text().splitlines()
    index.write_text("\n".join(["garbage", lines[0][:20], *lines[1:]]) + "\n")
    again = newskit.tag(generated, cache=tmp_path, model=nlp)
    assert again.info["tagged"] == 1 and again.info["cache_hits"] == len(generated) - 1


@pytest.mark.slow  # two Python processes
def test_two_processes_share_a_cache(tmp_path, generated, local):
    folder = write_corpus(tmp_path / "corpus", count=30)
    cache = tmp_path / "cache"
    script = textwrap.dedent(f"""
        import json, warnings
        warnings.simplefilter("ignore")
        import newskit
        corpus = newskit.tag(newskit.read_articles({str(folder)!r}), cache={str(cache)!r}, progress=False)
        print(json.dumps(corpus.info))
    """)
    runs = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err
        info = json.loads(out.strip().splitlines()[-1])
        assert info["tagged"] + info["cache_hits"] == 30 and info["cache_rebuilt"] == 0
    articles = read_quietly(folder)
    model_module.code_digest.cache_clear()  # the key holds newskit's code digest, as the runs saw it
    after = newskit.tag(articles, cache=cache)
    assert after.info["cache_hits"] == 30 and after.info["cache_rebuilt"] == 0
    assert len(Cache(cache)) == 30
    assert_same_frames(newskit.tag(articles, cache=None), after)
    assert not list(cache.rglob("*.tmp"))


@pytest.mark.slow  # a fresh Python process
def test_a_local_run_never_imports_dask(tmp_path):
    script = textwrap.dedent(f"""
        import sys, warnings
        warnings.simplefilter("ignore")
        import newskit
        newskit.tag(newskit.read_articles({str(SEED)!r}), cache={str(tmp_path)!r}, progress=False)
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("dask", "distributed")))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.slow  # a fresh Python process
def test_a_worker_imports_only_what_tagging_needs():
    # spawned workers (Jupyter kernels, macOS, Windows) import newskit.pipeline.worker: keep that start quick
    script = textwrap.dedent("""
        import sys
        import newskit.pipeline.worker
        heavy = ("matplotlib", "ipywidgets", "itables", "trafilatura", "dask", "distributed")
        print(sorted(m for m in heavy if m in sys.modules))
        import newskit.view.explorer.widget, newskit
        print(callable(newskit.explore), callable(newskit.timeline), newskit.tag.__module__)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["[]", "True True newskit.pipeline.tagging"]


@pytest.mark.slow  # a Jupyter kernel that spawns worker processes
def test_worker_processes_inside_a_jupyter_kernel(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    folder = write_corpus(tmp_path / "corpus", count=12)
    source = textwrap.dedent(f"""
        import warnings
        warnings.simplefilter("ignore")
        import pandas as pd
        import newskit
        from newskit.pipeline.executors import start_method
        articles = newskit.read_articles({str(folder)!r})
        one = newskit.tag(articles, cache=None, progress=False)
        two = newskit.tag(articles, cache=None, progress=False, n_process=2)
        for name in ("sentences", "entities", "quotes", "timexes"):
            pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name))
        print(start_method(), len(two.sentences))
    """)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    nbclient.NotebookClient(notebook, timeout=240, kernel_name="python3").execute()
    printed = "".join(output.get("text", "") for output in notebook.cells[0].outputs)
    method, sentences = printed.split()
    assert method == "spawn" and int(sentences) > 12


def test_memory_zones_drop_new_words_and_change_no_row(tmp_path, monkeypatch):
    import newskit.pipeline.batch as workers

    # every article brings words the vocab has never seen; zones of 3 articles after 3 warm-up ones
    folder = tmp_path / "coined"
    folder.mkdir()
    for i in range(12):
        coined = " ".join(f"Vorblex{i}x{j}" for j in range(8))
        (folder / f"{i:02d}.txt").write_text(
            f"Plan {i} for Kestova\n\nMayor Anna Kerr said on Tuesday that {coined} would open in March.\n")
    articles = read_quietly(folder)
    nlp = pickle.loads(pickle.dumps(newskit.load_model()))  # a pipeline of this test's own
    monkeypatch.setattr(workers, "ZONE_ARTICLES", 3)
    monkeypatch.setattr(workers, "WARM_ARTICLES", 3)
    before = len(nlp.vocab.strings)
    zoned = newskit.tag(articles, cache=None, model=nlp)
    kept = len(nlp.vocab.strings) - before
    monkeypatch.setenv("NEWSKIT_MEMORY_ZONES", "0")
    plain = newskit.tag(articles, cache=None, model=nlp)
    grown = len(nlp.vocab.strings) - before - kept
    assert grown >= 9 * 8  # without zones the coined words of the 9 zoned articles stay in the vocab
    assert kept < grown / 2  # with zones only the warm-up articles' words stayed
    assert_same_frames(plain, zoned)


# --- one fingerprint, checked on every worker ---------------------------------------------------


def test_the_fingerprint_covers_code_and_word_lists(tmp_path, monkeypatch, nlp):
    from newskit.extract import lexicon

    before = model_module.pipeline_fingerprint(nlp)
    assert before["newskit"] == newskit.__version__ and before["model"] and before["code"]
    # a copy of the word lists in which one list is then edited (the real files stay untouched)
    copy = tmp_path / "lexicon"
    for path in lexicon.files():
        target = copy / path.relative_to(lexicon.FOLDER)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    monkeypatch.setattr(lexicon, "FOLDER", copy)
    model_module.code_digest.cache_clear()
    try:
        assert model_module.pipeline_fingerprint(nlp) == before  # same files, same fingerprint
        verbs = copy / "quotes" / "reporting_verbs.txt"
        verbs.write_text(verbs.read_text().replace("\nsay\n", "\nsai\n"))  # one word, same length
        model_module.code_digest.cache_clear()
        changed = model_module.pipeline_fingerprint(nlp)
        assert changed["code"] != before["code"] and {**changed, "code": before["code"]} == before
    finally:
        monkeypatch.undo()
        model_module.code_digest.cache_clear()
    assert model_module.pipeline_fingerprint(nlp) == before


@pytest.mark.slow  # starts worker processes
def test_a_worker_running_other_code_is_refused(tmp_path, monkeypatch, nlp):
    import newskit.pipeline.worker as worker
    from newskit.pipeline.executors import ClusterMismatch

    articles = read_quietly(write_corpus(tmp_path / "corpus", count=6))
    real = worker.pipeline_fingerprint
    # forked workers inherit this: their rules digest differs from the client's, nothing else
    monkeypatch.setattr(worker, "pipeline_fingerprint", lambda pipeline: {**real(pipeline), "code": "other-rules"})
    monkeypatch.setenv("NEWSKIT_START_METHOD", "fork")
    with pytest.raises(ClusterMismatch, match="code"):
        newskit.tag(articles, cache=None, model=nlp, n_process=2)
