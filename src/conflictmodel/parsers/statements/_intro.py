"""People introduced by name and apposition before they speak.

Wire copy and features introduce someone without a verb of saying ("Amina Yusuf, a nurse in
Omdurman, has seen …", "Omar Ali, 34, fled in May") and let a pronoun or a bare quotation
carry what they say next.  When the actors stage has no actor for such a name, the pronoun
would go to whoever was named before.  This layer reads the introduction at the start of a
sentence and makes the name a person the later pronoun can refer to.
"""

from __future__ import annotations

from conflictmodel.model.actors import ActorKind
from conflictmodel.model.span import Span
from conflictmodel.parsers.statements._words import INDEFINITES, REL_PRONOUNS
from conflictmodel.parsers.statements.base import _SENT_END, _Para
from conflictmodel.parsers.statements.cues import singular
from conflictmodel.parsers.statements.headlines import _Headlines

_MAX_NAME = 4  # words of a personal name
_MAX_APPOSITION = 10
_CLAUSE_WORDS = frozenset(
    ("who", "which", "that", "whose", "where", "when", "whom")
)  # words of "a 34-year-old nurse at a clinic in …" up to its head


class _Introductions(_Headlines):
    """Introductions by apposition: "<Name>, a|an|the <person noun> …," / "<Name>, 34," /
    "<Name>, who …"."""

    def _introduce(self, para: _Para, sent: tuple[int, int]) -> None:
        a, b = sent
        toks, qidx = para.toks, para.qidx
        i = self._after_dateline(para, a, b)
        named = self._described_first(para, i, b)
        if named is not None:
            # "His neighbour, Zeinab Mahmoud, nodded.": the name after the description
            i = named
        k = i
        while k < b and k - i < _MAX_NAME and toks[k].cap and toks[k].word and qidx[k] < 0:
            k += 1
        if k - i < 2 or k + 1 >= b or toks[k].low != "," or qidx[k] >= 0:
            return
        words = {t.low for t in toks[i:k]}
        if (
            words & self.cues.function_words
            or words & self.cues.word_set("org_heads")
            or words & self.cues.word_set("media_heads")
            or words & self.cues.word_set("speaker_heads")
            or any(self._in_date(t) for t in toks[i:k])
        ):
            return
        if named is None and not self._apposition_of_person(para, k + 1, b):
            return
        span = Span(start=toks[i].start, end=toks[k - 1].end)
        found = self.resolver.resolve(span)
        if len(found) == 1 and found[0].kind is not ActorKind.PERSON:
            return  # a place or a body the actors stage knows: not introduced here

    def _described_first(self, para: _Para, i: int, b: int) -> int | None:
        """ "His neighbour, Zeinab Mahmoud, …", "The camp's doctor, Omar Said, …": a short
        description of a person, a comma, then the name; the index of the name, or None."""
        toks = para.toks
        if i >= b or toks[i].low not in self.dets:
            return None
        y = i + 1
        while y < b and y - i <= 5 and toks[y].low != "," and para.qidx[y] < 0:
            y += 1
        if y >= b or y - i > 5 or toks[y].low != ",":
            return None
        head = toks[y - 1]
        if not head.word or head.cap or singular(head.low) not in self.cues.human_heads:
            return None
        return y + 1 if y + 1 < b and toks[y + 1].cap else None

    def _apposition_of_person(self, para: _Para, x: int, b: int) -> bool:
        """What follows the name's comma describes a person: an age ("34,"), a relative
        pronoun ("who …"), or an indefinite or definite phrase whose head is a person noun
        ("a nurse at …", "the mother of four")."""
        toks = para.toks
        t = toks[x]
        if t.low[:1].isdigit():
            return x + 1 < b and toks[x + 1].low == ","
        if t.low in REL_PRONOUNS and t.low != "which":
            return True
        if t.low not in INDEFINITES and t.low != "the":
            return False
        human = self.cues.human_heads
        y = x + 1
        while y < b and y - x <= _MAX_APPOSITION:
            u = toks[y]
            if u.low in (",", ";") or u.low in _SENT_END or para.qidx[y] >= 0:
                return False
            if u.word and not u.cap and singular(u.low) in human:
                return True
            if (u.low in self.preps and u.low != "of") or u.low in _CLAUSE_WORDS:
                return False  # the head comes before its modifiers ("a nurse at …")
            if u.low in self.finite or u.low in self.aux or u.low in self.cues.forms:
                return False
            y += 1
        return False
