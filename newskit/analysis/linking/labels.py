"""One label per entity, by the vote of all its mentions across the corpus.

Ties go to the earlier label of NAME_LABELS (PERSON, ORG, GPE ...). A person named in full
anywhere in the corpus is a PERSON in every article. A one-word "person" the corpus never gives a
first name, whose mentions stand where organisations stand ("on Twitter", "Google's shares": the
words in lexicon/entities/org_context.json) or that the model also calls ORG, in at least
ORG_EVIDENCE_SHARE of its mentions (WIDE_EVIDENCE_SHARE once it is named in WIDELY_NAMED
articles without ever getting a first name), is an organisation.
"""
from __future__ import annotations

import re
from collections import Counter

from newskit.extract import lexicon
from newskit.extract.names import NAME_LABELS

ORG_CONTEXT = lexicon.table("entities/org_context")
ORG_BEFORE = frozenset(ORG_CONTEXT["before"])
ORG_AFTER = frozenset(ORG_CONTEXT["after"])
ORG_EVIDENCE_SHARE = 1 / 3
WIDELY_NAMED = 3
WIDE_EVIDENCE_SHARE = 0.1
_RANK = {label: i for i, label in enumerate(NAME_LABELS)}
_WORD = re.compile(r"[A-Za-z]+")


def vote(labels: Counter) -> str:
    """The label most mentions carry; ties to the earlier label of NAME_LABELS, then by name."""
    return max(labels, key=lambda label: (labels[label], -_RANK.get(label, len(_RANK)), label))


def org_context(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end] are those of an organisation ("on Twitter")."""
    before = _WORD.findall(text[max(0, start - 20):start])
    after = text[end:end + 30]
    after = after[2:] if after[:2] in ("'s", "’s") else after
    following = _WORD.findall(after)
    return (bool(before) and before[-1].lower() in ORG_BEFORE) or \
        (bool(following) and following[0].lower() in ORG_AFTER)


def is_organisation(mentions: int, evidence: int, articles: int) -> bool:
    """A one-word PERSON entity without a first name anywhere, `evidence` of whose `mentions` the
    model called ORG or stand in org context: an organisation when they are enough. A person
    named in several articles (WIDELY_NAMED) gets a first name somewhere; one that never does
    needs less evidence (WIDE_EVIDENCE_SHARE: "oil giant Yukos", "Yukos's unit")."""
    share = WIDE_EVIDENCE_SHARE if articles >= WIDELY_NAMED else ORG_EVIDENCE_SHARE
    return mentions > 0 and evidence > 0 and evidence >= share * mentions
