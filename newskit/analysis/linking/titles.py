"""Descriptions read against the corpus's titles: "the chancellor said" in an article that never
gives anyone that title is the person the article names whom the rest of the corpus calls the
chancellor ("Chancellor Gordon Brown" in other stories).

Inside one article a definite description goes to the person holding that title there, else to
the most recent person with no title (extract/quotes/participants.py); with two untitled people
("Mr Blair" and "Mr Brown") that guess can be the wrong one. Linking sees every article, so it
knows each person's titles across the corpus (the entities frame's `role`). A quote whose speaker
is written as such a description ("the chancellor", "the Tory leader") gets the one person the
article names whose corpus titles end in those words, when its speaker does not hold them; with
no such person, or several, it keeps what the article gave.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd

from newskit.extract import lexicon
from newskit.extract.names import ROLE_NOUNS, fold
from newskit.frames import JOINT

# "shadow", "former", "deputy": a title holding one is not the title without it
RESTRICTING_MODIFIERS = lexicon.words("names/restricting_modifiers")
# "the chancellor", "The Tory leader", "the prime minister": a determiner and words ending in a role noun
_DESCRIPTION = re.compile(r"^the\s+(?P<words>[\w'-]+(?:\s+[\w'-]+){0,3})$", re.IGNORECASE)


# how many times more often one holder of a title must have it than the next to be "the" holder
_DOMINANT = 5


def corpus_titles(entities: pd.DataFrame) -> dict[str, Counter]:
    """Person entity (corpus name) -> every run of words that ends one of its titles, folded, with
    how many mentions give it: "UK Chancellor" gives "uk chancellor" and "chancellor"; "shadow
    foreign secretary" only itself; of two titles joined by "and", only the last, the one
    written against the name ("the prime minister and Chancellor Gordon Brown" are two people)."""
    titles: dict[str, Counter] = defaultdict(Counter)
    people = entities[(entities["label"].astype(str) == "PERSON") & entities["role"].notna()]
    for name, role in zip(people["entity"], people["role"]):
        words = [fold(w) for w in re.split(r"\s+and\s+", str(role))[-1].split()]
        # a shadow foreign secretary is no foreign secretary: no run drops "shadow", "former", "deputy"
        last = max((at for at, word in enumerate(words) if word in RESTRICTING_MODIFIERS), default=len(words) - 1)
        for at in range(min(last, len(words) - 1) + 1):
            titles[str(name)][" ".join(words[at:])] += 1
    return titles


def described_words(text) -> str | None:
    """The folded words of a speaker written as a definite description ("the Tory leader" ->
    "tory leader"); None for anything else (a name, a pronoun, "a spokesman")."""
    if not isinstance(text, str):
        return None
    match = _DESCRIPTION.match(text.strip())
    if match is None:
        return None
    words = match.group("words").split()
    if fold(words[-1]) not in ROLE_NOUNS:
        return None
    return " ".join(fold(w) for w in words)


def titled_speakers(quotes: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """`quotes` with each description speaker read against the corpus's titles (see the module
    doc); `speaker`, `speakers`, `speaker_id` and `speaker_label` change, nothing else."""
    if quotes.empty or entities.empty or "role" not in entities.columns:
        return quotes
    described = quotes["speaker_text"].map(described_words)
    if described.isna().all():
        return quotes
    titles = corpus_titles(entities)
    people = entities[entities["label"].astype(str) == "PERSON"]
    named_in: dict[str, list[tuple[str, str]]] = defaultdict(list)  # article -> (name, id), first mention first
    for article, name, ident in zip(people["article_id"].astype(str), people["entity"], people["entity_id"]):
        if (str(name), ident) not in named_in[article]:
            named_in[article].append((str(name), ident))
    frame = quotes.copy()
    for index in described[described.notna()].index:
        words = described[index]
        speaker = frame.at[index, "speaker"]
        if JOINT in str(frame.at[index, "speakers"] or ""):
            continue
        holders = [(name, ident) for name, ident in named_in[str(frame.at[index, "article_id"])]
                   if words in titles.get(name, ())]
        if len(holders) > 1:
            # of several, the one the corpus gives the title far most often: "the prime minister"
            # is Tony Blair (dozens of times) over Gordon Brown (once)
            counts = sorted(((titles[name][words], name, ident) for name, ident in holders), reverse=True)
            holders = [(counts[0][1], counts[0][2])] if counts[0][0] >= _DOMINANT * counts[1][0] else holders
        if (isinstance(speaker, str) and words in titles.get(speaker, ()) and (len(holders) != 1 or holders[0][0] == speaker)) \
                or len(holders) != 1:
            continue  # the speaker holds the title (and no one else holds it far more often)
        name, ident = holders[0]
        frame.at[index, "speaker"] = name
        frame.at[index, "speakers"] = name
        frame.at[index, "speaker_id"] = ident
        frame.at[index, "speaker_label"] = "PERSON"
    return frame
