"""Mention: one entity mention while its article is resolved, shared by the paragraph rules
(mentions.py) and the article-wide names (canonical.py)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span

from newskit.extract.document import ParagraphDoc


@dataclass
class Mention:
    """One entity mention while its article is being resolved (token indices in its paragraph)."""

    pdoc: ParagraphDoc
    start_i: int
    end_i: int
    label: str
    role: str | None = None
    entity: str | None = None
    from_person_name: bool = False  # canonical name is a full PERSON name of the article
    kin: bool = False  # a full name made from a first name and a kin's surname ("his son Stephen")

    @functools.cached_property
    def span(self) -> Span:
        return self.pdoc.doc[self.start_i:self.end_i]

    @property
    def offsets(self) -> tuple[int, int]:
        return self.pdoc.offsets(self.span)
