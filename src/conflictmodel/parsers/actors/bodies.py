"""Named government bodies ("the Russian Foreign Ministry", "the Biden administration")."""

from __future__ import annotations

import re

from conflictmodel.context import MentionKind
from conflictmodel.gazetteer import fold, slugify
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.span import Span
from conflictmodel.parsers.actors.grammar import (
    _MINISTRY_OF,
    _is_all_caps,
)
from conflictmodel.parsers.actors.titles import (
    _Titles,
)
from conflictmodel.parsers.actors.words import (
    _BODY_SYNONYMS,
    _SPECIFIC_BODIES,
    _SPECIFIC_SUFFIXES,
)

_POSSESSIVE_GAP = re.compile(r"(['’]s?)?\s{1,2}")
_OWNER_BEFORE = re.compile(r"(\S+?)(['’]s)?\s{1,2}$")
_BODY_WORD = re.compile(r"[\w’'-]+")


class _Bodies(_Titles):
    """Government bodies by pattern."""

    def government_bodies(self, sent: Span) -> None:
        text = self.text
        for m in self.matches_in(sent.start, sent.end):
            if m.start < sent.start or m.end > sent.end:
                continue
            entry = next((e for e in m.entries if e.kind is MentionKind.ACTOR), None)
            after = text[m.end : min(sent.end, m.end + 60)]
            pm = _POSSESSIVE_GAP.match(after)
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
                pm2 = _OWNER_BEFORE.search(prev)
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
        first = _BODY_WORD.match(self.text[pos : min(limit, pos + 30)])
        if first is None or fold(first.group(0)) not in self.rules.body_first_words:
            return None
        words = list(_BODY_WORD.finditer(self.text[pos : min(limit, pos + 60)]))
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
        actor = Actor(id=gid, name=name, kind=kind, country=code, aliases=self._formal(key, code))
        s = start
        if text[s : s + 4].casefold() == "the ":
            s += 4
        self.mention(actor, s, end, via="name")

    def _formal(self, key: str, code: str | None) -> tuple[str, ...]:
        """The formal name of a body the text calls by its short one: the "Qatari foreign
        ministry" is the "Ministry of Foreign Affairs of Qatar"."""
        state = self.gz.actors.get(f"state:{code}") if code else None
        if state is None:
            return ()
        return tuple(
            f"{_title_case(long)} of {state.name}"
            for long, short in _BODY_SYNONYMS.items()
            if short == key and long.startswith(("ministry of ", "department of "))
        )[:1]

    def _demonym(self, code: str | None) -> str | None:
        if code is None:
            return None
        target = f"state:{code}"
        for surface, t in self.gz.demonyms.items():
            if t == target and surface[:1].isupper() and not _is_all_caps(surface):
                return surface
        return None


def _title_case(phrase: str) -> str:
    """ "ministry of foreign affairs" -> "Ministry of Foreign Affairs"."""
    small = {"of", "the", "and", "for"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in phrase.split())
