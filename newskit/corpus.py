"""Corpus: the tagged frames of a set of articles, and the saved-folder format (one parquet file per
frame plus info.json), which only this module writes: `Corpus.save` and, for tag(out=...), the
`FolderWriter` that streams frames into a folder chunk by chunk."""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newskit.frames import FRAMES, REJECT_COLUMNS, conform, empty, no_rejects

# Columns without which a saved frame is not newskit's (older saves may lack others: they are added).
REQUIRED_COLUMNS = {"articles": ["article_id", "text"], **{name: ["article_id"] for name in FRAMES},
                    "rejects": REJECT_COLUMNS}
_PARTIAL = re.compile(r"^\.(?P<name>\w+)\.(?P<pid>\d+)\.partial$")


class CorpusError(ValueError):
    """A saved-corpus folder that cannot be read or written; the message names the file."""


@dataclass
class Corpus:
    """Articles and everything found in them, one tidy frame per kind of thing.

    Every span row (paragraphs, sentences, entities, timexes) satisfies
    `articles.text[start:end] == row.text`; quotes satisfy it with `row.content`.
    """

    articles: pd.DataFrame
    paragraphs: pd.DataFrame = field(default_factory=lambda: empty("paragraphs"))
    sentences: pd.DataFrame = field(default_factory=lambda: empty("sentences"))
    entities: pd.DataFrame = field(default_factory=lambda: empty("entities"))
    quotes: pd.DataFrame = field(default_factory=lambda: empty("quotes"))
    timexes: pd.DataFrame = field(default_factory=lambda: empty("timexes"))
    rejects: pd.DataFrame | None = field(default_factory=lambda: no_rejects())
    info: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.rejects is None:
            self.rejects = no_rejects()

    def __getattr__(self, name: str):
        # only for attributes not set yet: a frame of a loaded corpus, read when first used
        files = self.__dict__.get("_files") or {}
        if name not in files:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        path, stamp = files[name]
        if _stamp(path) != stamp:
            raise RuntimeError(f"{path} changed after this corpus was loaded from {path.parent}; "
                               "load it again with Corpus.load()")
        try:
            frame = pd.read_parquet(path)
            saved = set(frame.columns)
            frame = conform(name, frame) if name in FRAMES else frame
        except Exception as exc:  # pyarrow's errors name no file
            raise CorpusError(f"{path}: cannot read this frame ({type(exc).__name__}: {exc}); "
                              "write the corpus again") from exc
        setattr(self, name, _with_copies(self, name, frame, saved))
        return self.__dict__[name]

    def __repr__(self) -> str:
        counts = ", ".join(f"{self._rows(name):,} {name}" for name in FRAMES)
        return f"<newskit.Corpus: {self._rows('articles'):,} articles, {counts}, {self._rows('rejects'):,} rejects>"

    def _rows(self, name: str) -> int:
        """A frame's length, from the parquet footer when the frame has not been read yet."""
        if name in self.__dict__ or name not in (self.__dict__.get("_files") or {}):
            return len(getattr(self, name))
        import pyarrow.parquet as pq

        return pq.ParquetFile(self._files[name][0]).metadata.num_rows

    def frames(self) -> dict[str, pd.DataFrame]:
        return {"articles": self.articles, **{name: getattr(self, name) for name in FRAMES}, "rejects": self.rejects}

    def with_frames(self, **frames: pd.DataFrame) -> Corpus:
        """A new Corpus with some frames replaced (the others shared, read when first used)."""
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        new._files = {k: v for k, v in (self.__dict__.get("_files") or {}).items() if k not in frames}
        new.info = dict(self.info)
        for name, frame in frames.items():
            setattr(new, name, frame)
        return new

    @property
    def stories(self) -> pd.DataFrame:
        """One row per story (an article and its near-duplicate copies): story_id, original,
        title, n_articles, sources, first / last published, articles (see newskit.analysis.copies)."""
        from newskit.analysis.copies import stories

        return stories(self.articles)

    def with_copies(self, threshold: float | None = None, quote_threshold: float | None = None) -> Corpus:
        """The corpus with stories (`articles.story_id` / `copy_of`) and quote groups
        (`quotes.quote_group` / `in_copy`) found again with other thresholds (defaults:
        newskit.analysis.copies.STORY_THRESHOLD and QUOTE_THRESHOLD); no re-tagging."""
        from newskit.analysis import copies

        return copies.mark_copies(self, copies.STORY_THRESHOLD if threshold is None else threshold,
                                  copies.QUOTE_THRESHOLD if quote_threshold is None else quote_threshold)

    def with_aliases(self, aliases) -> Corpus:
        """The corpus linked again with an aliases table (a CSV path such as data/aliases.csv,
        a DataFrame or a dict alias -> entity; see newskit.analysis.linking.aliases): no re-tagging."""
        from newskit.analysis.linking.link import link

        return link(self, aliases)

    def export(self, folder: str | os.PathLike, format: str = "csv", frames: list[str] | None = None) -> list[Path]:
        """Every frame (or those in `frames`) as CSV files, parquet files or one Excel workbook in
        `folder`, for spreadsheets and other tools (see newskit.view.export). Returns the files."""
        from newskit.view.export import export

        return export(self, folder, format=format, frames=frames)

    def show(self, article_id: str, highlight=None):
        """An HTML view of one article with its entities, quotes and dates highlighted; `highlight`
        (an entity's canonical name) marks that entity's mentions and quotes."""
        from newskit.view.show import render_article

        return render_article(self, article_id, highlight=highlight)

    def save(self, folder: str | os.PathLike) -> Path:
        """Write every frame to `folder/<frame>.parquet` (plus info.json); returns the folder. Files
        are written under temporary names and renamed into place once all are written."""
        writer = FolderWriter(folder)
        writer.commit((), self.frames(), self.info)
        return writer.folder

    @classmethod
    def load(cls, folder: str | os.PathLike) -> Corpus:
        """A corpus written by `save` or `tag(..., out=folder)`. Each frame is read from its parquet
        file when it is first used, so loading is instant and a frame never used is never read; a
        file changed after loading raises an error instead of mixing two runs."""
        folder = Path(folder)
        if not (folder / "articles.parquet").exists():
            raise FileNotFoundError(f"{folder} holds no saved corpus (no articles.parquet); "
                                    "write one with Corpus.save() or `python -m newskit analyze ... --out`")
        corpus = cls.__new__(cls)
        corpus.info = _read_info(folder / "info.json")
        corpus._files = {}
        for name in ("articles", *FRAMES, "rejects"):
            path = folder / f"{name}.parquet"
            if path.exists():
                _check_frame_file(name, path)
                corpus._files[name] = (path, _stamp(path))
            else:  # an older save without this frame
                setattr(corpus, name, no_rejects() if name == "rejects" else empty(name))
        return corpus


def _with_copies(corpus: Corpus, name: str, frame: pd.DataFrame, saved: set[str]) -> pd.DataFrame:
    """A frame saved before copies were found (no story_id in articles, no quote_group in quotes)
    with them found now, as tag() would have."""
    from newskit.frames import ARTICLE_STORY_SCHEMA

    if name == "articles" and not set(ARTICLE_STORY_SCHEMA) <= saved:
        from newskit.analysis.copies import with_stories

        return with_stories(frame)
    if name == "quotes" and not {"quote_group", "in_copy"} <= saved:
        from newskit.analysis.copies import with_quote_groups

        return conform("quotes", with_quote_groups(frame, corpus.articles))
    return frame


def _read_info(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CorpusError(f"{path}: not valid JSON ({exc}); write the corpus again") from exc
    if not isinstance(info, dict):
        raise CorpusError(f"{path}: holds a JSON {type(info).__name__}, not newskit's run info")
    return info


def _check_frame_file(name: str, path: Path) -> None:
    """A saved frame must be a parquet file with the frame's key columns (read from its footer
    only, so loading stays instant); CorpusError naming the file otherwise."""
    import pyarrow.parquet as pq

    try:
        columns = pq.read_schema(path).names
    except Exception as exc:  # ArrowInvalid, OSError ...: the footer is not parquet's
        raise CorpusError(f"{path}: not a parquet file ({exc})") from exc
    missing = [column for column in REQUIRED_COLUMNS[name] if column not in columns]
    if missing:
        raise CorpusError(f"{path}: no column {missing[0]!r}, so it is not newskit's {name} frame "
                          f"(columns: {', '.join(columns[:8]) or 'none'}); is this folder a saved newskit corpus?")


class FolderWriter:
    """Writes a saved-corpus folder: frames arrive whole (`commit`) or chunk by chunk (`add_chunk`,
    a parquet row group per chunk), into per-process temporary files that `commit` renames into
    place only when everything is written, so a failed run leaves an earlier corpus intact and two
    runs writing to one folder never write into each other's files."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise CorpusError(f"{self.folder} is a file, not a folder: write the corpus to a folder (--out / out=)")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CorpusError(f"cannot create the corpus folder {self.folder}: {exc.strerror or exc}") from exc
        self._writers: dict = {}
        self._remove_dead_partials()

    def _remove_dead_partials(self) -> None:
        """Remove the temporary files of runs that were killed (their process is gone); never
        those of a live process, which may be writing into this folder right now."""
        for path in self.folder.glob(".*.partial"):
            found = _PARTIAL.match(path.name)
            if found and not _alive(int(found["pid"])):
                path.unlink(missing_ok=True)

    def _temporary(self, name: str) -> Path:
        return self.folder / f".{name}.{os.getpid()}.partial"

    def add_chunk(self, name: str, chunk: pd.DataFrame) -> None:
        """Append a chunk of frame `name` (rows in their final order) to its file."""
        import pyarrow.parquet as pq

        schema = _arrow(empty(name)).schema
        if name not in self._writers:
            self._writers[name] = pq.ParquetWriter(self._temporary(name), schema)
        self._writers[name].write_table(_arrow(chunk).cast(schema))

    def finish(self, streamed: tuple[str, ...], frames: dict[str, pd.DataFrame], info: dict) -> Corpus:
        """`commit`, then the corpus as loaded from the folder (frames read when first used)."""
        self.commit(streamed, frames, info)
        return Corpus.load(self.folder)

    def commit(self, streamed: tuple[str, ...], frames: dict[str, pd.DataFrame], info: dict) -> None:
        """Close the streamed frames (`streamed`; an empty frame for one that got no chunk), write
        the whole `frames` and info.json, then move every file into place."""
        self._close()
        for name in streamed:
            if not self._temporary(name).exists():
                write_frame(empty(name), self._temporary(name))
        for name, frame in frames.items():
            write_frame(frame, self._temporary(name))
        self._temporary("info").write_text(info_json(info))
        for name in (*streamed, *frames):
            self._temporary(name).replace(self.folder / f"{name}.parquet")
        self._temporary("info").replace(self.folder / "info.json")

    def abort(self) -> None:
        """The run failed: remove this process's temporary files."""
        self._close()
        for path in self.folder.glob(f".*.{os.getpid()}.partial"):
            path.unlink(missing_ok=True)

    def _close(self) -> None:
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()


def _arrow(frame: pd.DataFrame):
    """A frame as an Arrow table with category columns as strings (every category in the frame
    contract is a string; a category's values may differ by chunk) and no pandas metadata;
    `Corpus.load` gives every column its contract dtype back."""
    import pyarrow as pa

    table = pa.Table.from_pandas(frame, preserve_index=False)
    for i, field in enumerate(table.schema):
        if pa.types.is_dictionary(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.large_string()))
    return table.replace_schema_metadata(None)


def write_frame(frame: pd.DataFrame, path: Path) -> None:
    """One frame as parquet, without pandas attrs (the articles' rejects live in their own file)."""
    frame = frame.copy(deep=False)
    frame.attrs = {}
    frame.to_parquet(path, index=False)


def info_json(info: dict) -> str:
    return json.dumps(info, indent=2, sort_keys=True, default=str) + "\n"


def _alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (a process of another user counts)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):  # another user's, or no pid at all
        return pid > 0
    return True


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size
