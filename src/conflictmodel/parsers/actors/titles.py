"""Titles before and after a name ("Kremlin spokesperson", ", the foreign minister,")."""

from __future__ import annotations

import re

from conflictmodel.context import MentionKind
from conflictmodel.gazetteer import fold
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
from conflictmodel.span import Span

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
        text = self.text
        country: str | None = None
        affiliation: str | None = None
        pos = t_start
        for _ in range(4):
            seg = text[lo:pos]
            mw = _LAST_WORD_GAP.search(seg)
            if not mw:
                break
            word = mw.group(1)
            wstart = lo + mw.start(1)
            gm = None
            # An entity ending here, possibly possessive: "Sudan's", "Kremlin", "U.S.".
            ent_end = lo + mw.end(1)
            poss = _POSSESSIVE_END.search(word)
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
            run = _LOWER_RUN_END.search(seg)
            if run is not None and country is None and affiliation is None and pos == t_start:
                # "EU foreign policy chief": lower-case words between an entity and the title.
                run_start = lo + run.start(1)
                if not set(run.group(1).split()) & _NOT_TITLE_WORDS:
                    ent = _ENTITY_END.search(text[lo:run_start])
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
        text = self.text
        right = text[end : end + 160]
        m = _APPOSITIVE.match(right)
        if not m:
            return None, None, None
        phrase = m.group(1).strip()
        if not phrase or len(phrase.split()) > 12:
            return None, None, None
        p_start = end + m.start(1)
        words = list(_TITLE_WORD.finditer(phrase))
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
