"""Timelines: temporal expressions normalized against the publication date, and what happened when.

Three public pieces:

- `normalize(phrase, anchor, tense)`: one phrase ("on Thursday", "the third quarter") to its
  TIMEX3 (type, value, day) against a publication date.
- `extract_timexes(adoc)`: the `timexes` frame's rows for one tagged article (run by `tag()`).
- `timeline(corpus)`: one row per dated event or statement, with who and what.

The rules themselves (patterns and values) live in `newskit/timex_rules.py`.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

import pandas as pd

from .timex_rules import WEEKDAY, WEEKDAYS, Context, Match, find_timexes, full_match

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .article_doc import ArticleDoc
    from .corpus import Corpus

# Words in front of a date that TimeML leaves outside the expression ("on Friday" -> "Friday").
_LEADING_WORDS = re.compile(r"^(?:(?:on|in|at|since|by|until|till|through|during|from|before|after|for|of|as of|over|within|throughout|around the)\s+)+",
                            re.IGNORECASE)
# Spans spaCy calls money, percentages or counts are never years ("$1990", "2000 troops").
_NUMERIC_LABELS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
# A month name inside a person's or organization's name is not a month ("Theresa May").
_NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW"}
# Verbs whose infinitive complement lies ahead: "plans to meet on Friday".
_FUTURE_HEADS = {"suppose", "plan", "expect", "schedule", "intend", "hope", "set", "due", "go", "aim", "prepare", "agree", "promise", "want"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
# Precision of a calendar value, in the order the timeline sorts them (coarse after fine).
PRECISIONS = ("time", "day", "week", "month", "quarter", "season", "year", "decade", "century")
# Entity labels that name actors in a timeline's `who`.
ACTOR_LABELS = ("PERSON", "ORG")


def normalize(phrase: str, anchor: date | datetime | pd.Timestamp | None = None, tense: str | None = None):
    """Normalize one temporal expression against a publication date.

    Args:
        phrase: the expression, e.g. "on Thursday", "July 29", "the third quarter", "three years".
            Leading prepositions ("on", "in", "since" ...) are ignored.
        anchor: the publication date; None leaves relative expressions unanchored ("XXXX-XX-XX").
        tense: "past", "future" or "present" (the governing verb's), or None; it decides the
            direction of weekdays and year-less dates.

    Returns:
        (type, value, day) — TIMEX3 type ("DATE", "TIME", "DURATION", "SET"), TIMEX3 value
        ("2016-07-28", "2016-W30", "P3Y", "PRESENT_REF" ...) and a `datetime.date` when the value
        names one full day, else None — or None when the phrase is not a temporal expression.

    Examples:
        >>> normalize("on Thursday", date(2016, 7, 29), "past")
        ('DATE', '2016-07-28', datetime.date(2016, 7, 28))
        >>> normalize("last week", date(2016, 7, 29))
        ('DATE', '2016-W29', None)
    """
    timex = normalize_timex(phrase, anchor, tense)
    if timex is None:
        return None
    return timex.type, timex.value, day_of(timex.value)


def normalize_timex(phrase: str, anchor=None, tense: str | None = None):
    """Like `normalize`, but returns the rule's `Timex` (with precision and mod)."""
    phrase = _LEADING_WORDS.sub("", phrase.strip()).strip(" ,.;:")
    match = full_match(phrase)
    if match is None:
        return None
    return match.rule.normalize(match.text, Context(_as_date(anchor), tense))


def day_of(value: str | None) -> date | None:
    """The day a TIMEX3 value names ("2016-07-28", "2016-07-28T10:00"), else None."""
    if isinstance(value, str) and re.match(r"^\d{4}-\d\d-\d\d(?:$|T)", value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def period_start(value: str | None) -> date | None:
    """The first day of the period a calendar TIMEX3 value names ("2016-W30" -> 2016-07-25,
    "2016-Q3" -> 2016-07-01, "199" -> 1990-01-01); None for references, durations and sets."""
    if not isinstance(value, str) or "X" in value:
        return None
    day = day_of(value)
    if day:
        return day
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", value):
            return date.fromisocalendar(int(m[1]), int(m[2]), 6 if value.endswith("WE") else 1)
        if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            return date(int(m[1]), int(m[2]), 1)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            return date(int(m[1]), 3 * int(m[2]) - 2, 1)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            return date(int(m[1]), {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[2]], 1)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1)
        if re.fullmatch(r"\d{3}", value):
            return date(int(value) * 10, 1, 1)
        if re.fullmatch(r"\d{2}", value):
            return date(int(value) * 100 + 1, 1, 1)
    except ValueError:
        return None
    return None


def _as_date(anchor) -> date | None:
    if anchor is None or anchor is pd.NaT or (not isinstance(anchor, date) and pd.isna(anchor)):
        return None
    if isinstance(anchor, pd.Timestamp):
        return None if pd.isna(anchor) else anchor.date()
    if isinstance(anchor, datetime):
        return anchor.date()
    if isinstance(anchor, date):
        return anchor
    stamp = pd.Timestamp(anchor)
    return None if pd.isna(stamp) else stamp.date()


# --- extraction --------------------------------------------------------------------------------


def extract_timexes(adoc: ArticleDoc) -> list[dict]:
    """One row per temporal expression in an article, normalized against its publication date.

    Rows have the timexes frame's columns: sentence, paragraph, start, end, text, type, value,
    date (the day, when the value is one), precision, mod, tense, rule, and the clause the
    expression dates (clause_start, clause_end: the governing verb's subtree in the sentence).
    """
    ctx = Context(_as_date(adoc.article.get("published")))
    rows = []
    for pdoc in adoc.paragraphs:
        doc = pdoc.doc
        if not len(doc):
            continue
        for match in find_timexes(pdoc.text):
            span = doc.char_span(match.start, match.end, alignment_mode="expand")
            if span is None or not _plausible(match, span):
                continue
            verb = governing_verb(span)
            ctx.tense = tense_of(verb)
            ctx.previous_word = doc[span.start - 1].text if span.start > 0 else ""
            ctx.next_word = doc[span.end].text if span.end < len(doc) else ""
            timex = match.rule.normalize(match.text, ctx)
            if timex is None:
                continue
            sentence = span.sent
            clause = _clause(verb, sentence)
            start = pdoc.start + match.start
            rows.append({
                "sentence": pdoc.sentence_of(span.start),
                "paragraph": pdoc.paragraph,
                "start": start,
                "end": start + len(match.text),
                "text": match.text,
                "type": timex.type,
                "value": timex.value,
                "date": day_of(timex.value),
                "precision": timex.precision,
                "mod": timex.mod,
                "tense": ctx.tense,
                "rule": match.rule.name,
                "clause_start": pdoc.start + clause[0],
                "clause_end": pdoc.start + clause[1],
            })
    return rows


def _plausible(match: Match, span: Span) -> bool:
    """Drop matches spaCy's analysis contradicts: years that are amounts, months that are verbs
    or names ("May I", "Theresa May", "March on Washington")."""
    labels = {token.ent_type_ for token in span if token.ent_type_}
    name = match.rule.name
    if name == "year" and re.fullmatch(r"\d{4}", match.text) and labels & _NUMERIC_LABELS:
        return False
    if name == "month" and len(span) == 1:
        token = span[0]
        if token.pos_ in ("VERB", "AUX") or labels & _NAME_LABELS:
            return False
        if token.lower_ in ("may", "march"):
            after = token.nbor() if token.i + 1 < len(token.doc) else None
            before = token.nbor(-1) if token.i > 0 else None
            if after is not None and after.pos_ in ("VERB", "AUX", "PRON"):
                return False  # "May I", "May we"
            if before is not None and before.tag_ in ("PRP", "MD", "TO", "WP"):
                return False  # "they March", "will March", "to March"
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if name == "duration" and following is not None and following.lower_ == "old":
        return False  # an age: "37 years old"
    if match.text.lower() == "quarterly" and span[0].dep_ == "amod":
        return False  # "quarterly dividend"
    if name == "reference" and match.text.lower() in ("current", "future", "recent"):
        # only as a modifier of a noun that is itself about time or business ("current quarter")
        return span[0].dep_ == "amod" and span[0].head.lower_ in _REFERENCE_HEADS
    return True


_REFERENCE_HEADS = {"quarter", "year", "period", "fiscal", "levels", "level", "rate", "prices", "price", "plans",
                    "generations", "times", "conditions", "market", "situation", "value", "economic"}


def governing_verb(span: Span) -> Token | None:
    """The verb an expression's root hangs from ("told journalists on Friday" -> "told")."""
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token not in span:
            return token
        if token.head is token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def tense_of(verb: Token | None) -> str | None:
    """"past", "future", "present" or None, from the verb's morphology and its auxiliaries."""
    if verb is None:
        return None
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    lowers = {aux.lower_ for aux in auxes}
    if lowers & _FUTURE_AUX:
        return "future"
    if "would" in lowers or "could" in lowers or "might" in lowers:
        return None
    if verb.tag_ == "VB" and "to" in lowers and verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_ in _FUTURE_HEADS:
            return "future"
        return tense_of(head)
    if "Past" in verb.morph.get("Tense") and verb.tag_ == "VBD":
        return "past"
    if any("Past" in aux.morph.get("Tense") for aux in auxes):
        return "past"
    if verb.tag_ == "VBN" and lowers & {"has", "have", "'ve", "had"}:
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not auxes or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _clause(verb: Token | None, sentence: Span) -> tuple[int, int]:
    """Character range (in the paragraph) of the clause a date belongs to: the governing verb's
    subtree, cut to the sentence; the whole sentence when there is no verb."""
    if verb is None or not (sentence.start <= verb.i < sentence.end):
        return sentence.start_char, sentence.end_char
    left = max(verb.left_edge.i, sentence.start)
    right = min(verb.right_edge.i, sentence.end - 1)
    doc = sentence.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


# --- year-less datelines -----------------------------------------------------------------------

_WEEKDAY_MENTION = re.compile(rf"(?<![\w-]){WEEKDAY}(?![\w-])")


def year_candidates(text: str, month: int, day: int, first: int = 1990, last: int | None = None) -> list[int]:
    """Years in which a year-less dateline's day ("July 29") falls on the weekday the story
    dates itself by, most recent first.

    The story's own weekday is the mentioned weekday from which every other weekday mention is
    the shortest way back (a Friday story says "on Thursday"; "on Friday" is the day itself).
    With no weekday mention nothing narrows the years, and the list is empty.

    >>> year_candidates("... told journalists on Friday. ... said on Thursday ...", 7, 29, last=2024)[:3]
    [2022, 2016, 2011]
    """
    last = last if last is not None else date.today().year
    mentioned: list[int] = []
    for match in _WEEKDAY_MENTION.finditer(text):
        weekday = WEEKDAYS[match.group(0).lower()]
        if weekday not in mentioned:
            mentioned.append(weekday)
    if not mentioned:
        return []
    story_day = min(mentioned, key=lambda w: (max((w - other) % 7 for other in mentioned), mentioned.index(w)))
    years = []
    for year in range(last, first - 1, -1):
        try:
            if date(year, month, day).weekday() == story_day:
                years.append(year)
        except ValueError:
            continue
    return years


def dateline_year_candidates(text: str, month: int | None, day: int | None) -> str | None:
    """`year_candidates` as the articles frame stores it: "2022,2016,2011,..." or None."""
    if not month or not day:
        return None
    years = year_candidates(text, month, day)
    return ",".join(str(y) for y in years) if years else None


# --- the timeline ------------------------------------------------------------------------------

TIMELINE_COLUMNS = ["date", "precision", "article_id", "sentence", "what", "who", "quote", "timex", "value", "start", "end"]


def timeline(corpus: Corpus, *, max_what: int = 160) -> pd.DataFrame:
    """One row per dated event or statement in the corpus, in date order.

    Args:
        corpus: a tagged Corpus.
        max_what: longest `what` (clause) text kept, in characters; longer ones end in "…".

    Returns:
        DataFrame with date (the first day of the period), precision ("day", "week", "month" ...),
        article_id, sentence, what (the clause the date belongs to), who (its people and
        organizations, "; "-joined, quote speaker first), quote (the id of a quote in that sentence, or
        missing), timex (the expression as written), value (TIMEX3), start, end. Expressions inside an
        article's dateline date the article, not an event, and are left out.
    """
    timexes = corpus.timexes
    if timexes.empty:
        return pd.DataFrame({c: pd.Series(dtype=d) for c, d in _TIMELINE_DTYPES.items()})
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    datelines = _dateline_spans(corpus.articles)
    frame = timexes[timexes["type"].isin(["DATE", "TIME"])].copy()
    frame["period"] = frame["value"].map(period_start)
    frame = frame[frame["period"].notna()]
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
