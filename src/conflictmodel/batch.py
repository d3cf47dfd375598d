"""Parse many articles: streaming, in order, on every core, one bad item never stops the rest.

[`parse_many`][conflictmodel.batch.parse_many] takes any iterable of inputs and yields one
[`BatchResult`][conflictmodel.batch.BatchResult] per input, in input order, as soon as it is
ready.  An input can be

- a ``str``: the article text itself (a ``str`` is never taken for a file name);
- a ``pathlib.Path`` (any ``os.PathLike``): a file read as UTF-8 (or ``encoding=``) by the
  worker that parses it; its source is the path;
- a ``(source, text)`` pair;
- a [`Document`][conflictmodel.batch.Document]: source, text and optional metadata;
- a mapping (a JSON record) with a ``"text"`` key and optional ``"source"`` (or ``"id"``),
  ``"published"``, ``"title"``, ``"outlet"``, ``"url"`` keys; other keys are ignored, and
  without ``"source"`` or ``"id"`` the ``"url"`` names the item;
- a library error ([`ConflictModelError`][conflictmodel.errors.ConflictModelError]): an input
  that already failed upstream (a bad line of [`read_documents`][conflictmodel.batch.read_documents])
  passes through as a failed result, so it is reported in its place.

Results are written and read back in one record format, the *result envelope*
``{"source", "index", "article", "error"}`` whose ``"article"`` is the Article's JSON
([`BatchResult.to_dict`][conflictmodel.batch.BatchResult.to_dict],
[`BatchResult.from_dict`][conflictmodel.batch.BatchResult.from_dict],
[`read_results`][conflictmodel.batch.read_results]).

Work goes to a standard-library ``ProcessPoolExecutor`` in chunks, and only a bounded window of
chunks is in flight at a time, so memory stays flat however long the stream is.  A missing,
empty, binary or undecodable file, an input of the wrong type, or an article a stage fails on
becomes a result with ``error`` set, and the batch goes on.  With ``timeout=`` an item that
takes longer than that many seconds becomes a
[`ParseTimeoutError`][conflictmodel.errors.ParseTimeoutError] result too, however it hangs.

Worker processes need the pipeline and gazetteer: they are sent to each worker once, when it
starts.  With the ``fork`` start method (the default on Linux) anything works; with ``spawn``
(Windows, macOS) they must be picklable, so define custom parser classes at module level (not
in a function or a notebook cell), or pass stage names (``pipeline=["text", "dates"]``) that
each worker builds from the registry.  ``processes=1`` parses in this process with no such
limits.

Example:
    >>> from pathlib import Path
    >>> texts = [
    ...     "Sudan's army chief Abdel Fattah al-Burhan said the army would not negotiate.",
    ...     Path("no/such/file.txt"),
    ...     ("yemen-1", "Houthi officials said talks in Muscat would resume."),
    ... ]
    >>> for r in parse_many(texts, processes=1):
    ...     print(r.index, r.source, r.ok, r.error)
    0 <item 0> True None
    1 no/such/file.txt False no/such/file.txt: no such file
    2 yemen-1 True None
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import math
import os
import signal
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from conflictmodel import errors
from conflictmodel.errors import ConflictModelError, InputError, ParseError, ParseTimeoutError
from conflictmodel.model.article import Article
from conflictmodel.parse import MAX_TEXT_CHARS, coerce_published, parse_article
from conflictmodel.pipeline import Pipeline

if TYPE_CHECKING:
    from conflictmodel.gazetteer import Gazetteer

__all__ = [
    "MAX_INPUT_BYTES",
    "BatchResult",
    "Document",
    "default_processes",
    "parse_many",
    "read_documents",
    "read_results",
]

Published: TypeAlias = dt.date | dt.datetime | str | None

MAX_INPUT_BYTES = MAX_TEXT_CHARS
"""The largest file, in bytes, that [`parse_many`][conflictmodel.batch.parse_many] and the
command line read (10 MB, far beyond any news article): the same number as
[`MAX_TEXT_CHARS`][conflictmodel.parse.MAX_TEXT_CHARS], and a UTF-8 file never holds more
characters than bytes, so a file read whole is never refused by ``parse_article``.  Reading stops one byte past it, so
``/dev/zero`` or an endless pipe is an [`InputError`][conflictmodel.errors.InputError] for that
item, not a full memory."""


def _opt_str(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise InputError(
            f"{type(inst).__name__}.{attribute.name} must be str or None, "
            f"got {type(value).__name__}"
        )


def _is_str(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise InputError(
            f"{type(inst).__name__}.{attribute.name} must be str, got {type(value).__name__}"
        )


@attrs.frozen(kw_only=True)
class Document:
    """One input for [`parse_many`][conflictmodel.batch.parse_many]: a text and where it is from.

    ``published`` overrides the batch-wide ``published=`` for this item.

    Example:
        >>> doc = Document(source="kashmir-07", text="India and Pakistan agreed to a truce.",
        ...                published="2025-05-10")
        >>> [r.article.published for r in parse_many([doc], processes=1)]
        [datetime.date(2025, 5, 10)]
    """

    source: str = attrs.field(validator=_is_str)
    text: str = attrs.field(validator=_is_str)
    published: Published = None
    title: str | None = attrs.field(default=None, validator=_opt_str)
    outlet: str | None = attrs.field(default=None, validator=_opt_str)
    url: str | None = attrs.field(default=None, validator=_opt_str)


def _error_key(error: ConflictModelError | None) -> tuple[str, str, str | None] | None:
    if error is None:
        return None
    return (type(error).__name__, str(error), getattr(error, "stage", None))


@attrs.frozen(kw_only=True)
class BatchResult:
    """The outcome of one input of a batch: an article, or the error that stopped it.

    Attributes:
        source: the input's name: its path, its ``source``, or ``<item N>`` for a bare text.
        article: the parsed article, or None if the item failed.
        error: why it failed (an [`InputError`][conflictmodel.errors.InputError] for unreadable
            or mistyped input, a [`ParseError`][conflictmodel.errors.ParseError] naming the
            stage for a parser failure), or None.
        index: the input's position in the batch, counting from 0.

    Example:
        >>> [r] = parse_many([("gaza-3", 42)], processes=1)
        >>> r.ok, r.source, str(r.error)
        (False, 'gaza-3', 'gaza-3: text must be str, got int')
    """

    source: str
    article: Article | None
    # Exceptions compare by identity; two results with the same error (say one read back
    # from JSON) are equal when type, message and stage are.
    error: ConflictModelError | None = attrs.field(eq=_error_key)
    index: int = 0

    @property
    def ok(self) -> bool:
        """True if the item was parsed."""
        return self.error is None

    def unwrap(self) -> Article:
        """The article, or raise the item's error.

        Example:
            >>> [r] = parse_many(["Kyiv said no."], processes=1)
            >>> r.unwrap().text
            'Kyiv said no.'
        """
        if self.article is None:
            raise self.error or ConflictModelError(f"{self.source}: no article")
        return self.article

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the article as [`to_dict`][conflictmodel.serialization.to_dict]
        makes it, the error as its type name, message and stage.

        Read the article back with ``from_dict(record["article"], Article)``.

        Example:
            >>> from pathlib import Path
            >>> [bad, good] = parse_many([Path("missing.txt"), "Kyiv said no."], processes=1)
            >>> bad.to_dict()
            {'source': 'missing.txt', 'index': 0, 'article': None, 'error': {'type': 'InputError', 'message': 'missing.txt: no such file', 'stage': None}}
            >>> good.to_dict()["article"]["text"]
            'Kyiv said no.'
        """
        from conflictmodel.serialization import to_dict

        error = None
        if self.error is not None:
            error = {
                "type": type(self.error).__name__,
                "message": str(self.error),
                "stage": getattr(self.error, "stage", None),
            }
        return {
            "source": self.source,
            "index": self.index,
            "article": None if self.article is None else to_dict(self.article),
            "error": error,
        }

    @classmethod
    def from_dict(cls, data: Any) -> BatchResult:
        """Read back what [`to_dict`][conflictmodel.batch.BatchResult.to_dict] wrote (the
        result envelope), the error as the library error type it names.

        Raises:
            SerializationError: ``data`` is not a result envelope, or its article is not
                Article JSON.

        Example:
            >>> [r] = parse_many([("goma-1", "M23 said it would leave Goma.")], processes=1)
            >>> again = BatchResult.from_dict(r.to_dict())
            >>> again == r, again.article.text
            (True, 'M23 said it would leave Goma.')
        """
        from conflictmodel.serialization import from_dict

        if not isinstance(data, Mapping) or set(data) != {"source", "index", "article", "error"}:
            raise errors.SerializationError(
                "a result envelope is an object with exactly the keys source, index, article, "
                f"error; got {sorted(data) if isinstance(data, Mapping) else type(data).__name__}"
            )
        source, index = data["source"], data["index"]
        if not isinstance(source, str) or type(index) is not int or index < 0:
            raise errors.SerializationError("envelope: source must be str and index an int >= 0")
        article = None if data["article"] is None else from_dict(data["article"], Article)
        return cls(source=source, article=article, error=_error_from(data["error"]), index=index)


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


_ERROR_TYPES: dict[str, type[ConflictModelError]] = {
    name: cls
    for name, cls in vars(errors).items()
    if isinstance(cls, type) and issubclass(cls, ConflictModelError)
}


def _error_from(data: Any) -> ConflictModelError | None:
    """The error of a result envelope, rebuilt as the library type it names (a type this
    version does not know becomes a ConflictModelError with the same message)."""
    if data is None:
        return None
    if not isinstance(data, Mapping) or not isinstance(data.get("message"), str):
        raise errors.SerializationError("envelope: error must be null or {type, message, stage}")
    cls = _ERROR_TYPES.get(str(data.get("type")), ConflictModelError)
    stage = data.get("stage")
    if issubclass(cls, ParseError):
        return cls(data["message"], stage=stage if isinstance(stage, str) else None)
    return cls(data["message"])


def _json_lines(source: str | os.PathLike[str] | Iterable[str]) -> Iterator[tuple[str, str]]:
    """(name, line) for each non-blank line of a file (by path) or of an iterable of lines."""
    if isinstance(source, str | os.PathLike):
        path = os.fsdecode(source)
        try:
            handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}", source=path) from None
        with handle:
            try:
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        yield f"{path}:{number}", line
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: not UTF-8 text ({exc.reason})", source=path) from None
        return
    for number, line in enumerate(source, 1):
        if line.strip():
            yield f"<line {number}>", line


def read_documents(
    source: str | os.PathLike[str] | Iterable[str],
) -> Iterator[Document | InputError]:
    """Read article records from JSON Lines for [`parse_many`][conflictmodel.batch.parse_many].

    Each line is an object ``{"id", "text", "published", "title", "url", "outlet"}`` (only
    ``"text"`` is required; other keys are ignored).  A line that is not such an object is
    yielded as an [`InputError`][conflictmodel.errors.InputError] naming the file and line,
    which ``parse_many`` passes through as a failed result in its place: one bad line is
    reported and the rest go on.

    Args:
        source: a path to a ``.jsonl`` file (read as UTF-8), or an iterable of lines
            (``sys.stdin``, a list of strings).

    Raises:
        InputError: the file cannot be opened or is not UTF-8.

    Example:
        >>> lines = ['{"id": "tigray-1", "text": "The TPLF said talks would resume.", '
        ...          '"published": "2022-10-24"}', "not json"]
        >>> for r in parse_many(read_documents(lines), processes=1):
        ...     print(r.source, r.ok, r.article.published if r.ok else r.error)
        tigray-1 True 2022-10-24
        <line 2> False <line 2>: not a JSON object (Expecting value at column 1)
    """
    for name, line in _json_lines(source):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(
                f"{name}: not a JSON object ({exc.msg} at column {exc.colno})", source=name
            )
            continue
        if not isinstance(record, dict):
            yield InputError(f"{name}: not a JSON object", source=name)
            continue
        text = record.get("text")
        ident = record.get("id", record.get("source"))
        label = ident if isinstance(ident, str) and ident.strip() else name
        if not isinstance(text, str):
            yield InputError(f"{label}: record has no 'text' string", source=label)
            continue
        meta = {k: record.get(k) for k in ("title", "outlet", "url")}
        bad = next((k for k, v in meta.items() if v is not None and not isinstance(v, str)), None)
        if bad is not None:
            yield InputError(f"{label}: {bad} must be a string", source=label)
            continue
        yield Document(source=label, text=text, published=record.get("published"), **meta)


def read_results(source: str | os.PathLike[str] | Iterable[str]) -> Iterator[BatchResult]:
    """Read back result envelopes written one per line (``parse_many`` results'
    [`to_dict`][conflictmodel.batch.BatchResult.to_dict], the ``conflictmodel parse --format
    jsonl`` output, the Dask recipe's output).

    Raises:
        SerializationError: a line is not a result envelope (the message names the line).
        InputError: the file cannot be opened or is not UTF-8.

    Example:
        >>> import json
        >>> lines = [json.dumps(r.to_dict()) for r in parse_many(["Kyiv said no."], processes=1)]
        >>> [r.article.text for r in read_results(lines)]
        ['Kyiv said no.']
    """
    for name, line in _json_lines(source):
        try:
            yield BatchResult.from_dict(json.loads(line))
        except json.JSONDecodeError as exc:
            raise errors.SerializationError(f"{name}: not JSON ({exc.msg})") from None
        except errors.SerializationError as exc:
            raise errors.SerializationError(f"{name}: {exc}") from None


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
