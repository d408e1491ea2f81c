"""Reader for plain-text articles: title line, blank line, paragraphs (wire copy or exports)."""
from __future__ import annotations

from newskit.read.decode import clean_text
from newskit.read.draft import Draft
from newskit.read.structure import split_blocks
from newskit.read.formats.errors import Reject


def read_plain(text: str, shown: str) -> Draft | Reject:
    """Split decoded text into paragraphs; structure detection later finds title and dateline."""
    text = clean_text(text)
    if not text.strip():
        return Reject(shown, "no text (empty or whitespace only after removing control characters)")
    return Draft(path=shown, blocks=split_blocks(text), format="text")
