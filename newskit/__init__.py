"""newskit: news articles into tidy pandas frames — who is mentioned, who said what, and when.

The flow is the folder layout: read/ -> pipeline/ (with extract/) -> analysis/ -> view/. The public
names below are imported on first use (PEP 562), so `import newskit` loads neither pandas nor spaCy
nor the date rules, and a worker process that only tags never loads plotting, widgets or readers.
"""
from __future__ import annotations

import importlib

from newskit._version import __version__

# public name -> the module that defines it
_PUBLIC = {
    "Corpus": "newskit.corpus", "CorpusError": "newskit.corpus", "rejects": "newskit.frames",
    "read_articles": "newskit.read.articles", "MAX_BYTES": "newskit.read.articles",
    "NewskitInputError": "newskit.read.articles",
    "tag": "newskit.pipeline.tagging", "NewskitTaggingError": "newskit.pipeline.tagging",
    "CacheError": "newskit.pipeline.cache",
    "load_model": "newskit.pipeline.model", "ModelNotFound": "newskit.pipeline.model",
    "canonical_names": "newskit.analysis.entities", "cooccurrence": "newskit.analysis.entities",
    "entity_counts": "newskit.analysis.entities", "entity_table": "newskit.analysis.entities",
    "link": "newskit.analysis.linking.link",
    "read_aliases": "newskit.analysis.linking.aliases", "AliasError": "newskit.analysis.linking.aliases",
    "timeline": "newskit.analysis.timeline", "search": "newskit.analysis.search",
    "cue_verbs": "newskit.analysis.quotes", "kind_shares": "newskit.analysis.quotes",
    "quote_lengths": "newskit.analysis.quotes", "quotes_per_role": "newskit.analysis.quotes",
    "quotes_per_speaker": "newskit.analysis.quotes", "speaker_coverage": "newskit.analysis.quotes",
    "speaker_quotes": "newskit.analysis.quotes",
    "quote_spread": "newskit.analysis.copies",
    "table": "newskit.view.table", "readable_tables": "newskit.view.table",
    "Explorer": "newskit.view.explorer.widget", "explore": "newskit.view.explorer.widget",
}


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'newskit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))


def analyze(source, *, year=None, errors="collect", max_bytes=None, fields=None, language="en", **tag_options):
    """`read_articles` (year, errors, max_bytes, fields, language) then `tag` in one call (errors applies to
    both: "collect" lists what could not be read or tagged in corpus.rejects); `tag_options` are
    tag()'s (cache, model, n_process, out, aliases ...).
    Returns a Corpus.

    >>> corpus = newskit.analyze("seeds/", cache=None)
    """
    from newskit.pipeline.tagging import tag
    from newskit.read.articles import MAX_BYTES, read_articles

    articles = read_articles(source, year=year, errors=errors, fields=fields, language=language,
                             max_bytes=MAX_BYTES if max_bytes is None else max_bytes)
    return tag(articles, errors=errors, **tag_options)


__all__ = sorted([*_PUBLIC, "analyze", "__version__"])
