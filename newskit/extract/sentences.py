"""Sentence rows: one per spaCy sentence, numbered across the whole article."""
from __future__ import annotations

from newskit.extract.document import ArticleDoc



def extract_sentences(adoc: ArticleDoc) -> list[dict]:
    """Yield one row per sentence; whitespace-only sentences (stray line breaks) are skipped."""
    rows = []
    for number, pdoc, sent in adoc.sentences():
        start, end = pdoc.offsets(sent)
        text = adoc.text[start:end]
        # keep the row even when spaCy puts whitespace at the edges, but trim it so start/end
        # point at the words themselves
        stripped = text.strip()
        if not stripped:
            continue
        start += len(text) - len(text.lstrip())
        end = start + len(stripped)
        rows.append({"sentence": number, "paragraph": pdoc.paragraph, "start": start, "end": end, "text": stripped})
    return rows
