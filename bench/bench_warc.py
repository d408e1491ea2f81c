"""Web-archive reading: speed of read_articles on a WARC against the WARC library plus the HTML
extractor alone, and peak memory as the archive grows.

    .venv/bin/python bench/bench_warc.py [../shared/corpora/bbc] [--records 2000] [--small 500]

Builds `crawl_<n>.warc.gz` files (kept in a temporary folder) from the first n BBC articles, each
rendered as a simple news page (title in <h1>, paragraphs in <p>, a <time datetime> and an
article:published_time meta date) and written, as a crawler does, as a request record and an HTTP 200
response record (one gzip member each), after a warcinfo record. Then:

- speed: records/s of `newskit.read_articles(file)` against "FastWARC iterating the same file plus the
  HTML extractor on each page" (newskit.read.formats.html.read_html after decoding, the work
  read_articles cannot avoid); best of --repeat runs each, alternating; target ratio >= 0.9x;
- memory: peak resident memory (ru_maxrss) and peak Python allocations (tracemalloc) of a fresh
  process running read_articles on the small and the large file; target: flat (the frame itself,
  the articles' text, is the only thing that grows).

Skips (exit 0) when the corpus is absent.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import warnings
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"


def bbc_articles(corpus: Path, count: int) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of the first `count` BBC articles (folders, then file names, in order)."""
    found = []
    for path in sorted(corpus.glob("*/*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
        title, _, body = text.strip().partition("\n")
        paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
        found.append((title.strip(), paragraphs))
        if len(found) == count:
            break
    return found


def html_page(title: str, paragraphs: list[str], day: str) -> bytes:
    body = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} - BBC News</title>\n'
            f'<meta property="article:published_time" content="{day}"></head>\n<body>\n'
            f'<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>\n'
            f'<article><h1>{escape(title)}</h1>\n<time datetime="{day}">{day}</time>\n{body}\n</article>\n'
            f'<footer>Copyright BBC. Read about our approach to external linking.</footer>\n</body></html>').encode("utf-8")


def build_warc(path: Path, articles: list[tuple[str, list[str]]]) -> None:
    from fastwarc import GzipWriter, WarcRecord, WarcRecordType

    def record(kind, uri: str, content_type: str, block: bytes):
        item = WarcRecord()
        item.init_headers(kind)
        if uri:
            item.headers["WARC-Target-URI"] = uri
        item.headers["WARC-Date"] = "2005-06-01T12:00:00Z"
        item.headers["Content-Type"] = content_type
        item.set_bytes_content(block)
        return item

    with open(path, "wb") as out:
        writer = GzipWriter(out)

        def write(item) -> None:
            item.write(writer)
            writer.finish()

        write(record(WarcRecordType.warcinfo, "", "application/warc-fields", b"software: newskit bench_warc\r\n"))
        for i, (title, paragraphs) in enumerate(articles):
            uri = f"https://news.example/{i:05d}"
            day = f"2005-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
            write(record(WarcRecordType.request, uri, "application/http; msgtype=request",
                         f"GET /{i:05d} HTTP/1.1\r\nHost: news.example\r\n\r\n".encode()))
            body = html_page(title, paragraphs, day)
            head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(body)}\r\n\r\n"
            write(record(WarcRecordType.response, uri, "application/http; msgtype=response", head.encode() + body))
        writer.close()


def library_plus_extractor(path: Path) -> int:
    """FastWARC over the file, the HTML extractor on each HTTP 200 HTML response: pages extracted."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    from newskit.read.decode import decode_bytes
    from newskit.read.draft import Draft
    from newskit.read.formats.html import read_html

    pages = 0
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response):
            if record.http_headers.status_code != 200 or not (record.http_content_type or "").startswith("text/html"):
                continue
            draft = read_html(decode_bytes(record.reader.read()).text, "page")
            pages += isinstance(draft, Draft)
    return pages


def read_with_newskit(path: Path, language="en") -> int:
    import newskit

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return len(newskit.read_articles(path, language=language))


MEMORY_SCRIPT = """
import json, resource, sys, tracemalloc, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, {root!r})
import newskit
import trafilatura
from newskit.read.formats.archives import identify_language
identify_language("warm up")  # the language model: loaded once, whatever the file's size
tracemalloc.start()
articles = newskit.read_articles({path!r})
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(json.dumps({{"articles": len(articles), "tracemalloc_peak": peak,
                  "frame_bytes": int(articles.memory_usage(deep=True).sum()),
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}))
"""


def memory(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT.format(root=str(ROOT), path=str(path))],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--records", type=int, default=2000, help="pages in the large WARC (default 2000)")
    parser.add_argument("--small", type=int, default=500, help="pages in the small WARC (default 500)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each reader (default 3)")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"skipped: no corpus at {corpus}")
        return 0
    articles = bbc_articles(corpus, args.records)
    with tempfile.TemporaryDirectory() as tmp:
        large, small = Path(tmp) / f"crawl_{len(articles)}.warc.gz", Path(tmp) / f"crawl_{args.small}.warc.gz"
        build_warc(large, articles)
        build_warc(small, articles[:args.small])
        print(f"{large.name}: {len(articles):,} pages, {2 * len(articles) + 1:,} records, "
              f"{large.stat().st_size / 1e6:.1f} MB")

        # warm up both: trafilatura's import and first page, the language model
        library_plus_extractor(small)
        read_with_newskit(small)
        # CPU time of this process (the machine is shared: wall time swings by 2x between runs),
        # runs interleaved, the best of each kept
        runs = {"library": library_plus_extractor, "newskit": read_with_newskit,
                "newskit, language=None": lambda path: read_with_newskit(path, language=None)}
        times = {name: [] for name in runs}
        for _ in range(args.repeat):
            for name, run in runs.items():
                start, wall = time.process_time(), time.perf_counter()
                count = run(large)
                times[name].append(time.process_time() - start)
                print(f"  {name}: {count:,} articles in {times[name][-1]:.2f} s CPU ({time.perf_counter() - wall:.2f} s wall)")
        best = {name: min(values) for name, values in times.items()}
        records = 2 * len(articles) + 1
        print(f"records/s (CPU): FastWARC + HTML extractor {records / best['library']:,.0f}; "
              f"read_articles {records / best['newskit']:,.0f}, ratio {best['library'] / best['newskit']:.2f}x "
              f"(target >= 0.90x); read_articles(language=None) {records / best['newskit, language=None']:,.0f}, "
              f"ratio {best['library'] / best['newskit, language=None']:.2f}x")

        sizes = {}
        for name, path in (("small", small), ("large", large)):
            sizes[name] = memory(path)
            got = sizes[name]
            print(f"memory, {got['articles']:,} articles ({path.stat().st_size / 1e6:.1f} MB file): peak RSS "
                  f"{got['maxrss_kb'] / 1024:.0f} MB, peak Python allocations {got['tracemalloc_peak'] / 1e6:.1f} MB, "
                  f"of which the articles frame {got['frame_bytes'] / 1e6:.1f} MB")
        rss = sizes["large"]["maxrss_kb"] / sizes["small"]["maxrss_kb"]
        beyond = ((sizes["large"]["tracemalloc_peak"] - sizes["large"]["frame_bytes"])
                  - (sizes["small"]["tracemalloc_peak"] - sizes["small"]["frame_bytes"]))
        print(f"peak RSS {args.records:,} vs {args.small:,} pages: {rss:.2f}x; Python peak beyond the frame grew "
              f"by {beyond / 1e6:.1f} MB for a file {large.stat().st_size / small.stat().st_size:.1f}x as large")
    return 0


if __name__ == "__main__":
    sys.exit(main())
