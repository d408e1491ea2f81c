"""Property tests (hypothesis): whatever the article, reading and tagging never raise and every
span row points back into the article text."""
from __future__ import annotations

import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newskit

from .conftest import assert_spans_point_into_text, read_quietly

# Pieces real news is made of, plus the characters that break naive parsers.
WORDS = st.sampled_from([
    "Kestova", "MOSCOW,", "July", "29", "/TASS/.", "(dpa)", "-", "—", "said", "Anna", "Kerr", "the",
    "ministry", "\"", "“", "”", "«", "»", "'", "’", "on", "Friday", ".", ",", "All news", "\t",
    "\x01", "\x1f", "\u200f", "שלום", "🙂", "&", "<b>", "e\u0301", "",
])
PARAGRAPH = st.lists(WORDS, min_size=0, max_size=25).map(" ".join)
ARTICLE = st.lists(PARAGRAPH, min_size=0, max_size=6).map("\n\n".join)
SEPARATOR = st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=6), separator=SEPARATOR)
def test_read_and_tag_keep_every_offset(tmp_path_factory, nlp, paragraphs, separator):
    folder = tmp_path_factory.mktemp("articles")
    (folder / "a.txt").write_text(separator.join(paragraphs), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = newskit.read_articles(folder)
    # loaded or rejected, never both and never neither
    assert len(articles) + len(newskit.rejects(articles)) == 1
    corpus = newskit.tag(articles, cache=None, model=nlp)
    assert_spans_point_into_text(corpus)
    again = newskit.tag(read_quietly(folder), cache=None, model=nlp)
    assert list(again.articles["article_id"]) == list(corpus.articles["article_id"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_raw_bytes_are_loaded_or_rejected(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("bytes")
    (folder / "raw.txt").write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = newskit.read_articles(folder)
    assert len(articles) + len(newskit.rejects(articles)) == 1
    for text in articles["text"]:
        assert text == text.strip() and text
        assert not any(ord(c) < 32 and c not in "\n\t" for c in text)
