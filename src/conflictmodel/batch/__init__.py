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

# The implementation lives in private modules split by concern (records, one item's job, the
# pool); this module is the public face, and these names are the stable import paths.
from conflictmodel.batch._pool import default_processes, parse_many
from conflictmodel.batch._records import (
    MAX_INPUT_BYTES,
    BatchResult,
    Document,
    read_documents,
    read_results,
)

__all__ = [
    "MAX_INPUT_BYTES",
    "BatchResult",
    "Document",
    "default_processes",
    "parse_many",
    "read_documents",
    "read_results",
]
