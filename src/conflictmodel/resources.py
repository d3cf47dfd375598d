"""Loading the data files shipped in ``conflictmodel/data`` (JSON only: safe to load)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from conflictmodel.errors import GazetteerError

__all__ = ["load_data", "load_json_file"]


@cache
def load_data(name: str) -> Any:
    """Load ``conflictmodel/data/<name>`` once per process.

    The result is cached and shared: treat it as read-only (copy before changing it).

    Example:
        >>> isinstance(load_data("cues.json"), dict)
        True
    """
    try:
        raw = resources.files("conflictmodel").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GazetteerError(f"no data file named {name!r} in conflictmodel/data") from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GazetteerError(f"data file {name}: invalid JSON: {exc}") from exc


def load_json_file(path: str | Path) -> Any:
    """Load a user's JSON data file, with errors that name the file.

    Example:
        >>> load_json_file("/nonexistent.json")
        Traceback (most recent call last):
        ...
        conflictmodel.errors.GazetteerError: cannot read /nonexistent.json: No such file or directory
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerError(f"cannot read {p}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"cannot read {p}: not UTF-8 ({exc.reason})") from exc
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GazetteerError(f"{p}: invalid JSON: {exc}") from exc
