"""When a quote was said: the date attached to its cue ("told journalists on Friday", "said on
Thursday"), normalized against the publication date."""
from __future__ import annotations

import pandas as pd
from spacy.tokens import Span, Token

from newskit.extract.document import ArticleDoc, ParagraphDoc


def said_on(adoc: ArticleDoc, pdoc: ParagraphDoc, verb: Token, content: tuple[int, int]) -> pd.Timestamp | None:
    """The date attached to a cue ("told journalists on Friday", "said on Thursday"), normalized
    against the publication date; None when the text does not say."""
    phrase = _date_phrase(verb)
    if phrase is None:
        return None
    start, end = pdoc.offsets(phrase)
    if content[0] <= start < content[1]:
        return None  # the date belongs to what was said, not to the saying
    for timex in adoc.results.get("timexes") or []:
        date = timex.get("date")
        if timex["start"] < end and timex["end"] > start and date is not None and not pd.isna(date):
            return pd.Timestamp(date)
    try:
        from newskit.extract.timexes.normalize import normalize
    except ImportError:
        return None
    try:
        found = normalize(phrase.text, adoc.article.get("published"), tense="past")
    except Exception:  # noqa: BLE001 — a date we cannot read is a missing date, never a crash
        return None
    date = found[2] if found else None
    return None if date is None or pd.isna(date) else pd.Timestamp(date)


def _date_phrase(verb: Token) -> Span | None:
    """A DATE entity attached to the verb or to its audience: "on Friday", "yesterday"."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "dative"))]
    for head in heads:
        for child in head.children:
            # "on Friday", "in a statement on Thursday"
            targets = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
            for target in targets:
                if target.ent_type_ in ("DATE", "TIME") and target.dep_ in ("pobj", "npadvmod", "tmod", "advmod"):
                    return next((e for e in verb.doc.ents if e.start <= target.i < e.end), None)
    return None
