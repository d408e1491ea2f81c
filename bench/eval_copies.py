"""How well newskit finds copies: same-story pairs and quote groups on the BBC corpus plus edited copies.

    .venv/bin/python bench/make_copies.py                       # 300 edited copies -> artifacts/copies
    .venv/bin/python bench/eval_copies.py [../shared/corpora/bbc] [--copies artifacts/copies]
                                          [--no-quotes] [--corpus artifacts/copies_corpus]

Same story. Truth: each copy and the BBC article it was made from; plus the near-duplicates the
BBC corpus holds itself (updated versions of one story filed twice), which the method groups too.
Every BBC pair the method groups is written with its similarity and titles to
artifacts/bbc_pairs.txt; they were looked at by hand (bench/gold/bbc_same_story.csv says how each
was checked; docs/copies.md) and are counted both ways: "strict" treats every BBC-internal pair as
a false positive, "judged" counts the pairs bench/gold/bbc_same_story.csv marks "yes" as true. A story of n articles makes n(n-1)/2
pairs; truth and predictions are closed under transitivity the same way.

Quote groups (skipped with --no-quotes; tagging 2,400 articles takes minutes on two cores, so the
tagged corpus is saved to --corpus and reused): of the quotes of each original whose words survive
in its copy, the share grouped with a quote of the copy; and two samples of quote groups written to
artifacts/quote_groups_sample.txt for a hand check: 50 drawn from all groups and 50 from the groups
spanning two stories or more, with random.Random(SAMPLE_SEED) (SAMPLE_SEED = 19) from quote_spread's
order (fixed), so every run on the same tagged corpus draws the same groups. The verdicts (does a
group join quotes of one statement, or two different statements?) are in
bench/gold/quote_groups_checked.csv (quote_group, n_articles, verdict same|different, note); the
evaluation counts them per sample and names any sampled group not yet judged, to be read and added.

Time and peak memory (tracemalloc) of the near-duplicate step on the first 500 articles and on all.
Skips (exit 0, a message) when the BBC corpus is absent.
"""
from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import time
import tracemalloc
import warnings
from itertools import combinations
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import newskit  # noqa: E402
from newskit.analysis import copies  # noqa: E402

JUDGED = ROOT / "bench" / "gold" / "bbc_same_story.csv"
GROUPS_CHECKED = ROOT / "bench" / "gold" / "quote_groups_checked.csv"
SAMPLE_SEED = 19
SAMPLE_SIZE = 50


def relative(path: str, base: Path) -> str | None:
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return None


def pairs_of(groups: pd.Series) -> set[tuple[str, str]]:
    """Every unordered pair of ids sharing a group (groups: id -> group)."""
    out = set()
    for _, members in groups.groupby(groups, sort=True):
        out.update(combinations(sorted(members.index), 2))
    return out


def closure(pairs: set[tuple[str, str]], ids: list[str]) -> set[tuple[str, str]]:
    """Pairs closed under transitivity (components)."""
    parent = {i: i for i in ids}

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in sorted(pairs):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return pairs_of(pd.Series({i: root(i) for i in ids}))


def score(predicted: set, truth: set) -> tuple[float, float, int, int, int]:
    hit = len(predicted & truth)
    return hit / max(len(predicted), 1), hit / max(len(truth), 1), hit, len(predicted), len(truth)


def measure(articles: pd.DataFrame, repeat: int = 3) -> tuple[float, float]:
    """Seconds (the best of `repeat` runs: the machine is shared) and peak MB (tracemalloc, one run)."""
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        copies.find_stories(articles)
        seconds.append(time.perf_counter() - started)
    tracemalloc.start()
    copies.find_stories(articles)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return min(seconds), peak / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bbc", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "bbc"))
    parser.add_argument("--copies", default=str(ROOT / "artifacts" / "copies"))
    parser.add_argument("--corpus", default=str(ROOT / "artifacts" / "copies_corpus"))
    parser.add_argument("--no-quotes", action="store_true")
    args = parser.parse_args()
    bbc, copied = Path(args.bbc), Path(args.copies)
    if not bbc.is_dir():
        print(f"skipped: no BBC corpus at {bbc}")
        return 0
    if not (copied / "manifest.csv").exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_copies.py"), str(bbc), "--out", str(copied)], check=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = newskit.read_articles([bbc, copied])
    articles["file"] = [relative(p, bbc) or "copy:" + (relative(p, copied) or p) for p in articles["path"]]
    rejects = newskit.rejects(articles)
    n_bbc = int((~articles["file"].str.startswith("copy:")).sum())
    print(f"{len(articles):,} articles read ({n_bbc:,} BBC, {len(articles) - n_bbc:,} copies), {len(rejects):,} rejects")

    # -- same-story pairs ------------------------------------------------------------------------
    found = copies.with_stories(articles)
    by_file = dict(zip(found["file"], found["article_id"]))
    for path, reason in zip(rejects["path"], rejects["reason"]):  # a BBC file dropped as an exact duplicate
        if reason.startswith("duplicate of ") and relative(path, bbc):
            kept = relative(reason[len("duplicate of "):].split(" (")[0].strip(), bbc)
            if kept in by_file:
                by_file[relative(path, bbc)] = by_file[kept]
    ids = found["article_id"].tolist()
    predicted = pairs_of(pd.Series(found["story_id"].to_numpy(), index=found["article_id"]))
    made = {(by_file[f], by_file[f[len("copy:"):]]) for f in found["file"] if f.startswith("copy:")}
    made = {tuple(sorted(p)) for p in made}
    bbc_ids = set(found.loc[~found["file"].str.startswith("copy:"), "article_id"])
    internal = sorted(p for p in predicted if p[0] in bbc_ids and p[1] in bbc_ids)
    words = {a: set(copies.shingles(copies.words(t), copies.SHINGLE_WORDS)) for a, t in zip(found["article_id"], found["text"])}
    files = dict(zip(found["article_id"], found["file"]))
    titles = dict(zip(found["article_id"], found["title"]))
    judged = set()
    if JUDGED.exists():
        with open(JUDGED, newline="", encoding="utf-8") as fh:
            judged = {tuple(sorted((by_file[r["a"]], by_file[r["b"]]))) for r in csv.DictReader(fh)
                      if r["same_story"] == "yes" and r["a"] in by_file and r["b"] in by_file}
    lines = []
    for a, b in internal:
        jac = len(words[a] & words[b]) / max(len(words[a] | words[b]), 1)
        lines.append(f"{jac:.2f}\t{files[a]}\t{files[b]}\t{titles[a]} | {titles[b]}")
    out = ROOT / "artifacts"
    out.mkdir(exist_ok=True)
    (out / "bbc_pairs.txt").write_text("jaccard\ta\tb\ttitles\n" + "\n".join(sorted(lines)) + "\n", encoding="utf-8")
    near_identical = sum(1 for line in lines if float(line.split("\t")[0]) >= 0.9)
    print(f"BBC-internal pairs grouped: {len(internal)} ({near_identical} with shingle Jaccard >= 0.9; "
          f"{len(judged & set(internal))} judged the same story by hand, bench/gold/bbc_same_story.csv); list in artifacts/bbc_pairs.txt")
    strict = closure(made, ids)
    with_judged = closure(made | judged, ids)
    for name, truth in (("strict (BBC-internal pairs count as wrong)", strict), ("judged (BBC pairs checked by hand count as right)", with_judged)):
        p, r, hit, n_pred, n_truth = score(predicted, truth)
        print(f"same-story pairs, {name}: precision {p:.3f} recall {r:.3f} ({hit} right of {n_pred} predicted, {n_truth} true)")
    copy_found = sum(1 for pair in made if pair in predicted)
    pointed = sum(1 for f, c in zip(found["file"], found["copy_of"]) if f.startswith("copy:") and c == by_file[f[5:]])
    print(f"copies found with their original: {copy_found}/{len(made)}; copy_of pointing at the original: {pointed}/{len(made)}")

    # -- time and memory --------------------------------------------------------------------------
    copies.find_stories(articles.head(50))  # imports and permutations out of the timing
    small_s, small_mb = measure(articles.head(500))
    all_s, all_mb = measure(articles)
    print(f"near-duplicate step: 500 articles {small_s:.2f} s, peak {small_mb:.1f} MB; "
          f"{len(articles):,} articles {all_s:.2f} s, peak {all_mb:.1f} MB "
          f"({all_s / small_s:.2f}x the time for {len(articles) / 500:.2f}x the articles)")

    if not args.no_quotes:
        quotes_report(articles, found, by_file, Path(args.corpus), out)
    return 0


def untaggable(articles: pd.DataFrame, cache: Path) -> list[str]:
    """The article_ids tag() raises on, found by halving (the cache keeps every article tagged)."""
    try:
        newskit.tag(articles, cache=cache, progress=False)
        return []
    except Exception as exc:  # a tagging bug, not the copies': report it and go on without the article
        if len(articles) == 1:
            print(f"tag() fails on {articles['path'].iloc[0]}: {type(exc).__name__}: {str(exc)[:120]}")
            return [articles["article_id"].iloc[0]]
    half = len(articles) // 2
    return untaggable(articles.iloc[:half], cache) + untaggable(articles.iloc[half:], cache)


def quotes_report(articles, found, by_file, folder: Path, out: Path) -> None:
    if (folder / "quotes.parquet").exists():
        corpus = newskit.Corpus.load(folder)
        print(f"tagged corpus read from {folder}")
    else:
        started = time.perf_counter()
        plain = articles.drop(columns=["file"])
        failing = untaggable(plain, out / "copies_cache")
        if failing:
            print(f"left out {len(failing)} article(s) that tag() fails on: {', '.join(failing)}")
        corpus = newskit.tag(plain[~plain["article_id"].isin(failing)], cache=out / "copies_cache", progress=False)
        corpus.save(folder)
        print(f"tagged {len(articles):,} articles in {time.perf_counter() - started:.0f} s, saved to {folder}")
    quotes = corpus.quotes
    started = time.perf_counter()
    groups = copies.find_quote_groups(quotes)
    print(f"quote groups found in {time.perf_counter() - started:.2f} s over {len(quotes):,} quotes")
    quotes = quotes.assign(quote_group=groups)
    texts = {a: " " + " ".join(copies.quote_words(t)) + " " for a, t in zip(corpus.articles["article_id"], corpus.articles["text"])}
    by_article = {a: frame for a, frame in quotes.groupby("article_id", sort=False)}
    counts = {"all": [0, 0], "long": [0, 0]}
    for f in found["file"]:
        if not f.startswith("copy:"):
            continue
        copy, original = by_file[f], by_file[f[5:]]
        theirs = set(by_article.get(copy, quotes.iloc[:0])["quote_group"].dropna())
        for row in by_article.get(original, quotes.iloc[:0]).itertuples():
            normal = copies.quote_words(row.content)
            if not normal or " " + " ".join(normal) + " " not in texts[copy]:
                continue  # the copy dropped the sentence holding it
            grouped = isinstance(row.quote_group, str) and row.quote_group in theirs
            eligible = sum(w not in copies._CLASSES for w in normal) >= copies.QUOTE_MIN_WORDS
            for key in ("all", "long") if eligible else ("all",):
                counts[key][0] += 1
                counts[key][1] += grouped
    for key, label in (("long", f"of {copies.QUOTE_MIN_WORDS}+ words (the ones ever grouped)"), ("all", "all, short ones included")):
        n, hit = counts[key]
        print(f"copied quotes grouped with their original, {label}: {hit}/{n} = {hit / max(n, 1):.3f}")
    spread = newskit.quote_spread(corpus.with_frames(quotes=quotes))
    across = spread[spread["n_stories"] >= 2]
    print(f"quote groups: {len(spread):,}, of which {len(across):,} span two stories or more")
    rng = random.Random(SAMPLE_SEED)
    samples = {"drawn from all groups": rng.sample(list(spread["quote_group"]), min(SAMPLE_SIZE, len(spread))),
               "spanning two stories or more": rng.sample(list(across["quote_group"]), min(SAMPLE_SIZE, len(across)))}
    with open(out / "quote_groups_sample.txt", "w", encoding="utf-8") as fh:
        fh.write(f"# random.Random({SAMPLE_SEED}); verdicts in {GROUPS_CHECKED.relative_to(ROOT)}\n\n")
        for title, chosen in samples.items():
            fh.write(f"### {len(chosen)} groups {title}\n\n")
            for group in chosen:
                members = quotes[quotes["quote_group"] == group]
                fh.write(f"== {group} ({members['article_id'].nunique()} articles)\n")
                for row in members.drop_duplicates("content").itertuples():
                    fh.write(f"  [{row.kind}] {row.speaker or row.speaker_text}: {' '.join(row.content.split())}\n")
                fh.write("\n")
    print(f"samples of quote groups for a hand check (random.Random({SAMPLE_SEED})): {out / 'quote_groups_sample.txt'}")
    verdicts = {}
    if GROUPS_CHECKED.exists():
        with open(GROUPS_CHECKED, newline="", encoding="utf-8") as fh:
            verdicts = {r["quote_group"]: r["verdict"] for r in csv.DictReader(fh)}
    for title, chosen in samples.items():
        judged = [verdicts[g] for g in chosen if g in verdicts]
        unjudged = [g for g in chosen if g not in verdicts]
        print(f"hand check, {len(chosen)} groups {title}: {judged.count('same')} same, {judged.count('different')} "
              f"different ({GROUPS_CHECKED.relative_to(ROOT)})"
              + (f"; not judged yet: {', '.join(unjudged)}" if unjudged else ""))


if __name__ == "__main__":
    sys.exit(main())
