"""The grammar of the actors stage: name, title and speech patterns, and small text helpers."""

from __future__ import annotations

import re

from conflictmodel.context import ParseContext
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.span import Span

_UP = "".join(sorted({c for c in map(chr, range(0xC0, 0x250)) if c.isupper()}))


_LO = "".join(sorted({c for c in map(chr, range(0xC0, 0x250)) if c.islower()}))


_U = f"A-Z{_UP}"


_L = f"a-z{_LO}"


_NAME_TOKEN = (
    rf"(?:[{_U}][{_L}]+(?:-[{_U}{_L}][{_L}]+){{0,2}}(?:['’][{_U}{_L}][{_L}]+)?"
    rf"|[{_U}]['’][{_U}][{_L}]+"
    rf"|[{_U}]\.(?:\s?[{_U}]\.){{0,2}}(?![{_L}])"
    rf"|[{_U}][{_L}]{{0,3}}[{_U}][{_L}]+)"
)


_HYPHEN_PARTICLE = r"(?:al|el|ad|as|ash|an|ar|at|az|ul|Al|El)[-‐]"


_PARTICLE = (
    r"(?:al|el|ad|as|ash|an|bin|ibn|bint|ben|de|da|di|del|della|dos|das|do|du|van|von|der|"
    r"den|ter|la|le|Abu|Abd|bin|Bin|Ibn|Al|El|Ould|ould|Ag|ag|wa|St\.)"
)


_NAME = re.compile(
    rf"(?<![\w.’'-])(?:{_HYPHEN_PARTICLE})?{_NAME_TOKEN}"
    rf"(?:[ \t\u00a0]{{1,2}}(?:{_PARTICLE}[ \t\u00a0]{{1,2}}){{0,2}}(?:{_HYPHEN_PARTICLE})?{_NAME_TOKEN}){{0,8}}"
)


_WORDS = re.compile(r"[\w.’'-]+")


_WORD_RUN = re.compile(r"\w+")


_WORD_PAIR = re.compile(r"\w\w")


_WORD_AT_START = re.compile(r"[\w.’'-]+")


_NON_ASCII_WORD = re.compile(r"\w*[^\W\x00-\x7f]")


_MINISTRY_OF = re.compile(
    r"\b(?:the\s{1,2})?((?:Ministry|Department)\s{1,2}of\s{1,2}(?:the\s)?[A-Z][a-z]+"
    r"(?:\s{1,2}(?:and\s{1,2})?[A-Z][a-z]+){0,3})(?:\s{1,2}of\s{1,2}(?:the\s{1,2})?)?"
)


_SPEECH_AFTER = re.compile(
    r"\s{0,2}(?:,[^,.;\n]{1,100},\s{0,2})?(?:has\s|had\s|have\s|also\s|later\s|then\s|"
    r"reportedly\s|previously\s|once\s|recently\s|on\s\w+\s){0,2}"
    r"(?:said|says|told|tells|added|adds|stated|states|wrote|writes|argued|argues|noted|notes|"
    r"warned|warns|explained|explains|insisted|insists|claimed|claims|declared|declares|"
    r"announced|announces|stressed|stresses|emphasized|emphasised|emphasizes|emphasises|"
    r"asserted|asserts|acknowledged|acknowledges|admitted|admits|urged|urges|called|calls|"
    r"accused|accuses|denied|denies|rejected|rejects|confirmed|confirms|suggested|suggests|"
    r"replied|responded|remarked|commented|posted|tweeted|predicted|believes|believed|"
    r"thinks|thought|asked|added|continued|concluded|cautioned|hinted|reiterated|repeated|"
    r"pointed|wants|wanted|proposed|proposes|demanded|demands)\b"
)


_SPEECH_BEFORE = re.compile(
    r"(?:\b(?:said|says|according\sto|told|added|wrote|by|asked|quoted|quoting|per)\s{1,2}$)",
    re.IGNORECASE,
)


_MAX_SPAN = 400


_COURTESY_BEFORE = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Adm|Sen|Rep|Gov|Brig|Maj)\.\s{1,2}\Z"
)


# How far back a description or pronoun looks for what it refers to.
_ANTECEDENT_WINDOW = 6000


_KIND_PRIORITY = {
    ActorKind.PERSON: 0,
    ActorKind.GOVERNMENT: 2,
    ActorKind.GROUP: 3,
    ActorKind.ORGANIZATION: 3,
    ActorKind.MEDIA: 4,
    ActorKind.STATE: 5,
    ActorKind.UNKNOWN: 6,
}


_ORG_PHRASE = re.compile(
    rf"(?:[Tt]he\s{{1,2}})?((?:{_NAME_TOKEN}|of|for|and|the|on)(?:\s{{1,2}}(?:{_NAME_TOKEN}|of|for|and|the|on)){{0,9}})"
)


def _sentences(ctx: ParseContext) -> list[Span]:
    if ctx.sentences:
        return list(ctx.sentences)
    if ctx.paragraphs:
        return list(ctx.paragraphs)
    out: list[Span] = []
    for m in re.finditer(r"[^\n]+", ctx.text):
        out.append(Span(start=m.start(), end=m.end()))
    return out


def _is_headline(s: str) -> bool:
    stripped = s.strip()
    if not stripped or stripped[-1] in ".?!:;\"”»’'":
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", stripped) if len(w) > 3]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.7


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _strip_possessive(s: str) -> str:
    """``s`` without a final "'s" or "'" (as ``re.sub(r"['’]s?$", "", s)``)."""
    if s.endswith("\n"):
        # ``$`` also matches before a final newline: leave that case to the regex.
        return _POSSESSIVE_END.sub("", s)
    if s.endswith(("'", "’")):
        return s[:-1]
    if s.endswith(("'s", "’s")):
        return s[:-2]
    return s


def _bare_actor(actor: Actor) -> Actor:
    """A gazetteer actor without its gazetteer aliases, for one article."""
    return Actor(
        id=actor.id,
        name=actor.name,
        kind=actor.kind,
        roles=actor.roles,
        country=actor.country,
        wikidata=actor.wikidata,
    )


def _is_all_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_NON_SPACE = re.compile(r"\S+")
_COURTESY_END = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s{1,2}$")
_NAME_TOKEN_AT_START = re.compile(_NAME_TOKEN)
