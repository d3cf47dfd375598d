"""Griffe extension used by the docs build: read the project's docstring conventions.

Two conventions of the project's Google-style docstrings are not what Griffe expects:

- Doctests are introduced by ``Example:``.  Griffe reads only ``Examples:`` (plural) as an
  examples section and turns the singular into an admonition whose ``>>>`` lines are rendered
  as Markdown, where doctest output such as ``[('a', 'b')]`` looks like a reference link.
- Parameters that share a description are listed together (``title, outlet, url: metadata``).
  Griffe takes ``title, outlet, url`` for one unknown parameter.

The extension rewrites both before Griffe parses the docstring: the heading becomes
``Examples:``, and a shared entry becomes one entry per parameter with the same description.
The source is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_SINGULAR = re.compile(r"^(\s*)Example:[ \t]*$", re.MULTILINE)
_PARAM_SECTION = re.compile(
    r"^(?P<indent>[ \t]*)(?:Args|Arguments|Params|Parameters|Keyword Args|Keyword Arguments|"
    r"Other Args|Other Arguments|Other Parameters):[ \t]*$"
)
_SHARED = re.compile(
    r"^(?P<indent>[ \t]+)(?P<names>[A-Za-z_]\w*(?:,[ \t]*[A-Za-z_]\w*){1,20}):(?P<rest>.*)$"
)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def split_shared_parameters(doc: str) -> str:
    """Give each parameter of a shared ``a, b: text`` entry an entry of its own.

    Example:
        >>> print(split_shared_parameters("Args:\\n    a, b: shared\\n        more\\n    c: own"))
        Args:
            a: shared
                more
            b: shared
                more
            c: own
    """
    lines = doc.splitlines()
    out: list[str] = []
    section: int | None = None  # indentation of the current parameters section heading
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() and section is not None and _indent(line) <= section:
            section = None
        heading = _PARAM_SECTION.match(line)
        if heading:
            section = len(heading.group("indent"))
            out.append(line)
            i += 1
            continue
        shared = _SHARED.match(line) if section is not None else None
        if shared is None:
            out.append(line)
            i += 1
            continue
        item_indent = len(shared.group("indent"))
        body = [shared.group("rest")]
        i += 1
        while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > item_indent):
            body.append("\n" + lines[i])
            i += 1
        # Blank lines after the entry separate it from what follows: leave them there.
        while len(body) > 1 and not body[-1].strip():
            body.pop()
            i -= 1
        names = [n.strip() for n in shared.group("names").split(",")]
        for name in names:
            out.append(shared.group("indent") + name + ":" + "".join(body))
    return "\n".join(out)


class DocstringConventions(griffe.Extension):
    """Apply both rewrites to the docstring of every loaded object."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            value = _SINGULAR.sub(r"\1Examples:", obj.docstring.value)
            obj.docstring.value = split_shared_parameters(value)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        # A package's own docstring is not passed to on_object.
        self.on_object(obj=pkg)
