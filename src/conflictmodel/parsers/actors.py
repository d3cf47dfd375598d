"""The ``actors`` stage: who the article names, and where.

Sources of actor mentions, in the order they are found:

1. the gazetteer: states by name ("Ukraine", "the U.S."), by metonym ("the Kremlin", "Moscow
   said"; a city used as a place is not a mention), by demonym only where it stands for the
   state ("Russian officials", "the Ukrainian side"); organisations, armed groups, media and
   well-known people by name or alias;
2. named government bodies by pattern: "the Russian Foreign Ministry", "Ukraine's Defence
   Ministry", "the Ministry of Foreign Affairs of Armenia", "the Biden administration";
3. people the gazetteer does not know, by grammar: a title before the name ("Kremlin
   spokesperson Dmitry Peskov", "Kenyan Ambassador to the African Union Jane Mwangi"),
   an appositive after it ("Amina Yusuf, the governor of North Darfur,"), a courtesy
   title ("Mr. Haddad") or a speech verb ("Amina Yusuf said"); the title becomes a
   [`Role`][conflictmodel.Role] and the country it implies the actor's country;
4. anonymous sources ("a senior Hamas official", "two people familiar with the matter",
   "sources close to the talks", "insiders") as ``anon:<slug>`` actors;
5. coreference inside the article: surnames ("Peskov"), "Mr. Peskov", and definite descriptions
   ("the envoy", "the ministry", "the analyst") recorded with ``via="descriptor"``.

[`resolve_phrase`][conflictmodel.parsers.actors.resolve_phrase] and
[`resolve_pronoun`][conflictmodel.parsers.actors.resolve_pronoun] let later stages turn a speaker
phrase or pronoun into an actor.

Example:
    >>> from conflictmodel import parse_article
    >>> art = parse_article("Armenian Prime Minister Nikol Pashinyan met Azerbaijani Foreign "
    ...     "Minister Jeyhun Bayramov. A senior Western diplomat said Baku wanted a deal.")
    >>> [(a.id, a.title) for a in art.actors if a.kind.value in ("person", "state")]
    [('person:nikol-pashinyan', 'Armenian Prime Minister'), ('person:jeyhun-bayramov', 'Azerbaijani Foreign Minister'), ('anon:senior-western-diplomat', None), ('state:AZ', None)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

import attrs

from conflictmodel.actors import Actor, ActorKind, Role
from conflictmodel.analysis import PhraseMatcher
from conflictmodel.context import Mention, MentionKind, ParseContext
from conflictmodel.errors import ConflictModelError, GazetteerError
from conflictmodel.gazetteer import Match, fold, slugify
from conflictmodel.parsers.territories import (
    context_matches,
    gazetteer_of,
    in_furniture,
    is_metonym_use,
)
from conflictmodel.resources import load_data
from conflictmodel.span import Span

__all__ = ["ActorParser", "ActorRules", "resolve_phrase", "resolve_pronoun"]

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
_STOP_CAPS = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "Without",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "If",
        "When",
        "While",
        "As",
        "After",
        "Before",
        "Since",
        "Until",
        "Though",
        "Although",
        "Because",
        "However",
        "Meanwhile",
        "Moreover",
        "Furthermore",
        "Still",
        "Also",
        "Then",
        "Now",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "Our",
        "My",
        "Your",
        "There",
        "Here",
        "What",
        "Who",
        "Whom",
        "Whose",
        "Which",
        "Where",
        "Why",
        "How",
        "Despite",
        "Amid",
        "Under",
        "Over",
        "Speaking",
        "Asked",
        "According",
        "Following",
        "Earlier",
        "Later",
        "Last",
        "Next",
        "Both",
        "Neither",
        "Either",
        "Each",
        "Every",
        "Some",
        "Many",
        "Most",
        "Several",
        "Such",
        "Other",
        "Another",
        "No",
        "Not",
        "Only",
        "Even",
        "Just",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Photo",
        "Image",
        "Video",
        "Read",
        "Watch",
        "Listen",
        "Related",
        "Live",
        "Breaking",
        "Update",
        "Updated",
        "Opinion",
        "Analysis",
        "Sources",
        "Officials",
        "Western",
        "Eastern",
        "Northern",
        "Southern",
        "Central",
        "Background",
        "Context",
        "Key",
        "Developments",
        "Broader",
        "Impact",
        "Next",
        "Why",
        "Will",
        "Can",
        "Could",
        "Would",
        "Should",
        "Must",
        "Shall",
        "Did",
        "Does",
        "Do",
        "Is",
        "Are",
        "Was",
        "Were",
        "Has",
        "Have",
        "Had",
        "Be",
        "Been",
        "Being",
        "Let",
        "Please",
        "Thank",
        "Thanks",
        "God",
        "Allah",
        "Lord",
        "Sir",
        "Madam",
        "Dear",
        "Inside",
        "Outside",
        "Above",
        "Below",
        "Across",
        "Along",
        "Around",
        "Among",
        "Between",
        "Beyond",
        "During",
        "Except",
        "Into",
        "Near",
        "Off",
        "Onto",
        "Through",
        "Toward",
        "Towards",
        "Upon",
        "Within",
        "Unlike",
        "Like",
        "Via",
        "Per",
        "Plus",
        "Minus",
        "Ukrainian",
        "Russian",
        "American",
    ]
)
_MODIFIERS = frozenset(
    [
        "former",
        "acting",
        "deputy",
        "interim",
        "then-",
        "top",
        "senior",
        "chief",
        "new",
        "outgoing",
        "incoming",
        "newly-appointed",
        "self-proclaimed",
        "self-declared",
        "de",
        "facto",
        "russian-installed",
        "moscow-installed",
        "moscow-backed",
        "kremlin-backed",
        "kremlin-installed",
        "pro-russian",
        "pro-kremlin",
        "exiled",
        "ousted",
        "late",
        "veteran",
        "longtime",
        "long-time",
        "powerful",
        "influential",
        "embattled",
        "first",
        "second",
        "principal",
        "lead",
        "current",
        "then",
        "current",
    ]
)
_STATE_NOUNS = frozenset(
    [
        "government",
        "governments",
        "authorities",
        "officials",
        "forces",
        "troops",
        "army",
        "military",
        "navy",
        "side",
        "leadership",
        "leaders",
        "delegation",
        "delegations",
        "negotiators",
        "regime",
        "counterparts",
        "counterpart",
        "soldiers",
        "diplomats",
        "diplomacy",
        "administration",
        "establishment",
        "junta",
        "cabinet",
        "president",
        "prime",
        "parliament",
        "lawmakers",
        "ministers",
        "ministries",
        "command",
        "intelligence",
        "security",
        "armed",
        "defence",
        "defense",
    ]
)
_ORG_WORDS = frozenset(
    [
        "Administration",
        "Ministry",
        "Council",
        "Forces",
        "Force",
        "Army",
        "Party",
        "Front",
        "Movement",
        "Alliance",
        "Union",
        "Agency",
        "Office",
        "Committee",
        "Commission",
        "Court",
        "Department",
        "Government",
        "Authority",
        "Authorities",
        "Republic",
        "Brigade",
        "Brigades",
        "Corps",
        "Assembly",
        "Parliament",
        "Bank",
        "Group",
        "News",
        "Times",
        "Post",
        "Journal",
        "University",
        "Institute",
        "Centre",
        "Center",
        "Foundation",
        "Observatory",
        "Organization",
        "Organisation",
        "Association",
        "Federation",
        "League",
        "Coalition",
        "Command",
        "Guard",
        "Guards",
        "Police",
        "Service",
        "Services",
        "Rights",
        "Watch",
        "Security",
        "Defence",
        "Defense",
        "Affairs",
        "Nations",
        "States",
        "Kingdom",
        "Emirates",
        "Islands",
        "Region",
        "Province",
        "State",
        "Oblast",
        "District",
        "City",
        "County",
        "Strip",
        "Bank",
        "Valley",
        "Sea",
        "Ocean",
        "River",
        "Mountains",
        "Peninsula",
        "Corridor",
        "Line",
        "Summit",
        "Conference",
        "Forum",
        "Initiative",
        "Plan",
        "Accord",
        "Accords",
        "Agreement",
        "Treaty",
        "Deal",
        "Talks",
        "Process",
        "Program",
        "Programme",
        "Fund",
        "Project",
        "Airport",
        "Port",
        "Base",
        "Bridge",
        "Road",
        "Street",
        "Square",
        "Palace",
        "House",
        "Hall",
        "Tower",
        "Hotel",
        "Stadium",
        "Hospital",
        "Church",
        "Mosque",
        "Company",
        "Corporation",
        "Inc",
        "Ltd",
        "Group",
        "Media",
        "Network",
        "Channel",
        "Radio",
        "Television",
        "TV",
        "Agency",
        "Press",
        "War",
        "Wars",
        "Day",
        "Week",
        "Revolution",
        "Crisis",
        "Operation",
        "Campaign",
        "Act",
        "Law",
        "Constitution",
        "Charter",
        "Cup",
        "Games",
        "Prize",
        "Award",
        "Day",
        "Intelligence",
        "Interim",
        "Transitional",
        "National",
        "Democratic",
        "Liberation",
        "People's",
        "Popular",
        "Islamic",
        "Socialist",
        "Communist",
        "Federal",
        "Supreme",
        "Constitutional",
    ]
)
_NAME_STOP_TAIL = frozenset({"Says", "Said", "Warns", "Tells", "Urges", "Calls", "Slams"})
_MAX_SPAN = 400
_NOT_TITLE_WORDS = frozenset(
    [
        "the",
        "and",
        "but",
        "for",
        "with",
        "said",
        "says",
        "told",
        "say",
        "from",
        "that",
        "this",
        "was",
        "were",
        "has",
        "have",
        "had",
        "are",
        "is",
        "not",
        "who",
        "which",
        "when",
        "where",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "also",
        "than",
        "then",
    ]
)
_VERBS = frozenset(
    [
        "met",
        "meets",
        "meet",
        "visited",
        "visits",
        "held",
        "holds",
        "spoke",
        "speaks",
        "signed",
        "signs",
        "urged",
        "urges",
        "accused",
        "called",
        "calls",
        "told",
        "tells",
        "said",
        "says",
        "added",
        "warned",
        "insisted",
        "rejected",
        "denied",
        "agreed",
        "left",
        "arrived",
        "returned",
        "met",
        "went",
        "came",
        "gave",
        "took",
        "made",
        "sent",
        "asked",
        "ordered",
        "led",
        "leads",
        "struck",
        "hit",
        "killed",
        "attacked",
        "launched",
        "fired",
        "claimed",
        "announced",
    ]
)
_COURTESY_BEFORE = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Adm|Sen|Rep|Gov|Brig|Maj)\.\s{1,2}\Z"
)
# How far back a description or pronoun looks for what it refers to.
_ANTECEDENT_WINDOW = 6000
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_PRONOUNS_GROUP = frozenset({"they", "them", "their", "theirs", "themselves", "it", "its"})
_KIND_PRIORITY = {
    ActorKind.PERSON: 0,
    ActorKind.GOVERNMENT: 2,
    ActorKind.GROUP: 3,
    ActorKind.ORGANIZATION: 3,
    ActorKind.MEDIA: 4,
    ActorKind.STATE: 5,
    ActorKind.UNKNOWN: 6,
}


# ---------------------------------------------------------------------- rules (data)


def _str_list(data: Any, where: str) -> list[str]:
    if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
        raise GazetteerError(f"{where}: expected a list of strings")
    return data


@attrs.frozen(kw_only=True, eq=False)
class ActorRules:
    """The word lists the actor stage uses, from ``titles.json`` and ``anonymous.json``.

    Attributes:
        titles: title phrases, folded ("foreign minister", "special envoy", "head of").
        courtesy: honorifics before a name ("Mr.", "Gen.", "Sheikh").
        affiliations: folded word → ISO code or actor id a title modifier implies
            ("kremlin" → ``RU``).
        bodies: named government body phrases ("foreign ministry", "state department").
        descriptor_heads: nouns of definite descriptions ("the envoy").
        anon_heads: head noun → ``person`` or ``group`` for anonymous sources.
        anon_qualifiers: words allowed between determiner and head ("senior", "former").
        anon_cues: phrases after the head that mark a source as unnamed ("familiar with").
        determiners: words opening an indefinite description ("a", "one", "two", "several").

    Example:
        >>> rules = ActorRules.default().extend(titles=["hetman"], anon_heads={"monk": "person"})
        >>> "hetman" in rules.titles, rules.anon_heads["monk"]
        (True, 'person')
    """

    titles: frozenset[str]
    courtesy: frozenset[str]
    affiliations: Mapping[str, str]
    bodies: frozenset[str]
    descriptor_heads: frozenset[str]
    anon_heads: Mapping[str, str]
    anon_qualifiers: frozenset[str]
    anon_cues: tuple[str, ...]
    determiners: frozenset[str]
    _cache: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False)

    @classmethod
    def default(cls) -> ActorRules:
        """The rules from the shipped data files (built once).

        Example:
            >>> "secretary of state" in ActorRules.default().titles
            True
        """
        return _default_rules()

    def extend(
        self,
        *,
        titles: Iterable[str] = (),
        courtesy: Iterable[str] = (),
        affiliations: Mapping[str, str] | None = None,
        bodies: Iterable[str] = (),
        descriptor_heads: Iterable[str] = (),
        anon_heads: Mapping[str, str] | None = None,
        anon_qualifiers: Iterable[str] = (),
        anon_cues: Iterable[str] = (),
    ) -> ActorRules:
        """New rules with more entries; these are unchanged.

        Example:
            >>> ActorRules.default().extend(bodies=["war cabinet"]).bodies >= {"war cabinet"}
            True
        """
        for name, value in (("anon_heads", anon_heads), ("affiliations", affiliations)):
            if value is not None and not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                raise GazetteerError(f"ActorRules.extend({name}=...): expected str → str")
        return ActorRules(
            titles=self.titles | {fold(t) for t in _checked(titles, "titles")},
            courtesy=self.courtesy | set(_checked(courtesy, "courtesy")),
            affiliations={
                **self.affiliations,
                **{fold(k): v for k, v in (affiliations or {}).items()},
            },
            bodies=self.bodies | {fold(b) for b in _checked(bodies, "bodies")},
            descriptor_heads=self.descriptor_heads
            | {fold(h) for h in _checked(descriptor_heads, "descriptor_heads")},
            anon_heads={**self.anon_heads, **{fold(k): v for k, v in (anon_heads or {}).items()}},
            anon_qualifiers=self.anon_qualifiers
            | {fold(q) for q in _checked(anon_qualifiers, "anon_qualifiers")},
            anon_cues=(*self.anon_cues, *(fold(c) for c in _checked(anon_cues, "anon_cues"))),
            determiners=self.determiners,
        )

    @property
    def title_last_words(self) -> frozenset[str]:
        cached = self._cache.get("title_last_words")
        if cached is None:
            cached = frozenset(t.split()[-1] for t in self.titles if t.split())
            self._cache["title_last_words"] = cached
        return cached

    @property
    def body_first_words(self) -> frozenset[str]:
        cached = self._cache.get("body_first_words")
        if cached is None:
            cached = frozenset(b.split()[0] for b in self.bodies if b.split())
            self._cache["body_first_words"] = cached
        return cached

    @property
    def max_title_words(self) -> int:
        cached = self._cache.get("max_title_words")
        if cached is None:
            cached = max((len(t.split()) for t in self.titles), default=1)
            self._cache["max_title_words"] = cached
        return int(cached)

    @property
    def anon_pattern(self) -> re.Pattern[str]:
        cached = self._cache.get("anon")
        if cached is None:
            heads = "|".join(
                re.escape(h) for h in sorted(self.anon_heads, key=len, reverse=True) if h
            )
            cached = re.compile(rf"(?i:\b(?P<head>{heads}))\b")
            self._cache["anon"] = cached
        return cached

    @property
    def anon_first_words(self) -> PhraseMatcher[None] | None:
        """A matcher of the first words of the anonymous heads, or None if a head does not
        start with an ASCII word."""
        if "anon_first" not in self._cache:
            firsts: set[str] = set()
            for h in self.anon_heads:
                if not h:
                    continue
                w = _WORD_RUN.match(h)
                if w is None or not h.isascii():
                    self._cache["anon_first"] = None
                    break
                firsts.add(w.group().lower())
            else:
                self._cache["anon_first"] = PhraseMatcher(dict.fromkeys(firsts))
        value = self._cache["anon_first"]
        return value if isinstance(value, PhraseMatcher) else None

    @property
    def descriptor_pattern(self) -> re.Pattern[str]:
        cached = self._cache.get("desc")
        if cached is None:
            heads = "|".join(
                re.escape(h) for h in sorted(self.descriptor_heads, key=len, reverse=True) if h
            )
            cached = re.compile(
                rf"\b[Tt]he\s{{1,3}}(?:(?:former|top|senior|chief|special|same|latter|"
                rf"Russian|Ukrainian|American|US|U\.S\.)\s{{1,3}})?(?i:(?P<head>{heads}))\b"
            )
            self._cache["desc"] = cached
        return cached


def _word_starts(text: str, words: PhraseMatcher[None]) -> list[int]:
    """Sorted starts of the whole words of ``text`` that are one of ``words`` (ASCII, any case),
    and of every word with a non-ASCII character (whose case folding ``re`` may treat
    differently)."""
    starts = {s for s, _, _ in words.finditer(text)}
    if not text.isascii():
        starts.update(m.start() for m in _NON_ASCII_WORD.finditer(text))
    return sorted(starts)


def _checked(items: Iterable[str], where: str) -> list[str]:
    out = list(items)
    if not all(isinstance(x, str) for x in out):
        raise GazetteerError(f"ActorRules.extend({where}=...): expected strings")
    return out


@cache
def _default_rules() -> ActorRules:
    titles = load_data("titles.json")
    anon = load_data("anonymous.json")
    return ActorRules(
        titles=frozenset(fold(t) for t in _str_list(titles["titles"], "titles.json: titles")),
        courtesy=frozenset(_str_list(titles["courtesy"], "titles.json: courtesy")),
        affiliations={fold(k): v for k, v in titles["affiliations"].items()},
        bodies=frozenset(
            fold(b) for b in _str_list(titles["government_bodies"], "titles.json: bodies")
        ),
        descriptor_heads=frozenset(
            fold(h) for h in _str_list(titles["descriptor_heads"], "titles.json: descriptors")
        ),
        anon_heads={fold(k): v for k, v in anon["heads"].items()},
        anon_qualifiers=frozenset(
            fold(q) for q in _str_list(anon["qualifiers"], "anonymous.json: qualifiers")
        ),
        anon_cues=tuple(fold(c) for c in _str_list(anon["anonymity_cues"], "anonymous.json: cues")),
        determiners=frozenset(
            fold(d) for d in _str_list(anon["determiners"], "anonymous.json: determiners")
        ),
    )


# ---------------------------------------------------------------------- helpers


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


def _strip_possessive(s: str) -> str:
    return re.sub(r"['’]s?$", "", s)


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


# ---------------------------------------------------------------------- the stage


class ActorParser:
    """Finds actors in the text (stage ``actors``).

    Args:
        rules: word lists to use; default [`ActorRules.default()`][conflictmodel.parsers.actors.ActorRules.default].
        titles, anon_heads, bodies: extra titles, anonymous head nouns (→ ``person`` or
            ``group``) and government body phrases, added to ``rules``.

    Example:
        >>> ctx = ParseContext(text="Kremlin spokesperson Dmitry Peskov said Moscow disagreed.")
        >>> ActorParser()(ctx)
        >>> peskov = ctx.actors["person:dmitry-peskov"]
        >>> peskov.title, peskov.country, sorted(ctx.actors)
        ('Kremlin spokesperson', 'RU', ['person:dmitry-peskov', 'state:RU'])
    """

    name = "actors"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("actors", "mentions")

    def __init__(
        self,
        *,
        rules: ActorRules | None = None,
        titles: Iterable[str] = (),
        anon_heads: Mapping[str, str] | None = None,
        bodies: Iterable[str] = (),
    ) -> None:
        base = rules if rules is not None else ActorRules.default()
        if not isinstance(base, ActorRules):
            raise ConflictModelError(f"rules must be ActorRules, got {type(base).__name__}")
        titles = list(titles)
        bodies = list(bodies)
        if titles or anon_heads or bodies:
            base = base.extend(titles=titles, anon_heads=anon_heads, bodies=bodies)
        self.rules = base

    def __call__(self, ctx: ParseContext) -> None:
        _Run(ctx, self.rules).run()


class _Run:
    """One article's actor extraction."""

    def __init__(self, ctx: ParseContext, rules: ActorRules) -> None:
        self.ctx = ctx
        self.rules = rules
        self.gz = gazetteer_of(ctx)
        self.text = ctx.text
        self.matches = context_matches(ctx)
        self.match_by_end: dict[int, Match] = {m.end: m for m in self.matches}
        self.match_by_start: dict[int, Match] = {m.start: m for m in self.matches}
        self.match_starts = [m.start for m in self.matches]
        self._cov_starts: list[int] = []
        self._cov: list[tuple[int, int, str]] = []
        self.pending: list[tuple[Span, str, MentionKind, str, bool]] = []
        self.sentences = _sentences(ctx)
        self._people_full: dict[str, str] = {}
        self._people_last: dict[str, list[str]] = {}
        self._people_seen = -1
        self._people_version = -1
        self._version = 0
        self.synced = 0
        self._anon_starts: list[int] | None = None
        self._anon_computed = False

    # ------------------------------------------------------------ bookkeeping

    def mark_synced(self) -> None:
        """Every mention in the context so far is covered (see ``ParseContext.mentions_since``)."""
        self.synced = self.ctx.mention_count()

    def reset_cover(self) -> None:
        self._cov = []
        self._cov_starts = []

    def cover_mentions(self, mentions: Iterable[Mention]) -> None:
        for m in mentions:
            if m.kind is MentionKind.ACTOR:
                self.cover(m.span.start, m.span.end, m.target)

    def cover(self, start: int, end: int, target: str) -> None:
        i = bisect.bisect_left(self._cov_starts, start)
        self._cov_starts.insert(i, start)
        self._cov.insert(i, (start, end, target))

    def _covering(self, start: int, end: int) -> Iterable[tuple[int, int, str]]:
        # Covered spans are short (names, titles, descriptions), so only those starting a few
        # hundred characters before ``end`` can overlap.
        i = bisect.bisect_left(self._cov_starts, start - _MAX_SPAN)
        while i < len(self._cov) and self._cov[i][0] < end:
            a, b, target = self._cov[i]
            if a < end and start < b:
                yield a, b, target
            i += 1

    def free(self, start: int, end: int) -> bool:
        return next(iter(self._covering(start, end)), None) is None

    def actor_covering(self, start: int, end: int) -> Actor | None:
        """The actor (found so far, flushed or not) whose mention overlaps ``[start, end)``."""
        best = None
        for a, b, target in self._covering(start, end):
            if best is None or b - a > best[1] - best[0]:
                best = (a, b, target)
        return self.ctx.actors.get(best[2]) if best else None

    def flush(self) -> None:
        """Write the buffered mentions into the context (one rebuild per actor)."""
        if self.pending:
            self.ctx.add_mentions(self.pending)
            self.pending = []

    def matches_in(self, start: int, end: int) -> list[Match]:
        """Gazetteer matches overlapping ``[start, end)``."""
        i = bisect.bisect_left(self.match_starts, start - _MAX_SPAN)
        out: list[Match] = []
        while i < len(self.matches) and self.matches[i].start < end:
            m = self.matches[i]
            if m.start < end and start < m.end:
                out.append(m)
            i += 1
        return out

    def mention(self, actor: Actor, start: int, end: int, *, via: str, alias: bool = True) -> Actor:
        existing = self.ctx.actors.get(actor.id)
        if existing is None:
            self.ctx.add_actor(actor)
        else:
            new_roles = tuple(r for r in actor.roles if r not in existing.roles)
            if new_roles or (existing.country is None and actor.country):
                # Only what is new, so the merge stays cheap for much-mentioned actors.
                self.ctx.add_actor(
                    Actor(
                        id=existing.id,
                        name=existing.name,
                        kind=existing.kind,
                        roles=new_roles,
                        country=actor.country,
                    )
                )
        surface = _strip_possessive(self.text[start:end].rstrip())
        end = start + len(surface)
        if end <= start:
            return self.ctx.actors[actor.id]
        span = Span(start=start, end=end)
        # Mentions are buffered and written per actor in one go (see flush()).
        self.pending.append((span, actor.id, MentionKind.ACTOR, via, alias))
        self.cover(start, end, actor.id)
        if actor.kind is ActorKind.PERSON:
            self._version += 1
        return self.ctx.actors[actor.id]

    def in_furniture(self, start: int, end: int) -> bool:
        return in_furniture(self.ctx, Span(start=start, end=end))

    # ------------------------------------------------------------ main

    def run(self) -> None:
        self.gazetteer_mentions()
        for sent in self.sentences:
            if self.in_furniture(sent.start, sent.end):
                continue
            self.government_bodies(sent)
            self.people(sent)
            self.anonymous(sent)
        self.flush()
        self.surnames()
        self.flush()
        self.descriptors()
        self.flush()
        self.mark_synced()
        self.ctx.actor_service = self

    # ------------------------------------------------------------ 1. gazetteer

    def gazetteer_mentions(self) -> None:
        text = self.text
        for m in self.matches:
            actor_entries = [e for e in m.entries if e.kind is MentionKind.ACTOR]
            if not actor_entries:
                continue
            e = actor_entries[0]
            actor = self.gz.actors[e.target]
            if actor.kind is ActorKind.PERSON:
                self.known_person(m, actor)
                continue
            if e.via == "demonym":
                if self.demonym_is_state(m):
                    self.mention(_bare_actor(actor), m.start, m.end, via="demonym", alias=False)
                continue
            if e.via == "metonym":
                if not is_metonym_use(text, m.start, m.end):
                    continue
                self.mention(_bare_actor(actor), m.start, m.end, via="metonym")
                continue
            self.mention(_bare_actor(actor), m.start, m.end, via=e.via)

    def demonym_is_state(self, m: Match) -> bool:
        after = self.text[m.end : m.end + 40]
        w = re.match(r"\s{1,3}([A-Za-z]+)", after)
        if not w:
            return False
        word = w.group(1).casefold()
        if word in _STATE_NOUNS:
            # "Russian officials" names the state's people; "Ukrainian President X" is a title.
            return not (word in {"president", "prime"} and self.title_follows(m.end))
        return False

    def title_follows(self, pos: int) -> bool:
        nm = _NAME.search(self.text, pos, min(len(self.text), pos + 80))
        return nm is not None

    def known_person(self, m: Match, actor: Actor) -> None:
        text = self.text
        start = m.start
        if re.match(
            r"['’]?s?\s{1,2}(?:administration|government|cabinet)\b", text[m.end : m.end + 30]
        ):
            return  # "the Biden administration" is a body, found by government_bodies()
        # "Lara Trump" is not Donald Trump; "John Witkoff" after an envoy title still is Witkoff.
        single = len(m.text.split()) == 1
        prev = re.search(rf"({_NAME_TOKEN})[ \t\u00a0]{{1,2}}$", text[max(0, start - 40) : start])
        if single and prev and prev.group(1) not in _STOP_CAPS:
            given = prev.group(1)
            g_start = start - len(prev.group(0))
            title, tspan, tcountry, taff = self.title_before(g_start)
            if fold(given) in self.rules.titles or given in self.rules.courtesy:
                pass
            elif self.gz.find_actor(given) is None and not self.title_agrees(actor, title):
                full = _strip_possessive(text[g_start : m.end])
                self.new_person(full, g_start, m.end, title, tspan, tcountry, taff)
                return
            else:
                start = g_start if self.gz.find_actor(given) is None else start
        title, tspan, tcountry, taff = self.title_before(start)
        if title is None:
            title, tcountry, taff = self.title_after(m.end)
        roles: list[Role] = []
        if title:
            roles.append(Role(title=title, affiliation=taff, country=tcountry or actor.country))
        held = self.gz.person_role_on(actor, self.ctx.published)
        for r in (held, *actor.roles):
            if (
                r is not None
                and r not in roles
                and not any(fold(r.title) == fold(x.title) for x in roles)
            ):
                roles.append(r)
        bare = attrs.evolve(_bare_actor(actor), roles=tuple(roles))
        if actor.id in self.ctx.actors and title:
            old = self.ctx.actors[actor.id]
            if not any(r.title == title for r in old.roles):
                self.ctx.actors[actor.id] = attrs.evolve(old, roles=(*old.roles, roles[0]))
        self.mention(bare, start, m.end, via="name" if m.text == actor.name else "alias")

    def title_agrees(self, actor: Actor, title: str | None) -> bool:
        if not title:
            return False
        words = set(fold(title).split())
        return any(
            words & set(fold(r.title).split()) - {"of", "the", "to", "for"} for r in actor.roles
        )

    # ------------------------------------------------------------ titles

    def title_before(self, pos: int) -> tuple[str | None, Span | None, str | None, str | None]:
        """The title phrase that ends right before ``pos`` (skipping a comma), if any."""
        text = self.text
        lo = max(0, pos - 160)
        nl = text.rfind("\n", lo, pos)
        if nl >= 0:
            lo = nl + 1
        left = text[lo:pos]
        stripped = left.rstrip()
        if stripped.endswith(","):
            stripped = stripped[:-1].rstrip()
        end = lo + len(stripped)
        # The last word (the run of word characters at the end), found from the end.
        last = _WORD_AT_START.match(stripped[::-1])
        if last is None:
            return None, None, None, None
        if fold(last.group(0)[::-1]) not in self.rules.title_last_words and (
            end not in self.match_by_end
        ):
            return self._title_with_complement(stripped, lo, end)
        words = list(re.finditer(r"[\w.’'-]+", stripped))
        if not words:
            return None, None, None, None
        # A complement: "... to the United Nations", "... of the Crimean peninsula".
        complement_start = None
        m = self.match_by_end.get(end)
        if m is not None:
            before = text[max(lo, m.start - 12) : m.start]
            cm = re.search(r"\b(?:to|of|for|at|in)\s{1,2}(?:the\s{1,2})?$", before)
            if cm:
                complement_start = m.start - (len(before) - cm.start())
        found = self._title_ending_at(end if complement_start is None else complement_start, lo)
        if found is None and complement_start is not None:
            found = self._title_ending_at(end, lo)
            complement_start = None
        if found is None:
            return None, None, None, None
        t_start = found
        country: str | None = None
        affiliation: str | None = None
        # Modifiers: "former", "acting"; an entity: "Kremlin", "Sudan's", "US", "Hamas".
        t_start, country, affiliation = self._title_modifiers(t_start, lo)
        if country is None and complement_start is not None and m is not None:
            country, aff2 = self._entity_country(m)
            prep = (
                text[complement_start : m.start].split()[0]
                if text[complement_start : m.start].split()
                else ""
            )
            if prep == "to" or (
                m.targets(MentionKind.TERRITORY) and not m.targets(MentionKind.ACTOR)
            ):
                # "envoy to Russia" is not Russian; "head of the Crimean peninsula" is unknown.
                country = None
            affiliation = affiliation or aff2
        title = " ".join(text[t_start:end].split())
        return title, Span(start=t_start, end=end), country, affiliation

    def _title_with_complement(
        self, stripped: str, lo: int, end: int
    ) -> tuple[str | None, Span | None, str | None, str | None]:
        """ "the head of Ukraine's military intelligence, Kyrylo Budanov": a title, a
        preposition and a few words that are not a known entity."""
        none: tuple[None, None, None, None] = (None, None, None, None)
        tail = stripped[-70:]
        cm = re.search(r"\b(?:of|for|to|at)\s{1,2}(?:the\s{1,2})?([^,.;:()\"“”«»\n]{1,50})$", tail)
        if cm is None or len(cm.group(1).split()) > 6:
            return none
        prep_pos = end - (len(tail) - cm.start())
        comp_start = end - (len(tail) - cm.start(1))
        for w in re.finditer(r"[\w’'.-]+", self.text[comp_start:end]):
            ws = comp_start + w.start()
            word = w.group(0)
            if fold(word) in _NOT_TITLE_WORDS or fold(word) in _VERBS:
                return none
            if word[:1].isupper() and not any(
                gm.start <= ws < gm.end for gm in self.matches_in(ws, ws + 1)
            ):
                return none  # an unknown name: this is a sentence, not a title
        found = self._title_ending_at(prep_pos, lo)
        if found is None:
            return none
        t_start, country, affiliation = self._title_modifiers(found, lo)
        if country is None and affiliation is None and not cm.group(0).startswith("to"):
            for gm in self.matches_in(prep_pos, end):
                country, affiliation = self._entity_country(gm)
                if country or affiliation:
                    break
        title = " ".join(self.text[t_start:end].split())
        return title, Span(start=t_start, end=end), country, affiliation

    def _title_ending_at(self, end: int, lo: int) -> int | None:
        text = self.text
        seg = text[lo:end]
        words = list(re.finditer(r"[\w.’'-]+", seg))
        if not words or words[-1].end() != len(seg.rstrip()):
            return None
        best: int | None = None
        for k in range(1, min(self.rules.max_title_words, len(words)) + 1):
            phrase = fold(" ".join(w.group(0) for w in words[-k:]))
            if phrase in self.rules.titles:
                best = lo + words[-k].start()
        return best

    def _title_modifiers(self, t_start: int, lo: int) -> tuple[int, str | None, str | None]:
        text = self.text
        country: str | None = None
        affiliation: str | None = None
        pos = t_start
        for _ in range(4):
            seg = text[lo:pos]
            mw = re.search(r"([\w’'.-]+)(\s{1,2})$", seg)
            if not mw:
                break
            word = mw.group(1)
            wstart = lo + mw.start(1)
            gm = None
            # An entity ending here, possibly possessive: "Sudan's", "Kremlin", "U.S.".
            ent_end = lo + mw.end(1)
            poss = re.search(r"['’]s?$", word)
            if poss:
                ent_end -= len(poss.group(0))
            gm = self.match_by_end.get(ent_end)
            if gm is not None and country is None and affiliation is None:
                country, affiliation = self._entity_country(gm)
                owner = self._person_of(gm) if poss else None
                if owner is not None:
                    # "Putin's foreign policy aide", "Zelenskyy’s chief of staff".
                    country, affiliation = owner.country, owner.name
                if country is not None or affiliation is not None:
                    pos = gm.start
                    continue
            run = re.search(r"((?:\b[a-z][a-z-]{2,20}\s{1,2}){1,3})$", seg)
            if run is not None and country is None and affiliation is None and pos == t_start:
                # "EU foreign policy chief": lower-case words between an entity and the title.
                run_start = lo + run.start(1)
                if not set(run.group(1).split()) & _NOT_TITLE_WORDS:
                    ent = re.search(r"([\w’'.-]+?)(['’]s?)?\s{1,2}$", text[lo:run_start])
                    if ent is not None:
                        gm2 = self.match_by_end.get(lo + ent.end(1))
                        if gm2 is not None and any(
                            e.kind is MentionKind.ACTOR for e in gm2.entries
                        ):
                            pos = run_start
                            continue
            if poss and country is None and affiliation is None:
                # "Sudan's army chief": the gazetteer matched "Sudan's army" as a whole.
                code = self.gz.country_code(_strip_possessive(word))
                if code:
                    country = code
                    pos = wstart
                    continue
            body_start = self._body_ending_at(pos, lo)
            if body_start is not None and country is None and affiliation is None:
                # "Russian Foreign Ministry spokeswoman": the body belongs to the title.
                pos = body_start
                continue
            if fold(word) in _MODIFIERS or (
                fold(word) in self.rules.titles
                and fold(word)
                in {
                    "deputy",
                    "chief",
                }
            ):
                pos = wstart
                continue
            aff = self.rules.affiliations.get(fold(_strip_possessive(word)))
            if aff and country is None and affiliation is None:
                country, affiliation = self._affiliation(aff)
                pos = wstart
                continue
            break
        return pos, country, affiliation

    def _body_ending_at(self, pos: int, lo: int) -> int | None:
        seg = self.text[lo:pos]
        words = list(re.finditer(r"[\w’'-]+", seg))
        if not words or seg[words[-1].end() :].strip():
            return None
        best = None
        for k in range(1, min(4, len(words)) + 1):
            phrase = fold(" ".join(w.group(0) for w in words[-k:]))
            if phrase in self.rules.bodies or phrase in {"kremlin", "white house", "pentagon"}:
                best = lo + words[-k].start()
        return best

    @property
    def _ranks(self) -> frozenset[str]:
        return frozenset(fold(c) for c in self.rules.courtesy)

    def _person_of(self, m: Match) -> Actor | None:
        for e in m.entries:
            if e.kind is MentionKind.ACTOR:
                a = self.gz.actors[e.target]
                return a if a.kind is ActorKind.PERSON else None
        return None

    def _affiliation(self, value: str) -> tuple[str | None, str | None]:
        if len(value) == 2 and value.isupper():
            return value, None
        a = self.gz.actors.get(value)
        if a is None:
            return None, None
        return a.country, a.name

    def _entity_country(self, m: Match) -> tuple[str | None, str | None]:
        for e in m.entries:
            if e.kind is not MentionKind.ACTOR:
                continue
            a = self.gz.actors[e.target]
            if a.kind is ActorKind.STATE:
                return a.country, None
            if a.kind is ActorKind.PERSON:
                continue
            return a.country, a.name
        for e in m.entries:
            if e.kind is MentionKind.TERRITORY:
                t = self.gz.territories[e.target]
                return t.country, None
        return None, None

    def title_after(self, end: int) -> tuple[str | None, str | None, str | None]:
        """An appositive title: "X, the foreign minister," / "X, Ukraine's envoy,"."""
        text = self.text
        right = text[end : end + 160]
        m = re.match(
            r"['’]?s?\s{0,2},\s{1,3}(?:who\s{1,2}(?:is|was|serves\s{1,2}as)\s{1,2})?"
            r"(?:(?:the|a|an|then|now)\s{1,3})?((?:[^,.;:()\"“”«»\n]|(?<=\b[A-Z])\.){2,100}?)"
            r"\s{0,2}(?=[,;)\n]|$|(?<!\b[A-Z])\.)",
            right,
        )
        if not m:
            return None, None, None
        phrase = m.group(1).strip()
        if not phrase or len(phrase.split()) > 12:
            return None, None, None
        p_start = end + m.start(1)
        words = list(re.finditer(r"[\w.’'-]+", phrase))
        # The title must be a known title phrase inside the appositive; what precedes it must be
        # modifiers or entities, what follows a complement.
        hit: tuple[int, int] | None = None
        for i in range(len(words)):
            for k in range(min(self.rules.max_title_words, len(words) - i), 0, -1):
                ph = fold(" ".join(w.group(0) for w in words[i : i + k]))
                if ph in self.rules.titles:
                    hit = (i, k)
                    break
            if hit:
                break
        if hit is None:
            return None, None, None
        i, k = hit
        after_words = [w.group(0) for w in words[i + k :]]
        preps = {"of", "to", "for", "at", "in", "on"}
        if (
            after_words
            and fold(after_words[0]) not in preps
            and not (fold(words[i + k - 1].group(0)) in preps and len(after_words) <= 6)
        ):
            return None, None, None
        before = [w.group(0) for w in words[:i]]
        if len(before) > 4:
            return None, None, None
        title = " ".join(phrase.split())
        country = None
        affiliation = None
        title_at = p_start + words[i].start()
        of_complement = bool(after_words) and fold(after_words[0]) in {"of", "for"}
        for gm in self.matches_in(p_start, p_start + len(phrase)):
            if gm.start < p_start or gm.end > p_start + len(phrase):
                continue
            # "Ukraine's foreign minister" and "the president of Armenia" give a country;
            # "the envoy to Russia" does not.
            is_actor = bool(gm.targets(MentionKind.ACTOR))
            if gm.start < title_at or (is_actor and of_complement):
                country, affiliation = self._entity_country(gm)
                break
        if country is None:
            for w in before:
                aff_v = self.rules.affiliations.get(fold(_strip_possessive(w)))
                if aff_v:
                    country, affiliation = self._affiliation(aff_v)
                    break
        return title, country, affiliation

    # ------------------------------------------------------------ 2. government bodies

    def government_bodies(self, sent: Span) -> None:
        text = self.text
        for m in self.matches_in(sent.start, sent.end):
            if m.start < sent.start or m.end > sent.end:
                continue
            entry = next((e for e in m.entries if e.kind is MentionKind.ACTOR), None)
            after = text[m.end : min(sent.end, m.end + 60)]
            pm = re.match(r"(['’]s?)?\s{1,2}", after)
            if not pm:
                continue
            body_start = m.end + pm.end()
            body_end = self._body_at(body_start, sent.end)
            if body_end is None:
                continue
            if entry is None:
                # "the Gaza health ministry": a body named after a territory.
                terr = self.gz.territories[m.entries[0].target]
                if terr.country:
                    self.add_body(m.start, body_end, terr.country, body_start, place=terr.name)
                continue
            actor = self.gz.actors[entry.target]
            if actor.kind is ActorKind.STATE and entry.via in {
                "name",
                "alias",
                "demonym",
                "metonym",
            }:
                code = actor.country
                self.add_body(m.start, body_end, code, body_start)
            elif actor.kind is ActorKind.PERSON and fold(text[body_start:body_end]) in {
                "administration",
                "government",
                "cabinet",
                "office",
            }:
                self.add_body(m.start, body_end, actor.country, body_start, person=actor)
        # "the Ministry of Foreign Affairs of Armenia", "Ministry of Defence of Ukraine".
        if text.find("Ministry", sent.start, sent.end) < 0 and (
            text.find("Department", sent.start, sent.end) < 0
        ):
            return
        for bm in _MINISTRY_OF.finditer(text[sent.start : sent.end]):
            s0 = sent.start + bm.start()
            e0 = sent.start + bm.end()
            gm = self.match_by_start.get(e0)
            code = None
            end = sent.start + bm.end(1)
            if gm is not None and text[end:e0].strip().startswith("of"):
                code, _ = self._entity_country(gm)
                end = gm.end
            else:
                prev = text[max(sent.start, s0 - 30) : s0]
                pm2 = re.search(r"(\S+?)(['’]s)?\s{1,2}$", prev)
                if pm2:
                    gm2 = self.match_by_end.get(s0 - len(pm2.group(0)) + len(pm2.group(1)))
                    if gm2 is not None:
                        code, _ = self._entity_country(gm2)
                        s0 = gm2.start
            if code and self.free(sent.start + bm.start(1), sent.start + bm.end(1)):
                self.add_body(
                    s0, end, code, sent.start + bm.start(1), body_end=sent.start + bm.end(1)
                )

    def _body_at(self, pos: int, limit: int) -> int | None:
        first = re.match(r"[\w’'-]+", self.text[pos : min(limit, pos + 30)])
        if first is None or fold(first.group(0)) not in self.rules.body_first_words:
            return None
        words = list(re.finditer(r"[\w’'-]+", self.text[pos : min(limit, pos + 60)]))
        best = None
        for k in range(1, min(5, len(words)) + 1):
            if (
                words[k - 1].start() > 0
                and not self.text[pos + words[k - 2].end() : pos + words[k - 1].start()].isspace()
            ):
                break
            phrase = fold(" ".join(w.group(0) for w in words[:k]))
            if phrase in self.rules.bodies:
                best = pos + words[k - 1].end()
        return best

    def add_body(
        self,
        start: int,
        end: int,
        code: str | None,
        body_start: int,
        person: Actor | None = None,
        body_end: int | None = None,
        place: str | None = None,
    ) -> None:
        text = self.text
        body = " ".join(text[body_start : body_end or end].split())
        fb = fold(body)
        if person is None and fb not in _SPECIFIC_BODIES and not fb.endswith(_SPECIFIC_SUFFIXES):
            return
        if not self.free(body_start, body_end or end):
            return  # already an actor there (a person's title, say): keep that reading
        key = _BODY_SYNONYMS.get(fb, fb)
        if person is not None:
            surname = person.name.split()[-1]
            written = " ".join(text[start:end].split())
            name = written[4:] if written.casefold().startswith("the ") else written
            gid = f"gov:{slugify(surname)}-{slugify(key)}"
            kind = ActorKind.GOVERNMENT
        elif place is not None:
            name = f"{place} {body}"
            gid = f"gov:{slugify(place)}-{slugify(key)}"
            kind = ActorKind.GOVERNMENT
        else:
            dem = self._demonym(code)
            name = f"{dem} {body}" if dem else body
            gid = f"gov:{(code or 'xx').lower()}-{slugify(key)}"
            kind = ActorKind.GOVERNMENT
        actor = Actor(id=gid, name=name, kind=kind, country=code)
        s = start
        if text[s : s + 4].casefold() == "the ":
            s += 4
        self.mention(actor, s, end, via="name")

    def _demonym(self, code: str | None) -> str | None:
        if code is None:
            return None
        target = f"state:{code}"
        for surface, t in self.gz.demonyms.items():
            if t == target and surface[:1].isupper() and not _is_all_caps(surface):
                return surface
        return None

    # ------------------------------------------------------------ 3. people

    def people(self, sent: Span) -> None:
        text = self.text
        s_text = text[sent.start : sent.end]
        headline = _is_headline(s_text)
        for nm in _NAME.finditer(text, sent.start, sent.end):
            a, b = nm.start(), nm.end()
            # Cut the candidate at known entities: they are mentions of their own.
            for gm in self.matches_in(a, b):
                if gm.start < b and a < gm.end:
                    if gm.start <= a:
                        a = max(a, gm.end)
                    else:
                        b = min(b, gm.start)
            if b <= a:
                continue
            cand = text[a:b].rstrip()
            b = a + len(cand)
            self.person_candidate(a, b, sent, headline)

    def person_candidate(self, a: int, b: int, sent: Span, headline: bool) -> None:
        text = self.text
        toks = list(re.finditer(r"\S+", text[a:b]))
        if not toks:
            return
        # Leading title words belong to the title: "President Donald Trump", "Secretary of
        # State Marco Rubio" (the chunk is "State Marco Rubio").
        start_i = 0
        title, tspan, tcountry, taff = self.title_before(a)
        for i in range(1, min(len(toks), 6)):
            pos = a + toks[i].start()
            t, ts, tc, ta = self.title_before(pos)
            if t is None or ts is None:
                continue
            if ts.start > a:
                # "Information Minister X": capitalised words before a title inside the name
                # chunk are part of the title ("Deputy Foreign Minister", "Interior Minister").
                if i > 3 or any(
                    fold(x.group(0)) in self.rules.courtesy or x.group(0) in _STOP_CAPS
                    for x in toks[:i]
                ):
                    continue
                t = " ".join(text[a : ts.end].split())
                ts = Span(start=a, end=ts.end)
            start_i, title, tspan, tcountry, taff = i, t, ts, tc, ta
        name_toks = [t.group(0) for t in toks[start_i:]]
        # Strip courtesy titles and sentence-initial function words.
        courtesy = bool(_COURTESY_BEFORE.search(text, max(0, a - 12), a))
        while name_toks and (
            name_toks[0] in self.rules.courtesy
            or name_toks[0] + "." in self.rules.courtesy
            or name_toks[0].rstrip(".") in {"Mr", "Ms", "Mrs", "Dr"}
        ):
            courtesy = True
            name_toks = name_toks[1:]
            start_i += 1
        while name_toks and _strip_possessive(name_toks[0]) in _STOP_CAPS:
            name_toks = name_toks[1:]
            start_i += 1
            title = None
        while name_toks and _strip_possessive(name_toks[-1]) in _NAME_STOP_TAIL:
            name_toks = name_toks[:-1]
        if not name_toks or start_i >= len(toks):
            return
        n_start = a + toks[start_i].start()
        n_end = a + toks[start_i + len(name_toks) - 1].end()
        raw_name = _strip_possessive(text[n_start:n_end])
        n_end = n_start + len(raw_name)
        if not raw_name or not self.free(n_start, n_end):
            return
        words = raw_name.split()
        if any(fold(w) in self.rules.titles for w in words[-1:]):
            return
        if any(_strip_possessive(w) in _ORG_WORDS for w in words):
            return  # "Interim Administration", "Human Rights" name bodies, not people
        if courtesy and not title:
            prev = text[max(sent.start, n_start - 6) : n_start]
            if re.search(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s{1,2}$", prev):
                # "Mr. Peskov" refers back to a person already named.
                known = self.person_by_surname(words[-1])
                if known is not None:
                    self.mention(known, n_start, n_end, via="surname")
                    return
        rank: str | None = None
        if title is None or fold(title) in self._ranks:
            t2, c2, a2 = self.title_after(n_end)
            if t2 is not None:
                # "Lt. Col. Nadav Shoshani, a spokesman for the military": the appositive says
                # more than the rank, which is kept as a second role.
                rank = title
                title, tcountry, taff = t2, c2 or tcountry, a2
        if headline and not courtesy:
            return
        multi = len(words) >= 2 and not all(w.endswith(".") for w in words)
        if title is not None:
            honorific = (
                tspan is not None
                and text[tspan.start].isupper()
                and not text[tspan.end : n_start].strip()
                and words[0] not in _STOP_CAPS
            )
            if not multi and not courtesy and not honorific:
                return
        elif courtesy:
            if not re.match(rf"^{_NAME_TOKEN}", words[-1]):
                return
        else:
            if not multi:
                return
            after_ok = _SPEECH_AFTER.match(text, n_end) is not None
            before_ok = (
                _SPEECH_BEFORE.search(text[max(sent.start, n_start - 20) : n_start]) is not None
            )
            if not (after_ok or before_ok):
                return
        actor = self.new_person(raw_name, n_start, n_end, title, tspan, tcountry, taff)
        if rank is not None:
            self.ctx.add_actor(
                Actor(id=actor.id, name=actor.name, kind=actor.kind, roles=(Role(title=rank),))
            )

    def new_person(
        self,
        name: str,
        start: int,
        end: int,
        title: str | None,
        tspan: Span | None,
        country: str | None,
        affiliation: str | None,
    ) -> Actor:
        name = " ".join(name.split())
        known = self.gz.find_actor(name)
        if known is not None and known.kind is ActorKind.PERSON:
            actor = _bare_actor(known)
        else:
            existing = self.person_by_surname(name.split()[-1], full=name)
            actor = existing or Actor(
                id=f"person:{slugify(name)}", name=name, kind=ActorKind.PERSON, country=country
            )
        if title:
            role = Role(title=title, affiliation=affiliation, country=country)
            if role not in actor.roles:
                actor = attrs.evolve(actor, roles=(role, *actor.roles))
            if actor.country is None and country:
                actor = attrs.evolve(actor, country=country)
        return self.mention(actor, start, end, via="name" if name == actor.name else "alias")

    def person_by_surname(self, surname: str, *, full: str | None = None) -> Actor | None:
        key = fold(_strip_possessive(surname))
        if len(key) < 3:
            return None
        self._sync_people()
        if full is not None:
            hit = self._people_full.get(fold(full))
            if hit is not None:
                return self.ctx.actors.get(hit)
            if len(full.split()) > 1:
                return None
        ids = self._people_last.get(key)
        return self.ctx.actors.get(ids[-1]) if ids else None

    def _sync_people(self) -> None:
        # Indexes of the article's people by full name and last name, kept in step with the
        # context (other stages may add actors between calls).
        actors = self.ctx.actors
        if self._people_seen == len(actors) and self._people_version == self._version:
            return
        self._people_full.clear()
        self._people_last.clear()
        for a in actors.values():
            if a.kind is not ActorKind.PERSON or a.anonymous:
                continue
            for n in (a.name, *a.aliases):
                parts = n.split()
                if not parts:
                    continue
                self._people_full[fold(n)] = a.id
                ids = self._people_last.setdefault(fold(_strip_possessive(parts[-1])), [])
                if a.id not in ids:
                    ids.append(a.id)
        self._people_seen = len(actors)
        self._people_version = self._version

    # ------------------------------------------------------------ 4. anonymous sources

    def anonymous(self, sent: Span) -> None:
        text = self.text
        rules = self.rules
        for hm in self._anon_hits(sent):
            h_start, h_end = hm.start("head"), hm.end("head")
            head = fold(hm.group("head"))
            if not self.free(h_start, h_end):
                continue
            # Walk left over qualifiers to the determiner.
            left = text[max(sent.start, h_start - 120) : h_start]
            words = list(re.finditer(r"[\w.’'-]+", left))
            quals: list[re.Match[str]] = []
            det: re.Match[str] | None = None
            for w in reversed(words):
                wf = fold(w.group(0))
                gap = left[w.end() : (quals[-1].start() if quals else len(left))]
                if gap.strip():
                    break
                if wf in rules.determiners or wf == "the":
                    det = w
                    break
                if wf in {"a", "an"}:
                    det = w
                    break
                if len(quals) >= 5:
                    break
                if self._qualifier_ok(w.group(0), max(sent.start, h_start - 120) + w.start()):
                    quals.append(w)
                    continue
                break
            quals.reverse()
            after = text[h_end : min(sent.end, h_end + 160)]
            if re.match(r"['’]s?\s", after) or re.match(r"\s{0,2}[A-Z][a-z]", after):
                continue  # "an official's visit", "official Ahmed Ali" (a title)
            nxt = re.match(r"\s{1,3}([a-z]+)", after)
            if nxt and nxt.group(1) in _OFFICIAL_ADJ_NOUNS:
                continue
            cont = self._continuation(after)
            cue = bool(cont) and any(c in fold(cont) for c in rules.anon_cues)
            desc_end = h_end + len(cont)
            if re.match(
                rf"\s{{0,2}},\s{{0,2}}{_NAME_TOKEN}\s{{1,2}}{_NAME_TOKEN}",
                text[desc_end : desc_end + 60],
            ) or re.search(rf",\s{{0,2}}{_NAME_TOKEN}\s{{1,2}}{_NAME_TOKEN}\s{{0,2}}$", cont):
                continue  # "a spokesperson for the group, Kyaw Zaw," names the source
            if det is not None:
                det_word = fold(det.group(0))
                d_start = max(sent.start, h_start - 120) + det.start()
            else:
                det_word = ""
                d_start = max(sent.start, h_start - 120) + quals[0].start() if quals else h_start
            plural = rules.anon_heads.get(head) == "group"
            prev_text = text[max(sent.start, d_start - 20) : d_start]
            comma = re.search(r"['’]?s?\s{0,2},\s{0,2}$", prev_text)
            if comma is not None:
                before_comma = d_start - len(comma.group(0))
                owner = self.actor_covering(max(0, before_comma - 1), before_comma)
                if owner is not None and owner.kind is ActorKind.PERSON:
                    continue  # "Moshe Ya'alon, a former defence minister": a named person
            according = re.search(
                r"\b(?:according\s{1,2}to|by|cited|citing|quoted)\s{1,2}$", prev_text, re.IGNORECASE
            )
            if det_word == "the":
                if not cue or not re.search(
                    r"anonym|not\s{1,2}(?:be\s{1,2})?(?:named|identified|authori[sz]ed)", fold(cont)
                ):
                    continue
            elif det_word:
                if (
                    head
                    in {
                        "person",
                        "people",
                        "member",
                        "members",
                        "figure",
                        "figures",
                        "worker",
                        "workers",
                        "employee",
                        "employees",
                        "resident",
                        "residents",
                    }
                    and not cue
                ):
                    continue
            else:
                if not plural:
                    continue
                speech = (
                    _SPEECH_AFTER.match(text, h_end) is not None
                    or _SPEECH_AFTER.match(text, desc_end) is not None
                )
                if not (
                    cue
                    or according
                    or (quals and speech)
                    or (head in {"insiders", "sources"} and (speech or according))
                ):
                    continue
            qual_text = " ".join(q.group(0) for q in quals)
            short = " ".join(f"{qual_text} {hm.group('head')}".split())
            if not quals and re.match(
                r"\s{0,2}(?:familiar|close|briefed|with\s{1,2}(?:direct\s{1,2})?knowledge|involved|"
                r"knowledgeable|aware|privy|based|in)\b",
                cont,
            ):
                # "people familiar with the matter" says more than "people".
                short = " ".join(f"{hm.group('head')} {cont}".split()[:7])
            description = " ".join(text[d_start:desc_end].split())
            country = None
            for q in quals:
                qs = max(sent.start, h_start - 120) + q.start()
                gm = self.match_by_start.get(qs)
                if gm is not None:
                    country, _ = self._entity_country(gm)
                    if country:
                        break
            aid = f"anon:{slugify(short)}"
            actor = Actor(
                id=aid,
                name=short,
                kind=ActorKind.GROUP if plural else ActorKind.PERSON,
                anonymous=True,
                description=description,
                country=country,
            )
            # The mention covers the description as written up to the head noun.
            self.mention(actor, d_start, h_end, via="anonymous", alias=False)

    def _anon_hits(self, sent: Span) -> Iterator[re.Match[str]]:
        """``rules.anon_pattern.finditer`` over the sentence, trying the pattern only where a
        word could start a head (the same matches, found without scanning every position)."""
        text = self.text
        pattern = self.rules.anon_pattern
        starts = self._anon_candidates()
        if starts is None or (
            0 < sent.end < len(text) and _WORD_PAIR.match(text, sent.end - 1) is not None
        ):
            # The sentence ends inside a word: a head may end there (``\b`` at ``endpos``).
            yield from pattern.finditer(text, sent.start, sent.end)
            return
        i = bisect.bisect_left(starts, sent.start)
        last = sent.start
        while i < len(starts) and starts[i] < sent.end:
            p = starts[i]
            i += 1
            if p < last:
                continue
            m = pattern.match(text, p, sent.end)
            if m is not None:
                last = m.end()
                yield m

    def _anon_candidates(self) -> list[int] | None:
        """Starts of the words that may begin an anonymous head (case-insensitively, any
        non-ASCII word too), or None when some head does not start with a word character."""
        if not self._anon_computed:
            firsts = self.rules.anon_first_words
            self._anon_starts = None if firsts is None else _word_starts(self.text, firsts)
            self._anon_computed = True
        return self._anon_starts

    def _qualifier_ok(self, word: str, pos: int) -> bool:
        wf = fold(word)
        if wf in self.rules.anon_qualifiers:
            return True
        gm = self.match_by_start.get(pos)
        if gm is not None:
            return True
        if word[:1].isupper() and not word.isupper() and word not in _STOP_CAPS:
            return True  # "Gulf", "Western", "Hamas"
        return bool(re.fullmatch(r"[a-z]+-(?:ranking|level|placed|based|known|time)", wf))

    def _continuation(self, after: str) -> str:
        m = re.match(
            r"(\s{0,2},?\s{0,2}(?:who|familiar|close|briefed|with|speaking|based|involved|"
            r"knowledgeable|aware|privy|not\s{1,2}authori[sz]ed|in|from|at|inside|within|for|of|"
            r"granted|requesting|on\s{1,2}condition)\b[^.;:!?\"“”«»]{0,140}?)(?=[.;:!?\"“”«»]|,\s{0,2}(?:said|says|told|added|adding)\b|\s(?:said|says|told|added)\b|$)",
            after,
        )
        if not m:
            return ""
        cont = m.group(1)
        return cont.rstrip(" ,")

    # ------------------------------------------------------------ 5. coreference

    def surnames(self) -> None:
        people = [
            a
            for a in self.ctx.actors.values()
            if a.kind is ActorKind.PERSON and not a.anonymous and a.id not in self.gz.actors
        ]
        forms: dict[str, str] = {}
        for a in people:
            parts = a.name.split()
            if len(parts) < 2:
                continue
            last = parts[-1]
            if len(last) >= 3 and last not in _STOP_CAPS:
                forms.setdefault(last, a.id)
            m = re.match(r"(?:al|el|ad|as|an|ar)[-‐](.+)$", last)
            if m and len(m.group(1)) >= 3:
                forms.setdefault(m.group(1), a.id)
        if not forms:
            return
        pattern = re.compile(
            r"(?<![\w.-])(?:(?:Mr|Ms|Mrs|Dr)\.?\s{1,2})?("
            + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            + r")(?![\w-])"
        )
        for m in pattern.finditer(self.text):
            s, e = m.start(1), m.end(1)
            if not self.free(s, e) or self.in_furniture(s, e):
                continue
            prev = self.text[max(0, s - 30) : s]
            if re.search(rf"{_NAME_TOKEN}\s{{1,2}}$", prev) and not re.search(
                r"\b(?:Mr|Ms|Mrs|Dr)\.?\s{1,2}$", prev
            ):
                continue  # another person with the same surname
            self.mention(self.ctx.actors[forms[m.group(1)]], s, e, via="surname")

    def descriptors(self) -> None:
        text = self.text
        order = sorted(
            (m for m in self.ctx.mentions if m.kind is MentionKind.ACTOR),
            key=lambda m: m.span.start,
        )
        # Walk mentions and descriptions together in text order, remembering for every head
        # noun the last actor it could describe: linear in the number of mentions.
        last: dict[str, str] = {}
        heads_of: dict[str, tuple[str, ...]] = {}
        i = 0
        for dm in self.rules.descriptor_pattern.finditer(text):
            s, e = dm.start(), dm.end()
            while i < len(order) and order[i].span.start < s:
                target = order[i].target
                if target not in heads_of:
                    a = self.ctx.actors.get(target)
                    heads_of[target] = (
                        _heads_described(a, self.rules.descriptor_heads) if a is not None else ()
                    )
                for h in heads_of[target]:
                    last[h] = target
                i += 1
            if not self.free(s, e) or self.in_furniture(s, e):
                continue
            after = text[e : e + 40]
            if re.match(r"\s{1,2}(?:of|to|for)\b", after) or re.match(
                r"['’]?s?\s{0,2}[A-Z]", after
            ):
                continue  # "the envoy to Russia ...", "the envoy Steve Witkoff"
            found = last.get(fold(dm.group("head")))
            if found is None:
                continue
            self.mention(self.ctx.actors[found], s, e, via="descriptor", alias=False)

    def _antecedent(self, pos: int, head: str) -> str | None:
        window = Span(start=max(0, pos - _ANTECEDENT_WINDOW), end=pos)
        for m in reversed(self.ctx.mentions_in(window, MentionKind.ACTOR)):
            a = self.ctx.actors.get(m.target)
            if a is not None and _describes(a, head):
                return a.id
        return None


_PERSON_HEADS = frozenset(
    {
        "envoy",
        "minister",
        "president",
        "prime minister",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "ambassador",
        "analyst",
        "official",
        "diplomat",
        "commander",
        "general",
        "negotiator",
        "chancellor",
        "secretary",
        "governor",
        "leader",
        "mediator",
        "adviser",
        "advisor",
        "aide",
        "premier",
        "source",
    }
)


def _describes(a: Actor, head: str) -> bool:
    head_words = set(head.split())
    if a.anonymous:
        return fold(a.name).split()[-1:] == [head] or fold(a.name).endswith(head)
    if a.kind is ActorKind.PERSON:
        return head in _PERSON_HEADS and any(
            head_words <= set(fold(r.title).split()) for r in a.roles[:2]
        )
    name_words = set(fold(a.name).split())
    if a.kind is ActorKind.GOVERNMENT:
        if head in {"army", "military"}:
            return bool(name_words & {"army", "military", "armed", "forces", "tatmadaw"})
        return head in name_words or (head == "government" and "administration" in name_words)
    if a.kind in {ActorKind.GROUP, ActorKind.ORGANIZATION}:
        if head in {"group", "movement", "rebels", "militia"}:
            return a.kind is ActorKind.GROUP
        return head in name_words
    if a.kind is ActorKind.STATE:
        # "the government" after a state is too often another state's: only the Kremlin.
        return head == "kremlin" and a.id == "state:RU"
    return False


def _heads_described(a: Actor, heads: Iterable[str]) -> tuple[str, ...]:
    """The heads of ``heads`` that ``_describes(a, head)``, folding the actor's names once."""
    fname = fold(a.name)
    if a.anonymous:
        last = fname.split()[-1:]
        return tuple(h for h in heads if last == [h] or fname.endswith(h))
    if a.kind is ActorKind.PERSON:
        titles = [set(fold(r.title).split()) for r in a.roles[:2]]
        return tuple(
            h
            for h in heads
            if h in _PERSON_HEADS and any(set(h.split()) <= words for words in titles)
        )
    name_words = set(fname.split())
    if a.kind is ActorKind.GOVERNMENT:
        army = bool(name_words & {"army", "military", "armed", "forces", "tatmadaw"})
        return tuple(
            h
            for h in heads
            if (army if h in {"army", "military"} else h in name_words)
            or (h == "government" and "administration" in name_words)
        )
    if a.kind in {ActorKind.GROUP, ActorKind.ORGANIZATION}:
        group = a.kind is ActorKind.GROUP
        return tuple(
            h
            for h in heads
            if (group if h in {"group", "movement", "rebels", "militia"} else h in name_words)
        )
    if a.kind is ActorKind.STATE:
        return tuple(h for h in heads if h == "kremlin" and a.id == "state:RU")
    return ()


def _is_all_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_SPECIFIC_BODIES = frozenset(
    {
        "foreign ministry",
        "ministry of foreign affairs",
        "defence ministry",
        "defense ministry",
        "ministry of defence",
        "ministry of defense",
        "interior ministry",
        "ministry of interior",
        "ministry of the interior",
        "justice ministry",
        "finance ministry",
        "health ministry",
        "ministry of health",
        "energy ministry",
        "economy ministry",
        "information ministry",
        "foreign office",
        "state department",
        "defense department",
        "department of defense",
        "war department",
        "treasury",
        "treasury department",
        "general staff",
        "intelligence service",
        "intelligence agency",
        "military intelligence",
        "security service",
        "security council",
        "national security council",
        "presidential office",
        "president's office",
        "office of the president",
        "presidency",
        "parliament",
        "senate",
        "congress",
        "embassy",
        "mission",
        "delegation",
        "negotiating team",
        "prosecutor's office",
        "prosecutor general's office",
        "emergency service",
        "emergency services",
        "coast guard",
        "central bank",
        "supreme court",
        "constitutional court",
        "high court",
        "election commission",
        "electoral commission",
        "transitional council",
        "sovereign council",
        "security cabinet",
        "war cabinet",
    }
)
_SPECIFIC_SUFFIXES = (
    "ministry",
    "department",
    "office",
    "council",
    "service",
    "court",
    "commission",
    "staff",
    "agency",
    "embassy",
    "parliament",
)
_BODY_SYNONYMS = {
    "ministry of foreign affairs": "foreign ministry",
    "ministry of defence": "defence ministry",
    "ministry of defense": "defence ministry",
    "defense ministry": "defence ministry",
    "ministry of interior": "interior ministry",
    "ministry of the interior": "interior ministry",
    "ministry of health": "health ministry",
    "department of defense": "defense department",
    "president's office": "presidential office",
    "office of the president": "presidential office",
}
_OFFICIAL_ADJ_NOUNS = frozenset(
    [
        "statement",
        "statements",
        "response",
        "responses",
        "visit",
        "visits",
        "position",
        "positions",
        "figures",
        "figure",
        "data",
        "channels",
        "channel",
        "report",
        "reports",
        "documents",
        "document",
        "capacity",
        "reaction",
        "talks",
        "meeting",
        "meetings",
        "word",
        "account",
        "accounts",
        "estimate",
        "estimates",
        "tally",
        "count",
        "language",
        "residence",
        "status",
        "recognition",
        "trip",
        "request",
        "stance",
        "line",
        "policy",
        "media",
        "website",
        "telegram",
        "newspaper",
        "agency",
        "news",
        "results",
        "result",
        "version",
        "name",
        "title",
        "duties",
        "duty",
        "business",
        "ceremony",
        "letter",
        "invitation",
        "announcement",
        "confirmation",
        "sources",
        "source",
        "of",
        "at",
        "in",
    ]
)


# ---------------------------------------------------------------------- helpers for stages


def resolve_phrase(ctx: ParseContext, span: Span) -> Actor | None:
    """The actor a speaker noun phrase refers to, creating it if needed.

    Used by later stages (statements, proposals) to turn the phrase naming a speaker into an
    actor.  In order:

    1. an actor mention inside or overlapping ``span`` (a person before an anonymous source
       before a government body before an organisation before a state: for "Kremlin
       spokesperson Dmitry Peskov" that is Peskov);
    2. a name the gazetteer knows;
    3. a definite description ("the analyst", "the ministry") → the last such actor mentioned;
    4. a new actor: an anonymous source if the phrase is an indefinite or plural description
       ("a senior official", "diplomats"), a person if it holds a capitalised name (with the
       title before it as a role), otherwise None.

    The new actor is added to ``ctx`` with a mention at its words.

    Example:
        >>> ctx = ParseContext(text="A Gulf mediator said the talks had stalled.")
        >>> resolve_phrase(ctx, Span(start=0, end=15)).id
        'anon:gulf-mediator'
        >>> ctx2 = ParseContext(text="Foreign Minister Leila Haddad said so.")
        >>> a = resolve_phrase(ctx2, Span(start=0, end=29))
        >>> a.name, a.title
        ('Leila Haddad', 'Foreign Minister')
    """
    if not isinstance(span, Span):
        raise ConflictModelError(f"resolve_phrase() expects a Span, got {type(span).__name__}")
    run = _run_for(ctx)
    found = _resolve_phrase(run, span)
    run.flush()
    run.mark_synced()
    return ctx.actors.get(found.id) if found is not None else None


def _resolve_phrase(run: _Run, span: Span) -> Actor | None:
    ctx = run.ctx
    text = ctx.text
    start, end = max(0, span.start), min(len(text), span.end)
    if end <= start:
        return None
    owned = _possessed_title(run, start, end)
    if owned is not None:
        return owned
    best: tuple[int, int] | None = None
    best_m: Mention | None = None
    for m in ctx.mentions_in(Span(start=max(0, start - _MAX_SPAN), end=end + _MAX_SPAN)):
        if m.kind is not MentionKind.ACTOR or not (m.span.start < end and start < m.span.end):
            continue
        a = ctx.actors.get(m.target)
        if a is None:
            continue
        # A person before an anonymous source before a body before a state; among equals the
        # first, the head of most speaker phrases ("Israel struck Syrian army positions").
        key = (1 if a.anonymous else _KIND_PRIORITY[a.kind], m.span.start)
        if best is None or key < best:
            best, best_m = key, m
    if best_m is not None:
        return ctx.actors[best_m.target]
    phrase = text[start:end]
    lead = len(phrase) - len(phrase.lstrip())
    core = _strip_possessive(phrase.strip())
    s0 = start + lead
    known = run.gz.find_actor(core)
    if known is not None and core:
        return run.mention(_bare_actor(known), s0, s0 + len(core), via="name")
    dm = run.rules.descriptor_pattern.fullmatch(phrase.strip())
    if dm is not None:
        target = run._antecedent(start, fold(dm.group("head")))
        if target is not None:
            return run.mention(
                ctx.actors[target], s0, s0 + len(phrase.strip()), via="descriptor", alias=False
            )
    org = _organisation_phrase(run, start, end)
    if org is not None:
        return org
    sent = Span(start=start, end=end)
    before = set(ctx.actors)
    n_mentions = len(run.pending)
    for nm in _NAME.finditer(text, start, end):
        a0, b0 = nm.start(), nm.end()
        run.person_candidate(a0, b0, sent, headline=False)
        if len(run.pending) > n_mentions:
            return ctx.actors[run.pending[-1][1]]
    run.anonymous(sent)
    if len(run.pending) == n_mentions:
        _anonymous_fallback(run, sent)
    if len(run.pending) > n_mentions:
        return ctx.actors[run.pending[-1][1]]
    for nm in _NAME.finditer(text, start, end):
        a0, b0 = nm.start(), nm.end()
        title, tspan, tc, ta = run.title_before(a0)
        name = _strip_possessive(text[a0:b0])
        words = name.split()
        while words and (words[0] in _STOP_CAPS or words[0] in run.rules.courtesy):
            words = words[1:]
        if not words or (len(words) < 2 and not title):
            continue
        name = " ".join(words)
        n_start = text.find(words[0], a0, b0)
        if n_start < 0 or not run.free(n_start, n_start + len(name)):
            continue
        return run.new_person(name, n_start, n_start + len(name), title, tspan, tc, ta)
    del before
    return None


_ORG_PHRASE = re.compile(
    rf"(?:[Tt]he\s{{1,2}})?((?:{_NAME_TOKEN}|of|for|and|the|on)(?:\s{{1,2}}(?:{_NAME_TOKEN}|of|for|and|the|on)){{0,9}})"
)


def _organisation_phrase(run: _Run, start: int, end: int) -> Actor | None:
    """A capitalised phrase with an organisation word ("the Syrian Observatory for Human
    Rights") is an organisation, not a person."""
    text = run.text
    phrase = text[start:end].strip()
    m = _ORG_PHRASE.fullmatch(phrase)
    if m is None:
        return None
    name = m.group(1)
    words = name.split()
    if not words[0][:1].isupper() or not any(w in _ORG_WORDS for w in words):
        return None
    s0 = text.find(name, start, end)
    if s0 < 0 or not run.free(s0, s0 + len(name)):
        return None
    country = None
    for gm in run.matches_in(s0, s0 + len(name)):
        country, _ = run._entity_country(gm)
        if country:
            break
    actor = Actor(
        id=f"org:{slugify(name)}", name=name, kind=ActorKind.ORGANIZATION, country=country
    )
    return run.mention(actor, s0, s0 + len(name), via="name")


def _possessed_title(run: _Run, start: int, end: int) -> Actor | None:
    """ "Burhan's spokesman" is not Burhan: the person named right after it (", Brig. Gen.
    Nabil Abdallah,"), else an unnamed person with that description."""
    text = run.text
    phrase = text[start:end].strip()
    m = re.fullmatch(r"(.{1,80}?)['’]s?\s{1,2}([\w -]{1,60})", phrase)
    if m is None or fold(m.group(2)) not in run.rules.titles:
        return None
    owner_end = text.find(m.group(1), start, end) + len(m.group(1))
    owner = run.ctx.actor_at(Span(start=max(start, owner_end - 1), end=owner_end))
    if owner is None or owner.kind not in {
        ActorKind.PERSON,
        ActorKind.GROUP,
        ActorKind.ORGANIZATION,
        ActorKind.GOVERNMENT,
    }:
        return None
    after = text[end : end + 100]
    am = re.match(r"\s{0,2},\s{0,2}", after)
    if am:
        for mention in run.ctx.mentions_in(Span(start=end, end=min(len(text), end + 100))):
            a = run.ctx.actors.get(mention.target)
            gap = text[end : mention.span.start]
            if (
                a is not None
                and a.kind is ActorKind.PERSON
                and not a.anonymous
                and re.fullmatch(r"\s{0,2},\s{0,2}(?:[A-Z][a-z]{0,5}\.\s{0,2}){0,3}", gap)
            ):
                return a
    name = " ".join(phrase.split())
    actor = Actor(
        id=f"anon:{slugify(name)}",
        name=name,
        kind=ActorKind.PERSON,
        anonymous=True,
        description=name,
        country=owner.country,
        roles=(Role(title=m.group(2), affiliation=owner.name, country=owner.country),),
    )
    s0 = text.find(phrase, start, end)
    return run.mention(actor, s0, s0 + len(phrase), via="descriptor", alias=False)


def _run_for(ctx: ParseContext) -> _Run:
    """The actor run cached on the context, brought up to date with its mentions."""
    cached = ctx.actor_service
    gz = gazetteer_of(ctx)
    if not isinstance(cached, _Run) or cached.ctx is not ctx or cached.gz is not gz:
        cached = _Run(ctx, ActorRules.default())
        cached.cover_mentions(ctx.mentions)
        cached.mark_synced()
        ctx.actor_service = cached
        return cached
    new = ctx.mentions_since(cached.synced)
    if new is None:
        # A stage edited ``ctx.mentions`` directly: cover them all again.
        cached.reset_cover()
        cached.cover_mentions(ctx.mentions)
    else:
        # Only the mentions other stages added since (the run's own are covered already).
        cached.cover_mentions(new)
    cached.mark_synced()
    return cached


def _anonymous_fallback(run: _Run, sent: Span) -> None:
    """A speaker phrase that is a bare description ("Western officials") is an anonymous
    source even without the cues the stage asks for in running text."""
    text = run.text
    phrase = text[sent.start : sent.end]
    hits = list(run.rules.anon_pattern.finditer(phrase))
    if not hits:
        return
    hm = hits[-1]
    if hm is None:
        return
    h_end = sent.start + hm.end("head")
    lead = len(phrase) - len(phrase.lstrip())
    d_start = sent.start + lead
    words = text[d_start:h_end].split()
    if words and fold(words[0]) in run.rules.determiners | {"the"}:
        words = words[1:]
    short = " ".join(words)
    if not short:
        return
    head = fold(hm.group("head"))
    country = None
    for gm in run.matches_in(d_start, h_end):
        if d_start <= gm.start and gm.end <= h_end:
            country, _ = run._entity_country(gm)
            if country:
                break
    actor = Actor(
        id=f"anon:{slugify(short)}",
        name=short,
        kind=ActorKind.GROUP if run.rules.anon_heads.get(head) == "group" else ActorKind.PERSON,
        anonymous=True,
        description=" ".join(text[d_start : sent.end].split()),
        country=country,
    )
    run.mention(actor, d_start, h_end, via="anonymous", alias=False)


def resolve_pronoun(ctx: ParseContext, offset: int, pronoun: str) -> Actor | None:
    """The actor a pronoun at ``offset`` most likely refers to: the last person mentioned
    before it for he/she/his/her, the last group, body, organisation or state for
    they/it/their.  Returns None when nothing fits; records no mention.

    Example:
        >>> from conflictmodel import parse_article
        >>> from conflictmodel.pipeline import Pipeline
        >>> ctx = ParseContext(text="Rwandan President Paul Kagame spoke. He said no.")
        >>> Pipeline.from_names(["text", "actors"]).run(ctx) is ctx
        True
        >>> resolve_pronoun(ctx, 37, "He").name
        'Paul Kagame'
    """
    p = fold(pronoun)
    if p in _PRONOUNS_PERSON:
        kinds = {ActorKind.PERSON}
    elif p in _PRONOUNS_GROUP:
        kinds = {
            ActorKind.GROUP,
            ActorKind.GOVERNMENT,
            ActorKind.ORGANIZATION,
            ActorKind.STATE,
            ActorKind.MEDIA,
        }
    else:
        return None
    best: Mention | None = None
    window = Span(start=max(0, offset - _ANTECEDENT_WINDOW), end=max(0, offset))
    for m in ctx.mentions_in(window, MentionKind.ACTOR):
        a = ctx.actors.get(m.target)
        if a is None or a.kind not in kinds:
            continue
        if p in {"it", "its"} and a.kind is ActorKind.GROUP and a.anonymous:
            continue
        if best is None or m.span.start >= best.span.start:
            best = m
    return ctx.actors.get(best.target) if best else None
