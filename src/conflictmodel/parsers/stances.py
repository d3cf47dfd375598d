"""The stance lexicon of the ``positions`` stage: which phrases say that a party supports,
opposes, demands or considers something, and what they can be about.

The phrases live in ``data/stances.json``; :meth:`StanceLexicon.extend` adds a user's own.

Example:
    >>> sorted(StanceLexicon.default().forward)[:2]
    ['considers', 'demands']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import attrs

from conflictmodel.errors import GazetteerError
from conflictmodel.model.positions import Stance
from conflictmodel.parsers.language.gate import PatternGate, literal_hints
from conflictmodel.parsers.proposals.lexicon import union
from conflictmodel.resources import load_data, merge_phrase_tables, phrase_table

__all__ = ["StanceLexicon"]


def _tuple_map(raw: Any, where: str) -> dict[str, tuple[str, ...]]:
    # Keys are checked as Stance values once the lexicon is built (targets are provision kinds).
    return phrase_table(raw, where, what="stance")


def _forward_map(raw: Any) -> dict[str, tuple[str, ...]]:
    return _tuple_map(raw, "forward")


def _backward_map(raw: Any) -> dict[str, tuple[str, ...]]:
    return _tuple_map(raw, "backward")


def _targets_map(raw: Any) -> dict[str, tuple[str, ...]]:
    return _tuple_map(raw, "targets")


def _to_str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class StanceLexicon:
    """Stance cues (``data/stances.json``).

    Attributes:
        forward: stance value -> cues whose object follows them ("rejected", "pushing for").
        backward: stance value -> judgements of what precedes them ("non-negotiable").
        reporting_verbs: verbs whose subject holds the stance of a that-clause.
        conditional_markers: words that make a stance conditional ("only if").
        negations: words that turn a supportive cue into opposition ("not", "never").
        targets: extra provision phrases that count only as the object of a stance.

    Example:
        >>> lex = StanceLexicon.default().extend(forward={"opposes": ["poured cold water on"]})
        >>> "poured cold water on" in lex.forward["opposes"]
        True
    """

    forward: Mapping[str, tuple[str, ...]] = attrs.field(converter=_forward_map)
    backward: Mapping[str, tuple[str, ...]] = attrs.field(converter=_backward_map)
    reporting_verbs: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    conditional_markers: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    negations: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    targets: Mapping[str, tuple[str, ...]] = attrs.field(converter=_targets_map)
    _rx: Any = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        for table in (self.forward, self.backward):
            for stance in table:
                try:
                    Stance(stance)
                except ValueError:
                    raise GazetteerError(f"stance lexicon: {stance!r} is not a Stance") from None
        object.__setattr__(self, "_rx", _compile(self))

    @classmethod
    def default(cls) -> StanceLexicon:
        """The shipped cues.

        Example:
            >>> 'opposes' in StanceLexicon.default().forward
            True
        """
        return _default_stances()

    def extend(
        self,
        *,
        forward: Mapping[str, Iterable[str]] | None = None,
        backward: Mapping[str, Iterable[str]] | None = None,
        targets: Mapping[str, Iterable[str]] | None = None,
        reporting_verbs: Iterable[str] = (),
    ) -> StanceLexicon:
        """A new lexicon with more cues (see the class example).

        Example:
            >>> lex = StanceLexicon.default().extend(forward={"opposes": ["x-ed"]})
            >>> lex.forward["opposes"][-1]
            'x-ed'
        """

        return StanceLexicon(
            forward=merge_phrase_tables(self.forward, forward),
            backward=merge_phrase_tables(self.backward, backward),
            reporting_verbs=(*self.reporting_verbs, *reporting_verbs),
            conditional_markers=self.conditional_markers,
            negations=self.negations,
            targets=merge_phrase_tables(self.targets, targets),
        )


@attrs.frozen(kw_only=True)
class CompiledStances:
    """A lexicon's cues compiled once: one regex per stance and a gate that says which of them
    can match in a window, so the stage runs a regex only where its words occur."""

    forward: tuple[tuple[Stance, re.Pattern[str]], ...]
    backward: tuple[tuple[Stance, re.Pattern[str]], ...]
    reporting: re.Pattern[str]
    conditional: re.Pattern[str]
    negation: re.Pattern[str]
    forward_gate: PatternGate
    backward_gate: PatternGate


def _compile(lex: StanceLexicon) -> CompiledStances:
    return CompiledStances(
        forward=tuple((Stance(k), re.compile(union(v), re.I)) for k, v in lex.forward.items() if v),
        backward=tuple(
            (Stance(k), re.compile(union(v), re.I)) for k, v in lex.backward.items() if v
        ),
        reporting=re.compile(union(lex.reporting_verbs), re.I),
        conditional=re.compile(union(lex.conditional_markers), re.I),
        negation=re.compile(union(lex.negations) + r"[^,;.]{0,20}$", re.I),
        forward_gate=_gate_of(v for v in lex.forward.values() if v),
        backward_gate=_gate_of(v for v in lex.backward.values() if v),
    )


def _gate_of(tables: Iterable[Iterable[str]]) -> PatternGate:
    return PatternGate([{h for p in phrases for h in literal_hints(p)} for phrases in tables])


@cache
def _default_stances() -> StanceLexicon:
    d = load_data("stances.json")
    return StanceLexicon(
        forward=d["forward"],
        backward=d["backward"],
        reporting_verbs=d["reporting_verbs"],
        conditional_markers=d["conditional_markers"],
        negations=d["negations"],
        targets=d["targets"],
    )
