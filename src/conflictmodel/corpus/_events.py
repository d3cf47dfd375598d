"""Events across a corpus: each article's events with their parties resolved, the
``Corpus.events`` filters, and the rule by which an event is on a territory."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from conflictmodel.corpus._records import CorpusActor, DatedBy
from conflictmodel.corpus._timeline import _effective_date
from conflictmodel.errors import InputError
from conflictmodel.model.actors import Actor
from conflictmodel.model.events import Event, EventType
from conflictmodel.model.places import Place

if TYPE_CHECKING:
    from conflictmodel.corpus._corpus import Corpus
    from conflictmodel.corpus._records import CorpusTerritory


@attrs.frozen(kw_only=True)
class CorpusEvent:
    """An event with the article it is in, its parties resolved across the corpus and its
    effective date.

    Attributes:
        article: the key of the article it is in.
        event: the [`Event`][conflictmodel.Event] as parsed.
        actors, targets, mediator: its parties as [`CorpusActor`][conflictmodel.corpus.CorpusActor]s
            (a party the corpus cannot resolve is left out; ``event`` keeps it).
        date: the event's own resolved date, else the article's publication date (``dated_by``
            says which), else None.

    Example:
        >>> from conflictmodel import Actor, Article, Event, Span
        >>> from conflictmodel.corpus import Corpus
        >>> import datetime as dt
        >>> am = Actor(id="state:AM", name="Armenia", kind="state", mentions=[Span(start=0, end=7)])
        >>> ev = Event(id="event:0-20", type="consult", span=Span(start=0, end=20), actors=[am])
        >>> c = Corpus([Article(text="Armenia held talks. ", actors=[am], events=[ev],
        ...                     published=dt.date(2025, 8, 8))])
        >>> [(r.actors[0].name, r.date.isoformat(), r.dated_by) for r in c.events()]
        [('Armenia', '2025-08-08', 'published')]
    """

    article: str
    event: Event
    actors: tuple[CorpusActor, ...] = ()
    targets: tuple[CorpusActor, ...] = ()
    mediator: CorpusActor | None = None
    date: dt.date | None = None
    dated_by: DatedBy | None = None

    @property
    def parties(self) -> tuple[CorpusActor, ...]:
        """Actors, targets and the mediator, in that order."""
        return (*self.actors, *self.targets, *((self.mediator,) if self.mediator else ()))


def event_record(corpus: Corpus, key: str, ev: Event, published: dt.date | None) -> CorpusEvent:
    """``ev`` of article ``key`` with its parties resolved and its effective date."""

    def resolved(actors: tuple[Actor, ...]) -> tuple[CorpusActor, ...]:
        found = (corpus.resolve(key, a) for a in actors)
        return tuple(r for r in found if r is not None)

    date, by = _effective_date(ev.date, published)
    mediator = corpus.resolve(key, ev.mediator) if ev.mediator is not None else None
    return CorpusEvent(
        article=key,
        event=ev,
        actors=resolved(ev.actors),
        targets=resolved(ev.targets),
        mediator=mediator,
        date=date,
        dated_by=by,
    )


def event_type_arg(value: object) -> EventType | None:
    """``type=`` of ``Corpus.events``: an EventType or its name (any case)."""
    if value is None or isinstance(value, EventType):
        return value
    if isinstance(value, str):
        try:
            return EventType(value.lower())
        except ValueError:
            known = ", ".join(t.value for t in EventType)
            raise InputError(f"unknown event type {value!r}; PLOVER's types: {known}") from None
    raise InputError(f"type must be an EventType or a str, got {type(value).__name__}")


def date_arg(name: str, value: object) -> dt.date | None:
    """``since=`` / ``until=``: a date or an ISO ``YYYY-MM-DD`` string."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise InputError(f"{name} must be an ISO date (YYYY-MM-DD), got {value!r}") from None
    raise InputError(f"{name} must be a date or an ISO date str, got {type(value).__name__}")


def in_range(date: dt.date | None, since: dt.date | None, until: dt.date | None) -> bool:
    """True if no range is asked, or ``date`` is known and inside it (bounds inclusive)."""
    if since is None and until is None:
        return True
    if date is None:
        return False
    return (since is None or date >= since) and (until is None or date <= until)


def place_matches(place: Place | None, name: str) -> bool:
    """``place=`` of ``Corpus.events``: the place's id, code, parent region, name or alias,
    or the ISO code of its country (case-insensitive)."""
    if place is None:
        return False
    folded = name.casefold()
    codes = (place.id, place.code, place.parent, place.country)
    return place.is_named(name) or any(c is not None and c.casefold() == folded for c in codes)


def territory_codes(ent: CorpusTerritory | None, asked: object) -> set[str]:
    """The ids and codes (case-folded) an event's place may carry to be on a territory: the
    resolved territory's id, code and member ids, and the code or id asked for itself (a
    region may be a place's parent without being a territory of any article)."""
    out: set[str] = set()
    if ent is not None:
        out |= {ent.id, *(t.id for _, t in ent.members)}
        out |= {c for c in (ent.code, *(t.code for _, t in ent.members)) if c}
    if isinstance(asked, str):
        out.add(asked)
    else:
        out |= {c for c in (getattr(asked, "id", None), getattr(asked, "code", None)) if c}
    return {c.casefold() for c in out}


def place_on_territory(place: Place | None, codes: set[str]) -> bool:
    """True if the place is the territory (its id or code) or lies in it (its parent)."""
    if place is None or not codes:
        return False
    return any(
        c is not None and c.casefold() in codes for c in (place.id, place.code, place.parent)
    )
