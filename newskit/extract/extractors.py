"""The extractors newskit runs over every article, in their fixed order, and `extract()` that runs them.

Each extractor is a pure function of one article's paragraph Docs and metadata (an ArticleDoc)
plus the rows of the extractors before it (`ArticleDoc.results`): quotes read entities and timexes,
so the order is part of the output.

`EXTRACTORS` (frame name -> function) is imported on first use: the extractors need spaCy, and a
run served from the cache needs only their names (`names()`, part of the cache key).
"""
from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newskit.extract.document import ArticleDoc, ParagraphDoc

Extractor = Callable[["ArticleDoc"], list[dict]]
Frames = dict[str, list[dict]]

# The one key of the Frames of an article that could not be tagged: [{"reason": ..., "traceback": ...}].
# tag() leaves such an article out of the corpus with a rejects row; it is never cached.
FAILED = "failed"
# Characters of an exception's message kept in a reject's reason.
REASON_CHARS = 300

# Frame name -> the extractor ("module:function"), run in this order.
_DEFAULT = {
    "sentences": "newskit.extract.sentences:extract_sentences",
    "entities": "newskit.extract.entities.mentions:extract_entities",
    "timexes": "newskit.extract.timexes.tagger:extract_timexes",
    "quotes": "newskit.extract.quotes.direct:extract_quotes",
}


def registry() -> dict[str, Extractor]:
    """EXTRACTORS, as a script may have changed or replaced it (bench/eval_*.py time one extractor)."""
    current = globals().get("EXTRACTORS")
    if current is None:
        current = globals()["EXTRACTORS"] = {
            frame: getattr(importlib.import_module(module), function)
            for frame, (module, function) in ((frame, spec.split(":")) for frame, spec in _DEFAULT.items())}
    return current


def names() -> list[str]:
    """The frames the extractors make, in order (EXTRACTORS' keys), without importing them."""
    current = globals().get("EXTRACTORS")
    return list(_DEFAULT if current is None else current)


def __getattr__(name: str):
    if name == "EXTRACTORS":
        return registry()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract(article: dict, pdocs: list[ParagraphDoc], extractors: dict[str, Extractor] | None = None) -> Frames:
    """Every extractor (default: EXTRACTORS), in order, over one article's paragraph Docs."""
    from newskit.extract.document import ArticleDoc

    adoc = ArticleDoc(article, pdocs)
    for name, extractor in (registry() if extractors is None else extractors).items():
        try:
            adoc.results[name] = extractor(adoc)
        except Exception as error:  # one article's bad luck never stops a corpus run: it becomes a reject
            return failure(f"the {name} extractor", error)
    return adoc.results


def failure(stage: str, error: BaseException) -> Frames:
    """The Frames of an article that `stage` failed on: why (one line, naming the exception and
    where in newskit it was raised) and the full traceback, for tag(errors="raise")."""
    message = " ".join(str(error).split())
    if len(message) > REASON_CHARS:
        message = message[:REASON_CHARS - 3] + "..."
    where = ""
    frames = traceback.extract_tb(error.__traceback__)
    if frames:
        path = frames[-1].filename.replace("\\", "/")
        path = path[path.rindex("newskit/"):] if "newskit/" in path else path.rsplit("/", 1)[-1]
        where = f" at {path}:{frames[-1].lineno}"
    reason = f"not tagged: {stage} raised {type(error).__name__}{where}" + (f": {message}" if message else "")
    detail = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return {FAILED: [{"reason": reason, "traceback": detail}]}
