"""newskit: news articles into tidy pandas frames — who is mentioned, who said what, and when.

The public names below are imported on first use (PEP 562), so `import newskit` is quick and a
worker process that only tags (newskit.workers) never loads pandas plotting, ipywidgets or the
HTML readers. `newskit.timeline` is the function (its module shares the name), so it is bound here.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

from .timeline import timeline  # noqa: E402  (the function, bound over the module of the same name)

_PUBLIC = {
    "Corpus": "corpus",
    "cue_verbs": "breakdowns", "kind_shares": "breakdowns", "quote_lengths": "breakdowns",
    "quotes_per_role": "breakdowns", "quotes_per_speaker": "breakdowns", "speaker_quotes": "breakdowns",
    "MAX_BYTES": "load", "NewskitInputError": "load", "read_articles": "load",
    "ModelNotFound": "model", "load_model": "model",
    "tag": "tagging",
    "canonical_names": "entity_stats", "cooccurrence": "entity_stats", "entity_counts": "entity_stats",
    "entity_table": "entity_stats",
    "Explorer": "explorer", "explore": "explorer",
    "table": "explore_tables",
}


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'newskit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))


def analyze(source, *, year=None, errors="collect", max_bytes=None, **tag_options):
    """`read_articles` then `tag` in one call; `tag_options` are tag()'s (cache, model, n_process ...).
    Returns a Corpus."""
    from .load import MAX_BYTES, read_articles
    from .tagging import tag

    articles = read_articles(source, year=year, errors=errors,
                             max_bytes=MAX_BYTES if max_bytes is None else max_bytes)
    return tag(articles, **tag_options)


__all__ = sorted([*_PUBLIC, "analyze", "timeline", "__version__"])
