"""newskit: news articles into tidy pandas frames — who is mentioned, who said what, and when."""
from __future__ import annotations

__version__ = "0.1.0"

from .corpus import Corpus  # noqa: E402
from .breakdowns import (  # noqa: E402
    cue_verbs, kind_shares, quote_lengths, quotes_per_role, quotes_per_speaker, speaker_quotes,
)
from .load import MAX_BYTES, NewskitInputError, read_articles  # noqa: E402
from .model import ModelNotFound, load_model  # noqa: E402
from .tagging import tag  # noqa: E402
from .entity_stats import canonical_names, cooccurrence, entity_counts, entity_table  # noqa: E402
from .timeline import timeline  # noqa: E402
from .explore import Explorer, explore  # noqa: E402  (newskit.explore is the function)
from .explore_tables import table  # noqa: E402


def analyze(source, *, year=None, errors="collect", max_bytes=MAX_BYTES, **tag_options) -> Corpus:
    """`read_articles` then `tag` in one call; `tag_options` are tag()'s (cache, model, n_process ...)."""
    articles = read_articles(source, year=year, errors=errors, max_bytes=max_bytes)
    return tag(articles, **tag_options)


__all__ = [
    "Corpus", "MAX_BYTES", "ModelNotFound", "NewskitInputError",
    "cue_verbs", "kind_shares", "quote_lengths", "quotes_per_role", "quotes_per_speaker", "speaker_quotes",
    "Explorer", "explore", "table",
    "analyze", "canonical_names", "cooccurrence", "entity_counts", "entity_table", "load_model", "read_articles", "tag", "timeline", "__version__",
]
