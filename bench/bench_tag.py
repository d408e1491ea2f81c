"""Throughput, reruns and memory of newskit.tag against raw spaCy, and on a Dask LocalCluster.

    .venv/bin/python bench/bench_tag.py [CORPUS] [--limit N] [--write docs/performance.md]

CORPUS defaults to ../shared/corpora/bbc (a generated corpus when that folder is absent). One run,
same texts and same model everywhere: raw `nlp.pipe` over the same paragraphs with the same
components, `newskit.tag` cold (empty cache) with every extractor on, both with n_process 1 and 2;
a warm rerun; adding one article to a cached corpus; peak RSS of a fresh process tagging the first
500 and all articles, with the frames streamed to parquet (`tag(out=...)`) and built in memory; the same tagging on a LocalCluster of 2 worker processes; n_process 1 and 2
inside a Jupyter kernel (nbclient) on the first 500 articles. Ratios come from the one run, so
machine noise largely cancels. Extractor costs are clocked during the cold n_process=1 run.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
MEMORY_AT = 500


def load(corpus: Path, limit: int | None):
    """The articles frame: the corpus folder, or generated articles when it is absent."""
    import newskit

    warnings.simplefilter("ignore")
    if not corpus.exists():
        corpus = generate(Path(tempfile.mkdtemp(prefix="newskit-bench-")), limit or 2225)
    articles = newskit.read_articles(corpus)
    return articles.head(limit).reset_index(drop=True) if limit else articles


def generate(folder: Path, count: int) -> Path:
    """Fictional articles of BBC length (about 380 words) for machines without the BBC corpus."""
    names = ["Anna Kerr", "Tomas Reval", "Ines Madro", "Piet Olund", "Clara Dunne"]
    places = ["Brindle Bay", "Kestova", "Port Amsel", "Lowmere", "Vantry"]
    for i in range(count):
        person, place = names[i % 5], places[(i * 3) % 5]
        paragraphs = [f"{place} plans new harbour number {i}"]
        for j in range(12):
            paragraphs.append(f'"We expect the work to finish by {2005 + j % 9}," {person} said on Tuesday. '
                              f"The council of {place} approved {j + i % 7} million pounds in March, "
                              f"according to {names[(i + j) % 5]}, who met ministers in London last week.")
        (folder / f"{i:05d}.txt").write_text("\n\n".join(paragraphs) + "\n")
    return folder


def paragraphs_of(articles) -> list[str]:
    from newskit.read.paragraphs import paragraph_rows

    return [row["text"] for article in articles.to_dict("records") for row in paragraph_rows(article)]


def timed(function):
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def raw_pipe(nlp, texts: list[str], n_process: int) -> tuple[int, float]:
    """Tokens and seconds for spaCy alone over the paragraphs."""
    return timed(lambda: sum(len(doc) for doc in nlp.pipe(texts, batch_size=64, n_process=n_process)))


def child_peak(corpus: Path, limit: int, out: bool = True) -> dict:
    """Seconds and memory of a fresh process that tags `limit` articles cold (cache on): MB resident
    just before tag() (Python, the model, the articles) and the peak resident while tag() runs. The
    peak is reset right before tag() (Linux: /proc/self/clear_refs), so reading the corpus and loading
    the model, which peak on their own, do not mask tag()'s figure; there is no warm-up, as in a user's
    script. `out`: frames stream to parquet files (tag(out=...)); else tag() builds them in memory."""
    destination = "cache + '/out'" if out else None
    code = (
        "import gc, json, resource, sys, tempfile, time\n"
        f"sys.path.insert(0, {str(ROOT / 'bench')!r})\n"
        "import bench_tag, newskit\n"
        f"articles = bench_tag.load(__import__('pathlib').Path({str(corpus)!r}), {limit})\n"
        "nlp = newskit.load_model()\n"
        "gc.collect()\n"
        "def status(field):\n"
        "    return next(int(l.split()[1]) / 1024 for l in open('/proc/self/status') if l.startswith(field))\n"
        "before = status('VmRSS:')\n"
        "try:\n"
        "    open('/proc/self/clear_refs', 'w').write('5')  # peak resident := resident now\n"
        "    reset = True\n"
        "except OSError:\n"
        "    reset = False\n"
        "with tempfile.TemporaryDirectory() as cache:\n"
        "    started = time.perf_counter()\n"
        f"    corpus = newskit.tag(articles, cache=cache, model=nlp, progress=False, out={destination})\n"
        "    seconds = time.perf_counter() - started\n"
        "print(json.dumps({'seconds': seconds, 'articles': len(articles), 'before': before, "
        "'mb': status('VmHWM:'), 'reset': reset}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


class ExtractorClock:
    """Seconds spent in each extractor while the block runs (wraps tagging.EXTRACTORS in this process)."""

    def __init__(self):
        import newskit.extract.extractors as tagging

        self.tagging = tagging
        self.spent = {name: 0.0 for name in tagging.EXTRACTORS}

    def __enter__(self):
        self.original = dict(self.tagging.EXTRACTORS)
        self.tagging.EXTRACTORS.update({name: self.clock(name, fn) for name, fn in self.original.items()})
        return self.spent

    def __exit__(self, *exc):
        self.tagging.EXTRACTORS.update(self.original)

    def clock(self, name, extractor):
        def run(adoc):
            started = time.perf_counter()
            try:
                return extractor(adoc)
            finally:
                self.spent[name] += time.perf_counter() - started
        return run


def kernel_timing(corpus: Path, limit: int) -> dict:
    """n_process=1 and 2 timed inside a Jupyter kernel (nbclient), where workers start with spawn."""
    import nbclient
    import nbformat

    code = (
        "import json, sys, time, warnings\n"
        "warnings.simplefilter('ignore')\n"
        f"sys.path.insert(0, {str(ROOT / 'bench')!r})\n"
        "import bench_tag, newskit\n"
        "from newskit.pipeline.executors import start_method\n"
        f"articles = bench_tag.load(__import__('pathlib').Path({str(corpus)!r}), {limit})\n"
        "nlp = newskit.load_model()\n"
        "list(nlp.pipe(['Warm up the pipeline.'] * 4))\n"
        "seconds = {}\n"
        "for n in (1, 2):\n"
        "    started = time.perf_counter()\n"
        "    newskit.tag(articles, cache=None, model=nlp, n_process=n, progress=False)\n"
        "    seconds[n] = time.perf_counter() - started\n"
        "print(json.dumps({'articles': len(articles), 'one': seconds[1], 'two': seconds[2], "
        "'start_method': start_method()}))\n"
    )
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nbclient.NotebookClient(notebook, timeout=3600, kernel_name="python3").execute()
    printed = "".join(output.get("text", "") for output in notebook.cells[0].outputs)
    return json.loads(printed.strip().splitlines()[-1])


def dask_run(articles) -> float:
    """Seconds to tag cold on a LocalCluster of 2 single-threaded worker processes (startup excluded)."""
    import newskit
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        client.run(lambda: __import__("newskit").load_model() and None)  # model load outside the timing
        return timed(lambda: newskit.tag(articles, cache=None, scheduler=client, progress=False))[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only (quick runs)")
    parser.add_argument("--write", type=Path, default=None, help="write the report (markdown) here")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--no-kernel", action="store_true", help="skip the timing inside a Jupyter kernel")
    parser.add_argument("--kernel-limit", type=int, default=MEMORY_AT,
                        help="articles tagged inside the Jupyter kernel (default %(default)s)")
    args = parser.parse_args(argv)

    import newskit

    articles = load(args.corpus, args.limit)
    n = len(articles)
    nlp = newskit.load_model()
    texts = paragraphs_of(articles)
    list(nlp.pipe(texts[:20]))  # warm up
    rows, results = [], {}

    def add(label, seconds, tokens, note=""):
        results[label] = seconds
        rows.append((label, seconds, n / seconds if seconds else 0.0, tokens / seconds if seconds else 0.0, note))
        print(f"{label:<38} {seconds:9.2f} s {n / seconds:9.1f} art/s {tokens / seconds:10.0f} tok/s  {note}", flush=True)

    tokens, seconds = raw_pipe(nlp, texts, 1)
    add("raw nlp.pipe, n_process=1", seconds, tokens)
    with tempfile.TemporaryDirectory() as cache:
        with ExtractorClock() as costs:
            corpus, seconds = timed(lambda: newskit.tag(articles, cache=cache, model=nlp, progress=False))
        add("newskit.tag cold, n_process=1", seconds, tokens, f"{corpus.info['tagged']} tagged")
        warm, seconds = timed(lambda: newskit.tag(articles, cache=cache, model=nlp, progress=False))
        add("newskit.tag warm rerun", seconds, tokens, f"{warm.info['cache_hits']} from cache")
        more = newskit.read_articles(generate(Path(tempfile.mkdtemp(prefix="newskit-one-")), 1))
        grown = __import__("pandas").concat([articles, more], ignore_index=True)
        plus, seconds = timed(lambda: newskit.tag(grown, cache=cache, model=nlp, progress=False))
        add("newskit.tag after adding 1 article", seconds, tokens, f"{plus.info['tagged']} tagged")
    tokens2, seconds = raw_pipe(nlp, texts, 2)
    add("raw nlp.pipe, n_process=2", seconds, tokens)
    with tempfile.TemporaryDirectory() as cache:
        _, seconds = timed(lambda: newskit.tag(articles, cache=cache, model=nlp, n_process=2, progress=False))
        add("newskit.tag cold, n_process=2", seconds, tokens)
    if not args.no_dask:
        add("newskit.tag on Dask LocalCluster (2 workers)", dask_run(articles), tokens, "no cache")
    kernel = None if args.no_kernel else kernel_timing(args.corpus, min(n, args.kernel_limit))

    # memory is per process and unaffected by the other one: the two sizes run side by side
    sizes = (min(MEMORY_AT, max(1, n // 4)), n)
    with ThreadPoolExecutor(2) as pool:
        small, large = pool.map(lambda size: child_peak(args.corpus, size, out=True), sizes)
        small_mem, large_mem = pool.map(lambda size: child_peak(args.corpus, size, out=False), sizes)
    r = results
    ratios = [
        ("cold newskit / raw nlp.pipe, n_process=1", r["raw nlp.pipe, n_process=1"] / r["newskit.tag cold, n_process=1"], ">= 0.90"),
        ("cold newskit / raw nlp.pipe, n_process=2", r["raw nlp.pipe, n_process=2"] / r["newskit.tag cold, n_process=2"], ">= 0.90"),
        ("newskit n_process=2 / n_process=1", r["newskit.tag cold, n_process=1"] / r["newskit.tag cold, n_process=2"], ">= 1.5"),
        ("raw nlp.pipe n_process=2 / n_process=1", r["raw nlp.pipe, n_process=1"] / r["raw nlp.pipe, n_process=2"], "(spaCy)"),
        ("warm rerun speed-up over cold", r["newskit.tag cold, n_process=1"] / r["newskit.tag warm rerun"], ">= 50"),
        (f"peak RSS while tagging to parquet (out=), {large['articles']:,} / {small['articles']:,} articles",
         large["mb"] / small["mb"], "<= 1.10"),
        (f"peak RSS while tagging into memory, {large['articles']:,} / {small['articles']:,} articles",
         large_mem["mb"] / small_mem["mb"], "(frames held)"),
    ]
    if "newskit.tag on Dask LocalCluster (2 workers)" in r:
        ratios.append(("Dask (2 workers) / local n_process=2",
                       r["newskit.tag cold, n_process=2"] / r["newskit.tag on Dask LocalCluster (2 workers)"], "(overhead)"))
    if kernel:
        ratios.append((f"n_process=2 / n_process=1 inside a Jupyter kernel ({kernel['articles']:,} articles, "
                       f"{kernel['start_method']})", kernel["one"] / kernel["two"], ">= 1.5"))
    raw = r["raw nlp.pipe, n_process=1"]
    memory = {"to parquet (out=)": (small, large), "into memory": (small_mem, large_mem)}
    report = render(args, n, tokens, rows, ratios, memory, costs, raw, kernel)
    print(report)
    if args.write:
        args.write.write_text(report)
    return 0


def shown(path: Path) -> str:
    """A path as the report shows it: relative to the repository's parent when it lies there (no
    machine-specific absolute paths in docs/performance.md)."""
    try:
        return str(Path("..") / path.resolve().relative_to(ROOT.parent))
    except ValueError:
        return str(path)


def render(args, n, tokens, rows, ratios, memory, costs, raw, kernel) -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    command = "python bench/bench_tag.py" + (f" --limit {args.limit}" if args.limit else "")
    command += " --no-dask" if args.no_dask else ""
    command += " --no-kernel" if args.no_kernel else ""
    command += f" --kernel-limit {args.kernel_limit}" if args.kernel_limit != MEMORY_AT else ""
    lines = [
        f"Corpus: {shown(args.corpus) if args.corpus.exists() else 'generated'} ({n:,} articles, {tokens:,} tokens); "
        f"machine: {os.cpu_count()} cores, {cpu}; {dt.date.today().isoformat()}; command: `{command}`",
        "",
        "| run | seconds | articles/s | tokens/s | note |", "|---|---:|---:|---:|---|",
        *[f"| {label} | {s:.2f} | {a:.1f} | {t:,.0f} | {note} |" for label, s, a, t, note in rows],
        "",
        "| ratio | value | target |", "|---|---:|---|",
        *[f"| {label} | {value:.2f} | {target} |" for label, value, target in ratios],
        "",
        "| fresh process, cold tag (cache on), frames | articles | MB resident before tag() | MB peak during tag() | seconds |",
        "|---|---:|---:|---:|---:|",
        *[f"| {how}, {label} | {m['articles']:,} | {m['before']:.0f} | {m['mb']:.0f}{'' if m.get('reset', True) else ' (process peak)'} "
          f"| {m['seconds']:.1f} |" for how, (small, large) in memory.items()
          for label, m in ((f"first {small['articles']:,}", small), ("all", large))],
        "",
        "| extractor | seconds | ms/article | share of raw nlp.pipe time |", "|---|---:|---:|---:|",
        *[f"| {name} | {s:.2f} | {1000 * s / n:.1f} | {s / raw:.1%} |" for name, s in costs.items()],
        "",
    ]
    if kernel:
        lines += [
            f"| inside a Jupyter kernel (nbclient, workers start with {kernel['start_method']}) | articles | seconds |",
            "|---|---:|---:|",
            f"| newskit.tag cold, n_process=1 | {kernel['articles']:,} | {kernel['one']:.2f} |",
            f"| newskit.tag cold, n_process=2 | {kernel['articles']:,} | {kernel['two']:.2f} |",
            "",
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
