"""Entity mentions: spaCy's named entities as rows with article offsets.

For now `label` is spaCy's OntoNotes label and `entity` is the mention as written; canonical
names, label voting and gazetteer corrections come with the entities work (issue 5).
"""
from __future__ import annotations

from .article_doc import ArticleDoc



def extract_entities(adoc: ArticleDoc) -> list[dict]:
    """One row per entity mention, in reading order."""
    rows = []
    for pdoc in adoc.paragraphs:
        for ent in pdoc.doc.ents:
            start, end = pdoc.offsets(ent)
            text = adoc.text[start:end]
            if not text.strip():
                continue
            rows.append({
                "sentence": pdoc.sentence_of(ent.start),
                "paragraph": pdoc.paragraph,
                "start": start,
                "end": end,
                "text": text,
                "label": ent.label_,
                "entity": text,
            })
    return rows
