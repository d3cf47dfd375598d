"""parse_many under faults: a per-item time limit (hanging items, in Python or where no signal
reaches), workers killed while innocent items are in flight, and files that never end.

No assertion is about time: a hung item must become a ParseTimeoutError result and the batch
must go on (without the limit, these tests would hang)."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from conflictmodel.batch import MAX_INPUT_BYTES, parse_many
from conflictmodel.context import ParseContext
from conflictmodel.errors import InputError, ParseError, ParseTimeoutError
from conflictmodel.pipeline import Pipeline, default_pipeline

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGALRM and SIGKILL")

TEXTS = [f"Sudan's army said it would join talks in Jeddah, round {n}." for n in range(6)]


class HangOn:
    """Sleeps (interruptibly) on articles containing HANG."""

    name = "hang"

    def __call__(self, ctx: ParseContext) -> None:
        if "HANG" in ctx.text:
            time.sleep(3600)


class HangDeafOn:
    """Hangs where the in-worker alarm cannot reach (SIGALRM blocked) on DEAFHANG."""

    name = "deafhang"

    def __call__(self, ctx: ParseContext) -> None:
        if "DEAFHANG" in ctx.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)


class SwallowOn:
    """A stage that catches every Exception around a hang: the limit must still apply."""

    name = "swallow"

    def __call__(self, ctx: ParseContext) -> None:
        if "SWALLOW" in ctx.text:
            try:
                time.sleep(3600)
            except Exception:
                return  # carries on as if nothing happened


class KilledTwiceOn:
    """On FLAKY, the worker is killed (as by the system, from outside) on the first two tries
    of the item; the third try parses.  A marker folder counts the tries across processes."""

    name = "flaky"

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __call__(self, ctx: ParseContext) -> None:
        if "FLAKY" not in ctx.text:
            return
        for n in range(2):
            try:
                os.mkdir(os.path.join(self.folder, f"try-{n}"))
            except FileExistsError:
                continue
            os.kill(os.getpid(), signal.SIGKILL)


class DieOn:
    name = "die"

    def __call__(self, ctx: ParseContext) -> None:
        if "KILLWORKER" in ctx.text:
            os._exit(3)


def _pipeline(*stages: object) -> Pipeline:
    p = Pipeline.from_names(["text"])
    for stage in stages:
        p = p.with_parser(stage)  # type: ignore[arg-type]
    return p


@pytest.mark.parametrize("processes", [1, 2])
def test_a_hanging_item_times_out_and_the_batch_goes_on(processes: int) -> None:
    items = [TEXTS[0], ("stuck", "HANG " + TEXTS[1]), ("swallow", "SWALLOW"), *TEXTS[2:4]]
    pipeline = _pipeline(HangOn(), SwallowOn())
    results = list(
        parse_many(items, processes=processes, chunksize=2, pipeline=pipeline, timeout=0.5)
    )
    assert [r.index for r in results] == list(range(len(items)))
    assert [r.ok for r in results] == [True, False, False, True, True]
    for r in results[1:3]:
        assert isinstance(r.error, ParseTimeoutError), r.error
        assert r.error.source == r.source
        assert "time limit (0.5 s)" in str(r.error)
    # The worker survived the interruption and parsed the next items the same way.
    assert results[3].unwrap().text == TEXTS[2]


def test_an_item_hanging_where_no_signal_reaches_gets_its_worker_killed() -> None:
    items = [TEXTS[0], ("deaf", "DEAFHANG"), *TEXTS[1:4]]
    results = list(
        parse_many(items, processes=2, chunksize=1, pipeline=_pipeline(HangDeafOn()), timeout=0.5)
    )
    assert [r.ok for r in results] == [True, False, True, True, True]
    assert isinstance(results[1].error, ParseTimeoutError)
    assert results[1].source == "deaf"


def test_an_item_whose_worker_is_killed_from_outside_is_retried_not_blamed(
    tmp_path: Path,
) -> None:
    pipeline = _pipeline(KilledTwiceOn(str(tmp_path)), DieOn())
    items = [*TEXTS[:2], ("flaky", "FLAKY " + TEXTS[2]), *TEXTS[3:5], ("killer", "KILLWORKER")]
    results = list(parse_many(items, processes=2, chunksize=2, window=2, pipeline=pipeline))
    assert [r.index for r in results] == list(range(len(items)))
    assert [(r.source, r.ok) for r in results][2] == ("flaky", True)
    assert [r.ok for r in results] == [True, True, True, True, True, False]
    assert isinstance(results[5].error, ParseError)
    assert "worker process died" in str(results[5].error)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["try-0", "try-1"]


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf"), "5", True])
def test_bad_timeouts_are_input_errors(bad: object) -> None:
    with pytest.raises(InputError, match="timeout"):
        parse_many(TEXTS, timeout=bad)  # type: ignore[arg-type]


def test_a_file_that_never_ends_is_refused_with_a_bounded_read() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    [r] = parse_many([Path("/dev/zero")], processes=1)
    assert isinstance(r.error, InputError)
    assert f"larger than {MAX_INPUT_BYTES:,} bytes" in str(r.error)


def test_default_pipeline_under_a_limit_parses_normally() -> None:
    results = list(parse_many(TEXTS[:2], processes=1, pipeline=default_pipeline(), timeout=120))
    assert all(r.ok for r in results)
