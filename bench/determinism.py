"""Do results depend on chance? Tag one corpus in two fresh processes with different PYTHONHASHSEED
values and compare every frame.

    .venv/bin/python bench/determinism.py [CORPUS] [--seeds 1 5] [--limit N]

CORPUS defaults to ../shared/corpora/bbc. Each process reads the corpus, tags it with no cache
(a cache would hand the second run the first run's rows) and pickles every frame of the Corpus plus
entity_counts and entity_table (demonyms counted as countries); the frames must be equal
(pandas.testing.assert_frame_equal). The processes run one after the other, so each has the
machine's cores. Prints one line per frame and exits 1 on any difference.
"""
from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"


def run_worker(source: str, out: str, limit: int | None) -> None:
    """In the child process: tag and pickle the frames."""
    import warnings

    import newskit

    warnings.simplefilter("ignore")
    articles = newskit.read_articles(source)
    if limit:
        articles = articles.head(limit).reset_index(drop=True)
    corpus = newskit.tag(articles, cache=None, progress=False)
    frames = dict(corpus.frames())
    frames["entity_counts"] = newskit.entity_counts(corpus, demonyms_as_countries=True)
    frames["entity_table"] = newskit.entity_table(corpus, demonyms_as_countries=True)
    with open(out, "wb") as fh:
        pickle.dump(frames, fh)


def tag_with_seed(source: Path, seed: str, out: Path, limit: int | None) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, __file__, "--worker", str(source), str(out)] + (["--limit", str(limit)] if limit else [])
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, check=True)
    print(f"PYTHONHASHSEED={seed}: tagged in {time.perf_counter() - started:.0f} s", flush=True)
    with open(out, "rb") as fh:
        return pickle.load(fh)


def compare(first: dict, second: dict) -> list[str]:
    """One line per frame: equal (with its row count) or the first difference."""
    import pandas as pd

    lines = []
    for name in sorted(first.keys() | second.keys()):
        if name not in first or name not in second:
            lines.append(f"DIFFERENT {name}: only in one run")
            continue
        try:
            pd.testing.assert_frame_equal(first[name], second[name], obj=name)
            lines.append(f"equal     {name}: {len(first[name]):,} rows")
        except AssertionError as exc:
            lines.append(f"DIFFERENT {name}: " + " ".join(str(exc).split())[:400])
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--seeds", nargs=2, default=["1", "5"])
    parser.add_argument("--limit", type=int, default=None, help="tag only the first N articles")
    parser.add_argument("--worker", nargs=2, metavar=("SOURCE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        run_worker(*args.worker, args.limit)
        return 0
    with tempfile.TemporaryDirectory(prefix="newskit-determinism-") as tmp:
        runs = [tag_with_seed(Path(args.corpus), seed, Path(tmp) / f"seed{seed}.pkl", args.limit) for seed in args.seeds]
    lines = compare(*runs)
    print("\n".join(lines))
    different = sum(line.startswith("DIFFERENT") for line in lines)
    print(f"{args.corpus}: {'identical frames' if not different else f'{different} frame(s) differ'} "
          f"with PYTHONHASHSEED={' and '.join(args.seeds)}")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
