"""Write edited copies of BBC articles, as another outlet would run them, for bench/eval_copies.py.

    .venv/bin/python bench/make_copies.py [../shared/corpora/bbc] [--out artifacts/copies] [--count 300] [--seed 19]

Each copy is one of `count` BBC articles (chosen with random.Random(seed), so the same every run)
with the edits a paper or an aggregator makes to agency copy, each drawn at random:
- a new dateline and byline ("LONDON, 14 March (Newswire) - " / "By Jane Doe, Staff Reporter"),
- one to three body sentences dropped (at most a fifth of them; never the title),
- a paragraph added (background, a promo line, a correction note, more reporting),
- quotes re-punctuated: straight quotes to curly or single ones, the comma moved outside
  the closing quote mark, "said:" colons dropped,
- sometimes a rewritten headline (a word or two changed).
The copies go to OUT/<category>/<name>.txt, the original's path under OUT (that is the truth the
evaluation reads), with OUT/manifest.csv naming each copy's outlet. Copies have no publication
date, like the BBC files, so each copy's copy_of should point at its original (read first).
"""
from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

OUTLETS = ["Daily Courier", "Evening Post", "Newswire", "Morning Ledger", "The Gazette", "Metro Herald"]
BYLINES = ["By Jane Doe, Staff Reporter", "By Sam Okoro, Business Desk", "By Lena Fisk in London",
           "Reporting by Tom Hale; editing by Ana Ruiz", "By our correspondent", "From staff and agency reports"]
PLACES = ["LONDON", "NEW YORK", "BRUSSELS", "MANCHESTER", "EDINBURGH", "WASHINGTON"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ADDED = [
    "This article was updated with further details after publication.",
    "Additional reporting by agencies. For more on this story, see our website and follow us on social media.",
    "Background: the issue has been debated for several years, and officials have said a decision is "
    "expected before the end of the year. Critics argue that the process has been too slow.",
    "Correction: an earlier version of this story misstated a figure. It has been corrected.",
    "Readers can share their views on this story by writing to the letters page.",
    "The announcement comes at a busy time for the sector, with several other decisions due in the coming weeks.",
]
SENTENCE_END = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["\u201d\']))\s+(?=["\u201c\']?[A-Z])')
HEADLINE_SWAPS = {"to": "will", "in": "at", "for": "over", "on": "about", "as": "while"}


def sentences(paragraph: str) -> list[str]:
    return [s for s in SENTENCE_END.split(paragraph) if s]


def repunctuate(text: str, rng: random.Random) -> str:
    """Quotes in another house style: curly or single quote marks, commas outside, no "said:" colon."""
    style = rng.choice(["curly", "single", "outside", "colon"])
    if style == "curly":
        return re.sub(r'"([^"\n]*)"', "\u201c\\1\u201d", text)
    if style == "single":
        return re.sub(r'"([^"\n]*)"', "\u2018\\1\u2019", text)
    if style == "outside":
        return re.sub(r',"(\s)', '",\\1', text)
    return re.sub(r"\b(said|says|added|told [A-Z][a-z]+):\s", r"\1 ", text)


def headline(title: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return title
    words = title.split()
    swapped = [HEADLINE_SWAPS.get(w, w) if rng.random() < 0.5 else w for w in words]
    return " ".join(swapped) if swapped != words else title + " - latest"


def copy_of(text: str, rng: random.Random) -> tuple[str, str]:
    """An edited copy of one article's text (title line, blank line, paragraphs), and its outlet."""
    blocks = [b.strip() for b in text.strip().split("\n\n") if b.strip()]
    title, body = blocks[0], blocks[1:]
    # sentences dropped: one to three, at most a fifth of the body's sentences
    split = [sentences(p) for p in body]
    slots = [(i, j) for i, ss in enumerate(split) for j in range(len(ss))]
    drop = set(rng.sample(slots, min(rng.randint(1, 3), max(len(slots) // 5, 0))))
    body = [" ".join(s for j, s in enumerate(ss) if (i, j) not in drop) for i, ss in enumerate(split)]
    body = [p for p in body if p]
    # a paragraph added somewhere after the first
    body.insert(rng.randint(min(1, len(body)), len(body)), rng.choice(ADDED))
    # quotes in another house style
    body = [repunctuate(p, rng) for p in body]
    outlet = rng.choice(OUTLETS)
    dateline = f"{rng.choice(PLACES)}, {rng.randint(1, 28)} {rng.choice(MONTHS)} ({outlet}) - "
    if body:
        body[0] = dateline + body[0]
    return "\n\n".join([headline(title, rng), rng.choice(BYLINES), *body]) + "\n", outlet


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default="../shared/corpora/bbc")
    parser.add_argument("--out", default="artifacts/copies")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    corpus, out = Path(args.corpus), Path(args.out)
    files = sorted(p for p in corpus.glob("*/*.txt"))
    if not files:
        raise SystemExit(f"no BBC files under {corpus} (category/NNN.txt); nothing written")
    rng = random.Random(args.seed)
    chosen = sorted(rng.sample(files, min(args.count, len(files))))
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for path in chosen:
        text = path.read_text(encoding="utf-8", errors="replace")
        copied, outlet = copy_of(text, rng)
        relative = path.relative_to(corpus)
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(copied, encoding="utf-8")
        manifest.append({"path": relative.as_posix(), "source": outlet})
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["path", "source"])
        writer.writeheader()
        writer.writerows(manifest)
    print(f"{len(chosen)} copies of {corpus} articles in {out} (seed {args.seed})")


if __name__ == "__main__":
    main()
