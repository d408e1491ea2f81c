"""Score the speakers newskit gives its quotes against the hand-made gold (bench/gold/speakers.csv).

    .venv/bin/python bench/eval_speakers.py [--shared ../shared] [--split dev|heldout|all] [--show wrong|missing|unmatched]
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_fresh.csv --split all   (dev part for rules, held-out part aggregate only)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_desc.csv --split all    (development: --show with --i-know)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_dev2.csv --split all    (development: --show with --i-know)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_dev3.csv --split all    (development: --show with --i-know)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_dev4.csv --split all    (development: --show with --i-know)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_dev5.csv --split all    (development: --show with --i-know)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_dev6.csv --split all    (development: --show with --i-know)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_dev7.csv --split all    (development: --show with --i-know)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test.csv --split all    (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test2.csv --split all   (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test3.csv --split all   (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test4.csv --split all   (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test5.csv --split all   (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test6.csv --split all   (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test7.csv --split all   (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test8.csv --split all   (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test9.csv --split all   (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test10.csv --split all  (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test11.csv --split all  (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test12.csv --split all  (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test13.csv --split all  (a test set: aggregate only, --show refused)
    .venv/bin/python bench/eval_speakers.py --gold bench/gold/speakers_test14.csv --split all  (a test set: aggregate only, --show refused)

The gold holds, for 47 articles of ../shared/corpora (BBC politics and business, and the wire
stories with attributions), every attribution's content span (offsets into the `text` that
`newskit.read_articles` gives), the speaker's full canonical name as the article gives it (`|`
between accepted alternatives: "Confederation of British Industry|CBI"; `; ` between the members
of a joint speaker; `none` for an unnamed source), how the speaker is written next to the cue
(`speaker_as_written`) and a hash of the content (`check`, so a change in the reader is caught).
bench/gold/README.md says how it and the other sets were made.

A predicted quote matches a gold one when their characters overlap on at least 30 % of the gold
content, one-to-one, best overlap first (as in bench/eval_quotes.py). The gold gives one row per
contiguous piece of a quote (a quote split by "he said", or going on after a sentence of
narration), so each of a prediction's `parts` is matched on its own, carrying the prediction's
speaker. Each matched quote's speaker is then
  right    the predicted `speaker` equals the gold name or one of its alternatives, compared
           without case, extra whitespace or the curly/straight apostrophe difference, a
           party's short name read through newskit's built-in party aliases ("Labour" is
           "Labour Party": the gold writes the article's form); for a
           `none` gold, the prediction has no speaker; for a joint gold, the set of predicted
           `speakers` (a list column, when the quotes frame has one) equals the gold set;
  missing  the prediction has no speaker and the gold has one;
  wrong    anything else.
Reported: matched / gold attributions (recall) and the right / missing / wrong shares of the
matched quotes, overall, per `speaker_as_written` category, per corpus and per split.

The split is fixed by the article id: `heldout` when the first hex digit of
sha1(article_id) is below 4 (about a quarter), else `dev`. Rules are written looking at `dev`
only: `--show` lists dev cases; listing held-out cases needs `--i-know` and must not be done
while writing rules. Without ../shared the script says so and exits 0.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_quotes import match_spans, predicted_spans  # noqa: E402  (one matching rule for both benches)

from newskit.frames import JOINT  # noqa: E402

GOLD = ROOT / "bench" / "gold" / "speakers.csv"
THRESHOLD = 0.3
OUTCOMES = ("right", "missing", "wrong")
# Gold files that are test sets: never listed case by case (bench/gold/README.md).
TEST_SETS = ("speakers_test",)
CATEGORIES = ("name", "surname", "pronoun", "description", "organisation", "unnamed", "joint", "according_to")


def split_of(article_id: str) -> str:
    """The fixed split: held out when sha1(article_id) starts with 0-3 (about a quarter)."""
    return "heldout" if int(hashlib.sha1(article_id.encode("utf-8")).hexdigest()[0], 16) < 4 else "dev"


def check_of(content: str) -> str:
    return hashlib.sha1(content.encode("utf-8")).hexdigest()[:10]


def read_gold(path: Path = GOLD) -> pd.DataFrame:
    with open(path, newline="", encoding="utf-8") as handle:
        gold = pd.DataFrame(list(csv.DictReader(handle)))
    gold["quote_start"] = gold["quote_start"].astype(int)
    gold["quote_end"] = gold["quote_end"].astype(int)
    gold["split"] = gold["article_id"].map(split_of)
    gold["corpus"] = gold["corpus_path"].str.split("/").str[1]
    return gold


def _party_aliases() -> dict[str, str]:
    """newskit's built-in party names ("Tories" -> "Conservative Party"), folded like `normal`."""
    table = json.loads((ROOT / "newskit" / "extract" / "lexicon" / "entities" / "party_aliases.json").read_text("utf-8"))
    return {_fold(k): _fold(v) for k, v in table["aliases"].items()}


def _fold(name: str) -> str:
    text = str(name).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


PARTY_ALIASES = _party_aliases()


def normal(name) -> str:
    """A name compared without case, extra whitespace or curly apostrophes, and a party's short
    name as newskit's built-in party aliases give it (the gold writes the article's "Labour" or
    "Lib Dems"; newskit names every party one way across a corpus: "Labour Party"), and a woman's
    courtesy title before a surname alone dropped (the gold writes "Kumaratunga" where the article
    gives no first name; newskit keeps "Mrs Kumaratunga", so she is no man of her surname)."""
    if name is None or (not isinstance(name, (list, tuple)) and pd.isna(name)):
        return ""
    text = _WOMANS_TITLE.sub("", _fold(name))
    return PARTY_ALIASES.get(text, text)


_WOMANS_TITLE = re.compile(r"^(?:mrs|ms|miss)\.? (?=\S+$)")


def match(gold: list[dict], predicted: list[dict], threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, best overlap (share of the gold content) first:
    the rule of bench/eval_quotes.py."""
    return match_spans([[(g["quote_start"], g["quote_end"])] for g in gold], predicted, threshold)


def pieces(pred: dict) -> list[dict]:
    """A prediction as the gold writes quotes: one per part (a split quote's two pieces), each
    with the prediction's speaker."""
    spans = predicted_spans(pred)
    if len(spans) == 1:
        return [pred]
    return [{**pred, "start": start, "end": end, "parts": None} for start, end in spans]


def predicted_speakers(pred: dict) -> list[str]:
    """The prediction's speakers: the names of the `speakers` column (joined by "; ", frames.JOINT),
    else `speaker`."""
    many = pred.get("speakers")
    if isinstance(many, str) and JOINT in many:
        many = many.split(JOINT)
    if isinstance(many, (list, tuple)) or (hasattr(many, "__len__") and not isinstance(many, str)):
        return [s for s in many if normal(s)]
    one = pred.get("speaker")
    return [one] if normal(one) else []


def outcome(gold_speaker: str, pred: dict) -> str:
    """right / missing / wrong for one matched quote."""
    said = predicted_speakers(pred)
    if normal(gold_speaker) == "none":
        return "right" if not said else "wrong"
    if not said:
        return "missing"
    if "; " in gold_speaker:  # a joint speaker: the same set of names, each with its alternatives
        members = [{normal(a) for a in member.split("|")} for member in gold_speaker.split("; ")]
        names = [normal(s) for s in said]
        if len(names) != len(members):
            return "wrong"
        unused = list(members)
        for name in names:
            hit = next((m for m in unused if name in m), None)
            if hit is None:
                return "wrong"
            unused.remove(hit)
        return "right"
    if len(said) != 1:
        return "wrong"
    return "right" if normal(said[0]) in {normal(a) for a in gold_speaker.split("|")} else "wrong"


def score(gold: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """The gold rows with `outcome` (right/missing/wrong, or missing value when unmatched) and the
    matched prediction's `predicted`, `predicted_text` and its span."""
    by_article = {k: g.to_dict("records") for k, g in quotes.groupby("article_id", sort=False)} if len(quotes) else {}
    rows = []
    for article_id, group in gold.groupby("article_id", sort=False):
        golds = group.to_dict("records")
        predicted = [piece for p in by_article.get(article_id, []) for piece in pieces(p)]
        pairs = dict(match(golds, predicted))
        for gi, g in enumerate(golds):
            pred = predicted[pairs[gi]] if gi in pairs else None
            said = predicted_speakers(pred) if pred is not None else []
            rows.append({**g, "outcome": outcome(g["speaker"], pred) if pred is not None else None,
                         "predicted": "; ".join(map(str, said)) if said else None,
                         "predicted_text": pred.get("speaker_text") if pred is not None else None,
                         "predicted_span": f"{pred['start']}:{pred['end']}" if pred is not None else None})
    return pd.DataFrame(rows)


def summary(scored: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    groups = [("all", scored)] if by is None else list(scored.groupby(by, sort=True))
    table = []
    for key, frame in groups:
        matched = frame["outcome"].notna().sum()
        counts = Counter(frame["outcome"].dropna())
        table.append({by or "": key, "gold": len(frame), "matched": int(matched),
                      "recall": matched / max(len(frame), 1),
                      **{o: counts[o] / matched if matched else float("nan") for o in OUTCOMES}})
    return pd.DataFrame(table).set_index(by or "")


def load_articles(shared: Path, gold: pd.DataFrame) -> pd.DataFrame:
    import newskit

    paths = sorted(set(gold["corpus_path"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = newskit.read_articles([str(shared / p) for p in paths])
    articles = articles[articles["article_id"].isin(set(gold["article_id"]))].reset_index(drop=True)
    absent = set(gold["article_id"]) - set(articles["article_id"])
    if absent:
        raise SystemExit(f"eval_speakers: the reader no longer gives these gold articles: {sorted(absent)}")
    return articles


def verify(gold: pd.DataFrame, articles: pd.DataFrame) -> None:
    """Stop, naming the row, when a gold span's text no longer hashes to its `check`."""
    texts = dict(zip(articles["article_id"], articles["text"]))
    for number, row in enumerate(gold.itertuples(index=False), start=2):  # line 1 is the header
        content = texts[row.article_id][row.quote_start:row.quote_end]
        if check_of(content) != row.check:
            raise SystemExit(f"eval_speakers: gold row {number} ({row.corpus_path} {row.quote_start}:{row.quote_end}) "
                             f"does not match its check {row.check}: the reader's text changed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (default ../shared)")
    parser.add_argument("--split", choices=("all", "dev", "heldout"), default="all")
    parser.add_argument("--gold", default=str(GOLD))
    parser.add_argument("--show", choices=("wrong", "missing", "unmatched"),
                        help="list the dev cases with this outcome (unmatched: gold attributions no prediction matched)")
    parser.add_argument("--i-know", action="store_true", help="let --show list held-out cases too (not while writing rules)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--saved", default=None,
                        help="score the quotes of a saved corpus (`newskit analyze <corpus> --out DIR`) instead of tagging "
                             "the gold articles alone: the speakers a user of the whole corpus gets (gold articles the "
                             "saved corpus lacks are left out and counted)")
    args = parser.parse_args(argv)
    if args.show and Path(args.gold).name.startswith(TEST_SETS):
        print(f"eval_speakers: {Path(args.gold).name} is a test set: scored in aggregate only, no --show")
        return 2
    shared = Path(args.shared)
    if not (shared / "corpora").is_dir():
        print(f"eval_speakers: {shared} is absent; nothing to score")
        return 0
    import newskit

    gold = read_gold(Path(args.gold))
    if args.split != "all":
        gold = gold[gold["split"] == args.split].reset_index(drop=True)
    if args.saved:
        corpus = newskit.Corpus.load(args.saved)
        missing = sorted(set(gold["article_id"]) - set(corpus.articles["article_id"]))
        if missing:
            print(f"eval_speakers: {len(missing)} gold article(s) are not in {args.saved}; left out")
            gold = gold[~gold["article_id"].isin(missing)].reset_index(drop=True)
        verify(gold, corpus.articles)
        quotes = corpus.quotes[corpus.quotes["article_id"].isin(set(gold["article_id"]))]
    else:
        articles = load_articles(shared, gold)
        verify(gold, articles)
        quotes = newskit.tag(articles, cache=None, progress=False, model=newskit.load_model(args.model)).quotes
    scored = score(gold, quotes)
    print(f"{args.split} split: {gold['article_id'].nunique()} articles, {len(gold)} gold attributions, "
          f"{len(quotes)} predicted quotes" + (f" (from the saved corpus {args.saved})" if args.saved else ""))
    pd.set_option("display.width", 200)
    print(summary(scored).round(3).to_string())
    print()
    print(summary(scored, "speaker_as_written").reindex([c for c in CATEGORIES if c in set(scored["speaker_as_written"])]).round(3).to_string())
    print()
    print(summary(scored, "corpus").round(3).to_string())
    if args.split == "all":
        print()
        print(summary(scored, "split").round(3).to_string())
    if args.show:
        cases = scored[scored["outcome"].isna()] if args.show == "unmatched" else scored[scored["outcome"] == args.show]
        if not args.i_know:
            cases = cases[cases["split"] == "dev"]
        print(f"\n{args.show} ({'all splits' if args.i_know else 'dev only'}): {len(cases)}")
        for row in cases.itertuples(index=False):
            print(f"  {row.corpus_path} {row.quote_start}:{row.quote_end} [{row.speaker_as_written}] "
                  f"gold {row.speaker!r}  predicted {row.predicted!r} (speaker_text {row.predicted_text!r}, span {row.predicted_span})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
