"""People: known ones by name, unknown ones by title, apposition, courtesy title or speech verb; surnames."""

from __future__ import annotations

import re

import attrs

from conflictmodel.gazetteer import Match, fold, slugify
from conflictmodel.model.actors import Actor, ActorKind, Role
from conflictmodel.model.span import Span
from conflictmodel.parsers.actors.bodies import (
    _Bodies,
)
from conflictmodel.parsers.actors.grammar import (
    _COURTESY_BEFORE,
    _COURTESY_END,
    _NAME,
    _NAME_TOKEN,
    _NAME_TOKEN_AT_START,
    _NON_SPACE,
    _SPEECH_AFTER,
    _SPEECH_BEFORE,
    _bare_actor,
    _is_headline,
    _strip_possessive,
)
from conflictmodel.parsers.actors.words import (
    _NAME_HONORIFICS,
    _NAME_STOP_TAIL,
    _ORG_WORDS,
    _PERSON_AFTER,
    _PERSON_BEFORE,
    _STATE_NOUNS,
    _STOP_CAPS,
    _VERBS,
    GIVEN_FEMININE,
    GIVEN_MASCULINE,
)
from conflictmodel.parsers.actors.words import (
    name_key as _name_key,
)

_CAP_WORD_AFTER = re.compile(r"[ \t]{1,2}([A-Z][a-z][\w'’-]*)(?![\w'’-])")
_WORD_AFTER = re.compile(r"\s{1,3}([A-Za-z]+)")
_ADMINISTRATION_AFTER = re.compile(r"['’]?s?\s{1,2}(?:administration|government|cabinet)\b")
_GIVEN_BEFORE = re.compile(rf"({_NAME_TOKEN})[ \t\u00a0]{{1,2}}$")
_ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|as|an|ar)[-‐](.+)$")
_NAME_BEFORE = re.compile(rf"{_NAME_TOKEN}\s{{1,2}}$")
_GIVEN_NAMES = GIVEN_MASCULINE | GIVEN_FEMININE
_LEDE = 300
"""Characters at the start of an article (headline, lede) where a surname may come before
the full name it stands for ("Burhan Says …")."""


# A sentence that opens with its cue verb ("Said Machar, “…”", "Says the envoy: ...").
_INVERTED_CUE = re.compile(r"(?:Said|Says)\s+(?=[A-Z])")
_QUOTE_NEXT = re.compile(r"\s{0,2}[,:]\s{0,2}[\"“«‘']")
_OPENERS = "\"“”'‘’ \n"


def _given_names(actor: Actor) -> set[str]:
    """The folded first words of a known person's full names ("sergey", "sergei"), titles
    ("King Mohammed VI") left out."""
    firsts = (n.split()[0] for n in (actor.name, *actor.aliases) if len(n.split()) >= 2)
    return {_name_key(w) for w in firsts if w not in _TITLE_FIRSTS}


# East Slavic patronymics: the one middle word a known person's name is written with.
_PATRONYMIC = re.compile(r"(?:ovich|evich|ich|ovna|evna|ichna|yevich)$")
_TITLE_FIRSTS = frozenset({"King", "Queen", "Prince", "Emir", "Sheikh", "Pope", "President"})


def _inverted_cue(text: str, start: int, name_end: int) -> bool:
    """True if ``text[start:name_end]`` is "Said X" (or "Says X") followed by a quotation."""
    return bool(_INVERTED_CUE.match(text, start)) and bool(_QUOTE_NEXT.match(text, name_end))


class _People(_Bodies):
    """People in the text."""

    def demonym_is_state(self, m: Match) -> bool:
        after = self.text[m.end : m.end + 40]
        w = _WORD_AFTER.match(after)
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
        if _ADMINISTRATION_AFTER.match(text[m.end : m.end + 30]):
            return  # "the Biden administration" is a body, found by government_bodies()
        start = self._known_start(m, actor)
        if start is None:
            return
        title, _, tcountry, taff = self.title_before(start)
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

    def _known_start(self, m: Match, actor: Actor) -> int | None:
        """Where the mention of a known person matched by ``m`` starts, once a given name
        before a matched surname is weighed; None when the name is someone else's ("Lara
        Trump" is not Donald Trump, "Ahmed Sharif Chaudhry" is not Sharif), who is then added
        as a person of their own."""
        text = self.text
        start = m.start
        # "Lara Trump" is not Donald Trump; "John Witkoff" after an envoy title still is Witkoff.
        if len(m.text.split()) != 1:
            return start
        prev = _GIVEN_BEFORE.search(text[max(0, start - 40) : start])
        if prev and _inverted_cue(text, start - len(prev.group(0)), m.end):
            return start  # "Said Machar, “…”": the cue verb, not Machar's given name
        if not prev or prev.group(1) in _STOP_CAPS:
            return self._known_or_longer(m, start)
        given = prev.group(1)
        g_start = start - len(prev.group(0))
        if fold(given) in self.rules.titles or given in self.rules.courtesy:
            return start
        if self.gz.find_actor(given) is not None:
            return start
        title, tspan, tcountry, taff = self.title_before(g_start)
        if self.title_agrees(actor, title):
            return g_start
        first = _GIVEN_BEFORE.search(text[max(0, g_start - 40) : g_start])
        if first and _PATRONYMIC.search(given) and _name_key(first.group(1)) in _given_names(actor):
            # "Sergei Viktorovich Lavrov": a patronymic between the known given name and the
            # surname. Any other middle word makes another person ("Hassan Ali Mohamud").
            return g_start - len(first.group(0))
        # "Ahmed Sharif Chaudhry": the known surname is inside a longer name.
        end = m.end + self._name_tail(m.end)
        full = _strip_possessive(text[g_start:end])
        self.new_person(full, g_start, end, title, tspan, tcountry, taff)
        return None

    def _known_or_longer(self, m: Match, start: int) -> int | None:
        """ "Sharif Sheikh Ahmed" is not Shehbaz Sharif: a known one-word name followed by
        capitalised name words nothing else claims starts the name of another person (added
        as a person of their own; None).  Title-case headlines ("Putin Rejects Truce") keep
        the known person."""
        tail = self._name_tail(m.end)
        if not tail:
            return start
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", m.end)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        words = self.text[m.end : m.end + tail].split()
        if _is_headline(line) or any(_strip_possessive(w) in _ORG_WORDS for w in words):
            return start
        end = m.end + tail
        full = _strip_possessive(self.text[start:end])
        title, tspan, tcountry, taff = self.title_before(start)
        self.new_person(full, start, start + len(full), title, tspan, tcountry, taff)
        return None

    def _name_tail(self, pos: int) -> int:
        """How many characters of capitalised name words follow ``pos`` (up to two words that
        are neither stop words nor known entities)."""
        n = 0
        for _ in range(2):
            w = _CAP_WORD_AFTER.match(self.text, pos + n)
            if (
                w is None
                or w.group(1) in _STOP_CAPS
                or w.group(1) in _NAME_STOP_TAIL
                or w.group(1).lower() in _VERBS
                or self.match_by_start.get(w.start(1))
            ):
                break
            n = w.end() - pos
        return n

    def title_agrees(self, actor: Actor, title: str | None) -> bool:
        if not title:
            return False
        words = set(fold(title).split())
        return any(
            words & set(fold(r.title).split()) - {"of", "the", "to", "for"} for r in actor.roles
        )

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
            inverted = _INVERTED_CUE.match(cand)
            if inverted and _inverted_cue(text, a, b) and not text[sent.start : a].strip(_OPENERS):
                # "Said Machar, “We will not ...”": the cue verb opens the sentence, the name
                # follows it (a person called Said is followed by a name, not by a quote).
                a += inverted.end()
            self.person_candidate(a, b, sent, headline)

    def person_candidate(self, a: int, b: int, sent: Span, headline: bool) -> None:
        text = self.text
        toks = list(_NON_SPACE.finditer(text[a:b]))
        if not toks:
            return
        start_i, title, tspan, tcountry, taff = self._leading_title(a, toks)
        name_toks, start_i, stripped_title, courtesy = self._name_tokens(a, toks, start_i)
        if stripped_title:
            title = None
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
            if _COURTESY_END.search(prev):
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
        if not self._name_evidence(words, title, tspan, courtesy, n_start, n_end, sent):
            return
        actor = self.new_person(raw_name, n_start, n_end, title, tspan, tcountry, taff)
        if rank is not None:
            self.ctx.add_actor(
                Actor(id=actor.id, name=actor.name, kind=actor.kind, roles=(Role(title=rank),))
            )

    def _leading_title(
        self, a: int, toks: list[re.Match[str]]
    ) -> tuple[int, str | None, Span | None, str | None, str | None]:
        """The title before the chunk, or inside it: leading title words belong to the title
        ("President Donald Trump"; "Secretary of State Marco Rubio" is chunked as "State Marco
        Rubio").  Returns the index of the first name token and the title found."""
        text = self.text
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
                if text[ts.start : ts.end] in _NAME_HONORIFICS:
                    continue  # "Hassan Sheikh Omar": a name word after a given name
                t = " ".join(text[a : ts.end].split())
                ts = Span(start=a, end=ts.end)
            start_i, title, tspan, tcountry, taff = i, t, ts, tc, ta
        return start_i, title, tspan, tcountry, taff

    def _name_tokens(
        self, a: int, toks: list[re.Match[str]], start_i: int
    ) -> tuple[list[str], int, bool, bool]:
        """The name's tokens without courtesy titles, sentence-initial function words and
        headline verbs: (tokens, index of the first, whether a leading word was dropped so
        the title no longer applies, whether a courtesy title was seen)."""
        name_toks = [t.group(0) for t in toks[start_i:]]
        courtesy = bool(_COURTESY_BEFORE.search(self.text, max(0, a - 12), a))
        while name_toks and (
            name_toks[0] in self.rules.courtesy
            or name_toks[0] + "." in self.rules.courtesy
            or name_toks[0].rstrip(".") in {"Mr", "Ms", "Mrs", "Dr"}
        ):
            courtesy = True
            name_toks = name_toks[1:]
            start_i += 1
        dropped = False
        while name_toks and _strip_possessive(name_toks[0]) in _STOP_CAPS:
            name_toks = name_toks[1:]
            start_i += 1
            dropped = True
        while name_toks and _strip_possessive(name_toks[-1]) in _NAME_STOP_TAIL:
            name_toks = name_toks[:-1]
        return name_toks, start_i, dropped, courtesy

    def _name_evidence(
        self,
        words: list[str],
        title: str | None,
        tspan: Span | None,
        courtesy: bool,
        n_start: int,
        n_end: int,
        sent: Span,
    ) -> bool:
        """Whether a capitalised chunk is a person: a title right before a full name (or any
        name, as an honorific), a courtesy title, or a full name with a speech verb or words
        that govern only people ("loyal to", "was arrested", an age in commas)."""
        text = self.text
        multi = len(words) >= 2 and not all(w.endswith(".") for w in words)
        if title is not None:
            honorific = (
                tspan is not None
                and text[tspan.start].isupper()
                and not text[tspan.end : n_start].strip()
                and words[0] not in _STOP_CAPS
            )
            return multi or courtesy or honorific
        if courtesy:
            # "Gen. Yasser al-Atta": a surname may open with an article
            last = _ARTICLE_PREFIX.sub(r"\1", words[-1])
            return _NAME_TOKEN_AT_START.match(last) is not None
        if not multi:
            return False
        if _SPEECH_AFTER.match(text, n_end) or _PERSON_AFTER.match(text, n_end):
            return True
        if len(words) <= 3 and words[0].lower() in _GIVEN_NAMES:
            return True  # "Amina Yusuf met …": a common given name opens it
        before = text[max(sent.start, n_start - 30) : n_start]
        return bool(_SPEECH_BEFORE.search(before) or _PERSON_BEFORE.search(before))

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
        key = _name_key(_strip_possessive(surname))
        if len(key) < 3:
            return None
        self._sync_people()
        if full is not None:
            hit = self._people_full.get(_name_key(full))
            if hit is not None:
                return self.ctx.actors.get(hit)
            if len(full.split()) > 1:
                # a person first named by surname alone (a headline's "Burhan Says …") is
                # the one the full name now introduces
                hit = self._people_full.get(key)
                solo = self.ctx.actors.get(hit) if hit is not None else None
                return solo if solo is not None and " " not in solo.name else None
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
                self._people_full[_name_key(n)] = a.id
                ids = self._people_last.setdefault(_name_key(_strip_possessive(parts[-1])), [])
                if a.id not in ids:
                    ids.append(a.id)
        self._people_seen = len(actors)
        self._people_version = self._version

    def surnames(self) -> None:
        people = [
            a
            for a in self.ctx.actors.values()
            if a.kind is ActorKind.PERSON and not a.anonymous and a.id not in self.gz.actors
        ]
        # surname -> (where the full name is first written, person), in text order: a
        # surname refers to the person of that name introduced last before it
        forms: dict[str, list[tuple[int, str]]] = {}
        for a in people:
            parts = a.name.split()
            if len(parts) < 2:
                continue
            first = min((sp.start for sp in a.mentions), default=0)
            last = parts[-1]
            if len(last) >= 3 and last not in _STOP_CAPS:
                forms.setdefault(last, []).append((first, a.id))
            m = _ARTICLE_PREFIX.match(last)
            if m and len(m.group(1)) >= 3:
                forms.setdefault(m.group(1), []).append((first, a.id))
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
            if _NAME_BEFORE.search(prev) and not _COURTESY_END.search(prev):
                continue  # another person with the same surname
            target = _introduced_before(sorted(forms[m.group(1)]), s)
            if target is not None:
                self.mention(self.ctx.actors[target], s, e, via="surname")


def _introduced_before(named: list[tuple[int, str]], pos: int) -> str | None:
    """The person a surname at ``pos`` refers to: of the people with that surname (``named``,
    by where their full name is first written), the last introduced before ``pos``; in the
    headline and lede, where a surname may come before the full name, the first one."""
    before = [aid for first, aid in named if first < pos]
    if before:
        return before[-1]
    return named[0][1] if pos < _LEDE else None
