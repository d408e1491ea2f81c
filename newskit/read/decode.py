"""Bytes to clean text: encoding detection, mojibake repair, control-character removal."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy
from charset_normalizer import from_bytes

# Magic numbers of formats that are never news text; a file starting with one is rejected.
_BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"%PDF-": "PDF document",
    b"PK\x03\x04": "ZIP archive (also docx/xlsx/epub)",
    b"\x1f\x8b": "gzip archive",
    b"BZh": "bzip2 archive",
    b"\x7fELF": "executable",
    b"RIFF": "RIFF media file",
    b"ID3": "MP3 audio",
    b"OggS": "Ogg media",
}

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# ftfy repairs mojibake and line breaks but must not rewrite text that was fine as written:
# curly quotes, ligatures, full-width characters and Unicode normalization stay untouched.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization=None,
    explain=False,
)

# C0 controls except tab and newline, DEL, and C1 controls (ANPA feeds carry 0x01-0x1f).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Single-byte code pages for Latin-script text, where cp1252 is the better bet (see decode_bytes).
_LATIN_PAGES = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "cp775", "cp850", "cp852", "cp858", "cp437", "cp500",
    "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13",
    "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish",
    "hp_roman8", "cp037", "cp1140", "cp273",
})
# Detection reads a prefix only: enough to decide, cheap on huge files.
_DETECT_PREFIX = 256 * 1024


class DecodeError(ValueError):
    """The bytes are not text newskit can read (binary, or no encoding fits)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format `data` starts with, or None when it may be text."""
    for signature, name in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return name
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if head and head.count(0) / len(head) > 0.10:
        # UTF-16 without a BOM has NULs in every other byte; anything else this NUL-heavy is binary.
        if _utf16_without_bom(head) is None:
            return "binary data (NUL bytes)"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    even, odd = head[0::2], head[1::2]
    if odd and odd.count(0) / len(odd) > 0.9 and even.count(0) / max(len(even), 1) < 0.1:
        return "utf-16-le"
    if even and even.count(0) / len(even) > 0.9 and odd.count(0) / max(len(odd), 1) < 0.1:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode `data`: BOM, then UTF-8, then charset-normalizer's guess, then cp1252, then Latin-1.

    Raises:
        DecodeError: for binary data.
    """
    binary = sniff_binary(data)
    if binary:
        raise DecodeError(f"binary file ({binary}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not {encoding}: {exc}") from None
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    prefix = data[:_DETECT_PREFIX]
    high = sum(1 for b in prefix if b > 0x7F)
    # A few stray high bytes in English copy ("£15.8m") are cp1252, whatever a detector makes of
    # them (it has read a lone 0xA3 as Shift-JIS); other scripts need many high bytes.
    guess = from_bytes(prefix).best() if high > 0.05 * len(prefix) else None
    # On short Latin-script texts the detector's pick among Latin code pages (cp775, cp1257 ...)
    # is close to a coin toss; Western news copy is overwhelmingly cp1252 / Latin-1, so those win
    # unless the detector sees another script (Cyrillic, Greek, CJK ...).
    if guess is not None and guess.encoding not in ("utf_8", "ascii") and guess.encoding not in _LATIN_PAGES:
        try:
            return Decoded(data.decode(guess.encoding), guess.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1")


def clean_text(text: str) -> str:
    """Repair mojibake, normalize line breaks to \\n and drop control characters.

    Everything else stays as written: quote marks, dashes, spacing inside lines.
    """
    text = ftfy.fix_text(text, _FTFY_CONFIG)
    return _CONTROL.sub("", text)


def strip_controls(text: str) -> str:
    """Drop control characters only (for text that must keep its line structure byte-for-byte)."""
    return _CONTROL.sub("", text)
