"""Per-article cache of tagging results: parquet files keyed by content and pipeline, written atomically."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .frames import SCHEMAS

# Bump when the layout of a cache entry changes.
CACHE_FORMAT = 1


def cache_key(article: dict, fingerprint: dict) -> str:
    """Everything tagging output depends on: the text, its paragraph layout, the publication
    date (relative dates), the pipeline and newskit's extractor version."""
    published = article.get("published")
    payload = {
        "text": article["text"],
        "layout": article.get("layout"),
        "published": None if published is None or published != published else str(published)[:10],
        "pipeline": fingerprint,
        "format": CACHE_FORMAT,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode("utf-8")).hexdigest()


class Cache:
    """A folder of `<key[:2]>/<key>.parquet` entries, one per article.

    An entry holds the rows of every tagged frame in one table with a `frame` column. Entries
    are written to a temporary file and renamed into place, so a reader never sees half an entry
    and two runs sharing a cache cannot corrupt it.
    """

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.hits = self.misses = self.rebuilt = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.parquet"

    def get(self, key: str) -> dict[str, list[dict]] | None:
        path = self._path(key)
        if not path.exists():
            self.misses += 1
            return None
        try:
            table = pq.read_table(path)
            rows = table.to_pylist()
            declared = json.loads(table.schema.metadata[b"newskit_frames"])
            frames = {name: [] for name in declared}
            for row in rows:
                name = row.pop("frame")
                frames[name].append({k: v for k, v in row.items() if k in SCHEMAS[name]})
        except Exception:
            # truncated or corrupted entry: treat as missing, it is rewritten after tagging
            self.rebuilt += 1
            self.misses += 1
            return None
        self.hits += 1
        return frames

    def put(self, key: str, frames: dict[str, list[dict]]) -> None:
        rows = [{"frame": name, **row} for name, frame_rows in frames.items() for row in frame_rows]
        columns = list(dict.fromkeys(key for row in rows for key in row)) or ["frame"]
        # columns explicitly: from_pylist would take the schema from the first row only
        table = pa.table({column: [row.get(column) for row in rows] for column in columns})
        table = table.replace_schema_metadata({"newskit_frames": json.dumps(sorted(frames))})
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key[:8]}-", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            pq.write_table(table, tmp)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
