"""Bucket newskit's quote errors on the PolNeAR dev split (never the held-out quarter).

    .venv/bin/python bench/quote_errors.py [gold.jsonl] [--limit N] [--show BUCKET] [--examples K]

spaCy runs once: the parsed paragraphs and the rows of the extractors before quotes are kept in
`--cache` (a pickle, rebuilt when missing or `--reparse`), so a change to the quote rules is scored
in seconds. Scores are eval_quotes.py's (speech-cue subset, 30 % and 80 % overlap, before the
corpus-wide linking, which moves no span). Buckets:

    missed/<type>/<cue>          speech-cue gold with no prediction at 30 % (nearby: some overlap under 30 %)
    short/<where>/<pred->gold>   matched at 30 % but covering under 80 % of the gold: the gold goes on
                                 before / after the prediction (multi-paragraph: the gold crosses one)
    long/<where>/<pred->gold>    matched at 80 % with over 20 % more characters than the gold (no error
                                 for the 80 % score, which counts the gold's coverage only; a worse extent)
    fp/<kind>[/<size>/<cued>]    predictions matched to no gold attribution at 30 %

It also prints the character precision and recall of the extents matched at 30 % and the number
of direct quotes of two words or fewer; `--dump FILE` writes every bucketed item to diff two runs.
`--show BUCKET` (a prefix: `short/after`, `fp/direct`) prints examples: gold [[...]], predicted {{...}}.
"""
from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import newskit  # noqa: E402
from eval_quotes import articles_frame, chars, in_split, match, predicted_spans, score  # noqa: E402
from newskit.extract import extractors as registry  # noqa: E402
from newskit.extract.document import ArticleDoc, ParagraphDoc  # noqa: E402
from newskit.pipeline.batch import tag_batch  # noqa: E402

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared/dev/quotes/polnear_train.jsonl"


def dev_gold(path: Path) -> list[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line) for number, line in enumerate(lines) if in_split(number, "dev")]


def parse(gold: list[dict], model) -> list[dict]:
    """Per article: the paragraphs' Doc bytes and the rows of every extractor before quotes."""
    nlp = model
    kept: list[dict] = []

    def keep(adoc: ArticleDoc) -> list[dict]:
        kept.append({"article": adoc.article,
                     "paragraphs": [(p.paragraph, p.kind, p.start, p.doc.to_bytes()) for p in adoc.paragraphs],
                     "results": dict(adoc.results)})
        return []

    extractors = {name: f for name, f in registry.EXTRACTORS.items() if name != "quotes"} | {"quotes": keep}
    records = articles_frame(gold).to_dict("records")
    for start in range(0, len(records), 32):
        tag_batch(records[start:start + 32], nlp, extractors=extractors)
    return kept


def rebuild(entry: dict, vocab) -> ArticleDoc:
    pdocs = [ParagraphDoc(n, kind, start, Doc(vocab).from_bytes(data)) for n, kind, start, data in entry["paragraphs"]]
    adoc = ArticleDoc(entry["article"], pdocs)
    adoc.results.update(entry["results"])
    return adoc


def run_quotes(entries: list[dict], vocab) -> pd.DataFrame:
    rows = []
    for entry in entries:
        adoc = rebuild(entry, vocab)
        for row in registry.EXTRACTORS["quotes"](adoc):
            text = adoc.text
            assert text[row["start"]:row["end"]] == row["content"], row
            rows.append({"article_id": entry["article"]["article_id"], **row})
    return pd.DataFrame(rows)


def _fp_bucket(row: dict) -> str:
    kind = row["kind"]
    if kind == "direct":
        words = len(row["content"].split())
        size = "1-2 words" if words <= 2 else "3-6 words" if words <= 6 else "longer"
        return f"fp/direct/{size}/{'floating' if not row.get('cue') else 'cued'}"
    return f"fp/{kind}"


def buckets(gold: list[dict], quotes: pd.DataFrame) -> dict[str, list[tuple]]:
    """bucket -> [(doc, gold attribution or None, predicted row or None)]."""
    by_article = {k: g.to_dict("records") for k, g in quotes.groupby("article_id", sort=False)} if len(quotes) else {}
    found: dict[str, list[tuple]] = defaultdict(list)
    for doc in gold:
        attributions = doc["quotes"]
        predicted = by_article.get(doc["id"], [])
        loose = dict(match(attributions, predicted, 0.3))
        tight = dict(match(attributions, predicted, 0.8))
        matched = set(loose.values())
        paragraph_breaks = [i for i in range(len(doc["text"])) if doc["text"].startswith("\n\n", i)]
        for gi, g in enumerate(attributions):
            if not g["speech_cue"]:
                continue
            gc = chars(g["quote_spans"])
            if gi not in loose:
                cue = (g.get("cue") or "").lower()
                cue = "according to" if "according" in cue else ":" if cue.strip() == ":" else "verb"
                near = any(chars(predicted_spans(p)) & gc for p in predicted)
                found[f"missed/{g['type']}/{cue}{'/nearby' if near else ''}"].append((doc, g, None))
                continue
            p = predicted[loose[gi]]
            pc = chars(predicted_spans(p))
            if gi in tight:
                extra = len(pc - gc) / len(gc)
                if extra > 0.2:  # not an error at 80 % (only the gold's coverage counts), but a worse extent
                    where = [w for w, n in (("before", min(gc) - min(pc)), ("after", max(pc) - max(gc))) if n > 2]
                    found[f"long/{'+'.join(where) or 'inside'}/{p['kind']}->{g['type']}"].append((doc, g, p))
                continue
            g0, g1, p0, p1 = min(gc), max(gc) + 1, min(pc), max(pc) + 1
            if len(gc & pc) / len(gc) < 0.8:
                where = []
                if p0 > g0 + 2:
                    where.append("before")
                if p1 < g1 - 2:
                    where.append("after")
                crosses = any(g0 < b < g1 for b in paragraph_breaks)
                found[f"short/{'+'.join(where) or 'inside'}/{p['kind']}->{g['type']}{'/multi-paragraph' if crosses else ''}"].append((doc, g, p))
            else:
                found[f"short/taken-by-another/{p['kind']}->{g['type']}"].append((doc, g, p))
        for pi, p in enumerate(predicted):
            if pi not in matched:
                found[_fp_bucket(p)].append((doc, None, p))
    return found


def extent(gold: list[dict], quotes: pd.DataFrame) -> str:
    """Character precision and recall of the predictions matched at 30 % (speech cues): how well
    the extents fit, whatever the match threshold."""
    by_article = {k: g.to_dict("records") for k, g in quotes.groupby("article_id", sort=False)} if len(quotes) else {}
    inside = predicted_chars = gold_chars = 0
    for doc in gold:
        predicted = by_article.get(doc["id"], [])
        for gi, pi in match(doc["quotes"], predicted, 0.3):
            if doc["quotes"][gi]["speech_cue"]:
                gc, pc = chars(doc["quotes"][gi]["quote_spans"]), chars(predicted_spans(predicted[pi]))
                inside, predicted_chars, gold_chars = inside + len(gc & pc), predicted_chars + len(pc), gold_chars + len(gc)
    return f"char precision {inside / max(predicted_chars, 1):.3f}, char recall {inside / max(gold_chars, 1):.3f}"


def show(doc: dict, g: dict | None, p: dict | None) -> str:
    text = doc["text"]
    spans = []
    if g is not None:
        spans += [(s, "[[") for s, _ in g["quote_spans"]] + [(e, "]]") for _, e in g["quote_spans"]]
    if p is not None:
        spans += [(s, "{{") for s, _ in predicted_spans(p)] + [(e, "}}") for _, e in predicted_spans(p)]
    low = min(s for s, _ in spans)
    high = max(s for s, _ in spans)
    low, high = max(0, text.rfind("\n\n", 0, low)), text.find("\n\n", high)
    high = len(text) if high < 0 else high
    out, last = [], low
    for offset, mark in sorted(spans, key=lambda x: (x[0], x[1] in ("]]", "}}"))):
        out.append(text[last:offset] + mark)
        last = offset
    out.append(text[last:high])
    extra = f"  gold cue={g['cue']!r} speaker={g.get('speaker')!r}" if g else ""
    extra += f"  pred kind={p['kind']} cue={p.get('cue')!r} speaker={p.get('speaker_text')!r}" if p else ""
    return f"--- {doc['id']}{extra}\n" + "".join(out).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--split", choices=("dev",), default="dev", help="only dev: the held-out quarter is never analysed")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cache", default="/tmp/newskit_quote_errors.pkl")
    parser.add_argument("--reparse", action="store_true")
    parser.add_argument("--show", default=None, help="print examples of the buckets starting with this")
    parser.add_argument("--examples", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dump", default=None, help="write every bucketed item (article, gold and predicted spans) as JSON lines, to diff two runs")
    args = parser.parse_args(argv)
    gold = dev_gold(Path(args.gold))[:args.limit]
    model = newskit.load_model(None)
    cache = Path(args.cache)
    entries = None
    if cache.exists() and not args.reparse:
        entries = pickle.loads(cache.read_bytes())
        if [e["article"]["article_id"] for e in entries[:len(gold)]] != [g["id"] for g in gold]:
            entries = None
        else:
            entries = entries[:len(gold)]
    if entries is None:
        entries = parse(gold, model)
        cache.write_bytes(pickle.dumps(entries))
    quotes = run_quotes(entries, model.vocab)
    for threshold in (0.3, 0.8):
        r = score(gold, quotes, True, threshold)
        print(f"speech cues {threshold:.0%}: P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}  "
              f"direct {r['recall_direct']:.3f} mixed {r['recall_mixed']:.3f} indirect {r['recall_indirect']:.3f}  "
              f"speaker {r['speaker_accuracy']:.3f}  predicted {r['predicted']}")
    found = buckets(gold, quotes)
    counts = Counter({k: len(v) for k, v in found.items()})
    print(f"extent of matched pairs at 30 %: {extent(gold, quotes)}")
    for top in ("missed", "short", "long", "fp"):
        total = sum(n for k, n in counts.items() if k.startswith(top + "/"))
        print(f"{top}: {total}")
        for k, n in sorted(((k, n) for k, n in counts.items() if k.startswith(top + "/")), key=lambda x: (-x[1], x[0])):
            print(f"  {n:5d}  {k}")
    short = quotes[(quotes["kind"] == "direct") & (quotes["content"].str.split().str.len() <= 2)] if len(quotes) else quotes
    print(f"direct quotes of two words or fewer: {len(short)}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for k in sorted(found):
                for doc, g, p in found[k]:
                    out.write(json.dumps({"bucket": k, "id": doc["id"], "gold": g and g["quote_spans"],
                                          "predicted": p and predicted_spans(p)}) + "\n")
    if args.show:
        pool = [item for k in sorted(found) if k.startswith(args.show) for item in found[k]]
        random.Random(args.seed).shuffle(pool)
        for item in pool[:args.examples]:
            print(show(*item))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
