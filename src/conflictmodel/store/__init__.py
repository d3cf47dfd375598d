"""An embedded store: parsed articles in one SQLite file.

Each article is stored twice: whole, as the JSON of
[`to_json`][conflictmodel.serialization.to_json] (read back losslessly by
[`get_article`][conflictmodel.store.Store.get_article]), and spread over normalised tables
(actors, territories, statements, proposals, provisions, positions, claims,
events) for querying with
SQL.  The schema is documented in ``docs/store.md`` and versioned with ``PRAGMA user_version``
and a ``meta`` table; a store written by an older version is migrated, in one transaction, when
it is opened for writing.

Articles are keyed by [`article_key`][conflictmodel.corpus.article_key], the SHA-256 of their
text, so ingesting the same article twice changes nothing.  Each article (or each batch, see
[`ingest`][conflictmodel.store.Store.ingest]) is written in one transaction: a failure or a
crash part-way loses nothing that was already committed and leaves no half-written article.
Several processes may open, create and write the same file at once.

Every error is a [`StoreError`][conflictmodel.errors.StoreError] (or an
[`InputError`][conflictmodel.errors.InputError] for an argument of the wrong type), including
for a damaged file.

Example:
    >>> import tempfile, pathlib
    >>> from conflictmodel import Actor, Article, Span
    >>> ua = Actor(id="state:UA", name="Ukraine", kind="state", country="UA",
    ...            mentions=[Span(start=0, end=4)])
    >>> art = Article(text="Kyiv said no.", actors=[ua])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "cm.sqlite"
    >>> with Store(path) as store:
    ...     key = store.add(art, source="kyiv.txt")
    ...     again = store.add(art)
    ...     print(key == again, len(store), store.get_article(key) == art)
    True 1 True
"""

from __future__ import annotations

from conflictmodel.store._events import StoredEvent

# Layout (the submodules are private; this module is the public path):
#   _schema   the schema, its migrations, and checking, creating or migrating a file
#   _connect  opening the file (read-only, recovering a hot journal), transactions, errors
#   _write    an article's rows: the articles table and the query tables; IngestReport
#   _read     reading back: keys, sources, articles from their JSON, read-only SQL
#   _store    the Store class
# _MIGRATIONS and SCHEMA_VERSION are read from this module when a store is opened.
from conflictmodel.store._schema import _MIGRATIONS as _MIGRATIONS
from conflictmodel.store._schema import _SCHEMA_V1 as _SCHEMA_V1
from conflictmodel.store._schema import SCHEMA_VERSION
from conflictmodel.store._schema import _Migration as _Migration
from conflictmodel.store._store import Store
from conflictmodel.store._write import IngestReport

__all__ = ["SCHEMA_VERSION", "IngestReport", "Store", "StoredEvent"]
