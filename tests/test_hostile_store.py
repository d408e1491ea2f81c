"""Hostile input to what newskit keeps and reports: the articles frame's attrs, the cache, saved
corpus folders and the command line. Each test reproduces one defect of issue #20."""
from __future__ import annotations

import json

import pandas as pd

import newskit

from .conftest import read_quietly


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
