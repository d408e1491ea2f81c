"""TempEval-3-style scores of newskit's temporal expressions against gold TIMEX3 JSONL.

    .venv/bin/python bench/eval_timex.py [../shared/dev/timex/timebank.jsonl] [--show-errors N]

Each gold line is {"id", "dct", "text", "timexes": [{"start", "end", "text", "type", "value"}]}.
The script builds an articles frame whose `text` is the gold text exactly (one "body" paragraph per
blank-line piece, `published` = dct), tags it with newskit, and compares the timexes frame:

- relaxed extent P/R/F1: spans overlap (one-to-one, greedy by overlap);
- strict extent P/R/F1: identical spans;
- value F1 = relaxed F1 x value accuracy (share of relaxed matches with exactly the gold value);
- day-precision F1: over gold timexes whose value is a full day (YYYY-MM-DD), a prediction counts
  when it overlaps and has that value; precision over predicted full-day values.

Scores are printed for all documents, for every 4th document (the held-out check, never looked at
while writing rules) and for the rest; timing is the timex extractor alone (ms per document) and
the whole tag() run.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import newskit  # noqa: E402
import newskit.extract.extractors as tagging  # noqa: E402
from newskit.read.structure import PARAGRAPH_SEPARATOR  # noqa: E402

DEFAULT_GOLD = ROOT.parent / "shared" / "dev" / "timex" / "timebank.jsonl"
DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def articles_from_gold(docs: list[dict]) -> pd.DataFrame:
    rows = []
    for doc in docs:
        pieces = doc["text"].split(PARAGRAPH_SEPARATOR)
        rows.append({"article_id": doc["id"], "text": doc["text"], "published": pd.Timestamp(doc["dct"]),
                     "layout": " ".join("body" for _ in pieces)})
    return pd.DataFrame(rows)


def match(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one relaxed matching: overlapping spans, largest overlap first."""
    pairs = []
    for g in gold:
        for p in predicted:
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                pairs.append((overlap, g["start"], p["start"], id(g), id(p), g, p))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_p, matched = set(), set(), []
    for _, _, _, gid, pid, g, p in pairs:
        if gid in used_g or pid in used_p:
            continue
        used_g.add(gid)
        used_p.add(pid)
        matched.append((g, p))
    return matched


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[dict], predicted: dict[str, list[dict]]) -> dict:
    n_gold = n_pred = relaxed = strict = right_value = 0
    day_gold = day_pred = day_tp = 0
    for doc in docs:
        gold, pred = doc["timexes"], predicted.get(doc["id"], [])
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = match(gold, pred)
        relaxed += len(pairs)
        strict += sum(g["start"] == p["start"] and g["end"] == p["end"] for g, p in pairs)
        right_value += sum(g["value"] == p["value"] for g, p in pairs)
        day_gold += sum(bool(DAY.match(g["value"])) for g in gold)
        day_pred += sum(bool(DAY.match(p["value"] or "")) for p in pred)
        day_tp += sum(bool(DAY.match(g["value"])) and g["value"] == p["value"] for g, p in pairs)
    rp, rr, rf = prf(relaxed, n_pred, n_gold)
    sp, sr, sf = prf(strict, n_pred, n_gold)
    accuracy = right_value / relaxed if relaxed else 0.0
    dp, dr, df = prf(day_tp, day_pred, day_gold)
    return {"docs": len(docs), "gold": n_gold, "predicted": n_pred,
            "relaxed P": rp, "relaxed R": rr, "relaxed F1": rf,
            "strict P": sp, "strict R": sr, "strict F1": sf,
            "value accuracy": accuracy, "value F1": rf * accuracy,
            "day P": dp, "day R": dr, "day F1": df}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--show-errors", type=int, default=0, help="print this many value and extent errors")
    parser.add_argument("--part", choices=["all", "dev", "heldout"], default="all", help="which documents' errors to show")
    args = parser.parse_args(argv)
    docs = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = articles_from_gold(docs)

    timings: list[float] = []
    original = tagging.EXTRACTORS["timexes"]

    def timed(adoc):
        t0 = time.perf_counter()
        rows = original(adoc)
        timings.append(time.perf_counter() - t0)
        return rows

    nlp = newskit.load_model()
    # only what timexes need: the other extractors' speed and state are not measured here
    extractors = tagging.EXTRACTORS
    tagging.EXTRACTORS = {"sentences": extractors["sentences"], "timexes": timed}
    try:
        t0 = time.perf_counter()
        corpus = newskit.tag(articles, cache=None, model=nlp, progress=False)
        total = time.perf_counter() - t0
    finally:
        tagging.EXTRACTORS = extractors

    texts = dict(zip(articles["article_id"], articles["text"]))
    assert all(texts[r.article_id][r.start:r.end] == r.text for r in corpus.timexes.itertuples()), "offsets do not map 1:1"
    predicted: dict[str, list[dict]] = {}
    for row in corpus.timexes.itertuples(index=False):
        predicted.setdefault(row.article_id, []).append(
            {"start": row.start, "end": row.end, "text": row.text, "value": row.value, "type": row.type})

    parts = {"all": docs, "dev (3 of 4)": [d for i, d in enumerate(docs) if i % 4 != 3],
             "held out (every 4th)": [d for i, d in enumerate(docs) if i % 4 == 3]}
    table = pd.DataFrame({name: score(part, predicted) for name, part in parts.items()}).T
    with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 200):
        print(table[["docs", "gold", "predicted", "relaxed F1", "strict P", "strict R", "strict F1",
                     "value accuracy", "value F1", "day F1"]].to_string())
    ms = 1000 * sum(timings) / len(docs)
    print(f"\ntimex extractor: {ms:.2f} ms per document; whole tag() (spaCy + all extractors): "
          f"{1000 * total / len(docs):.0f} ms per document ({len(docs)} documents)")

    if args.show_errors:
        chosen = {"all": docs, "dev": parts["dev (3 of 4)"], "heldout": parts["held out (every 4th)"]}[args.part]
        _show_errors(chosen, predicted, args.show_errors)


def _show_errors(docs, predicted, limit) -> None:
    missed, spurious, wrong_value, wrong_extent = [], [], [], []
    for doc in docs:
        gold, pred = doc["timexes"], predicted.get(doc["id"], [])
        pairs = match(gold, pred)
        mg = {id(g) for g, _ in pairs}
        mp = {id(p) for _, p in pairs}
        ctx = lambda s, e: doc["text"][max(0, s - 40):e + 30].replace("\n", " ")  # noqa: E731
        missed += [(doc["dct"], g["text"], g["value"], ctx(g["start"], g["end"])) for g in gold if id(g) not in mg]
        spurious += [(doc["dct"], p["text"], p["value"], ctx(p["start"], p["end"])) for p in pred if id(p) not in mp]
        wrong_value += [(doc["dct"], g["text"], g["value"], p["value"], ctx(g["start"], g["end"])) for g, p in pairs if g["value"] != p["value"]]
        wrong_extent += [(g["text"], p["text"]) for g, p in pairs if (g["start"], g["end"]) != (p["start"], p["end"])]
    for name, items in (("missed", missed), ("spurious", spurious), ("wrong value", wrong_value), ("wrong extent", wrong_extent)):
        print(f"\n== {name}: {len(items)}")
        for item in items[:limit]:
            print("  ", " | ".join(map(str, item)))


if __name__ == "__main__":
    main()
