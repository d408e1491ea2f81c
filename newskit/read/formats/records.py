"""Readers for article collections: JSON Lines, JSON arrays and CSV with a `text` column."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

from newskit.extract import lexicon
from newskit.read.decode import DecodeError, clean_text, decode_bytes
from newskit.read.draft import Draft
from newskit.read.structure import split_blocks
from newskit.read.formats.errors import Reject

# Optional columns a record may carry; anything else is kept in Draft.extra.
RECORD_FIELDS = ("id", "title", "subtitle", "published", "source", "url", "place")
# Fields that may hold the id and the publication date; the first non-empty one wins.
_ID_ALIASES = lexicon.entries("read/record_id_fields")
_DATE_ALIASES = lexicon.entries("read/record_date_fields")


def _text_field(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from a CSV cell
        return None
    text = clean_text(str(value)).strip()
    return text or None


# What a field mapping may name: newskit's record fields (and "text").
MAPPABLE_FIELDS = ("text", *RECORD_FIELDS)


def check_fields(fields: dict | None) -> dict[str, str]:
    """A field mapping {newskit field: field in the records} ({"text": "body-paragraphs",
    "published": "date"}), checked; ValueError naming what is wrong."""
    fields = dict(fields or {})
    unknown = sorted(k for k in fields if k not in MAPPABLE_FIELDS)
    if unknown:
        raise ValueError(f"fields= maps newskit's fields {', '.join(MAPPABLE_FIELDS)}; not {', '.join(unknown)}")
    bad = sorted(k for k, v in fields.items() if not isinstance(v, str) or not v)
    if bad:
        raise ValueError(f"fields= needs a field name for {', '.join(bad)}")
    return fields


def _mapped(record: dict, fields: dict[str, str]) -> dict:
    """The record with each mapped field copied under newskit's name (the source field wins)."""
    if not fields:
        return record
    record = dict(record)
    for ours, theirs in fields.items():
        if theirs in record:
            record[ours] = record.pop(theirs)
    return record


def record_to_draft(record: dict, where: str, fmt: str, max_chars: int, fields: dict | None = None) -> Draft | Reject:
    """One JSON object or CSV row to a Draft, or a Reject saying what is wrong with it. `fields`
    maps newskit's field names to the record's ({"text": "body-paragraphs"}); a text given as a
    list of strings is joined into paragraphs."""
    if not isinstance(record, dict):
        return Reject(where, f"record is a {type(record).__name__}, not an object with a 'text' field")
    record = _mapped(record, fields or {})
    if "text" not in record:
        hint = "" if fields else "; name the text field with fields={'text': ...} or --field text=..."
        return Reject(where, f"record has no 'text' field (fields: {', '.join(map(str, record)) or 'none'}){hint}")
    raw = record.get("text")
    if isinstance(raw, list) and all(isinstance(p, str) for p in raw):  # paragraphs
        raw = "\n\n".join(p.strip() for p in raw if p.strip())
    if raw is not None and not isinstance(raw, str):
        return Reject(where, f"'text' is a {type(raw).__name__}, not a string or a list of strings")
    if raw and len(raw) > max_chars:
        return Reject(where, f"'text' has {len(raw):,} characters, over the limit of {max_chars:,} (max_bytes=)")
    text = clean_text(raw or "")
    if not text.strip():
        return Reject(where, "empty 'text'")
    article_id = next((_text_field(record.get(k)) for k in _ID_ALIASES if _text_field(record.get(k))), None)
    published = next((_text_field(record.get(k)) for k in _DATE_ALIASES if _text_field(record.get(k))), None)
    extra = {k: v for k, v in record.items() if k not in RECORD_FIELDS and k not in ("text", "article_id")}
    return Draft(
        path=where,
        blocks=split_blocks(text),
        title=_text_field(record.get("title")),
        subtitle=_text_field(record.get("subtitle")),
        published=published,
        source=_text_field(record.get("source")),
        url=_text_field(record.get("url")),
        place=_text_field(record.get("place")),
        article_id=article_id,
        format=fmt,
        extra={k: v for k, v in extra.items() if isinstance(v, (str, int, float, bool)) or v is None},
    )


# A JSON line (or a record in a .json file split into lines) may be at most this many times max_bytes:
# a record is its text plus other fields and escapes. A longer line is rejected before it is decoded
# or parsed, so a 100 MB line never reaches json.loads.
LINE_FACTOR = 2
_BOM = b"\xef\xbb\xbf"


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(raw).text


def _too_long(size: int, limit: int) -> str:
    return (f"line has {size:,} bytes, over the limit of {limit:,} for one record ({LINE_FACTOR} x max_bytes); "
            "not parsed (raise max_bytes= / --max-bytes)")


def _parse_line(raw: bytes, where: str, fmt: str, max_chars: int, fields: dict | None = None) -> Draft | Reject:
    """One JSON line to a Draft, or a Reject for that line alone."""
    try:
        record = json.loads(_decode_line(raw.lstrip(_BOM)))
    except RecursionError:
        return Reject(where, "malformed JSON line: nested too deep")
    except (ValueError, DecodeError) as exc:  # JSONDecodeError, or an integer over 4,300 digits
        return Reject(where, f"malformed JSON line: {exc}")
    return record_to_draft(record, where, fmt, max_chars, fields)


def _lines(fh, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, size) for each line of a binary file; the line is None when it is longer
    than `limit` bytes, and then it is skipped a chunk at a time, never held whole."""
    number = 0
    while raw := fh.readline(limit + 1):
        number += 1
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield number, raw, len(raw)
            continue
        size = len(raw)
        while (chunk := fh.readline(1 << 20)):
            size += len(chunk)
            if chunk.endswith(b"\n"):
                break
        yield number, None, size


def read_jsonl(path: Path, shown: str, max_chars: int, fields: dict | None = None,
               opener=open) -> Iterator[Draft | Reject]:
    """Stream a JSON Lines file (`opener`: gzip.open for .jsonl.gz): one Draft or Reject per
    non-blank line (`shown:LINE`)."""
    limit = LINE_FACTOR * max_chars
    with opener(path, "rb") as fh:
        for number, raw, size in _lines(fh, limit):
            where = f"{shown}:{number}"
            if raw is None:
                yield Reject(where, _too_long(size, limit))
            elif raw.strip():
                yield _parse_line(raw, where, "jsonl", max_chars, fields)


def read_json(data: bytes, shown: str, max_chars: int, fields: dict | None = None) -> Iterator[Draft | Reject]:
    """A .json file: one object, or an array of objects (`shown:INDEX`)."""
    try:
        value = json.loads(decode_bytes(data).text)
    except RecursionError:
        yield Reject(shown, "malformed JSON: nested too deep")
        return
    except json.JSONDecodeError as exc:
        # many .json exports are really JSON Lines
        lines = data.splitlines()
        if sum(1 for line in lines if line.strip()) > 1:
            limit = LINE_FACTOR * max_chars
            for number, raw in enumerate(lines, start=1):
                if len(raw) > limit:
                    yield Reject(f"{shown}:{number}", _too_long(len(raw), limit))
                elif raw.strip():
                    yield _parse_line(raw, f"{shown}:{number}", "jsonl", max_chars, fields)
            return
        yield Reject(shown, f"malformed JSON: {exc}")
        return
    except ValueError as exc:  # an integer over 4,300 digits
        yield Reject(shown, f"malformed JSON: {exc}")
        return
    if isinstance(value, dict):
        yield record_to_draft(value, shown, "json", max_chars, fields)
    elif isinstance(value, list):
        for index, record in enumerate(value):
            yield record_to_draft(record, f"{shown}:{index}", "json", max_chars, fields)
    else:
        yield Reject(shown, f"JSON holds a {type(value).__name__}, not an object or a list of objects")


def read_csv(data: bytes, shown: str, max_chars: int, fields: dict | None = None) -> Iterator[Draft | Reject]:
    """A CSV (or TSV) with a header row and a `text` column; rows are `shown:ROW` (1 = first data row)."""
    text = decode_bytes(data).text
    sample = text[:64 * 1024]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if shown.endswith(".tsv") else csv.excel
    # no field can be longer than the file, whose size was checked before it was read; a text over
    # max_chars is then rejected by record_to_draft with its row number, and later rows still load
    csv.field_size_limit(max(len(text) + 1, 1 << 20))
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        yield Reject(shown, f"unreadable CSV header: {exc}")
        return
    text_column = (fields or {}).get("text", "text")
    if text_column not in header:
        yield Reject(shown, f"CSV has no '{text_column}' column (columns: {', '.join(header) or 'none'}); "
                            "name the column holding the article text with fields={'text': ...} or --field text=...")
        return
    row_number = 0
    while True:
        row_number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader starts again on the next line
            yield Reject(f"{shown}:{row_number}", f"malformed CSV row: {exc}")
            continue
        row.pop(None, None)  # cells beyond the header
        yield record_to_draft(row, f"{shown}:{row_number}", "csv", max_chars, fields)
