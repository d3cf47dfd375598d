"""Integrations with optional third-party libraries.

Each submodule needs its own extra and is imported explicitly, never by ``import
conflictmodel``: ``conflictmodel.contrib.dask`` needs ``pip install 'conflictmodel[dask]'``.

Example:
    >>> import conflictmodel.contrib
    >>> conflictmodel.contrib.__name__
    'conflictmodel.contrib'
"""
