"""Attribution: the cue lexicon, tokens, and turning speaker phrases into actors.

The names of this module now live in the [`statements`][conflictmodel.parsers.statements]
package: the lexicon and tokens in
[`statements.cues`][conflictmodel.parsers.statements.cues], the
[`Resolver`][conflictmodel.parsers.statements.resolver.Resolver] in
[`statements.resolver`][conflictmodel.parsers.statements.resolver].  They stay importable from
here.

Example:
    >>> cues = Cues.default()
    >>> toks = tokenize("Peskov has repeatedly told reporters that", 0, 41)
    >>> m = cues.match(toks, 3)
    >>> (m.text, m.entry.role, m.end - m.start)
    ('told reporters', 'verb', 2)
"""

from __future__ import annotations

from conflictmodel.parsers.statements.cues import CueEntry, CueMatch, Cues, Token, slug, tokenize
from conflictmodel.parsers.statements.resolver import Resolver

__all__ = ["CueEntry", "CueMatch", "Cues", "Resolver", "Token", "slug", "tokenize"]
