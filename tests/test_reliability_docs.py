"""The Dask how-to's complete job works when pasted into a script and run with ``python``.

tests/test_docs.py runs it too, but inside a runner whose own ``__main__`` is guarded; this runs
the block as the reader would: as the whole of ``job.py``, with Dask's default (process, spawn)
scheduler re-importing it in every worker.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_docs import DOCS, extract_blocks


def complete_job() -> str:
    [block] = [
        b
        for b in extract_blocks(DOCS / "howto" / "parallel.md")
        if b.lang == "python" and "to_textfiles" in b.code and "def main" in b.code
    ]
    return block.code


def test_the_complete_dask_job_is_guarded_for_spawned_workers() -> None:
    code = complete_job()
    assert 'if __name__ == "__main__":\n    main()' in code
    # Nothing but definitions and imports runs at import time, in a worker.
    top_level = [
        line
        for line in code.splitlines()
        if line and not line[0].isspace() and not line.startswith((")", "]", "}"))
    ]
    assert all(
        line.startswith(("import ", "from ", "def ", 'if __name__ == "__main__":'))
        for line in top_level
    ), top_level


def test_the_complete_dask_job_runs_as_a_script(tmp_path: Path) -> None:
    script = tmp_path / "job.py"
    script.write_text(complete_job(), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "parsed-0.jsonl" in proc.stdout
    assert "BrokenProcessPool" not in proc.stderr
