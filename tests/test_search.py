"""newskit.search: words and phrases in the article text, with offsets; the explorer's text filter."""
from __future__ import annotations

import pandas as pd
import pytest

import newskit


def test_search_finds_phrases_with_offsets_and_the_explorer_filters_by_it(seed_corpus):
    hits = newskit.search(seed_corpus, "humanitarian  operation")
    text = dict(zip(seed_corpus.articles["article_id"], seed_corpus.articles["text"]))
    assert len(hits) >= 2
    for row in hits.itertuples():
        assert text[row.article_id][row.start:row.end] == row.text
        assert row.text.lower().split() == ["humanitarian", "operation"] and pd.notna(row.paragraph)
    assert newskit.search(seed_corpus, "aid").empty or not newskit.search(seed_corpus, "aid")["text"].str.lower().ne("aid").any()
    assert len(newskit.search(seed_corpus, ["Aleppo", "Damascus"])) > len(newskit.search(seed_corpus, "Damascus"))
    with pytest.raises(ValueError):
        newskit.search(seed_corpus, "  ")
    explorer = newskit.Explorer(seed_corpus)
    explorer.select("Anatoly Antonov").filter(text="no such phrase anywhere")
    assert len(explorer.mentions_frame) == 0
    explorer.filter(text="humanitarian operation")
    assert len(explorer.mentions_frame) > 0
    explorer.filter(text="")
    assert explorer.filters.text is None
