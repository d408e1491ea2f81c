"""Speakers: resolve the mention at a cue to a person or organisation, with role and date said.

Notes:
    Names resolve to the fullest form in the article ("Antonov" -> "Anatoly Antonov"); pronouns
    to the nearest earlier person of agreeing gender, subjects first (after Hobbs 1978 and the
    salience ranking of Lappin & Leass 1994); role nouns ("the minister") to the nearest person
    holding that role; organisation nouns ("the ministry") to the organisation named earlier.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Span, Token

from newskit.extract import lexicon
from newskit.extract.document import ArticleDoc, ParagraphDoc
from newskit.extract.names import ROLE_NOUNS, gender_of, person_name, role_of

# Personal pronouns a speaker may be written as -> the gender they agree with ("she" -> "female").
SPEAKER_PRONOUNS: dict[str, str] = lexicon.table("quotes/speaker_pronouns")
# Nouns of organisations: "the ministry said" is an organisation speaking.
ORGANISATION_NOUNS = lexicon.words("quotes/organisation_nouns")
# Nouns of unnamed sources: "a source", "experts", "officials said" keep speaker_text only.
UNNAMED_SOURCE_NOUNS = lexicon.words("quotes/unnamed_source_nouns")
_ORG_LABELS = {"ORG", "GPE", "NORP"}
# First words of a mention that leave its source unnamed: "a source", "some officials".
_INDEFINITE = lexicon.words("quotes/indefinite_determiners")


@dataclass
class Person:
    start: int  # article offset of the mention
    sentence: int
    name: str  # canonical name
    subject: bool  # the mention is a clause subject (more salient for pronouns)


class Resolver:
    """Everything one article tells about its people and organisations, to resolve speakers."""

    def __init__(self, adoc: ArticleDoc) -> None:
        self.adoc = adoc
        canonical = {(r["start"], r["end"]): r["entity"] for r in adoc.results.get("entities", [])
                     if isinstance(r.get("entity"), str) and r["entity"] != r["text"]}
        self.people: list[Person] = []
        self.roles: dict[str, str] = {}
        self.genders: dict[str, str] = {}
        self.orgs: list[tuple[int, str, str]] = []  # (offset, name, head lemma)
        mentions: list[tuple[ParagraphDoc, Span]] = []
        for pdoc in adoc.paragraphs:
            # organisations named by a noun phrase ("Russian defense ministry"), then by name
            chunks = [c for c in pdoc.doc.noun_chunks if c.root.lemma_.lower() in ORGANISATION_NOUNS]
            for chunk in chunks:
                self.orgs.append((pdoc.offsets(chunk)[0], _without_determiner(chunk), chunk.root.lemma_.lower()))
            for ent in pdoc.doc.ents:
                if ent.label_ == "PERSON":
                    mentions.append((pdoc, ent))
                elif ent.label_ in _ORG_LABELS and not any(c.start <= ent.start and ent.end <= c.end for c in chunks):
                    self.orgs.append((pdoc.offsets(ent)[0], canonical.get(pdoc.offsets(ent), ent.text), ent.root.lemma_.lower()))
        full_names = [person_name(e.text) for _, e in mentions if len(person_name(e.text).split()) > 1]
        for pdoc, ent in mentions:
            name = canonical.get(pdoc.offsets(ent)) or self._full_name(person_name(ent.text), full_names)
            if not name:
                continue
            self.people.append(Person(pdoc.offsets(ent)[0], pdoc.sentence_of(ent.start), name, ent.root.dep_ in ("nsubj", "nsubjpass")))
            role = role_of(ent)
            if role and name not in self.roles:
                self.roles[name] = role
            gender = gender_of(ent)
            if gender and name not in self.genders:
                self.genders[name] = gender

    @staticmethod
    def _full_name(name: str, full_names: list[str]) -> str:
        words = name.split()
        for full in full_names:  # the first full name that contains every word of the mention
            if set(words) <= set(full.split()):
                return full
        return name

    def resolve(self, mention: Span, pdoc: ParagraphDoc) -> dict:
        """speaker, speaker_text, speaker_start/end, speaker_label and speaker_role of a mention."""
        start, end = pdoc.offsets(mention)
        row = {"speaker": None, "speaker_text": mention.text, "speaker_start": start, "speaker_end": end,
               "speaker_label": None, "speaker_role": None}
        head = mention.root
        lower = mention.text.lower()
        if len(mention) == 1 and lower in SPEAKER_PRONOUNS:
            return {**row, **self._pronoun(SPEAKER_PRONOUNS[lower], start, pdoc.sentence_of(head.i))}
        known = set(person_name(mention.text).split()) <= {w for p in self.people for w in p.name.split()}
        if mention.label_ == "PERSON" or head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and (known or not head.ent_type_)):
            name = self._full_name(person_name(mention.text), [p.name for p in self.people if " " in p.name])
            if " " in name and all(p.name != name for p in self.people):
                # a full name the entity model missed: later short mentions ("Moss") resolve to it
                self.people.append(Person(start, pdoc.sentence_of(head.i), name, head.dep_ in ("nsubj", "nsubjpass")))
            role = role_of(mention) if mention.label_ else None
            return {**row, "speaker": name, "speaker_label": "PERSON", "speaker_role": role or self.roles.get(name)}
        if mention.label_ in _ORG_LABELS or head.ent_type_ in _ORG_LABELS:
            name = next((n for s, n, _ in self.orgs if s == start), _without_determiner(mention))
            return {**row, "speaker": name, "speaker_label": "ORG"}
        lemma = head.lemma_.lower()
        determiner = mention[0].lower_ if len(mention) > 1 else ""
        if determiner in _INDEFINITE or (head.tag_ in ("NNS", "NNPS") and lemma not in ORGANISATION_NOUNS) \
                or (lemma in UNNAMED_SOURCE_NOUNS and lemma not in ROLE_NOUNS):
            return row  # an unnamed source: "a source", "experts", "officials"
        if lemma in ROLE_NOUNS:
            holder = self._holder(mention, start)
            if holder is not None:
                return {**row, "speaker": holder, "speaker_label": "PERSON", "speaker_role": self.roles.get(holder)}
            return {**row, "speaker_role": _without_determiner(mention)}
        if lemma in ORGANISATION_NOUNS:
            earlier = [(s, n) for s, n, h in self.orgs if h == lemma and s < start and len(n.split()) > 1]
            name = max(earlier)[1] if earlier else _without_determiner(mention)
            return {**row, "speaker": name, "speaker_label": "ORG"}
        return row

    def _pronoun(self, kind: str, start: int, sentence: int) -> dict:
        if kind in ("male", "female"):
            candidates = [p for p in self.people if p.start < start and self.genders.get(p.name, kind) == kind]
            if not candidates:
                return {}
            # nearest sentence first, then subjects, then the closest mention
            best = min(candidates, key=lambda p: (sentence - p.sentence, not p.subject, -p.start))
            self.genders.setdefault(best.name, kind)  # "he" said it: later "she" is someone else
            return {"speaker": best.name, "speaker_label": "PERSON", "speaker_role": self.roles.get(best.name)}
        if kind in ("plural", "neuter"):
            earlier = [(s, n) for s, n, _ in self.orgs if s < start]
            people_after = [p for p in self.people if earlier and p.start > max(earlier)[0] and p.start < start]
            if earlier and kind == "neuter" and not people_after:
                return {"speaker": max(earlier)[1], "speaker_label": "ORG"}
        return {}

    def _holder(self, mention: Span, start: int) -> str | None:
        """The nearest earlier person whose role shares the mention's role noun and modifiers."""
        words = {t.lower_ for t in mention if t.dep_ not in ("det", "poss") and not t.is_punct}
        best = None
        for person in self.people:
            role = self.roles.get(person.name, "").lower()
            if person.start >= start or mention.root.lower_ not in role.split():
                continue
            score = sum(w in role.split() for w in words)
            if best is None or (score, person.start) >= best[:2]:
                best = (score, person.start, person.name)
        return best[2] if best else None


def _without_determiner(span: Span) -> str:
    tokens = [t for t in span if not (t.i == span.start and t.dep_ in ("det", "poss"))]
    return "".join(t.text_with_ws for t in tokens).strip()


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
