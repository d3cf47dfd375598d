"""Parse corpora with [dask.bag](https://docs.dask.org/en/stable/bag.html), on one machine or a
cluster.

Needs the ``dask`` extra: ``pip install 'conflictmodel[dask]'``.

[`parse_bag`][conflictmodel.contrib.dask.parse_bag] turns a bag of inputs (the same kinds
[`parse_many`][conflictmodel.batch.parse_many] accepts: texts, paths, ``(source, text)``
pairs, Documents, records with ``"text"``) into a bag of JSON-ready result records, one per
input: ``{"source", "index", "article", "error"}`` as
[`BatchResult.to_dict`][conflictmodel.batch.BatchResult.to_dict] makes them (``index``
counts within the input's partition).  A bad item is a record with ``"error"`` set, never a
failed computation.  [`read_folder`][conflictmodel.contrib.dask.read_folder] makes a bag of
the paths of a folder's articles; the files are read by the workers.

Recipe: a folder of articles to JSON Lines, on all local cores::

    import json
    from conflictmodel.contrib.dask import parse_bag, read_folder

    records = parse_bag(read_folder("corpus/", pattern="*.txt"), published="2025-06-01")
    records.map(json.dumps).to_textfiles("parsed/part-*.jsonl")   # scheduler: processes
    failed = records.filter(lambda r: r["error"] is not None).pluck("source").compute()

JSON Lines input (one ``{"text": ..., "source": ..., "published": ...}`` per line)::

    import dask.bag as db
    records = parse_bag(db.read_text("scrape/*.jsonl").map(json.loads))

On a cluster, install ``distributed`` and conflictmodel on every worker, create a
``dask.distributed.Client`` before calling ``compute`` and the same bag runs there; paths
must then name files every worker can read (a shared file system), or send texts instead.
Each partition builds the pipeline once, and each worker process builds the default gazetteer
once; a custom pipeline or gazetteer travels with the task graph, so it must be picklable
(parser classes defined at module level).

Example:
    >>> import dask.bag as db
    >>> bag = db.from_sequence(
    ...     ["Ethiopia and Eritrea signed a peace deal in Jeddah.", ("bad", None)], npartitions=1)
    >>> [(r["source"], r["error"] and r["error"]["type"])
    ...  for r in parse_bag(bag).compute(scheduler="sync")]
    [('<partition 0 item 0>', None), ('bad', 'InputError')]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

try:
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - the extra is installed in development
    raise ImportError(
        "conflictmodel.contrib.dask needs dask: pip install 'conflictmodel[dask]'"
    ) from exc

from conflictmodel.batch._jobs import (
    _make_settings,
    _resolve,
    _run_job,
    _Settings,
    _to_job,
)
from conflictmodel.batch._records import Published
from conflictmodel.errors import InputError
from conflictmodel.pipeline import Pipeline

if TYPE_CHECKING:
    from conflictmodel.gazetteer import Gazetteer

__all__ = ["parse_bag", "read_folder"]

# dask's own annotations leave these untyped; name the types we rely on.
_from_sequence: Callable[..., db.Bag] = db.from_sequence
_map_partitions: Callable[..., db.Bag] = db.map_partitions


def _parse_partition(
    items: Iterable[Any], partition: Iterable[int], *, settings: _Settings, as_results: bool
) -> list[Any]:
    [number] = list(partition)
    resolved = _resolve(settings)
    out: list[Any] = []
    for i, item in enumerate(items):
        result = _run_job(_to_job(item, i, f"partition {number} "), resolved)
        out.append(result if as_results else result.to_dict())
    return out


def parse_bag(
    bag: db.Bag,
    *,
    published: Published = None,
    pipeline: Pipeline | Sequence[str] | None = None,
    gazetteer: Gazetteer | None = None,
    encoding: str = "utf-8",
    output: Literal["dicts", "results"] = "dicts",
) -> db.Bag:
    """Parse every input in ``bag``; lazily, like every bag operation.

    Args:
        bag: a ``dask.bag.Bag`` of inputs.
        published, pipeline, gazetteer, encoding: as for
            [`parse_many`][conflictmodel.batch.parse_many].
        output: ``"dicts"`` (default) for JSON-ready records, ``"results"`` for
            [`BatchResult`][conflictmodel.batch.BatchResult] objects.

    Raises:
        InputError: ``bag`` is not a Bag, or a batch-wide argument is invalid.

    Example:
        >>> import dask.bag as db
        >>> bag = db.from_sequence([{"source": "kivu-1", "text": "M23 rebels seized Goma."}])
        >>> [r] = parse_bag(bag, output="results").compute(scheduler="sync")
        >>> r.source, r.ok
        ('kivu-1', True)
    """
    if not isinstance(bag, db.Bag):
        raise InputError(f"parse_bag() expects a dask.bag.Bag, got {type(bag).__name__}")
    if output not in ("dicts", "results"):
        raise InputError(f"output must be 'dicts' or 'results', got {output!r}")
    settings = _make_settings(published, pipeline, gazetteer, encoding)
    numbers = _from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    return _map_partitions(
        _parse_partition, bag, numbers, settings=settings, as_results=output == "results"
    )


def read_folder(
    path: str | os.PathLike[str],
    *,
    pattern: str = "*.txt",
    recursive: bool = False,
    npartitions: int | None = None,
) -> db.Bag:
    """A bag of the paths of the article files in a folder, sorted; feed it to
    [`parse_bag`][conflictmodel.contrib.dask.parse_bag].

    Files are not opened here: each worker reads its own, so a missing, empty or binary file
    becomes an error record of its own.

    Args:
        path: the folder.
        pattern: a glob pattern for the file names.
        recursive: look in subfolders too.
        npartitions: default about 100 partitions for large folders (dask's own choice).

    Raises:
        InputError: ``path`` is not a folder.

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("Kashmir talks stalled.", encoding="utf-8")
        >>> _ = (folder / "b.txt").write_bytes(b"")
        >>> [(pathlib.Path(r["source"]).name, r["error"] and r["error"]["message"][-10:])
        ...  for r in parse_bag(read_folder(folder)).compute(scheduler="sync")]
        [('a.txt', None), ('b.txt', 'empty file')]
    """
    folder = Path(path)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    files = sorted(
        p for p in (folder.rglob(pattern) if recursive else folder.glob(pattern)) if p.is_file()
    )
    if npartitions is not None:
        npartitions = max(1, min(npartitions, len(files) or 1))
    return _from_sequence(files, npartitions=npartitions)
