"""Wire-story structure: chrome, title, subtitle, dateline, subheadings, and the canonical text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newskit.extract import lexicon
from newskit.read.dateline import Dateline, find_dateline, parse_dateline_field
from newskit.read.draft import Draft

PARAGRAPH_SEPARATOR = "\n\n"
# Site chrome ("All news", "Share this article"): whole lines around a story, matched case-insensitively.
CHROME_LINES = frozenset(line.lower() for line in lexicon.entries("read/chrome_lines"))
# Characters that end a sentence-like line; a short body line without one is a subheading.
FINAL_PUNCTUATION = lexicon.entries("read/final_punctuation")

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_TITLE_MAX_CHARS = 300
_SUBHEADING_MAX_WORDS = 14


@dataclass
class Paragraph:
    kind: str
    start: int
    end: int
    text: str


@dataclass
class Structured:
    """The canonical text of one article and what structure detection found in it."""

    text: str
    paragraphs: list[Paragraph]
    title: str | None
    subtitle: str | None
    dateline: Dateline | None = None
    dateline_start: int | None = None  # offset of the dateline in `text`
    chrome: list[str] = field(default_factory=list)


def split_blocks(raw: str, one_per_line: bool = True) -> list[str]:
    """Split plain text into paragraphs: on blank lines, or (`one_per_line`) on every line when
    the text has no blank line at all."""
    raw = raw.strip()
    if not raw:
        return []
    blocks = _BLANK_LINES.split(raw)
    if one_per_line and len(blocks) == 1 and "\n" in raw:
        blocks = raw.split("\n")
    return [b.strip() for b in blocks if b.strip()]


def _is_chrome(block: str) -> bool:
    return block.strip().lower() in CHROME_LINES


def _looks_like_title(block: str) -> bool:
    if "\n" in block or len(block) > _TITLE_MAX_CHARS or find_dateline(block):
        return False
    # a long line that ends like a sentence is a body paragraph, not a headline
    return not (block.endswith(".") and len(block.split()) > 25)


def _looks_like_deck(block: str) -> bool:
    """A subtitle ("deck"): one short line without final punctuation."""
    return (
        "\n" not in block
        and len(block) <= _TITLE_MAX_CHARS
        and not block.endswith(FINAL_PUNCTUATION)
        and find_dateline(block) is None
    )


def _is_subheading(block: str) -> bool:
    words = block.split()
    return (
        "\n" not in block
        and 0 < len(words) <= _SUBHEADING_MAX_WORDS
        and not block.endswith(FINAL_PUNCTUATION)
        and block[0] not in "\"'“‘«„-–—•*("
        and block[0].isupper()
    )


def build(draft: Draft) -> Structured:
    """Turn a reader's Draft into the canonical article text with typed paragraphs."""
    # paragraphs are separated by blank lines in `text`, so no paragraph may contain one
    blocks = [piece for block in draft.blocks for piece in split_blocks(block, one_per_line=False)]
    chrome: list[str] = []
    while blocks and _is_chrome(blocks[0]):
        chrome.append(blocks.pop(0))
    while blocks and _is_chrome(blocks[-1]):
        chrome.append(blocks.pop())

    title, subtitle = draft.title, draft.subtitle
    title = " ".join(title.split()) if title and title.strip() else None
    subtitle = " ".join(subtitle.split()) if subtitle and subtitle.strip() else None
    if title is None and blocks and _looks_like_title(blocks[0]) and len(blocks) > 1:
        title = blocks.pop(0)
        # a deck line follows the title when the next block opens with a dateline or is a bare line
        if subtitle is None and len(blocks) > 1 and find_dateline(blocks[0]) is None:
            if find_dateline(blocks[1]) is not None or _looks_like_deck(blocks[0]):
                subtitle = blocks.pop(0)

    pieces: list[tuple[str, str]] = []
    if title:
        pieces.append(("title", title))
    if subtitle:
        pieces.append(("subtitle", subtitle))
    dateline: Dateline | None = None
    dateline_piece: int | None = None
    for i, block in enumerate(blocks):
        kind = "body"
        if i == 0:
            found = find_dateline(block)
            if found is not None:
                dateline, dateline_piece = found, len(pieces)
                kind = "dateline" if found.standalone else "body"
        if kind == "body" and i > 0 and i < len(blocks) - 1 and _is_subheading(block):
            kind = "subheading"
        pieces.append((kind, block))

    paragraphs: list[Paragraph] = []
    offset = 0
    for kind, piece in pieces:
        paragraphs.append(Paragraph(kind, offset, offset + len(piece), piece))
        offset += len(piece) + len(PARAGRAPH_SEPARATOR)
    text = PARAGRAPH_SEPARATOR.join(p for _, p in pieces)

    dateline_start = None
    if dateline is not None and dateline_piece is not None:
        dateline_start = paragraphs[dateline_piece].start + dateline.start
    elif draft.dateline:
        dateline = parse_dateline_field(draft.dateline)
    return Structured(text, paragraphs, title, subtitle, dateline, dateline_start, chrome)
