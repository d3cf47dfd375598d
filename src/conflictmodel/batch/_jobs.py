"""One item of a batch: normalising an input to a picklable job, reading and decoding it, and
parsing it within the batch's time limit, in this process or in a worker."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from conflictmodel import errors
from conflictmodel.batch._records import MAX_INPUT_BYTES, BatchResult, Document, Published
from conflictmodel.errors import ConflictModelError, InputError, ParseError, ParseTimeoutError
from conflictmodel.parse import coerce_published, parse_article
from conflictmodel.pipeline import Pipeline

if TYPE_CHECKING:
    from conflictmodel.gazetteer import Gazetteer


@attrs.frozen
class _Job:
    """One normalised input: only str, bytes, dates and library errors, so it always pickles."""

    index: int
    source: str
    text: str | bytes | None = None
    path: str | None = None
    published: dt.date | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    error: ConflictModelError | None = None


def _to_job(item: Any, index: int, where: str = "") -> _Job:
    """Normalise one input in the parent process (cheap; no file is read here).

    ``where`` prefixes the generated names of unnamed items (``<partition 2 item 5>``).
    """
    job = _unpack(item, index, f"<{where}item {index}>")
    if job.error is not None or job.path is not None:
        return job
    if not isinstance(job.text, str | bytes):
        what = type(job.text).__name__
        return _Job(
            index, job.source, error=InputError(f"{job.source}: text must be str, got {what}")
        )
    return job


def _unpack(item: Any, index: int, unnamed: str) -> _Job:
    def name_of(value: Any) -> str:
        return value if isinstance(value, str) and value.strip() else unnamed

    def with_meta(source: str, text: Any, published: Any, meta: dict[str, Any]) -> _Job:
        for key, value in meta.items():
            if value is not None and not isinstance(value, str):
                what = type(value).__name__
                return _Job(
                    index, source, error=InputError(f"{source}: {key} must be str, got {what}")
                )
        try:
            date = coerce_published(published)
        except InputError as exc:
            return _Job(index, source, error=InputError(f"{source}: {exc}"))
        return _Job(index, source, text=text, published=date, **meta)

    if isinstance(item, str):
        return _Job(index, unnamed, text=item)
    if isinstance(item, os.PathLike):
        path = os.fsdecode(item)
        return _Job(index, path, path=path)
    if isinstance(item, Document):
        meta = {"title": item.title, "outlet": item.outlet, "url": item.url}
        return with_meta(item.source, item.text, item.published, meta)
    if isinstance(item, Mapping):
        source = name_of(item.get("source") or item.get("id") or item.get("url"))
        if "text" not in item:
            return _Job(index, source, error=InputError(f"{source}: record has no 'text' key"))
        meta = {k: item.get(k) for k in ("title", "outlet", "url")}
        return with_meta(source, item["text"], item.get("published"), meta)
    if isinstance(item, tuple) and len(item) == 2:
        return _Job(index, name_of(item[0]), text=item[1])
    if isinstance(item, ConflictModelError):
        return _Job(index, getattr(item, "source", None) or unnamed, error=item)
    if isinstance(item, bytes | bytearray):
        return _Job(index, unnamed, text=bytes(item))
    return _Job(
        index,
        unnamed,
        error=InputError(
            f"{unnamed}: expected text, a Path, a (source, text) pair, a Document or a "
            f"record with 'text', got {type(item).__name__}"
        ),
    )


def _decode(data: bytes, source: str, encoding: str, *, from_file: bool) -> str:
    what = "file" if from_file else "bytes"
    binary = InputError(
        f"{source}: {what} contains NUL bytes: binary, or UTF-16/32 text (pass encoding=...)"
    )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            raise binary from None
        raise InputError(
            f"{source}: not {encoding} text ({exc.reason} at byte {exc.start})"
        ) from None
    except LookupError:
        raise InputError(f"{source}: unknown encoding {encoding!r}") from None
    if "\x00" in text:  # no article has NUL characters; a binary file decoded as latin-1 does
        raise binary
    # A byte-order mark is an encoding artefact, not text: keep it out of the spans.
    return text.removeprefix("\ufeff")


def _read_file(path: str, source: str, encoding: str) -> str:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError(
            f"{source}: is a directory; pass its files, e.g. Path(dir).glob('*.txt')"
        ) from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:  # e.g. a NUL byte in the name
        raise InputError(f"{source}: cannot read: {exc}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{source}: larger than {MAX_INPUT_BYTES:,} bytes (MAX_INPUT_BYTES)")
    if not data.strip():
        raise InputError(f"{source}: empty file")
    return _decode(data, source, encoding, from_file=True)


_LIBRARY_ERRORS = {
    cls
    for cls in vars(errors).values()
    if isinstance(cls, type) and issubclass(cls, ConflictModelError) and cls is not ParseError
}


def _portable(exc: BaseException, source: str) -> ConflictModelError:
    """An error that survives the trip back from a worker process and names the item.

    The library's own error types are rebuilt as they are (tracebacks and chained causes do
    not cross processes anyway); anything else, including a user-defined error whose
    constructor needs more than a message, becomes a ParseError that names its type.
    """
    if isinstance(exc, ParseError):
        return ParseError(str(exc), stage=exc.stage, source=source)
    if isinstance(exc, ConflictModelError) and type(exc) in _LIBRARY_ERRORS:
        return type(exc)(str(exc))
    return ParseError(f"{source}: {type(exc).__name__}: {exc}", source=source)


@attrs.frozen
class _Settings:
    """What every item of one batch is parsed with."""

    pipeline: Pipeline | tuple[str, ...] | None
    gazetteer: Gazetteer | None
    published: dt.date | None
    encoding: str
    timeout: float | None = None


def _make_settings(
    published: Published,
    pipeline: Pipeline | Sequence[str] | None,
    gazetteer: Gazetteer | None,
    encoding: str,
) -> _Settings:
    """Check batch-wide arguments in the caller, before any work is sent anywhere."""
    if not isinstance(encoding, str):
        raise InputError(f"encoding must be str, got {type(encoding).__name__}")
    try:
        "".encode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    spec: Pipeline | tuple[str, ...] | None
    if pipeline is None or isinstance(pipeline, Pipeline):
        spec = pipeline
    elif isinstance(pipeline, str) or not isinstance(pipeline, Sequence):
        raise InputError(
            "pipeline must be a Pipeline or a sequence of stage names, got "
            f"{type(pipeline).__name__}"
        )
    else:
        spec = tuple(pipeline)
        Pipeline.from_names(spec)  # fail now, in the caller, on an unknown name
    return _Settings(spec, gazetteer, coerce_published(published), encoding)


def _resolve(settings: _Settings) -> _Settings:
    """Build a pipeline given by names, once per process."""
    if isinstance(settings.pipeline, tuple):
        return attrs.evolve(settings, pipeline=Pipeline.from_names(settings.pipeline))
    return settings


def _run_job(job: _Job, settings: _Settings) -> BatchResult:
    if job.error is not None:
        return BatchResult(source=job.source, article=None, error=job.error, index=job.index)
    try:
        if job.path is not None:
            text = _read_file(job.path, job.source, settings.encoding)
        elif isinstance(job.text, bytes):
            text = _decode(job.text, job.source, settings.encoding, from_file=False)
        else:
            text = job.text or ""
        published = settings.published if job.published is None else job.published
        pipeline = settings.pipeline
        assert not isinstance(pipeline, tuple)
        article = parse_article(
            text,
            published=published,
            title=job.title,
            outlet=job.outlet,
            url=job.url,
            pipeline=pipeline,
            gazetteer=settings.gazetteer,
        )
    except InputError as exc:
        message = str(exc)
        if not message.startswith(job.source):
            message = f"{job.source}: {message}"
        return BatchResult(
            source=job.source, article=None, error=InputError(message), index=job.index
        )
    except Exception as exc:  # a stage may raise anything; the batch must go on
        return BatchResult(
            source=job.source, article=None, error=_portable(exc, job.source), index=job.index
        )
    return BatchResult(source=job.source, article=article, error=None, index=job.index)


class _Expired(BaseException):
    """Raised by the alarm inside an item that ran out of time.  A BaseException, so that the
    stage's own ``except Exception`` (and _run_job's) cannot swallow it."""


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """Interrupt the block with _Expired after ``seconds`` (SIGALRM; main thread, Unix)."""
    if seconds is None:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timed_out(job: _Job, seconds: float) -> BatchResult:
    return BatchResult(
        source=job.source,
        article=None,
        error=ParseTimeoutError(
            f"{job.source}: parsing took longer than the time limit ({seconds:g} s); "
            "the other items were parsed",
            source=job.source,
        ),
        index=job.index,
    )


def _run_limited(job: _Job, settings: _Settings) -> BatchResult:
    """_run_job within the batch's per-item time limit, if it has one."""
    if settings.timeout is None:
        return _run_job(job, settings)
    try:
        with _alarm(settings.timeout):
            return _run_job(job, settings)
    except _Expired:
        return _timed_out(job, settings.timeout)


# Per-worker-process state, set once by the pool's initializer.
_worker_settings: _Settings | None = None


def _init_worker(settings: _Settings) -> None:
    global _worker_settings
    _worker_settings = _resolve(settings)


def _run_chunk(jobs: list[_Job]) -> list[BatchResult]:
    assert _worker_settings is not None, "worker was started without settings"
    return [_run_limited(job, _worker_settings) for job in jobs]
