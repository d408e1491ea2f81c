"""How long the explorer takes to build and to update on a large corpus.

    python bench/bench_explore.py                    # synthetic: the seeds copied into 2,000 articles
    python bench/bench_explore.py --articles 5000
    python bench/bench_explore.py --corpus data/processed   # any corpus saved with Corpus.save()

The synthetic corpus is built from tagged frames, not re-tagged: each copy of the seed gets its own
article_id, a source out of five and a publication date spread over two years, and its people are
renamed per copy ("Anatoly Antonov 7") so that a person appears in 1 article in 50 while places
such as Aleppo appear in every article (the heaviest case for an update).
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
import warnings
from pathlib import Path

import pandas as pd

import newskit
from newskit.corpus import FRAMES
from newskit.view.explorer.panels import mentions_chart

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["TASS", "Reuters", "AP", "AFP", "dpa"]


def synthetic_corpus(seed: newskit.Corpus, n_articles: int, people_groups: int = 50) -> newskit.Corpus:
    """`seed` repeated until it has n_articles articles (see the module docstring)."""
    per_copy = len(seed.articles)
    copies = -(-n_articles // per_copy)
    people = set(seed.entities.loc[seed.entities["label"].astype(str) == "PERSON", "entity"])
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in ("articles", *FRAMES)}
    days = pd.Timestamp("2016-01-01") + pd.to_timedelta(range(copies), unit="D") * (730 // max(copies, 1) or 1)
    for i in range(copies):
        rename = {p: f"{p} {i % people_groups}" for p in people}
        for name in parts:
            frame = getattr(seed, name).copy()
            frame["article_id"] = frame["article_id"] + f"-{i}"
            if name == "articles":
                frame["source"], frame["published"] = SOURCES[i % len(SOURCES)], days[i]
            if name == "entities":
                frame["entity"] = frame["entity"].replace(rename)
            if name == "quotes":
                frame["speaker"] = frame["speaker"].replace(rename)
            parts[name].append(frame)
    frames = {name: pd.concat(frames, ignore_index=True) for name, frames in parts.items()}
    frames["articles"] = frames["articles"].head(n_articles)
    kept = set(frames["articles"]["article_id"])
    for name in FRAMES:
        frames[name] = frames[name][frames[name]["article_id"].isin(kept)].reset_index(drop=True)
    return newskit.Corpus(**frames)


def timed(action, repeat: int) -> str:
    """Median wall-clock and CPU milliseconds of `repeat` calls, as "wall ms (cpu ms)"; on a busy
    machine the CPU time is the steadier figure."""
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return f"{statistics.median(wall) * 1000:5.0f} ms ({statistics.median(cpu) * 1000:4.0f} ms CPU)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corpus", help="a folder written by Corpus.save() (instead of the synthetic corpus)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.corpus:
        corpus = newskit.Corpus.load(args.corpus)
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            seed = newskit.analyze(ROOT / "seeds", cache=ROOT / "data" / "cache", progress=False)
        corpus = synthetic_corpus(seed, args.articles)
    print(corpus)
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (timings grow with the load)")
    started = time.perf_counter()
    explorer = newskit.explore(corpus)
    print(f"build (indexes, timeline, first draw)   {time.perf_counter() - started:7.2f} s")
    table = explorer.index.choices
    hot = str(table["name"].iloc[0])
    person = explorer.index.default_entity() or hot
    print(f"entities {len(table):,}; hottest {hot!r} ({table['mentions'].iloc[0]:,} mentions), "
          f"person {person!r} ({int(table.loc[table['name'] == person, 'mentions'].iloc[0]):,} mentions)")
    for name in (person, hot):
        explorer.select(name)
        data = timed(lambda: explorer._compute(name), args.repeat)
        chart = timed(lambda: mentions_chart(explorer.over_time_frame, explorer.articles_frame, name), args.repeat)
        full = timed(lambda: explorer.select(name), args.repeat)
        print(f"update for {name!r}: panels' data {data}, chart {chart}, all (data, chart, tables, article view) {full}")
    first = explorer.index.articles["published"].min()
    filters = [dict(source="Reuters"), dict(paragraphs="no headlines"), dict(quote_kind="direct"),
               dict(start=first + pd.Timedelta(days=365)), dict(start=None, source=None, paragraphs="all", quote_kind="all")]
    explorer.select(hot)
    for change in filters:
        took = timed(lambda: explorer.filter(**change), 1)
        print(f"filter {change}: {took}  ({len(explorer.mentions_frame):,} mentions of {hot!r} left)")
    print(f"open an article: {timed(lambda: explorer.open_article(explorer.article_id), args.repeat)}")


if __name__ == "__main__":
    main()
