"""The benchmark (bench/run.py, bench/measure.py, bench/compare.py) runs and reports every figure.

Only the shape and sanity of the report are checked here, on tiny sizes: speed lives in the
benchmark's output, never in a test's assertions.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import compare  # noqa: E402
import measure  # noqa: E402
import run  # noqa: E402

from conflictmodel.pipeline import default_pipeline  # noqa: E402

TINY = run.Plan(
    corpus=3,
    small=3_000,
    bigs=(3_000, 6_000),
    adv_sizes=(300, 1_000),
    min_cpu=0.0,
    budget=60.0,
)


@pytest.fixture(scope="module")
def tiny() -> dict[str, Any]:
    results = run.run_sides(TINY, {"here": run.inprocess_runner("conflictmodel", 0.0)})
    return {"results": results["here"], "figures": run.figures(TINY, results["here"])}


def _positive(v: object) -> bool:
    return isinstance(v, float | int) and not isinstance(v, bool) and v > 0 and math.isfinite(v)


def test_every_workload_is_measured(tiny: dict[str, Any]) -> None:
    names = [name for name, _ in TINY.workloads()]
    assert list(tiny["results"]) == names
    for name, r in tiny["results"].items():
        assert "skipped" not in r, name
        for key in ("cpu_s", "us_per_byte", "mb_per_s", "x_wordre", "wordre_us_per_byte"):
            assert _positive(r[key]), (name, key, r[key])
        assert r["bytes"] > 0
        assert r["peak_rss_mb"] >= r["rss_loaded_mb"] > 0


def test_headline_figures(tiny: dict[str, Any]) -> None:
    figs = tiny["figures"]
    for key in ("corpus", "seeds"):
        assert _positive(figs[key]["mb_per_s"])
        assert _positive(figs[key]["x_wordre"])
        assert _positive(figs[key]["peak_rss_mb"])
    assert set(figs["linearity"]) == {"3 KB", "6 KB"}
    assert all(_positive(v) for v in figs["linearity"].values())
    assert set(figs["adversarial"]) == set(measure.ISSUE_KINDS)
    assert all(_positive(a["ratio"]) for a in figs["adversarial"].values())


def test_stages_are_the_default_pipeline(tiny: dict[str, Any]) -> None:
    names = list(default_pipeline().names)
    for key in ("corpus", "seeds"):
        stages = tiny["figures"]["stages_s_per_mb"][key]
        assert list(stages) == [*names, "(outside stages)"]
        assert all(v >= 0 for v in stages.values())


def test_report_prints_every_side(tiny: dict[str, Any]) -> None:
    figs = {"a": tiny["figures"], "b": tiny["figures"]}
    text = run.report_text(TINY, figs)
    assert "MB/s per core" in text
    assert "\\w+ pass" in text
    assert "linearity: one 6 KB article" in text
    section = compare.docs_section(
        TINY,
        figs,
        {
            "machine": run.machine(),
            "commit": "abc",
            "date": "today",
            "command": "python bench/compare.py",
            "wall_s": 60.0,
            "load_average_before": [0.0, 0.0, 0.0],
            "load_average_after": [0.0, 0.0, 0.0],
        },
    )
    assert section.startswith(compare.BEGIN)
    assert section.endswith(compare.END)
    assert "| --- |" in section


def test_performance_page_has_the_generated_section(tmp_path: Path) -> None:
    page = ROOT / "docs" / "performance.md"
    copy = tmp_path / "performance.md"
    copy.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    compare.write_docs(copy, f"{compare.BEGIN}\nnew\n{compare.END}")
    assert f"{compare.BEGIN}\nnew\n{compare.END}" in copy.read_text(encoding="utf-8")


def test_a_workload_over_budget_is_skipped_not_run() -> None:
    calls: list[str] = []

    def slow(name: str, stages: bool, budget: float) -> dict[str, Any]:
        calls.append(name)
        figures = {"cpu_s": 50.0, "us_per_byte": 1.0, "mb_per_s": 1.0, "x_wordre": 9.0}
        return {"workload": name, "peak_rss_mb": 40.0, **figures}

    plan = run.Plan(corpus=0, seeds=False, small=1_000, bigs=(10_000,), adv_kinds=(), budget=100)
    results = run.run_sides(plan, {"x": slow})["x"]
    assert calls == ["small:1000"]
    assert results["big:10000"]["skipped"].startswith("> 100 CPU s")
    assert run.figures(plan, results)["linearity"]["10 KB"].startswith("skipped")


def test_child_process_reports_json() -> None:
    proc = subprocess.run(
        [sys.executable, "bench/measure.py", "--workload", "adv:newlines:200", "--min-cpu", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["engine"] == "conflictmodel"
    assert out["bytes"] == 200
    assert _positive(out["peak_rss_mb"])


def test_adversarial_inputs_have_the_size_asked() -> None:
    for kind, make in measure.ADVERSARIAL.items():
        size = len(make(10_000).encode("utf-8", "surrogatepass"))
        assert 9_900 <= size <= 10_000, kind


def test_stream_table_reads_the_stream_figures() -> None:
    stream = {"docs": 10, "processes": 2, "bytes": 30_000, "wall_s": 1.0, "cpu_s": 0.5}
    table = run.stream_table({"a": {"stream": stream}, "b": {}})
    assert table is not None
    assert table.sides == ["a"]
    assert dict(table.rows)["articles"] == ["10"]
    assert run.stream_table({"b": {}}) is None
