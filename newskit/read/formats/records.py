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


def record_to_draft(record: dict, where: str, fmt: str, max_chars: int) -> Draft | Reject:
    """One JSON object or CSV row to a Draft, or a Reject saying what is wrong with it."""
    if not isinstance(record, dict):
        return Reject(where, f"record is a {type(record).__name__}, not an object with a 'text' field")
    if "text" not in record:
        return Reject(where, f"record has no 'text' field (fields: {', '.join(map(str, record)) or 'none'})")
    raw = record.get("text")
    if raw is not None and not isinstance(raw, str):
        return Reject(where, f"'text' is a {type(raw).__name__}, not a string")
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


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(raw).text


def read_jsonl(path: Path, shown: str, max_chars: int) -> Iterator[Draft | Reject]:
    """Stream a JSON Lines file: one Draft or Reject per non-blank line (`shown:LINE`)."""
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            where = f"{shown}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(_decode_line(raw.lstrip(b"\xef\xbb\xbf")))
            except (json.JSONDecodeError, DecodeError) as exc:
                yield Reject(where, f"malformed JSON line: {exc}")
                continue
            yield record_to_draft(record, where, "jsonl", max_chars)


def read_json(data: bytes, shown: str, max_chars: int) -> Iterator[Draft | Reject]:
    """A .json file: one object, or an array of objects (`shown:INDEX`)."""
    try:
        value = json.loads(decode_bytes(data).text)
    except json.JSONDecodeError as exc:
        # many .json exports are really JSON Lines
        lines = [line for line in data.splitlines() if line.strip()]
        if len(lines) > 1:
            for number, raw in enumerate(data.splitlines(), start=1):
                if raw.strip():
                    try:
                        record = json.loads(_decode_line(raw))
                    except (json.JSONDecodeError, DecodeError) as line_exc:
                        yield Reject(f"{shown}:{number}", f"malformed JSON line: {line_exc}")
                        continue
                    yield record_to_draft(record, f"{shown}:{number}", "jsonl", max_chars)
            return
        yield Reject(shown, f"malformed JSON: {exc}")
        return
    if isinstance(value, dict):
        yield record_to_draft(value, shown, "json", max_chars)
    elif isinstance(value, list):
        for index, record in enumerate(value):
            yield record_to_draft(record, f"{shown}:{index}", "json", max_chars)
    else:
        yield Reject(shown, f"JSON holds a {type(value).__name__}, not an object or a list of objects")


def read_csv(data: bytes, shown: str, max_chars: int) -> Iterator[Draft | Reject]:
    """A CSV (or TSV) with a header row and a `text` column; rows are `shown:ROW` (1 = first data row)."""
    text = decode_bytes(data).text
    sample = text[:64 * 1024]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if shown.endswith(".tsv") else csv.excel
    csv.field_size_limit(max(max_chars * 2, 1 << 20))
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        yield Reject(shown, f"unreadable CSV header: {exc}")
        return
    if "text" not in header:
        yield Reject(shown, f"CSV has no 'text' column (columns: {', '.join(header) or 'none'}); "
                            "rename the column holding the article text to 'text'")
        return
    row_number = 0
    while True:
        row_number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Reject(f"{shown}:{row_number}", f"malformed CSV row: {exc}")
            return
        row.pop(None, None)  # cells beyond the header
        yield record_to_draft(row, f"{shown}:{row_number}", "csv", max_chars)
