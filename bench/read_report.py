"""Account for every file of one or more corpora: loaded, or rejected with a reason.

    python bench/read_report.py ../shared/corpora/bbc ../shared/corpora/wire

Prints files on disk, articles loaded, rejects grouped by reason, and whether every file is
accounted for (a file may give several articles: NewsML packages, e-mail attachments).
"""
from __future__ import annotations

import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import newskit


def _file_of(path: str) -> str:
    return re.sub(r"(#.*|:\d+)$", "", path)


def main(sources: list[str]) -> int:
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = newskit.read_articles(sources)
    elapsed = time.perf_counter() - started
    rejects = newskit.rejects(articles)
    on_disk = {str(p) for s in sources for p in Path(s).rglob("*") if p.is_file() and p.name != "manifest.csv"}
    loaded = {str(Path(_file_of(p))) for p in articles["path"]}
    rejected = {str(Path(_file_of(p))) for p in rejects["path"]}
    missing = sorted(on_disk - loaded - rejected)
    reasons = Counter(re.sub(r" of .*| \(.*|: .*", "", r)[:70] for r in rejects["reason"].str.replace("ValueError: ", ""))
    print(f"files on disk        {len(on_disk):>7,}")
    print(f"articles loaded      {len(articles):>7,}  (from {len(loaded):,} files)")
    print(f"  dated              {articles['published'].notna().sum():>7,}  by {', '.join(f'{k}: {v}' for k, v in articles['published_from'].value_counts().sort_index().items())}")
    print(f"  with a dateline    {articles['dateline'].notna().sum():>7,}")
    print(f"inputs rejected      {len(rejects):>7,}")
    for reason, count in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {count:>5,}  {reason}")
    print(f"files unaccounted    {len(missing):>7,}  {missing[:5]}")
    print(f"read time            {elapsed:>7.1f} s")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:] or ["../shared/corpora/bbc", "../shared/corpora/wire"]))
