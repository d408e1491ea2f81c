"""Score newskit's quotes frame against gold attributions (PolNeAR JSONL, see ../shared/README.md).

    .venv/bin/python bench/eval_quotes.py ../shared/dev/quotes/polnear_train.jsonl [--split dev|heldout|all] [--limit N] [--skip N]

The rules are developed on the `dev` split (articles whose line number in the file, from 0, is
not a multiple of 4); `heldout` is the other quarter, kept to see overfitting.

A predicted quote matches a gold one when their characters overlap on at least 30 % (loose) or
80 % (tight) of the gold content, one-to-one (greedy, best overlap first). Gold content is the
union of its `quote_spans`; a prediction's is the union of its `parts`. On the speech-cue subset a
prediction matched to a gold attribution outside the subset (a belief, "X thinks that") counts
neither as right nor as wrong. A speaker is right when the predicted speaker mention overlaps
the gold source span. The share of tagging time spent in quote extraction is measured too.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import newskit  # noqa: E402
import newskit.extract.extractors as tagging  # noqa: E402

THRESHOLDS = (0.3, 0.8)


def articles_frame(gold: list[dict]) -> pd.DataFrame:
    """An articles frame whose `text` is the gold text itself, so offsets map one to one."""
    rows = []
    for doc in gold:
        pieces = doc["text"].split("\n\n")
        rows.append({"article_id": doc["id"], "text": doc["text"], "title": pieces[0],
                     "layout": " ".join(["title"] + ["body"] * (len(pieces) - 1)),
                     "published": pd.Timestamp(doc["date"]) if doc.get("date") else pd.NaT, "source": doc.get("publisher")})
    return pd.DataFrame(rows)


def chars(spans) -> set[int]:
    return {i for start, end in spans for i in range(start, end)}


def predicted_spans(row) -> list[tuple[int, int]]:
    parts = row.get("parts")
    if isinstance(parts, str) and parts:
        return [tuple(map(int, p.split(":"))) for p in parts.split()]
    return [(row["start"], row["end"])]


def match(gold: list[dict], predicted: list[dict], threshold: float) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, best overlap first."""
    return match_spans([g["quote_spans"] for g in gold], predicted, threshold)


def match_spans(gold_spans: list[list[tuple[int, int]]], predicted: list[dict], threshold: float) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs whose shared characters cover at least
    `threshold` of the gold content (the union of its spans), best overlap first; also read by
    bench/eval_speakers.py."""
    gold_chars = [chars(spans) for spans in gold_spans]
    pred_chars = [chars(predicted_spans(p)) for p in predicted]
    candidates = []
    for gi, gc in enumerate(gold_chars):
        for pi, pc in enumerate(pred_chars):
            share = len(gc & pc) / max(len(gc), 1)
            if share >= threshold:
                candidates.append((share, -gi, -pi))
    pairs, used_g, used_p = [], set(), set()
    for share, gi, pi in sorted(candidates, reverse=True):
        if -gi not in used_g and -pi not in used_p:
            pairs.append((-gi, -pi))
            used_g.add(-gi)
            used_p.add(-pi)
    return pairs


def speaker_right(gold: dict, pred: dict) -> bool | None:
    if not gold.get("speaker_spans") or pd.isna(pred.get("speaker_start")):
        return None if not gold.get("speaker_spans") else False
    s, e = int(pred["speaker_start"]), int(pred["speaker_end"])
    return any(s < ge and e > gs for gs, ge in gold["speaker_spans"])


def score(gold_docs: list[dict], quotes: pd.DataFrame, subset: bool, threshold: float) -> dict:
    by_article = {k: g.to_dict("records") for k, g in quotes.groupby("article_id", sort=False)}
    tally = Counter()
    for doc in gold_docs:
        everything = doc["quotes"]
        predicted = by_article.get(doc["id"], [])
        pairs = match(everything, predicted, threshold)
        in_scope = [not subset or g["speech_cue"] for g in everything]
        matched_pred = {pi for _, pi in pairs}
        for gi, pi in pairs:
            if not in_scope[gi]:
                continue
            kind = everything[gi]["type"]
            tally["tp"] += 1
            tally[f"tp_{kind}"] += 1
            right = speaker_right(everything[gi], predicted[pi])
            if right is not None:
                tally["speaker_scored"] += 1
                tally["speaker_right"] += bool(right)
        for gi, g in enumerate(everything):
            if in_scope[gi]:
                tally["gold"] += 1
                tally[f"gold_{g['type']}"] += 1
        tally["fp"] += sum(1 for pi in range(len(predicted)) if pi not in matched_pred)
    precision = tally["tp"] / max(tally["tp"] + tally["fp"], 1)
    recall = tally["tp"] / max(tally["gold"], 1)
    result = {"precision": precision, "recall": recall,
              "f1": 2 * precision * recall / max(precision + recall, 1e-9),
              "speaker_accuracy": tally["speaker_right"] / max(tally["speaker_scored"], 1)}
    for kind in ("direct", "mixed", "indirect"):
        result[f"recall_{kind}"] = tally[f"tp_{kind}"] / max(tally[f"gold_{kind}"], 1)
    result["gold"], result["predicted"] = tally["gold"], tally["tp"] + tally["fp"]
    return result


def timed_tag(articles: pd.DataFrame, model) -> tuple[newskit.Corpus, float, float]:
    """Tag, timing the whole run and the quotes extractor alone."""
    spent = [0.0]
    extract = tagging.EXTRACTORS["quotes"]

    def timed(adoc):
        began = time.perf_counter()
        try:
            return extract(adoc)
        finally:
            spent[0] += time.perf_counter() - began

    tagging.EXTRACTORS["quotes"] = timed
    try:
        began = time.perf_counter()
        corpus = newskit.tag(articles, cache=None, model=model, progress=False)
        total = time.perf_counter() - began
    finally:
        tagging.EXTRACTORS["quotes"] = extract
    return corpus, total, spent[0]


def in_split(number: int, split: str) -> bool:
    """The fixed development / held-out split: every fourth article (0, 4, 8, ...) is held out."""
    return split == "all" or (split == "heldout") == (number % 4 == 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/dev/quotes/polnear_train.jsonl"))
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles (after --skip)")
    parser.add_argument("--skip", type=int, default=0, help="skip the first N articles")
    parser.add_argument("--split", choices=("all", "dev", "heldout"), default="all",
                        help="dev: articles whose line number is not a multiple of 4; heldout: the rest")
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    lines = [line for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    numbered = [(number, line) for number, line in enumerate(lines) if in_split(number, args.split)][args.skip:][:args.limit]
    gold = [json.loads(line) for _, line in numbered]
    splits = {"dev": [g for (n, _), g in zip(numbered, gold) if in_split(n, "dev")],
              "heldout": [g for (n, _), g in zip(numbered, gold) if in_split(n, "heldout")]}
    model = newskit.load_model(args.model)
    corpus, total, quotes_time = timed_tag(articles_frame(gold), model)
    print(f"{args.split} split: {len(gold)} articles, {sum(len(d['quotes']) for d in gold)} gold attributions, "
          f"{len(corpus.quotes)} predicted quotes")
    table = []
    for subset in (True, False):
        for threshold in THRESHOLDS:
            result = score(gold, corpus.quotes, subset, threshold)
            table.append({"subset": "speech cues" if subset else "all", "overlap": f"{threshold:.0%}", **result})
    frame = pd.DataFrame(table).set_index(["subset", "overlap"])
    print(frame.round(3).to_string())
    if args.split == "all" and all(splits.values()):  # the same run, speech cues, per split
        per_split = [{"split": name, "overlap": f"{threshold:.0%}", **score(docs, corpus.quotes, True, threshold)}
                     for name, docs in splits.items() for threshold in THRESHOLDS]
        print(pd.DataFrame(per_split).set_index(["split", "overlap"]).round(3).to_string())
    print(f"predicted kinds: {dict(sorted(Counter(corpus.quotes['kind'].astype(str)).items()))}")
    print(f"tagging {total:.1f} s, quote extraction {quotes_time:.1f} s ({quotes_time / max(total, 1e-9):.1%} of tagging)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
