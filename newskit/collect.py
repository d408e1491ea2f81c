"""Collect extractor rows into typed frames in chunks, so a large corpus never sits in memory as dicts."""
from __future__ import annotations

import pandas as pd

from .frames import SCHEMAS, conform, empty, from_columns, in_article_order

# Articles whose values are held as Python lists before they become a typed frame chunk.
CHUNK_ARTICLES = 128


class FrameSink:
    """Each frame's rows gathered column by column, turned into typed DataFrame chunks every
    CHUNK_ARTICLES articles.

    `add` takes one article's rows (dicts); only their values are kept, in one list per column,
    not the dicts. `frames` joins the chunks and sorts them into article order, giving the same
    frames as building each from all its rows at once.
    """

    def __init__(self, names: tuple[str, ...], chunk_articles: int | None = None) -> None:
        self.names = names
        self.chunk_articles = max(1, chunk_articles or CHUNK_ARTICLES)
        self._columns: dict[str, dict[str, list]] = {name: _no_values(name) for name in names}
        self._chunks: dict[str, list[pd.DataFrame]] = {name: [] for name in names}
        self._pending = 0

    def add(self, article_id: str, frames: dict[str, list[dict]]) -> None:
        """One article's rows (per frame, without article_id)."""
        for name in self.names:
            rows = frames.get(name)
            if not rows:
                continue
            columns = self._columns[name]
            for column, values in columns.items():
                if column == "article_id":
                    values.extend([article_id] * len(rows))
                else:
                    values.extend([row.get(column) for row in rows])
        self._pending += 1
        if self._pending >= self.chunk_articles:
            self._flush()

    def _flush(self) -> None:
        for name, columns in self._columns.items():
            if columns["article_id"]:
                self._chunks[name].append(from_columns(name, columns))
                self._columns[name] = _no_values(name)
        self._pending = 0

    def frames(self, article_order: list[str]) -> dict[str, pd.DataFrame]:
        """Every frame, typed and sorted by article order and then by position in the article.
        One frame at a time, dropping its chunks as soon as they are joined, so the peak stays
        near the size of the result."""
        self._flush()
        order = {article_id: i for i, article_id in enumerate(article_order)}
        return {name: _ordered(name, self._chunks[name], order) for name in self.names}


def _no_values(name: str) -> dict[str, list]:
    return {column: [] for column in ("article_id", *SCHEMAS[name])}


def _ordered(name: str, chunks: list[pd.DataFrame], order: dict[str, int]) -> pd.DataFrame:
    """Join `chunks` (emptying the list) and sort the rows; copies only when the order changes."""
    if not chunks:
        return empty(name)
    dtypes = chunks[0].dtypes
    frame = chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)
    chunks.clear()
    changed = [column for column in frame.columns if frame[column].dtype != dtypes[column]]
    if changed:  # pandas upcast a column on concat (a category whose categories differ by chunk)
        frame = conform(name, frame, changed)
    return in_article_order(name, frame, order)
