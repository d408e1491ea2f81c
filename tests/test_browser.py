"""JupyterLab for real: run every notebook through the UI in headless Chromium, and prove the
article view renders hostile text as text.

Needs Debian's chromium (/usr/bin/chromium) and Playwright from PyPI; never downloads a browser.
`.ci/run` installs both and sets NEWSKIT_BROWSER_TESTS=1, which turns a missing browser into a
failure instead of a skip. Screenshots go to artifacts/screenshots/ (git-ignored).
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import newskit

from .conftest import ROOT, read_quietly

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
REQUIRED = os.environ.get("NEWSKIT_BROWSER_TESTS") == "1"


def _browser_available() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    return None


_missing = _browser_available()
if _missing and REQUIRED:
    raise RuntimeError(f"browser tests required (NEWSKIT_BROWSER_TESTS=1) but {_missing}")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(_missing is not None, reason=_missing or "")]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _strip_outputs(path: Path) -> None:
    notebook = json.loads(path.read_text())
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    path.write_text(json.dumps(notebook))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1 with a token, over a copy of the notebooks (the UI saves
    what it runs; the committed notebooks must stay untouched)."""
    workspace = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", workspace / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    for copy in (workspace / "notebooks").glob("*.ipynb"):
        _strip_outputs(copy)  # so that every output the test sees comes from this run
    shutil.copytree(ROOT / "seeds", workspace / "seeds")
    (workspace / "data").mkdir()
    token = secrets.token_hex(16)
    port = _free_port()
    state = workspace / ".jupyter-state"
    settings = state / "settings"
    # render every cell (JupyterLab 4 only puts cells in view into the page) and ask for no news
    for plugin, values in {"notebook-extension/tracker": {"windowingMode": "none", "autoStartDefaultKernel": True},
                           "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False}}.items():
        path = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(state / "runtime"), "JUPYTER_CONFIG_DIR": str(state / "config"),
           "JUPYTERLAB_WORKSPACES_DIR": str(state / "workspaces"), "JUPYTERLAB_SETTINGS_DIR": str(state / "settings")}
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={workspace}",
         "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         "--LabApp.extension_manager=readonly", "--ServerApp.open_browser=False",
         *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
        cwd=workspace, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise RuntimeError("JupyterLab did not start: " + server.stderr.read1(5000).decode(errors="replace"))
                time.sleep(0.5)
        # no token, no entry: auth stays on
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"{url}/api/contents", timeout=5)
        yield url, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# only the notebook on show: other tabs keep their (hidden) cells in the page
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
_ALL_RUN = """() => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    const prompts = panel ? [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')] : [];
    return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
}"""
_ANY_STARTED = """() => [...(document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)')
                              ?.querySelectorAll('.jp-CodeCell .jp-InputPrompt') ?? [])]
    .some(p => /\\[(\\d+|\\*)\\]/.test(p.textContent))"""


def _run_all_cells(page) -> None:
    page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=60_000)
    # the kernel must be started and idle before Run All, or the command is lost
    page.get_by_text(re.compile(r"Python 3 \(ipykernel\) \| Idle")).wait_for(timeout=120_000)
    for _ in range(3):
        page.click("div.lm-MenuBar-itemLabel:text-is('Run')")
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            page.wait_for_function(_ANY_STARTED, timeout=30_000)
            break
        except Exception:  # nothing started: the click landed too early; try again
            continue
    # every code cell gets an execution count; none is left waiting ("[*]")
    page.wait_for_function(_ALL_RUN, timeout=300_000)
    page.get_by_text(re.compile(r"Python 3 \(ipykernel\) \| Idle")).wait_for(timeout=120_000)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.name for n in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(lab, browser, notebook):
    url, token = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        # a workspace of its own, reset: only this notebook is open
        page.goto(f"{url}/lab/workspaces/{notebook.stem}/tree/notebooks/{notebook.name}?reset&token={token}",
                  timeout=120_000)
        try:
            _run_all_cells(page)
        except Exception:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}-FAILED.png"))
            raise
        errors = page.locator(f"{PANEL} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        texts = [errors.nth(i).inner_text() for i in range(errors.count())]
        assert not [t for t in texts if "Traceback" in t or "Error" in t], texts
        assert page.locator(f"{PANEL} .jp-OutputArea-output table").count() >= 1, "no table rendered"
        assert page.locator(f"{PANEL} .jp-OutputArea-output img").count() >= 1, "no chart rendered"
        if notebook.name.startswith("01_"):
            assert page.locator(f"{PANEL} .jp-OutputArea-output .newskit-article").count() == 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}.png"), full_page=False)
    finally:
        page.close()


def test_article_view_runs_no_script_from_the_article(tmp_path, browser):
    payload = ('Hostile page <script>window.pwned = "script"</script>\n\n'
               'Mayor Anna Kerr said <img src=x onerror="window.pwned=\'img\'"> and '
               '<a id="js" href="javascript:window.pwned=\'link\'">click</a> </style><b>bold?</b> '
               '<svg onload="window.pwned=\'svg\'"></svg>.')
    (tmp_path / "hostile.txt").write_text(payload)
    corpus = newskit.tag(read_quietly(tmp_path), cache=None)
    page_path = corpus.show(corpus.articles["article_id"].iloc[0]).save(tmp_path / "view.html")
    page = browser.new_page()
    try:
        page.goto(page_path.as_uri())
        page.wait_for_timeout(500)
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert page.locator("img, svg, a, b, script:not(:empty)").count() == 0
        visible = page.inner_text(".newskit-article")
        assert "<script>window.pwned" in visible and "</style>" in visible and 'onerror="window.pwned' in visible
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "hostile_article_view.png"))
    finally:
        page.close()


_DIRECT_QUOTES = """() => [...document.querySelectorAll('.nk-explorer .nk-quotes tbody tr')]
    .filter(row => row.cells[1] && row.cells[1].textContent.trim() === 'direct').length"""
_HIGHLIGHTED = """() => [...document.querySelectorAll('.nk-explorer .nk-article-view .newskit-article .hl')]
    .map(span => span.textContent)"""


def _pick(page, name: str) -> None:
    """Type a name into the explorer's entity chooser and press Enter, as a reader would."""
    chooser = page.locator(".nk-explorer .nk-entity input")
    chooser.fill(name)
    chooser.press("Enter")
    page.locator(".nk-explorer .nk-quotes h4", has_text=f"Quotes of {name}").wait_for(timeout=30_000)


def test_explorer_in_jupyterlab(lab, browser):
    url, token = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1500})  # tall enough for the whole explorer
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        page.goto(f"{url}/lab/tree/notebooks/05_explore.ipynb?token={token}", timeout=120_000)
        _run_all_cells(page)
        explorer = page.locator(".jp-OutputArea-output .nk-explorer")
        explorer.wait_for(timeout=60_000)  # the widget rendered, not "Loading widget..."
        assert explorer.count() == 1 and page.get_by_text("Loading widget...").count() == 0
        explorer.scroll_into_view_if_needed()

        _pick(page, "Aleppo")
        assert page.evaluate(_DIRECT_QUOTES) == 0
        _pick(page, "Anatoly Antonov")
        assert page.evaluate(_DIRECT_QUOTES) == 4
        assert "5 mentions" in page.locator(".nk-explorer .nk-status").inner_text()
        page.locator(".nk-explorer .nk-articles select").select_option(index=0)  # open the article
        page.wait_for_function(f"() => ({_HIGHLIGHTED})().includes('Anatoly Antonov')", timeout=30_000)
        assert set(page.evaluate(_HIGHLIGHTED)) >= {"Anatoly Antonov", "Antonov"}
        assert page.locator(".nk-explorer .nk-chart img, .nk-explorer img.nk-chart").count() == 1
        explorer.screenshot(path=str(SCREENSHOTS / "05_explore-antonov.png"))

        _pick(page, "Sergei Shoigu")
        assert page.evaluate(_DIRECT_QUOTES) == 0
        assert page.locator(".nk-explorer .nk-quotes tbody tr").count() == 4
        page.wait_for_function(f"() => !({_HIGHLIGHTED})().includes('Anatoly Antonov')", timeout=30_000)
        assert "Sergei Shoigu" in page.evaluate(_HIGHLIGHTED)
        explorer.screenshot(path=str(SCREENSHOTS / "05_explore-shoigu.png"))
    except Exception:
        page.screenshot(path=str(SCREENSHOTS / "05_explore-explorer-FAILED.png"), full_page=True)
        raise
    finally:
        page.close()
