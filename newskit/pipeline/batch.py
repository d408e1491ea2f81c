"""The per-batch tagging function, and the local process pool that maps it over batches of articles.

`tag_batch` is the unit of work everywhere: spaCy over a batch of articles' paragraphs, then every
extractor, returning plain rows (dicts of str, int, float, bool, dates), never Doc objects. Run
in-process it streams; `pool_frames` maps it over batches in worker processes (n_process > 1), and
newskit.pipeline.dask maps it over Dask partitions.
"""
from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import pickle
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language

from newskit.extract.document import ArticleDoc, ParagraphDoc
from newskit.extract.entities.mentions import extract_entities
from newskit.pipeline.model import load_model
from newskit.extract.quotes.direct import extract_quotes
from newskit.extract.sentences import extract_sentences
from newskit.read.structure import PARAGRAPH_SEPARATOR
from newskit.extract.timexes.tagger import extract_timexes

Extractor = Callable[[ArticleDoc], list[dict]]
Frames = dict[str, list[dict]]

# Frame name -> extractor. Each is a pure function of one article's Docs and metadata, plus the
# rows of the extractors before it (ArticleDoc.results): quotes read entities and timexes.
EXTRACTORS: dict[str, Extractor] = {
    "sentences": extract_sentences,
    "entities": extract_entities,
    "timexes": extract_timexes,
    "quotes": extract_quotes,
}
# Articles per task sent to a worker process or a Dask worker.
PARTITION_ARTICLES = 32
# Articles parsed per spaCy memory zone, and tagged outside zones first to fill the tokenizer cache.
ZONE_ARTICLES = 64
WARM_ARTICLES = 64
# Characters of paragraph text per nlp.pipe batch (besides batch_size paragraphs): spaCy's peak
# working memory follows the text in a batch (64 long paragraphs cost ~50 MB more than 32).
BATCH_CHARS = 12_000
_WARMED: dict[int, int] = {}  # id(pipeline) -> articles tagged outside a memory zone


def paragraph_rows(article: dict) -> list[dict]:
    """The paragraphs of an article's text (separated by blank lines) with their kinds."""
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
    # a frame built by hand (no layout column): title and subtitle if they head the text
    kinds = ["body"] * len(pieces)
    for i, field in enumerate(("title", "subtitle")):
        value = article.get(field)
        if i < len(pieces) and isinstance(value, str) and pieces[i] == value:
            kinds[i] = field
    return kinds


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
    paragraphs = ((row["text"], (index, position))
                  for index, rows in enumerate(layouts) for position, row in enumerate(rows))
    pending: list[ParagraphDoc] = []
    current = 0
    for batch in partitions(paragraphs, batch_size, BATCH_CHARS):
        # nlp.pipe keeps input order: article `current` is complete once a later article's doc arrives
        for doc, (_, (index, position)) in zip(nlp.pipe([text for text, _ in batch], batch_size=len(batch)), batch):
            while current < index:
                yield extract(articles[current], pending, extractors)
                pending, current = [], current + 1
            row = layouts[index][position]
            pending.append(ParagraphDoc(row["paragraph"], row["kind"], row["start"], doc))
    while current < len(articles):  # the last article, and trailing articles with no text
        yield extract(articles[current], pending, extractors)
        pending, current = [], current + 1


def extract(article: dict, pdocs: list[ParagraphDoc], extractors: dict[str, Extractor] | None = None) -> Frames:
    """Every extractor (default: the EXTRACTORS registry), in order, over one article's paragraph Docs."""
    adoc = ArticleDoc(article, pdocs)
    for name, extractor in (EXTRACTORS if extractors is None else extractors).items():
        adoc.results[name] = extractor(adoc)
    return adoc.results


def tag_batch(articles: list[dict], nlp: Language, batch_size: int = 64,
              extractors: dict[str, Extractor] | None = None) -> list[Frames]:
    """The per-batch function: every article's frames as plain rows."""
    return list(stream_frames(nlp, articles, batch_size, extractors))


def partitions(items: Iterable, size: int = PARTITION_ARTICLES, chars: int | None = None) -> Iterator[list]:
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


def in_order(submit: Callable, batches: Iterable[list], window: int) -> Iterator[Frames]:
    """Submit batches (`submit(batch)` returns a future), keep `window` in flight, yield every
    article's frames in input order."""
    flight: deque = deque()
    for batch in batches:
        flight.append(submit(batch))
        if len(flight) >= window:
            yield from flight.popleft().result()
    while flight:
        yield from flight.popleft().result()


# -- local worker processes ---------------------------------------------------------------------

_WORKER_NLP: Language | None = None


def start_method() -> str:
    """How worker processes start: NEWSKIT_START_METHOD, else "fork" for a script on Linux (fast,
    needs no `if __name__ == "__main__"` guard), else "spawn": inside a Jupyter kernel, where forking
    a process with the kernel's threads can hang, and on macOS and Windows."""
    chosen = os.environ.get("NEWSKIT_START_METHOD")
    if chosen in mp.get_all_start_methods():
        return chosen
    interactive = "ipykernel" in sys.modules or not getattr(sys.modules.get("__main__"), "__file__", None)
    if sys.platform.startswith("linux") and not interactive:
        return "fork"
    return "spawn"


def _init_worker(model: str | bytes | None) -> None:
    global _WORKER_NLP
    _WORKER_NLP = pickle.loads(model) if isinstance(model, bytes) else load_model(model)


def _work(articles: list[dict], batch_size: int, extractors: dict[str, Extractor] | None) -> list[Frames]:
    return tag_batch(articles, _WORKER_NLP, batch_size, extractors)


def pool_frames(articles: Iterable[dict], nlp: Language, n_process: int, batch_size: int = 64,
                extractors: dict[str, Extractor] | None = None, count: int | None = None) -> Iterator[Frames]:
    """Map `tag_batch` over batches of articles in `n_process` worker processes; frames in order.
    `count`: how many articles there are, when `articles` is an iterator (else it is listed).

    A forked worker shares the parent's loaded pipeline; a spawned one unpickles it once.
    """
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_NLP
    method = start_method()
    if method == "fork":
        _WORKER_NLP = nlp  # inherited by the forked workers
        initializer, initargs = None, ()
    else:
        initializer, initargs = _init_worker, (pickle.dumps(nlp),)
    if count is None:
        articles = list(articles)
        count = len(articles)
    size = partition_size(count, n_process)
    with ProcessPoolExecutor(n_process, mp_context=mp.get_context(method),
                             initializer=initializer, initargs=initargs) as pool:
        yield from in_order(lambda batch: pool.submit(_work, batch, batch_size, extractors),
                            partitions(articles, size), window=2 * n_process)


def partition_size(articles: int, workers: int) -> int:
    """Articles per task: PARTITION_ARTICLES, smaller for a small corpus so every worker gets
    several tasks (a worker that finishes early then takes the next one)."""
    return max(1, min(PARTITION_ARTICLES, -(-articles // (4 * max(1, workers)))))
