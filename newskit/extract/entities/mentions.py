"""Entity mentions with corrected labels, canonical names, roles, and dateline / agency flags."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Span

from newskit.extract.document import ArticleDoc, ParagraphDoc
from newskit.extract.lexicon.words import CORE_TITLES, HONORIFICS, TITLE_MODIFIERS

# Entity types that can precede a name inside a role ("Russian Defense Minister", "World Bank President").
_ROLE_ENTITY_TYPES = frozenset({"NORP", "GPE", "ORG"})
_ROLE_CONNECTORS = frozenset({"of", "'s", "’s", "for", "and", "&"})
_TITLE_WORDS = CORE_TITLES | TITLE_MODIFIERS | HONORIFICS


@dataclass
class Mention:
    """One entity mention while its article is being resolved (token indices in its paragraph)."""

    pdoc: ParagraphDoc
    start_i: int
    end_i: int
    label: str
    role: str | None = None
    entity: str | None = None
    from_person_name: bool = False  # canonical name is a full PERSON name of the article

    @functools.cached_property
    def span(self) -> Span:
        return self.pdoc.doc[self.start_i:self.end_i]

    @property
    def offsets(self) -> tuple[int, int]:
        return self.pdoc.offsets(self.span)


def extract_entities(adoc: ArticleDoc) -> list[dict]:
    """One row per entity mention, in reading order, with `entity` the article's canonical name."""
    from newskit.extract.entities.canonical import resolve_article

    mentions = [m for pdoc in adoc.paragraphs for m in paragraph_mentions(pdoc)]
    mentions = resolve_article(mentions, adoc.paragraphs)
    rows = [_row(adoc, m) for m in mentions]
    rows += _agency_rows(adoc, rows)
    rows = [r for r in rows if r["text"].strip()]
    return sorted(rows, key=lambda r: (r["start"], r["end"]))


def paragraph_mentions(pdoc: ParagraphDoc) -> list[Mention]:
    """The paragraph's entities, titles split off people, entities that only spell a title dropped."""
    mentions, role_ranges = [], []
    for ent in pdoc.doc.ents:
        if ent.label_ != "PERSON":
            mentions.append(Mention(pdoc, ent.start, ent.end, ent.label_))
            continue
        mention, role_range = _split_role(pdoc, ent)
        mentions.append(mention)
        if role_range:
            role_ranges.append(role_range)
    # "Defense" tagged ORG inside "Russian Defense Minister": part of the role, not an organisation
    return [m for m in mentions
            if not any(lo <= m.start_i and m.end_i <= hi and _only_title_words(m.span) for lo, hi in role_ranges)]


def _title_word(text: str) -> bool:
    return text.lower() in _TITLE_WORDS or text.lower().rstrip(".") in _TITLE_WORDS


def _only_title_words(span: Span) -> bool:
    return all(_title_word(t.text) for t in span)


def _split_role(pdoc: ParagraphDoc, ent: Span) -> tuple[Mention, tuple[int, int] | None]:
    """PERSON span -> (name-only mention with its role, token range of the role words)."""
    doc = ent.doc
    start = ent.start
    # titles inside the span: "Special Envoy Staffan de Mistura" tagged PERSON as a whole
    while start < ent.end - 1 and _title_word(doc[start].text):
        start += 1
    first = start
    # titles just before the span: "Russian Deputy Defense Minister" + "Anatoly Antonov"
    k = ent.start - 1
    while k >= 0 and (_title_word(doc[k].text) or doc[k].ent_type_ in _ROLE_ENTITY_TYPES
                      or (doc[k].lower_ in _ROLE_CONNECTORS and k > 0 and not doc[k].is_sent_start)):
        first = k
        k -= 1
    while first < start and (doc[first].lower_ in _ROLE_CONNECTORS or doc[first].lower_ in HONORIFICS):
        first += 1
    words = [t.lower_.rstrip(".") for t in doc[first:start]]
    has_title = any(w in CORE_TITLES for w in words)
    role = doc[first:start].text if has_title else None
    mention = Mention(pdoc, start, ent.end, "PERSON", role=role)
    return mention, ((first, start) if has_title else None)


def _row(adoc: ArticleDoc, m: Mention) -> dict:
    start, end = m.offsets
    return {
        "sentence": m.pdoc.sentence_of(m.start_i),
        "paragraph": m.pdoc.paragraph,
        "start": start,
        "end": end,
        "text": adoc.text[start:end],
        "label": m.label,
        "entity": m.entity or adoc.text[start:end],
        "role": m.role,
        "in_dateline": _in_dateline(adoc, start, end),
        "is_agency": _is_agency(adoc, start, end),
        "paragraph_kind": m.pdoc.kind,
    }


def _dateline(adoc: ArticleDoc) -> tuple[int, int] | None:
    start, end = adoc.article.get("dateline_start"), adoc.article.get("dateline_end")
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return None
    return int(start), int(end)


def _in_dateline(adoc: ArticleDoc, start: int, end: int) -> bool:
    span = _dateline(adoc)
    return span is not None and span[0] <= start and end <= span[1]


def _agency_span(adoc: ArticleDoc) -> tuple[int, int] | None:
    """Where the agency credit ("TASS" in "MOSCOW, July 29 /TASS/.") sits in the text."""
    span, agency = _dateline(adoc), adoc.article.get("agency")
    if span is None or not isinstance(agency, str) or not agency.strip():
        return None
    at = adoc.text.find(agency, span[0], span[1])
    return (at, at + len(agency)) if at >= 0 else None


def _is_agency(adoc: ArticleDoc, start: int, end: int) -> bool:
    credit = _agency_span(adoc)
    return credit is not None and start < credit[1] and credit[0] < end


def _agency_rows(adoc: ArticleDoc, rows: list[dict]) -> list[dict]:
    """The agency credit as an ORG mention when the model did not tag it."""
    credit = _agency_span(adoc)
    if credit is None or any(r["start"] < credit[1] and credit[0] < r["end"] for r in rows):
        return []
    for pdoc in adoc.paragraphs:
        if not pdoc.start <= credit[0] < pdoc.end:
            continue
        # "/TASS/." may be one token: the row keeps the credit's exact characters
        token = pdoc.doc.char_span(credit[0] - pdoc.start, credit[1] - pdoc.start, alignment_mode="expand")
        if token is None or not len(token):
            return []
        text = adoc.text[credit[0]:credit[1]]
        return [{"sentence": pdoc.sentence_of(token.start), "paragraph": pdoc.paragraph, "start": credit[0],
                 "end": credit[1], "text": text, "label": "ORG", "entity": text, "role": None,
                 "in_dateline": True, "is_agency": True, "paragraph_kind": pdoc.kind}]
    return []
