"""Every docstring example in the package runs and shows what it says."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import conflictmodel

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(conflictmodel.__path__, prefix="conflictmodel.")
    if not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module, name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_public_names_have_examples() -> None:
    missing = [
        name
        for name in conflictmodel.__all__
        if not name.startswith("_")
        and ">>>" not in (getattr(getattr(conflictmodel, name), "__doc__", None) or "")
        and callable(getattr(conflictmodel, name))
    ]
    assert not missing, f"public names without a docstring example: {missing}"
