"""Word lists of the actors stage as rules users can extend (``titles.json``, ``anonymous.json``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import attrs

from conflictmodel.analysis import PhraseMatcher
from conflictmodel.errors import GazetteerError
from conflictmodel.gazetteer import fold
from conflictmodel.parsers.actors.grammar import (
    _NON_ASCII_WORD,
    _WORD_RUN,
)
from conflictmodel.resources import load_data


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
    def folded_courtesy(self) -> frozenset[str]:
        """The courtesy titles folded (ranks: "gen.", "col.")."""
        cached = self._cache.get("folded_courtesy")
        if cached is None:
            cached = frozenset(fold(c) for c in self.courtesy)
            self._cache["folded_courtesy"] = cached
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
