"""The command line mirrors the library: `python -m newskit analyze SOURCE... --out DIR`."""
from __future__ import annotations

import argparse
import sys
import time
import warnings

from newskit._version import __version__
from newskit.corpus import Corpus
from newskit.read.articles import MAX_BYTES, NewskitInputError, read_articles
from newskit.pipeline.model import ModelNotFound
from newskit.pipeline.tagging import tag


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m newskit", description=__doc__)
    parser.add_argument("--version", action="version", version=f"newskit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser("analyze", help="read and tag articles, write the frames as parquet")
    analyze.add_argument("source", nargs="+", help="files, folders or glob patterns")
    analyze.add_argument("--out", required=True,
                         help="folder for the parquet frames, written in chunks as articles are tagged (Corpus.load reads it)")
    analyze.add_argument("--cache", default="data/cache", help="cache folder (default: data/cache)")
    analyze.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    analyze.add_argument("--model", default=None, help="spaCy pipeline (default: en_core_web_sm, then the PyPI re-upload)")
    analyze.add_argument("--n-process", type=int, default=1, help="worker processes on this machine")
    analyze.add_argument("--scheduler", default=None,
                         help="Dask scheduler address (tcp://host:8786): tag on that cluster (pip install distributed)")
    analyze.add_argument("--year", type=int, default=None, help="year for datelines without one")
    analyze.add_argument("--max-bytes", type=int, default=MAX_BYTES, help="size limit for one article")
    analyze.add_argument("--strict", action="store_true", help="stop at the first unreadable input")
    analyze.add_argument("--quiet", action="store_true", help="no progress bar")

    read = commands.add_parser("read", help="read articles only and report what was loaded and rejected")
    read.add_argument("source", nargs="+")
    read.add_argument("--year", type=int, default=None)
    read.add_argument("--max-bytes", type=int, default=MAX_BYTES)

    show = commands.add_parser("show", help="write the HTML view of one article of a saved corpus")
    show.add_argument("corpus", help="folder written by analyze --out")
    show.add_argument("article_id")
    show.add_argument("--html", required=True, help="output .html file")
    return parser


def _report_rejects(rejects, out=sys.stdout) -> None:
    if len(rejects):
        print(f"rejected {len(rejects):,} input(s):", file=out)
        for path, reason in rejects[["path", "reason"]].itertuples(index=False):
            print(f"  {path}: {reason}", file=out)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    warnings.simplefilter("ignore")  # the CLI reports rejects and undated articles itself
    try:
        if args.command == "show":
            Corpus.load(args.corpus).show(args.article_id).save(args.html)
            print(f"wrote {args.html}")
            return 0
        started = time.perf_counter()
        articles = read_articles(args.source, year=args.year, max_bytes=args.max_bytes,
                                 errors="raise" if getattr(args, "strict", False) else "collect")
        rejects = articles.attrs["rejects"]
        undated = int(articles["published"].isna().sum())
        if args.command == "read":
            print(f"loaded {len(articles):,} articles ({undated:,} without a publication date), "
                  f"rejected {len(rejects):,} input(s)")
            _report_rejects(rejects)
            return 0
        corpus = tag(articles, cache=None if args.no_cache else args.cache, model=args.model, n_process=args.n_process,
                     progress=False if args.quiet else None, scheduler=args.scheduler, out=args.out)
        elapsed = time.perf_counter() - started
        print(f"loaded {len(articles):,} articles ({undated:,} without a publication date), "
              f"rejected {len(rejects):,} input(s); tagged {corpus.info['tagged']:,}, "
              f"{corpus.info['cache_hits']:,} from cache; {elapsed:.1f} s")
        print(f"{len(corpus.sentences):,} sentences, {len(corpus.entities):,} entities -> {args.out}")
        _report_rejects(rejects)
        return 0
    except (FileNotFoundError, NewskitInputError, ModelNotFound, KeyError) as exc:
        print(f"newskit: {exc}", file=sys.stderr)
        return 2
