"""read_articles: files, folders, globs, JSONL/CSV, HTML and wire formats into one articles frame."""
from __future__ import annotations

import errno
import glob
import gzip
import hashlib
import os
import re
import stat
import warnings
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from newskit.extract import lexicon
from newskit.frames import rejects_attr
from newskit.read.decode import DecodeError, decode_bytes
from newskit.read.draft import Draft
from newskit.read.formats.anpa import looks_like_anpa, read_anpa
from newskit.read.formats.archives import ArchiveTally, check_language, read_archive
from newskit.read.formats.errors import Reject
from newskit.read.formats.html import looks_like_html, read_html
from newskit.read.formats.mail import looks_like_email, read_email
from newskit.read.formats.newsml import looks_like_newsml, read_newsml
from newskit.read.formats.plain import read_plain
from newskit.read.formats.records import check_fields, read_csv, read_json, read_jsonl
from newskit.read.structure import Structured, build
from newskit.read.years import dateline_year_candidates

MAX_BYTES = 10 * 1024 * 1024
"""Largest single-article file (and largest `text` of one JSONL/CSV record) read by default: 10 MB.
News articles are kilobytes; anything bigger is almost always a dump or a binary. Raise it with
`read_articles(..., max_bytes=...)` or `--max-bytes`."""

MANIFEST = "manifest.csv"

MAX_REJECTS_PER_FILE = 20
"""Reject rows listed for one input file; the rest are counted in one summary row, so a 10 MB .json of
[1,1,1,...] gives 21 rows, not five million."""

# File types by extension, each one of the kinds _read_file knows (text, jsonl, json, csv, html,
# xml, email); "sniff" means decide from the content.
_KINDS: dict[str, str] = lexicon.table("read/file_kinds")

# Files that describe a corpus rather than belong to it, skipped (and listed) when a folder is read.
_CORPUS_DOCS = re.compile(
    r"^(" + "|".join(map(re.escape, lexicon.entries("read/corpus_docs"))) + r")(\.[a-z]+)?$", re.IGNORECASE
)

ARTICLE_COLUMNS = [
    "article_id", "path", "source", "title", "subtitle", "place", "region", "published",
    "published_from", "text", "n_words", "url", "dateline", "dateline_start", "dateline_end",
    "date_text", "agency", "layout", "format", "encoding", "year_candidates", "published_issue",
    # web archives only: when the page was fetched (WARC-Date, UTC) and py3langid's language of its text
    "fetched", "language",
]
PUBLISHED_FROM = ["manifest", "metadata", "dateline", "inferred"]
_TEXT_COLUMNS = [
    "article_id", "path", "source", "title", "subtitle", "place", "region", "text", "url", "dateline",
    "date_text", "agency", "layout", "format", "encoding", "published_issue", "language",
]


class NewskitInputError(ValueError):
    """An input could not be read and `errors="raise"` was asked for."""


@dataclass
class _Input:
    path: Path
    shown: str  # the path as the user will see it in frames and rejects
    manifest: dict | None


def read_articles(
    source: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    year: int | None = None,
    errors: str = "collect",
    max_bytes: int = MAX_BYTES,
    fields: dict[str, str] | None = None,
    language: str | Iterable[str] | None = "en",
    scheduler=None,
) -> pd.DataFrame:
    """Read news articles into a DataFrame, one row per article.

    Args:
        source: a file, a folder (read recursively), a glob pattern, or a list of them.
        year: the year for datelines that give only month and day ("MOSCOW, July 29 /TASS/.").
        errors: "collect" lists unreadable inputs in the rejects report and warns once;
            "raise" stops at the first one with a NewskitInputError naming the file.
        max_bytes: size limit for one article (see MAX_BYTES).
        fields: for JSON, JSONL and CSV records whose fields are named otherwise, newskit's field
            -> the records' ({"text": "body-paragraphs", "published": "date"}); a text that is a
            list of strings is joined into paragraphs.
        language: for web archives (.warc, .warc.gz, .arc, .arc.gz): the language(s) of the pages
            kept, as ISO 639-1 codes ("en", ["en", "de"]); "any" keeps every page (and still names
            its language in the `language` column); None keeps every page without identifying its
            language (a little faster). A page goes to the rejects when py3langid names another
            language with probability >= 0.9 (newskit.read.formats.archives.LANGUAGE_CONFIDENCE).
            English prose is recognised by its function words first only when "en" is wanted.
            Other formats are never filtered.
        scheduler: a Dask scheduler address or a distributed.Client: each web-archive file is then
            read by one task on that cluster (its workers must see the file at the same path); the
            frame is the one a local read gives. Other inputs are read here.

    Returns:
        The articles frame (columns in ARTICLE_COLUMNS). `newskit.rejects(articles)` is the
        DataFrame(path, reason) of every input that was not loaded (carried in
        `articles.attrs["rejects"]` as JSON text, which every pandas operation keeps).
    """
    if errors not in ("collect", "raise"):
        raise ValueError(f"errors must be 'collect' or 'raise', not {errors!r}")
    fields = check_fields(fields)
    language = check_language(language)
    rows: list[dict] = []
    rejects: list[Reject] = []
    seen: dict[str, tuple[str, str]] = {}  # article_id -> (path, text)
    undated: list[str] = []

    def reject(item: Reject) -> None:
        if errors == "raise":
            raise NewskitInputError(f"{item.path}: {item.reason}")
        rejects.append(item)

    options = (max_bytes, errors, fields, year, language)
    remote = _RemoteArchives(scheduler, source, options) if scheduler is not None else None
    try:
        for item in _inputs(source, reject):
            refused = 0
            tally = None
            dropped = Counter()  # rejected here, after the reader: no text, duplicates

            def refuse(item_reject: Reject) -> None:
                nonlocal refused
                refused += 1
                if refused <= MAX_REJECTS_PER_FILE:
                    reject(item_reject)

            results = remote.results(item) if remote is not None else None
            for result in results if results is not None else _item_rows(item, *options):
                if isinstance(result, ArchiveTally):
                    tally = result
                    continue
                if isinstance(result, Reject):
                    if result.reason == _NO_TEXT:
                        dropped["no text left"] += 1
                    refuse(result)
                    continue
                row = result
                first = seen.get(row["article_id"])
                if first is not None:
                    same = "same text" if first[1] == row["text"] else "same id, different text"
                    dropped["duplicate"] += 1
                    refuse(Reject(row["path"], f"duplicate of {first[0]} ({same}); kept the first"))
                    continue
                seen[row["article_id"]] = (row["path"], row["text"])
                if row["published_from"] is None:
                    undated.append(row["path"] + (f" ({row['published_issue']})" if row["published_issue"] else ""))
                rows.append(row)
            if tally is not None and refused:
                reject(Reject(item.shown, _archive_summary(tally, dropped, refused)))
            elif refused > MAX_REJECTS_PER_FILE:
                reject(Reject(item.shown, f"... and {refused - MAX_REJECTS_PER_FILE:,} more rejected records in this "
                                          f"file (the first {MAX_REJECTS_PER_FILE} are listed)"))
    finally:
        if remote is not None:
            remote.close()

    articles = _frame(rows)
    articles.attrs["rejects"] = rejects_attr((r.path, r.reason) for r in rejects)
    if rejects:
        warnings.warn(
            f"newskit: {len(rejects)} input(s) could not be read and were left out "
            f"(see newskit.rejects(articles)): "
            + "; ".join(f"{r.path}: {r.reason}" for r in rejects[:3])
            + (" ..." if len(rejects) > 3 else ""),
            stacklevel=2,
        )
    if undated:
        warnings.warn(
            f"newskit: no publication date for {len(undated)} article(s); `published` is left missing. "
            "Add a manifest.csv (path,published) beside them, or pass year= for year-less datelines: "
            + ", ".join(undated[:5]) + (" ..." if len(undated) > 5 else ""),
            stacklevel=2,
        )
    return articles


# --- inputs -----------------------------------------------------------------------------------


def _inputs(source, reject) -> Iterator[_Input]:
    sources = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    if not sources:
        raise ValueError("read_articles needs at least one file, folder or glob pattern")
    for src in sources:
        shown_root = os.fspath(src)
        path = Path(shown_root).expanduser()
        if path.is_dir():
            manifests = _ManifestIndex(path, shown_root, reject)
            for file in sorted(path.rglob("*")):  # "**" never follows links to folders (no loops)
                rel = file.relative_to(path)
                if file.name == MANIFEST or (file.is_dir() and not file.is_symlink()):
                    continue
                shown = printable_path(os.path.normpath(os.path.join(shown_root, rel)))
                if any(part.startswith(".") for part in rel.parts):
                    reject(Reject(shown, "hidden file or folder, not read (rename it to include it)"))
                    continue
                if not file.is_file():
                    reject(Reject(shown, _not_a_file(file)))
                    continue
                if _CORPUS_DOCS.match(file.name):
                    reject(Reject(shown, "corpus documentation (README/LICENSE), not an article; "
                                         "name the file directly to read it"))
                    continue
                yield _Input(file, shown, manifests.lookup(file))
            manifests.report_unmatched()
        elif path.is_file():
            manifests = _ManifestIndex(path.parent, os.path.dirname(shown_root), reject)
            yield _Input(path, printable_path(os.path.normpath(shown_root)), manifests.lookup(path))
        elif glob.has_magic(shown_root):
            matches = [m for m in _glob(os.path.expanduser(shown_root))
                       if os.path.basename(m) != MANIFEST and not os.path.isdir(m)]
            if not matches:
                raise FileNotFoundError(f"no files match {printable_path(shown_root)!r}")
            for match in matches:
                shown = printable_path(os.path.normpath(match))
                if not os.path.isfile(match):
                    reject(Reject(shown, _not_a_file(Path(match))))
                    continue
                manifests = _ManifestIndex(Path(match).parent, os.path.dirname(match), reject)
                yield _Input(Path(match), shown, manifests.lookup(Path(match)))
        elif path.is_symlink() or path.exists():
            reject(Reject(printable_path(os.path.normpath(shown_root)), _not_a_file(path)))
        else:
            raise FileNotFoundError(f"no such file or folder: {printable_path(shown_root)!r}")


def printable_path(path: str) -> str:
    """A path as text that every frame, file and terminal can hold: the bytes of a file name that are
    not UTF-8 (which Python carries as lone surrogates) are shown as backslash escapes (caf\\xe9.txt)."""
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # surrogates that are not escaped bytes
        return path.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _not_a_file(path: Path) -> str:
    """Why a path that is neither a folder nor a regular file is not read."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "broken symbolic link (what it points to does not exist)"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return "symbolic link to a folder, not followed (name the folder itself to read it)"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    return "not a regular file"


def _glob(pattern: str) -> list[str]:
    """The paths matching a glob pattern, sorted. "**" does not follow links to folders (glob.glob's
    does, and a link loop then makes it run for ever); hidden files and folders match only a pattern
    that names them, as with glob.glob."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    root = Path(*parts[:fixed]) if fixed else Path(".")
    rest = Path(*parts[fixed:])
    wants_hidden = any(part.startswith(".") for part in rest.parts)
    found = []
    for match in root.glob(str(rest)):
        if wants_hidden or not any(part.startswith(".") for part in match.relative_to(root).parts):
            found.append(os.path.join(*parts[:fixed], str(match.relative_to(root))) if fixed else str(match))
    return sorted(found)


class _ManifestIndex:
    """The manifest.csv files of a folder tree; the nearest one above a file describes it."""

    def __init__(self, root: Path, shown_root: str, reject) -> None:
        self.entries: dict[Path, dict] = {}
        self.used: set[Path] = set()
        self.reject = reject
        self.shown: dict[Path, str] = {}
        manifests = [root / MANIFEST] if not root.is_dir() else sorted(root.rglob(MANIFEST))
        for manifest in manifests:
            if manifest.is_file():
                shown = printable_path(os.path.normpath(os.path.join(shown_root, manifest.relative_to(root))))
                self._load(manifest, shown)

    def _load(self, manifest: Path, shown: str) -> None:
        try:
            table = pd.read_csv(manifest, dtype=str, keep_default_na=False, encoding_errors="replace")
        except Exception as exc:
            self.reject(Reject(shown, f"manifest could not be read: {exc}"))
            return
        if "path" not in table.columns:
            self.reject(Reject(shown, f"manifest has no 'path' column (columns: {', '.join(table.columns)})"))
            return
        for number, record in enumerate(table.to_dict("records"), start=1):
            try:
                target = (manifest.parent / record["path"]).resolve()
            except (OSError, ValueError) as exc:  # a NUL byte, a name too long for the system
                self.reject(Reject(f"{shown}:{number}", f"manifest row names an impossible path: {exc}"))
                continue
            self.entries[target] = {k: v.strip() for k, v in record.items() if isinstance(v, str) and v.strip()}
            self.shown[target] = f"{shown} -> {record['path']}"

    def lookup(self, file: Path) -> dict | None:
        key = file.resolve()
        if key in self.entries:
            self.used.add(key)
            return self.entries[key]
        return None

    def report_unmatched(self) -> None:
        for key in sorted(set(self.entries) - self.used):
            if not os.path.exists(key):  # False, not an error, for a name too long
                self.reject(Reject(self.shown[key], "manifest lists a file that does not exist"))


# --- one input --------------------------------------------------------------------------------

_NO_TEXT = "no article text left after removing site chrome"


def _item_rows(item: _Input, max_bytes: int, errors: str, fields: dict | None, year: int | None,
               language: frozenset[str] | None) -> Iterator[dict | Reject | ArchiveTally]:
    """One input's article rows (before duplicates are dropped), its rejects and, for a web archive,
    its tally; streamed. The same function runs here and, for a web archive on Dask, in a task."""
    for result in _read_input(item, max_bytes, errors, fields, language):
        if not isinstance(result, Draft):
            yield result
            continue
        structured = build(result)
        if not structured.text.strip():
            yield Reject(result.path, _NO_TEXT)
            continue
        yield _article_row(result, structured, item.manifest, year)


def archive_task(item: _Input, options: tuple) -> list[dict | Reject | ArchiveTally]:
    """A Dask task: every row, reject and the tally of one web-archive file."""
    return list(_item_rows(item, *options))


def _archive_summary(tally: ArchiveTally, dropped: Counter, refused: int) -> str:
    """The summary row of a web-archive file with rejects: what it held, what was kept, and why the
    rest was not."""
    rejected = tally.rejected + dropped
    kept = tally.pages - dropped["no text left"] - dropped["duplicate"]
    listed = (f" (the first {MAX_REJECTS_PER_FILE} are listed; ... and {refused - MAX_REJECTS_PER_FILE:,} more "
              "rejected records in this file)" if refused > MAX_REJECTS_PER_FILE else " (each listed above)")
    parts = [f"web archive summary: {tally.records:,} records, {kept:,} articles read; "
             f"{sum(rejected.values()):,} rejected{listed}: " + _counts(rejected)]
    if tally.skipped:
        parts.append(f"{sum(tally.skipped.values()):,} records skipped as not pages: " + _counts(tally.skipped))
    return "; ".join(parts)


def _counts(counter: Counter) -> str:
    return ", ".join(f"{count:,} {name}" for name, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


class _RemoteArchives:
    """Web-archive files read on a Dask cluster, one task per file, all submitted up front (the
    inputs are listed twice: once here, once as the local read goes); each task's answer is taken in
    input order, so the frame is the local one."""

    def __init__(self, scheduler, source, options: tuple) -> None:
        from newskit.pipeline.executors import connect

        self._connection = connect(scheduler)
        client = self._connection.__enter__()
        self.futures = {}
        for item in _inputs(source, lambda _reject: None):
            if _is_archive(item.path) and item.path.is_file():
                key = os.fspath(item.path)
                if key not in self.futures:
                    self.futures[key] = client.submit(archive_task, item, options, pure=False)

    def results(self, item: _Input) -> list | None:
        future = self.futures.pop(os.fspath(item.path), None)
        if future is None:
            return None
        answer = future.result()
        future.release()
        return answer

    def close(self) -> None:
        for future in self.futures.values():
            future.cancel()
        self._connection.__exit__(None, None, None)


def _is_archive(path: Path) -> bool:
    gzipped = path.suffix.lower() == ".gz"
    suffix = Path(path.stem).suffix.lower() if gzipped else path.suffix.lower()
    return _KINDS.get(suffix) == "archive"


def _read_input(item: _Input, max_bytes: int, errors: str, fields: dict | None = None,
                language: frozenset[str] | None = None) -> Iterator[Draft | Reject | ArchiveTally]:
    results = 0
    try:
        for results, result in enumerate(_read_file(item.path, item.shown, max_bytes, fields, language), start=1):
            yield result
        if not results:  # a CSV with only a header, an empty JSON array, a JSONL file of blank lines
            yield Reject(item.shown, "no records in the file")
    except (OSError, EOFError, zlib.error, DecodeError, ValueError) as exc:  # (EOFError, zlib: a broken .gz)
        yield Reject(item.shown, f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a reader bug must not end the whole run
        if errors == "raise":
            raise
        yield Reject(item.shown, f"unexpected {type(exc).__name__} while reading: {exc}")


def _read_file(path: Path, shown: str, max_bytes: int, fields: dict | None = None,
               language: frozenset[str] | None = None) -> Iterator[Draft | Reject | ArchiveTally]:
    gzipped = path.suffix.lower() == ".gz"  # "feed.jsonl.gz": the suffix before .gz says the format
    suffix = Path(path.stem).suffix.lower() if gzipped else path.suffix.lower()
    kind = _KINDS.get(suffix)
    if kind is None or (gzipped and kind == "sniff"):
        supported = ", ".join(sorted(k for k in _KINDS if k))
        yield Reject(shown, f"unsupported file type '{''.join(path.suffixes[-2:]) if gzipped else path.suffix}' "
                            f"(newskit reads {supported}, each also gzip'd as .gz)")
        return
    if kind == "archive":  # streamed record by record, whatever the file's size
        yield from read_archive(path, shown, max_bytes, language)
        return
    if kind == "jsonl":
        yield from read_jsonl(path, shown, max_bytes, fields, opener=gzip.open if gzipped else open)
        return
    limit = max_bytes * 20 if kind in ("json", "csv") else max_bytes
    data = _gunzip(path, limit) if gzipped else None
    if isinstance(data, Reject):
        yield Reject(shown, data.reason)
        return
    size = len(data) if data is not None else path.stat().st_size
    if size == 0:
        yield Reject(shown, "empty file")
        return
    if size > limit:
        yield Reject(shown, f"file is {size / 1e6:.1f} MB{' uncompressed' if gzipped else ''}, over the "
                            f"{limit / 1e6:.0f} MB limit (raise it with max_bytes= / --max-bytes if this is really one article)")
        return
    data = data if data is not None else path.read_bytes()
    if kind == "json":
        yield from read_json(data, shown, max_bytes, fields)
        return
    if kind == "csv":
        yield from read_csv(data, shown, max_bytes, fields)
        return
    if kind in ("xml", "sniff", "text") and looks_like_newsml(data):
        for draft in read_newsml(data, shown):
            draft.path = shown
            yield draft
        return
    if kind == "xml":
        yield Reject(shown, "XML file is not NewsML 1.2 or NewsML-G2")
        return
    if kind == "email":
        yield from read_email(data, shown)
        return
    decoded = decode_bytes(data)
    text = decoded.text
    if kind in ("text", "sniff") and looks_like_email(text):
        yield from read_email(data, shown)
        return
    if kind == "html" or looks_like_html(text):
        result = read_html(text, shown)
    elif looks_like_anpa(text):
        try:
            result = read_anpa(text, shown)
            result.path = shown
        except ValueError:  # control characters but no ANPA structure: read it as plain text
            result = read_plain(text, shown)
    else:
        result = read_plain(text, shown)
    if isinstance(result, Draft):
        result.extra.setdefault("encoding", decoded.encoding)
    yield result


def _gunzip(path: Path, limit: int) -> bytes | Reject:
    """A .gz file's content, read at most limit + 1 bytes far (a gzip bomb stops there)."""
    try:
        with gzip.open(path, "rb") as fh:
            return fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return Reject(str(path), f"not a readable gzip file ({exc})")


# --- rows -------------------------------------------------------------------------------------

_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T\d{2,6}([+-]\d{2}:?\d{2}|Z)?)?$")
# ISO 8601 dates and times ("2016-07-29", "2016-07-29T10:27:08+03:00"): Python parses these ten times
# faster than pandas' mixed-format parser, which stays for everything else
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def parse_date(value: str | None) -> pd.Timestamp | None:
    """A publication date from metadata ("2016-07-29", "20190121T102708", RFC 2822 ...), day precision."""
    if not value:
        return None
    value = str(value).strip()
    compact = _COMPACT_DATE.match(value)
    if compact:
        value = f"{compact[1]}-{compact[2]}-{compact[3]}"
    stamp = None
    if _ISO_DATE.match(value):
        try:
            stamp = pd.Timestamp(datetime.fromisoformat(value))
        except (ValueError, OverflowError):  # year 0, February 30: pandas decides, as for any other text
            stamp = None
    if stamp is None:
        try:
            stamp = pd.to_datetime(value, utc=False, format="mixed")
        except (ValueError, TypeError, OverflowError):
            return None
    if pd.isna(stamp):
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return stamp.normalize()


def _published(manifest: dict | None, draft: Draft, structured: Structured, year: int | None):
    from_manifest = parse_date(manifest.get("published")) if manifest else None
    if from_manifest is not None:
        return from_manifest, "manifest"
    from_metadata = parse_date(draft.published)
    if from_metadata is not None:
        return from_metadata, "metadata"
    dateline = structured.dateline
    if dateline is not None and dateline.month and dateline.day:
        for chosen, provenance in ((dateline.year, "dateline"), (year, "inferred")):
            if chosen:
                try:
                    return pd.Timestamp(chosen, dateline.month, dateline.day), provenance
                except ValueError:
                    return None, None
    return None, None


def article_id_for(text: str) -> str:
    """A stable id from the article's content: the same text gives the same id everywhere."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


EARLIEST_PUBLISHED = pd.Timestamp("1900-01-01")


def untrusted_date(published: pd.Timestamp | None, today: pd.Timestamp | None = None) -> str | None:
    """Why a publication date cannot be right (in the future, or before 1900), else None."""
    if published is None:
        return None
    today = today or pd.Timestamp.today().normalize()
    # not .date(): pandas parses year 0 and negative years ("-1", an export's "unknown"), which
    # Python's date cannot hold
    day = f"{published.year:04d}-{published.month:02d}-{published.day:02d}"
    if published > today:
        return f"publication date {day} is in the future; not used"
    if published < EARLIEST_PUBLISHED:
        return f"publication date {day} is before 1900; not used"
    return None


def _article_row(draft: Draft, structured: Structured, manifest: dict | None, year: int | None) -> dict:
    manifest = manifest or {}
    published, published_from = _published(manifest, draft, structured, year)
    # a date from the future or before 1900 is a typo or a placeholder: flag it, never anchor on it
    published_issue = untrusted_date(published)
    if published_issue:
        published, published_from = None, None
    dateline = structured.dateline
    dateline_end = None
    if structured.dateline_start is not None and dateline is not None:
        dateline_end = structured.dateline_start + len(dateline.text)
    return {
        "article_id": draft.article_id or article_id_for(structured.text),
        "path": draft.path,
        "source": manifest.get("source") or draft.source or (dateline.agency if dateline else None),
        "title": structured.title,
        "subtitle": structured.subtitle,
        "place": (dateline.place if dateline else None) or draft.place,
        "region": dateline.region if dateline else None,
        "published": published,
        "published_from": published_from,
        "text": structured.text,
        "n_words": len(structured.text.split()),
        "url": manifest.get("url") or draft.url,
        "dateline": dateline.text if dateline else None,
        "dateline_start": structured.dateline_start,
        "dateline_end": dateline_end,
        "date_text": dateline.date_text if dateline else None,
        "agency": dateline.agency if dateline else None,
        "layout": " ".join(p.kind for p in structured.paragraphs),
        "format": draft.format,
        "encoding": draft.extra.get("encoding"),
        # a year-less dateline and no known year: the years whose weekdays fit the story ("2022,2016,...")
        "year_candidates": dateline_year_candidates(structured.text, dateline.month, dateline.day)
        if published is None and dateline is not None else None,
        "published_issue": published_issue,
        "fetched": _fetched(draft.extra.get("fetched")),
        "language": draft.extra.get("language"),
    }


def _fetched(value: str | None) -> pd.Timestamp | None:
    """A WARC-Date ("2024-03-05T10:11:12Z") as a timestamp in UTC without its zone, or None."""
    if not value:
        return None
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(stamp):
        return None
    return stamp.tz_convert(None) if stamp.tzinfo is not None else stamp


def _frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    frame["published"] = pd.to_datetime(frame["published"]).astype("datetime64[ns]")
    frame["fetched"] = pd.to_datetime(frame["fetched"]).astype("datetime64[ns]")
    frame["published_from"] = pd.Categorical(frame["published_from"], categories=PUBLISHED_FROM)
    # text columns are pandas' str dtype whatever they hold, so a column with no value at all (no
    # article has a url) has the same dtype as one with values, before and after a parquet round trip
    for column in _TEXT_COLUMNS:
        frame[column] = frame[column].astype("str")
    for column in ("n_words",):
        frame[column] = frame[column].astype("int64")
    for column in ("dateline_start", "dateline_end"):
        frame[column] = frame[column].astype("Int64")
    return frame
