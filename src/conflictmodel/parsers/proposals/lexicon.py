"""Lexicon phrases: the phrase syntax, the provision lexicon and the proposal cue lexicon."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from conflictmodel.errors import GazetteerError
from conflictmodel.model.proposals import ProposalStatus, ProvisionKind
from conflictmodel.parsers.language.gate import PatternGate, literal_hints
from conflictmodel.resources import load_data, load_json_file, merge_phrase_tables

__all__ = ["ProposalLexicon", "ProvisionLexicon", "compile_phrase", "union"]
_SEP = r"(?:\s{1,5}|\s{0,3}[-–]\s{0,3})"
_GAP = r"(?:\s{1,5}[\w'’.,-]{1,30}){0,4}?"


# ---------------------------------------------------------------------------------- phrases


def _token_regex(token: str) -> str:
    alts: list[str] = []
    for part in token.split("|"):
        part = part.strip()
        if not part:
            raise GazetteerError(f"empty alternative in phrase token {token!r}")
        if part.endswith("*"):
            stem = part[:-1]
            # A bare "*" is any one word.
            alts.append(re.escape(stem) + (r"[\w'’-]{0,20}" if stem else r"[\w'’-]{1,30}"))
        else:
            alts.append(re.escape(part))
    return "(?:" + "|".join(alts) + ")"


def compile_phrase(phrase: str) -> str:
    """Translate a lexicon phrase into a regular expression (linear-time: every repetition is
    bounded).

    Syntax: words separated by spaces match case-insensitively with any run of spaces or a
    hyphen between them; ``word*`` matches any word starting with ``word``; ``a|b`` is a choice;
    ``[word]`` is optional; a bare ``*`` is any one word; ``...`` allows up to four other words.

    Raises:
        GazetteerError: the phrase is empty or malformed.

    Example:
        >>> import re
        >>> rx = re.compile(compile_phrase("lift*|eas* ... sanction*"), re.I)
        >>> rx.search("slowly easing the sanctions on Iran").group()
        'easing the sanctions'
    """
    if not isinstance(phrase, str) or not phrase.strip():
        raise GazetteerError(f"a lexicon phrase must be a non-empty string, got {phrase!r}")
    pieces: list[str] = []
    gap = False
    first = True
    pending_optional_first: str | None = None
    for raw in phrase.split():
        if raw == "...":
            if first and pending_optional_first is None:
                raise GazetteerError(f"phrase {phrase!r} cannot start with '...'")
            gap = True
            continue
        optional = raw.startswith("[") and raw.endswith("]")
        body = _token_regex(raw[1:-1] if optional else raw)
        if first and optional:
            pending_optional_first = body
            continue
        if first:
            if pending_optional_first is not None:
                pieces.append(f"(?:{pending_optional_first}{_SEP})?")
            pieces.append(body)
            first = False
        else:
            lead = (_GAP if gap else "") + _SEP
            pieces.append(f"(?:{lead}{body})?" if optional else lead + body)
        gap = False
    if first:
        raise GazetteerError(f"phrase {phrase!r} has no required word")
    return _wrap("".join(pieces))


_LEFT = r"(?<![\w'’-])"
_RIGHT = r"(?![\w’-])"


def _wrap(body: str) -> str:
    return _LEFT + "(?:" + body + ")" + _RIGHT


def _body(phrase: str) -> str:
    """The phrase's pattern without its word boundaries (so that an alternation of many phrases
    checks the boundary once per position, not once per phrase)."""
    full = compile_phrase(phrase)
    return full[len(_LEFT) + 3 : len(full) - len(_RIGHT) - 1]


def union(phrases: Iterable[str]) -> str:
    """One pattern matching any of ``phrases`` (longest phrases first).

    Example:
        >>> import re
        >>> re.search(union(["truce", "humanitarian truce"]), "a humanitarian truce").group()
        'humanitarian truce'
    """
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not ordered:
        return r"(?!x)x"
    firsts: set[str] = set()
    for p in ordered:
        firsts |= _first_chars(p)
    # Checking the first character before trying every phrase keeps long runs of punctuation or
    # unrelated words cheap.
    ahead = "" if "" in firsts else "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"
    return _LEFT + ahead + "(?:" + "|".join(_body(p) for p in ordered) + ")" + _RIGHT


def _first_chars(phrase: str) -> set[str]:
    """Characters (both cases) a match of ``phrase`` can start with; {""} for any."""
    out: set[str] = set()
    for raw in phrase.split():
        optional = raw.startswith("[") and raw.endswith("]")
        token = raw[1:-1] if optional else raw
        for part in token.split("|"):
            part = part.strip()
            if not part or part == "*":
                return {""}
            out |= {part[0].lower(), part[0].upper()}
        if not optional:
            return out
    return {""}


def _literal_hint(phrase: str) -> tuple[str, ...]:
    """Lower-case strings one of which must occur for the phrase to match (a cheap prefilter)."""
    for raw in phrase.split():
        if raw == "..." or raw.startswith("["):
            continue
        return tuple(p.rstrip("*").lower() for p in raw.split("|"))
    return ("",)


@attrs.frozen(kw_only=True)
class _Compiled:
    label: str
    kind: ProvisionKind
    regex: re.Pattern[str]
    hints: tuple[str, ...]
    word_hints: tuple[str, ...]
    needs_territory: bool


def _check_mapping(raw: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, Mapping):
        raise GazetteerError(f"{where}: expected an object of label -> list of phrases")
    out: dict[str, tuple[str, ...]] = {}
    for label, phrases in raw.items():
        if not isinstance(label, str) or not label.strip():
            raise GazetteerError(f"{where}: provision labels must be non-empty strings")
        if isinstance(phrases, str) or not isinstance(phrases, Iterable):
            raise GazetteerError(f"{where}: {label!r} must map to a list of phrases")
        items = tuple(phrases)
        for p in items:
            if not isinstance(p, str) or not p.strip():
                raise GazetteerError(f"{where}: {label!r} has an empty or non-string phrase")
            compile_phrase(p)
        out[label.strip()] = items
    return out


def _to_phrase_map(value: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in value.items()}


def _to_str_map(value: Mapping[str, str]) -> dict[str, str]:
    return dict(value)


def _to_str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _kind_of(label: str) -> ProvisionKind:
    try:
        return ProvisionKind(label)
    except ValueError:
        return ProvisionKind.OTHER


@attrs.frozen(kw_only=True)
class ProvisionLexicon:
    """Phrases that state a provision, by label.

    A label is a [`ProvisionKind`][conflictmodel.ProvisionKind] value ("ceasefire") or a label of
    your own ("prisoner_amnesty"): provisions found by an unknown label get kind ``other`` and
    that ``label``.  ``requires_territory`` phrases ("recognise", "withdraw from") count only
    when a territory mention follows them.

    Example:
        >>> from conflictmodel.parsers.proposals import find_provisions
        >>> lex = ProvisionLexicon.default().extend({"prisoner_amnesty": ["amnesty for *"]})
        >>> "prisoner_amnesty" in lex.labels
        True
        >>> [(p.kind.value, p.label) for p in find_provisions("an amnesty for fighters", lexicon=lex)]
        [('other', 'prisoner_amnesty')]
    """

    phrases: Mapping[str, tuple[str, ...]] = attrs.field(converter=_to_phrase_map)
    requires_territory: Mapping[str, tuple[str, ...]] = attrs.field(
        factory=dict, converter=_to_phrase_map
    )
    _compiled: tuple[_Compiled, ...] = attrs.field(init=False, repr=False, eq=False)
    _gate: PatternGate = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        compiled: list[_Compiled] = []
        for table, needs in ((self.phrases, False), (self.requires_territory, True)):
            for label, phrases in _check_mapping(table, "provision lexicon").items():
                if not phrases:
                    continue
                hints = tuple(sorted({h for p in phrases for h in _literal_hint(p)}))
                rx = re.compile(union(phrases), re.IGNORECASE)
                compiled.append(
                    _Compiled(
                        label=label,
                        kind=_kind_of(label),
                        regex=rx,
                        hints=hints,
                        word_hints=tuple(sorted({h for p in phrases for h in literal_hints(p)})),
                        needs_territory=needs,
                    )
                )
        object.__setattr__(self, "_compiled", tuple(compiled))
        # The same test as "one of the hints occurs in the lower-cased window", in one pass.
        object.__setattr__(self, "_gate", PatternGate([c.word_hints for c in compiled]))

    @classmethod
    def default(cls) -> ProvisionLexicon:
        """The shipped lexicon (``data/provisions.json``).

        Example:
            >>> "frontline_freeze" in ProvisionLexicon.default().labels
            True
        """
        return _default_provision_lexicon()

    @classmethod
    def from_mapping(
        cls,
        phrases: Mapping[str, Iterable[str]],
        requires_territory: Mapping[str, Iterable[str]] | None = None,
    ) -> ProvisionLexicon:
        """A lexicon of only these phrases (checked: bad phrases raise GazetteerError).

        Example:
            >>> ProvisionLexicon.from_mapping({"ceasefire": ["truce"]}).labels
            ('ceasefire',)
        """
        return cls(
            phrases=_check_mapping(phrases, "provision lexicon"),
            requires_territory=_check_mapping(requires_territory or {}, "requires_territory"),
        )

    @classmethod
    def from_file(cls, path: str | Path) -> ProvisionLexicon:
        """Load ``{"provisions": {label: [phrases]}, "requires_territory": {...}}`` from JSON.

        Example:
            >>> ProvisionLexicon.from_file("/nonexistent.json")  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            conflictmodel.errors.GazetteerError: cannot read /nonexistent.json: ...
        """
        raw = load_json_file(path)
        if not isinstance(raw, Mapping):
            raise GazetteerError(f"{path}: expected a JSON object")
        return cls(
            phrases=_check_mapping(raw.get("provisions", {}), f"{path}: provisions"),
            requires_territory=_check_mapping(
                raw.get("requires_territory", {}), f"{path}: requires_territory"
            ),
        )

    def extend(
        self,
        phrases: Mapping[str, Iterable[str]],
        requires_territory: Mapping[str, Iterable[str]] | None = None,
    ) -> ProvisionLexicon:
        """A new lexicon with more phrases (for existing or new labels).

        Example:
            >>> from conflictmodel.parsers.proposals import find_provisions
            >>> lex = ProvisionLexicon.default().extend({"ceasefire": ["guns fall silent"]})
            >>> [p.kind.value for p in find_provisions("until the guns fall silent", lexicon=lex)]
            ['ceasefire']
        """
        merged = {k: tuple(v) for k, v in self.phrases.items()}
        for label, items in _check_mapping(phrases, "extra provisions").items():
            merged[label] = merged.get(label, ()) + tuple(
                x for x in items if x not in merged.get(label, ())
            )
        req = {k: tuple(v) for k, v in self.requires_territory.items()}
        for label, items in _check_mapping(requires_territory or {}, "requires_territory").items():
            req[label] = req.get(label, ()) + items
        return ProvisionLexicon(phrases=merged, requires_territory=req)

    @property
    def labels(self) -> tuple[str, ...]:
        """Every label the lexicon knows, sorted.

        Example:
            >>> ProvisionLexicon.from_mapping({"truce": ["truce"], "ceasefire": ["ceasefire"]}).labels
            ('ceasefire', 'truce')
        """
        return tuple(sorted({*self.phrases, *self.requires_territory}))

    def _patterns(self) -> tuple[_Compiled, ...]:
        return self._compiled


@cache
def _default_provision_lexicon() -> ProvisionLexicon:
    data = load_data("provisions.json")
    return ProvisionLexicon(
        phrases=_check_mapping(data["provisions"], "provisions.json: provisions"),
        requires_territory=_check_mapping(
            data.get("requires_territory", {}), "provisions.json: requires_territory"
        ),
    )


# ---------------------------------------------------------------------------------- cues


def _alternation(phrases: Iterable[str]) -> str:
    return union(phrases)


@attrs.frozen(kw_only=True)
class ProposalLexicon:
    """Every cue the proposals stage uses besides provision phrases (``data/proposals.json``).

    Build a variant with [`ProposalLexicon.extend`][conflictmodel.parsers.proposals.ProposalLexicon.extend].

    Example:
        >>> lex = ProposalLexicon.default().extend(triggers=["non-paper"])
        >>> "non-paper" in lex.triggers
        True
    """

    triggers: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    weak_triggers: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    anaphors: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    trigger_status: Mapping[str, str] = attrs.field(converter=_to_str_map)
    status_cues: Mapping[str, tuple[str, ...]] = attrs.field(converter=_to_phrase_map)
    implicit_cues: Mapping[str, tuple[str, ...]] = attrs.field(converter=_to_phrase_map)
    generic_determiners: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    continuation_starts: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    condition_markers: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    venues: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    group_heads: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    _compiled: Any = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        for name in ("status_cues", "implicit_cues"):
            for status in getattr(self, name):
                try:
                    ProposalStatus(status)
                except ValueError:
                    raise GazetteerError(
                        f"proposal lexicon {name}: {status!r} is not a ProposalStatus"
                    ) from None
        for trig, status in self.trigger_status.items():
            if status not in {s.value for s in ProposalStatus}:
                raise GazetteerError(f"trigger_status[{trig!r}]: {status!r} is not a status")
        object.__setattr__(self, "_compiled", _compile_lexicon(self))

    @classmethod
    def default(cls) -> ProposalLexicon:
        """The shipped cues.

        Example:
            >>> "proposal" in ProposalLexicon.default().triggers
            True
        """
        return _default_proposal_lexicon()

    def extend(
        self,
        *,
        triggers: Iterable[str] = (),
        weak_triggers: Iterable[str] = (),
        status_cues: Mapping[str, Iterable[str]] | None = None,
        implicit_cues: Mapping[str, Iterable[str]] | None = None,
        condition_markers: Iterable[str] = (),
        venues: Iterable[str] = (),
    ) -> ProposalLexicon:
        """A new lexicon with extra cues added.

        Example:
            >>> lex = ProposalLexicon.default().extend(status_cues={"rejected": ["torpedoed"]})
            >>> "torpedoed" in lex.status_cues["rejected"]
            True
        """

        return attrs.evolve(
            self,
            triggers=(*self.triggers, *triggers),
            weak_triggers=(*self.weak_triggers, *weak_triggers),
            status_cues=merge_phrase_tables(self.status_cues, status_cues),
            implicit_cues=merge_phrase_tables(self.implicit_cues, implicit_cues),
            condition_markers=(*self.condition_markers, *condition_markers),
            venues=(*self.venues, *venues),
        )


@cache
def _default_proposal_lexicon() -> ProposalLexicon:
    d = load_data("proposals.json")
    return ProposalLexicon(
        triggers=d["triggers"],
        weak_triggers=d["weak_triggers"],
        anaphors=d["anaphors"],
        trigger_status=d["trigger_status"],
        status_cues=d["status_cues"],
        implicit_cues=d["implicit_cues"],
        generic_determiners=d["generic_determiners"],
        continuation_starts=d["continuation_starts"],
        condition_markers=d["condition_markers"],
        venues=d["venues"],
        group_heads=d["group_heads"],
    )


@attrs.frozen(kw_only=True)
class _Rx:
    """Compiled regular expressions of one ProposalLexicon."""

    trigger: re.Pattern[str]
    status: tuple[tuple[ProposalStatus, re.Pattern[str]], ...]
    implicit: tuple[tuple[ProposalStatus, re.Pattern[str]], ...]
    continuation: re.Pattern[str]
    condition: re.Pattern[str]
    venue_name: re.Pattern[str]
    weak: frozenset[str]
    anaphors: frozenset[str]
    generic: frozenset[str]
    group_heads: frozenset[str]
    status_gate: PatternGate
    implicit_gate: PatternGate


def _compile_lexicon(lex: ProposalLexicon) -> _Rx:
    trig = sorted(set(lex.triggers), key=len, reverse=True)
    trig_rx = "|".join(re.escape(t).replace(r"\ ", r"\s{1,3}") for t in trig)
    return _Rx(
        trigger=re.compile(rf"(?<![\w-])(?P<t>(?:{trig_rx}))(?P<pl>s|es)?(?![\w-])", re.I),
        status=tuple(
            (ProposalStatus(k), re.compile(_alternation(v), re.I))
            for k, v in lex.status_cues.items()
        ),
        implicit=tuple(
            (ProposalStatus(k), re.compile(_alternation(v), re.I))
            for k, v in lex.implicit_cues.items()
        ),
        continuation=re.compile(r"^\W{0,3}(?:" + _alternation(lex.continuation_starts) + ")", re.I),
        condition=re.compile(
            "(?:" + _alternation(lex.condition_markers) + r")(?!\s+(?:again|more|upon a time)\b)",
            re.I,
        ),
        venue_name=re.compile(
            r"(?<![\w-])(?:"
            + "|".join(re.escape(v) for v in sorted(set(lex.venues), key=len, reverse=True))
            + r")(?![\w-])"
        ),
        weak=frozenset(t.lower() for t in lex.weak_triggers),
        anaphors=frozenset(a.lower() for a in lex.anaphors),
        generic=frozenset(g.lower() for g in lex.generic_determiners),
        group_heads=frozenset(g.lower() for g in lex.group_heads),
        status_gate=_gate_of(lex.status_cues.values()),
        implicit_gate=_gate_of(lex.implicit_cues.values()),
    )


def _gate_of(tables: Iterable[Iterable[str]]) -> PatternGate:
    """A gate for patterns built with ``union`` from each table of phrases."""
    return PatternGate([{h for p in phrases for h in literal_hints(p)} for phrases in tables])
