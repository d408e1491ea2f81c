"""The extractors newskit runs over every article, in their fixed order, and `extract()` that runs them.

Each extractor is a pure function of one article's paragraph Docs and metadata (an ArticleDoc)
plus the rows of the extractors before it (`ArticleDoc.results`): quotes read entities and timexes,
so the order is part of the output.
"""
from __future__ import annotations

from collections.abc import Callable

from newskit.extract.document import ArticleDoc, ParagraphDoc
from newskit.extract.entities.mentions import extract_entities
from newskit.extract.quotes.direct import extract_quotes
from newskit.extract.sentences import extract_sentences
from newskit.extract.timexes.tagger import extract_timexes

Extractor = Callable[[ArticleDoc], list[dict]]
Frames = dict[str, list[dict]]

# Frame name -> extractor, run in this order.
EXTRACTORS: dict[str, Extractor] = {
    "sentences": extract_sentences,
    "entities": extract_entities,
    "timexes": extract_timexes,
    "quotes": extract_quotes,
}


def extract(article: dict, pdocs: list[ParagraphDoc], extractors: dict[str, Extractor] | None = None) -> Frames:
    """Every extractor (default: EXTRACTORS), in order, over one article's paragraph Docs."""
    adoc = ArticleDoc(article, pdocs)
    for name, extractor in (EXTRACTORS if extractors is None else extractors).items():
        adoc.results[name] = extractor(adoc)
    return adoc.results
