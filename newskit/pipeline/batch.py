"""The per-batch function every executor maps: spaCy over a batch of articles' paragraphs, then every
extractor (newskit.extract.extractors), giving plain rows (dicts of str, int, float, bool, dates),
never Doc objects. Owns how spaCy is fed: memory zones, nlp.pipe batches limited by paragraphs and
by characters, and overlong paragraphs parsed in pieces.
"""
from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newskit.extract.document import ParagraphDoc
from newskit.extract.extractors import Extractor, Frames, extract, failure
from newskit.read.paragraphs import paragraph_rows

# Articles parsed per spaCy memory zone, and tagged outside zones first to fill the tokenizer cache.
ZONE_ARTICLES = 64
WARM_ARTICLES = 64
# Characters of paragraph text per nlp.pipe batch (besides batch_size paragraphs): spaCy's peak
# working memory follows the text in a batch (64 long paragraphs cost ~50 MB more than 32).
BATCH_CHARS = 12_000
# Longest text spaCy gets in one go. A longer paragraph (a dump without blank lines, a 5 MB
# one-paragraph file) is parsed in pieces cut at sentence ends and joined back into one Doc: spaCy
# refuses texts over nlp.max_length (E088) and its parser needs ~1 GB per 100,000 characters.
PIECE_CHARS = 20_000
# Where a piece may end: after a sentence's final punctuation (and closing quotes or brackets) and
# the spaces that follow it; failing that, after any run of whitespace.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")
_WARMED: dict[int, int] = {}  # id(pipeline) -> articles tagged outside a memory zone


def tag_batch(articles: list[dict], nlp: Language, batch_size: int = 64,
              extractors: dict[str, Extractor] | None = None) -> list[Frames]:
    """The per-batch function: every article's frames as plain rows, in input order."""
    return list(stream_frames(nlp, articles, batch_size, extractors))


def stream_frames(nlp: Language, articles: Iterable[dict], batch_size: int = 64,
                  extractors: dict[str, Extractor] | None = None) -> Iterator[Frames]:
    """Each article's frames, in input order, as soon as its last paragraph is parsed.

    Articles go through spaCy ZONE_ARTICLES at a time, each group inside `nlp.memory_zone()`
    (spaCy >= 3.8) once the pipeline has warmed up: the strings and lexemes that a group adds to the
    shared vocab are dropped when its rows are done, so a long run does not grow with the vocabulary
    of everything it has read. Rows are plain Python values and never point into a Doc.
    """
    for group in partitions(articles, ZONE_ARTICLES):
        with _memory_zone(nlp, len(group)):
            yield from _stream_group(nlp, group, batch_size, extractors)


def _memory_zone(nlp: Language, articles: int):
    """nlp.memory_zone() once this pipeline has tagged WARM_ARTICLES articles outside one (the
    tokenizer's cache fills only outside memory zones), else a no-op."""
    if not hasattr(nlp, "memory_zone") or os.environ.get("NEWSKIT_MEMORY_ZONES") == "0":
        return contextlib.nullcontext()
    warmed = _WARMED.get(id(nlp), 0)
    if warmed < WARM_ARTICLES:
        _WARMED[id(nlp)] = warmed + articles
        return contextlib.nullcontext()
    return nlp.memory_zone()


def _stream_group(nlp: Language, articles: list[dict], batch_size: int,
                  extractors: dict[str, Extractor] | None) -> Iterator[Frames]:
    # paragraphs of consecutive articles share nlp.pipe batches; nothing holds more than one article's Docs
    layouts = [paragraph_rows(article) for article in articles]
    texts = ((piece, (index, position, last))
             for index, rows in enumerate(layouts) for position, row in enumerate(rows)
             for piece, last in _with_last(pieces(row["text"])))
    pending: list[ParagraphDoc] = []
    parts: list[Doc] = []  # the pieces of a long paragraph parsed so far
    failed: dict[int, Frames] = {}  # article index -> why spaCy could not parse one of its paragraphs
    current = 0
    for batch in partitions(texts, batch_size, BATCH_CHARS):
        # nlp.pipe keeps input order: article `current` is complete once a later article's doc arrives
        for doc, (_, (index, position, last)) in zip(_parsed(nlp, batch, failed), batch):
            while current < index:
                yield failed.pop(current) if current in failed else extract(articles[current], pending, extractors)
                pending, current = [], current + 1
            if index in failed:  # the rest of a failed article is not parsed
                parts = [] if last else parts
                continue
            parts.append(doc)
            if not last:
                continue
            # pieces concatenate to the paragraph, so every offset in the joined Doc is exact
            doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            parts = []
            row = layouts[index][position]
            pending.append(ParagraphDoc(row["paragraph"], row["kind"], row["start"], doc))
    while current < len(articles):  # the last article, and trailing articles with no text
        yield failed.pop(current) if current in failed else extract(articles[current], pending, extractors)
        pending, current = [], current + 1


def _parsed(nlp: Language, batch: list[tuple[str, tuple]], failed: dict[int, Frames]) -> list[Doc | None]:
    """The batch's Docs. Should spaCy raise on the batch, each text is parsed alone: a text that
    still fails marks its article failed (`failed`, its index -> its failure Frames), and it and
    the article's later texts get None, so one bad paragraph costs only its own article."""
    texts = [text for text, _ in batch]
    try:
        return list(nlp.pipe(texts, batch_size=len(texts)))
    except Exception:  # noqa: BLE001 (found again below, text by text)
        pass
    docs: list[Doc | None] = []
    for text, (index, _, _) in batch:
        doc = None
        if index not in failed:
            try:
                doc = nlp(text)
            except Exception as error:
                failed[index] = failure("spaCy's pipeline", error)
        docs.append(doc)
    return docs


def pieces(text: str, limit: int | None = None) -> Iterator[str]:
    """`text` in consecutive pieces of at most `limit` characters (PIECE_CHARS) that concatenate back to
    it, each cut after the last sentence end in its window (else the last whitespace, else hard)."""
    limit = limit or PIECE_CHARS
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for match in _SENTENCE_END.finditer(window, limit // 4):
            cut = match.end()
        if not cut:
            for match in _SPACE.finditer(window, limit // 4):
                cut = match.end()
        cut = cut or limit
        yield text[start:start + cut]
        start += cut
    yield text[start:]


def _with_last(items: Iterator[str]) -> Iterator[tuple[str, bool]]:
    """(item, is it the last one) pairs."""
    items = iter(items)
    previous = next(items)
    for item in items:
        yield previous, False
        previous = item
    yield previous, True


def partitions(items: Iterable, size: int, chars: int | None = None) -> Iterator[list]:
    """Consecutive lists of at most `size` items (the last one shorter). With `chars`, items are
    (text, context) pairs and a list also stops before it passes `chars` characters of text (a longer
    text alone): spaCy's working memory grows with the text in a batch, so a run of long paragraphs
    then costs no more memory than a run of short ones."""
    batch, length = [], 0
    for item in items:
        weight = len(item[0]) if chars is not None else 0
        if batch and (len(batch) >= size or (chars is not None and length + weight > chars)):
            yield batch
            batch, length = [], 0
        batch.append(item)
        length += weight
    if batch:
        yield batch
