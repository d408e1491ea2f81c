"""Shared fixtures: the model is loaded once per test session."""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import newskit

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    return newskit.load_model()


@pytest.fixture(scope="session")
def seed_corpus(nlp):
    """The seed article tagged once for the whole session (tests read it, never change it)."""
    return newskit.tag(newskit.read_articles(ROOT / "seeds"), cache=None, model=nlp)


def read_quietly(source, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return newskit.read_articles(source, **kwargs)


def tag_fixtures(folder, nlp) -> newskit.Corpus:
    """A fixture folder tagged without cache; quotes gain `file`, the name of their article's file."""
    corpus = newskit.tag(read_quietly(folder), cache=None, model=nlp)
    names = dict(zip(corpus.articles["article_id"], corpus.articles["path"].str.rsplit("/", n=1).str[-1]))
    corpus.quotes["file"] = corpus.quotes["article_id"].map(names)
    return corpus


def assert_spans_point_into_text(corpus: newskit.Corpus) -> None:
    """The frame contract: every span row's text is articles.text[start:end]."""
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    for name, column in (("paragraphs", "text"), ("sentences", "text"), ("entities", "text"),
                         ("timexes", "text"), ("quotes", "content")):
        frame = getattr(corpus, name)
        for row in frame.itertuples(index=False):
            text = texts[row.article_id]
            assert 0 <= row.start <= row.end <= len(text), (name, row)
            assert text[row.start:row.end] == getattr(row, column), (name, row)
        key = {"paragraphs": ["article_id", "paragraph"], "sentences": ["article_id", "sentence"],
               "quotes": ["article_id", "quote"]}.get(name, ["article_id", "start", "end"])
        if name != "entities" and name != "timexes":
            assert not frame.duplicated(key).any(), name
        assert not frame.duplicated().any(), name
