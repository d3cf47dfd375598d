"""One proposal per plan: later mentions of a plan join the draft that introduced it.

An article names a plan once ("a 28-point US peace plan") and then refers back to it many
times ("the plan", "the US proposal", "the framework", "the deal"), often paragraphs later and
with more of its terms.  Each mention used to become a proposal of its own; here a later draft
joins an earlier one when

* its trigger noun is of the same family (deal/agreement/accord..., plan/proposal/framework...,
  ceasefire/truce...; ``plan_families`` in ``proposals_words.json``),
* it is *definite* ("the", "this", a possessive, or the same capitalised name) — "a new plan"
  is another plan,
* its proposer, when it has one, is the earlier plan's proposer (or a co-proposer), and
* what it is about does not conflict: a later definite mention with provisions of other kinds
  adds them (that is the point), but two drafts that both name a proposer and differ do not
  join.

The joined draft keeps the first mention's span and id; the other mentions become its
``references`` (and [`Proposal.mentions`][conflictmodel.Proposal]), so positions anchored at
them still resolve to the one plan.  One pass over the drafts with a dictionary of open plans
per family: linear in the number of drafts.

A draft whose trigger states its aim in a complement ("a plan to reunite families", "a deal
that would reopen the port") but matched no provision phrase gets one provision of kind
``other`` whose text is that complement, so the proposal says what it is about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from conflictmodel.model.proposals import ProposalStatus, Provision, ProvisionKind
from conflictmodel.model.span import Span
from conflictmodel.parsers.language.clauses import clause_end
from conflictmodel.parsers.proposals.drafts import _Draft, _merge_provisions, absorb
from conflictmodel.resources import load_data

__all__ = ["aim_after_cue", "coalesce", "complement_provisions"]

_WORDS = load_data("proposals_words.json")
_FAMILY: dict[str, str] = {
    word: family for family, words in _WORDS["plan_families"].items() for word in words
}
_DEFINITE = re.compile(
    r"(?:\b(?:the|this|that|these|its|their|his|her|our|such)\b|\w['’]s?)"
    r"(?:\s{1,3}[\w.'’\"“”-]+){0,4}\s{0,3}$",
    re.I,
)
_FRESH = re.compile(
    r"\b(?:another|new|second|fresh|separate|rival|counter|alternative|own)\b", re.I
)
# "a truce of its own": another party's plan of the same kind.
_OWN_AFTER = re.compile(r"\s{1,3}of\s{1,3}(?:its|their|his|her|our)\s{1,3}own\b", re.I)
# A quoted name ("the "coalition of the willing" plan") says nothing about definiteness.
_QUOTED = re.compile(r"[\"“][^\"“”]{1,80}[\"”]")
# How far back a plan stays open for a definite mention (characters): a news article's
# "the deal" five paragraphs on still means the deal of the lead.
_REACH = 6000


def _family(trigger: str) -> str | None:
    word = " ".join(trigger.lower().split())
    word = word[:-1] if word.endswith("s") and word[:-1] in _FAMILY else word
    return _FAMILY.get(word)


def _plural(trigger: str) -> bool:
    word = trigger.lower()
    return word.endswith("s") and word[:-1] in _FAMILY


def _reference(text: str, d: _Draft) -> str:
    """How the draft's trigger is introduced: ``"definite"`` ("the plan", "Today's deal",
    "agreed to the truce"), ``"fresh"`` ("a new plan", "another truce") or ``"indefinite"``."""
    np = text[d.anchor.start : d.anchor.end]
    if d.trigger.lower() not in np.lower():
        # An implicit anchor ("agreed to"): the noun phrase follows the cue.
        np = text[d.anchor.end : min(len(text), d.anchor.end + 40)]
        cut = np.lower().find(d.trigger.lower())
        np = np[: cut + len(d.trigger)] if cut >= 0 else ""
    head = _QUOTED.sub(" ", np[: max(0, np.lower().rfind(d.trigger.lower()))])
    if not head.strip():
        before = _QUOTED.sub(" ", text[max(0, d.anchor.start - 40) : d.anchor.start])
        cut = max(before.rfind(","), before.rfind(";"), before.rfind("."), before.rfind("\n"))
        head = before[cut + 1 :]
    if _FRESH.search(head) or _OWN_AFTER.match(text, d.anchor.end):
        return "fresh"
    if _DEFINITE.search(head):
        return "definite"
    return "indefinite"


def _name(text: str, d: _Draft) -> str | None:
    """The capitalised name of a named plan ("the Jeddah Declaration"), lowercased."""
    seg = text[max(0, d.anchor.start - 40) : d.anchor.end]
    m = re.search(r"((?:[A-Z][\w'’-]+\s{1,3}){1,4})[\w-]+$", seg)
    if m is None or not d.trigger[:1].isupper():
        return None
    return " ".join(m.group(0).lower().split())


def _proposer_ok(head: _Draft, d: _Draft) -> bool:
    if d.proposer is None or head.proposer is None:
        return True
    ids = {head.proposer.id, *(a.id for a in head.co_proposers)}
    return d.proposer.id in ids


def _join(head: _Draft, d: _Draft) -> None:
    head.provisions = _merge_provisions(head.provisions, d.provisions)
    seen = {(c.span.start, c.span.end) for c in head.conditions}
    head.conditions.extend(c for c in d.conditions if (c.span.start, c.span.end) not in seen)
    head.proposer = head.proposer or d.proposer
    absorb(head, d)
    head.last_sentence = max(head.last_sentence, d.last_sentence)


def coalesce(text: str, drafts: Sequence[_Draft]) -> list[_Draft]:
    """Join later definite mentions of a plan to the draft that introduced it (in text order).

    Example:
        >>> from conflictmodel import parse_article
        >>> art = parse_article(
        ...     "Qatar proposed a plan for a 60-day truce in Gaza. Hamas said it was studying "
        ...     "the plan. Under the plan, hostages would be released. Israel rejected the plan.")
        >>> [(p.status.value, sorted(k.value for k in p.provision_kinds)) for p in art.proposals]
        [('rejected', ['ceasefire', 'hostage_release'])]
    """
    open_by_family: dict[str, _Draft] = {}
    by_name: dict[str, _Draft] = {}
    last_seen: dict[int, int] = {}
    out: list[_Draft] = []
    for d in sorted(drafts, key=lambda x: x.start):
        fam = _family(d.trigger)
        name = _name(text, d)
        head = by_name.get(name) if name else None
        if head is None and fam is not None:
            head = _open_plan(text, d, fam, open_by_family, last_seen, named=name is not None)
        if head is not None and head is not d:
            _join(head, d)
            last_seen[id(head)] = d.end
            continue
        asked = _answered(d, out, last_seen)
        if asked is not None:
            assert d.proposer is not None
            evidence = Span(start=d.start, end=d.end)
            asked.responders.append((d.proposer, ProposalStatus.UNDER_CONSIDERATION, evidence))
            continue
        out.append(d)
        last_seen[id(d)] = d.end
        if fam is not None:
            open_by_family[fam] = d
        if name:
            by_name[name] = d
    return out


def _answered(d: _Draft, earlier: Sequence[_Draft], last_seen: dict[int, int]) -> _Draft | None:
    """The earlier plan of another party that ``d`` only answers, if any.

    "Baku insists on a referendum ... Yerevan said it was ready to hold one": readiness (no
    proposal noun, only a cue such as "ready to") to do what another party asked for, with no
    term the request did not have, is an answer to that request, not a plan of its own.
    """
    if d.explicit or d.proposer is None or not d.kinds:
        return None
    if d.status is not ProposalStatus.UNDER_CONSIDERATION:
        return None
    for cand in reversed(earlier):
        if d.start - last_seen.get(id(cand), cand.end) > _REACH:
            break
        if cand.proposer is None or cand.proposer.id == d.proposer.id:
            continue
        if d.kinds <= cand.kinds:
            return cand
    return None


# "A ceasefire agreement was signed ... the truce held": a truce and the agreement that has a
# ceasefire are the same plan when the article has no other truce; "the US plan ... the
# agreement" likewise, when the later mention adds no terms of its own.
_KIN = {
    "truce": ("agreement", "plan"),
    "agreement": ("truce", "plan"),
    "plan": ("agreement",),
}


def _kin_plan(d: _Draft, fam: str, open_by_family: dict[str, _Draft]) -> _Draft | None:
    """The latest open plan of a kindred family that a definite mention can refer to."""
    kin = [open_by_family[f] for f in _KIN[fam] if f in open_by_family]
    for cand in sorted(kin, key=lambda x: -x.start):
        if not d.kinds <= cand.kinds:
            continue
        if fam == "truce" and ProvisionKind.CEASEFIRE not in {p.kind for p in cand.provisions}:
            continue
        return cand
    return None


def _open_plan(
    text: str,
    d: _Draft,
    fam: str,
    open_by_family: dict[str, _Draft],
    last_seen: dict[int, int],
    *,
    named: bool = False,
) -> _Draft | None:
    """The open plan a mention of family ``fam`` refers back to, if any."""
    ref = _reference(text, d)
    if ref == "fresh":
        return None
    cand = open_by_family.get(fam)
    # "the Jeddah Declaration" after "a proposal for a truce": a name of its own names another
    # document than an open plan of another family.
    if cand is None and ref == "definite" and fam in _KIN and not named:
        cand = _kin_plan(d, fam, open_by_family)
    if cand is None or d.start - last_seen.get(id(cand), cand.end) > _REACH:
        return None
    if not _proposer_ok(cand, d):
        return None
    if ref == "indefinite" and (
        d.first_sentence == cand.first_sentence
        or (d.proposer is not None and cand.proposer is None)
    ):
        # One sentence does not name the same plan twice with "a"; "a proposal drafted by
        # Kenya" after a plan nobody was said to propose is Kenya's, not that plan.
        return None
    # "an agreement" again, adding nothing: the same agreement reported again.
    if ref == "definite" or (d.kinds <= cand.kinds and not _plural(d.trigger)):
        return cand
    return None


_COMPLEMENT = re.compile(
    r"\s{0,3}(?:(?:that|which)\s{1,3}(?:would|will|could|should)\s{1,3}|to\s{1,3}"
    r"(?:try\s{1,3}to\s{1,3}|help\s{1,3}(?:to\s{1,3})?)?|aimed\s{1,3}at\s{1,3}|for\s{1,3}"
    r"(?=\w+ing\b))(?P<verb>[a-z][a-z-]+)\b",
)
# Complements that say nothing about the terms ("a plan to be presented", "a deal to end").
_EMPTY_VERBS = frozenset(_WORDS["empty_complement_verbs"])


def complement_provisions(text: str, d: _Draft) -> None:
    """Give a draft without provisions one ``other`` provision stated by its trigger's
    complement ("a plan to reunite children with their families")."""
    if d.provisions or not d.explicit:
        return
    m = _COMPLEMENT.match(text, d.anchor.end, min(len(text), d.anchor.end + 60))
    if m is None or m.group("verb") in _EMPTY_VERBS:
        return
    aim = _clause_aim(text, m.start("verb"), len(text), min_words=2)
    if aim is not None:
        d.provisions = [aim]


# "offered to reopen the port", "called on Kabul to expel the fighters", "proposed that both
# armies pull back": the infinitive or that-clause after an offer or demand cue is its aim.
_AIM_AFTER_CUE = re.compile(
    r"(?:(?<=\bto)|\s{1,3}(?:that\s{1,3})?(?:[A-Z][\w.'’-]*(?:\s{1,3}[A-Z][\w.'’-]*){0,3}"
    r"|the\s{1,3}\w+(?:\s{1,3}\w+)?|both\s{1,3}sides|all\s{1,3}parties|it|them)"
    r"\s{1,3}(?:to|would|should|must|will)|\s{1,3}that)\s{1,3}(?P<verb>[a-z][a-z-]+)\b"
)
# "would not negotiate until the army lifted the siege", "unless X's status is recognised":
# a refusal's condition is what is demanded, when it is a clause with a subject and a verb
# ("until the end of the year" is a time, not a demand).
_UNTIL_END = re.compile(r"\b(?:until|unless)$", re.I)
_CONDITION_CLAUSE = re.compile(r"\s{1,3}(?=(?:the|its|their|a|an|[A-Z][\w'’-]*)\s)")
_FINITE = re.compile(
    r"\b(?:[a-z]{2,}ed|is|are|was|were|has|have|had)\b|\b[A-Z][\w'’-]*\s{1,3}[a-z]{3,}s\b"
)


def aim_after_cue(text: str, cue_end: int, limit: int) -> Provision | None:
    """The aim an offer or demand cue states, as an ``other`` provision labelled
    ``stated_aim``, or None ("offered to help", "called on them to be calm" state none).

    Example:
        >>> t = "Cairo offered to reopen the Rafah crossing for the wounded."
        >>> aim_after_cue(t, t.index("offered to") + 10, len(t)).text
        'reopen the Rafah crossing for the wounded'
    """
    if _UNTIL_END.search(text, max(0, cue_end - 7), cue_end):
        return _condition_aim(text, cue_end, limit)
    m = _AIM_AFTER_CUE.match(text, cue_end, min(limit, cue_end + 80))
    if m is None and _NOUN_CUE_END.search(text, max(0, cue_end - 12), cue_end):
        return _object_aim(text, cue_end, limit)
    if m is None or m.group("verb") in _EMPTY_VERBS:
        return None
    return _clause_aim(text, m.start("verb"), limit, min_words=3)


# "demanded unhindered access to the besieged towns", "called for the release of all
# detainees": a demand whose object is a noun phrase with a complement ("seeking shelter with
# relatives" is no demand: "seek" is left out).
_NOUN_CUE_END = re.compile(
    r"\b(?:demanded|demanding|demands|called\s{1,3}for|calls\s{1,3}for|calling\s{1,3}for|"
    r"insisted\s{1,3}on|insists\s{1,3}on)$",
    re.I,
)
_OBJECT = re.compile(
    r"\s{1,3}(?!(?:that|to|it|them|him|her|this)\b)(?:(?:a|an|the|its|their)\s{1,3})?"
    r"(?:[a-z][\w-]*\s{1,3}){0,3}?[a-z][\w-]*\s{1,3}(?:of|to|for|from|on|into|with|between)\s"
)


def _object_aim(text: str, cue_end: int, limit: int) -> Provision | None:
    """The noun phrase a demand cue takes as its object, when it has a complement."""
    m = _OBJECT.match(text, cue_end, limit)
    if m is None:
        return None
    start = cue_end + len(text[cue_end : m.end()]) - len(text[cue_end : m.end()].lstrip())
    return _clause_aim(text, start, limit, min_words=4)


def _condition_aim(text: str, cue_end: int, limit: int) -> Provision | None:
    """The clause after "until"/"unless" that ends a refusal cue, as a stated aim."""
    m = _CONDITION_CLAUSE.match(text, cue_end, limit)
    if m is None:
        return None
    aim = _clause_aim(text, m.end(), limit, min_words=3)
    return aim if aim is not None and _FINITE.search(aim.text) else None


def _clause_aim(text: str, start: int, limit: int, *, min_words: int) -> Provision | None:
    """The rest of the clause from ``start`` (at most 200 characters, not past ``limit``) as an
    ``other`` provision labelled ``stated_aim``, if it has ``min_words`` words."""
    end = clause_end(text, start, min(limit, start + 200))
    seg = text[start:end].rstrip()
    if len(seg.split()) < min_words:
        return None
    return Provision(
        kind=ProvisionKind.OTHER,
        text=seg,
        span=Span(start=start, end=start + len(seg)),
        label="stated_aim",
    )
