"""`timeline(corpus)`: one row per dated event or statement across the corpus, with who and what."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

from newskit.analysis.copies import check_copies, originals
from newskit.extract.timexes.normalize import day_of, period_start

if TYPE_CHECKING:
    from newskit.corpus import Corpus

# Precision of a calendar value, in the order the timeline sorts them (coarse after fine).
PRECISIONS = ("time", "day", "week", "month", "quarter", "season", "year", "decade", "century")
# Entity labels that name actors in a timeline's `who`.
ACTOR_LABELS = ("PERSON", "ORG")
TIMELINE_COLUMNS = ["date", "precision", "article_id", "sentence", "what", "who", "quote", "timex", "value", "start", "end"]


def timeline(corpus: Corpus, *, max_what: int = 160, copies: str = "first") -> pd.DataFrame:
    """One row per dated event or statement in the corpus, in date order.

    Args:
        corpus: a tagged Corpus.
        max_what: longest `what` (clause) text kept, in characters; longer ones end in "…".
        copies: "first" (default) lists each story's events once, from its original article
            (near-duplicate copies, articles.copy_of set, left out); "keep" lists every copy's.

    Returns:
        DataFrame with date (the first day of the period), precision ("day", "week", "month" ...),
        article_id, sentence, what (the clause the date belongs to), who (its people and
        organizations, "; "-joined, quote speaker first), quote (the id of a quote in that sentence, or
        missing), timex (the expression as written), value (TIMEX3), start, end. Expressions inside an
        article's dateline date the article, not an event, and are left out.
    """
    check_copies(copies)
    timexes = corpus.timexes
    if copies == "first" and len(timexes):
        timexes = timexes[timexes["article_id"].isin(originals(corpus.articles))]
    if timexes.empty:
        return pd.DataFrame({c: pd.Series(dtype=d) for c, d in _TIMELINE_DTYPES.items()})
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    datelines = _dateline_spans(corpus.articles)
    frame = timexes[timexes["type"].isin(["DATE", "TIME"])].copy()
    frame["period"] = frame["value"].map(period_start)
    # a datetime64[ns] column holds 1677-09-22 .. 2262-04-11: "in 1650" stays in corpus.timexes
    # (value "1650") but dates no event on this timeline
    frame = frame[frame["period"].map(_in_range)]
    if "clause_start" not in frame.columns:
        frame["clause_start"], frame["clause_end"] = frame["start"], frame["end"]
    outside = [not (datelines.get(a, (0, 0))[0] <= s < datelines.get(a, (0, 0))[1])
               for a, s in zip(frame["article_id"], frame["start"])]
    frame = frame[outside]
    entities = _actors(corpus.entities)
    quotes = _quotes_by_sentence(corpus)
    rows = []
    for row in frame.itertuples(index=False):
        text = texts[row.article_id]
        clause_start, clause_end = int(row.clause_start), int(row.clause_end)
        what = " ".join(text[clause_start:clause_end].split())
        if len(what) > max_what:
            what = what[: max_what - 1].rstrip() + "…"
        quote = quotes.get((row.article_id, int(row.sentence)))
        names = [quote[1]] if quote and isinstance(quote[1], str) else []
        for entity_start, entity_end, name in entities.get(row.article_id, []):
            if clause_start <= entity_start and entity_end <= clause_end and name not in names:
                names.append(name)
        precision = getattr(row, "precision", None) or _precision_of(row.value)
        rows.append({
            "date": row.period, "precision": precision, "article_id": row.article_id,
            "sentence": int(row.sentence), "what": what, "who": "; ".join(names) or None,
            "quote": quote[0] if quote else None, "timex": row.text, "value": row.value,
            "start": int(row.start), "end": int(row.end),
        })
    result = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    result = result.astype({k: v for k, v in _TIMELINE_DTYPES.items()})
    rank = {p: i for i, p in enumerate(PRECISIONS)}
    return (result.assign(_rank=result["precision"].map(rank).fillna(len(rank)))
            .sort_values(["date", "_rank", "article_id", "start"], kind="stable")
            .drop(columns="_rank").reset_index(drop=True))


_FIRST_DAY, _LAST_DAY = pd.Timestamp.min.date() + pd.Timedelta(days=1), pd.Timestamp.max.date()


def _in_range(day) -> bool:
    return day is not None and _FIRST_DAY <= day <= _LAST_DAY


_TIMELINE_DTYPES = {
    "date": "datetime64[ns]", "precision": "str", "article_id": "str", "sentence": "int64", "what": "str",
    "who": "str", "quote": "Int64", "timex": "str", "value": "str", "start": "int64", "end": "int64",
}


def _precision_of(value: str) -> str:
    if day_of(value):
        return "time" if "T" in value else "day"
    if "-W" in value:
        return "week"
    if "-Q" in value:
        return "quarter"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return "season"
    return {7: "month", 4: "year", 3: "decade", 2: "century"}.get(len(value), "day")


def _dateline_spans(articles: pd.DataFrame) -> dict[str, tuple[int, int]]:
    if "dateline_start" not in articles.columns:
        return {}
    spans = {}
    for article_id, start, end in zip(articles["article_id"], articles["dateline_start"], articles["dateline_end"]):
        if pd.notna(start) and pd.notna(end):
            spans[article_id] = (int(start), int(end))
    return spans


def _actors(entities: pd.DataFrame) -> dict[str, list[tuple[int, int, str]]]:
    found: dict[str, list[tuple[int, int, str]]] = {}
    if entities.empty:
        return found
    people = entities[entities["label"].astype(str).isin(ACTOR_LABELS)]
    for article_id, start, end, name in zip(people["article_id"], people["start"], people["end"], people["entity"]):
        found.setdefault(article_id, []).append((int(start), int(end), str(name)))
    return found


def _quotes_by_sentence(corpus: Corpus) -> dict[tuple[str, int], tuple[int, str | None]]:
    """(article_id, sentence) -> (quote id, speaker) of the first quote overlapping that sentence."""
    quotes, sentences = corpus.quotes, corpus.sentences
    found: dict[tuple[str, int], tuple[int, str | None]] = {}
    if quotes.empty or sentences.empty:
        return found
    by_article = {a: list(zip(g["sentence"], g["start"], g["end"])) for a, g in sentences.groupby("article_id", sort=False)}
    for row in quotes.sort_values(["article_id", "quote"]).itertuples(index=False):
        speaker = row.speaker if isinstance(row.speaker, str) else None
        for sentence, start, end in by_article.get(row.article_id, []):
            if row.start < end and start < row.end:
                found.setdefault((row.article_id, int(sentence)), (int(row.quote), speaker))
    return found
