"""Titles before and after a name ("Kremlin spokesperson", ", the foreign minister,")."""

from __future__ import annotations

import re

from conflictmodel.context import MentionKind
from conflictmodel.gazetteer import fold
from conflictmodel.model.span import Span
from conflictmodel.parsers.actors.base import (
    _RunBase,
)
from conflictmodel.parsers.actors.grammar import (
    _WORD_AT_START,
    _strip_possessive,
)
from conflictmodel.parsers.actors.words import (
    _MODIFIERS,
    _NOT_TITLE_WORDS,
    _VERBS,
)

# The words of a title phrase ("U.S.", "Sudan's", "al-Burhan").
_TITLE_WORD = re.compile(r"[\w.’'-]+")
_BODY_WORD = re.compile(r"[\w’'-]+")
_PREP_AT_END = re.compile(r"\b(?:to|of|for|at|in)\s{1,2}(?:the\s{1,2})?$")
_COMPLEMENT_AT_END = re.compile(
    r"\b(?:of|for|to|at)\s{1,2}(?:the\s{1,2})?([^,.;:()\"“”«»\n]{1,50})$"
)
_LAST_WORD_GAP = re.compile(r"([\w’'.-]+)(\s{1,2})$")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_LOWER_RUN_END = re.compile(r"((?:\b[a-z][a-z-]{2,20}\s{1,2}){1,3})$")
_ENTITY_END = re.compile(r"([\w’'.-]+?)(['’]s?)?\s{1,2}$")
_APPOSITIVE = re.compile(
    r"['’]?s?\s{0,2},\s{1,3}(?:who\s{1,2}(?:is|was|serves\s{1,2}as)\s{1,2})?"
    r"(?:(?:the|a|an|then|now)\s{1,3})?((?:[^,.;:()\"“”«»\n]|(?<=\b[A-Z])\.){2,100}?)"
    r"\s{0,2}(?=[,;)\n]|$|(?<!\b[A-Z])\.)"
)


class _Titles(_RunBase):
    """Title phrases around names."""

    def title_before(self, pos: int) -> tuple[str | None, Span | None, str | None, str | None]:
        """The title phrase that ends right before ``pos`` (skipping a comma), if any."""
        # It depends only on ``pos`` (the text and gazetteer matches are fixed): asked once.
        found = self._titles_before.get(pos)
        if found is None:
            found = self._titles_before[pos] = self._title_before(pos)
        return found

    def _title_before(self, pos: int) -> tuple[str | None, Span | None, str | None, str | None]:
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
        words = list(_TITLE_WORD.finditer(stripped))
        if not words:
            return None, None, None, None
        # A complement: "... to the United Nations", "... of the Crimean peninsula".
        complement_start = None
        m = self.match_by_end.get(end)
        if m is not None:
            before = text[max(lo, m.start - 12) : m.start]
            cm = _PREP_AT_END.search(before)
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
        if "of" not in tail and "for" not in tail and "to" not in tail and "at" not in tail:
            return none  # the complement needs one of these prepositions
        cm = _COMPLEMENT_AT_END.search(tail)
        if cm is None or len(cm.group(1).split()) > 6:
            return none
        prep_pos = end - (len(tail) - cm.start())
        comp_start = end - (len(tail) - cm.start(1))
        for w in _TITLE_WORD.finditer(self.text[comp_start:end]):
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
        words = list(_TITLE_WORD.finditer(seg))
        if not words or words[-1].end() != len(seg.rstrip()):
            return None
        best: int | None = None
        for k in range(1, min(self.rules.max_title_words, len(words)) + 1):
            phrase = fold(" ".join(w.group(0) for w in words[-k:]))
            if phrase in self.rules.titles:
                best = lo + words[-k].start()
        return best

    def _title_modifiers(self, t_start: int, lo: int) -> tuple[int, str | None, str | None]:
        """Where the title starts once the words before it that belong to it are added
        (up to four steps back), and the country and affiliation they give."""
        country: str | None = None
        affiliation: str | None = None
        pos = t_start
        for _ in range(4):
            mw = _LAST_WORD_GAP.search(self.text[lo:pos])
            if not mw:
                break
            step = self._modifier_step(mw, lo, pos, t_start, country, affiliation)
            if step is None:
                break
            pos, country, affiliation = step
        return pos, country, affiliation

    def _modifier_step(
        self,
        mw: re.Match[str],
        lo: int,
        pos: int,
        t_start: int,
        country: str | None,
        affiliation: str | None,
    ) -> tuple[int, str | None, str | None] | None:
        """One word (or entity, or body) before the title at ``pos`` that belongs to it: the
        new start, country and affiliation; None if the word does not belong."""
        word = mw.group(1)
        wstart = lo + mw.start(1)
        poss = _POSSESSIVE_END.search(word)
        if country is None and affiliation is None:
            # An entity ending here, possibly possessive: "Sudan's", "Kremlin", "U.S.".
            ent_end = lo + mw.end(1) - (len(poss.group(0)) if poss else 0)
            step = self._modifier_entity(ent_end, poss is not None)
            if step is None and pos == t_start:
                step = self._modifier_run(lo, pos)
            if step is None and poss:
                # "Sudan's army chief": the gazetteer matched "Sudan's army" as a whole.
                code = self.gz.country_code(_strip_possessive(word))
                step = (wstart, code, None) if code else None
            if step is None:
                # "Russian Foreign Ministry spokeswoman": the body belongs to the title.
                body_start = self._body_ending_at(pos, lo)
                step = (body_start, None, None) if body_start is not None else None
            if step is not None:
                return step
        fw = fold(word)
        if fw in _MODIFIERS or (fw in self.rules.titles and fw in {"deputy", "chief"}):
            return wstart, country, affiliation
        aff = self.rules.affiliations.get(fold(_strip_possessive(word)))
        if aff and country is None and affiliation is None:
            return (wstart, *self._affiliation(aff))
        return None

    def _modifier_entity(
        self, ent_end: int, possessive: bool
    ) -> tuple[int, str | None, str | None] | None:
        """A known entity ending at ``ent_end`` that gives the title a country or affiliation
        ("Putin's foreign policy aide", "Zelenskyy’s chief of staff")."""
        gm = self.match_by_end.get(ent_end)
        if gm is None:
            return None
        country, affiliation = self._entity_country(gm)
        owner = self._person_of(gm) if possessive else None
        if owner is not None:
            country, affiliation = owner.country, owner.name
        if country is None and affiliation is None:
            return None
        return gm.start, country, affiliation

    def _modifier_run(self, lo: int, pos: int) -> tuple[int, None, None] | None:
        """ "EU foreign policy chief": lower-case words between an entity and the title."""
        text = self.text
        run = _LOWER_RUN_END.search(text[lo:pos])
        if run is None or set(run.group(1).split()) & _NOT_TITLE_WORDS:
            return None
        run_start = lo + run.start(1)
        ent = _ENTITY_END.search(text[lo:run_start])
        if ent is None:
            return None
        gm = self.match_by_end.get(lo + ent.end(1))
        if gm is None or not any(e.kind is MentionKind.ACTOR for e in gm.entries):
            return None
        return run_start, None, None

    def _body_ending_at(self, pos: int, lo: int) -> int | None:
        seg = self.text[lo:pos]
        words = list(_BODY_WORD.finditer(seg))
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
        return self.rules.folded_courtesy

    def title_after(self, end: int) -> tuple[str | None, str | None, str | None]:
        """An appositive title: "X, the foreign minister," / "X, Ukraine's envoy,"."""
        none: tuple[None, None, None] = (None, None, None)
        m = _APPOSITIVE.match(self.text[end : end + 160])
        if not m:
            return none
        phrase = m.group(1).strip()
        if not phrase or len(phrase.split()) > 12:
            return none
        p_start = end + m.start(1)
        words = list(_TITLE_WORD.finditer(phrase))
        # The title must be a known title phrase inside the appositive; what precedes it must be
        # modifiers or entities, what follows a complement.
        hit = self._title_in(words)
        if hit is None:
            return none
        i, k = hit
        after_words = [w.group(0) for w in words[i + k :]]
        if after_words and fold(after_words[0]) in {"who", "whose"}:
            # "X, the general who replaced Y,": the title, then a relative clause about him
            phrase = phrase[: words[i + k].start()].strip()
            after_words = []
        preps = {"of", "to", "for", "at", "in", "on"}
        if (
            after_words
            and fold(after_words[0]) not in preps
            and not (fold(words[i + k - 1].group(0)) in preps and len(after_words) <= 6)
        ):
            return none
        before = [w.group(0) for w in words[:i]]
        if len(before) > 4:
            return none
        of_complement = bool(after_words) and fold(after_words[0]) in {"of", "for"}
        country, affiliation = self._appositive_country(
            p_start, p_start + len(phrase), p_start + words[i].start(), of_complement
        )
        if country is None:
            for w in before:
                aff_v = self.rules.affiliations.get(fold(_strip_possessive(w)))
                if aff_v:
                    country, affiliation = self._affiliation(aff_v)
                    break
        return " ".join(phrase.split()), country, affiliation

    def _title_in(self, words: list[re.Match[str]]) -> tuple[int, int] | None:
        """The first known title among ``words`` (longest at its start): (index, length)."""
        for i in range(len(words)):
            for k in range(min(self.rules.max_title_words, len(words) - i), 0, -1):
                if fold(" ".join(w.group(0) for w in words[i : i + k])) in self.rules.titles:
                    return i, k
        return None

    def _appositive_country(
        self, p_start: int, p_end: int, title_at: int, of_complement: bool
    ) -> tuple[str | None, str | None]:
        """ "Ukraine's foreign minister" and "the president of Armenia" give a country; "the
        envoy to Russia" does not."""
        for gm in self.matches_in(p_start, p_end):
            if gm.start < p_start or gm.end > p_end:
                continue
            is_actor = bool(gm.targets(MentionKind.ACTOR))
            if gm.start < title_at or (is_actor and of_complement):
                return self._entity_country(gm)
        return None, None
