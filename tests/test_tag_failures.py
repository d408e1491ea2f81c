"""One article that spaCy or an extractor raises on costs only that article: it is left out with a
rejects row naming its path and the error, never cached, and every other article's frames are
the ones a run without it gives; errors="raise" stops there instead, with the traceback."""
from __future__ import annotations

import pandas as pd
import pytest
from spacy.language import Language

import newskit
import newskit.extract.extractors as extractors
from newskit.extract.quotes.direct import extract_quotes

from .conftest import read_quietly
from .test_scale import write_corpus

MARKER = "Zorbleflax"  # a word no fictional article here holds but the one made to fail


@Language.component("newskit_test_fails_on_marker")
def _fails_on_marker(doc):
    if MARKER in doc.text:
        raise ValueError(f"cannot parse {MARKER}")
    return doc


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> pd.DataFrame:
    frame = read_quietly(write_corpus(tmp_path_factory.mktemp("failures") / "corpus", count=6))
    frame.loc[2, "text"] = frame.loc[2, "text"] + f"\n\nThe {MARKER} committee met.\n\nA last paragraph."
    return frame


@pytest.fixture(scope="module")
def without_failed(articles, nlp) -> newskit.Corpus:
    return newskit.tag(articles.drop(index=2), cache=None, model=nlp)


def _quotes_failing_on_marker(adoc):
    if MARKER in adoc.text:
        raise KeyError("no such speaker")
    return extract_quotes(adoc)


def assert_left_out(corpus: newskit.Corpus, articles: pd.DataFrame, without: newskit.Corpus, reason: str) -> None:
    failed = articles.loc[2]
    assert failed["article_id"] not in set(corpus.articles["article_id"])
    for name in ("paragraphs", "sentences", "entities", "quotes", "timexes"):
        frame = getattr(corpus, name)
        assert failed["article_id"] not in set(frame["article_id"]), name
        pd.testing.assert_frame_equal(frame, getattr(without, name), obj=name)
    rejects = corpus.rejects
    assert rejects["path"].tolist() == [failed["path"]]
    assert rejects["reason"].str.fullmatch(reason).all(), rejects["reason"].tolist()


def test_an_article_an_extractor_raises_on_is_a_reject_and_never_cached(articles, without_failed, nlp,
                                                                       tmp_path, monkeypatch):
    monkeypatch.setitem(extractors.EXTRACTORS, "quotes", _quotes_failing_on_marker)
    with pytest.warns(UserWarning, match="1 article\\(s\\) could not be tagged"):
        corpus = newskit.tag(articles, cache=tmp_path / "cache", model=nlp)
    reason = (r"not tagged: the quotes extractor raised KeyError at "
              r"(\S+/)?test_tag_failures\.py:\d+: 'no such speaker'")
    assert_left_out(corpus, articles, without_failed, reason)
    assert corpus.info["tagged"] == 5  # tagged, not tried
    with pytest.warns(UserWarning):
        again = newskit.tag(articles, cache=tmp_path / "cache", model=nlp, out=tmp_path / "saved")
    # the five good articles come from the cache; the failed one is tried again, and fails again;
    # the frames streamed to a folder are the same, and so is the corpus loaded from it
    assert (again.info["cache_hits"], again.info["tagged"], len(again.rejects)) == (5, 0, 1)
    assert_left_out(again, articles, without_failed, reason)
    assert_left_out(newskit.Corpus.load(tmp_path / "saved"), articles, without_failed, reason)


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_paragraph_spacy_raises_on_costs_only_its_article(articles, without_failed, nlp, n_process):
    nlp.add_pipe("newskit_test_fails_on_marker", last=True)
    try:
        with pytest.warns(UserWarning, match="could not be tagged"):
            corpus = newskit.tag(articles, cache=None, model=nlp, n_process=n_process, batch_size=4)
    finally:
        nlp.remove_pipe("newskit_test_fails_on_marker")
    reason = (r"not tagged: spaCy's pipeline raised ValueError at (\S+/)?test_tag_failures\.py:\d+: "
              f"cannot parse {MARKER}")
    assert_left_out(corpus, articles, without_failed, reason)


def test_errors_raise_stops_at_the_article_with_its_traceback(articles, nlp, monkeypatch):
    monkeypatch.setitem(extractors.EXTRACTORS, "quotes", _quotes_failing_on_marker)
    with pytest.raises(newskit.NewskitTaggingError) as raised:
        newskit.tag(articles, cache=None, model=nlp, errors="raise")
    message = str(raised.value)
    assert message.startswith(f"{articles.loc[2, 'path']}: not tagged: the quotes extractor raised KeyError")
    assert "Traceback (most recent call last)" in message and "_quotes_failing_on_marker" in message
    with pytest.raises(ValueError, match="errors must be"):
        newskit.tag(articles, cache=None, model=nlp, errors="skip")
