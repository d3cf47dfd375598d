"""The cue lexicon and the tokens the statements stage reads.

[`Cues`][conflictmodel.parsers.statements.cues.Cues] holds the reporting verbs with their forms
and the complements that make them report speech, multiword cue phrases, and the small word
lists the grammar needs, all loaded from ``data/cues.json``; [`tokenize`][conflictmodel.parsers.statements.cues.tokenize]
splits a paragraph into [`Token`][conflictmodel.analysis.Token]s once (the shared
tokeniser of [`conflictmodel.analysis`][conflictmodel.analysis]).

Example:
    >>> cues = Cues.default()
    >>> toks = tokenize("Peskov has repeatedly told reporters that", 0, 41)
    >>> m = cues.match(toks, 3)
    >>> (m.text, m.entry.role, m.end - m.start)
    ('told reporters', 'verb', 2)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from conflictmodel.analysis import tokens as _analysis_tokens
from conflictmodel.errors import GazetteerError
from conflictmodel.resources import load_data

__all__ = ["CueEntry", "CueMatch", "Cues", "Token", "singular", "slug", "tokenize"]


def singular(word: str) -> str:
    """A plural noun's singular, roughly (for comparing head nouns).

    Example:
        >>> singular("allies"), singular("officials"), singular("press")
        ('ally', 'official', 'press')
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


Token = _analysis_tokens.Token
"""One token: offsets, lower-cased text, and whether it is a word / capitalised (the shared
[`analysis.Token`][conflictmodel.analysis.Token]).

Example:
    >>> tokenize("Kyiv's view", 0, 11)[1]
    Token(start=4, end=6, low="'s", word=False, cap=False)
"""


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets: the shared tokeniser
    ([`analysis.tokenize`][conflictmodel.analysis.tokenize]).  Words joined by hyphens or
    apostrophes stay one token ("al-Burhan", "don't"); a trailing possessive is split off so
    that "Witkoff’s" yields the name.

    Example:
        >>> [t.low for t in tokenize("Gen. al-Burhan said: no.", 0, 24)]
        ['gen', '.', 'al-burhan', 'said', ':', 'no', '.']
    """
    return _analysis_tokens.tokenize(text, start, end)


def slug(text: str) -> str:
    """An ASCII slug for ids.

    Example:
        >>> slug("Russian analyst")
        'russian-analyst'
    """
    try:
        from conflictmodel.gazetteer import slugify
    except ImportError:  # pragma: no cover - the gazetteer module ships with the package
        return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"
    return slugify(text.encode("utf-8", "replace").decode("utf-8"))


# ---------------------------------------------------------------------------- lexicon


@attrs.frozen(kw_only=True)
class CueEntry:
    """One cue of the lexicon: a verb form or a phrase.

    Attributes:
        words: the lower-cased words; ``*`` stands for up to two words.
        lemma: the verb's base form ("say"), or the phrase itself.
        complements: what may follow for a statement without quotation marks: ``that`` (only a
            that-clause), ``clause`` (that-clause or a bare clause), ``object`` (a noun phrase),
            ``to`` (an infinitive).
        role: ``verb`` (a speech verb or verb phrase), ``source`` ("according to": the speaker
            follows), ``frame`` ("in a statement"), or ``via`` ("speaking to": an outlet
            follows).
        addressee: the verb can take a hearer before its complement ("told Trump that").

    Example:
        >>> e = CueEntry(words=("insisted",), lemma="insist", complements=frozenset({"clause"}))
        >>> e.role, e.addressee
        ('verb', False)
    """

    words: tuple[str, ...]
    lemma: str
    complements: frozenset[str]
    role: str = "verb"
    addressee: bool = False


class CueMatch(NamedTuple):
    """A cue found at tokens ``start:end`` of a token list.

    Example:
        >>> m = Cues.default().match(tokenize("She has made it clear that", 0, 26), 2)
        >>> (m.start, m.end, m.text, m.lemma)
        (2, 5, 'made it clear', 'made it clear')
    """

    start: int
    end: int
    entry: CueEntry
    text: str

    @property
    def lemma(self) -> str:
        """The cue's lemma (the verb's base form, or the phrase)."""
        return self.entry.lemma


def _words(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise GazetteerError(f"cues.json: {where} must be a list of strings")
    return [x.lower() for x in value]


def _entry_from(raw: Any, where: str) -> list[CueEntry]:
    if isinstance(raw, str):
        raw = {"text": raw}
    if not isinstance(raw, Mapping):
        raise GazetteerError(f"cues: {where} must be a string or an object")
    comps = frozenset(_words(raw.get("complements", ["clause"]), f"{where}.complements"))
    bad = comps - {"that", "clause", "object", "to"}
    if bad:
        raise GazetteerError(f"cues: {where}: unknown complements {sorted(bad)}")
    role = raw.get("role", "verb")
    if role not in ("verb", "source", "frame", "via"):
        raise GazetteerError(f"cues: {where}: unknown role {role!r}")
    addressee = bool(raw.get("addressee", False))
    if "forms" in raw:
        forms = _words(raw["forms"], f"{where}.forms")
        lemma = str(raw.get("lemma", forms[0] if forms else ""))
        return [
            CueEntry(
                words=tuple(f.split()),
                lemma=lemma,
                complements=comps,
                role=role,
                addressee=addressee,
            )
            for f in forms
            if f.split()
        ]
    text = raw.get("text")
    if not isinstance(text, str) or not text.split():
        raise GazetteerError(f"cues: {where} needs 'forms' or a non-empty 'text'")
    words = tuple(w.replace("’", "'") for w in text.lower().split())
    return [
        CueEntry(
            words=words,
            lemma=str(raw.get("lemma", " ".join(words))),
            complements=comps,
            role=role,
            addressee=addressee,
        )
    ]


@attrs.frozen
class Cues:
    """The cue lexicon and the word lists of the attribution grammar.

    Build it with [`Cues.default()`][conflictmodel.parsers.statements.cues.Cues.default] (the
    shipped ``data/cues.json``) or ``Cues.default().extend([...])``; each extra cue is a verb
    form or phrase ("opined", "made it plain") or an object like the entries of ``cues.json``
    (``{"forms": [...], "complements": [...]}``).

    Example:
        >>> cues = Cues.default().extend(["harrumphed"])
        >>> cues.match(tokenize("He harrumphed that", 0, 18), 1).lemma
        'harrumphed'
    """

    entries: tuple[CueEntry, ...]
    words: Mapping[str, frozenset[str]]
    pronouns: Mapping[str, frozenset[str]]
    _first: dict[str, list[CueEntry]] = attrs.field(init=False, factory=dict, eq=False)
    forms: frozenset[str] = attrs.field(init=False, factory=frozenset, eq=False)
    first_words: frozenset[str] = attrs.field(init=False, factory=frozenset, eq=False)
    """The words a cue can start with (a quick test before [`match`][conflictmodel.parsers.statements.cues.Cues.match])."""
    human_heads: frozenset[str] = attrs.field(init=False, factory=frozenset, eq=False)
    """Singular forms of ``anonymous_heads``: the nouns "he"/"she" can refer to."""
    function_words: frozenset[str] = attrs.field(init=False, factory=frozenset, eq=False)
    """Words of the grammar (determiners, prepositions, subordinators, adverbs, auxiliaries,
    finite markers, pronouns): capitalised at a sentence start they still name no one."""

    def __attrs_post_init__(self) -> None:
        first: dict[str, list[CueEntry]] = {}
        for e in self.entries:
            first.setdefault(e.words[0], []).append(e)
        for lst in first.values():
            lst.sort(key=lambda e: -len(e.words))
        object.__setattr__(self, "_first", first)
        object.__setattr__(self, "first_words", frozenset(first))
        object.__setattr__(
            self, "human_heads", frozenset(singular(h) for h in self.word_set("anonymous_heads"))
        )
        grammar = ("determiners", "prepositions", "subordinators", "adverbs", "auxiliaries")
        object.__setattr__(
            self,
            "function_words",
            frozenset().union(
                *(self.word_set(k) for k in (*grammar, "finite_markers")),
                *self.pronouns.values(),
            ),
        )
        object.__setattr__(
            self,
            "forms",
            frozenset(e.words[0] for e in self.entries if e.role == "verb" and len(e.words) == 1),
        )

    @classmethod
    def default(cls) -> Cues:
        """The shipped lexicon (``data/cues.json``).

        Example:
            >>> len(Cues.default().forms) > 300
            True
        """
        return _default_cues()

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Cues:
        """Build a lexicon from a mapping shaped like ``cues.json``.

        Raises:
            GazetteerError: the data is malformed.

        Example:
            >>> cues = Cues.from_data({"verbs": [{"forms": ["rule", "ruled"]}],
            ...                        "adverbs": ["firmly"]})
            >>> sorted(cues.forms), cues.word_set("adverbs")
            (['rule', 'ruled'], frozenset({'firmly'}))
        """
        if not isinstance(data, Mapping):
            raise GazetteerError("cues data must be a JSON object")
        entries: list[CueEntry] = []
        for i, raw in enumerate(data.get("verbs", [])):
            entries += _entry_from(raw, f"verbs[{i}]")
        for i, raw in enumerate(data.get("phrases", [])):
            entries += _entry_from(raw, f"phrases[{i}]")
        words: dict[str, frozenset[str]] = {}
        for key, value in data.items():
            if key in ("verbs", "phrases", "pronouns") or key.startswith("_"):
                continue
            words[key] = frozenset(w.replace("’", "'") for w in _words(value, key))
        pron_raw = data.get("pronouns", {})
        if not isinstance(pron_raw, Mapping):
            raise GazetteerError("cues.json: pronouns must be an object")
        pronouns = {k: frozenset(_words(v, f"pronouns.{k}")) for k, v in pron_raw.items()}
        return cls(tuple(entries), words, pronouns)

    def extend(self, extra: Iterable[str | Mapping[str, Any]]) -> Cues:
        """A new lexicon with extra cues (strings or ``cues.json``-style objects).

        Raises:
            GazetteerError: an extra cue is malformed.

        Example:
            >>> "opined loudly" in {" ".join(e.words) for e in
            ...                     Cues.default().extend(["opined loudly"]).entries}
            True
        """
        added: list[CueEntry] = []
        for i, raw in enumerate(extra):
            added += _entry_from(raw, f"extra_cues[{i}]")
        return Cues(self.entries + tuple(added), self.words, self.pronouns)

    def word_set(self, name: str) -> frozenset[str]:
        """One of the word lists of ``cues.json`` (empty if absent).

        Example:
            >>> "reporters" in Cues.default().word_set("audiences")
            True
        """
        return self.words.get(name, frozenset())

    def match(self, toks: Sequence[Token], i: int, limit: int | None = None) -> CueMatch | None:
        """The longest cue starting at token ``i`` (tokens before ``limit``), or None.

        Example:
            >>> Cues.default().match(tokenize("according to a report by Reuters", 0, 33), 0).text
            'according to a report by'
        """
        found = self._match_at(toks, i, limit)
        if found is None:
            return None
        end, e = found
        return CueMatch(i, end, e, " ".join(t.low for t in toks[i:end]))

    def _match_at(
        self, toks: Sequence[Token], i: int, limit: int | None = None
    ) -> tuple[int, CueEntry] | None:
        """The end and entry of the longest cue at token ``i`` (`match` without its text)."""
        stop = len(toks) if limit is None else min(limit, len(toks))
        if i >= stop:
            return None
        cands = self._first.get(toks[i].low)
        if not cands:
            return None
        for e in cands:
            end = _match_words(e.words, toks, i, stop)
            if end is not None:
                return end, e
        return None


def _match_words(words: tuple[str, ...], toks: Sequence[Token], i: int, stop: int) -> int | None:
    j = i
    for k, w in enumerate(words):
        if w == "*":
            # up to two free words, then the next word of the phrase must follow
            nxt = words[k + 1] if k + 1 < len(words) else None
            if nxt is None:
                return j
            for skip in range(3):
                if j + skip < stop and toks[j + skip].low == nxt:
                    j += skip
                    break
            else:
                return None
            continue
        if j >= stop or toks[j].low != w:
            return None
        j += 1
    return j


def _default_cues() -> Cues:
    return _DEFAULT[0] if _DEFAULT else _build_default()


_DEFAULT: list[Cues] = []


def _build_default() -> Cues:
    cues = Cues.from_data(load_data("cues.json"))
    _DEFAULT.append(cues)
    return cues
