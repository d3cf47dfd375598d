"""cm-amnesty: an example downstream package that adds an ``amnesty`` parser to conflictmodel.

Installing the package is enough to register the parser: its ``pyproject.toml`` declares it in
the ``conflictmodel.parsers`` entry-point group.
"""

from __future__ import annotations

from cm_amnesty.parser import AmnestyParser

__all__ = ["AmnestyParser"]
