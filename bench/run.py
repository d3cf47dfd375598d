"""Benchmark conflictmodel: throughput, memory, cost per byte, streaming, adversarial input.

Run from the repository root::

    python bench/run.py                 # the full benchmark (a few minutes on 2 cores)
    python bench/run.py --quick         # a smoke run in seconds
    python bench/run.py --json out.json # also write the figures as JSON
    python bench/run.py --adversarial   # linear-time check: 10 KB, 100 KB, 1 MB of nasty input
    python bench/run.py --profile corpus  # cProfile hot spots (corpus, big or an adversarial kind)

MB are 10**6 bytes of UTF-8.  "per core" rows parse in this process, one article after
another; the ``parse_many`` rows use every core.  Peak memory is what ``tracemalloc`` sees
Python allocate during the run (inputs included), or the resident set size (RSS) of a process.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import os
import platform
import pstats
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from generate import article_of_size, generate

from conflictmodel import parse_article
from conflictmodel.batch import default_processes, parse_many
from conflictmodel.context import ParseContext
from conflictmodel.pipeline import Parser, Pipeline, default_pipeline

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000


@dataclass
class Row:
    """One measured workload."""

    name: str
    articles: int
    megabytes: float
    seconds: float
    peak_mb: float | None = None
    note: str = ""

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else float("inf")


@dataclass
class Report:
    """Everything one run measured."""

    machine: dict[str, Any]
    rows: list[Row] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    adversarial: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        rows = [
            asdict(r) | {"articles_per_s": r.articles_per_s, "mb_per_s": r.mb_per_s}
            for r in self.rows
        ]
        return {
            "machine": self.machine,
            "rows": rows,
            "figures": self.figures,
            "adversarial": self.adversarial,
        }


def machine() -> dict[str, Any]:
    """CPU model, cores and Python version of this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": default_processes(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def size_mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / MB


def timed(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def traced_peak(fn: Callable[[], object]) -> float:
    """Peak MB that Python allocated while ``fn`` ran (tracemalloc; slows the run, so not timed)."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


def parse_all(texts: Sequence[str], published: str | None = None) -> None:
    for t in texts:
        parse_article(t, published=published)


def rss_mb() -> float:
    """This process's resident set size now (Linux), else its peak."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / MB
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000


def bench_seeds(report: Report, repeat: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if not texts:
        return

    def run() -> None:
        for _ in range(repeat):
            parse_all(texts)

    secs = timed(run)
    peak = traced_peak(lambda: parse_all(texts))
    report.rows.append(
        Row(
            "seeds, per core",
            len(texts) * repeat,
            size_mb(texts) * repeat,
            secs,
            peak,
            f"{len(texts)} seeds x {repeat}",
        )
    )


def bench_corpus(report: Report, count: int, workers: int) -> list[str]:
    arts = list(generate(count, seed=42))
    texts = [a.text for a in arts]
    mb = size_mb(texts)
    secs = timed(lambda: [parse_article(a.text, published=a.published) for a in arts])
    peak = traced_peak(lambda: parse_all(texts[: max(1, count // 10)]))
    report.rows.append(Row("generated corpus, per core", count, mb, secs, peak, "peak: first 10%"))
    if workers > 1:
        docs = [(a.source, a.text) for a in arts]
        secs = timed(lambda: sum(1 for _ in parse_many(docs, processes=workers)))
        report.rows.append(Row(f"generated corpus, parse_many x{workers}", count, mb, secs))
    return texts


def bench_big(report: Report, size: int) -> None:
    text = article_of_size(size, seed=7)
    secs = timed(lambda: parse_article(text))
    peak = traced_peak(lambda: parse_article(text))
    mb = size_mb([text])
    report.rows.append(
        Row(f"one {mb:.1f} MB article", 1, mb, secs, peak, f"peak {peak / mb:.0f}x input")
    )
    # The same bytes cut into ~1 KB articles: the per-byte cost should not depend on length.
    smalls = [article_of_size(1000, seed=i) for i in range(max(1, size // 1000))]
    small_secs = timed(lambda: parse_all(smalls))
    small_mb = size_mb(smalls)
    report.rows.append(Row("~1 KB articles, per core", len(smalls), small_mb, small_secs))
    ratio = (secs / mb) / (small_secs / small_mb)
    report.figures["cost_per_byte_big_vs_1kb"] = round(ratio, 3)


class _Timed:
    """A pipeline stage that adds up the time spent in the stage it wraps."""

    def __init__(self, parser: Parser, totals: dict[str, float]):
        self.parser = parser
        self.name = parser.name
        self.totals = totals

    def __call__(self, ctx: ParseContext) -> None:
        start = time.perf_counter()
        try:
            self.parser(ctx)
        finally:
            self.totals[self.name] = self.totals.get(self.name, 0.0) + time.perf_counter() - start


def bench_stages(report: Report, texts: Sequence[str]) -> None:
    """Seconds per MB spent in each stage of the default pipeline."""
    totals: dict[str, float] = {}
    pipeline = Pipeline([_Timed(p, totals) for p in default_pipeline()])
    gc.collect()
    start = time.perf_counter()
    for t in texts:
        parse_article(t, pipeline=pipeline)
    whole = time.perf_counter() - start
    mb = size_mb(texts)
    totals["(outside stages)"] = whole - sum(totals.values())
    report.figures["seconds_per_mb_by_stage"] = {k: round(v / mb, 3) for k, v in totals.items()}


def stream(count: int) -> Iterator[tuple[str, str]]:
    for a in generate(count, seed=99):
        yield a.source, a.text


def bench_stream(report: Report, count: int, workers: int) -> None:
    """Stream ``count`` articles through parse_many and watch the parent's memory."""
    samples: list[tuple[int, float]] = []
    step = max(1, count // 10)
    gc.collect()
    start = time.perf_counter()
    errors = 0
    for n, result in enumerate(parse_many(stream(count), processes=workers), 1):
        errors += not result.ok
        if n % step == 0:
            samples.append((n, round(rss_mb(), 1)))
    secs = time.perf_counter() - start
    mb = sum(len(t.encode()) for _, t in stream(count)) / MB
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1000
    report.rows.append(
        Row(
            f"stream {count} through parse_many x{workers}",
            count,
            mb,
            secs,
            samples[-1][1] if samples else None,
            f"parent RSS MB at (n, MB): {samples[0]} .. {samples[-1]}; errors {errors}",
        )
    )
    report.figures["stream_parent_rss_mb"] = samples
    report.figures["stream_worker_peak_rss_mb"] = round(children, 1)
    if samples:
        report.figures["stream_rss_growth_mb"] = round(samples[-1][1] - samples[0][1], 1)


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "guillemets": lambda n: ("«»" * n)[:n],
    "curly quotes": lambda n: ("\u201c\u201d" * n)[:n],
    "mixed quotes": lambda n: ("«»“”\"„‘’'" * n)[:n],
    "nested opening quotes": lambda n: ("«“„" * n)[:n],
    "commas": lambda n: "," * n,
    "periods": lambda n: "." * n,
    "one long word": lambda n: "x" * n,
    "whitespace": lambda n: (" \n\t\u00a0\u2028" * n)[:n],
    "said said": lambda n: ("said " * n)[:n],
    "capitalised words": lambda n: ("President Minister Kyiv Sudan " * n)[:n],
    "quote per word": lambda n: ('"Ceasefire," he said. ' * n)[:n],
    "no sentence end": lambda n: ("the army said that the rebels said that " * n)[:n],
    "dates": lambda n: ("on Monday March 3, 2024 last week " * n)[:n],
    "lone surrogates + RTL": lambda n: ("\ud800 مرحبا \u200d\u202e שלום " * n)[:n],
    "control characters": lambda n: ("".join(chr(i) for i in range(32)) * n)[:n],
    "article": lambda n: article_of_size(n, seed=3)[:n],
}


def bench_adversarial(report: Report, sizes: Sequence[int], budget: float) -> None:
    """Time each adversarial kind at growing sizes.

    A size is skipped when the growth seen so far predicts it would take longer than
    ``budget`` seconds (a superlinear stage), so the benchmark always finishes.
    """
    for kind, make in ADVERSARIAL.items():
        seen: list[tuple[int, float]] = []
        for size in sizes:
            text = make(size)
            if seen:
                exponent = 1.0
                if len(seen) >= 2 and seen[-2][1] > 0.01:
                    (s1, t1), (s2, t2) = seen[-2], seen[-1]
                    exponent = max(1.0, math.log(max(t2, 1e-9) / t1) / math.log(s2 / s1))
                predicted = seen[-1][1] * (size / seen[-1][0]) ** exponent
                if predicted > budget:
                    report.adversarial.append(
                        {
                            "kind": kind,
                            "chars": size,
                            "seconds": None,
                            "note": f"skipped: predicted {predicted:.0f} s (growth ~n^{exponent:.1f})",
                        }
                    )
                    continue
            note = ""
            try:
                secs = timed(lambda text=text: parse_article(text))  # type: ignore[misc]
            except Exception as exc:  # report, do not stop the benchmark
                secs, note = float("nan"), f"{type(exc).__name__}: {exc}"[:120]
            if seen and secs == secs:
                ratio = (secs / size) / (seen[0][1] / seen[0][0]) if seen[0][1] else float("nan")
                note = note or f"per-char cost x{ratio:.2f} vs {seen[0][0]:,} chars"
            report.adversarial.append(
                {
                    "kind": kind,
                    "chars": size,
                    "seconds": round(secs, 4),
                    "us_per_char": round(secs / size * 1e6, 3),
                    "note": note,
                }
            )
            if secs == secs:
                seen.append((size, secs))


def profile(what: str, quick: bool) -> str:
    """cProfile one workload; the top functions by own time, with their modules."""
    if what == "corpus":
        texts = [a.text for a in generate(100 if quick else 500, seed=5)]
    elif what == "big":
        texts = [article_of_size(100_000 if quick else MB, seed=7)]
    elif what in ADVERSARIAL:
        texts = [ADVERSARIAL[what](100_000)]
    else:
        raise SystemExit(f"--profile: corpus, big or one of {', '.join(ADVERSARIAL)}")
    parse_article("warm up: load data files.")
    prof = cProfile.Profile()
    prof.enable()
    parse_all(texts)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats("conflictmodel", 25)
    return out.getvalue()


def table(report: Report) -> str:
    head = f"{'workload':40} {'articles':>8} {'MB':>7} {'s':>7} {'art/s':>8} {'MB/s':>6} {'peak MB':>8}  note"
    lines = [head, "-" * len(head)]
    for r in report.rows:
        peak = f"{r.peak_mb:8.1f}" if r.peak_mb is not None else f"{'':8}"
        lines.append(
            f"{r.name:40} {r.articles:8d} {r.megabytes:7.2f} {r.seconds:7.2f} "
            f"{r.articles_per_s:8.1f} {r.mb_per_s:6.2f} {peak}  {r.note}"
        )
    for k, v in report.figures.items():
        if isinstance(v, dict):
            lines.append(f"{k}:")
            lines.extend(f"    {name:18} {value}" for name, value in v.items())
        else:
            lines.append(f"{k}: {v}")
    if report.adversarial:
        lines.append("")
        lines.append(f"{'adversarial input':26} {'chars':>9} {'s':>8} {'us/char':>8}  note")
        for a in report.adversarial:
            secs = "-" if a["seconds"] is None else f"{a['seconds']:8.3f}"
            per = "-" if a["seconds"] is None else f"{a['us_per_char']:8.3f}"
            lines.append(f"{a['kind']:26} {a['chars']:9d} {secs:>8} {per:>8}  {a['note']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description="Benchmark conflictmodel.")
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke run in seconds")
    ap.add_argument("--json", type=Path, help="write the figures to this JSON file")
    ap.add_argument(
        "--processes", type=int, default=None, help="worker processes (default: all cores)"
    )
    ap.add_argument("--count", type=int, default=None, help="articles in the generated corpus")
    ap.add_argument("--stream", type=int, default=None, help="articles streamed through parse_many")
    ap.add_argument("--adversarial", action="store_true", help="also time adversarial input")
    ap.add_argument("--only-adversarial", action="store_true", help="time adversarial input only")
    ap.add_argument(
        "--budget", type=float, default=60.0, help="seconds allowed per adversarial run"
    )
    ap.add_argument(
        "--profile", metavar="WORKLOAD", help="cProfile corpus, big or an adversarial kind"
    )
    args = ap.parse_args(argv)

    if args.profile:
        print(profile(args.profile, args.quick))
        return 0
    workers = args.processes if args.processes is not None else default_processes()
    report = Report(machine=machine())
    print(f"machine: {report.machine}", flush=True)
    parse_article("warm up: load the data files.")
    if not args.only_adversarial:
        bench_seeds(report, repeat=1 if args.quick else 20)
        texts = bench_corpus(report, args.count or (40 if args.quick else 2000), workers)
        bench_stages(report, texts[: 20 if args.quick else 300])
        bench_big(report, 50_000 if args.quick else MB)
        bench_stream(
            report,
            args.stream or (100 if args.quick else 10_000),
            max(workers, 2 if args.quick else 1),
        )
    if args.adversarial or args.only_adversarial:
        sizes = (1_000, 10_000) if args.quick else (10_000, 100_000, MB)
        bench_adversarial(report, sizes, args.budget)
    report.figures["max_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000, 1
    )
    print(table(report))
    if args.json:
        args.json.write_text(json.dumps(report.to_json(), indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
