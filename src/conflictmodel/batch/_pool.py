"""``parse_many``: items in order, on every core, through a pool that survives a worker dying
or hanging."""

from __future__ import annotations

import contextlib
import itertools
import math
import os
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any

import attrs

from conflictmodel.batch._jobs import (
    _can_alarm,
    _init_worker,
    _Job,
    _make_settings,
    _resolve,
    _run_chunk,
    _run_limited,
    _Settings,
    _timed_out,
    _to_job,
)
from conflictmodel.batch._records import BatchResult, Published
from conflictmodel.errors import ConflictModelError, InputError, ParseError
from conflictmodel.pipeline import Pipeline

if TYPE_CHECKING:
    from conflictmodel.gazetteer import Gazetteer

__all__ = ["default_processes", "parse_many"]


def default_processes() -> int:
    """How many worker processes ``processes=None`` means: the CPUs this process may use.

    Example:
        >>> default_processes() >= 1
        True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def parse_many(
    items: Iterable[Any],
    *,
    processes: int | None = None,
    published: Published = None,
    chunksize: int = 8,
    window: int | None = None,
    pipeline: Pipeline | Sequence[str] | None = None,
    gazetteer: Gazetteer | None = None,
    encoding: str = "utf-8",
    mp_context: BaseContext | None = None,
    timeout: float | None = None,
) -> Generator[BatchResult, None, None]:
    """Parse many articles, yielding a [`BatchResult`][conflictmodel.batch.BatchResult] per
    input, in input order.

    Inputs are consumed lazily, so ``items`` can be an endless generator or a directory glob.

    Args:
        items: texts, paths, ``(source, text)`` pairs, Documents or records (see the module
            documentation).
        processes: worker processes; None uses every CPU this process may use, 0 or 1 parses
            in this process with no pool.
        published: the publication date of items that do not give their own.
        chunksize: items sent to a worker at a time; larger chunks cost less in overhead,
            smaller ones balance uneven articles better.
        window: chunks in flight at a time (default twice the number of processes); results
            wait in memory only inside this window, which bounds memory on long streams.
        pipeline: a Pipeline, or stage names each worker builds from the registry; default
            the default pipeline.
        gazetteer: default the shipped gazetteer.
        encoding: how to decode files and bytes inputs (a leading byte-order mark is dropped).
        mp_context: a ``multiprocessing`` context for the pool (e.g. ``get_context("spawn")``).
        timeout: the most seconds one item may take (None: no limit).  An item that takes
            longer gets a [`ParseTimeoutError`][conflictmodel.errors.ParseTimeoutError]
            result and the batch goes on.  Inside a worker the item is interrupted (SIGALRM);
            a worker stuck where it cannot be interrupted (in C code) is killed and the items
            it held are retried.  With ``processes=1`` the limit needs the main thread of a
            Unix process.  Keep it well above a normal parse (seconds, not milliseconds): it
            counts everything the item does, including a worker's first gazetteer load.

    A worker that dies (a crash, the system killing it for memory) fails the items it held;
    they are retried one at a time on a fresh pool, and an item is reported as having killed
    its worker only if it does so alone twice in a row, so items that were merely in the
    wrong place are parsed.

    Raises:
        InputError: a batch-wide argument is invalid (per-item problems are results).
        UnknownParserError: a stage name is not registered.
        ConflictModelError: worker processes could not be started at all.

    Example:
        >>> results = parse_many(
        ...     ['"There will be no ceasefire," a Hamas official told Reuters.',
        ...      "Azerbaijan and Armenia initialled a peace agreement."],
        ...     processes=1, published="2025-08-08")
        >>> [(r.source, r.ok, r.article.published.isoformat()) for r in results]
        [('<item 0>', True, '2025-08-08'), ('<item 1>', True, '2025-08-08')]
    """
    for name, value in (("chunksize", chunksize), ("window", window), ("processes", processes)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise InputError(f"{name} must be an int, got {type(value).__name__}")
    if processes is not None and processes < 0:
        raise InputError(f"processes must be >= 0, got {processes}")
    if chunksize < 1:
        raise InputError(f"chunksize must be >= 1, got {chunksize}")
    if window is not None and window < 1:
        raise InputError(f"window must be >= 1, got {window}")
    if isinstance(items, str | bytes | os.PathLike) or not isinstance(items, Iterable):
        raise InputError(
            f"parse_many() expects an iterable of inputs, got {type(items).__name__}; "
            "wrap a single text in a list"
        )
    if timeout is not None:
        if not isinstance(timeout, int | float) or isinstance(timeout, bool):
            raise InputError(f"timeout must be a number of seconds, got {type(timeout).__name__}")
        if not (math.isfinite(timeout) and timeout > 0):
            raise InputError(f"timeout must be a positive number of seconds, got {timeout!r}")
    settings = attrs.evolve(
        _make_settings(published, pipeline, gazetteer, encoding),
        timeout=None if timeout is None else float(timeout),
    )
    workers = default_processes() if processes is None else processes
    if workers <= 1 and timeout is not None and not _can_alarm():
        raise InputError(
            "timeout= with processes=1 needs the main thread of a Unix process (it uses "
            "SIGALRM); use processes=2 or more"
        )
    jobs = (_to_job(item, i) for i, item in enumerate(items))
    if workers <= 1:
        return _in_process(jobs, _resolve(settings))
    return _Pool(workers, settings, mp_context).run(
        jobs, chunksize=chunksize, window=window or 2 * workers
    )


def _in_process(jobs: Iterator[_Job], settings: _Settings) -> Generator[BatchResult, None, None]:
    for job in jobs:
        yield _run_limited(job, settings)


_UNPICKLABLE = (
    "with this start method the pipeline and gazetteer must be picklable (define parser "
    "classes at module level, or pass stage names); processes=1 parses without workers"
)
_DIED = (
    "the worker process died while parsing this item (a crash, or the system ran out of "
    "memory); the other items were parsed"
)


# How many times an item may break the pool on its own before it is blamed for it.
_ATTEMPTS = 2


class _Pool:
    """A process pool that yields results in order and survives a worker dying or hanging.

    When a worker dies the pool is replaced and the items that were in flight are retried one
    at a time, so only an item that kills a worker on its own (twice) is reported as failed.
    With a time limit, a chunk that is not back long after its items' limits (a worker stuck
    where the in-worker alarm cannot reach) gets its workers killed, and is retried the same
    way.
    """

    def __init__(self, workers: int, settings: _Settings, mp_context: BaseContext | None):
        self.workers = workers
        self.settings = settings
        self.mp_context = mp_context
        self.executor: ProcessPoolExecutor  # started by run(), so an unused batch costs nothing
        self.succeeded = False

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=self.mp_context,
            initializer=_init_worker,
            initargs=(self.settings,),
        )

    def _submit(self, jobs: list[_Job]) -> Future[list[BatchResult]]:
        try:
            return self.executor.submit(_run_chunk, jobs)
        except BrokenProcessPool as exc:
            # A worker died while the window was being filled: fail this chunk like the
            # ones in flight, so that they are all retried in order.
            failed: Future[list[BatchResult]] = Future()
            failed.set_exception(exc)
            return failed
        except Exception as exc:
            # Jobs always pickle, so this is the settings failing to reach a new worker
            # (start methods other than fork pickle them).
            raise ConflictModelError(
                f"cannot start worker processes: {_UNPICKLABLE}: {exc}"
            ) from exc

    def _restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def _deadline(self, jobs: int) -> float | None:
        """How long to wait for a chunk before deciding its worker is stuck."""
        limit = self.settings.timeout
        if limit is None:
            return None
        # The in-worker alarm fires after ``limit`` per item; beyond that, allow for a
        # worker starting up.
        return limit * jobs + max(limit, 2.0)

    def _kill_workers(self) -> None:
        """Kill the pool's processes (a stuck worker cannot be stopped otherwise); the
        executor then fails every future in flight with BrokenProcessPool."""
        processes = getattr(self.executor, "_processes", None) or {}
        for process in list(processes.values()):
            with contextlib.suppress(Exception):
                process.kill()

    def _wait(self, future: Future[list[BatchResult]], jobs: int) -> list[BatchResult]:
        """The chunk's results; FutureTimeout (after killing the workers) if it is stuck."""
        try:
            return future.result(timeout=self._deadline(jobs))
        except FutureTimeout:
            self._kill_workers()
            raise

    def run(
        self, jobs: Iterator[_Job], *, chunksize: int, window: int
    ) -> Generator[BatchResult, None, None]:
        pending: deque[tuple[list[_Job], Future[list[BatchResult]]]] = deque()
        self.executor = self._start()
        try:
            while True:
                while len(pending) < window:
                    chunk = list(itertools.islice(jobs, chunksize))
                    if not chunk:
                        break
                    pending.append((chunk, self._submit(chunk)))
                if not pending:
                    return
                chunk, future = pending.popleft()
                try:
                    results = self._wait(future, len(chunk))
                except (BrokenProcessPool, FutureTimeout) as exc:
                    stuck = isinstance(exc, FutureTimeout)
                    if stuck and len(chunk) == 1:
                        # The chunk's one item is the one that hung: no need to wait again.
                        assert self.settings.timeout is not None
                        self._restart()
                        yield _timed_out(chunk[0], self.settings.timeout)
                        chunk = []
                    retry = [job for c, _ in ((chunk, future), *pending) for job in c]
                    pending.clear()
                    yield from self._isolate(retry)
                    continue
                self.succeeded = True
                yield from results
        finally:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _isolate(self, jobs: list[_Job]) -> Iterator[BatchResult]:
        """Retry jobs one at a time on fresh pools after a worker died or hung."""
        self._restart()
        for job in jobs:
            yield self._alone(job)

    def _alone(self, job: _Job) -> BatchResult:
        """Run one job by itself; blame it only if it breaks the pool every time."""
        for _ in range(_ATTEMPTS):
            try:
                [result] = self._wait(self._submit([job]), 1)
            except FutureTimeout:
                self._restart()
                assert self.settings.timeout is not None
                return _timed_out(job, self.settings.timeout)
            except BrokenProcessPool:
                # Killed from outside, or by this job: a fresh pool and another try tell.
                self._restart()
                if not self.succeeded:
                    self._probe()
                continue
            self.succeeded = True
            return result
        return BatchResult(
            source=job.source,
            article=None,
            error=ParseError(f"{job.source}: {_DIED}", source=job.source),
            index=job.index,
        )

    def _probe(self) -> None:
        """Tell an item that kills workers from workers that cannot work at all."""
        try:
            self._submit([_Job(-1, "<probe>", text="")]).result()
        except BrokenProcessPool:
            raise ConflictModelError(
                f"worker processes die before parsing anything: {_UNPICKLABLE}"
            ) from None
        self.succeeded = True
