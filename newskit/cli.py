"""The command line mirrors the library: `python -m newskit analyze SOURCE... --out DIR`."""
from __future__ import annotations

import argparse
import sys
import time
import warnings

import newskit
from newskit._version import __version__
from newskit.view.export import FORMATS as EXPORT_FORMATS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m newskit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"newskit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = _command(commands, "analyze", "read and tag articles, write the frames as parquet",
                       "newskit.analyze(SOURCE..., out=DIR): read_articles + tag, frames streamed to DIR/<frame>.parquet",
                       "python -m newskit analyze seeds data/raw --out data/processed --n-process 2")
    analyze.add_argument("--out", required=True,
                         help="folder for the parquet frames, written in chunks as articles are tagged (Corpus.load reads it)")
    analyze.add_argument("--cache", default="data/cache", help="cache folder (default: data/cache)")
    analyze.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    analyze.add_argument("--model", default=None, help="spaCy pipeline (default: en_core_web_sm, then the PyPI re-upload)")
    analyze.add_argument("--n-process", type=int, default=1, help="worker processes on this machine")
    analyze.add_argument("--scheduler", default=None,
                         help="Dask scheduler address (tcp://host:8786): tag on that cluster (pip install distributed)")
    analyze.add_argument("--aliases", default=None,
                         help="CSV alias,entity[,label][,article_id]: names fixed by hand (default: none)")
    analyze.add_argument("--strict", action="store_true", help="stop at the first input that cannot be read or tagged")
    analyze.add_argument("--quiet", action="store_true", help="no progress bar")

    _command(commands, "read", "read articles only and report what was loaded and rejected",
             "newskit.read_articles(SOURCE...): count what loads and list every reject with its reason",
             "python -m newskit read ~/my-articles")

    show = _saved_command(commands, "show", "write the HTML view of one article of a saved corpus",
                          "newskit.Corpus.load(CORPUS).show(ARTICLE_ID).save(HTML): entities, quotes and dates highlighted",
                          "python -m newskit show data/processed 759d8c3144652bb8 --html seed.html")
    show.add_argument("article_id")
    show.add_argument("--html", required=True, help="output .html file")

    export = _saved_command(commands, "export", "write the frames of a saved corpus as CSV, Excel or parquet",
                            "newskit.Corpus.load(CORPUS).export(OUT, format=FORMAT, frames=FRAMES): for spreadsheets "
                            "and other tools",
                            "python -m newskit export data/processed exports --format xlsx --frames entities,quotes")
    export.add_argument("out", help="folder for the files")
    export.add_argument("--format", default="csv", choices=EXPORT_FORMATS, help="default: csv")
    export.add_argument("--frames", default=None,
                        help="comma-separated frames (default: all: articles,paragraphs,sentences,entities,quotes,timexes,rejects)")
    return parser


def _saved_command(commands, name: str, summary: str, call: str, example: str) -> argparse.ArgumentParser:
    """A command over a saved corpus (CORPUS, the folder analyze --out wrote)."""
    command = commands.add_parser(name, help=summary, description=call, epilog=f"example: {example}",
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    command.add_argument("corpus", help="folder written by analyze --out")
    return command


def _command(commands, name: str, summary: str, call: str, example: str) -> argparse.ArgumentParser:
    """A command over SOURCE... that reads articles: its help names the library call and an example."""
    command = commands.add_parser(name, help=summary, description=call, epilog=f"example: {example}",
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    command.add_argument("source", nargs="+", help="files, folders or glob patterns")
    command.add_argument("--year", type=int, default=None, help="year for datelines without one")
    command.add_argument("--max-bytes", type=int, default=None, help="size limit for one article (default: 10 MB)")
    command.add_argument("--field", action="append", default=[], metavar="NAME=FIELD",
                         help="JSON/CSV records: the field holding newskit's NAME, e.g. --field text=body-paragraphs "
                              "--field published=date (repeatable)")
    command.add_argument("--language", default="en", metavar="CODE",
                         help="web archives (.warc, .arc): keep pages in this language, an ISO 639-1 code "
                              "(default: en); several as en,de; 'any' keeps every page and names its language; "
                              "'none' keeps every page without identifying it")
    return command


def _language(value: str) -> str | list[str] | None:
    """--language as read_articles' language=: "none" is None, "en,de" a list, else the code itself."""
    value = value.strip()
    if value.lower() == "none":
        return None
    codes = [code.strip() for code in value.split(",") if code.strip()]
    return codes[0] if len(codes) == 1 else codes


def _fields(pairs: list[str]) -> dict[str, str]:
    fields = {}
    for pair in pairs:
        name, sep, field = pair.partition("=")
        if not sep or not name.strip() or not field.strip():
            raise ValueError(f"--field takes NAME=FIELD (e.g. text=body-paragraphs), not {pair!r}")
        fields[name.strip()] = field.strip()
    return fields


def _loaded(articles, rejects, tagged: str = "") -> None:
    undated = int(articles["published"].isna().sum())
    print(f"loaded {len(articles):,} articles ({undated:,} without a publication date), "
          f"rejected {len(rejects):,} input(s){tagged}")


def _report_rejects(rejects, out=None) -> None:
    if len(rejects):
        print(f"rejected {len(rejects):,} input(s):", file=out)
        for path, reason in rejects[["path", "reason"]].itertuples(index=False):
            print(f"  {_one_line(path)}: {_one_line(reason)}", file=out)


def _one_line(text) -> str:
    """Text with control characters, line separators and undecodable bytes escaped ("\\n"): one
    line of a report per input, whatever a file name holds."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape", "backslashreplace").decode("ascii")
                   for c in text)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    warnings.simplefilter("ignore")  # the CLI reports rejects and undated articles itself
    try:
        if args.command == "show":
            newskit.Corpus.load(args.corpus).show(args.article_id).save(args.html)
            print(f"wrote {args.html}")
            return 0
        if args.command == "export":
            frames = [f.strip() for f in args.frames.split(",") if f.strip()] if args.frames else None
            for path in newskit.Corpus.load(args.corpus).export(args.out, format=args.format, frames=frames):
                print(f"wrote {path}")
            return 0
        started = time.perf_counter()
        read_options = {"year": args.year, "errors": "raise" if getattr(args, "strict", False) else "collect",
                        "max_bytes": newskit.MAX_BYTES if args.max_bytes is None else args.max_bytes,
                        "fields": _fields(args.field), "language": _language(args.language)}
        if args.command == "read":
            articles = newskit.read_articles(args.source, **read_options)
            _loaded(articles, newskit.rejects(articles))
            _report_rejects(newskit.rejects(articles))
            return 0
        corpus = newskit.analyze(args.source, **read_options, cache=None if args.no_cache else args.cache,
                                 model=args.model, n_process=args.n_process, progress=False if args.quiet else None,
                                 scheduler=args.scheduler, out=args.out, aliases=args.aliases)
        elapsed = time.perf_counter() - started
        _loaded(corpus.articles, corpus.rejects,
                f"; tagged {corpus.info['tagged']:,}, {corpus.info['cache_hits']:,} from cache; {elapsed:.1f} s")
        print(f"{len(corpus.sentences):,} sentences, {len(corpus.entities):,} entities -> {args.out}")
        _report_rejects(corpus.rejects)
        return 0
    except newskit.NewskitTaggingError as exc:  # --strict: the article, why, then the traceback
        print(f"newskit: {exc}", file=sys.stderr)
        return 2
    except (OSError, newskit.NewskitInputError, newskit.ModelNotFound, newskit.AliasError, newskit.CorpusError,
            KeyError, ValueError) as exc:
        # one line naming the file and the problem (OSError covers CacheError and unwritable paths)
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"newskit: {_one_line(message)}", file=sys.stderr)
        return 2
