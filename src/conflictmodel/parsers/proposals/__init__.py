"""The ``proposals`` stage: negotiation proposals with typed provisions, conditions and status.

A proposal is found in one of two ways:

* a **trigger noun** ("proposal", "plan", "deal", "truce", "demand", "the Jeddah Declaration")
  that is specific: not generic ("any agreement", "a lasting peace deal") or negated ("no deal"),
  and, for weak triggers such as "ceasefire", governed by a status verb ("ended a 30-day
  ceasefire", "put forward a truce") or owned by a proposer ("Egypt's truce");
* an **implicit cue** (an offer, a willingness or a demand: "may be open to", "seeks",
  "insists on", "objective to achieve") followed in its clause by a provision phrase.

Provision phrases are typed by [`ProvisionKind`][conflictmodel.ProvisionKind] through a
[`ProvisionLexicon`][conflictmodel.parsers.proposals.ProvisionLexicon]; they count only inside a
proposal's clause, outside its conditions and outside what someone merely pushes or calls for
(that is a position).  Sentences that continue a proposal ("The plan also includes ...") add to
it instead of starting a new one, and repeated mentions of the same demand by the same proposer
are merged.

Example:
    >>> from conflictmodel.parsers.proposals import find_provisions
    >>> text = "The plan includes a 60-day truce and the release of all hostages."
    >>> [(p.kind.value, p.duration_days) for p in find_provisions(text)]
    [('ceasefire', 60), ('hostage_release', None)]

Adding a provision type needs no fork.  Give its phrases a label that is not a
[`ProvisionKind`][conflictmodel.ProvisionKind] value: provisions it finds get kind ``other`` and
that ``label``.  Pass the phrases to the stage (``extra_provisions``), or build a
[`ProvisionLexicon`][conflictmodel.parsers.proposals.ProvisionLexicon] (``extend``,
``from_file``) and call [`find_provisions`][conflictmodel.parsers.proposals.find_provisions]
from a stage of your own:

    >>> from conflictmodel import parse_article
    >>> from conflictmodel.pipeline import default_pipeline
    >>> stage = ProposalParser(extra_provisions={"demining": ["demining", "clear* ... mines"]})
    >>> art = parse_article("Kyiv proposed a plan that includes clearing the mines.",
    ...                     pipeline=default_pipeline().replace("proposals", stage))
    >>> [(v.kind.value, v.label, v.text) for v in art.proposals[0].provisions]
    [('other', 'demining', 'clearing the mines')]
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from conflictmodel.actors import Actor, ActorKind
from conflictmodel.context import Mention, MentionKind, ParseContext, ProposalTrace
from conflictmodel.errors import GazetteerError
from conflictmodel.parsers.proposals.gate import PatternGate, literal_hints, text_cache
from conflictmodel.proposals import Condition, Proposal, ProposalStatus, Provision, ProvisionKind
from conflictmodel.resources import load_data, load_json_file
from conflictmodel.span import Span
from conflictmodel.territories import Territory
from conflictmodel.textdates import TextDate

__all__ = [
    "ProposalLexicon",
    "ProposalParser",
    "ProvisionLexicon",
    "compile_phrase",
    "find_conditions",
    "find_provisions",
]

# Sentences longer than this (no punctuation at all) are cut into windows so every pattern runs
# on bounded text.
_WINDOW = 4000
# At most this many triggers or cues of one kind are examined per window.
_MAX_PER_WINDOW = 40
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
        """The shipped lexicon (``data/proposals.json``).

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
    data = load_data("proposals.json")
    return ProvisionLexicon(
        phrases=_check_mapping(data["provisions"], "proposals.json: provisions"),
        requires_territory=_check_mapping(
            data.get("requires_territory", {}), "proposals.json: requires_territory"
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

        def add(
            old: Mapping[str, tuple[str, ...]], new: Mapping[str, Iterable[str]] | None
        ) -> dict[str, tuple[str, ...]]:
            out = dict(old)
            for k, v in (new or {}).items():
                out[k] = tuple(out.get(k, ())) + tuple(v)
            return out

        return attrs.evolve(
            self,
            triggers=(*self.triggers, *triggers),
            weak_triggers=(*self.weak_triggers, *weak_triggers),
            status_cues=add(self.status_cues, status_cues),
            implicit_cues=add(self.implicit_cues, implicit_cues),
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


# ---------------------------------------------------------------------------------- text helpers

_CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|\s--\s|—|:\s"
    r"|,\s{1,3}(?=(?:with|while|whereas|but|although|though|as|amid|even\s+as|despite|adding|saying|"
    r"according|citing|noting|warning|arguing|claiming|insisting|something|which\s+(?:he|she|they)|"
    r"and\s+(?:he|she|they|it)\s)\b)"
    r"|\s(?=(?:while|whereas|but|although|though)\s)",
    re.I,
)
_LEAD_SUBORDINATE = re.compile(
    r"^\W{0,3}(?:though|although|while|as|if|when|after|before|despite|since|because|even\s+though|"
    r"in|during|speaking|according|following|amid|with|under|for)\b[^,;]{0,200},",
    re.I,
)
_SOFT_STOP = re.compile(
    r",(?!\d{3})|[;:()\[\]\"“”«»]|\s[—–]\s|—|\s--\s|[.!?](?:\s|$)"
    r"|\b(?:if|unless|provided|while|whereas|but|although|though|because|which|who|whom|whose|that|"
    r"amid|after|before|when|since|so\s+that|in\s+order|in\s+exchange|in\s+return|according|"
    r"is|are|was|were|will|would|could|should|may|might|must|can|has|have|had|extends?|"
    r"signals?|remains?|raises?|undermines?|means?|and\s{1,3}\w+ed|"
    r"in\s{1,3}the\s{1,3}(?:ongoing\s{1,3}|current\s{1,3}|\w+-\w+\s{1,3})?(?:war|conflict|fighting)|"
    r"under\s{1,3}which|whereby|as\s{1,3}a\s{1,3}(?:pre)?condition|(?:late|early)\s{1,3}(?:on|in|last)\b|"
    r"(?:on|by|before|from|until|last|next|this)\s{1,3}(?:(?:the\s{1,3})?\d|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|week|month|year)|"
    r"and\s{1,3}(?:the|a|an)\s{1,3}(?!(?:[\w-]+\s{1,3})?(?:regions?|provinces?|oblasts?|territor\w*|"
    r"areas?|cities|city|districts?)\b)|"
    r"as\s+a\s+component|as\s+an?\s+element|as\s+part\s+of\s+(?:a|an|any|the\s+(?:deal|agreement|plan|"
    r"proposal|talks|negotiations|settlement|framework|accord|package)))\b",
    re.I,
)
_TRAIL = re.compile(
    r"(?:\s+(?:and|or|as\s+well\s+as|along\s+with|plus|then|also|gradually|eventually|immediately|"
    r"possibly|potentially|subsequently|later|the|a|an|to|of|for|with|on|in|by|from|its|their|"
    r"[a-z]+ly))+\s*$",
    re.I,
)
_POSITION_OBJECT = re.compile(
    r"\b(?:push(?:es|ed|ing)?|call(?:s|ed|ing)?|advocat(?:e|es|ed|ing)|press(?:es|ed|ing)?|"
    r"lobb(?:y|ies|ied|ying)|hop(?:e|es|ed|ing)|appeal(?:s|ed|ing)?|argu(?:e|es|ed|ing)|"
    r"wish(?:es|ed|ing)?|pray(?:s|ed|ing)?|clamou?r(?:s|ed|ing)?)\s{1,3}for\b"
    r"|\b(?:urg(?:e|es|ed|ing)|favou?r(?:s|ed|ing)?|support(?:s|ed|ing)?|back(?:s|ed|ing)?|"
    r"oppos(?:e|es|ed|ing)|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|resist(?:s|ed|ing)?|"
    r"dismiss(?:es|ed|ing)?|fear(?:s|ed|ing)?|warn(?:s|ed|ing)?\s{1,3}(?:against|of))\b"
    r"|\bin\s+order\s+to\b|\binability\s+to\b|\bfailure\s+to\b|\bso\s+as\s+to\b",
    re.I,
)
# A continuation verb right before a position cue ("the plan calls for") means the cue describes
# the proposal's content, not somebody's stance.
_CONTENT_SUBJECT = re.compile(
    r"(?:\b(?:it|which|that|this|plan|proposal|deal|agreement|framework|draft|text|document|"
    r"initiative|roadmap|accord|treaty|offer|package|terms|truce|ceasefire|declaration|memorandum|"
    r"also|would|reportedly)\s{1,3})$",
    re.I,
)
_NEG_BEFORE = re.compile(
    r"\b(?:no|not|never|without|nor|neither|n't|hardly)\b[^,;.]{0,25}$",
    re.I,
)
_DET_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "any",
        "no",
        "every",
        "another",
        "such",
        "each",
        "all",
        "both",
        "either",
        "neither",
        "whatever",
    ]
)
_PREPOSITIONS = frozenset(
    [
        "to",
        "with",
        "on",
        "for",
        "against",
        "by",
        "from",
        "of",
        "over",
        "in",
        "at",
        "between",
        "among",
        "toward",
        "towards",
        "about",
        "regarding",
        "into",
        "via",
        "through",
        "under",
        "across",
        "upon",
        "than",
        "despite",
        "amid",
        "after",
        "before",
        "versus",
        "vs",
        "within",
        "without",
        "behind",
        "near",
        "beside",
        "besides",
        "except",
        "unlike",
        "around",
    ]
)
_NP_STOP = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "do",
        "does",
        "did",
        "and",
        "or",
        "but",
        "if",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "than",
        "as",
        "so",
        "said",
        "says",
        "told",
    ]
)
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45,
    "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_NUM = r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_DURATION_BEFORE = re.compile(
    _NUM + r"(?:\s|-)(?P<u>day|week|month|year|hour)s?(?:(?:\s|-)long)?(?:\s|-)(?:[a-z]+\s)?$",
    re.I,
)
_DURATION_AFTER = re.compile(
    r"^\s(?:(?:of|for|lasting)\s(?:at\s+least\s|up\s+to\s|a\s+period\s+of\s)?)"
    + _NUM
    + r"(?:\s|-)(?P<u>day|week|month|year|hour)s?\b",
    re.I,
)


def _duration_days(n_text: str, unit: str) -> int | None:
    n_low = n_text.lower()
    n = int(n_low) if n_low.isdigit() else _NUMBER_WORDS.get(n_low)
    if not n:
        return None
    u = unit.lower()
    if u == "hour":
        return n // 24 if n >= 24 and n % 24 == 0 else None
    return n * _UNIT_DAYS[u]


def _windows(span: Span, text: str) -> list[Span]:
    """Cut a very long span into bounded windows at whitespace."""
    if len(span) <= _WINDOW:
        return [span]
    out: list[Span] = []
    start = span.start
    while start < span.end:
        end = min(span.end, start + _WINDOW)
        if end < span.end:
            cut = text.rfind(" ", start + _WINDOW // 2, end)
            if cut > start:
                end = cut
        out.append(Span(start=start, end=end))
        start = end
    return out


def _clauses(text: str, sent: Span) -> list[Span]:
    """Clause spans of a sentence (absolute offsets)."""
    memo = text_cache(text).memo
    key = ("clauses", sent.start, sent.end)
    found: list[Span] | None = memo.get(key)
    if found is None:
        found = memo[key] = _split_clauses(text, sent)
    return list(found)


def _split_clauses(text: str, sent: Span) -> list[Span]:
    seg = text[sent.start : sent.end]
    cuts = [0]
    lead = _LEAD_SUBORDINATE.match(seg)
    if lead:
        cuts.append(lead.end())
    cuts.extend(m.end() for m in _CLAUSE_BREAK.finditer(seg))
    cuts.append(len(seg))
    cuts = sorted(set(cuts))
    out: list[Span] = []
    for a, b in itertools.pairwise(cuts):
        if b > a and seg[a:b].strip():
            out.append(Span(start=sent.start + a, end=sent.start + b))
    return out or [sent]


def _clause_of(clauses: Sequence[Span], offset: int) -> Span:
    for c in clauses:
        if c.start <= offset < c.end:
            return c
    return clauses[-1]


def _clause_end(text: str, start: int, limit: int) -> int:
    """Where the clause that starts at ``start`` ends (before ``limit``)."""
    seg = text[start:limit]
    m = re.search(r"[;,:()]|\s[—–]\s|—|\s--\s|[.!?](?:\s|$)", seg)
    return start + (m.start() if m else len(seg))


def _overlaps_any(span: Span, spans: Iterable[Span]) -> bool:
    return any(span.overlaps(s) for s in spans)


def _is_headline(seg: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", seg)
    if len(words) < 3:
        return False
    small = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "as", "at", "by", "with"}
    content = [w for w in words if w.lower() not in small]
    caps = sum(1 for w in content if w[0].isupper())
    return bool(content) and caps / len(content) >= 0.7 and not seg.rstrip().endswith(".")


# ---------------------------------------------------------------------------------- ctx helpers


@cache
def _states_table() -> dict[str, str]:
    """Lower-case country name, demonym or metonym -> ISO alpha-2 (a fallback for when the
    actor stages found nothing)."""
    out: dict[str, str] = {}
    try:
        states = load_data("states.json").get("states", {})
    except GazetteerError:
        states = {}
    for code, entry in states.items():
        if not isinstance(entry, Mapping):
            continue
        for key in ("name", "names", "demonyms", "metonyms"):
            vals = entry.get(key)
            for v in [vals] if isinstance(vals, str) else vals or []:
                if isinstance(v, str) and v:
                    out.setdefault(v.lower(), code)
    return out


def _lookup_country(words: str) -> str | None:
    """ISO alpha-2 of a country named by ``words`` ("the Russian Federation", "Russian")."""
    w = " ".join(words.replace("’", "'").split()).strip(" ,.'")
    table = _states_table()
    for cand in (w, re.sub(r"^the\s+", "", w, flags=re.I), re.sub(r"'s$", "", w)):
        code = table.get(cand.lower())
        if code:
            return code
    return None


def _state_actor(ctx: ParseContext, code: str, *, add: bool = True) -> Actor | None:
    aid = f"state:{code}"
    if aid in ctx.actors:
        return ctx.actors[aid]
    gaz = getattr(ctx.gazetteer, "actors", None)
    actor: Actor | None = None
    if isinstance(gaz, Mapping) and isinstance(gaz.get(aid), Actor):
        actor = attrs.evolve(gaz[aid], mentions=())
    if actor is None:
        try:
            import pycountry

            c = pycountry.countries.get(alpha_2=code)
        except (ImportError, KeyError, LookupError):  # pragma: no cover - pycountry is a dependency
            c = None
        if c is None:
            return None
        actor = Actor(
            id=aid,
            name=getattr(c, "common_name", None) or c.name,
            kind=ActorKind.STATE,
            country=code,
        )
    return ctx.add_actor(actor) if add else actor


def actor_mentions(ctx: ParseContext, span: Span) -> list[tuple[Mention, Actor]]:
    """Actor mentions inside ``span`` with their actors, in text order, longest first at a
    position and without nested duplicates.

    Example:
        >>> ctx = ParseContext(text="Egypt and Qatar")
        >>> actor_mentions(ctx, Span(start=0, end=15))
        []
    """
    out: list[tuple[Mention, Actor]] = []
    last_end = -1
    for m in ctx.mentions_in(span, MentionKind.ACTOR):
        if m.span.start < last_end:
            continue
        if re.search(
            r"(?:pro|anti|non)-$", ctx.text[max(0, m.span.start - 5) : m.span.start], re.I
        ):
            # "pro-Russian forces" are not Russia.
            continue
        actor = ctx.actors.get(m.target)
        if actor is not None:
            out.append((m, actor))
            last_end = m.span.end
    return out


_CAPS = re.compile(r"(?<![\w.'’-])[A-Z][\w.'’-]*(?:\s{1,3}[A-Z][\w.'’-]*){0,2}")
_TITLE_AFTER = re.compile(
    r"\s{1,3}(?:(?:President|Prime|Minister|Foreign|Defence|Defense|Deputy|Vice|Ambassador|"
    r"Secretary|Envoy|envoy|president|prime|minister|foreign|ambassador|spokesperson|spokesman|"
    r"leader|chief|General|general|Gen\.|Colonel|commander)\s{1,3})*[A-Z]"
)


def state_fallbacks(ctx: ParseContext, span: Span) -> list[tuple[Mention, Actor]]:
    """States named in ``span`` by a name, demonym or capital that no earlier stage marked
    ("a longstanding Russian demand", "Russian officials").  A demonym that modifies a named
    person ("Ukrainian President Volodymyr Zelensky") is not one.  The mentions are not added to
    the context; see ``register``.

    Example:
        >>> ctx = ParseContext(text="a Russian demand")
        >>> [(m.span.of(ctx.text), a.id) for m, a in state_fallbacks(ctx, Span(start=0, end=16))]
        [('Russian', 'state:RU')]
    """
    text = ctx.text
    out: list[tuple[Mention, Actor]] = []
    for win in _windows(span, text):
        for m in _CAPS.finditer(text, win.start, win.end):
            words = m.group().split()
            for n in range(len(words), 0, -1):
                phrase = " ".join(words[:n]).rstrip(".,")
                code = _lookup_country(phrase)
                if code is None:
                    continue
                end = m.start() + len(" ".join(words[:n]).rstrip(".,"))
                # Recompute the end over the original spacing.
                end = (
                    m.start()
                    + text[m.start() : m.end()].find(words[n - 1])
                    + len(words[n - 1].rstrip(".,"))
                )
                mspan = Span(start=m.start(), end=end)
                if ctx.mention_at(mspan, MentionKind.ACTOR) is not None:
                    break
                if _TITLE_AFTER.match(text, end, min(len(text), end + 60)) and ctx.mention_at(
                    Span(start=end, end=min(len(text), end + 60)), MentionKind.ACTOR
                ):
                    break
                actor = _state_actor(ctx, code, add=False)
                if actor is not None:
                    out.append((Mention(span=mspan, target=actor.id, via="demonym"), actor))
                break
    return out


def register(ctx: ParseContext, mention: Mention, actor: Actor) -> Actor:
    """Add a fallback mention (and its actor) to the context, once; return the stored actor.

    Example:
        >>> ctx = ParseContext(text="a Russian demand")
        >>> (m, a), = state_fallbacks(ctx, Span(start=0, end=16))
        >>> register(ctx, m, a).id, len(ctx.mentions)
        ('state:RU', 1)
    """
    if ctx.mention_at(mention.span, MentionKind.ACTOR) is None:
        ctx.add_actor(attrs.evolve(actor, mentions=()) if actor.id not in ctx.actors else actor)
        ctx.add_mention(mention.span, target=actor.id, via=mention.via, alias=False)
    return ctx.actors.get(actor.id, actor)


def actors_with_fallback(ctx: ParseContext, span: Span) -> list[tuple[Mention, Actor]]:
    """Actor mentions in ``span`` plus states named there that no stage marked, in text order.

    Example:
        >>> ctx = ParseContext(text="Egyptian mediators")
        >>> [a.id for _, a in actors_with_fallback(ctx, Span(start=0, end=18))]
        ['state:EG']
    """
    found = actor_mentions(ctx, span)
    extra = [
        (m, a)
        for m, a in state_fallbacks(ctx, span)
        if not any(m.span.overlaps(x.span) for x, _ in found)
    ]
    return sorted([*found, *extra], key=lambda ma: ma[0].span.start)


def territory_mentions(ctx: ParseContext, span: Span) -> list[tuple[Mention, Territory]]:
    """Territory mentions inside ``span`` with their territories (no nested duplicates); an
    adjective ("Ukrainian regions") does not name a territory.

    Example:
        >>> territory_mentions(ParseContext(text="Crimea"), Span(start=0, end=6))
        []
    """
    out: list[tuple[Mention, Territory]] = []
    last_end = -1
    for m in ctx.mentions_in(span, MentionKind.TERRITORY):
        if m.span.start < last_end or m.via == "demonym":
            continue
        terr = ctx.territories.get(m.target)
        if terr is not None:
            out.append((m, terr))
            last_end = m.span.end
    return out


_COLLECTIVE = re.compile(
    r"\b(?:officials|negotiators|diplomats|government|authorities|leadership|side|delegation|"
    r"administration|forces|troops|military|army|leaders|ministry|demand|demands|position|sources?)\b",
    re.I,
)


def _as_party(
    ctx: ParseContext, actor: Actor, mention: Mention | None = None, *, modifier: bool = False
) -> Actor:
    """An anonymous collective ("US officials", "the Russian side") stands for its state; so
    does a demonym that modifies a proposal ("a longstanding Russian demand": ``modifier``).
    A single anonymous person ("a Russian analyst") does not."""
    if actor.anonymous or actor.kind is ActorKind.UNKNOWN:
        surfaces = [actor.name, actor.description or ""]
        if mention is not None:
            surfaces.append(mention.span.of(ctx.text))
        if not modifier and not any(_COLLECTIVE.search(x) for x in surfaces):
            return actor
        code = actor.country
        if code is None:
            for word in re.findall(r"[A-Z][\w.'’-]*", " ".join(surfaces)):
                code = _lookup_country(word)
                if code:
                    break
        if code:
            state = _state_actor(ctx, code)
            if state is not None:
                return state
    return actor


def in_prep_phrase(text: str, mention: Span, floor: int) -> bool:
    """True if the mention is the object of a preposition ("to European allies", "by Bloomberg"),
    looking back over titles and adjectives ("by US envoy Steve Witkoff").

    Example:
        >>> t = "a proposal to European allies"
        >>> in_prep_phrase(t, Span(start=14, end=29), 0)
        True
    """
    pos = mention.start
    for _ in range(4):
        seg = text[max(floor, pos - 40) : pos]
        m = re.search(r"([\w'’.-]+)(\W{0,3})$", seg)
        if not m:
            return False
        word = m.group(1).lower().strip(".")
        if word in _PREPOSITIONS:
            return True
        if word in _DET_WORDS or word.endswith(("'s", "’s")):
            pos = max(floor, pos - len(seg) + m.start())
            continue
        if m.group(2).strip() or not (word[:1].isalpha() and m.group(1)[:1].isupper()):
            # A lower-case word or punctuation that is not a preposition ends the search,
            # except lower-case adjectives of a title ("special envoy").
            if word in {
                "envoy",
                "special",
                "president",
                "minister",
                "vice",
                "deputy",
                "secretary",
                "spokesperson",
                "spokesman",
                "spokeswoman",
                "foreign",
                "prime",
                "chief",
                "ambassador",
                "adviser",
                "advisor",
                "leader",
                "officials",
                "official",
            }:
                pos = max(floor, pos - len(seg) + m.start())
                continue
            return False
        pos = max(floor, pos - len(seg) + m.start())
    return False


_SUBJ_BOUNDARY = re.compile(
    r"\b(?:that|which|who|whether|while|because|since|although|though|when|whereas|if|unless|but|"
    r"(?<!such\s)(?<!well\s)as(?!\s+well\b))\b|[;:]|\s[—–]\s",
    re.I,
)
_COORD_GAP = re.compile(
    r"(?:['’]s)?(?:\s{1,3}(?:army|government|forces|military|side|authorities|delegation|"
    r"officials|leadership|administration|rebels|militia))?"
    r"\s{0,3}(?:,|,?\s{1,3}(?:and|as\s+well\s+as|along\s+with|together\s+with|&|"
    r"including|such\s+as|notably|especially|in\s+particular),?)"
    r"\s{1,3}(?:[A-Z][\w.'’-]*\s{1,3}|(?:special|vice|deputy|foreign|prime|chief|envoy|president|"
    r"minister|secretary|of|state|national|security|advisor|adviser|the)\s{1,3}){0,5}"
    r"|\s{0,3}"
)


_MODIFIER_GAP = re.compile(
    r"(?:['’]s?)?\s{1,3}(?:(?:[A-Z][\w.'’-]*|special|vice|deputy|foreign|prime|chief|envoy|envoys|"
    r"president|minister|secretary|ambassador|spokesperson|spokesman|spokeswoman|official|leader|"
    r"negotiator|commander|general|to|the|of|for)\s{1,3}){0,6}"
)


def _drop_modifiers(text: str, cands: list[tuple[Mention, Actor]]) -> list[tuple[Mention, Actor]]:
    """Drop an actor that only modifies the next one: "US envoy Witkoff", "Ukraine's President
    Volodymyr Zelensky", "Kremlin spokesperson Dmitry Peskov"."""
    out: list[tuple[Mention, Actor]] = []
    for i, (m, a) in enumerate(cands):
        if i + 1 < len(cands):
            nm, na = cands[i + 1]
            gap = text[m.span.end : nm.span.start]
            if (
                na.kind is ActorKind.PERSON
                and a.kind is not ActorKind.PERSON
                and _MODIFIER_GAP.fullmatch(gap)
                and not re.search(r",|\band\b", gap)
            ):
                continue
        out.append((m, a))
    return out


def subject_actors(
    ctx: ParseContext, start: int, cue: int, *, skip_media: bool = True
) -> list[tuple[Mention, Actor]]:
    """The actors that are the subject of a verb at ``cue``, looking back to ``start``.

    The subject is the actor right before the verb when only a few words separate them ("Russia
    seeks", "US officials recently presented"), else the first actor of the clause that is not
    the object of a preposition; actors coordinated with it come along ("Egypt and Qatar put
    forward").  A that-clause or a subordinate clause ("as Russia seeks") bounds the search.

    Example:
        >>> subject_actors(ParseContext(text="Nobody spoke."), 0, 7)
        []
    """
    text = ctx.text
    seg = text[start:cue]
    last_b = None
    for m in _SUBJ_BOUNDARY.finditer(seg):
        last_b = m
    floor = start + last_b.end() if last_b else start

    def cands_in(lo: int, hi: int) -> list[tuple[Mention, Actor]]:
        return [
            (m, a)
            for m, a in actors_with_fallback(ctx, Span(start=lo, end=hi))
            if not in_prep_phrase(text, m.span, lo)
            and not (skip_media and a.kind is ActorKind.MEDIA)
        ]

    cands = _drop_modifiers(text, cands_in(floor, cue))
    if not cands and last_b is not None:
        b_at = start + last_b.start()
        near = actors_with_fallback(ctx, Span(start=max(start, b_at - 60), end=b_at))
        if (
            near
            and re.fullmatch(r"(?:which|who)", last_b.group(), re.I)
            and len(text[near[-1][0].span.end : b_at].split()) <= 2
            and near[-1][1].kind is not ActorKind.MEDIA
        ):
            # "..., the Russian government, which has rejected ...": the antecedent.
            cands = near[-1:]
        else:
            cands = _drop_modifiers(text, cands_in(start, b_at))[:1]
    if not cands:
        return []
    last_m = cands[-1]
    gap = text[last_m[0].span.end : cue]
    if len(gap.split()) <= 6 and not re.search(r"[,;:()]|\b(?:that|which|who)\b", gap):
        # The actor right before the verb, with those coordinated before it.
        group = [last_m]
        for mm, act in reversed(cands[:-1]):
            if _COORD_GAP.fullmatch(text[mm.span.end : group[0][0].span.start]):
                group.insert(0, (mm, act))
            else:
                break
    else:
        group = [cands[0]]
        for mm, act in cands[1:]:
            if _COORD_GAP.fullmatch(text[group[-1][0].span.end : mm.span.start]):
                group.append((mm, act))
            else:
                break
    out: list[tuple[Mention, Actor]] = []
    for mm, act in group:
        party = _as_party(ctx, register(ctx, mm, act), mm)
        if party.id not in {x.id for _, x in out}:
            out.append((mm, party))
    return out


_POSSESSIVE_BEFORE = re.compile(
    r"(?P<w>[\w.'’-]+?)(?P<s>['’]s?|)\s{1,3}(?:(?:recent|longstanding|long-standing|stated|main|key|"
    r"ultimate|declared|repeated|continued|own|renewed|persistent|core|central|chief|primary|"
    r"firm|steadfast|unwavering|historical|historic|territorial|legal|illegal|de\s+facto|formal)\s{1,3}){0,2}$"
)
_PRONOUN_POSS = frozenset({"its", "their", "his", "her", "our"})


def possessor(ctx: ParseContext, offset: int, floor: int) -> tuple[bool, Actor | None]:
    """Who owns the noun at ``offset`` ("Russia's insistence", "its desire"): (whether there is a
    possessive at all, the actor if it resolves).  A possessive pronoun resolves through a
    pronoun mention if the actors stage made one.

    Example:
        >>> possessor(ParseContext(text="the West's insistence"), 11, 0)
        (True, None)
    """
    seg = ctx.text[max(floor, offset - 60) : offset]
    m = _POSSESSIVE_BEFORE.search(seg)
    if not m:
        return False, None
    base = offset - len(seg)
    wspan = Span(start=base + m.start("w"), end=base + m.end("w"))
    word = m.group("w").lower()
    if m.group("s") == "" and word not in _PRONOUN_POSS:
        return False, None
    mention = ctx.mention_at(wspan, MentionKind.ACTOR)
    if mention is not None and mention.target in ctx.actors:
        return True, _as_party(ctx, ctx.actors[mention.target])
    if word in _PRONOUN_POSS:
        return False, None
    return True, None


# ---------------------------------------------------------------------------------- provisions


def _extent(text: str, start: int, end: int, limit: int, stops: Sequence[Span]) -> int:
    """Where a provision phrase that matched ``[start, end)`` ends: at the next soft stop, the
    next provision or a masked span (condition), at most ~150 characters on."""
    hard = min(limit, end + 150)
    for s in stops:
        if end <= s.start < hard:
            hard = s.start
    m = _SOFT_STOP.search(text, end, hard) if hard > end else None
    stop = m.start() if m else hard
    if m is None and hard < min(limit, end + 150):
        # Cut short by the next provision: end before the "and"/comma that joins them.
        j = max(text.rfind(" and ", end, stop), text.rfind(",", end, stop))
        if j >= end:
            stop = j
    seg = text[start:stop]
    trimmed = _TRAIL.sub("", seg)
    new_end = start + len(trimmed.rstrip())
    return max(end, new_end)


_RECOG_AS = re.compile(
    r"\bas\s{1,3}(?:an?\s{1,3})?(?:(?:integral|inalienable|legitimate|lawful|sovereign)\s{1,3})?"
    r"(?:part\s{1,3}of|belonging\s{1,3}to)\s{1,3}(?P<x>(?:the\s{1,3})?[A-Z][\w.'’-]*(?:\s{1,3}[A-Z][\w.'’-]*){0,3})"
    r"|\bas\s{1,3}(?P<y>[A-Z][\w.'’-]*(?:\s{1,3}[A-Z][\w.'’-]*){0,2})\s{1,3}(?:territory|land|lands|soil|regions?)\b"
    r"|(?P<z>[A-Z][\w.'’-]*(?:\s{1,3}[A-Z][\w.'’-]*){0,2})['’]s?\s{1,3}(?:(?:de\s{1,3}facto|de\s{1,3}jure|full)\s{1,3})?"
    r"(?:control|sovereignty|rule|annexation|ownership|authority)\s{1,3}(?:over|of)\b"
    r"|\bunder\s{1,3}(?P<w>[A-Z][\w.'’-]*(?:\s{1,3}[A-Z][\w.'’-]*){0,2})\s{1,3}(?:control|sovereignty|rule)\b"
)


def _recognized_as(
    ctx: ParseContext | None, text: str, start: int, end: int, limit: int
) -> tuple[str | None, int, Span | None]:
    """(ISO code, end of the frame, span of the state's name) of "as part of X" / "X's control
    over" after a recognition phrase that runs from ``start`` to ``end``."""
    m = _RECOG_AS.search(text, start, min(limit, end + 120))
    if not m:
        return None, end, None
    for g in ("x", "y", "z", "w"):
        if m.group(g) is None:
            continue
        gspan = Span(start=m.start(g), end=m.end(g))
        code: str | None = None
        if ctx is not None:
            for _, actor in actor_mentions(ctx, Span(start=gspan.start, end=gspan.end + 2)):
                if actor.kind is ActorKind.STATE and actor.country:
                    code = actor.country
                    break
            if code is None:
                for _, terr in territory_mentions(ctx, Span(start=gspan.start, end=gspan.end + 2)):
                    if terr.code and len(terr.code) == 2:
                        code = terr.code
                        break
        if code is None:
            words = m.group(g)
            for n in range(len(words.split()), 0, -1):
                code = _lookup_country(" ".join(words.split()[:n]))
                if code:
                    break
        if code is None:
            return None, end, None
        frame_end = m.end()
        if g == "x":
            # "... part of the Russian Federation." : the full stop is not part of the name.
            frame_end = m.start(g) + len(m.group(g).rstrip("."))
            gspan = Span(start=gspan.start, end=frame_end)
        return code, max(end, frame_end), gspan
    return None, end, None


def find_provisions(
    text: str,
    span: Span | None = None,
    lexicon: ProvisionLexicon | None = None,
    *,
    ctx: ParseContext | None = None,
    exclude: Sequence[Span] = (),
) -> list[Provision]:
    """Typed provisions stated in ``text[span]``, in text order.

    Spans are offsets into ``text``.  With a ``ctx`` (whose ``text`` must be ``text``) the
    provisions also get the territories and actors mentioned in their phrase, the state a
    territory would be recognised as part of (``recognized_as``), and phrases of the lexicon's
    ``requires_territory`` table count when a territory mention follows them.  Nothing inside
    ``exclude`` (conditions, other people's demands) is a provision.

    Example:
        >>> t = "freezing the front line and then easing sanctions on Belarus"
        >>> [(p.kind.value, p.text) for p in find_provisions(t)]
        [('frontline_freeze', 'freezing the front line'), ('sanctions_relief', 'easing sanctions on Belarus')]
    """
    lex = lexicon or ProvisionLexicon.default()
    if span is None:
        span = Span(start=0, end=len(text))
    out: list[Provision] = []
    for win in _windows(span, text):
        out.extend(_find_in_window(text, win, lex, ctx, exclude))
    return out


def _pattern_hits(text: str, win: Span, lex: ProvisionLexicon) -> list[tuple[int, int, _Compiled]]:
    """Matches of the lexicon's patterns in ``win`` (pattern by pattern, in text order), once
    per window and article."""
    memo = text_cache(text).memo
    key = ("provisions", id(lex))
    entry = memo.get(key)
    if entry is None:
        entry = memo[key] = (lex, {})
    by_window: dict[tuple[int, int], list[tuple[int, int, _Compiled]]] = entry[1]
    found = by_window.get((win.start, win.end))
    if found is not None:
        return found
    found = []
    patterns = lex._patterns()
    for i in sorted(lex._gate.candidates_in(text, win.start, win.end)):
        comp = patterns[i]
        for m in comp.regex.finditer(text, win.start, win.end):
            s, e = m.start(), m.end()
            if e <= s:
                continue
            # A phrase that ends in a preposition wants a definite object: "as part of Russia",
            # not "as part of a peace deal".
            if _ENDS_IN_PREP.search(m.group()) and _INDEFINITE_AFTER.match(text[e : e + 8]):
                continue
            found.append((s, e, comp))
    by_window[(win.start, win.end)] = found
    return found


_ENDS_IN_PREP = re.compile(r"\b(?:of|to|as)$", re.I)
_INDEFINITE_AFTER = re.compile(r"\s{1,3}(?:a|an|any|some)\b", re.I)


def _find_in_window(
    text: str,
    win: Span,
    lex: ProvisionLexicon,
    ctx: ParseContext | None,
    exclude: Sequence[Span],
) -> list[Provision]:
    hits = _pattern_hits(text, win, lex)
    if not hits:
        return []
    cands: list[tuple[int, int, _Compiled]] = []
    terr_mentions = territory_mentions(ctx, win) if ctx is not None else []
    for s, e, comp in hits:
        if comp.needs_territory:
            hit = None
            for tm, _ in terr_mentions:
                if tm.span.start >= e and tm.span.start - e <= 60:
                    between = text[e : tm.span.start]
                    if not re.search(r"[;.!?]|\b(?:if|unless|but|while)\b", between):
                        hit = tm
                    break
            if hit is None:
                continue
            e = hit.span.end
        cands.append((s, e, comp))
    cands = [c for c in cands if not _overlaps_any(Span(start=c[0], end=c[1]), exclude)]
    # Longest match wins overlaps ("ceasefire monitoring" over "ceasefire").
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, _Compiled]] = []
    for c in cands:
        if all(c[1] <= k[0] or c[0] >= k[1] for k in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    starts = [Span(start=c[0], end=c[0] + 1) for c in chosen]
    provisions: list[Provision] = []
    for i, (s, e, comp) in enumerate(chosen):
        stops = [*exclude, *starts[i + 1 :]]
        end = _extent(text, s, e, win.end, stops)
        start = s
        duration: int | None = None
        recognized: str | None = None
        skip_spans: list[Span] = []
        if comp.kind is ProvisionKind.CEASEFIRE:
            before = _DURATION_BEFORE.search(text[max(win.start, s - 30) : s])
            if before:
                duration = _duration_days(before.group("n"), before.group("u"))
                if duration:
                    start = max(win.start, s - 30) + before.start()
            after = _DURATION_AFTER.match(text[e : min(win.end, e + 40)])
            if duration is None and after:
                duration = _duration_days(after.group("n"), after.group("u"))
                if duration:
                    end = max(end, e + after.end())
        if comp.kind is ProvisionKind.TERRITORIAL_RECOGNITION:
            nxt = starts[i + 1].start if i + 1 < len(starts) else win.end
            recognized, frame_end, name_span = _recognized_as(ctx, text, s, end, min(nxt, win.end))
            if (
                recognized
                and frame_end <= min(nxt, win.end)
                and not _overlaps_any(Span(start=s, end=frame_end), exclude)
            ):
                end = max(end, frame_end)
            elif recognized and name_span is not None and name_span.start < end:
                pass
            else:
                recognized = None if not (name_span and name_span.end <= end) else recognized
            if name_span is not None:
                skip_spans.append(name_span)
        if ctx is not None:
            # "recognition of Crimea, Luhansk and Donetsk": the whole list.
            nxt_start = starts[i + 1].start if i + 1 < len(starts) else win.end
            for tm, _ in terr_mentions:
                if tm.span.start < end or tm.span.end > nxt_start:
                    continue
                if tm.span.start - end > 12 or not re.fullmatch(
                    r"(?:,|,?\s{1,3}(?:and|or))?\s{1,3}(?:the\s{1,3})?|\s{0,3},\s{0,3}",
                    text[end : tm.span.start],
                ):
                    break
                if _overlaps_any(tm.span, exclude):
                    break
                end = tm.span.end
        pspan = Span(start=start, end=max(end, start))
        territories: list[Territory] = []
        parties: list[Actor] = []
        if ctx is not None:
            for _, terr in territory_mentions(ctx, pspan):
                if recognized and (terr.code == recognized or terr.id == recognized):
                    continue
                if terr.id not in {t.id for t in territories}:
                    territories.append(terr)
            if comp.kind is ProvisionKind.TERRITORIAL_RECOGNITION:
                before_actor = _actor_right_before(ctx, s)
                if before_actor is not None:
                    parties.append(before_actor)
            for am, actor in actor_mentions(ctx, pspan):
                if any(am.span.overlaps(x) for x in skip_spans):
                    continue
                if recognized and actor.country == recognized and actor.kind is ActorKind.STATE:
                    continue
                if any(am.span.overlaps(tm.span) for tm, _ in territory_mentions(ctx, pspan)) and (
                    comp.kind is ProvisionKind.TERRITORIAL_RECOGNITION
                ):
                    continue
                party = _as_party(ctx, actor)
                if party.id not in {p.id for p in parties} and actor.kind is not ActorKind.MEDIA:
                    parties.append(party)
        provisions.append(
            Provision(
                kind=comp.kind,
                text=text[pspan.start : pspan.end],
                span=pspan,
                territories=territories,
                parties=parties,
                recognized_as=recognized,
                duration_days=duration,
                label=comp.label if comp.kind is ProvisionKind.OTHER else None,
            )
        )
    return provisions


def _actor_right_before(ctx: ParseContext, offset: int) -> Actor | None:
    """The actor named right before ``offset`` as a modifier ("U.S. recognition", "Kyiv's
    recognition")."""
    win = Span(start=max(0, offset - 40), end=offset)
    found = actor_mentions(ctx, win)
    if not found:
        return None
    m, actor = found[-1]
    gap = ctx.text[m.span.end : offset]
    if re.fullmatch(
        r"(?:['’]s?)?\s{1,3}(?:(?:full|formal|official|de\s+jure|de\s+facto)\s{1,3})?", gap
    ):
        return _as_party(ctx, actor)
    return None


# ---------------------------------------------------------------------------------- conditions


def find_conditions(
    text: str, span: Span | None = None, lexicon: ProposalLexicon | None = None
) -> list[Condition]:
    """Conditions in ``text[span]``: a condition marker ("if", "only after", "provided that",
    "unless", "in the event of") and the rest of its clause.

    Example:
        >>> t = "lifting sanctions if a lasting ceasefire is achieved."
        >>> [c.text for c in find_conditions(t)]
        ['if a lasting ceasefire is achieved']
    """
    rx: _Rx = (lexicon or ProposalLexicon.default())._compiled
    if span is None:
        span = Span(start=0, end=len(text))
    memo = text_cache(text).memo
    key = ("conditions", id(rx), span.start, span.end)
    cached: tuple[_Rx, list[Condition]] | None = memo.get(key)
    if cached is None:
        cached = memo[key] = (rx, _conditions(text, span, rx))
    return list(cached[1])


def _conditions(text: str, span: Span, rx: _Rx) -> list[Condition]:
    out: list[Condition] = []
    for win in _windows(span, text):
        last_end = -1
        for m in rx.condition.finditer(text, win.start, win.end):
            if m.start() < last_end:
                continue
            before = text[max(win.start, m.start() - 6) : m.start()].lower()
            if re.search(r"\b(?:as|even|what)\s$", before) and m.group().lower() == "if":
                continue
            end = _clause_end(text, m.end(), min(win.end, m.end() + 250))
            seg = text[m.start() : end].rstrip().rstrip("\"”»’'").rstrip()
            if len(seg.split()) < 3:
                continue
            out.append(Condition(text=seg, span=Span(start=m.start(), end=m.start() + len(seg))))
            last_end = m.start() + len(seg)
    return out


def position_objects(text: str, span: Span, triggers: re.Pattern[str] | None = None) -> list[Span]:
    """What actors push, call or argue for ("pushing for a ceasefire") inside ``span``: the rest
    of the clause after such a cue.  These phrases are positions, not provisions of a proposal,
    unless the object is itself a proposal ("rejected the Egyptian proposal for a truce":
    ``triggers`` finds those).

    Example:
        >>> t = "with Cairo pushing for a truce in Gaza"
        >>> [s.of(t) for s in position_objects(t, Span(start=0, end=len(t)))]
        ['pushing for a truce in Gaza']
    """
    memo = text_cache(text).memo
    key = ("position_objects", id(triggers), span.start, span.end)
    cached: tuple[re.Pattern[str] | None, list[Span]] | None = memo.get(key)
    if cached is None:
        cached = memo[key] = (triggers, _position_objects(text, span, triggers))
    return list(cached[1])


def _position_objects(text: str, span: Span, triggers: re.Pattern[str] | None) -> list[Span]:
    out: list[Span] = []
    for win in _windows(span, text):
        for m in _POSITION_OBJECT.finditer(text, win.start, win.end):
            if _CONTENT_SUBJECT.search(text[max(win.start, m.start() - 30) : m.start()]):
                continue
            end = _clause_end(text, m.end(), min(win.end, m.end() + 250))
            if triggers is not None and any(
                " ".join(h.group("t").lower().split()) not in _WEAK_OBJECTS
                and len(text[m.end() : h.start()].split()) <= 5
                for h in triggers.finditer(text, m.end(), min(end, m.end() + 60))
            ):
                continue
            # "rejected the plan and demands a referendum": the second verb has its own object.
            nxt = _NEXT_VERB.search(text, m.end(), end)
            if nxt:
                end = nxt.start()
            out.append(Span(start=m.start(), end=end))
    return out


# A ceasefire pushed for is a stance; a plan rejected is news about the plan.
_WEAK_OBJECTS = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "peace", "settlement"})

_QUID_PRO_QUO = re.compile(r"in\s+(?:exchange|return)\s+for\b", re.I)
# "would withdraw", "would be allowed to return", "will see 33 hostages freed": terms of a deal.
_IRREALIS = re.compile(
    r"\b(?:would|will|shall)\s{1,3}(?:also\s{1,3}|then\s{1,3}|\w+ly\s{1,3})?"
    r"(?:(?:be\s{1,3}(?:\w+ed|allowed|expected|required)\s{1,3}(?:to\s{1,3})?)|see\s{1,3}"
    r"(?:[\w,'’-]+\s{1,3}){0,3}|include\s{1,3}|involve\s{1,3}|receive\s{1,3}|get\s{1,3})?"
    r"(?:the\s{1,3}|a\s{1,3}|an\s{1,3})?$",
    re.I,
)

_NEXT_VERB = re.compile(
    r"\b(?:and|but)\s{1,3}(?:then\s{1,3}|also\s{1,3}|instead\s{1,3})?(?:demand|seek|insist|call|want|"
    r"offer|propos|reject|accept|urg|push|back|support|oppos|agree|refus|press)\w*\b",
    re.I,
)


# ---------------------------------------------------------------------------------- the stage


_HISTORICAL = re.compile(r"\b(?:previous|former|earlier)\b[\w\s'’-]{0,40}$", re.IGNORECASE)
_DATED = re.compile(r"\b(?:19|20)\d\d\b[\w\s'’-]{0,40}$")


def _historical(text: str, draft: _Draft) -> bool:
    # "the 1994 ceasefire agreement", "a previous deal": a past agreement is context,
    # not a proposal on the table.
    # A dated deal whose terms the article spells out is usually the one being implemented.
    before = text[max(0, draft.anchor.start - 45) : draft.anchor.end]
    if _HISTORICAL.search(before) is not None:
        return True
    return len(draft.kinds) <= 1 and _DATED.search(before) is not None


def _drop_headline(text: str, drafts: list[_Draft]) -> list[_Draft]:
    # A headline (an unpunctuated first line) restates the body's proposal; keeping it
    # would count the same deal twice.
    if len(drafts) < 2:
        return drafts
    nl = text.find("\n")
    head = text[:nl].rstrip() if nl > 0 else ""
    if not head or head[-1] in ".!?\"'\u201d\u2019\u00bb:":
        return drafts
    first = drafts[0]
    if first.end > nl:
        return drafts
    if any(first.kinds <= d.kinds for d in drafts[1:]):
        return drafts[1:]
    return drafts


@attrs.define(kw_only=True)
class _Draft:
    anchor: Span
    trigger: str
    start: int
    end: int
    first_sentence: int
    last_sentence: int
    proposer: Actor | None = None
    co_proposers: list[Actor] = attrs.Factory(list)
    responders: list[tuple[Actor, ProposalStatus, Span]] = attrs.Factory(list)
    anchor_proposer: bool = False
    recipients: list[Actor] = attrs.Factory(list)
    provisions: list[Provision] = attrs.Factory(list)
    conditions: list[Condition] = attrs.Factory(list)
    status: ProposalStatus = ProposalStatus.UNKNOWN
    venue: str | None = None
    date: TextDate | None = None
    source: Actor | None = None
    references: list[Span] = attrs.Factory(list)
    anaphoric: bool = False
    explicit: bool = False

    @property
    def kinds(self) -> frozenset[tuple[ProvisionKind, str | None]]:
        return frozenset((p.kind, p.label) for p in self.provisions)

    def richness(self) -> tuple[int, int, int, int]:
        terr = sum(len(p.territories) + (1 if p.recognized_as else 0) for p in self.provisions)
        return (
            len(self.kinds),
            terr,
            (self.source is not None) + (self.date is not None) + (self.venue is not None),
            -self.start,
        )


_STATUS_RANK = {
    ProposalStatus.UNKNOWN: 0,
    ProposalStatus.PROPOSED: 1,
    ProposalStatus.DEMANDED: 1,
    ProposalStatus.PRESENTED: 2,
    ProposalStatus.UNDER_CONSIDERATION: 3,
    ProposalStatus.ACCEPTED: 4,
    ProposalStatus.REJECTED: 4,
    ProposalStatus.SIGNED: 5,
    ProposalStatus.ENDED: 6,
}
_RESPONDER = frozenset(
    {
        ProposalStatus.ACCEPTED,
        ProposalStatus.REJECTED,
        ProposalStatus.SIGNED,
        ProposalStatus.ENDED,
        ProposalStatus.UNDER_CONSIDERATION,
    }
)


# Implicit cues with these statuses ("agreed to a truce") make their subject a party that
# accepts, not a proposer.
_AGREEING = frozenset(
    {ProposalStatus.ACCEPTED, ProposalStatus.SIGNED, ProposalStatus.REJECTED, ProposalStatus.ENDED}
)
# Statuses whose subject is the party the proposal was put to.
_RECEIVING = frozenset(
    {ProposalStatus.ACCEPTED, ProposalStatus.REJECTED, ProposalStatus.UNDER_CONSIDERATION}
)


def _later(old: ProposalStatus, new: ProposalStatus) -> ProposalStatus:
    return new if _STATUS_RANK[new] > _STATUS_RANK[old] else old


@attrs.frozen(kw_only=True)
class _Trigger:
    span: Span
    word: str
    det: str | None
    np_start: int
    generic: bool
    soft_generic: bool
    negated: bool
    weak: bool
    named: bool
    anaphoric: bool
    plural: bool
    modifier_status: ProposalStatus | None
    owner: tuple[Mention, Actor] | None


@attrs.define(kw_only=True)
class _Anchor:
    clause: Span
    start: int
    end: int
    trigger_text: str
    status: ProposalStatus
    cue_start: int
    proposer_from_subject: bool
    trigger: _Trigger | None
    implicit: bool
    owner_actor: Actor | None = None
    governed: bool = False
    framed: bool = False
    """An implicit offer that a trigger names ("proposed a plan that ...")."""


class ProposalParser:
    """Pipeline stage ``proposals``: fills ``ctx.proposals``.

    Args:
        provisions: the provision lexicon (default: the shipped one).
        extra_provisions: more phrases by label, added to ``provisions``; a label that is not a
            [`ProvisionKind`][conflictmodel.ProvisionKind] value gives provisions of kind
            ``other`` with that label.
        lexicon: the other cues (triggers, status verbs, condition markers).

    Example:
        >>> from conflictmodel import parse_article
        >>> from conflictmodel.pipeline import default_pipeline
        >>> p = ProposalParser(extra_provisions={"amnesty": ["amnesty for *"]})
        >>> pipe = default_pipeline().replace("proposals", p)
        >>> art = parse_article("Mediators proposed a plan that includes an amnesty for fighters.",
        ...                     pipeline=pipe)
        >>> [(v.kind.value, v.label) for v in art.proposals[0].provisions]
        [('other', 'amnesty')]
    """

    name = "proposals"
    requires: tuple[str, ...] = ("sentences", "actors")
    provides: tuple[str, ...] = ("proposals", "proposal_traces")

    def __init__(
        self,
        *,
        provisions: ProvisionLexicon | None = None,
        extra_provisions: Mapping[str, Iterable[str]] | None = None,
        lexicon: ProposalLexicon | None = None,
    ) -> None:
        lex = provisions or ProvisionLexicon.default()
        if extra_provisions:
            lex = lex.extend(extra_provisions)
        self.provisions = lex
        self.lexicon = lexicon or ProposalLexicon.default()
        self._rx: _Rx = self.lexicon._compiled

    # -------------------------------------------------------------- entry point

    def __call__(self, ctx: ParseContext) -> None:
        text = ctx.text
        if not text.strip():
            return
        sentences = _units(ctx)
        drafts: list[_Draft] = []
        for idx, sent in enumerate(sentences):
            if ctx.is_furniture(sent):
                continue
            self._sentence(ctx, idx, sent, drafts)
        drafts = _drop_headline(text, [d for d in _dedupe(drafts) if not _historical(text, d)])
        ctx.proposals.extend(_finish(ctx, d) for d in drafts)
        ctx.proposal_traces.extend(
            ProposalTrace(
                id=f"prop:{d.start}-{d.end}",
                anchor=d.anchor,
                references=tuple(d.references),
                responders=tuple((a.id, st, ev) for a, st, ev in d.responders),
                anchor_proposer=d.anchor_proposer,
                co_proposers=tuple(a.id for a in d.co_proposers),
            )
            for d in drafts
        )

    # -------------------------------------------------------------- per sentence

    def _sentence(self, ctx: ParseContext, idx: int, sent: Span, drafts: list[_Draft]) -> None:
        text = ctx.text
        seg = text[sent.start : sent.end]
        headline = _is_headline(seg)
        clauses = _clauses(text, sent)
        conditions = find_conditions(text, sent, self.lexicon)
        cond_spans = [c.span for c in conditions]
        # "in exchange for prisoners" states the price, which is part of the deal.
        masks: list[Span] = [
            c.span for c in conditions if not _QUID_PRO_QUO.match(c.text)
        ] + position_objects(text, sent, self._rx.trigger)
        # A trigger inside a condition ("provided that the treaty is signed") is no proposal and
        # no news about one.
        triggers = [
            t for t in self._triggers(ctx, sent, headline) if not _overlaps_any(t.span, cond_spans)
        ]
        anchors = self._anchors(ctx, sent, clauses, triggers, masks)

        last = drafts[-1] if drafts else None
        consumed: set[int] = set()
        # A sentence that opens by referring back continues the last proposal.
        if last is not None and idx - last.last_sentence <= 2 and self._rx.continuation.match(seg):
            first_clause = clauses[0]
            cont_end = first_clause.end
            # Clauses joined by "and"/"including" still belong to the continuation.
            for c in clauses[1:]:
                if any(
                    a.clause == c for a in anchors if a.trigger is None or not a.trigger.anaphoric
                ):
                    break
                if _overlaps_any(c, position_objects(text, c, self._rx.trigger)):
                    break
                cont_end = c.end
                break
            cont = Span(start=sent.start, end=cont_end)
            for i, a in enumerate(anchors):
                if a.start < cont.end and (
                    a.trigger is None or a.trigger.anaphoric or a.clause == first_clause
                ):
                    if (
                        a.trigger is not None
                        and a.trigger.owner is not None
                        and not a.trigger.anaphoric
                    ):
                        continue
                    consumed.add(i)
                    if a.status is not ProposalStatus.UNKNOWN:
                        last.status = _later(last.status, a.status)
            self._extend(ctx, last, cont, sent, idx, masks, conditions, add_territories=True)
        elif last is not None and idx - last.last_sentence <= 1 and not anchors:
            # "Israeli forces would gradually withdraw from ...": the terms of the proposal just
            # described, in the conditional mood.
            terms = [
                p
                for p in find_provisions(text, sent, self.provisions, ctx=ctx, exclude=masks)
                if _IRREALIS.search(text[max(sent.start, p.span.start - 40) : p.span.start])
            ]
            if terms:
                last.provisions = _merge_provisions(last.provisions, terms)
                last.end = max(last.end, sent.end)
                last.last_sentence = idx
        for i, a in enumerate(anchors):
            if i in consumed:
                continue
            target = self._antecedent(ctx, a, drafts, idx, masks)
            if target is not None:
                if idx - target.last_sentence <= 1:
                    region = self._region(text, a, anchors, clauses, sent)
                    self._extend(ctx, target, region, sent, idx, masks, conditions)
                target.references.append(Span(start=a.start, end=a.end))
                if a.status is not ProposalStatus.UNKNOWN:
                    target.status = _later(target.status, a.status)
                self._responders(ctx, target, a)
                continue
            if a.implicit and any(
                b.trigger is not None
                and _is_lead_frame(text, b.clause, sent)
                and c_next(clauses, b.clause) == a.clause
                for b in anchors
            ):
                # "Under a deal struck in Riyadh, both sides agreed to ...": the deal's terms.
                continue
            if (
                a.trigger is not None
                and a.trigger.weak
                and a.trigger.anaphoric
                and not (a.governed or a.trigger.owner or a.implicit)
            ):
                # "will oversee the ceasefire" with no ceasefire before it: not a proposal.
                continue
            draft = self._new_draft(ctx, idx, sent, a, anchors, clauses, masks, conditions)
            if draft is not None:
                drafts.append(draft)

    def _has_own_content(self, ctx: ParseContext, a: _Anchor, masks: Sequence[Span]) -> bool:
        """Provisions stated after the trigger in its clause ("the deal would also ...")."""
        after = Span(start=a.end, end=max(a.end, a.clause.end))
        return bool(find_provisions(ctx.text, after, self.provisions, ctx=ctx, exclude=masks))

    def _antecedent(
        self,
        ctx: ParseContext,
        a: _Anchor,
        drafts: Sequence[_Draft],
        idx: int,
        masks: Sequence[Span],
    ) -> _Draft | None:
        """The earlier proposal a trigger refers back to: "the plan", "the latest proposal",
        "the Qatari offer" (after Egypt and Qatar's truce), or None for a new proposal."""
        t = a.trigger
        if t is None or not drafts or t.named:
            return None
        if t.anaphoric:
            last = drafts[-1]
            if t.weak:
                # "the ceasefire" refers back only to an adjacent proposal about a ceasefire.
                kinds = {p.kind for p in last.provisions}
                if idx - last.last_sentence <= 1 and (
                    ProvisionKind.CEASEFIRE in kinds or last.trigger.lower() == t.word.lower()
                ):
                    return last
                return None
            if idx - last.last_sentence <= 1:
                return last
            if not self._has_own_content(ctx, a, masks):
                return last
            return None
        if t.owner is not None and t.det in {"the", "this", "that", "its", "their"}:
            last = drafts[-1]
            if (
                last.proposer is None
                and idx - last.last_sentence <= 1
                and t.word.lower().rstrip("s")
                in {w.lower().rstrip("s") for w in (last.trigger, "agreement", "deal")}
            ):
                # "A deal was agreed. The agreement, brokered by Qatar, ...": now we know who.
                last.proposer = _as_party(ctx, t.owner[1], t.owner[0], modifier=True)
                return last
            owner_id = t.owner[1].id
            for d in reversed(drafts):
                ids = {x.id for x in d.co_proposers} | ({d.proposer.id} if d.proposer else set())
                if d.explicit and owner_id in ids and not self._has_own_content(ctx, a, masks):
                    return d
        return None

    # -------------------------------------------------------------- triggers and anchors

    def _triggers(self, ctx: ParseContext, sent: Span, headline: bool) -> list[_Trigger]:
        text = ctx.text
        rx = self._rx
        out: list[_Trigger] = []
        for win in _windows(sent, text):
            for n_found, m in enumerate(rx.trigger.finditer(text, win.start, win.end)):
                if n_found >= _MAX_PER_WINDOW:
                    # Prose never has this many; the rest of the window is not worth the work.
                    break
                word = " ".join(m.group("t").lower().split())
                if (
                    re.search(
                        r"\b(?:in|within|under|outside)\s{1,3}(?:the|a|this)\s{1,3}$",
                        text[max(sent.start, m.start() - 14) : m.start()],
                        re.I,
                    )
                    and re.match(r"\s{1,3}of\b", text[m.end() : m.end() + 5])
                    and word
                    in {"framework", "context", "package", "understanding", "formula", "protocol"}
                ):
                    # "in the framework of a broader settlement" is an idiom, not a proposal.
                    continue
                plural = bool(m.group("pl")) or (word.endswith("s") and word in {"terms"})
                np_start, det, mods = _noun_phrase(text, m.start(), sent.start)
                mods_low = [w.lower() for w in mods]
                generic = det in {
                    "any",
                    "no",
                    "every",
                    "each",
                    "all",
                    "either",
                    "neither",
                    "whatever",
                } or any(
                    w in {"possible", "potential", "future", "eventual", "hypothetical"}
                    for w in mods_low
                )
                soft = any(w in rx.generic for w in mods_low)
                neg = det == "no" or bool(
                    _NEG_BEFORE.search(text[max(sent.start, np_start - 30) : np_start])
                )
                owner = _owner(ctx, np_start, m.start(), rx.venue_name)
                owner = owner or _owner_after(ctx, m.end(), sent.end)
                named = (
                    not headline
                    and m.group("t")[:1].isupper()
                    and any(w[:1].isupper() for w in mods)
                )
                if named and not rx.venue_name.search(" ".join(mods)) and det is None and not mods:
                    named = False
                anaphoric = (
                    det in {"the", "this", "that", "these", "those", "such", "its"}
                    and owner is None
                    and not named
                )
                modifier_status: ProposalStatus | None = None
                mod_text = text[np_start : m.start()]
                for status, srx in rx.status:
                    if srx.search(mod_text):
                        modifier_status = status
                        break
                if (
                    plural
                    and det is None
                    and owner is None
                    and not named
                    and not _has_numeral(mods)
                ):
                    generic = True
                out.append(
                    _Trigger(
                        span=Span(start=m.start(), end=m.end()),
                        word=m.group(0),
                        det=det,
                        np_start=np_start,
                        generic=generic,
                        soft_generic=soft,
                        negated=neg,
                        weak=word in rx.weak,
                        named=named,
                        anaphoric=anaphoric,
                        plural=plural,
                        modifier_status=modifier_status,
                        owner=owner,
                    )
                )
        # "memorandum of understanding", "peace agreement framework": one trigger per NP.
        merged: list[_Trigger] = []
        for t in out:
            if (
                merged
                and t.span.start - merged[-1].span.end <= 4
                and re.fullmatch(r"\s{0,3}(?:of\s{1,3})?", text[merged[-1].span.end : t.span.start])
            ):
                prev = merged[-1]
                merged[-1] = attrs.evolve(
                    prev,
                    span=Span(start=prev.span.start, end=t.span.end),
                    word=text[prev.span.start : t.span.end],
                    weak=prev.weak and t.weak,
                    plural=t.plural,
                )
                continue
            merged.append(t)
        return merged

    def _status_hits(self, text: str, sent: Span) -> list[tuple[int, int, ProposalStatus]]:
        """Every status cue of the sentence, once (start, end, status), sorted."""
        memo = text_cache(text).memo
        key = ("status", id(self._rx), sent.start, sent.end)
        cached: tuple[_Rx, list[tuple[int, int, ProposalStatus]]] | None = memo.get(key)
        if cached is not None:
            return cached[1]
        hits: list[tuple[int, int, ProposalStatus]] = []
        status = self._rx.status
        for win in _windows(sent, text):
            for i in sorted(self._rx.status_gate.candidates_in(text, win.start, win.end)):
                st, srx = status[i]
                hits.extend(
                    (m.start(), m.end(), st) for m in srx.finditer(text, win.start, win.end)
                )
        hits.sort()
        memo[key] = (self._rx, hits)
        return hits

    def _governing_status(
        self,
        text: str,
        clause: Span,
        trig: _Trigger,
        hits: Sequence[tuple[int, int, ProposalStatus]],
        starts: Sequence[int],
    ) -> tuple[ProposalStatus, int] | None:
        """The status verb that governs a trigger: the nearest before its noun phrase (within
        ~60 characters of the clause) or a predicate right after it ("was rejected", "collapsed")."""
        best: tuple[int, ProposalStatus, int] | None = None
        lo = max(clause.start, trig.np_start - 60)
        hi = min(clause.end, trig.span.end + 45)
        i = bisect.bisect_left(starts, lo)
        while i < len(hits) and hits[i][0] < hi:
            h_start, h_end, status = hits[i]
            i += 1
            if h_end <= trig.np_start + 1 and h_start >= lo:
                gap = text[h_end : trig.np_start]
                if re.search(r"[,;.]|\b(?:that|which|who|if|unless)\b", gap):
                    continue
                gap_words = gap.lower().split()
                if len(gap_words) > 4 or any(w in _PREPOSITIONS and w != "of" for w in gap_words):
                    # "open to compromise in the framework of a settlement": not its verb.
                    continue
                dist = trig.np_start - h_end
            elif h_start >= trig.span.end:
                gap = text[trig.span.end : h_start]
                # "The ceasefire, brokered by Qatar, took effect": skip the appositive.
                gap = re.sub(r"^\s{0,3},[^,;.]{1,60},", " ", gap)
                if re.search(
                    r"\b(?:can|could|would|may|might|must|should|will|shall|cannot|to)\b", gap, re.I
                ):
                    # "before the treaty can be ratified" is not news about the treaty.
                    continue
                gap = re.sub(r"^\s{1,3}of\s{1,3}(?:[\w'’-]+\s{1,3}){1,2}?(?=\S|$)", " ", gap)
                if not re.fullmatch(
                    r"\s{0,3}(?:(?:[\w'’-]+\s{1,3}){0,4}?(?:was|were|is|are|has|have|had|been|being|be|"
                    r"reportedly|formally|officially|quickly|finally|later|also|now|already|effectively)\s{1,3})*"
                    r"|\s{0,3}(?:(?:by|from)\s{1,3}[\w'’.-]+\s{1,3})?",
                    gap,
                ):
                    continue
                if text[h_start:h_end].lower() in {
                    "new",
                    "latest",
                    "recent",
                    "most recent",
                    "revised",
                    "draft",
                }:
                    continue
                dist = h_start - trig.span.end + 10
            else:
                continue
            if best is None or dist < best[0]:
                best = (dist, status, h_start)
        if best is None:
            return None
        return best[1], best[2]

    def _anchors(
        self,
        ctx: ParseContext,
        sent: Span,
        clauses: Sequence[Span],
        triggers: Sequence[_Trigger],
        masks: Sequence[Span],
    ) -> list[_Anchor]:
        text = ctx.text
        rx = self._rx
        anchors: list[_Anchor] = []
        hits = self._status_hits(text, sent)
        starts = [h[0] for h in hits]
        for t in triggers:
            if t.negated or t.generic:
                continue
            clause = _clause_of(clauses, t.span.start)
            gov = self._governing_status(text, clause, t, hits, starts)
            default = self.lexicon.trigger_status.get(t.word.lower().split()[-1].rstrip("s"))
            default = default or self.lexicon.trigger_status.get(t.word.lower().split()[-1])
            if t.weak or t.soft_generic:
                has_duration = bool(
                    _DURATION_BEFORE.search(text[max(sent.start, t.span.start - 30) : t.span.start])
                )
                if not (
                    gov
                    or t.owner
                    or t.named
                    or (t.modifier_status and not t.weak)
                    or (has_duration and not t.soft_generic)
                    or (t.anaphoric and t.weak)
                ):
                    continue
            if gov is not None:
                status, cue_start = gov
            elif t.modifier_status is not None:
                status, cue_start = t.modifier_status, t.np_start
            elif default:
                status, cue_start = ProposalStatus(default), t.span.start
            else:
                status, cue_start = ProposalStatus.UNKNOWN, t.span.start
            if t.anaphoric and gov is None and not t.modifier_status:
                status = ProposalStatus.UNKNOWN
            anchors.append(
                _Anchor(
                    clause=clause,
                    start=t.np_start,
                    end=t.span.end,
                    trigger_text=t.word,
                    status=status,
                    cue_start=cue_start,
                    proposer_from_subject=gov is not None and status not in _RESPONDER,
                    trigger=t,
                    implicit=False,
                    governed=gov is not None,
                )
            )
        # Implicit proposals: an offer, willingness or demand followed by a provision.
        windows = _windows(sent, text)
        gates = [rx.implicit_gate.candidates_in(text, w.start, w.end) for w in windows]
        for i_cue, (status, irx) in enumerate(rx.implicit):
            for win, gate in zip(windows, gates, strict=True):
                if i_cue not in gate:
                    continue
                for n_found, m in enumerate(irx.finditer(text, win.start, win.end)):
                    if n_found >= _MAX_PER_WINDOW:
                        break
                    cue = Span(start=m.start(), end=m.end())
                    if _overlaps_any(cue, masks):
                        continue
                    if _NEG_BEFORE.search(text[max(sent.start, m.start() - 20) : m.start()]):
                        # "is not willing to", "never sought": no offer, no demand.
                        continue
                    clause = _clause_of(clauses, m.start())
                    has_poss, poss_actor = possessor(ctx, m.start(), clause.start)
                    if has_poss and poss_actor is None:
                        # "the West's insistence on ...": a demand of somebody we cannot name.
                        continue
                    after = Span(start=m.end(), end=min(clause.end, m.end() + 200))
                    provs = find_provisions(text, after, self.provisions, ctx=ctx, exclude=masks)
                    if not provs or provs[0].span.start - m.end() > 90:
                        continue
                    if any(a.clause == clause and a.implicit for a in anchors):
                        continue
                    anchors.append(
                        _Anchor(
                            clause=clause,
                            start=m.start(),
                            end=m.end(),
                            trigger_text=m.group(),
                            status=status,
                            cue_start=m.start(),
                            proposer_from_subject=status not in _AGREEING,
                            trigger=None,
                            implicit=True,
                            owner_actor=poss_actor,
                        )
                    )
        anchors.sort(key=lambda a: a.start)
        # One proposal per clause: an implicit offer framed by a trigger ("willing to recognise
        # ... as part of a ceasefire deal") is one proposal.
        out: list[_Anchor] = []
        for a in anchors:
            same = [b for b in out if b.clause == a.clause]
            if not same:
                out.append(a)
                continue
            b = same[0]
            if (
                a.trigger is not None
                and a.trigger.owner is not None
                and b.trigger is not None
                and (b.trigger.owner is not None and b.trigger.owner[1].id != a.trigger.owner[1].id)
            ):
                out.append(a)
                continue
            if b.implicit != a.implicit:
                imp, trg = (b, a) if b.implicit else (a, b)
                if (
                    trg.trigger is not None
                    and trg.trigger.anaphoric
                    and (
                        trg.start < imp.start
                        or find_provisions(
                            text,
                            Span(start=imp.end, end=max(imp.end, trg.start)),
                            self.provisions,
                            ctx=ctx,
                        )
                    )
                ):
                    # "Baku insists on a referendum before the treaty can be ratified": the
                    # treaty is an earlier proposal, the referendum a new demand.
                    out.append(a)
                    continue
            if (
                b.implicit
                and a.trigger is not None
                and a.status is not ProposalStatus.UNKNOWN
                and (_STATUS_RANK[a.status] > _STATUS_RANK[b.status] and a.trigger.owner is None)
            ):
                b.status = a.status
            if b.trigger is None and a.trigger is not None:
                b.trigger = a.trigger
            if b.implicit and a.trigger is not None and not a.trigger.soft_generic:
                b.trigger_text = a.trigger_text
                b.framed = True
        return out

    # -------------------------------------------------------------- building drafts

    def _new_draft(
        self,
        ctx: ParseContext,
        idx: int,
        sent: Span,
        a: _Anchor,
        anchors: Sequence[_Anchor],
        clauses: Sequence[Span],
        masks: Sequence[Span],
        conditions: Sequence[Condition],
    ) -> _Draft | None:
        text = ctx.text
        region = self._region(text, a, anchors, clauses, sent)
        provisions = find_provisions(text, region, self.provisions, ctx=ctx, exclude=masks)
        if not provisions and a.trigger is not None and _is_appositive(text, a, clauses):
            # "... — a longstanding Russian demand": the demand is what the previous clause said.
            prev = [c for c in clauses if c.end <= a.clause.start]
            if prev:
                provisions = find_provisions(
                    text, prev[-1], self.provisions, ctx=ctx, exclude=masks
                )
        if a.implicit and not provisions:
            return None
        draft = _Draft(
            anchor=Span(start=a.start, end=a.end),
            trigger=a.trigger_text,
            start=sent.start,
            end=sent.end,
            first_sentence=idx,
            last_sentence=idx,
            status=a.status,
            explicit=a.trigger is not None,
        )
        draft.provisions = _merge_provisions([], provisions)
        draft.conditions = [
            c for c in conditions if c.span.start >= a.clause.start or c.span.end > a.start
        ]
        self._people(ctx, draft, a, sent)
        if a.implicit and not a.framed and draft.proposer is None and a.proposer_from_subject:
            # An offer or a demand is somebody's; without a proposer it is just a topic.
            return None
        draft.anchor_proposer = a.proposer_from_subject and draft.proposer is not None
        draft.venue = self._venue(text, a, sent)
        draft.date = _nearest_date(ctx, sent, a.start)
        draft.source = _source(ctx, sent)
        return draft

    def _region(
        self, text: str, a: _Anchor, anchors: Sequence[_Anchor], clauses: Sequence[Span], sent: Span
    ) -> Span:
        """The part of the sentence whose provisions belong to anchor ``a``: its clause, and the
        clauses that follow until another anchor or a new subject."""
        # An implicit offer or demand governs what follows it, not what precedes it.
        start = a.start if a.implicit else a.clause.start
        end = a.clause.end
        # Another proposal later in the same clause owns what follows it.
        for b in anchors:
            if b is not a and b.clause == a.clause and b.start > a.end:
                end = min(end, b.start)
        others = [b for b in anchors if b is not a and b.clause != a.clause]
        if _is_lead_frame(text, a.clause, sent):
            # "Under the Jeddah Declaration, both sides committed to ...": what follows is its
            # content.
            nxt = c_next(clauses, a.clause)
            if nxt is not None and not any(b.clause == nxt and not b.implicit for b in others):
                end = nxt.end
        for c in clauses:
            if c.start < a.clause.end:
                continue
            if any(b.clause == c for b in others):
                break
            head = text[c.start : min(c.end, c.start + 40)].lower()
            if re.match(
                r"\W{0,3}(?:including|which|that|such\s+as|notably|namely|as\s+well\s+as|plus|and\s+(?:a|an|the)\b)",
                head,
            ):
                end = c.end
                continue
            break
        return Span(start=start, end=end)

    def _people(self, ctx: ParseContext, draft: _Draft, a: _Anchor, sent: Span) -> None:
        text = ctx.text
        clause = a.clause
        subjects = subject_actors(
            ctx,
            max(sent.start, clause.start if clause.start > sent.start else sent.start),
            a.cue_start,
        )
        if not subjects and clause.start > sent.start:
            subjects = subject_actors(ctx, sent.start, a.cue_start)
        owner = a.trigger.owner if a.trigger is not None else None
        if not subjects:
            # "«We are ready for a ceasefire», Peskov said": the speaker.
            for st in ctx.statements_at(a.start):
                if st.speaker is not None:
                    subjects = [
                        (Mention(span=st.speaker_span or st.span, target=st.speaker.id), st.speaker)
                    ]
                    break
        if a.implicit and a.owner_actor is not None:
            draft.proposer = a.owner_actor
        elif owner is not None:
            draft.proposer = _as_party(ctx, owner[1])
            others = [act for _, act in subjects if act.id != owner[1].id]
            if a.status in _RESPONDER:
                draft.responders = [
                    (_as_party(ctx, x), a.status, _trimmed(text, a.clause)) for x in others
                ]
        elif a.proposer_from_subject and subjects:
            parties = [_as_party(ctx, act) for _, act in subjects]
            draft.proposer = parties[0]
            draft.co_proposers = [p for p in parties[1:] if p.id != parties[0].id]
        elif subjects and a.status in _RESPONDER:
            draft.responders = [
                (_as_party(ctx, act), a.status, _trimmed(text, a.clause)) for _, act in subjects
            ]
        recips = _recipients(ctx, a, self._rx.group_heads)
        if not recips and a.status in _RECEIVING | {ProposalStatus.SIGNED}:
            recips = [x for x, _, _ in draft.responders]
        seen: set[str] = set()
        draft.recipients = []
        for r in recips:
            if r.id not in seen and (draft.proposer is None or r.id != draft.proposer.id):
                draft.recipients.append(r)
                seen.add(r.id)
        _ = text

    def _responders(self, ctx: ParseContext, draft: _Draft, a: _Anchor) -> None:
        if a.status not in _RESPONDER:
            return
        for _, act in subject_actors(ctx, a.clause.start, a.cue_start):
            p = _as_party(ctx, act)
            if all((x.id, st) != (p.id, a.status) for x, st, _ in draft.responders) and (
                draft.proposer is None or p.id != draft.proposer.id
            ):
                draft.responders.append((p, a.status, _trimmed(ctx.text, a.clause)))

    def _venue(self, text: str, a: _Anchor, sent: Span) -> str | None:
        # "a plan handed to Gulf mediators in Doha", "signed in Pretoria", "struck in Jeddah"
        after = a.trigger.span.end if a.trigger is not None else a.end
        tail = text[after : min(sent.end, after + 90)]
        m = re.match(
            r"(?:\s{1,3}(?:to|with)\s{1,3}(?:(?:the|its|their|his|her|our|key|both|all|western|arab|"
            r"regional)\s{1,3})?[A-Z][^,;.]{0,50}?)?"
            r"(?:\s{1,3}(?:signed|struck|reached|agreed|brokered|concluded|sealed|announced|held|"
            r"unveiled|presented|drafted|negotiated|mediated))?\s{1,3}(?:in|at)\s{1,3}(?:the\s{1,3})?"
            r"(?P<v>[A-Z][\w'’.-]*(?:\s{1,3}(?:el-|al-)?[A-Z][\w'’.-]*){0,2})",
            tail,
        )
        if (
            m
            and m.group("v").lower().split()[0].strip(".") not in _MONTHS
            and not re.fullmatch(r"\d+", m.group("v"))
        ):
            return m.group("v").rstrip(".")
        if a.trigger is not None:
            mods = text[a.trigger.np_start : a.trigger.span.start]
            vm = self._rx.venue_name.search(mods)
            if vm:
                return vm.group()
        return None

    def _extend(
        self,
        ctx: ParseContext,
        draft: _Draft,
        region: Span,
        sent: Span,
        idx: int,
        masks: Sequence[Span],
        conditions: Sequence[Condition],
        *,
        add_territories: bool = False,
    ) -> None:
        text = ctx.text
        new = find_provisions(text, region, self.provisions, ctx=ctx, exclude=masks)
        draft.provisions = _merge_provisions(draft.provisions, new)
        for c in conditions:
            if c.span.start < region.end + 1 and c not in draft.conditions:
                draft.conditions.append(c)
        # "It also covers Luhansk and Kherson": more territories of the last
        # territorial provision.
        if (
            add_territories
            and not new
            and re.match(
                r"\W{0,3}(?:this|it|that|these|the\s+list|the\s+demand)\s{1,3}(?:would\s{1,3})?(?:also\s{1,3})?(?:includ|cover|extend|appl)",
                text[region.start : region.end],
                re.I,
            )
        ):
            terrs = [t for _, t in territory_mentions(ctx, region)]
            for i in range(len(draft.provisions) - 1, -1, -1):
                p = draft.provisions[i]
                if p.kind is ProvisionKind.TERRITORIAL_RECOGNITION:
                    extra = [
                        t
                        for t in terrs
                        if t.id not in {x.id for x in p.territories}
                        and (p.recognized_as is None or t.code != p.recognized_as)
                    ]
                    if extra:
                        draft.provisions[i] = attrs.evolve(p, territories=(*p.territories, *extra))
                    break
        draft.end = max(draft.end, sent.end)
        draft.last_sentence = max(draft.last_sentence, idx)
        if draft.date is None:
            draft.date = _nearest_date(ctx, sent, sent.start)
        if draft.source is None:
            draft.source = _source(ctx, sent)


def _is_lead_frame(text: str, clause: Span, sent: Span) -> bool:
    """The clause opens the sentence as "Under the X," / "As part of the X,"."""
    seg = text[clause.start : clause.end]
    return (
        clause.start == sent.start
        and bool(
            re.match(
                r"\W{0,3}(?:under|in\s+line\s+with|according\s+to|as\s+part\s+of|in|with)\b",
                seg,
                re.I,
            )
        )
        and seg.rstrip().endswith(",")
    )


def c_next(clauses: Sequence[Span], clause: Span) -> Span | None:
    """The clause after ``clause``, or None.

    Example:
        >>> c_next([Span(start=0, end=3), Span(start=3, end=9)], Span(start=0, end=3))
        Span(start=3, end=9)
    """
    for c in clauses:
        if c.start >= clause.end:
            return c
    return None


def _trimmed(text: str, span: Span) -> Span:
    """``span`` without surrounding white space and trailing commas."""
    seg = text[span.start : span.end]
    lead = len(seg) - len(seg.lstrip())
    body = seg.strip().rstrip(",;:—– ").rstrip()
    return Span(start=span.start + lead, end=span.start + lead + len(body))


def _units(ctx: ParseContext) -> list[Span]:
    """Sentences, else paragraphs, else the whole text."""
    if ctx.sentences:
        return list(ctx.sentences)
    if ctx.paragraphs:
        return list(ctx.paragraphs)
    return [Span(start=0, end=len(ctx.text))]


def _noun_phrase(text: str, trig_start: int, floor: int) -> tuple[int, str | None, list[str]]:
    """(start of the noun phrase, its determiner, its modifiers) of a trigger noun."""
    pos = trig_start
    mods: list[str] = []
    det: str | None = None
    for _ in range(7):
        seg = text[max(floor, pos - 40) : pos]
        m = re.search(r"([\w'’.-]+)(\s{1,3})$", seg)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        wstart = pos - (len(seg) - m.start(1))
        if low in _DET_WORDS:
            det = low
            pos = wstart
            # "the most recent", "all the" stay inside the phrase
            break
        if low in _PREPOSITIONS or low in _NP_STOP:
            break
        if low.endswith(("'s", "’s")) or low.endswith(("s'", "s’")):
            mods.insert(0, word)
            pos = wstart
            break
        mods.insert(0, word)
        pos = wstart
    return pos, det, mods


def _has_numeral(mods: Sequence[str]) -> bool:
    return any(re.match(r"\d", w) or w.lower() in _NUMBER_WORDS for w in mods)


def _owner(
    ctx: ParseContext, np_start: int, trig_start: int, venue: re.Pattern[str] | None = None
) -> tuple[Mention, Actor] | None:
    """The actor named inside the trigger's noun phrase ("Russia's demand", "the Egyptian
    proposal", "a US-drafted plan"); a place the talks were held ("the Jeddah Declaration",
    "the Doha framework") is a venue, not an owner."""
    text = ctx.text
    found = [
        (m, a)
        for m, a in actors_with_fallback(ctx, Span(start=np_start, end=trig_start))
        if a.kind is not ActorKind.MEDIA
        and not (
            venue is not None
            and venue.fullmatch(m.span.of(text))
            and not re.match(r"['’]s?\b", text[m.span.end : m.span.end + 2])
        )
    ]
    if not found:
        return None
    m, a = found[-1]
    return (m, _as_party(ctx, register(ctx, m, a), m, modifier=True))


def _owner_after(ctx: ParseContext, trig_end: int, limit: int) -> tuple[Mention, Actor] | None:
    """ "a proposal by Egypt", "a truce brokered by Qatar", "the plan put forward by Kyiv"."""
    tail = ctx.text[trig_end : min(limit, trig_end + 60)]
    m = re.match(
        r",?\s{1,3}(?:(?:[\w'’-]+,?\s{1,3}){0,5}?(?:proposed|presented|drafted|brokered|mediated|offered|"
        r"tabled|put\s+forward|drawn\s+up|drew\s+up|backed|floated|submitted|crafted|authored|devised|"
        r"prepared|sponsored|unveiled)\s{1,3})?(?:by|from)\s{1,3}",
        tail,
    )
    if not m:
        return None
    at = trig_end + m.end()
    found = actor_mentions(ctx, Span(start=at, end=min(limit, at + 60)))
    for mention, actor in found:
        if mention.span.start - at <= 30 and actor.kind is not ActorKind.MEDIA:
            return mention, actor
    return None


def _is_appositive(text: str, a: _Anchor, clauses: Sequence[Span]) -> bool:
    if a.clause == clauses[0]:
        return False
    head = text[a.clause.start : a.start].strip().lower()
    return (
        bool(re.fullmatch(r"(?:a|an|the|one|another)?(?:\s*[\w'’-]+){0,4}", head))
        and a.trigger is not None
        and (
            a.trigger.word.lower().startswith(
                ("demand", "condition", "ultimatum", "proposal", "offer", "plan", "idea")
            )
        )
    )


def _recipients(ctx: ParseContext, a: _Anchor, group_heads: frozenset[str]) -> list[Actor]:
    text = ctx.text
    tail_start = a.end
    tail = text[tail_start : min(a.clause.end, tail_start + 120)]
    m = re.search(r"(?<![\w-])to\s{1,3}", tail)
    if not m or m.start() > 40:
        return []
    at = tail_start + m.end()
    words = re.match(
        r"((?:(?:the|its|their|his|her|our|key|both|all|several|some|western|arab|regional|"
        r"[A-Z][\w'’.-]*)\s{1,3}){0,4}[\w'’.-]+)",
        text[at : min(a.clause.end, at + 80)],
    )
    if not words:
        return []
    phrase = Span(start=at, end=at + len(words.group(1)))
    out: list[Actor] = []
    out_end = at
    found = actor_mentions(ctx, Span(start=at, end=min(a.clause.end, at + 80)))
    for mention, actor in found:
        if mention.span.start > phrase.end + 1:
            # coordinated recipients: "to Israel and Hamas"
            gap = text[out_end : mention.span.start]
            if not out or not re.fullmatch(
                r"\s{0,3}(?:,|and|,\s{0,3}and)\s{0,3}(?:the\s{1,3})?", gap
            ):
                break
        if mention.span.start - at > 40 and not out:
            break
        out.append(_as_party(ctx, actor))
        out_end = mention.span.end
    if out:
        return out
    try:
        from conflictmodel.parsers.actors import resolve_phrase
    except ImportError:  # pragma: no cover - the actors stage is part of the package
        return []
    resolved = resolve_phrase(ctx, phrase)
    if resolved is not None:
        return [_as_party(ctx, resolved)]
    head = words.group(1).split()
    if len(head) >= 2 and head[-1].lower() in group_heads and head[-2][:1].isupper():
        name = " ".join(head[-2:])
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        actor = Actor(
            id=f"group:{slug}",
            name=name,
            kind=ActorKind.GROUP,
            mentions=(Span(start=phrase.end - len(name), end=phrase.end),),
        )
        return [ctx.add_actor(actor)]
    return []


def _nearest_date(ctx: ParseContext, sent: Span, at: int) -> TextDate | None:
    dates = [d for d in ctx.dates_in(sent) if d.span is not None]
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.span.start - at) if d.span else 0)


_SOURCE_RX = re.compile(
    r"\b[Aa]ccording\s{1,3}to\s{1,3}(?:(?:a|an|the)\s{1,3})?(?:(?:new|recent|exclusive|latest)\s{1,3})?"
    r"(?:(?:report|reports|reporting|article|story|investigation|dispatch|leak)\s{1,3}(?:by|in|from|of)\s{1,3})?"
    r"(?:the\s{1,3})?(?P<a>[A-Z][\w'’.&-]*(?:\s{1,3}[A-Z][\w'’.&-]*){0,3})"
    r"|(?P<b>[A-Z][\w'’.&-]*(?:\s{1,3}[A-Z][\w'’.&-]*){0,3})\s{1,3}(?:first\s{1,3})?(?:reported|reports|revealed|"
    r"said\s{1,3}in\s{1,3}a\s{1,3}report)\b"
    r"|\b(?:[Rr]eported|[Rr]evealed|first\s{1,3}reported)\s{1,3}by\s{1,3}(?:the\s{1,3})?(?P<c>[A-Z][\w'’.&-]*(?:\s{1,3}[A-Z][\w'’.&-]*){0,3})"
)


def _source(ctx: ParseContext, sent: Span) -> Actor | None:
    """The outlet that reported it: "according to a report by Bloomberg", "Bloomberg reported"."""
    text = ctx.text
    for win in _windows(sent, text):
        for m in _SOURCE_RX.finditer(text, win.start, win.end):
            g = "a" if m.group("a") else "b" if m.group("b") else "c"
            gspan = Span(start=m.start(g), end=m.end(g))
            found = actor_mentions(ctx, Span(start=max(0, gspan.start - 1), end=gspan.end + 1))
            media = [a for _, a in found if a.kind is ActorKind.MEDIA]
            if media:
                return media[0]
            if found and g != "b":
                return found[-1][1]
            words = m.group(g).split()
            if g == "b" and found:
                continue
            # An outlet the gazetteer does not know: one or two capitalised words.
            if (
                len(words) <= 2
                and words[0].lower() not in {"the", "a", "an", "sources", "officials"}
                and not found
            ):
                name = " ".join(words).rstrip(".,")
                if (
                    name.lower() in {"he", "she", "they", "it", "we", "i"}
                    or name.lower() in _MONTHS
                ):
                    continue
                slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
                if not slug:
                    continue
                actor = Actor(
                    id=f"media:{slug}",
                    name=name,
                    kind=ActorKind.MEDIA,
                    mentions=(Span(start=gspan.start, end=gspan.start + len(name)),),
                )
                return ctx.add_actor(actor)
    for st in ctx.statements_overlapping(sent):
        if st.via is not None:
            return st.via
    return None


def _merge_provisions(old: Sequence[Provision], new: Sequence[Provision]) -> list[Provision]:
    """Add provisions, folding one of the same kind and label into the earlier one (its
    territories, parties and duration)."""
    out = list(old)
    for p in new:
        for i, q in enumerate(out):
            if q.kind is p.kind and q.label == p.label:
                if q.span == p.span:
                    break
                out[i] = attrs.evolve(
                    q,
                    territories=(
                        *q.territories,
                        *(t for t in p.territories if t.id not in {x.id for x in q.territories}),
                    ),
                    parties=(
                        *q.parties,
                        *(a for a in p.parties if a.id not in {x.id for x in q.parties}),
                    ),
                    recognized_as=q.recognized_as or p.recognized_as,
                    duration_days=q.duration_days or p.duration_days,
                )
                break
        else:
            out.append(p)
    return out


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """Merge repeated mentions of the same proposal: same proposer, same provision kinds."""
    groups: list[list[_Draft]] = []
    for d in drafts:
        for g in groups:
            h = g[0]
            if (
                d.proposer is not None
                and h.proposer is not None
                and d.proposer.id == h.proposer.id
                and d.kinds
                and d.kinds == h.kinds
                and _durations(d) == _durations(h)
            ):
                g.append(d)
                break
        else:
            groups.append([d])
    out: list[_Draft] = []
    for g in groups:
        best = max(g, key=lambda d: d.richness())
        for d in g:
            if d is best:
                continue
            best.status = _later(best.status, d.status)
            best.source = best.source or d.source
            best.date = best.date or d.date
            best.venue = best.venue or d.venue
            best.references.extend([d.anchor, *d.references])
            for r in d.responders:
                if r not in best.responders:
                    best.responders.append(r)
            for rec in d.recipients:
                if rec.id not in {x.id for x in best.recipients}:
                    best.recipients.append(rec)
        out.append(best)
    out.sort(key=lambda d: d.start)
    return out


def _durations(d: _Draft) -> frozenset[int]:
    return frozenset(p.duration_days for p in d.provisions if p.duration_days)


def _finish(ctx: ParseContext, d: _Draft) -> Proposal:
    text = ctx.text
    start, end = d.start, d.end
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg.rstrip())
    span = Span(start=start + lead, end=start + max(lead, trail))
    return Proposal(
        id=f"prop:{span.start}-{span.end}",
        trigger=d.trigger,
        text=text[span.start : span.end],
        span=span,
        proposer=d.proposer,
        recipients=d.recipients,
        provisions=d.provisions,
        conditions=d.conditions,
        status=d.status,
        venue=d.venue,
        date=d.date,
        source=d.source,
    )
