"""The terminal, through rich: the progress bar of long batches and tables that wrap.

Both write only to the stream they are given (stderr for progress, stdout for tables), and
never colour or style what is not a terminal.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable, Sequence
from typing import IO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as _Bar
from rich.table import Column
from rich.table import Table as _RichTable
from rich.text import Text

# Without a terminal (and without COLUMNS), tables are laid out for this many columns.
DEFAULT_WIDTH = 120
# Narrower than this, a table of five columns is no longer readable; wider is the user's call.
MIN_WIDTH = 40
# When space is short, the last column of a table (the content, the evidence) keeps this many
# times the width of the others.
MAIN_WEIGHT = 3


def isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def term_width(stream: IO[str]) -> int:
    """The width tables are laid out for: ``COLUMNS`` if set, else the terminal's width if
    ``stream`` is one, else ``DEFAULT_WIDTH``.

    Example:
        >>> import io, os
        >>> os.environ.pop("COLUMNS", None) and None
        >>> term_width(io.StringIO())
        120
    """
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return max(MIN_WIDTH, int(env))
    if isatty(stream):
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
        return max(MIN_WIDTH, columns)
    return DEFAULT_WIDTH


# The bar, rate, elapsed time and ETA (not the verb and count) take at most this many columns.
_COUNTERS_WIDTH = 52


def _fixed() -> Column:
    return Column(no_wrap=True)


class _Rate(ProgressColumn):
    """Articles a second, from rich's own speed estimate."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f}/s")


class Progress:
    """Progress of a batch on stderr: a bar, the count, the rate, the elapsed time and an ETA.

    Shown when ``enabled`` is true (``--progress``) or, left to ``None``, when the stream is a
    terminal and there is more than one article; ``--no-progress`` and ``--quiet`` pass
    ``False``.  The bar is hidden with ``pause()`` while the caller prints a result or an
    error, so neither lands inside it, and comes back on the next ``step()``.

    Example:
        >>> import io
        >>> err = io.StringIO()
        >>> bar = Progress(2, "parsing", err, enabled=True)
        >>> bar.step("sudan.txt"); bar.step("yemen.txt"); bar.clear()
        >>> "parsing" in err.getvalue() and "2/2" in err.getvalue()
        True
        >>> quiet = io.StringIO()
        >>> Progress(2, "parsing", quiet).step("sudan.txt")  # not a terminal: nothing shown
        >>> quiet.getvalue()
        ''
    """

    def __init__(
        self,
        total: int | None,
        verb: str,
        stream: IO[str],
        enabled: bool | None = None,
        get_time: Callable[[], float] | None = None,
    ) -> None:
        # total None: not known in advance (records from stdin are counted as they come).
        self.total = total
        self.verb = verb
        self.stream = stream
        self.done = 0
        if enabled is None:
            enabled = (total is None or total > 1) and isatty(stream)
        self.enabled = enabled
        self._get_time = get_time
        self._bar: _Bar | None = None
        self._task = TaskID(0)
        self._shown = False

    def _show(self) -> _Bar:
        if self._bar is None:
            # force_terminal: asked for with --progress even if stderr is a pipe or a log.
            console = Console(
                file=self.stream,
                force_terminal=True,
                no_color=not isatty(self.stream),  # a log file gets the bar, not colour codes
                highlight=False,
                markup=False,
                emoji=False,
            )
            count = (
                MofNCompleteColumn(table_column=_fixed())
                if self.total is not None
                else TextColumn("{task.completed}", table_column=_fixed())
            )
            self._bar = _Bar(
                TextColumn("{task.description}", table_column=_fixed()),
                BarColumn(bar_width=20, table_column=_fixed()),
                count,
                _Rate(table_column=_fixed()),
                TimeElapsedColumn(table_column=_fixed()),
                TextColumn("eta", table_column=_fixed()),
                TimeRemainingColumn(table_column=_fixed()),
                TextColumn("{task.fields[label]}", markup=False, table_column=_fixed()),
                console=console,
                transient=True,
                # The CLI passes its streams explicitly: nothing for rich to redirect.
                redirect_stdout=False,
                redirect_stderr=False,
                get_time=self._get_time,
            )
            self._task = self._bar.add_task(self.verb, total=self.total, label="")
        if not self._shown:
            self._bar.start()
            self._shown = True
        return self._bar

    def step(self, label: str) -> None:
        """Count one article, named ``label``, and show the bar."""
        self.done += 1
        if not self.enabled:
            return
        bar = self._show()
        # What is left of the line after the counters, for the name of the article.
        count = f"{self.done}/{self.total}" if self.total is not None else str(self.done)
        room = max(10, bar.console.width - _COUNTERS_WIDTH - len(self.verb) - len(count))
        bar.update(self._task, advance=1, label=_clip_left(label, room))
        bar.refresh()

    def show(self) -> None:
        """Show the bar without counting (while the next article is parsed)."""
        if self.enabled:
            self._show().refresh()

    def pause(self) -> None:
        """Take the bar off the screen until the next ``step``."""
        if self._bar is not None and self._shown:
            self._bar.stop()
            self._shown = False

    def clear(self) -> None:
        """Take the bar off the screen (at the end)."""
        self.pause()


def _clip_left(text: str, width: int) -> str:
    return text if len(text) <= width else "…" + text[len(text) - width + 1 :]


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def column_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], width: int, gap: int = 2
) -> list[int]:
    """Widths for a table's columns in ``width`` characters (``gap`` between columns).

    A column gets what its longest cell needs if everything fits.  Otherwise each column
    keeps at least its longest word, so wrapping happens between words and an identifier (an
    id, a date, a file name) is never broken, and the widest columns give way first, to a
    common level; the last column (the text the table is about) keeps three times as much.

    Example:
        >>> column_widths(("id", "content"), [("stmt:0-9", "No talks while the shelling goes on.")], 30)
        [8, 20]
        >>> column_widths(("id", "content"), [("stmt:0-9", "No talks.")], 80)
        [8, 9]
    """
    n = len(header)
    natural = [
        max([len(header[i]), *(len(" ".join(r[i].split())) for r in rows)]) for i in range(n)
    ]
    floor = [
        min(natural[i], max([_longest_word(header[i]), *(_longest_word(r[i]) for r in rows)]))
        for i in range(n)
    ]
    budget = width - gap * (n - 1)
    if sum(natural) <= budget:
        return natural
    if sum(floor) >= budget:
        return floor

    # The widest columns give way first, down to a common level (the last column, the text
    # the table is about, counts as MAIN_WEIGHT columns), never below their floor.
    weight = [1] * (n - 1) + [MAIN_WEIGHT]

    def widths_at(level: int) -> list[int]:
        return [min(natural[i], max(floor[i], level * weight[i])) for i in range(n)]

    low, high = 0, max(natural)
    while low < high:
        mid = (low + high + 1) // 2
        if sum(widths_at(mid)) <= budget:
            low = mid
        else:
            high = mid - 1
    widths = widths_at(low)
    # What rounding left over goes to the last column that still wants it.
    for i in reversed(range(n)):
        spare = budget - sum(widths)
        if spare <= 0:
            break
        widths[i] = min(natural[i], widths[i] + spare)
    return widths


class Table:
    """Columns laid out for ``width`` (see ``column_widths``); long cells wrap between words.

    Example:
        >>> import io
        >>> out = io.StringIO()
        >>> Table(out, 40).rows(("speaker", "content"),
        ...     [("Houthi spokesman", "We will keep striking ships until the siege of Gaza ends.")])
        >>> print(out.getvalue(), end="")
          speaker    content
          Houthi     We will keep striking ships
          spokesman  until the siege of Gaza
                     ends.
    """

    def __init__(self, out: IO[str], width: int, indent: str = "  ") -> None:
        self.out = out
        self.width = width
        self.indent = indent

    def rows(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        cells = [[" ".join(c.split()) for c in row] for row in rows]
        widths = column_widths(header, cells, self.width - len(self.indent))
        styled = isatty(self.out)
        table = _RichTable(
            box=None,
            show_edge=False,
            pad_edge=False,
            padding=(0, 1, 0, 1),
            header_style="bold" if styled else "",
        )
        for name, w in zip(header, widths, strict=True):
            # No word is longer than its column (see column_widths), so nothing is ever folded.
            table.add_column(name, width=w, overflow="fold")
        for row in cells:
            table.add_row(*(Text(c) for c in row))
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            # Room for the table as laid out, so rich never narrows it again.
            width=len(self.indent) + sum(widths) + 2 * len(widths) + 2,
            force_terminal=styled,
            color_system="standard" if styled else None,
            highlight=False,
            markup=False,
            emoji=False,
        )
        console.print(table)
        for line in buffer.getvalue().splitlines():
            self.out.write((self.indent + line).rstrip() + "\n")
