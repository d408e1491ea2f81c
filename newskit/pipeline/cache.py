"""Per-article cache of tagging results, packed into segment files with a checksummed index.

Layout of a cache folder:

    .lock                       flock'ed: shared by every run, exclusive while segments are merged
    segments/<name>.dat         entry payloads back to back: the entry's key (32 bytes), then the
                                zlib-compressed JSON of the article's frames
    segments/<name>.idx         one line per entry: key, offset, length, crc32 of the payload

Every entry is keyed by one article's content and the pipeline's fingerprint (`cache_key`), so
changing one article re-tags that article only. A run writes its new entries as whole segments:
payloads first, then the index, each to a temporary file renamed into place; a reader only looks at
`.idx` files, so it never sees half a segment, and two runs writing at once each add their own
segments. A payload whose checksum does not match (a truncated or overwritten file), or that
was written for another key (an index line pointing at another article's payload), counts in
`rebuilt` and is tagged again.

Files are opened without following symbolic links and only when they are regular files (a FIFO
would block the run forever): anything else in place of a segment is a miss, and in place of the
lock file an error naming it.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import secrets
import stat
import tempfile
import time
import zlib
from collections.abc import Iterable
from pathlib import Path

from newskit.frames import SCHEMAS

try:  # POSIX; elsewhere runs share a cache without a lock (writes stay atomic, merging is skipped)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

# Bump when the layout of a cache entry changes.
CACHE_FORMAT = 3
# New entries per segment file, and the segment count above which a run merges them into one.
SEGMENT_ENTRIES = 512
MAX_SEGMENTS = 64
_DATE_COLUMNS = {column for schema in SCHEMAS.values() for column, dtype in schema.items()
                 if dtype.startswith("datetime64")}


class CacheError(OSError):
    """The cache folder cannot be used (it is a file, or its lock file is a link or no file)."""


def cache_key(article: dict, fingerprint: dict, extractors: Iterable[str]) -> str:
    """Everything one article's tagging output depends on: its text, paragraph layout and
    publication date (relative dates), the pipeline's fingerprint (model, newskit's version, code
    and word lists: newskit.pipeline.model.pipeline_fingerprint) and which extractors run."""
    published = article.get("published")
    payload = {
        "text": article["text"],
        "layout": article.get("layout"),
        "published": None if published is None or published != published else str(published)[:10],
        "pipeline": fingerprint,
        "extractors": sorted(extractors),
        "format": CACHE_FORMAT,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def encode_entry(frames: dict[str, list[dict]]) -> bytes:
    """One article's frames as compressed JSON: per frame its column names and row values."""
    packed = {}
    for name, rows in frames.items():
        columns = list(dict.fromkeys(column for row in rows for column in row))
        packed[name] = [columns, [[row.get(column) for column in columns] for row in rows]]
    return zlib.compress(json.dumps(packed, default=_json_value, separators=(",", ":")).encode("utf-8"), 1)


def decode_entry(payload: bytes) -> dict[str, list[dict]]:
    """The inverse of `encode_entry`; dates come back as pandas Timestamps."""
    import pandas as pd

    frames = {}
    for name, (columns, values) in json.loads(zlib.decompress(payload)).items():
        rows = [dict(zip(columns, row)) for row in values]
        for column in _DATE_COLUMNS.intersection(columns):
            for row in rows:
                if isinstance(row[column], str):
                    row[column] = pd.Timestamp(row[column])
        frames[name] = rows
    return frames


def _json_value(value):
    if isinstance(value, (dt.date, dt.datetime)):  # also pandas Timestamps
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)


class Cache:
    """The cache in one folder; `get` and `put` entries by key, `close` when done.

    Lookups read every segment index once (on the first `get`); `put` buffers entries and writes
    a segment every SEGMENT_ENTRIES entries and at `close`. Use it as a context manager.
    """

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.segments = self.folder / "segments"
        self.hits = self.misses = self.rebuilt = 0
        self._index: dict[str, list[tuple[str, int, int, int]]] | None = None
        self._files: dict[str, object] = {}
        self._pending: list[tuple[str, bytes]] = []
        self._lock_file = None

    # -- context and locking ------------------------------------------------------------------

    def __enter__(self) -> Cache:
        self.open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def open(self) -> None:
        """Create the folder and take the shared lock (several runs may use a cache at once)."""
        for folder in (self.folder, self.segments):
            if folder.exists() and not folder.is_dir():
                raise CacheError(f"cache folder {folder} is a file, not a folder: pass another --cache / cache=")
        try:
            self.segments.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(f"cannot create the cache folder {self.segments}: {exc.strerror or exc}") from exc
        if fcntl is not None and self._lock_file is None:
            self._lock_file = _open_lock(self.folder / ".lock")
            fcntl.flock(self._lock_file, fcntl.LOCK_SH)

    def close(self) -> None:
        """Write buffered entries, merge segments when there are many, release the lock."""
        try:
            self.flush()
            self._maybe_merge()
        finally:
            for handle in self._files.values():
                handle.close()
            self._files.clear()
            if self._lock_file is not None:
                self._lock_file.close()  # releases the flock
                self._lock_file = None

    # -- reading --------------------------------------------------------------------------------

    def __len__(self) -> int:
        """How many distinct articles have an entry."""
        return len(self._load_index())

    def __contains__(self, key: str) -> bool:
        return key in self._load_index()

    def get(self, key: str) -> dict[str, list[dict]] | None:
        """An article's frames, or None when absent or unreadable (then counted in `rebuilt`)."""
        locations = self._load_index().get(key)
        if not locations:
            self.misses += 1
            return None
        for segment, offset, length, crc in reversed(locations):  # newest first
            frames = self._read(key, segment, offset, length, crc)
            if frames is not None:
                self.hits += 1
                return frames
        self.rebuilt += 1
        self.misses += 1
        return None

    def _read(self, key: str, segment: str, offset: int, length: int, crc: int) -> dict[str, list[dict]] | None:
        try:
            handle = self._files.get(segment)
            if handle is None:
                handle = self._files[segment] = os.fdopen(_open_regular(self.segments / f"{segment}.dat"), "rb")
            payload = _checked(key, _pread(handle.fileno(), length, offset), length, crc)
            return None if payload is None else decode_entry(payload[_KEY_BYTES:])
        except Exception:  # a vanished segment, no regular file, or a payload that does not decode
            return None

    def _load_index(self) -> dict[str, list[tuple[str, int, int, int]]]:
        if self._index is None:
            self._index = {}
            if self.segments.is_dir():
                for path in sorted(self.segments.glob("*.idx")):
                    for key, location in _read_index(path):
                        self._index.setdefault(key, []).append(location)
        return self._index

    # -- writing --------------------------------------------------------------------------------

    def put(self, key: str, frames: dict[str, list[dict]]) -> None:
        """Buffer an entry; a segment is written every SEGMENT_ENTRIES entries."""
        self._pending.append((key, bytes.fromhex(key) + encode_entry(frames)))
        if len(self._pending) >= SEGMENT_ENTRIES:
            self.flush()

    def flush(self) -> None:
        """Write the buffered entries as one segment (payloads, then the index that names them)."""
        if not self._pending:
            return
        self.segments.mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns():020d}-{os.getpid()}-{secrets.token_hex(4)}"
        lines, offset = [], 0
        for key, payload in self._pending:
            lines.append(f"{key} {offset} {len(payload)} {zlib.crc32(payload)}\n")
            offset += len(payload)
        _write_atomically(self.segments / f"{name}.dat", b"".join(payload for _, payload in self._pending))
        _write_atomically(self.segments / f"{name}.idx", "".join(lines).encode("ascii"))
        if self._index is not None:
            for line in lines:
                key, location = _parse_index_line(name, line)
                self._index.setdefault(key, []).append(location)
        self._pending.clear()

    def _maybe_merge(self) -> None:
        """Merge all segments into one when there are more than MAX_SEGMENTS, if no other run is
        using the cache (an exclusive lock taken without waiting)."""
        if fcntl is None or self._lock_file is None or len(list(self.segments.glob("*.idx"))) <= MAX_SEGMENTS:
            return
        try:
            fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return
        self._index = None
        old = sorted(self.segments.glob("*.idx"))
        merged = Cache(self.folder)
        merged._index = {}
        for key in self._load_index():
            payload = self._payload(key)
            if payload is not None:
                merged._pending.append((key, payload))
        merged.flush()
        for handle in self._files.values():
            handle.close()
        self._files.clear()
        for path in old:
            path.unlink(missing_ok=True)
            path.with_suffix(".dat").unlink(missing_ok=True)
        self._index = None

    def _payload(self, key: str) -> bytes | None:
        for segment, offset, length, crc in reversed(self._load_index().get(key, [])):
            with contextlib.suppress(OSError, ValueError):
                with os.fdopen(_open_regular(self.segments / f"{segment}.dat"), "rb") as handle:
                    payload = _checked(key, _pread(handle.fileno(), length, offset), length, crc)
                if payload is not None:
                    return payload
        return None


# Each payload starts with the key it was written for (sha256, 32 bytes).
_KEY_BYTES = 32


def _pread(fd: int, length: int, offset: int) -> bytes:
    """The bytes an index line names, or b"" when they are not all inside the file: a corrupted
    length must not make newskit allocate gigabytes."""
    if offset < 0 or length < 0 or offset + length > os.fstat(fd).st_size:
        return b""
    return os.pread(fd, length, offset)


def _checked(key: str, payload: bytes, length: int, crc: int) -> bytes | None:
    """The payload when it is whole (length, crc32) and was written for `key`, else None."""
    if len(payload) != length or zlib.crc32(payload) != crc or payload[:_KEY_BYTES] != bytes.fromhex(key):
        return None
    return payload


def _open_regular(path: Path) -> int:
    """A read-only descriptor of `path`, never through a symbolic link and never blocking (a FIFO
    opened for reading waits for a writer forever); OSError unless it is a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path} is not a regular file")
        os.set_blocking(fd, True)
        return fd
    except BaseException:
        os.close(fd)
        raise


def _open_lock(path: Path):
    """The lock file, created if absent, never through a symbolic link (a dangling one would make
    newskit create the file it points to); CacheError naming it when it is anything but a file."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError as exc:
        if path.is_symlink():
            raise CacheError(f"cache lock {path} is a symbolic link; newskit does not follow it: "
                             "remove it and run again") from exc
        raise CacheError(f"cannot open the cache lock {path}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise CacheError(f"cache lock {path} is not a regular file: remove it and run again")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "a+b")


def _read_index(path: Path):
    """(key, location) for each well-formed line of a segment index; broken lines are skipped, and
    an index that is no regular file (a link, a FIFO) gives none."""
    try:
        with os.fdopen(_open_regular(path), "rb") as handle:
            text = handle.read().decode("ascii", errors="replace")
    except OSError:
        return
    for line in text.splitlines():
        with contextlib.suppress(ValueError):
            yield _parse_index_line(path.stem, line)


def _parse_index_line(segment: str, line: str) -> tuple[str, tuple[str, int, int, int]]:
    key, offset, length, crc = line.split()
    if len(key) != 64 or key.strip("0123456789abcdef"):
        raise ValueError(line)
    return key, (segment, int(offset), int(length), int(crc))


def _write_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem[-8:]}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; others sharing the cache must read it
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
