"""``python -m conflictmodel``: the same command line as ``conflictmodel``."""

from __future__ import annotations

from conflictmodel.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
