"""Collect extractor rows into typed frames in chunks, so a large corpus never sits in memory as dicts."""
from __future__ import annotations

import pandas as pd

from .frames import conform, empty, in_article_order, to_frame

# Articles whose rows are held as Python dicts before they become a typed frame chunk.
CHUNK_ARTICLES = 256


class FrameSink:
    """Rows per frame, turned into typed DataFrame chunks every CHUNK_ARTICLES articles.

    `add` takes one article's rows; `frames` concatenates the chunks and sorts them into
    article order, giving the same frames as building each from all its rows at once.
    """

    def __init__(self, names: tuple[str, ...], chunk_articles: int | None = None) -> None:
        self.names = names
        self.chunk_articles = max(1, chunk_articles or CHUNK_ARTICLES)
        self._rows: dict[str, list[dict]] = {name: [] for name in names}
        self._chunks: dict[str, list[pd.DataFrame]] = {name: [] for name in names}
        self._pending = 0

    def add(self, article_id: str, frames: dict[str, list[dict]]) -> None:
        """One article's rows (per frame, without article_id)."""
        for name in self.names:
            self._rows[name].extend({"article_id": article_id, **row} for row in frames.get(name, ()))
        self._pending += 1
        if self._pending >= self.chunk_articles:
            self._flush()

    def _flush(self) -> None:
        for name, rows in self._rows.items():
            if rows:
                self._chunks[name].append(to_frame(name, rows))
            self._rows[name] = []
        self._pending = 0

    def frames(self, article_order: list[str]) -> dict[str, pd.DataFrame]:
        """Every frame, typed and sorted by article order and then by position in the article.
        One frame at a time, dropping its chunks as soon as they are joined, so the peak stays
        near the size of the result."""
        self._flush()
        order = {article_id: i for i, article_id in enumerate(article_order)}
        return {name: _ordered(name, self._chunks[name], order) for name in self.names}


def _ordered(name: str, chunks: list[pd.DataFrame], order: dict[str, int]) -> pd.DataFrame:
    """Join `chunks` (emptying the list) and sort the rows; copies only when the order changes."""
    if not chunks:
        return empty(name)
    dtypes = chunks[0].dtypes
    frame = chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)
    chunks.clear()
    if not frame.dtypes.equals(dtypes):  # a chunk typed differently (pandas upcast on concat)
        frame = conform(name, frame)
    return in_article_order(name, frame, order)
