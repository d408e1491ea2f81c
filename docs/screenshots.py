"""The README's screenshots of notebooks 03 and 04 on a real corpus, taken from their HTML reports.

    python docs/screenshots.py                               # ../shared/corpora/bbc/business (510 articles)
    python docs/screenshots.py --corpus ~/my-articles --work /tmp/nk-shots

As `make analyses CORPUS=...` does: the corpus is tagged (data/cache), notebooks 03 and 04 run on it
(NEWSKIT_CORPUS) into the work folder and are converted to HTML; headless Chromium (Debian's
/usr/bin/chromium driven by Playwright, nothing downloaded) then saves, 1,280 px wide, the section
from a heading to the chart below it as docs/img/bbc_03_timelines.png and bbc_04_quotes.png.
The committed notebooks are not changed.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMG = ROOT / "docs" / "img"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
WIDTH = 1280
MAX_HEIGHT = 1800
MAX_BYTES = 400_000
# notebook, image, first and last cell of the section shown (a heading, then its table and chart)
SHOTS = [
    ("03_timelines.ipynb", "bbc_03_timelines.png", 8, 12),
    ("04_quote_breakdowns.ipynb", "bbc_04_quotes.png", 4, 8),
]


def run(*command: str, env: dict | None = None, cwd: Path = ROOT) -> None:
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=cwd, env=env)


def reports(corpus: Path, work: Path) -> None:
    """Tag the corpus (progress shown), then execute 03 and 04 on it and convert them to HTML."""
    python = sys.executable
    run(python, "-m", "newskit", "analyze", str(corpus), "--out", str(work / "processed"))
    env = {**os.environ, "NEWSKIT_CORPUS": str(corpus)}
    for notebook, *_ in SHOTS:
        run(python, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", "--log-level=WARN",
            "--ExecutePreprocessor.timeout=1200", "--ExecutePreprocessor.kernel_name=python3",
            "--output-dir", str(work), notebook, env=env, cwd=ROOT / "notebooks")
        run(python, "-m", "jupyter", "nbconvert", "--to", "html", "--log-level=WARN", "--output-dir", str(work),
            str(work / notebook), env=env)


def screenshots(work: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": 900})
        for notebook, image, first, last in SHOTS:
            page.goto((work / notebook).with_suffix(".html").as_uri())
            page.wait_for_load_state("load")
            cells = page.locator(".jp-Cell")
            top = cells.nth(first).bounding_box()
            bottom = cells.nth(last).bounding_box()
            height = min(MAX_HEIGHT, bottom["y"] + bottom["height"] - top["y"] + 8)
            target = IMG / image
            page.screenshot(path=str(target), full_page=True,
                            clip={"x": 0, "y": max(0, top["y"] - 8), "width": WIDTH, "height": height})
            shrink(target)
            saved.append(target)
            print(f"{target.relative_to(ROOT)}: {WIDTH} x {int(height)} px, {target.stat().st_size:,} bytes")
        browser.close()
    return saved


def shrink(path: Path) -> None:
    """A screenshot over MAX_BYTES is saved again with a 256-colour palette (text stays sharp)."""
    if path.stat().st_size <= MAX_BYTES:
        return
    from PIL import Image

    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "bbc" / "business")
    parser.add_argument("--work", type=Path, help="folder for the executed notebooks and HTML (default: a temporary one)")
    parser.add_argument("--skip-run", action="store_true", help="reuse the reports already in --work")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing (Debian: apt-get install chromium); no browser is downloaded")
    work = (args.work or Path(tempfile.mkdtemp(prefix="newskit-shots-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    if not args.skip_run:
        reports(args.corpus.resolve(), work)
    screenshots(work)


if __name__ == "__main__":
    main()
