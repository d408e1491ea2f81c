"""What runs on a worker, a local worker process or a Dask worker: the pipeline it tags with, loaded
once per process, and `tag_task`, which tags one batch and reports the worker's pipeline fingerprint
so that the client can refuse rows made by other code or another model.
"""
from __future__ import annotations

import pickle

from spacy.language import Language

import newskit.extract.entities.rules  # noqa: F401 (registers newskit's spaCy component in worker processes)
from newskit.extract.extractors import Extractor
from newskit.pipeline.batch import tag_batch
from newskit.pipeline.model import load_model, pipeline_fingerprint

# The pipeline of a local worker process, set once by `start` when the process starts. Dask
# workers are never started that way: each task names the pipeline instead.
_pipeline: Language | None = None


def start(model: Language | bytes | str | None) -> None:
    """Initializer of a local worker process: a forked worker gets the client's pipeline object
    itself (shared memory, nothing copied), a spawned one unpickles it once; a name is loaded."""
    global _pipeline
    if isinstance(model, Language):
        _pipeline = model
    elif isinstance(model, bytes):
        _pipeline = pickle.loads(model)
    else:
        _pipeline = load_model(model)


def pipeline(model: Language | str | None = None) -> Language:
    """The pipeline this worker tags with: a pipeline object Dask scattered to every worker
    (deserialized once per worker), this local worker's own, or the model named (loaded once per
    process by load_model's cache)."""
    if isinstance(model, Language):
        return model
    if _pipeline is not None:
        return _pipeline
    return load_model(model)


def tag_task(articles: list[dict], model: Language | str | None, batch_size: int,
             extractors: dict[str, Extractor] | None) -> dict:
    """Run on a worker: the batch's frames (plain rows) and the worker's pipeline fingerprint,
    computed here, from the code and word lists this worker runs."""
    nlp = pipeline(model)
    return {"fingerprint": pipeline_fingerprint(nlp), "frames": tag_batch(articles, nlp, batch_size, extractors)}
