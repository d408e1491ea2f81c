"""Corpus-wide entity identity on the BBC corpus against a hand-checked gold list.

    .venv/bin/python bench/eval_corpus_entities.py ../shared/corpora/bbc [--gold bench/gold/bbc_entities.csv]
        [--saved DIR] [--cache DIR] [--split dev|heldout|all] [--show 10]

The gold list (bench/gold/bbc_entities.csv, see its README) names real entities, the written forms
that denote each ("Tony Blair", "Mr Blair", "Blair") and the articles where each form was checked.
For every gold entity the script collects the entity mentions newskit found for those forms in those
articles and reports:

- names: how many distinct corpus-wide names (`entity`) those mentions carry (1 is right);
- on_majority: the share of the mentions on the most used name (target >= 0.95 for every entity);
- kept apart: gold entities that share a surname ("Tony Blair", "Cherie Blair") must not share a name;
- renamed: entities whose name shares no word with a mention of theirs that is not an acronym or
  country code of it, nor a party's short name the built-in alias table maps (target 0): the
  "White House" -> "Casablanca" kind of error;
- glued: among the 500 most mentioned PERSON names, those that contain another person's full name
  plus extra words ("Nancy Pelosi Beats Back House"; target 0).

`--saved DIR` reads (or, when DIR does not exist, writes) the tagged corpus there, so reruns only
link again; linking time is reported next to the tagging time of the run that tagged.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

import newskit
from newskit.analysis.linking.acronyms import NAME_CONNECTORS, is_acronym
from newskit.extract.entities import gazetteer
from newskit.extract.names import NAME_LABELS, fold, is_title_word


def strip_titles(text: str) -> str:
    words = " ".join(re.sub(r"(?:['’]s|['’])$", "", text.strip()).split()).split(" ")
    while len(words) > 1 and is_title_word(words[0]):
        words = words[1:]
    return fold(" ".join(words))


def load_corpus(source: str, saved: str | None, cache: str | None):
    if saved and (Path(saved) / "articles.parquet").exists():
        corpus = newskit.Corpus.load(saved)
        started = time.perf_counter()
        linked = newskit.link(corpus)
        return linked, None, time.perf_counter() - started
    started = time.perf_counter()
    corpus = newskit.analyze(source, cache=cache, out=saved, progress=False)
    tagged = time.perf_counter() - started
    started = time.perf_counter()
    linked = newskit.link(corpus)
    return linked, tagged, time.perf_counter() - started


def relative_paths(articles: pd.DataFrame, root: Path) -> dict[str, str]:
    """corpus-relative path ("politics/001.txt") -> article_id."""
    out = {}
    for article_id, path in zip(articles["article_id"], articles["path"].astype(str)):
        parts = Path(path).parts
        out["/".join(parts[-2:])] = article_id
    return out


def evaluate(corpus, gold: pd.DataFrame, root: Path) -> pd.DataFrame:
    ids = relative_paths(corpus.articles, root)
    entities = corpus.entities
    entities = entities[entities["label"].astype(str).isin(NAME_LABELS)]
    entities = entities.assign(written=entities["text"].astype(str).map(strip_titles))
    by_article = {a: g for a, g in entities.groupby("article_id")}
    rows = []
    for (name, label, split), forms in gold.groupby(["entity", "label", "split"], sort=True):
        found = []
        for form in forms.itertuples():
            key = strip_titles(form.form)
            for path in str(form.articles).split():
                frame = by_article.get(ids.get(path))
                if frame is not None:
                    found.append(frame[frame["written"] == key])
        hits = pd.concat(found).drop_duplicates(["article_id", "start"]) if found else entities.iloc[:0]
        counts = Counter(hits["entity"].astype(str))
        top, n = counts.most_common(1)[0] if counts else ("", 0)
        rows.append({"entity": name, "label": label, "split": split, "gold_mentions": int(forms["mentions"].sum()),
                     "found": len(hits), "names": len(counts), "majority_name": top,
                     "on_majority": round(n / len(hits), 3) if len(hits) else float("nan"),
                     "other_names": "; ".join(f"{k} ({v})" for k, v in counts.most_common()[1:4])})
    return pd.DataFrame(rows)


def kept_apart(report: pd.DataFrame) -> list[tuple[str, str, str]]:
    """Gold entities sharing a surname whose majority names are the same (should be none)."""
    people = report[report["label"] == "PERSON"]
    clashes = []
    for _, group in people.groupby(people["entity"].str.split().str[-1]):
        names = Counter(group["majority_name"])
        for name, n in sorted(names.items()):
            if n > 1 and name:
                clashes.append((name, ", ".join(group.loc[group["majority_name"] == name, "entity"]), ""))
    return clashes


PARTY_ALIASES = {fold(k).replace(".", ""): fold(v) for k, v in json.loads(
    (Path(newskit.__file__).parent / "extract" / "lexicon" / "entities" / "party_aliases.json").read_text("utf-8"))["aliases"].items()}


def renamed(entities: pd.DataFrame) -> pd.DataFrame:
    """Mentions whose entity name shares no word with what they say, other than an acronym or
    a country code of the name."""
    named = entities[entities["label"].astype(str).isin(NAME_LABELS)]
    pairs = named[["text", "entity", "label"]].astype(str).drop_duplicates()
    out = []
    for text, entity, label in pairs.itertuples(index=False):
        words = set(re.findall(r"\w+", fold(text)))
        if words & set(re.findall(r"\w+", fold(entity))):
            continue
        if _spells(text, entity) or _spells(entity, text) or \
                fold(text).replace(".", "") == fold(entity).replace(".", ""):
            continue
        place, other = gazetteer.lookup(text), gazetteer.lookup(entity)
        if label in ("GPE", "LOC") and place is not None and other is not None and place.name == other.name:
            continue  # a country's official and short forms ("Russian Federation", "Russia")
        if is_acronym(text) and label in ("GPE", "LOC") and (is_acronym(entity) or (other is not None and other.kind == "country")):
            continue  # a country code ("US" for United States), checked by pycountry when linking
        if PARTY_ALIASES.get(fold(text).replace(".", "")) == fold(entity):
            continue  # a party's short name by the built-in alias table ("Tories" -> "Conservative Party")
        out.append((text, entity, label))
    return pd.DataFrame(out, columns=["text", "entity", "label"])


def _spells(acronym: str, name: str) -> bool:
    """Whether `acronym` is the initials of `name` (ignoring dots, "&" and connectors)."""
    if not is_acronym(acronym):
        return False
    words = [w for w in re.split(r"[\s,\-]+", name) if w and w.lower() not in NAME_CONNECTORS and w[0].isalpha()]
    return "".join(w[0] for w in words).lower() == fold(acronym).replace(".", "").replace("&", "")


def glued(entities: pd.DataFrame, top: int = 500) -> list[tuple[str, str]]:
    """PERSON names among the `top` most mentioned that hold another person's full name plus words."""
    people = entities[entities["label"].astype(str) == "PERSON"]["entity"].astype(str)
    counts = people.value_counts()
    names = list(counts.index[:top])
    full = {fold(n) for n in counts.index if len(n.split()) >= 2}
    out = []
    for name in names:
        words = fold(name).split()
        for n in range(len(words) - 1, 1, -1):
            parts = {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}
            inner = sorted(parts & full)
            if inner:
                out.append((name, inner[0]))
                break
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", help="the BBC corpus folder (../shared/corpora/bbc)")
    parser.add_argument("--gold", default=str(Path(__file__).parent / "gold" / "bbc_entities.csv"))
    parser.add_argument("--saved", default=None, help="folder of a tagged corpus to reuse (written when absent)")
    parser.add_argument("--cache", default=None)
    parser.add_argument("--split", default="all", choices=("dev", "heldout", "all"))
    parser.add_argument("--show", type=int, default=10, help="worst entities to list")
    args = parser.parse_args(argv)
    root = Path(args.corpus)
    if not root.is_dir():
        print(f"no corpus at {root}", file=sys.stderr)
        return 2
    gold = pd.read_csv(args.gold, dtype=str).astype({"mentions": int})
    corpus, tag_s, link_s = load_corpus(args.corpus, args.saved, args.cache)
    started = time.perf_counter()
    newskit.entity_counts(corpus)
    counts_s = time.perf_counter() - started
    report = evaluate(corpus, gold, root)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 60)
    for split in (("dev", "heldout") if args.split == "all" else (args.split,)):
        part = report[report["split"] == split]
        ok = (part["on_majority"] >= 0.95).sum()
        print(f"\n== {split}: {len(part)} gold entities, {int(part['found'].sum()):,} mentions found "
              f"of {int(part['gold_mentions'].sum()):,} gold occurrences")
        print(f"entities on one name for >= 95% of their mentions: {ok}/{len(part)}; "
              f"mean share on the majority name {part['on_majority'].mean():.3f}; "
              f"mentions on their entity's majority name {_weighted(part):.3f}")
        if args.show:
            worst = part.sort_values(["on_majority", "entity"]).head(args.show)
            print(worst[["entity", "found", "names", "on_majority", "majority_name", "other_names"]].to_string(index=False))
    clashes = kept_apart(report)
    print(f"\ngold people sharing a surname merged into one name: {len(clashes)}"
          + "".join(f"\n  {name}: {who}" for name, who, _ in clashes))
    wrong = renamed(corpus.entities)
    print(f"entity names sharing no word with a mention of theirs (renamed): {wrong['entity'].nunique()} entities")
    if len(wrong):
        print(wrong.head(args.show).to_string(index=False))
    glue = glued(corpus.entities)
    print(f"glued PERSON names among the 500 most mentioned: {len(glue)}"
          + "".join(f"\n  {name!r} holds {inner!r}" for name, inner in glue[:args.show]))
    timing = f"linking {link_s:.1f} s" + (f" after tagging {tag_s:.1f} s ({link_s / tag_s:.1%} of it)" if tag_s else "")
    print(f"\n{len(corpus.articles):,} articles, {len(corpus.entities):,} entity rows; {timing}; "
          f"entity_counts {counts_s:.2f} s")
    return 0


def _weighted(part: pd.DataFrame) -> float:
    found = part["found"].sum()
    return float((part["on_majority"].fillna(0) * part["found"]).sum() / found) if found else float("nan")


if __name__ == "__main__":
    raise SystemExit(main())
