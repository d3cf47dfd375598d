"""The docs site keeps identifiers whole in wide tables (issue 15): reference tables list long
names such as ``TerritorialClaim`` and ``conflictmodel.contrib.dask``; a browser that breaks
them mid-word makes them impossible to copy."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _extra_css() -> list[str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^extra_css:\n((?:\s+- .+\n)+)", text, re.M)
    assert block, "mkdocs.yml declares no extra_css"
    return [line.split("- ", 1)[1].strip() for line in block.group(1).splitlines()]


def test_table_code_does_not_wrap_mid_word() -> None:
    sheets = _extra_css()
    css = "\n".join((ROOT / "docs" / s).read_text(encoding="utf-8") for s in sheets)
    rules = dict(re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)))
    table_code = [body for sel, body in rules.items() if "table" in sel and "code" in sel]
    assert any("white-space: nowrap" in body for body in table_code)
    assert all("word-break: keep-all" in body for body in table_code)
