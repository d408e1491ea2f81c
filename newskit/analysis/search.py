"""`search(corpus, "humanitarian corridor")`: where a word or phrase occurs in the article text."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

SEARCH_COLUMNS = ["article_id", "paragraph", "sentence", "start", "end", "text", "context"]
# characters of text shown on each side of a hit
CONTEXT = 60


def search(corpus, phrase: str | list[str], *, case: bool = False, whole_words: bool = True) -> pd.DataFrame:
    """Every occurrence of a word or phrase (or of any of several) in the articles, in article order.

    Whitespace in the phrase matches any run of whitespace ("humanitarian  corridor" across a line
    break); the phrase is literal text, not a regular expression.

    Args:
        corpus: a tagged Corpus (its articles' text, paragraphs and sentences).
        phrase: one phrase or a list of them.
        case: match case exactly (default: ignore it).
        whole_words: a hit must not start or end inside a word ("aid" does not hit "said").

    Returns:
        DataFrame with article_id, paragraph, sentence, start, end (offsets into `articles.text`),
        text (the hit as written) and context (the hit with some text around it, one line).
    """
    phrases = [phrase] if isinstance(phrase, str) else list(phrase)
    phrases = [p for p in (" ".join(str(p).split()) for p in phrases) if p]
    if not phrases:
        raise ValueError("search needs a non-empty word or phrase")
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split(" ")) for p in sorted(phrases, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)" if whole_words else f"(?:{body})", 0 if case else re.IGNORECASE)
    rows = []
    for article_id, text in zip(corpus.articles["article_id"].astype(str), corpus.articles["text"]):
        for hit in pattern.finditer(text):
            left = max(0, hit.start() - CONTEXT)
            context = " ".join(text[left:hit.end() + CONTEXT].split())
            rows.append((article_id, hit.start(), hit.end(), hit.group(0), context))
    frame = pd.DataFrame(rows, columns=["article_id", "start", "end", "text", "context"])
    frame["paragraph"] = _containing(frame, corpus.paragraphs, "paragraph")
    frame["sentence"] = _containing(frame, corpus.sentences, "sentence")
    return frame[SEARCH_COLUMNS]


def _containing(hits: pd.DataFrame, spans: pd.DataFrame, column: str) -> pd.Series:
    """For each hit, the `column` of the span of its article that contains its start (or missing)."""
    out = pd.Series(pd.NA, index=hits.index, dtype="Int64")
    if hits.empty or spans.empty:
        return out
    by_article = {a: g.sort_values("start") for a, g in spans.groupby(spans["article_id"].astype(str), sort=False)}
    for article_id, group in hits.groupby("article_id", sort=False):
        found = by_article.get(article_id)
        if found is None:
            continue
        starts = found["start"].to_numpy()
        at = np.searchsorted(starts, group["start"].to_numpy(), side="right") - 1
        inside = (at >= 0) & (group["start"].to_numpy() < found["end"].to_numpy()[np.clip(at, 0, None)])
        values = found[column].to_numpy()[np.clip(at, 0, None)]
        out.loc[group.index] = pd.array(np.where(inside, values, pd.NA), dtype="Int64")
    return out
