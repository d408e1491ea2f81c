"""`extract_timexes(adoc)`: the timexes frame's rows for one tagged article, each with the tense of
its governing verb and the clause it dates (run by `tag()` after entities)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newskit.extract import lexicon
from newskit.extract.timexes.finder import Match, find_timexes
from newskit.extract.timexes.normalize import as_date, day_of
from newskit.extract.timexes.registry import Context

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newskit.extract.document import ArticleDoc

# Spans spaCy calls money, percentages or counts are never years ("$1990", "2000 troops").
_NUMERIC_LABELS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
# A month name inside a person's or organization's name is not a month ("Theresa May").
_NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW"}
# The verbs and auxiliaries that decide a clause's tense, and the nouns that make "current" a date
# ("the current quarter"); each list's file says more.
_FUTURE_HEADS = lexicon.words("timexes/future_heads")
_FUTURE_AUX = lexicon.words("timexes/future_auxiliaries")
_CONDITIONAL_AUX = lexicon.words("timexes/conditional_auxiliaries")
_PERFECT_AUX = lexicon.words("timexes/perfect_auxiliaries")
_REFERENCE_HEADS = lexicon.words("timexes/reference_heads")

# --- extraction --------------------------------------------------------------------------------


def extract_timexes(adoc: ArticleDoc) -> list[dict]:
    """One row per temporal expression in an article, normalized against its publication date.

    Rows have the timexes frame's columns: sentence, paragraph, start, end, text, type, value,
    date (the day, when the value is one), precision, mod, tense, rule, and the clause the
    expression dates (clause_start, clause_end: the governing verb's subtree in the sentence).
    """
    ctx = Context(as_date(adoc.article.get("published")))
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


def governing_verb(span: Span) -> Token | None:
    """The verb an expression's root hangs from ("told journalists on Friday" -> "told")."""
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token not in span:
            return token
        if token.head.i == token.i:  # the sentence's root, and no verb outside the expression
            return None
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
    if lowers & _CONDITIONAL_AUX:
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
    if verb.tag_ == "VBN" and lowers & _PERFECT_AUX:
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
