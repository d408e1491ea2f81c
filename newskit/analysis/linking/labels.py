"""One label per entity, by the vote of all its mentions across the corpus.

Ties go to the earlier label of NAME_LABELS (PERSON, ORG, GPE ...). A person named in full
anywhere in the corpus is a PERSON in every article. A one-word "person" the corpus never gives a
first name, whose mentions stand where organisations stand ("on Twitter", "Google's shares":
names.org_context, with the words in lexicon/entities/org_context.json) or that the model also
calls ORG, in at least ORG_EVIDENCE_SHARE of its mentions (WIDE_EVIDENCE_SHARE once it is named
in WIDELY_NAMED articles without ever getting a first name), is an organisation.
"""
from __future__ import annotations

from collections import Counter

from newskit.extract.names import NAME_LABELS

ORG_EVIDENCE_SHARE = 1 / 3
WIDELY_NAMED = 3
WIDE_EVIDENCE_SHARE = 0.1
_RANK = {label: i for i, label in enumerate(NAME_LABELS)}


def vote(labels: Counter) -> str:
    """The label most mentions carry; ties to the earlier label of NAME_LABELS, then by name."""
    return max(labels, key=lambda label: (labels[label], -_RANK.get(label, len(_RANK)), label))


def is_organisation(mentions: int, evidence: int, articles: int) -> bool:
    """A one-word PERSON entity without a first name anywhere, `evidence` of whose `mentions` the
    model called ORG or stand in org context: an organisation when they are enough. A person
    named in several articles (WIDELY_NAMED) gets a first name somewhere; one that never does
    needs less evidence (WIDE_EVIDENCE_SHARE: "oil giant Yukos", "Yukos's unit")."""
    share = WIDE_EVIDENCE_SHARE if articles >= WIDELY_NAMED else ORG_EVIDENCE_SHARE
    return mentions > 0 and evidence > 0 and evidence >= share * mentions
