"""Collect extractor rows into typed frames in chunks, so a large corpus never sits in memory as
dicts; with a folder, the chunks go straight to parquet files and nothing stays in memory."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from newskit.corpus import Corpus, info_json, write_frame
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
    """A FrameSink that writes each chunk to `folder/<frame>.parquet` (a row group per chunk) as soon
    as it is made, instead of keeping it: memory stays flat however many articles pass through.

    Articles must arrive in article order (tag() sends them so). Files are written under temporary
    names and renamed into place by `finish`, so a failed run leaves an earlier corpus there intact.
    Category columns are written as plain strings (a category's values may differ by chunk);
    `Corpus.load` gives every column its contract dtype back.
    """

    def __init__(self, names: tuple[str, ...], folder: str | os.PathLike, chunk_articles: int | None = None) -> None:
        super().__init__(names, chunk_articles)
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._writers: dict = {}

    def _temporary(self, name: str) -> Path:
        # named by process, so two runs writing to one folder do not write into each other's files
        return self.folder / f".{name}.{os.getpid()}.partial"

    def _keep(self, name: str, chunk: pd.DataFrame) -> None:
        import pyarrow.parquet as pq

        order = {article_id: i for i, article_id in enumerate(dict.fromkeys(chunk["article_id"]))}
        schema = _arrow(empty(name)).schema
        if name not in self._writers:
            self._writers[name] = pq.ParquetWriter(self._temporary(name), schema)
        self._writers[name].write_table(_arrow(in_article_order(name, chunk, order)).cast(schema))

    def finish(self, frames: dict[str, pd.DataFrame], info: dict) -> Corpus:
        """Write the last chunks and `frames` (articles, rejects) and info.json, move every file into
        place, and return the corpus, which reads its frames from the folder when they are used."""
        self._flush()
        self._close()
        for name in self.names:
            if not self._temporary(name).exists():  # no rows at all
                write_frame(empty(name), self._temporary(name))
        for name, frame in frames.items():
            write_frame(frame, self._temporary(name))
        self._temporary("info").write_text(info_json(info))
        for name in (*self.names, *frames):
            self._temporary(name).replace(self.folder / f"{name}.parquet")
        self._temporary("info").replace(self.folder / "info.json")
        return Corpus.load(self.folder)

    def abort(self) -> None:
        self._close()
        for path in self.folder.glob(f".*.{os.getpid()}.partial"):
            path.unlink(missing_ok=True)

    def _close(self) -> None:
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()


def _arrow(frame: pd.DataFrame):
    """A frame as an Arrow table with category columns as strings (every category in the frame
    contract is a string) and no pandas metadata."""
    import pyarrow as pa

    table = pa.Table.from_pandas(frame, preserve_index=False)
    for i, field in enumerate(table.schema):
        if pa.types.is_dictionary(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.large_string()))
    return table.replace_schema_metadata(None)
