"""Speakers of cues, the outlet and date of a statement, and the statements themselves."""

from __future__ import annotations

import bisect

import attrs

from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.span import Span
from conflictmodel.model.statements import SpeakerSource, Statement, StatementKind
from conflictmodel.model.textdates import TextDate
from conflictmodel.parsers.statements._words import OUTLET_WORDS
from conflictmodel.parsers.statements.base import (
    _REL,
    _Cue,
    _Para,
)
from conflictmodel.parsers.statements.cues import slug
from conflictmodel.parsers.statements.layout import _Layout

_WH = frozenset(("what", "whatever", "how", "why"))
_INSTITUTIONS = (ActorKind.STATE, ActorKind.GOVERNMENT, ActorKind.ORGANIZATION, ActorKind.GROUP)


def _named_in(actor: Actor, words: list[str]) -> bool:
    """Some word of the actor's name or aliases is among the speaker phrase's ``words``
    (as written).  Only a word with a capital names: "the captain" describes Captain Warsame,
    it does not name him."""
    have = {w.lower() for w in words if any(ch.isupper() for ch in w)}
    return any(w.strip(".,’'").lower() in have for n in actor.names for w in n.split())


class _Emitter(_Layout):
    """Resolves the speakers of cues and builds statements (with their outlet and date)."""

    def _resolve_cue(self, para: _Para, c: _Cue, cues: list[_Cue]) -> None:
        if c.resolved:
            return
        c.resolved = True
        inherited = False
        if c.kind == "source":
            r = self._according_np(para, c)
            if r is not None:
                c.subject = r
        elif c.kind == "finite":
            inherited = self._subject_of_finite(para, c, cues)
        elif c.kind == "participle":
            inherited = self._subject_of_participle(para, c, cues)
        if inherited:
            return
        if c.subject is not None and not c.speakers:
            span = self._span(para, c.subject)
            c.speakers = self.resolver.resolve(span)
            c.speaker_span = span if c.speakers else None

    def _joint(self, speakers: list[Actor], sspan: Span | None) -> list[Actor]:
        """Several speakers of one statement ("Smith and Jones wrote", "Both hinted", "the two
        ministers said") are one joint actor: named as the text names them when it names them
        all, else by their names joined, with the members' ids in ``members``."""
        members: list[Actor] = []
        for a in speakers:
            if a.id not in {m.id for m in members}:
                members.append(a)
        if len(members) < 2:
            return members
        joined = " and ".join(m.name for m in members)
        sspan = _trim_lead(self.text, sspan)
        surface = " ".join(sspan.of(self.text).split()) if sspan is not None else ""
        words = [w.strip(".,’'") for w in surface.split()]
        name = surface if surface and all(_named_in(m, words) for m in members) else joined
        actor = Actor(
            id=f"group:{slug(joined)}",
            name=name,
            kind=ActorKind.GROUP,
            aliases=(joined,) if joined != name else (),
            description=surface or None,
            members=tuple(m.id for m in members),
        )
        actor = self.ctx.add_actor(actor)
        if sspan is not None:
            self.resolver.mention(sspan, actor.id, "name", alias=False)
        return [self.ctx.actors.get(actor.id, actor)]

    def _speakers_of(self, para: _Para, c: _Cue) -> tuple[list[Actor | None], Span | None] | None:
        """The speakers of cue ``c`` (several as one joint actor) and the words naming them;
        an unresolved speaker (None) when the words name someone no stage knows ("according
        to state television"); None when they name nobody."""
        sspan = c.speaker_span
        speakers: list[Actor | None] = list(self._joint(c.speakers, sspan))
        if speakers:
            return speakers, sspan
        unresolved = self._unresolved(para, c)
        return None if unresolved is None else ([None], unresolved)

    def _unresolved(self, para: _Para, c: _Cue | None, *, loose: bool = False) -> Span | None:
        """The words naming the speaker of cue ``c`` when they name someone (a capitalised
        word, a pronoun, a speaker noun) but resolved to no actor; else None.  With ``loose``
        (a quotation's attribution), any short definite description names someone too
        ("…,” the host said)."""
        if c is None or c.subject is None:
            return None
        if not self._head_ok(para, c.subject) and not (
            loose and self._definite_description(para, c.subject)
        ):
            return None
        first = para.toks[c.subject[0]].low
        if first in self.subords or first in _REL or first in _WH:
            return None  # "what he called …": a relative clause, not a report
        return self._span(para, c.subject)

    def _definite_description(self, para: _Para, r: tuple[int, int]) -> bool:
        """ "the host", "the ad's narrator", "the retired neurosurgeon": a determiner or an
        owner and at most five words ending in a lower-case noun."""
        toks = para.toks
        words = [toks[x] for x in range(*r) if toks[x].word]
        if not words or len(words) > 6:
            return False
        last = words[-1]
        owned = any(toks[x].low in ("'s", "’s") for x in range(*r))
        return (
            (words[0].low in self.dets or owned)
            and not last.cap
            and last.low not in self.cues.function_words
        )

    def _subject_of_finite(self, para: _Para, c: _Cue, cues: list[_Cue]) -> bool:
        """Find the subject of a finite cue (True: its speakers came from an earlier cue)."""
        a, b = c.sent
        toks = para.toks
        if c.subject is None and self._coordinated(para, c):
            # "… denounced her record and said that …": the subject of the first verb
            if self._inherit_speakers(para, c, cues):
                return True
            c.subject = self._clause_subject(para, a, c.lo)
        elif c.subject is None:
            r = self._np_left(para, a, c.lo)
            if (
                r is None
                and self._inverts(c)
                and (c.lo == a or toks[c.lo - 1].low in (",", ";") or para.qidx[c.lo - 1] >= 0)
            ):
                # inverted: "…,” said Peskov
                r = self._np_right(para, c.hi, b)
            c.subject = r
        return False

    def _subject_of_participle(self, para: _Para, c: _Cue, cues: list[_Cue]) -> bool:
        """Find the subject of a participle (True: its speakers came from an earlier cue)."""
        a = c.sent[0]
        toks = para.toks
        # ", both suggesting that": an explicit subject between the comma and the verb
        j = c.lo - 1
        if j >= a and toks[j].low in self.cues.pronouns.get("plural", frozenset()):
            c.subject = (j, j + 1)
            return False
        absolute = self._with_subject(para, c)
        if absolute is not None:
            c.subject = absolute
            return False
        if self._inherit_speakers(para, c, cues):
            return True
        if c.subject is None:
            c.subject = self._clause_subject(para, a, c.lo)
        return False

    def _with_subject(self, para: _Para, c: _Cue) -> tuple[int, int] | None:
        """ "…, with Sen. John McCain calling it a “Chinese menu”": a participle after "with"
        and a noun phrase has that phrase as its subject."""
        a = c.sent[0]
        r = self._np_left(para, a, c.lo, appositive=False)
        if r is None or r[0] - 1 < a or para.toks[r[0] - 1].low != "with":
            return None
        return r  # "with one of her ads asking": an ad is a source too

    def _inherit_speakers(self, para: _Para, c: _Cue, cues: list[_Cue]) -> bool:
        """Give ``c`` the speakers of the nearest earlier verb cue that has any."""
        prior = [x for x in cues if x.hi <= c.lo and x.kind in ("finite", "participle")]
        for x in reversed(prior):
            self._resolve_cue(para, x, cues)
            if x.speakers:
                c.speakers = list(x.speakers)
                c.speaker_span = x.speaker_span
                return True
        return False

    def _via(self, para: _Para, sent: tuple[int, int], content: Span) -> Actor | None:
        """The outlet a statement came through: "Speaking to Tass", "told Fox News",
        "according to Axios sources", "according to a report by Bloomberg"."""
        a, b = sent
        toks, qidx = para.toks, para.qidx
        i = a
        while i < b:
            t = toks[i]
            if (
                qidx[i] >= 0
                or content.start <= t.start < content.end
                or not t.word
                or t.low not in self.first_words
            ):
                i += 1
                continue
            m = self._match(para, i, b)
            if m is None:
                i += 1
                continue
            role = m.entry.role
            lemma = m.entry.lemma
            if role == "via" or (role == "source") or (lemma == "tell" and m.end - m.start == 1):
                r = self._media_np(para, m.end, b, content)
                if r is not None:
                    actor = self._media(para, r, strong=role != "verb")
                    if actor is not None:
                        return actor
            i = m.end
        return None

    def _media_np(self, para: _Para, x: int, b: int, content: Span) -> tuple[int, int] | None:
        toks, qidx = para.toks, para.qidx
        while x < b and toks[x].low in OUTLET_WORDS and not toks[x].cap:
            x += 1
        lo = x
        while (
            x < b
            and x - lo < 5
            and toks[x].cap
            and qidx[x] < 0
            and not (content.start <= toks[x].start < content.end)
        ):
            x += 1
            while x < b and toks[x].low in ("-", "&") and x + 1 < b and toks[x + 1].cap:
                x += 2
        return (lo, x) if x > lo else None

    def _media(self, para: _Para, r: tuple[int, int], *, strong: bool) -> Actor | None:
        span = self._span(para, r)
        name = " ".join(span.of(self.text).split())
        m = self.ctx.mention_at(span)
        if m is not None and span.contains(m.span):
            a = self.ctx.actors.get(m.target)
            if a is not None and a.kind is ActorKind.MEDIA:
                return a
        find = getattr(self.ctx.gazetteer, "find_actor", None)
        known = find(name) if callable(find) else None
        if isinstance(known, Actor):
            if known.kind is not ActorKind.MEDIA:
                return None
            actor = self.ctx.add_actor(attrs.evolve(known, mentions=()))
            self.resolver.mention(span, actor.id, "name")
            return self.ctx.actors[actor.id]
        for a in self.ctx.actors.values():
            if a.kind is ActorKind.MEDIA and a.is_named(name):
                return a
        if not strong:
            return None
        for a in self.ctx.actors.values():
            if a.is_named(name) and a.kind is not ActorKind.MEDIA:
                return None
        actor = self.ctx.add_actor(Actor(id=f"media:{slug(name)}", name=name, kind=ActorKind.MEDIA))
        self.resolver.mention(span, actor.id, "name")
        return self.ctx.actors[actor.id]

    def _date(
        self, sent: tuple[int, int], para: _Para, content: Span, cue_span: Span | None
    ) -> TextDate | None:
        if not self.date_spans:
            return None
        toks = para.toks
        s = Span(start=toks[sent[0]].start, end=toks[sent[1] - 1].end)
        best: tuple[int, TextDate] | None = None
        i = bisect.bisect_left(self.date_starts, s.start)
        while i < len(self.date_spans) and self.date_spans[i][0] < s.end:
            d = self.date_spans[i][2]
            i += 1
            if d.span is None or not s.contains(d.span) or content.overlaps(d.span):
                continue
            if self._inside_quote(d.span):
                continue
            ref = cue_span or content
            # a date after the cue ("said on Sunday") is likelier its own than one before it
            dist = (
                d.span.start - ref.end if d.span.start >= ref.end else 2 * (ref.start - d.span.end)
            )
            if best is None or dist < best[0]:
                best = (dist, d)
        return best[1] if best else None

    def _inside_quote(self, span: Span) -> bool:
        i = bisect.bisect_right(self.top_opens, span.start) - 1
        return i >= 0 and self.top[i].outer.contains(span)

    def _source(self, speaker: Actor | None, sspan: Span | None, how: str) -> SpeakerSource:
        """How the speaker was found, from the words that name it and what they resolved
        to (see `SpeakerSource`)."""
        if speaker is None:
            return SpeakerSource.UNRESOLVED
        if how == "continuation":
            return SpeakerSource.CONTINUATION
        if how == "headline":
            return SpeakerSource.HEADLINE
        if sspan is None:
            return SpeakerSource.NAMED
        key = (speaker.id, sspan.start, sspan.end)
        known = self._sources.get(key)
        if known is None:
            known = self._sources[key] = self._source_of(speaker, sspan)
        return known

    def _source_of(self, speaker: Actor, sspan: Span) -> SpeakerSource:
        written = [w.strip(".,’'") for w in sspan.of(self.text).split()]
        written = [w for w in written if w]
        words = [w.lower() for w in written]
        if " ".join(words) in self.pron_all or (
            len(words) == 2 and words[0] in ("his", "her", "its", "their")
        ):
            return SpeakerSource.PRONOUN  # "he", "his remarks"
        named = _named_in(speaker, written)
        if speaker.members:
            parts = [self.ctx.actors.get(m) for m in speaker.members]
            if all(p is not None and p.anonymous for p in parts):
                return SpeakerSource.COLLECTIVE  # "residents and aid workers"
            return SpeakerSource.NAMED if named else SpeakerSource.DESCRIPTOR
        if not named and words and words[-1] in self.cues.word_set("source_nouns"):
            return SpeakerSource.DOCUMENT
        if speaker.anonymous:
            if speaker.kind is ActorKind.UNKNOWN:
                return SpeakerSource.DOCUMENT
            if speaker.kind in (ActorKind.ORGANIZATION, ActorKind.GOVERNMENT):
                return SpeakerSource.INSTITUTION  # "the presidency", "the ministry"
            return SpeakerSource.COLLECTIVE
        if speaker.kind in _INSTITUTIONS:
            return SpeakerSource.INSTITUTION
        return SpeakerSource.NAMED if named else SpeakerSource.DESCRIPTOR

    def _statement(
        self,
        span: Span,
        kind: StatementKind,
        speaker: Actor | None,
        speaker_span: Span | None,
        cue: str | None,
        cue_span: Span | None,
        via: Actor | None,
        date: TextDate | None,
        n: int,
        how: str = "",
    ) -> Statement | None:
        if self.ctx.is_furniture(span):
            return None
        base = f"stmt:{span.start}-{span.end}"
        key = (span.start, span.end, speaker.id if speaker is not None else "")
        if key in self.seen:
            return None
        self.seen.add(key)
        sid = base if n == 0 and base not in self.ids else f"{base}/{n + 1}"
        k = n + 1
        while sid in self.ids:
            k += 1
            sid = f"{base}/{k}"
        self.ids.add(sid)
        if speaker is not None:
            speaker = self.ctx.actors.get(speaker.id, speaker)
        if via is not None:
            via = self.ctx.actors.get(via.id, via)
        st = Statement(
            id=sid,
            content=self.text[span.start : span.end],
            kind=kind,
            span=span,
            speaker=speaker,
            speaker_span=speaker_span,
            cue=cue,
            cue_span=cue_span,
            via=via,
            date=date,
            speaker_source=self._source(speaker, speaker_span, how),
        )
        self.out.append(st)
        return st

    def _speaker_switch(self, since: int, until: int) -> bool:
        """Another speaker was reported between two quotes."""
        if self.last_quote is None:
            return False
        speakers = {a.id for a in self.last_quote[1]}
        for st in reversed(self.out):
            if st.span.start < since:
                break
            if st.speaker is not None and st.speaker.id not in speakers and st.span.start < until:
                return True
        return False

    def _direct_quote(self, k: int) -> bool:
        st = self.quote_stmt.get(k)
        return st is not None and st[0].kind is StatementKind.DIRECT

    def _has_direct(self, lo: int, hi: int, para: _Para) -> bool:
        ks = {para.qidx[x] for x in range(lo, hi) if para.qidx[x] >= 0}
        return any(
            k in self.quote_stmt and self.quote_stmt[k][0].kind is StatementKind.DIRECT for k in ks
        )


# Lower-case words that may open the name of a group of speakers ("the two ministers", "both
# leaders"); any other lower-case word before the first capitalised one belongs to the clause
# around it ("regions—territories President X and other officials have said are ...").
_GROUP_OPENERS = frozenset(("the", "both", "two", "three", "all", "its", "their", "his", "her"))


def _trim_lead(text: str, span: Span | None) -> Span | None:
    """``span`` without the lower-case words before the first capitalised one, unless a word
    that can open a group's name comes first."""
    if span is None:
        return None
    start = span.start
    for word in text[span.start : span.end].split():
        if word[:1].isupper() or word.lower() in _GROUP_OPENERS:
            break
        start = text.index(word, start) + len(word)
        while start < span.end and text[start].isspace():
            start += 1
    return span if start in (span.start, span.end) else Span(start=start, end=span.end)
