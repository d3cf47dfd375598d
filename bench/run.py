"""Benchmark conflictmodel: speed per core, cost per byte against a ``\\w+`` pass, linearity,
per-stage cost and peak memory, all in CPU time.

Run from the repository root::

    python bench/run.py                   # the full benchmark (about 5 minutes of CPU)
    python bench/run.py --quick           # small sizes, well under a minute
    python bench/run.py --json out.json   # also write every figure as JSON
    python bench/run.py --adversarial     # every hostile kind, not only the four of the target
    python bench/run.py --stream 10000    # also stream articles through parse_many (wall clock)
    python bench/run.py --profile corpus  # cProfile hot spots (corpus, big or an adversarial kind)

``bench/compare.py`` runs the same workloads with today's main and with textacy + spaCy, side
by side.

How it measures.  Each workload runs in a fresh child process (``bench/measure.py``), which
loads the library, parses a warm-up sentence, then parses the workload and reports the CPU time
of that process (``time.process_time``), never wall clock, so other jobs on the machine do not
count.  Small workloads repeat until they have used ``--min-cpu`` seconds.  In the same child a
``\\w+`` regex pass (``re.findall``) over the same texts is timed, and ``x_wordre`` is the
pipeline's cost over that pass's.  Peak memory is the child's own peak resident set size
(``VmHWM``), so it is not memory inherited from a parent.  A child that uses more than
``--budget`` CPU seconds is stopped and its workload reported as skipped; a workload whose cost
predicted from a smaller one (at least linear) exceeds the budget is skipped without running.

Workloads: the seeds (``seeds/``), a generated corpus (``bench/generate.py``), one 1 MB and one
5 MB generated article against the same kind of text cut into ~1 KB articles (the linearity
ratio is the cost per byte of the big article over that of the small ones), and hostile input
at 10 KB and 1 MB (the ratio is the cost per byte at 1 MB over that at 10 KB).  MB are 10**6
bytes of UTF-8.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from measure import ADVERSARIAL, ISSUE_KINDS, MB, measure, workload

ROOT = Path(__file__).resolve().parent.parent
MEASURE = Path(__file__).resolve().parent / "measure.py"

Result = dict[str, Any]
Runner = Callable[[str, bool, float], Result]
"""Measure a workload (name, time stages too, CPU budget) and return its figures."""


@dataclass(frozen=True)
class Plan:
    """The workloads of one benchmark run."""

    corpus: int = 300
    seeds: bool = True
    small: int = MB
    bigs: tuple[int, ...] = (MB, 5 * MB)
    adv_sizes: tuple[int, int] = (10_000, MB)
    adv_kinds: tuple[str, ...] = ISSUE_KINDS
    min_cpu: float = 2.0
    budget: float = 200.0
    mem_limit_mb: float = 8000.0

    def workloads(self) -> list[tuple[str, bool]]:
        """(workload, time its stages) in the order they run."""
        out: list[tuple[str, bool]] = []
        if self.seeds:
            out.append(("seeds", True))
        if self.corpus:
            out.append((f"corpus:{self.corpus}", True))
        if self.bigs:
            out.append((f"small:{self.small}", False))
            out.extend((f"big:{b}", False) for b in sorted(self.bigs))
        for kind in self.adv_kinds:
            out.extend((f"adv:{kind}:{s}", False) for s in self.adv_sizes)
        return out


FULL = Plan()
FULL_MEM = FULL.mem_limit_mb
QUICK = Plan(
    corpus=20, small=50_000, bigs=(50_000, 100_000), adv_sizes=(1_000, 10_000), min_cpu=0.1
)


def human(size: int) -> str:
    """1000000 -> '1 MB', 10000 -> '10 KB'."""
    if size >= MB:
        return f"{size / MB:g} MB"
    if size >= 1000:
        return f"{size / 1000:g} KB"
    return f"{size} B"


def git_commit(root: Path = ROOT) -> str:
    """The commit checked out at ``root``, with ``+dirty`` if src/ has uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--", "src"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def machine() -> dict[str, Any]:
    """CPU model, cores, memory, Python and OS of this machine, and its load now."""
    cpu = platform.processor() or platform.machine()
    memory = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024**2:.0f} GiB"
    except (OSError, ValueError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": os.getloadavg(),
    }


def child_env() -> dict[str, str]:
    """The environment of a measuring child: one BLAS/OpenMP thread, no bytecode writes."""
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONPATH", None)
    return env


def subprocess_runner(
    python: str | Path, engine: str, min_cpu: float, mem_limit_mb: float = FULL_MEM
) -> Runner:
    """Measure each workload in a fresh ``python`` process that has ``engine`` installed.

    The child is stopped after ``budget`` CPU seconds (``RLIMIT_CPU``) and cannot map more than
    ``mem_limit_mb`` (``RLIMIT_AS``: it fails with ``MemoryError``, reported as skipped).
    """

    def run(name: str, stages: bool, budget: float) -> Result:
        cmd = [str(python), str(MEASURE), "--engine", engine, "--workload", name]
        cmd += ["--min-cpu", str(min_cpu), "--cpu-limit", str(budget)]
        cmd += ["--mem-limit", str(mem_limit_mb)]
        if stages:
            cmd.append("--stages")
        try:
            proc = subprocess.run(
                cmd,
                capture_output=True,
                text=True,
                env=child_env(),
                cwd=str(ROOT),
                timeout=4 * budget + 120,  # wall-clock backstop; the CPU limit stops it first
            )
        except subprocess.TimeoutExpired:
            return {"workload": name, "skipped": f"> {4 * budget + 120:.0f} s wall clock"}
        if proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
            return {"workload": name, "skipped": f"> {budget:.0f} CPU s"}
        if proc.returncode != 0:
            err = (proc.stderr.strip().splitlines() or ["?"])[-1]
            if "MemoryError" in err:
                return {"workload": name, "skipped": f"> {mem_limit_mb / 1000:g} GB memory"}
            return {"workload": name, "skipped": f"failed: {err[:200]}"}
        return dict(json.loads(proc.stdout.strip().splitlines()[-1]))

    return run


def inprocess_runner(engine: str, min_cpu: float) -> Runner:
    """Measure in this process (no fresh memory, no budget): for tests of the benchmark."""

    def run(name: str, stages: bool, budget: float) -> Result:
        return measure(engine, name, min_cpu=min_cpu, max_runs=3, stages=stages)

    return run


def stream_figures(python: str | Path, count: int, processes: int = 2) -> Result:
    """Stream ``count`` articles through ``parse_many`` from a fresh ``python`` process."""
    cmd = [str(python), str(MEASURE), "--workload", f"stream:{count}:{processes}"]
    proc = subprocess.run(
        cmd, capture_output=True, text=True, env=child_env(), cwd=str(ROOT), check=False
    )
    if proc.returncode != 0:
        err = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"workload": f"stream:{count}", "skipped": f"failed: {err[:200]}"}
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def stream_table(figs: Mapping[str, Mapping[str, Any]]) -> Table | None:
    """``parse_many`` streaming figures, one column per side that has them."""
    have = {side: f["stream"] for side, f in figs.items() if "stream" in f}
    if not have:
        return None
    t = Table(list(have))
    rows: tuple[tuple[str, str, int], ...] = (
        ("articles", "docs", 0),
        ("worker processes", "processes", 0),
        ("MB", "bytes", 0),
        ("wall clock s", "wall_s", 1),
        ("MB/s, wall clock", "wall_mb_per_s", 3),
        ("CPU s, parent and workers", "cpu_s", 1),
        ("µs/byte, CPU of parent and workers", "us_per_byte", 2),
        ("parent RSS growth MB (first to last tenth)", "parent_rss_growth_mb", 1),
        ("worker peak RSS MB", "worker_peak_rss_mb", 0),
    )
    for label, key, digits in rows:
        cells = []
        for s in have.values():
            v = s.get(key, s.get("skipped"))
            if key == "bytes" and isinstance(v, int):
                v = v / MB
                digits = 2
            cells.append(_fmt(v, digits))
        t.add(label, cells)
    return t


def _predicted(results: Mapping[str, Result], smaller: str, size: int, small: int) -> float:
    """CPU seconds a workload of ``size`` bytes will take at least, from one of ``small``."""
    r = results.get(smaller)
    if r is None or "cpu_s" not in r:
        return 0.0
    return float(r["cpu_s"]) * size / max(small, 1)


def run_sides(
    plan: Plan,
    runners: Mapping[str, Runner],
    log: Callable[[str], None] = lambda _: None,
) -> dict[str, dict[str, Result]]:
    """Run every workload of ``plan`` on every side, side after side for each workload.

    Returns side -> workload -> figures (or ``{"skipped": why}``).
    """
    results: dict[str, dict[str, Result]] = {side: {} for side in runners}
    bigs = sorted(plan.bigs)
    for name, stages in plan.workloads():
        for side, runner in runners.items():
            done = results[side]
            predicted = 0.0
            if name.startswith("big:"):
                size = int(name.split(":")[1])
                i = bigs.index(size)
                prev, prev_size = (
                    (f"big:{bigs[i - 1]}", bigs[i - 1])
                    if i
                    else (f"small:{plan.small}", plan.small)
                )
                predicted = _predicted(done, prev, size, prev_size)
            elif name.startswith("adv:") and name.endswith(f":{plan.adv_sizes[1]}"):
                kind = name[4:].rpartition(":")[0]
                small = plan.adv_sizes[0]
                predicted = _predicted(done, f"adv:{kind}:{small}", plan.adv_sizes[1], small)
            if predicted > plan.budget:
                done[name] = {
                    "workload": name,
                    "skipped": f"> {plan.budget:.0f} CPU s (predicted >= {predicted:.0f} s)",
                }
            else:
                start = time.perf_counter()
                done[name] = runner(name, stages, plan.budget)
                done[name].setdefault("workload", name)
                done[name]["wall_s_child"] = round(time.perf_counter() - start, 2)
            log(f"{side:>16}  {name:32} {_brief(done[name])}")
    return results


def _brief(r: Result) -> str:
    if "skipped" in r:
        return f"skipped: {r['skipped']}"
    return (
        f"{r['cpu_s']:8.3f} CPU s  {r['mb_per_s']:6.3f} MB/s  {r['us_per_byte']:7.2f} us/B  "
        f"x{r['x_wordre']:.0f} \\w+  peak {r['peak_rss_mb']:.0f} MB"
    )


def _ratio(a: Result | None, b: Result | None) -> float | str | None:
    """Cost per byte of ``a`` over that of ``b``; the skip note if one was skipped."""
    if a is None or b is None:
        return None
    if "skipped" in a:
        return f"skipped: {a['skipped']}"
    if "skipped" in b:
        return f"skipped: {b['skipped']}"
    return float(a["us_per_byte"]) / float(b["us_per_byte"])


def figures(plan: Plan, results: Mapping[str, Result]) -> dict[str, Any]:
    """The headline figures of one side from its workload results."""
    out: dict[str, Any] = {}
    for key, name in (("seeds", "seeds"), ("corpus", f"corpus:{plan.corpus}")):
        r = results.get(name)
        if r is None:
            continue
        if "skipped" in r:
            out[key] = {"skipped": r["skipped"]}
            continue
        out[key] = {
            k: r[k]
            for k in ("docs", "bytes", "mb_per_s", "us_per_byte", "wordre_us_per_byte", "x_wordre")
        }
        out[key]["peak_rss_mb"] = r["peak_rss_mb"]
        if "stages_s_per_mb" in r:
            out.setdefault("stages_s_per_mb", {})[key] = r["stages_s_per_mb"]
        out.setdefault("rss_loaded_mb", r["rss_loaded_mb"])
    small = results.get(f"small:{plan.small}")
    if plan.bigs and small is not None:
        out["linearity"] = {
            human(b): _ratio(results.get(f"big:{b}"), small) for b in sorted(plan.bigs)
        }
    lo, hi = plan.adv_sizes
    if plan.adv_kinds:
        out["adversarial"] = {
            kind: {
                "us_per_byte_small": _us(results.get(f"adv:{kind}:{lo}")),
                "us_per_byte_large": _us(results.get(f"adv:{kind}:{hi}")),
                "ratio": _ratio(results.get(f"adv:{kind}:{hi}"), results.get(f"adv:{kind}:{lo}")),
            }
            for kind in plan.adv_kinds
        }
    out["peak_rss_mb"] = {
        name: r.get("peak_rss_mb", r.get("skipped")) for name, r in results.items()
    }
    out["us_per_byte"] = {
        name: r.get("us_per_byte", r.get("skipped")) for name, r in results.items()
    }
    versions = {r["version"] for r in results.values() if "version" in r}
    out["version"] = ", ".join(sorted(versions))
    return out


def _us(r: Result | None) -> float | None:
    return None if r is None or "skipped" in r else float(r["us_per_byte"])


# --- printing -------------------------------------------------------------------------------


def _fmt(v: Any, digits: int = 2) -> str:
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    if isinstance(v, float | int):
        return f"{v:,.{digits}f}"
    return str(v)


@dataclass
class Table:
    """Rows of (label, one cell per side)."""

    sides: list[str]
    rows: list[tuple[str, list[str]]] = field(default_factory=list)

    def add(self, label: str, cells: Sequence[str]) -> None:
        self.rows.append((label, list(cells)))

    def text(self) -> str:
        width = max([len(r[0]) for r in self.rows] + [10])
        cols = [max([len(s)] + [len(r[1][i]) for r in self.rows]) for i, s in enumerate(self.sides)]
        head = f"{'':{width}}  " + "  ".join(
            f"{s:>{c}}" for s, c in zip(self.sides, cols, strict=True)
        )
        lines = [head, "-" * len(head)]
        for label, cells in self.rows:
            lines.append(
                f"{label:{width}}  "
                + "  ".join(f"{v:>{c}}" for v, c in zip(cells, cols, strict=True))
            )
        return "\n".join(lines)

    def markdown(self, first: str = "") -> str:
        lines = [
            f"| {first} | " + " | ".join(self.sides) + " |",
            "| --- | " + " | ".join("---:" for _ in self.sides) + " |",
        ]
        lines += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in self.rows]
        return "\n".join(lines)


def headline(plan: Plan, figs: Mapping[str, Mapping[str, Any]]) -> Table:
    """The figures of the target, one column per side, and the target (issue 11) last."""
    sides = list(figs)
    t = Table([*sides, "target"])

    def row(
        label: str, get: Callable[[Mapping[str, Any]], Any], digits: int = 2, target: str = ""
    ) -> None:
        t.add(label, [*(_fmt(get(figs[s]), digits) for s in sides), target])

    def sub(*keys: str) -> Callable[[Mapping[str, Any]], Any]:
        def get(f: Mapping[str, Any]) -> Any:
            v: Any = f
            for k in keys:
                if not isinstance(v, Mapping) or k not in v:
                    return None
                v = v[k]
            return v

        return get

    for key, what in (("corpus", f"generated corpus ({plan.corpus} articles)"), ("seeds", "seeds")):
        if not any(key in f for f in figs.values()):
            continue
        row(f"{what}: MB/s per core", sub(key, "mb_per_s"), 3, "≥ 1")
        row(f"{what}: µs/byte", sub(key, "us_per_byte"), 2, "≤ 1")
        row(f"{what}: × \\w+ pass", sub(key, "x_wordre"), 0, "≤ 50")
        row(f"{what}: \\w+ pass µs/byte", sub(key, "wordre_us_per_byte"), 3)
        row(f"{what}: peak RSS MB", sub(key, "peak_rss_mb"), 0)
    for size in sorted(plan.bigs):
        row(
            f"linearity: one {human(size)} article / ~1 KB articles",
            sub("linearity", human(size)),
            target="≤ 1.2",
        )
    lo, hi = plan.adv_sizes
    for kind in plan.adv_kinds:
        row(
            f"adversarial {kind!r}: {human(hi)} / {human(lo)}",
            sub("adversarial", kind, "ratio"),
            target="≤ 1.2",
        )
    row("RSS after loading, MB", sub("rss_loaded_mb"), 0)
    return t


def memory_table(
    plan: Plan, figs: Mapping[str, Mapping[str, Any]], key: str = "peak_rss_mb", digits: int = 0
) -> Table:
    """Peak RSS (MB) of each workload's fresh process (or another figure per workload, such as
    ``us_per_byte``), one column per side."""
    t = Table(list(figs))
    for name, _ in plan.workloads():
        t.add(name, [_fmt(f.get(key, {}).get(name), digits) for f in figs.values()])
    return t


def stage_tables(figs: Mapping[str, Mapping[str, Any]]) -> dict[str, Table]:
    """Per side, CPU seconds per MB spent in each stage (rows) for the corpus and the seeds."""
    out: dict[str, Table] = {}
    for side, f in figs.items():
        stages = f.get("stages_s_per_mb") or {}
        if not stages:
            continue
        cols = list(stages)
        t = Table(cols)
        names: list[str] = []
        for col in cols:
            names += [n for n in stages[col] if n not in names]
        for n in names:
            t.add(n, [_fmt(stages[c].get(n), 2) for c in cols])
        t.add("total", [_fmt(sum(stages[c].values()), 2) for c in cols])
        out[side] = t
    return out


def report_text(plan: Plan, figs: Mapping[str, Mapping[str, Any]]) -> str:
    parts = [headline(plan, figs).text(), "", "CPU µs per byte of each workload:"]
    parts.append(memory_table(plan, figs, "us_per_byte", 2).text())
    parts += ["", "peak RSS (MB) of each workload's process:"]
    parts.append(memory_table(plan, figs).text())
    for side, t in stage_tables(figs).items():
        parts += ["", f"CPU s per MB by stage, {side}:", t.text()]
    streams = stream_table(figs)
    if streams is not None:
        parts += ["", "streaming through parse_many:", streams.text()]
    return "\n".join(parts)


def profile(what: str, quick: bool) -> str:
    """cProfile one workload; the top functions by own time, with their modules."""
    from conflictmodel import parse_article

    if what == "corpus":
        name = f"corpus:{100 if quick else 500}"
    elif what == "big":
        name = f"big:{100_000 if quick else MB}"
    elif what in ADVERSARIAL:
        name = f"adv:{what}:100000"
    else:
        raise SystemExit(f"--profile: corpus, big or one of {', '.join(ADVERSARIAL)}")
    docs = workload(name)
    parse_article("warm up: load data files.")
    prof = cProfile.Profile()
    prof.enable()
    for text, published in docs:
        parse_article(text, published=published)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats("conflictmodel", 25)
    return out.getvalue()


def plan_from(args: argparse.Namespace) -> Plan:
    plan = QUICK if args.quick else FULL
    changes: dict[str, Any] = {}
    if args.budget is not None:
        changes["budget"] = args.budget
    if args.count is not None:
        changes["corpus"] = args.count
    if args.min_cpu is not None:
        changes["min_cpu"] = args.min_cpu
    if getattr(args, "adversarial", False):
        changes["adv_kinds"] = tuple(ADVERSARIAL)
    return Plan(**(asdict(plan) | changes))


def add_plan_options(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--quick", action="store_true", help="small sizes: well under a minute")
    ap.add_argument("--json", type=Path, help="write every figure to this JSON file")
    ap.add_argument("--count", type=int, help="articles in the generated corpus")
    ap.add_argument(
        "--budget", type=float, help="CPU seconds allowed per workload (default 200; quick 200)"
    )
    ap.add_argument("--min-cpu", type=float, help="repeat small workloads up to this CPU time")


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    add_plan_options(ap)
    ap.add_argument("--adversarial", action="store_true", help="every hostile kind")
    ap.add_argument("--stream", type=int, help="also stream N articles through parse_many")
    ap.add_argument("--processes", type=int, default=2, help="workers for --stream")
    ap.add_argument("--python", default=sys.executable, help="the Python to measure with")
    ap.add_argument(
        "--profile", metavar="WORKLOAD", help="cProfile corpus, big or an adversarial kind"
    )
    args = ap.parse_args(argv)
    if args.profile:
        print(profile(args.profile, args.quick))
        return 0
    plan = plan_from(args)
    report: dict[str, Any] = {
        "machine": machine(),
        "commit": git_commit(),
        "plan": asdict(plan),
    }
    print(f"machine: {report['machine']}\ncommit: {report['commit']}", flush=True)
    started = time.perf_counter()
    side = "this tree"
    results = run_sides(
        plan,
        {side: subprocess_runner(args.python, "conflictmodel", plan.min_cpu, plan.mem_limit_mb)},
        log=lambda line: print(line, flush=True),
    )
    figs = {side: figures(plan, results[side])}
    if args.stream:
        figs[side]["stream"] = stream_figures(args.python, args.stream, args.processes)
    report["wall_s"] = round(time.perf_counter() - started, 1)
    report["results"] = results
    report["figures"] = figs
    print()
    print(report_text(plan, figs))
    print(f"\n{report['wall_s']} s wall clock in all")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
