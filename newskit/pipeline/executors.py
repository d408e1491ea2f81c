"""Where tagging runs: one interface, three executors. Each maps the per-batch function
(newskit.pipeline.batch) over batches of article dicts and yields every article's frames in input order.

- InProcess: in this process (n_process=1), streamed a memory zone of articles at a time;
- WorkerProcesses: local worker processes (n_process > 1), forked or spawned (`start_method`);
- DaskCluster: a dask.distributed cluster (scheduler=...); Dask is imported only then.

Workers run newskit.pipeline.worker.tag_task, which sends back each batch's rows with the worker's
pipeline fingerprint; an answer whose fingerprint is not the client's raises ClusterMismatch before
any of its rows is used.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from spacy.language import Language

from newskit.extract.extractors import Extractor, Frames
from newskit.pipeline import worker
from newskit.pipeline.batch import partitions, stream_frames

# Articles per task sent to a worker process or a Dask worker.
PARTITION_ARTICLES = 32


class ClusterMismatch(RuntimeError):
    """A worker runs another pipeline than the client: another model, spaCy or newskit version, or
    other newskit code or word lists."""


def executor(nlp: Language, model: str | Language | None, fingerprint: dict, *, n_process: int = 1,
             scheduler=None, count: int, batch_size: int = 64,
             extractors: dict[str, Extractor] | None = None) -> InProcess | WorkerProcesses | DaskCluster:
    """The executor for `count` articles: Dask when a scheduler is given, local worker processes
    when n_process > 1 (-1: one per CPU, as in spaCy), else this process. `fingerprint` is the
    client's (pipeline_fingerprint(nlp)), which every worker's must equal."""
    if scheduler is not None and count:
        return DaskCluster(scheduler, nlp, model, fingerprint, batch_size, extractors)
    if n_process < 0:
        n_process = os.cpu_count() or 1
    if n_process > 1 and count > 1:
        return WorkerProcesses(nlp, n_process, fingerprint, batch_size, extractors)
    return InProcess(nlp, batch_size, extractors)


class InProcess:
    """The per-batch function in this process, over batches of a memory zone's articles
    (batch.ZONE_ARTICLES), streamed: each article's frames as soon as its last paragraph is parsed."""

    def __init__(self, nlp: Language, batch_size: int = 64, extractors: dict[str, Extractor] | None = None) -> None:
        self.nlp, self.batch_size, self.extractors = nlp, batch_size, extractors

    def map(self, articles: Iterable[dict], count: int) -> Iterator[Frames]:
        """Every article's frames, in input order."""
        yield from stream_frames(self.nlp, articles, self.batch_size, self.extractors)


class _Workers:
    """What worker processes and Dask share: batches of `partition_size` articles, two per worker
    in flight (so the client holds at most that many batches of results), answers taken in input
    order, each checked against the client's fingerprint."""

    def __init__(self, fingerprint: dict, batch_size: int, extractors: dict[str, Extractor] | None) -> None:
        self.fingerprint, self.batch_size, self.extractors = fingerprint, batch_size, extractors

    def map(self, articles: Iterable[dict], count: int) -> Iterator[Frames]:
        """Every article's frames, in input order; `count`: how many articles there are."""
        with self._started() as (submit, result, workers):
            flight: deque = deque()
            for batch in partitions(articles, partition_size(count, workers)):
                flight.append(submit(batch))
                if len(flight) >= 2 * workers:
                    yield from self._checked(result(flight.popleft()))
            while flight:
                yield from self._checked(result(flight.popleft()))

    def _started(self):
        """A context giving (submit(batch) -> future, result(future) -> answer, how many workers)."""
        raise NotImplementedError

    def _checked(self, answer: dict) -> list[Frames]:
        if answer["fingerprint"] != self.fingerprint:
            raise ClusterMismatch(_mismatch(answer["fingerprint"], self.fingerprint))
        return answer["frames"]


class WorkerProcesses(_Workers):
    """`n_process` local worker processes, each holding one pipeline for the whole run (see
    newskit.pipeline.worker): a forked worker shares the client's loaded pipeline, a spawned one
    unpickles it once."""

    def __init__(self, nlp: Language, n_process: int, fingerprint: dict, batch_size: int = 64,
                 extractors: dict[str, Extractor] | None = None) -> None:
        super().__init__(fingerprint, batch_size, extractors)
        self.nlp, self.n_process = nlp, n_process

    @contextmanager
    def _started(self):
        from concurrent.futures import ProcessPoolExecutor

        method = start_method()
        # a forked worker inherits its initializer's arguments, unpickled; a spawned one receives them pickled
        shared = self.nlp if method == "fork" else pickle.dumps(self.nlp)
        with ProcessPoolExecutor(self.n_process, mp_context=mp.get_context(method),
                                 initializer=worker.start, initargs=(shared,)) as pool:
            def submit(batch: list[dict]):
                return pool.submit(worker.tag_task, batch, None, self.batch_size, self.extractors)

            yield submit, _result, self.n_process


class DaskCluster(_Workers):
    """The cluster behind a scheduler address or a distributed.Client. Each worker loads the named
    model once (load_model's cache), or gets a pipeline object scattered to every worker; the cache
    stays with the client."""

    def __init__(self, scheduler, nlp: Language, model: str | Language | None, fingerprint: dict,
                 batch_size: int = 64, extractors: dict[str, Extractor] | None = None) -> None:
        super().__init__(fingerprint, batch_size, extractors)
        self.scheduler, self.model = scheduler, model

    @contextmanager
    def _started(self):
        with connect(self.scheduler) as client:
            remote = client.scatter(self.model, broadcast=True) if isinstance(self.model, Language) else self.model
            threads = max(1, sum(client.nthreads().values()))

            def submit(batch: list[dict]):
                return client.submit(worker.tag_task, batch, remote, self.batch_size, self.extractors, pure=False)

            yield submit, _released_result, threads


@contextmanager
def connect(scheduler):
    """A dask.distributed Client for a scheduler address, or an existing Client (left open)."""
    from distributed import Client

    if isinstance(scheduler, Client):
        yield scheduler
        return
    client = Client(scheduler, set_as_default=False)
    try:
        yield client
    finally:
        client.close()


def _result(future) -> dict:
    return future.result()


def _released_result(future) -> dict:
    answer = future.result()
    future.release()  # the scheduler may drop the rows as soon as the client has them
    return answer


def start_method() -> str:
    """How worker processes start: NEWSKIT_START_METHOD, else "fork" for a script on Linux (fast,
    needs no `if __name__ == "__main__"` guard), else "spawn": inside a Jupyter kernel, where forking
    a process with the kernel's threads can hang, and on macOS and Windows."""
    chosen = os.environ.get("NEWSKIT_START_METHOD")
    if chosen in mp.get_all_start_methods():
        return chosen
    interactive = "ipykernel" in sys.modules or not getattr(sys.modules.get("__main__"), "__file__", None)
    if sys.platform.startswith("linux") and not interactive:
        return "fork"
    return "spawn"


def partition_size(articles: int, workers: int) -> int:
    """Articles per task: PARTITION_ARTICLES, smaller for a small corpus so every worker gets
    several tasks (a worker that finishes early then takes the next one)."""
    return max(1, min(PARTITION_ARTICLES, -(-articles // (4 * max(1, workers)))))


def _mismatch(found: dict, expected: dict) -> str:
    differ = sorted(key for key in found.keys() | expected.keys() if found.get(key) != expected.get(key))
    shown = "; ".join(f"{key}: worker {found.get(key)!r}, this client {expected.get(key)!r}" for key in differ)
    return (f"a worker runs another pipeline than this client ({shown}); install the same newskit "
            "(code and word lists), spaCy and model on the workers as here, and restart workers that "
            "imported another newskit (see docs/performance.md)")
