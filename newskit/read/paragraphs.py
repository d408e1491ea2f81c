"""The paragraphs of an article as rows: the reader's layout (one kind per blank-line piece of `text`)
turned into the paragraphs frame's rows, which are also what the pipeline sends through spaCy."""
from __future__ import annotations

from newskit.read.structure import PARAGRAPH_SEPARATOR


def paragraph_rows(article: dict) -> list[dict]:
    """The non-blank paragraphs of an article's text (pieces separated by blank lines), each with
    its number, kind ("title", "subtitle", "subheading", "body") and offsets into the text.

    Kinds come from the `layout` column `read_articles` writes (space-separated, one per piece);
    a frame built by hand without it gets them guessed from its title and subtitle.
    """
    text = article["text"] if isinstance(article.get("text"), str) else ""
    pieces = text.split(PARAGRAPH_SEPARATOR)
    layout = article.get("layout")
    kinds = layout.split() if isinstance(layout, str) else []
    if len(kinds) != len(pieces):
        kinds = _guess_kinds(article, pieces)
    rows, offset = [], 0
    for number, (kind, piece) in enumerate(zip(kinds, pieces)):
        rows.append({"paragraph": number, "kind": kind, "start": offset, "end": offset + len(piece), "text": piece})
        offset += len(piece) + len(PARAGRAPH_SEPARATOR)
    return [row for row in rows if row["text"].strip()]


def _guess_kinds(article: dict, pieces: list[str]) -> list[str]:
    # title and subtitle if they head the text; everything else is body
    kinds = ["body"] * len(pieces)
    for i, field in enumerate(("title", "subtitle")):
        value = article.get(field)
        if i < len(pieces) and isinstance(value, str) and pieces[i] == value:
            kinds[i] = field
    return kinds
