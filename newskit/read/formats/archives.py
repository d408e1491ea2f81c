"""Reader for web archives: WARC (`.warc`, `.warc.gz`) through FastWARC, ARC (`.arc`, `.arc.gz`) through
warcio. Streamed record by record, so memory stays flat however large the file.

Each HTTP 200 HTML `response` record (or HTML `resource` record) is one page: its payload is decoded
and read by the HTML path (newskit.read.formats.html.read_html, the same extractor as for `.html`
files), `url` comes from WARC-Target-URI and `fetched` from WARC-Date. A page is rejected, with its
record named as `file#offset`, when it is not HTML, its HTTP status is not 200, its text is not in the
wanted language(s) (py3langid, see LANGUAGE_CONFIDENCE), too little text is left after extraction
(MIN_WORDS: boilerplate-only pages such as cookie walls and section fronts), it is over the size limit,
or the record is truncated or broken. Records that never hold a page (request, revisit, metadata,
warcinfo, conversion, continuation) are skipped without a reject row and counted in the file's summary
(ArchiveTally).

`file#offset` is the record's byte offset in the file as stored (compressed offset for .gz): the offset
`warcio extract FILE OFFSET` and CDX indexes use.
"""
from __future__ import annotations

import codecs
import io
import os
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newskit.extract import lexicon
from newskit.read.decode import DecodeError, decode_bytes
from newskit.read.draft import Draft
from newskit.read.formats.errors import Reject
from newskit.read.formats.html import looks_like_html, read_html

MIN_WORDS = 40
"""Fewest words of body text (title not counted) a web-archive page must keep after extraction; fewer
is a boilerplate-only page (cookie wall, paywall stub, section front) and is rejected. News briefs run
longer than this. Settable: `newskit.read.formats.archives.MIN_WORDS = 0` keeps every page."""

LANGUAGE_CONFIDENCE = 0.9
"""A web-archive page is rejected as another language only when py3langid names a language that is not
wanted with at least this probability; an unsure guess (short or mixed text) keeps the page."""

LANGUAGE_SAMPLE_CHARS = 500
"""Characters of a page's text (title first) the language identifier reads: enough to decide (on 2,225
BBC articles, 400 already give every one English with probability >= 0.93) and cheap (the identifier
costs about 1 ms per 1,000 characters, as much as extracting a simple page)."""

HTML_TYPES = ("text/html", "application/xhtml+xml")

ANY = "any"  # language="any": every page kept, each one's language identified
ENGLISH = "en"  # the one language with a fast path (identify_language)

# record kinds that never hold a page: skipped, counted in the summary, no reject row
SKIPPED_KINDS = ("request", "revisit", "metadata", "warcinfo", "conversion", "continuation", "unknown")


@dataclass
class ArchiveTally:
    """What one web-archive file held: its records, the pages handed on, and the records skipped or
    rejected by kind. read_articles turns it into the file's summary row of the rejects report."""

    path: str
    records: int = 0
    pages: int = 0
    rejected: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)


@dataclass
class _Record:
    """One archive record, whichever library read it."""

    offset: int
    kind: str
    url: str | None
    date: str | None
    status: int | None  # None: no HTTP response (a resource record)
    content_type: str | None
    charset: str | None
    location: str | None
    length: int | None  # payload bytes the record declares (None: unknown, e.g. content-encoded)
    read: object  # read(n) -> bytes: the (decoded) payload


def archive_kind(path: Path) -> str | None:
    """"warc" or "arc" for a web-archive file name (also gzip'd), else None."""
    name = path.name.lower()
    for kind in ("warc", "arc"):
        if name.endswith((f".{kind}", f".{kind}.gz")):
            return kind
    return None


def read_archive(path: Path, shown: str, max_bytes: int, language: frozenset[str] | None) -> Iterator[Draft | Reject | ArchiveTally]:
    """Every page of a WARC or ARC file as a Draft (or a Reject naming `shown#offset`), then its tally."""
    kind = archive_kind(path)
    tally = ArchiveTally(shown)
    last = None
    records = _warc_records(path) if kind == "warc" else _arc_records(path, max_bytes + 1)
    try:
        for record in records:
            last = record.offset
            tally.records += 1
            if record.kind in SKIPPED_KINDS:
                tally.skipped[record.kind] += 1
                continue
            result = _page(record, f"{shown}#{record.offset}", max_bytes, language, tally)
            if result is None:
                continue
            if isinstance(result, Draft):
                tally.pages += 1
                result.format = kind
            yield result
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        where = f"{shown}#{last}" if last is not None else shown
        tally.rejected["broken"] += 1
        after = f"after the record at offset {last}" if last is not None else "at its start"
        yield Reject(where, f"broken web archive {after} ({type(exc).__name__}: {exc}); the rest of the "
                            f"file was not read ({tally.records:,} records before it were)")
    else:
        problem = _tail_problem(path, last, kind)
        if problem:
            tally.rejected["truncated"] += 1
            yield Reject(f"{shown}#{problem[0]}", problem[1])
    if tally.records == 0 and not tally.rejected:
        yield Reject(shown, f"no {kind.upper()} records in the file (empty, or not a web archive)")
        return
    yield tally


def _page(record: _Record, where: str, max_bytes: int, language: frozenset[str] | None,
          tally: ArchiveTally) -> Draft | Reject | None:
    """One response or resource record as a Draft, or why it is not a page."""
    def reject(category: str, reason: str) -> Reject:
        tally.rejected[category] += 1
        return Reject(where, reason)

    if record.kind not in ("response", "resource"):
        tally.skipped[record.kind] += 1
        return None
    if record.status is not None and record.status != 200:
        moved = f" to {record.location}" if record.location and 300 <= record.status < 400 else ""
        return reject("HTTP status not 200", f"HTTP status {record.status}{moved}, not a page (only 200 responses are read)")
    content_type = (record.content_type or "").split(";")[0].strip().lower()
    if content_type and content_type not in HTML_TYPES:
        return reject("not HTML", f"not an HTML page ({content_type})")
    if record.length is not None and record.length > max_bytes:
        return reject("too large", f"page is {record.length / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                                   "(raise it with max_bytes= / --max-bytes)")
    data = _read_at_most(record.read, max_bytes + 1)
    if record.length is not None and len(data) < record.length:
        return reject("truncated", f"truncated record: {len(data):,} of {record.length:,} payload bytes "
                                   "(the file was cut off or is damaged)")
    if len(data) > max_bytes:
        return reject("too large", f"page is over the {max_bytes / 1e6:.0f} MB limit (raise it with max_bytes= / --max-bytes)")
    if not data.strip():
        return reject("empty", "empty HTTP response body")
    try:
        text, encoding = _decoded(data, record.charset)
    except DecodeError as exc:
        return reject("not HTML", f"not an HTML page: {exc}")
    if not content_type and not looks_like_html(text):
        return reject("not HTML", "not an HTML page (no Content-Type, and the body is not HTML)")
    draft = read_html(text, where)
    if isinstance(draft, Reject):
        tally.rejected["no text found"] += 1
        return draft
    words = sum(len(block.split()) for block in draft.blocks)
    if words < MIN_WORDS:
        return reject("boilerplate only", f"boilerplate only: {words} words of text after extraction "
                                     f"(pages need {MIN_WORDS}; newskit.read.formats.archives.MIN_WORDS)")
    guess = None
    if language is not None:  # None: no language check at all (and no `language` value)
        # the English fast path only when English is wanted: a page it took for English by mistake
        # is then kept, never rejected (language="fr" asks py3langid about every page)
        guess, probability = identify_language(" ".join([draft.title or "", *draft.blocks]),
                                               english_fast_path=ENGLISH in language)
    if guess is not None and ANY not in language and guess not in language and probability >= LANGUAGE_CONFIDENCE:
        wanted = ", ".join(sorted(language))
        return reject("other language", f"language is {guess} (py3langid, probability {probability:.2f}), not {wanted} "
                                  "(read other languages with language=)")
    draft.path = where
    draft.url = record.url or draft.url
    draft.extra.update(encoding=encoding, fetched=record.date, language=guess)
    return draft


def _read_at_most(read, limit: int) -> bytes:
    """Up to `limit` bytes of a payload, read in pieces: asking a reader for `limit` bytes at once
    makes it set aside that much memory, for every page."""
    pieces, size = [], 0
    while size < limit:
        piece = read(min(1 << 16, limit - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    return b"".join(pieces)


def _decoded(data: bytes, charset: str | None) -> tuple[str, str]:
    """The page's text: in the charset its HTTP header declares when that decodes cleanly, else as
    newskit decodes any file (newskit.read.decode.decode_bytes)."""
    if charset:
        try:
            name = codecs.lookup(charset.strip().strip('"\'')).name
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


_IDENTIFIER = None


# A sample whose words are at least this share English function words (and at least ENGLISH_MIN_WORDS
# words long) is English without py3langid: the first 500 characters of 99 % of the BBC articles hold
# at least 14 % of them (median 26 %), the French, Dutch, German and Spanish wire stories of
# ../shared/corpora/wire at most 4 %. Pages below it go to py3langid.
ENGLISH_SHARE = 0.12
ENGLISH_MIN_WORDS = 30
_ENGLISH_WORDS = lexicon.words("read/english_function_words")
_WORD = re.compile(r"[^\W\d_]+")


def identify_language(text: str, english_fast_path: bool = True) -> tuple[str, float]:
    """The language (ISO 639-1) of a text, with its probability (0-1): with `english_fast_path`,
    "en" at once for a sample written with enough English function words (ENGLISH_SHARE; reported
    with probability 0.99); else py3langid's guess on the first LANGUAGE_SAMPLE_CHARS."""
    if english_fast_path:
        words = _WORD.findall(text[:LANGUAGE_SAMPLE_CHARS].lower())
        if len(words) >= ENGLISH_MIN_WORDS and sum(w in _ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words):
            return ENGLISH, 0.99
    global _IDENTIFIER
    if _IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier  # the model ships in the package

        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    guess, probability = _IDENTIFIER.classify(text[:LANGUAGE_SAMPLE_CHARS])
    return guess, probability


def check_language(language: str | Iterable[str] | None) -> frozenset[str] | None:
    """The `language=` option of read_articles as a set of ISO 639-1 codes ({"any"}: every language,
    each page's identified), or None (every language, none identified)."""
    if language is None:
        return None
    if language == ANY:
        return frozenset([ANY])
    codes = frozenset([language] if isinstance(language, str) else language)
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    global _IDENTIFIER
    if _IDENTIFIER is None:
        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    unknown = sorted(codes - set(_IDENTIFIER.labels))
    if unknown or not codes:
        raise ValueError(f"language= takes ISO 639-1 codes py3langid knows (en, de, fr ...), 'any' or None for every language; "
                         f"not {', '.join(unknown) or 'an empty list'}")
    return codes


# --- the two libraries ----------------------------------------------------------------------------


def _warc_records(path: Path) -> Iterator[_Record]:
    from fastwarc.warc import ArchiveIterator

    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream, parse_http=False):
            kind = str(record.record_type)
            headers = record.headers
            status = content_type = charset = location = None
            length = None
            if kind in ("response", "resource"):
                if kind == "response" or record.is_http:
                    record.parse_http(auto_decode="all")
                    http = record.http_headers
                    status = http.status_code
                    content_type, charset = record.http_content_type, record.http_charset
                    location = http.get("Location")
                    encoded = http.get("Content-Encoding") or http.get("Transfer-Encoding")
                    length = None if encoded and encoded.strip().lower() != "identity" else record.content_length
                else:
                    content_type = headers.get("Content-Type")
                    length = record.content_length
            yield _Record(
                offset=record.stream_pos, kind=kind, url=_uri(headers.get("WARC-Target-URI")),
                date=headers.get("WARC-Date"), status=status, content_type=content_type,
                charset=charset, location=location, length=length, read=record.reader.read,
            )


def _arc_records(path: Path, limit: int) -> Iterator[_Record]:
    from warcio.exceptions import ArchiveLoadFailed

    try:
        yield from _warcio_records(path, limit)
    except ArchiveLoadFailed as exc:  # a ValueError for the caller, in one line
        raise ValueError(" ".join(str(exc).split())) from None


def _warcio_records(path: Path, limit: int) -> Iterator[_Record]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        records = ArchiveIterator(stream, arc2warc=True)
        for record in records:
            kind = record.rec_type
            headers = record.rec_headers
            http = record.http_headers
            status = content_type = charset = location = None
            if http is not None and kind == "response":
                try:
                    status = int(http.get_statuscode())
                except (TypeError, ValueError):
                    status = 0
                content_type = http.get_header("Content-Type")
                location = http.get_header("Location")
            else:
                content_type = headers.get_header("Content-Type")
            if content_type and "charset=" in content_type.lower():
                charset = content_type.lower().split("charset=", 1)[1].split(";")[0]
            # warcio knows a record's offset only once it is read to its end: read the page (at most
            # `limit` bytes; ARC records are single pages) before asking
            data = record.content_stream().read(limit) if kind == "response" else b""
            yield _Record(
                offset=records.get_record_offset(), kind=kind, url=_uri(headers.get_header("WARC-Target-URI")),
                date=headers.get_header("WARC-Date"), status=status, content_type=content_type,
                charset=charset, location=location, length=None, read=io.BytesIO(data).read,
            )


def _uri(value: str | None) -> str | None:
    return value.strip().strip("<>") if value else None


# --- a cut-off file -----------------------------------------------------------------------------


def _tail_problem(path: Path, last: int | None, kind: str) -> tuple[int, str] | None:
    """(offset, reason) when the file goes on after its last readable record: a gzip member cut off
    mid-record (an interrupted download), or bytes no record holds. The libraries stop there without
    an error, so this looks at the tail itself: from the last record's offset to the end."""
    start = last or 0
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        fh.seek(start)
        gzipped = fh.read(2) == b"\x1f\x8b"
        fh.seek(start)
        if gzipped:
            return _gzip_tail(fh, start)
        if last is None:
            return None if size == 0 else (0, "not a web archive (no record could be read)")
        return _plain_tail(fh, start, size) if kind == "warc" else None


_CUT = "the file ends inside this record (cut off during download or copy?); the records before it were read"


def _gzip_tail(fh, start: int) -> tuple[int, str] | None:
    """Walk the gzip members from `start` (the last record's) to the end of the file: each must be
    complete, and any after the first may hold nothing but blank lines (else it is a record the
    reader could not make out)."""
    offset, first = start, True
    while True:
        inflater, sample = zlib.decompressobj(31), b""
        while not inflater.eof:
            chunk = fh.read(1 << 16)
            if not chunk:
                return offset, f"truncated gzip member: {_CUT}"
            try:
                out = inflater.decompress(chunk)
            except zlib.error as exc:
                return offset, f"broken gzip member ({exc}); the records before it were read"
            if len(sample) < 512:
                sample += out[:512]
        if not first and sample.strip():
            return offset, "unreadable record (its header could not be parsed); the records before it were read"
        first = False
        offset = fh.tell() - len(inflater.unused_data)
        fh.seek(offset)
        rest = fh.read(2)
        fh.seek(offset)
        if not rest.strip(b"\0\r\n "):
            return None
        if rest != b"\x1f\x8b":
            return offset, "bytes after the last record that are no gzip member; the records before it were read"


def _plain_tail(fh, start: int, size: int) -> tuple[int, str] | None:
    """An uncompressed file: the last record must end where its Content-Length says, and only blank
    lines may follow it."""
    head = fh.read(1 << 16)
    end = head.find(b"\r\n\r\n")
    if end < 0:
        return start, f"truncated record header: {_CUT}"
    length = None
    for line in head[:end].split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                length = int(value.strip())
            except ValueError:
                return None
    if length is None:  # an ARC record or an odd header: nothing to check against
        return None
    record_end = start + end + 4 + length
    if size < record_end:
        return start, f"truncated record: {_CUT}"
    fh.seek(record_end)
    if fh.read(1 << 16).strip(b"\0\r\n "):
        return record_end, "bytes after the last record that no record holds; the records before it were read"
    return None
