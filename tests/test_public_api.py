"""The public API, listed (as griffe's API checks do): moving a module or renaming a function
cannot drop a name users import without this test failing.

``tests/data/public_api.txt`` holds one ``module:name`` line per public name (the ``__all__``
of every public module).  A name may be added freely; removing one is a breaking change that
needs a deprecation period first, so the line stays until then.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

LISTING = Path(__file__).parent / "data" / "public_api.txt"
ENTRIES = [line.split(":") for line in LISTING.read_text(encoding="utf-8").split() if line]


def test_the_listing_is_not_empty() -> None:
    assert len(ENTRIES) > 150


@pytest.mark.parametrize(("module", "name"), ENTRIES, ids=[":".join(e) for e in ENTRIES])
def test_every_listed_name_is_still_public(module: str, name: str) -> None:
    mod = importlib.import_module(module)
    assert name in getattr(mod, "__all__", ()), f"{module}.__all__ lost {name!r}"
    assert getattr(mod, name, None) is not None, f"{module}.{name} is gone"
