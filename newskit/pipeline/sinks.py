"""Collect extractor rows into typed frames in chunks, so a large corpus never sits in memory as
dicts; with a folder, the chunks go straight to the saved corpus's files and nothing stays in memory."""
from __future__ import annotations

import os

import pandas as pd

from newskit.corpus import Corpus, FolderWriter
from newskit.frames import SCHEMAS, conform, empty, from_columns, in_article_order

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
                self._keep(name, from_columns(name, columns))
                self._columns[name] = _no_values(name)
        self._pending = 0

    def _keep(self, name: str, chunk: pd.DataFrame) -> None:
        self._chunks[name].append(chunk)

    def abort(self) -> None:
        """The run failed: drop what was gathered."""
        self._chunks = {name: [] for name in self.names}

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


class ParquetSink(FrameSink):
    """A FrameSink that hands each chunk, as soon as it is made, to a saved-corpus folder being
    written (newskit.corpus.FolderWriter) instead of keeping it: memory stays flat however many
    articles pass through. Articles must arrive in article order (tag() sends them so); a failed run
    leaves an earlier corpus in the folder intact.
    """

    def __init__(self, names: tuple[str, ...], folder: str | os.PathLike, chunk_articles: int | None = None) -> None:
        super().__init__(names, chunk_articles)
        self.writer = FolderWriter(folder)

    def _keep(self, name: str, chunk: pd.DataFrame) -> None:
        order = {article_id: i for i, article_id in enumerate(dict.fromkeys(chunk["article_id"]))}
        self.writer.add_chunk(name, in_article_order(name, chunk, order))

    def finish(self, frames: dict[str, pd.DataFrame], info: dict) -> Corpus:
        """Write the last chunks, then `frames` (articles, rejects) and info.json, and return the
        corpus, which reads its frames from the folder when they are used."""
        self._flush()
        return self.writer.finish(self.names, frames, info)

    def abort(self) -> None:
        self.writer.abort()
