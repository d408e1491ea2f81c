"""Entity mentions with corrected labels, canonical names, roles, and dateline / agency flags."""
from __future__ import annotations

import pandas as pd

from newskit.extract.document import ArticleDoc, ParagraphDoc
from newskit.extract.entities.canonical import resolve_article
from newskit.extract.entities.mention import Mention
from newskit.extract.names import PARTY_WORDS, only_title_words, split_title, title_before_apposition


def extract_entities(adoc: ArticleDoc) -> list[dict]:
    """One row per entity mention, in reading order, with `entity` the article's canonical name."""
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
        if ent.label_ != "PERSON" or all(t.lower_ in PARTY_WORDS for t in ent):  # "Lib Dem" is no person
            mentions.append(Mention(pdoc, ent.start, ent.end, ent.label_ if ent.label_ != "PERSON" else "NORP"))
            continue
        titled = split_title(ent)
        role = titled.role or title_before_apposition(pdoc.doc[titled.name_start:ent.end])
        mentions.append(Mention(pdoc, titled.name_start, ent.end, "PERSON", role=role))
        if titled.role is not None:
            role_ranges.append((titled.role_start, titled.name_start))
    # "Defense" tagged ORG inside "Russian Defense Minister": part of the role, not an organisation
    return [m for m in mentions
            if not any(lo <= m.start_i and m.end_i <= hi and only_title_words(m.span) for lo, hi in role_ranges)]


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
