"""Tagging on a Dask cluster: `tag_batch` mapped over partitions of articles by dask.distributed.

Imported only when `tag(..., scheduler=...)` is given, so a local run never imports Dask. Each worker
process loads the pipeline once (newskit.load_model's cache, or the scattered pipeline object) and
sends back plain rows; the client keeps the cache and builds the frames.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from spacy.language import Language

from newskit.pipeline.model import load_model, pipeline_fingerprint
from newskit.pipeline.batch import Frames, in_order, partition_size, partitions, tag_batch


class ClusterMismatch(RuntimeError):
    """A Dask worker runs another pipeline than the client (other model or newskit version)."""


def pipeline_digest(nlp: Language) -> str:
    """A short digest of what changes the output: the pipeline (model, components, newskit's
    entity rules) and newskit's version. Workers must run the same newskit code as the client."""
    from newskit._version import __version__

    payload = {"pipeline": pipeline_fingerprint(nlp), "newskit": __version__}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:16]


def tag_partition(articles: list[dict], model: str | Language | None, batch_size: int = 64,
                  extractors: dict | None = None) -> dict:
    """Run on a Dask worker: the partition's frames and the worker pipeline's digest.

    `model` is a name (loaded once per worker process by load_model's cache) or a pipeline that
    Dask scattered to every worker (deserialized once per worker).
    """
    nlp = model if isinstance(model, Language) else load_model(model)
    return {"pipeline": pipeline_digest(nlp), "frames": tag_batch(articles, nlp, batch_size, extractors)}


@contextmanager
def connect(scheduler):
    """A dask.distributed Client for a scheduler address or an existing Client (left open)."""
    from distributed import Client

    if isinstance(scheduler, Client):
        yield scheduler
        return
    client = Client(scheduler, set_as_default=False)
    try:
        yield client
    finally:
        client.close()


def dask_frames(articles: Iterable[dict], nlp: Language, model: str | Language | None, scheduler,
                batch_size: int = 64, extractors: dict | None = None, count: int | None = None) -> Iterator[Frames]:
    """Every article's frames, in input order, tagged on the cluster behind `scheduler`; `count` as
    in `pool_frames`.

    Partitions are submitted a few per worker thread at a time, so the client never holds more
    than that many partitions of results; each partition's pipeline is checked against `nlp`.
    """
    expected = pipeline_digest(nlp)
    with connect(scheduler) as client:
        remote = client.scatter(model, broadcast=True) if isinstance(model, Language) else model
        threads = max(1, sum(client.nthreads().values()))
        if count is None:
            articles = list(articles)
            count = len(articles)
        size = partition_size(count, threads)

        def submit(batch: list[dict]):
            return _Checked(client.submit(tag_partition, batch, remote, batch_size, extractors, pure=False), expected)

        yield from in_order(submit, partitions(articles, size), window=2 * threads)


class _Checked:
    """A future whose result is the partition's frames, after checking the worker's pipeline."""

    def __init__(self, future, expected: str) -> None:
        self.future, self.expected = future, expected

    def result(self) -> list[Frames]:
        answer = self.future.result()
        self.future.release()
        if answer["pipeline"] != self.expected:
            raise ClusterMismatch(
                "a Dask worker runs another spaCy pipeline or newskit version than this client; "
                "install the same newskit and model on the workers (see docs/performance.md)")
        return answer["frames"]
