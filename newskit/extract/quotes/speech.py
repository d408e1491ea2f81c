"""Speech or not: quotation marks also set off titles, nicknames and scare quotes.

`is_speech` is the one rule that decides whether quoted text found near a cue is something
somebody said. A short fragment (at most `longest_fragment` words, lexicon
`quotes/non_speech.json`) that is not a clause is speech only in a speech slot:

- it opens its sentence and a cue follows it: `"Never," she said.`
- a colon, or a reporting verb and a comma, introduce it: `She said: "Never."`, `he told reporters, "No."`
- it stands alone as a sentence or paragraph (a floating quote, a quote signed by a dash)
- a speech verb governs it as its complement, directly or through "as": `called the plan "a
  disgrace"`, `described it as "fine"`, `yelled "fire"`

Anything else is left out: a scare quote around a word or phrase inside a sentence (`compared
the ferries to "floating hotels"`, the `"reform" plan`, `the probe is "ongoing."`), a title (`on
Harbour TV's "Night Watch"`, `the film "Low Tide"`, a quote next to a title noun, lexicon
`quotes/title_nouns.txt`), a nickname inside a name. A clause (a verb with its subject inside the
marks) or a longer quotation is speech wherever it stands, unless it is a title.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newskit.extract import lexicon
from newskit.extract.document import ParagraphDoc
from newskit.extract.quotes.cues import REPORTING_VERBS
from newskit.extract.quotes.quotemarks import Quoted

_SETTINGS = lexicon.table("quotes/non_speech")
LONGEST_FRAGMENT: int = _SETTINGS["longest_fragment"]
# how a fragment hangs on the speech verb that governs it: `called it "a disgrace"` (oprd)
FRAGMENT_DEPENDENCIES = frozenset(_SETTINGS["fragment_dependencies"])
FRAGMENT_PREPOSITIONS = frozenset(_SETTINGS["fragment_prepositions"])  # `described it as "fine"`
TITLE_NOUNS = lexicon.words("quotes/title_nouns")
SPEECH_ACT_VERBS = lexicon.words("quotes/speech_act_verbs")
_SPEECH_VERBS = REPORTING_VERBS | SPEECH_ACT_VERBS
# the end of the sentence before a quote: . ! ? (and a closing mark) then a blank
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')]*\s+")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs.", "&"})
_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")

# how the cue was found (direct.py): the quote stands in a speech slot by construction for these
STANDING_ALONE = ("floating", "dash")


def is_speech(pdoc: ParagraphDoc, quoted: Quoted, found: str, cue_verb: Token | None = None) -> bool:
    """Is the quoted text speech? `found` says how direct.py found its cue: "after" (`"...," she
    said`), "before" (`She said: "..."`), "governed" (a speech verb governs the fragment),
    "colon" (`Name: "..."`), "floating" or "dash" (the quote stands alone); `cue_verb` is the cue's
    verb when there is one."""
    start, end = quoted.inner
    inside = pdoc.doc.char_span(start, end, alignment_mode="expand")
    if inside is None or not len(inside):
        return True  # nothing to judge: leave it to the cue
    words = [t for t in inside if not (t.is_punct or t.is_space)]
    if _is_title(pdoc, quoted, inside, words):
        return False
    if len(words) > LONGEST_FRAGMENT or _is_clause(inside):
        return True
    if found in STANDING_ALONE or found == "colon":
        return True
    lead = _lead(pdoc.text, quoted.start)
    if not any(c.isalnum() for c in lead):
        return True  # the quote opens its sentence: `"Never," she said.`
    if lead.rstrip().endswith(":"):
        return True  # `She said: "Never."`, `The answer: "No."`
    if found == "before" and lead.rstrip().endswith((",", "—", "–")) and cue_verb is not None \
            and quoted.start - len(lead) <= cue_verb.idx < quoted.start:
        return True  # `he told reporters, "No."`
    return _governed(inside, words)


def _lead(text: str, quote_start: int) -> str:
    """The text of the quote's sentence before the opening mark."""
    before = text[:quote_start]
    cut = 0
    for match in _SENTENCE_BREAK.finditer(before):
        cut = match.end()
    return before[cut:]


def _is_clause(inside: Span) -> bool:
    """A verb with its own subject inside the marks: `"we will rebuild"`, `"it's over"`."""
    for token in inside:
        if token.dep_ in _SUBJECTS and token.head.pos_ in ("VERB", "AUX") and inside.start <= token.head.i < inside.end:
            return True
    return False


def _is_title(pdoc: ParagraphDoc, quoted: Quoted, inside: Span, words: list[Token]) -> bool:
    """A capitalised name in marks next to a possessive or a title noun: `Harbour TV's "Night
    Watch"`, `the film "Low Tide"`, `the "Night Watch" programme`."""
    capitals = [t for t in words if t.is_alpha and t.lower_ not in _SMALL_WORDS]
    if not capitals or not all(t.text[:1].isupper() for t in capitals):
        return False
    doc = pdoc.doc
    before = doc[inside.start - 1] if inside.start > 0 else None
    while before is not None and (before.is_punct or before.is_space) and before.i > 0:
        before = doc[before.i - 1]  # past the opening mark
    after = doc[inside.end] if inside.end < len(doc) else None
    while after is not None and (after.is_punct or after.is_space) and after.i + 1 < len(doc):
        after = doc[after.i + 1]  # past the closing mark and a comma
    if before is not None and before.idx < quoted.start:
        if before.tag_ == "POS" or before.lemma_.lower() in TITLE_NOUNS:
            return True
    if after is not None and after.idx >= quoted.end and after.pos_ == "NOUN" and after.lemma_.lower() in TITLE_NOUNS:
        return True
    return False


def _governed(inside: Span, words: list[Token]) -> bool:
    """A speech verb outside the marks takes the fragment as its complement: `called it "a
    disgrace"`, `described the plan as "fine"`, `yelled "fire"`."""
    if not words:
        return False
    root = inside.root
    head = root.head
    dep = root.dep_
    # `called it "cheap" and "improper"`; `called the plan "a disgrace"` read as an apposition of the object
    while dep in ("conj", "appos") and not inside.start <= head.i < inside.end:
        root, head, dep = head, head.head, head.dep_
    if inside.start <= head.i < inside.end:
        return False
    if head.pos_ == "ADP" and head.lower_ in FRAGMENT_PREPOSITIONS:  # `described it as "fine"` (pobj or amod)
        head = head.head
        return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _SPEECH_VERBS
    return dep in FRAGMENT_DEPENDENCIES and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _SPEECH_VERBS
