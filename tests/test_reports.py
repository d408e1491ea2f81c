"""The notebooks on a real corpus of about 500 articles (BBC business, ../shared; skipped without it):
every notebook runs without an error or a warning, every figure stays readable, no markdown speaks
of the seed, and each HTML report stays small. Slow: it tags 510 articles and runs five notebooks."""
from __future__ import annotations

import base64
import json
import os
import re
import shutil
import struct
import subprocess
import sys

import pytest

from .conftest import ROOT

BBC = ROOT.parent / "shared" / "corpora" / "bbc" / "business"
MAX_HEIGHT_PX = 2000
MAX_REPORT_BYTES = 3_000_000
# facts of the seed article that prose written for it would repeat
SEED_FACTS = re.compile(r"2016|Aleppo|Shoigu|For the seed|here: `?seeds|TASS/\.` gives")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not BBC.is_dir(), reason="../shared/corpora/bbc is absent")]


def _png_height(data: str) -> int:
    raw = base64.b64decode(data)
    return struct.unpack(">I", raw[20:24])[0]


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    work = tmp_path_factory.mktemp("reports")
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    out = work / "out"
    env = {**os.environ, "NEWSKIT_CORPUS": str(BBC)}
    for notebook in sorted((work / "notebooks").glob("*.ipynb")):
        for command in (["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=1200",
                         "--output-dir", str(out), str(notebook)],
                        ["nbconvert", "--to", "html", "--output-dir", str(out), str(out / notebook.name)]):
            done = subprocess.run([sys.executable, "-m", "jupyter", *command, "--log-level=WARN"],
                                  cwd=work / "notebooks", env=env, capture_output=True, text=True, timeout=1500)
            if done.returncode:
                pytest.fail(f"{notebook.name}: {re.sub(chr(27) + r'[[0-9;]*m', '', done.stderr)[-3000:]}")
    return out


def test_every_notebook_runs_on_500_articles_without_errors_or_warnings(reports):
    for path in sorted(reports.glob("*.ipynb")):
        cells = json.loads(path.read_text())["cells"]
        for i, cell in enumerate(cells):
            for output in cell.get("outputs", []):
                assert output["output_type"] != "error", f"{path.name} cell {i}: {output.get('evalue')}"
                if output["output_type"] == "stream" and output["name"] == "stderr":
                    assert "Warning" not in output["text"], f"{path.name} cell {i}: {output['text'][:300]}"


def test_every_figure_is_readable_and_no_prose_speaks_of_the_seed(reports):
    for path in sorted(reports.glob("*.ipynb")):
        cells = json.loads(path.read_text())["cells"]
        images = sum(1 for cell in cells for output in cell.get("outputs", []) if "image/png" in output.get("data", {}))
        assert images >= (2 if path.name.startswith(("02", "04")) else 1 if path.name.startswith("03") else 0), path.name
        for i, cell in enumerate(cells):
            if cell["cell_type"] == "markdown":
                assert not SEED_FACTS.search("".join(cell["source"])), f"{path.name} cell {i} speaks of the seed"
            for output in cell.get("outputs", []):
                png = output.get("data", {}).get("image/png")
                if png:
                    assert _png_height(png) <= MAX_HEIGHT_PX, f"{path.name} cell {i}: figure too tall"


def test_tables_show_blanks_for_missing_values(reports):
    for path in sorted(reports.glob("*.ipynb")):
        for i, cell in enumerate(json.loads(path.read_text())["cells"]):
            for output in cell.get("outputs", []):
                shown = "".join(output.get("data", {}).get("text/html", ""))
                if 'class="dataframe"' in shown:
                    assert not re.search(r">(NaN|NaT|None|&lt;NA&gt;)<", shown), f"{path.name} cell {i}"


def test_html_reports_stay_small(reports):
    pages = sorted(reports.glob("*.html"))
    assert len(pages) == 5
    for page in pages:
        assert page.stat().st_size <= MAX_REPORT_BYTES, f"{page.name}: {page.stat().st_size:,} bytes"
