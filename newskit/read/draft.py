"""The record every reader hands to the structure step: one article as found in its file."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Draft:
    """One article as a reader found it, before title / dateline / subheading detection.

    Readers (plain text, JSONL, CSV, HTML, NewsML, ANPA) fill what their format tells them and
    leave the rest as None; `newskit.read.structure.build` turns a Draft into the canonical text.

    - `blocks`: paragraphs in reading order, already unwrapped (one string per paragraph, no
      hard line breaks inside, no empty strings). When `title` is None, the first blocks may
      be site chrome, the title and a subtitle, and structure detection decides. When `title`
      is given (the format has a headline field), `blocks` hold the body only.
    - `dateline`: a dateline that the format carries in its own field (NewsML <DateLine>),
      used for place and date when the body does not open with one.
    - `published`: a date or datetime string from the file's own metadata (ISO 8601 or
      compact NewsML `20190121T102708`), provenance "metadata".
    """

    path: str
    blocks: list[str]
    title: str | None = None
    subtitle: str | None = None
    dateline: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    place: str | None = None
    article_id: str | None = None
    language: str | None = None
    format: str = "text"
    extra: dict = field(default_factory=dict)
