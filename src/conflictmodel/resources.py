"""Loading the data files shipped in ``conflictmodel/data`` (JSON only: safe to load)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from conflictmodel.errors import GazetteerError

__all__ = ["load_data", "load_json_file", "merge_phrase_tables", "phrase_table"]


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


def phrase_table(
    raw: Any, where: str, *, what: str, key: Callable[[str], object] | None = None
) -> dict[str, tuple[str, ...]]:
    """A lexicon table of ``name -> list of phrases`` from a data file or a user, checked.

    ``what`` names the keys in messages; ``key``, if given, must accept every key (an enum such
    as ``ClaimKind``; a ``ValueError`` makes the key wrong).

    Raises:
        GazetteerError: ``raw`` is not such a table, or a key is not a ``key``.

    Example:
        >>> phrase_table({"opposes": ["rejected"]}, "stances.json: forward", what="stance")
        {'opposes': ('rejected',)}
    """
    if not isinstance(raw, Mapping):
        raise GazetteerError(f"{where}: expected an object of {what} -> list of phrases")
    out: dict[str, tuple[str, ...]] = {}
    for k, v in raw.items():
        if key is not None:
            try:
                key(k)
            except ValueError:
                raise GazetteerError(
                    f"{where}: {k!r} is not a {getattr(key, '__name__', what)}"
                ) from None
        if isinstance(v, str) or not isinstance(v, Iterable):
            raise GazetteerError(f"{where}: {k!r} must map to a list of phrases")
        out[str(k)] = tuple(v)
    return out


def merge_phrase_tables(
    old: Mapping[str, tuple[str, ...]], new: Mapping[str, Iterable[str]] | None
) -> dict[str, tuple[str, ...]]:
    """``old`` with the phrases of ``new`` appended under their names (what a lexicon's
    ``extend`` does with a table).

    Example:
        >>> merge_phrase_tables({"opposes": ("rejected",)}, {"opposes": ["balked at"], "supports": ["backed"]})
        {'opposes': ('rejected', 'balked at'), 'supports': ('backed',)}
    """
    out = dict(old)
    for k, v in (new or {}).items():
        out[k] = (*out.get(k, ()), *v)
    return out
