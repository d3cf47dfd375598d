"""The ``events`` stage: PLOVER events (meetings, agreements, attacks, withdrawals ...).

See [`EventParser`][conflictmodel.parsers.events.EventParser] and
[`EventLexicon`][conflictmodel.parsers.events.EventLexicon]; the lexicon is
``data/events.json``.
"""

from conflictmodel.parsers.events.lexicon import EventLexicon, TriggerRule, plover_modes
from conflictmodel.parsers.events.stage import EventParser

__all__ = ["EventLexicon", "EventParser", "TriggerRule", "plover_modes"]
