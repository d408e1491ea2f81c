"""Corpus-wide entities: one canonical name per entity across articles, entity table, counts, co-occurrence."""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import pandas as pd

from newskit.extract.entities.gazetteer import country_of
from newskit.extract.names import NAME_LABELS  # counted by default: names of people, organisations, places ...

HEADLINE_KINDS = ("title", "subtitle")


def canonical_names(entities: pd.DataFrame) -> pd.Series:
    """Each row's corpus-wide canonical name: article-level names unified across articles.

    A bare surname ("Antonov") in an article that never gives the full name takes the one full
    PERSON name in the corpus ending with it; spellings that differ only in case ("ANTONOV") take
    the most frequent spelling that is not all capitals.
    """
    if entities.empty:
        return pd.Series([], index=entities.index, dtype="str")
    names = entities["entity"].astype(str)
    texts = entities["text"].astype(str)
    labels = entities["label"].astype(str)
    people = sorted(set(names[(labels == "PERSON") & names.str.contains(" ")]))
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in people:
        by_surname[name.split()[-1].casefold()].add(name)
    # a one-word name ("Odhiambo", whatever the model called it) -> the corpus's only full PERSON
    # name with that surname
    single = labels.isin(NAME_LABELS) & ~names.str.contains(" ") & names.str[:1].str.isupper()
    names = names.where(~single, names.map(lambda n: _only(by_surname.get(n.casefold()), n)))
    # an acronym an article expanded ("GORT" -> "Global Organization of ...") in every article
    expanded: dict[str, set[str]] = defaultdict(set)
    for text, name in zip(texts, names):
        if text != name and text.isupper() and 2 <= len(text) <= 10:
            expanded[text].add(name)
    bare = names.isin(list(expanded)) & (names == texts)
    names = names.where(~bare, names.map(lambda n: _only(expanded.get(n), n)))
    spelling = _preferred_spellings(names)
    return names.map(lambda n: spelling.get(n.casefold(), n))


def _only(candidates: set[str] | None, default: str) -> str:
    return next(iter(candidates)) if candidates and len(candidates) == 1 else default


def _preferred_spellings(names: pd.Series) -> dict[str, str]:
    """casefolded name -> its most frequent spelling, preferring ones that are not ALL CAPS."""
    counts = names.value_counts()
    best: dict[str, tuple] = {}
    for name, count in counts.items():
        rank = (not name.isupper(), count, name)
        key = name.casefold()
        if key not in best or rank > best[key][0]:
            best[key] = (rank, name)
    return {key: value[1] for key, value in best.items()}


def mentions(corpus, include_headlines: bool = True, include_dateline: bool = False,
             include_agency: bool = False, labels=NAME_LABELS, demonyms_as_countries: bool = False) -> pd.DataFrame:
    """The corpus's entity mentions, filtered, with `name` the corpus-wide canonical name."""
    frame = corpus.entities.copy()
    frame["name"] = canonical_names(frame)
    frame["label"] = frame["label"].astype(str)
    # a name that resolved to a person's full name counts as that person
    people = set(frame.loc[(frame["label"] == "PERSON") & frame["name"].str.contains(" "), "name"])
    frame.loc[frame["name"].isin(people) & frame["label"].isin(NAME_LABELS), "label"] = "PERSON"
    if demonyms_as_countries:  # "Russian" (NORP) counts for Russia (GPE)
        country = frame["name"].map(country_of).where(frame["label"] == "NORP")
        frame.loc[country.notna(), "label"] = "GPE"
        frame["name"] = country.fillna(frame["name"])
    keep = frame["label"].isin(labels) if labels is not None else pd.Series(True, index=frame.index)
    if not include_headlines:
        keep &= ~frame["paragraph_kind"].astype(str).isin(HEADLINE_KINDS)
    if not include_dateline:
        keep &= ~frame["in_dateline"].astype(bool)
    if not include_agency:
        keep &= ~frame["is_agency"].astype(bool)
    return frame[keep].reset_index(drop=True)


def entity_table(corpus, **filters) -> pd.DataFrame:
    """One row per entity: name, label (majority), aliases, roles, mentions, articles; most mentioned first."""
    frame = mentions(corpus, **filters)
    columns = ["name", "label", "aliases", "roles", "mentions", "articles"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    label = (frame.groupby(["name", "label"]).size().reset_index(name="n")
             .sort_values(["name", "n", "label"], ascending=[True, False, True])
             .drop_duplicates("name").set_index("name")["label"])
    grouped = frame.groupby("name")
    table = pd.DataFrame({
        "label": label,
        "aliases": grouped["text"].agg(lambda s: sorted(set(" ".join(t.split()) for t in s))),
        "roles": grouped["role"].agg(lambda s: sorted({r for r in s if isinstance(r, str)})),
        "mentions": grouped.size(),
        "articles": grouped["article_id"].nunique(),
    }).reset_index()
    return table.sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)[columns]


def entity_counts(corpus, by: str | list[str] | None = None, **filters) -> pd.DataFrame:
    """Mentions and articles per entity, optionally split by "label", "article" or "paragraph_kind".

    Filters: include_headlines (True), include_dateline (False), include_agency (False),
    labels (names only), demonyms_as_countries (False).
    """
    frame = mentions(corpus, **filters).rename(columns={"article_id": "article"})
    frame["paragraph_kind"] = frame["paragraph_kind"].astype(str)
    keys = [by] if isinstance(by, str) else list(by or [])
    unknown = set(keys) - {"label", "article", "paragraph_kind"}
    if unknown:
        raise ValueError(f"by= takes 'label', 'article' or 'paragraph_kind', not {sorted(unknown)}")
    if keys == ["label"]:  # per label: how many entities, mentions and articles
        out = frame.groupby("label").agg(entities=("name", "nunique"), mentions=("name", "size"),
                                         articles=("article", "nunique")).reset_index()
        return out.sort_values(["mentions", "label"], ascending=[False, True]).reset_index(drop=True)
    group = [k for k in keys if k != "label"] + ["name", "label"]
    if frame.empty:
        return pd.DataFrame(columns=[*group, "mentions", "articles"])
    out = frame.groupby(group).agg(mentions=("name", "size"), articles=("article", "nunique")).reset_index()
    return out.sort_values([*group[:-2], "mentions", "name"], ascending=[True] * (len(group) - 2) + [False, True]
                           ).reset_index(drop=True)


def cooccurrence(corpus, level: str = "sentence", **filters) -> pd.DataFrame:
    """Pairs of entities named in the same sentence (or article): entity_a < entity_b, count of units."""
    if level not in ("sentence", "article"):
        raise ValueError(f"level= takes 'sentence' or 'article', not {level!r}")
    frame = mentions(corpus, **filters)
    unit = ["article_id", "sentence"] if level == "sentence" else ["article_id"]
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for _, names in frame.groupby(unit)["name"]:
        for a, b in combinations(sorted(set(names)), 2):
            pairs[(a, b)] += 1
    out = pd.DataFrame([(a, b, n) for (a, b), n in pairs.items()], columns=["entity_a", "entity_b", "count"])
    return out.sort_values(["count", "entity_a", "entity_b"], ascending=[False, True, True]).reset_index(drop=True)
