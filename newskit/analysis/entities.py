"""Entity tables, counts and co-occurrence over the corpus-wide names that linking gives
(analysis/linking: one entity_id and one display name per real entity)."""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import pandas as pd

from newskit.extract.entities.gazetteer import country_of, lookup
from newskit.analysis.copies import check_copies, originals
from newskit.analysis.linking.acronyms import country_named_by
from newskit.analysis.linking.link import entity_ids, link
from newskit.extract.names import NAME_LABELS  # counted by default: names of people, organisations, places ...

HEADLINE_KINDS = ("title", "subtitle")


def canonical_names(entities: pd.DataFrame) -> pd.Series:
    """Each row's corpus-wide name: the linked `entity` (see newskit.link), else, for frames that
    were never linked, the article's own name."""
    if entities.empty:
        return pd.Series([], index=entities.index, dtype="str")
    return entities["entity"].astype(str)


def mentions(corpus, include_headlines: bool = True, include_dateline: bool = False,
             include_agency: bool = False, labels=NAME_LABELS, demonyms_as_countries: bool = False,
             copies: str = "first") -> pd.DataFrame:
    """The corpus's entity mentions, filtered, with `name` the corpus-wide canonical name.
    `copies="first"` keeps only the mentions in articles that are no copy of another (each story
    once, see newskit.analysis.copies); "keep" keeps every article's."""
    check_copies(copies)
    frame = _linked(corpus)
    if copies == "first":
        frame = frame[frame["article_id"].isin(originals(corpus.articles))]
    frame = frame.copy()
    frame["name"] = canonical_names(frame)
    frame["label"] = frame["label"].astype(str)
    if demonyms_as_countries:  # "Russian" (NORP) counts for Russia (GPE)
        country = frame["name"].map(country_of).where(frame["label"] == "NORP")
        converted = country.notna()
        frame.loc[converted, "label"] = "GPE"
        # the country's own entity where the corpus names it ("British" counts for the "UK" entity)
        linked = _countries(frame[frame["label"] == "GPE"])
        name = country.map(lambda c: linked.get(c, (c, None))[0])
        ids = country.map(lambda c: linked.get(c, (c, None))[1])
        frame["name"] = name.where(converted, frame["name"])
        frame.loc[converted, "entity_id"] = ids[converted].fillna(
            entity_ids(frame.loc[converted, "label"], frame.loc[converted, "name"]))
    keep = frame["label"].isin(labels) if labels is not None else pd.Series(True, index=frame.index)
    if not include_headlines:
        keep &= ~frame["paragraph_kind"].astype(str).isin(HEADLINE_KINDS)
    if not include_dateline:
        keep &= ~frame["in_dateline"].astype(bool)
    if not include_agency:
        keep &= ~frame["is_agency"].astype(bool)
    return frame[keep].reset_index(drop=True)


def _countries(places: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """gazetteer country name -> (name, entity_id) of the most mentioned entity naming it."""
    found: dict[str, tuple[str, str]] = {}
    counts = places.groupby(["entity_id", "name"]).size().sort_values(ascending=False, kind="stable")
    for (entity_id, name), _ in counts.items():
        place = lookup(name) or lookup(name.replace(".", ""))
        if place is None and len(name) <= 3:  # "US", "UK": ISO codes and initials, as linking reads them
            place = lookup(country_named_by(name.replace(".", "").lower()) or "")
        if place is not None and place.kind == "country":
            found.setdefault(place.name, (name, entity_id))
    return found


def _linked(corpus) -> pd.DataFrame:
    """The corpus's entities with corpus-wide names: as tagged, or linked now for a corpus saved
    before linking existed."""
    entities = corpus.entities
    if len(entities) and entities["entity_id"].isna().all():
        return link(corpus).entities
    return entities


def entity_table(corpus, copies: str = "first", **filters) -> pd.DataFrame:
    """One row per entity: name, label (majority), aliases, roles, mentions, articles; most mentioned first.

    `copies="first"` (the default) counts each story once: the mentions in near-duplicate copies
    of an article (articles.copy_of set) are left out; "keep" counts every copy.
    Filters as for entity_counts."""
    frame = mentions(corpus, copies=copies, **filters)
    columns = ["name", "label", "aliases", "roles", "mentions", "articles", "entity_id", "ambiguous"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    grouped = frame.groupby("entity_id")
    table = pd.DataFrame({
        "name": grouped["name"].first(),
        "label": grouped["label"].first(),
        "aliases": grouped["text"].agg(lambda s: sorted(set(" ".join(t.split()) for t in s))),
        "roles": grouped["role"].agg(lambda s: sorted({r for r in s if isinstance(r, str)})),
        "mentions": grouped.size(),
        "articles": grouped["article_id"].nunique(),
        "ambiguous": grouped["ambiguous"].any(),
    }).reset_index()
    return table.sort_values(["mentions", "name", "entity_id"], ascending=[False, True, True]
                             ).reset_index(drop=True)[columns]


def entity_counts(corpus, by: str | list[str] | None = None, copies: str = "first", **filters) -> pd.DataFrame:
    """Mentions and articles per entity, optionally split by "label", "article" or "paragraph_kind".

    `copies="first"` (the default) counts each story once: the mentions in near-duplicate copies
    of an article (articles.copy_of set) are left out; "keep" counts every copy.
    Filters: include_headlines (True), include_dateline (False), include_agency (False),
    labels (names only), demonyms_as_countries (False).
    """
    frame = mentions(corpus, copies=copies, **filters).rename(columns={"article_id": "article"})
    frame["paragraph_kind"] = frame["paragraph_kind"].astype(str)
    keys = [by] if isinstance(by, str) else list(by or [])
    unknown = set(keys) - {"label", "article", "paragraph_kind"}
    if unknown:
        raise ValueError(f"by= takes 'label', 'article' or 'paragraph_kind', not {sorted(unknown)}")
    if keys == ["label"]:  # per label: how many entities, mentions and articles
        out = frame.groupby("label").agg(entities=("name", "nunique"), mentions=("name", "size"),
                                         articles=("article", "nunique")).reset_index()
        return out.sort_values(["mentions", "label"], ascending=[False, True]).reset_index(drop=True)
    group = [k for k in keys if k != "label"] + ["name", "label", "entity_id"]
    if frame.empty:
        return pd.DataFrame(columns=[*group, "mentions", "articles"])
    out = frame.groupby(group).agg(mentions=("name", "size"), articles=("article", "nunique")).reset_index()
    return out.sort_values([*group[:-3], "mentions", "name", "entity_id"],
                           ascending=[True] * (len(group) - 3) + [False, True, True]).reset_index(drop=True)


def cooccurrence(corpus, level: str = "sentence", copies: str = "first", **filters) -> pd.DataFrame:
    """Pairs of entities named in the same sentence (or article): entity_a < entity_b, count of units.
    `copies="first"` (the default) counts each story once (copies' sentences left out); "keep"
    counts every copy."""
    if level not in ("sentence", "article"):
        raise ValueError(f"level= takes 'sentence' or 'article', not {level!r}")
    frame = mentions(corpus, copies=copies, **filters)
    unit = ["article_id", "sentence"] if level == "sentence" else ["article_id"]
    if frame.empty:
        return pd.DataFrame(columns=["entity_a", "entity_b", "count"])
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for _, names in frame.groupby(unit)["name"]:
        for a, b in combinations(sorted(set(names)), 2):
            pairs[(a, b)] += 1
    out = pd.DataFrame([(a, b, n) for (a, b), n in pairs.items()], columns=["entity_a", "entity_b", "count"])
    return out.sort_values(["count", "entity_a", "entity_b"], ascending=[False, True, True]).reset_index(drop=True)
