"""Span-exact NER precision/recall/F1 on CoNLL-2003: raw spaCy and newskit side by side, per label.

    .venv/bin/python bench/eval_ner.py ../shared/dev/ner/conll2003_valid.txt [--limit 200] [--errors 20]

Each CoNLL document (between -DOCSTART- lines) becomes one article: its sentences, tokens joined by
single spaces, are the paragraphs (the first one is the title), so every gold token span has exact
character offsets. Raw spaCy parses the same paragraphs with the plain model; newskit tags the
articles with its own pipeline (gazetteer ruler, label voting, name propagation). OntoNotes labels
map to CoNLL's: PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE->MISC.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd
import spacy

import newskit
import newskit.extract.extractors
from newskit.extract.entities.rules import EntityRules
from newskit.pipeline.model import model_candidates
from newskit.read.structure import PARAGRAPH_SEPARATOR

ONTONOTES_TO_CONLL = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
}
LABELS = ("PER", "ORG", "LOC", "MISC")


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (token, IOB2 tag)."""
    docs: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("-DOCSTART-"):
            docs.append([])
            continue
        if not line.strip():
            if sentence:
                if not docs:
                    docs.append([])
                docs[-1].append(sentence)
            sentence = []
            continue
        parts = line.split()
        sentence.append((parts[0], parts[-1]))
    return [doc for doc in docs if doc]


def build_article(number: int, doc: list[list[tuple[str, str]]]) -> tuple[dict, set[tuple[int, int, str]]]:
    """One article row (text, title, layout) and its gold spans (start, end, label)."""
    gold: set[tuple[int, int, str]] = set()
    pieces: list[str] = []
    offset = 0
    for sentence in doc:
        starts, position = [], offset
        for token, _ in sentence:
            starts.append(position)
            position += len(token) + 1
        current: tuple[int, str] | None = None
        for i, (token, tag) in enumerate(sentence + [("", "O")]):
            if current and not tag.startswith("I-"):
                gold.add((current[0], starts[i - 1] + len(sentence[i - 1][0]), current[1]))
                current = None
            if tag.startswith("B-") or (tag.startswith("I-") and current is None):
                current = (starts[i], tag[2:])
        piece = " ".join(token for token, _ in sentence)
        pieces.append(piece)
        offset += len(piece) + len(PARAGRAPH_SEPARATOR)
    text = PARAGRAPH_SEPARATOR.join(pieces)
    layout = " ".join(["title"] + ["body"] * (len(pieces) - 1))
    article = {"article_id": f"conll{number:05d}", "text": text, "title": pieces[0], "layout": layout,
               "published": pd.NaT, "source": None, "place": None, "agency": None,
               "dateline_start": None, "dateline_end": None}
    return article, gold


def raw_spans(nlp, articles: list[dict]) -> tuple[dict[str, set], float]:
    """Plain spaCy over every paragraph: {article_id: {(start, end, conll_label)}} and seconds."""
    started = time.perf_counter()
    found: dict[str, set] = {}
    for article in articles:
        spans: set = set()
        offset = 0
        paragraphs = article["text"].split(PARAGRAPH_SEPARATOR)
        for piece, doc in zip(paragraphs, nlp.pipe(paragraphs)):
            for ent in doc.ents:
                label = ONTONOTES_TO_CONLL.get(ent.label_)
                if label:
                    spans.add((offset + ent.start_char, offset + ent.end_char, label))
            offset += len(piece) + len(PARAGRAPH_SEPARATOR)
        found[article["article_id"]] = spans
    return found, time.perf_counter() - started


def newskit_spans(articles: list[dict]) -> tuple[dict[str, set], float, float, float]:
    """newskit.tag over the articles: spans, total seconds, seconds in the entities extractor and in
    newskit's spaCy component."""
    spent = [0.0, 0.0]
    registry = newskit.extract.extractors.EXTRACTORS
    saved = dict(registry)
    original = registry["entities"]

    def timed(adoc):
        started = time.perf_counter()
        rows = original(adoc)
        spent[0] += time.perf_counter() - started
        return rows

    rules_call = EntityRules.__call__

    def timed_rules(self, doc):
        started = time.perf_counter()
        out = rules_call(self, doc)
        spent[1] += time.perf_counter() - started
        return out

    EntityRules.__call__ = timed_rules
    # the entity pipeline only: sentences and entities (quotes and timexes are measured elsewhere)
    registry.clear()
    registry.update({"sentences": saved["sentences"], "entities": timed})
    try:
        started = time.perf_counter()
        corpus = newskit.tag(pd.DataFrame(articles), cache=None, progress=False)
        total = time.perf_counter() - started
    finally:
        EntityRules.__call__ = rules_call
        registry.clear()
        registry.update(saved)
    found: dict[str, set] = {a["article_id"]: set() for a in articles}
    for row in corpus.entities.itertuples(index=False):
        label = ONTONOTES_TO_CONLL.get(str(row.label))
        if label:
            found[row.article_id].add((row.start, row.end, label))
    return found, total, spent[0], spent[1]


def scores(gold: dict[str, set], predicted: dict[str, set]) -> pd.DataFrame:
    """Span-exact P/R/F1 per CoNLL label and overall (micro)."""
    counts = {label: Counter() for label in (*LABELS, "ALL")}
    for article_id, gold_spans in gold.items():
        pred = predicted.get(article_id, set())
        for label in LABELS:
            g = {s for s in gold_spans if s[2] == label}
            p = {s for s in pred if s[2] == label}
            for key in (label, "ALL"):
                counts[key]["tp"] += len(g & p)
                counts[key]["fp"] += len(p - g)
                counts[key]["fn"] += len(g - p)
    rows = []
    for label, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append({"label": label, "gold": c["tp"] + c["fn"], "P": precision, "R": recall, "F1": f1})
    return pd.DataFrame(rows).set_index("label")


def show_errors(articles: list[dict], gold: dict[str, set], predicted: dict[str, set], limit: int) -> None:
    """The most frequent false positives and misses of newskit, by text and label."""
    texts = {a["article_id"]: a["text"] for a in articles}
    fp, fn = Counter(), Counter()
    for article_id, gold_spans in gold.items():
        text, pred = texts[article_id], predicted.get(article_id, set())
        fp.update(f"{text[s:e]} /{label}" for s, e, label in pred - gold_spans)
        fn.update(f"{text[s:e]} /{label}" for s, e, label in gold_spans - pred)
    for name, counter in (("false positives", fp), ("misses", fn)):
        print(f"\nnewskit {name}:", ", ".join(f"{k} ({v})" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?", default=Path("../shared/dev/ner/conll2003_valid.txt"))
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--skip", type=int, default=0, help="skip the first N documents (dev subsets of train)")
    parser.add_argument("--errors", type=int, default=0, help="print newskit's N most frequent errors")
    args = parser.parse_args(argv)

    docs = read_conll(args.path)[args.skip:]
    docs = docs[: args.limit] if args.limit else docs
    built = [build_article(i, doc) for i, doc in enumerate(docs)]
    articles = [article for article, _ in built]
    gold = {article["article_id"]: spans for article, spans in built}

    raw_nlp = spacy.load(next(iter(_installed())))
    newskit.load_model()  # load outside the timings
    raw, raw_seconds = raw_spans(raw_nlp, articles)
    ours, tag_seconds, extractor_seconds, rules_seconds = newskit_spans(articles)

    table = pd.concat({"raw spaCy": scores(gold, raw), "newskit": scores(gold, ours)}, axis=1)
    print(f"{args.path.name}: {len(articles)} documents, {sum(map(len, gold.values()))} gold entities")
    print(table.round(3).to_string())
    delta = table[("newskit", "F1")]["ALL"] - table[("raw spaCy", "F1")]["ALL"]
    print(f"\nF1 gain (ALL): {delta:+.3f}")
    added = extractor_seconds + rules_seconds
    print(f"raw spaCy parse: {raw_seconds:.1f}s; newskit tag: {tag_seconds:.1f}s, of which newskit's entity rules "
          f"component {rules_seconds:.2f}s and the entities extractor (canonical names, votes, roles) "
          f"{extractor_seconds:.2f}s: {added:.2f}s = {added / tag_seconds:.1%} of tagging time")
    if args.errors:
        show_errors(articles, gold, ours, args.errors)
    return 0


def _installed() -> list[str]:
    """Installed default model names (raw spaCy loads the same model without newskit's components)."""
    names = []
    for name in model_candidates():
        try:
            spacy.util.get_package_path(name)
            names.append(name)
        except Exception:  # noqa: BLE001 - not installed
            continue
    return names or list(model_candidates())


if __name__ == "__main__":
    sys.exit(main())
