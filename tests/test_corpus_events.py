"""Events across a corpus: ``Corpus.events`` filters and event entries in the timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictmodel import Actor, Article, Casualties, Event, Place, Span, Territory, TextDate
from conflictmodel.corpus import Corpus, CorpusEvent
from conflictmodel.errors import InputError


def _actor(text: str, id_: str, name: str, kind: str = "state") -> Actor:
    start = text.index(name)
    return Actor(id=id_, name=name, kind=kind, mentions=[Span(start=start, end=start + len(name))])


def _at(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase))


def _kharkiv_strike() -> Article:
    text = "Russian missiles struck Kharkiv on 4 May 2025, killing at least 12 people."
    ru = _actor(text, "state:RU", "Russian")
    place = Place(
        id="place:kharkiv", name="Kharkiv", kind="city", parent="UA-63", role="event_location"
    )
    ev = Event(
        id="event:0-74",
        type="assault",
        mode="heavy-weapons",
        span=Span(start=0, end=len(text)),
        trigger="struck",
        actors=[ru],
        place=place,
        date=TextDate(text="4 May 2025", value=dt.date(2025, 5, 4), span=_at(text, "4 May 2025")),
        killed=Casualties(
            text="at least 12", span=_at(text, "at least 12"), count=12, approximate=True
        ),
    )
    return Article(text=text, actors=[ru], events=[ev], published=dt.date(2025, 5, 5))


def _baku_talks() -> Article:
    text = "Armenia and Azerbaijan held talks in Abu Dhabi, hosted by the UAE."
    am = _actor(text, "state:AM", "Armenia")
    az = _actor(text, "state:AZ", "Azerbaijan")
    ae = _actor(text, "state:AE", "UAE")
    place = Place(id="place:abu-dhabi", name="Abu Dhabi", kind="city", parent="AE-AZ", role="venue")
    ev = Event(
        id="event:0-66",
        type="consult",
        mode="third-party",
        span=Span(start=0, end=66),
        trigger="talks",
        actors=[am, az],
        mediator=ae,
        place=place,
    )
    return Article(text=text, actors=[am, az, ae], events=[ev], published=dt.date(2025, 7, 10))


def _sudan_planned() -> Article:
    text = "The RSF will withdraw from El Fasher next week."
    rsf = _actor(text, "group:rsf", "RSF", kind="group")
    place = Place(id="place:el-fasher", name="El Fasher", kind="city", parent="SD-DN")
    ev = Event(
        id="event:4-46",
        type="retreat",
        mode="withdraw",
        status="planned",
        span=Span(start=4, end=46),
        trigger="withdraw",
        actors=[rsf],
        place=place,
    )
    return Article(text=text, actors=[rsf], events=[ev])  # no publication date


@pytest.fixture
def corpus() -> Corpus:
    return Corpus([_kharkiv_strike(), _baku_talks(), ("sudan.txt", _sudan_planned())])


def test_events_resolve_parties_and_dates(corpus: Corpus) -> None:
    found = corpus.events()
    assert [r.event.type.value for r in found] == ["assault", "consult", "retreat"]
    strike, talks, withdraw = found
    assert isinstance(strike, CorpusEvent)
    assert (strike.date, strike.dated_by) == (dt.date(2025, 5, 4), "text")
    assert (talks.date, talks.dated_by) == (dt.date(2025, 7, 10), "published")
    assert (withdraw.date, withdraw.dated_by) == (None, None)
    assert [a.id for a in talks.actors] == ["state:AM", "state:AZ"]
    assert talks.mediator is not None
    assert talks.mediator.name == "UAE"
    assert [a.id for a in talks.parties] == ["state:AM", "state:AZ", "state:AE"]


def test_events_filters(corpus: Corpus) -> None:
    assert [r.event.id for r in corpus.events(type="CONSULT")] == ["event:0-66"]
    assert [r.event.id for r in corpus.events(actor="UAE")] == ["event:0-66"]
    assert [r.event.id for r in corpus.events(actor="RSF")] == ["event:4-46"]
    assert corpus.events(actor="Sudan") == ()
    assert [r.event.id for r in corpus.events(place="ua")] == ["event:0-74"]
    assert [r.event.id for r in corpus.events(place="UA-63")] == ["event:0-74"]
    assert [r.event.id for r in corpus.events(place="el fasher")] == ["event:4-46"]
    # The talks take their article's publication date; the undated withdrawal matches no range.
    assert [r.event.id for r in corpus.events(since="2025-06-01")] == ["event:0-66"]
    assert [r.event.id for r in corpus.events(until=dt.date(2025, 5, 4))] == ["event:0-74"]
    assert corpus.events(since="2025-05-05", until="2025-07-09") == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"type": "battle"}, "unknown event type"),
        ({"type": 3}, "type must be"),
        ({"since": "May 2025"}, "ISO date"),
        ({"place": 7}, "place must be"),
        ({"actor": 1.5}, "actor must be"),
    ],
)
def test_events_bad_arguments(corpus: Corpus, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        corpus.events(**kwargs)  # type: ignore[arg-type]


def test_timeline_lists_events_in_the_territory(corpus: Corpus) -> None:
    # Kharkiv lies in UA-63: its strike is on the region even though no article has UA-63
    # as a territory at issue.
    entries = corpus.timeline(territory="UA-63")
    assert [(e.kind, e.date) for e in entries] == [("event", dt.date(2025, 5, 4))]
    assert entries[0].actor is not None
    assert entries[0].actor.id == "state:RU"
    assert "ASSAULT" in entries[0].summary
    assert "at least 12 killed" in entries[0].summary
    assert corpus.timeline(territory="SD-DN")[0].dated_by is None
    assert corpus.timeline(territory="UA-14") == ()


def test_timeline_event_by_territory_name() -> None:
    text = "Drones hit Goma, in North Kivu."
    kivu = Territory(
        id="CD-NK",
        name="North Kivu",
        code="CD-NK",
        kind="region",
        mentions=[_at(text, "North Kivu")],
    )
    goma = Place(id="place:goma", name="Goma", kind="city", parent="CD-NK", role="event_location")
    ev = Event(id="event:0-15", type="assault", span=Span(start=0, end=15), place=goma)
    c = Corpus([Article(text=text, territories=[kivu], events=[ev])])
    entries = c.timeline(territory="North Kivu")
    assert [e.kind for e in entries] == ["event"]
    assert entries[0].summary.startswith("ASSAULT (occurred) (unknown actor) at Goma")


def test_timeline_events_by_provision() -> None:
    from conflictmodel import Proposal, Provision

    text = "Yemen's parties met on the prisoner swap plan."
    plan = Proposal(
        id="prop:26-45",
        trigger="plan",
        text="prisoner swap plan",
        span=_at(text, "prisoner swap plan"),
        provisions=[
            Provision(
                kind="prisoner_exchange", text="prisoner swap", span=_at(text, "prisoner swap")
            )
        ],
    )
    ev = Event(
        id="event:0-45", type="consult", span=Span(start=0, end=45), proposal_id="prop:26-45"
    )
    other = Event(id="event:0-5", type="consult", span=Span(start=0, end=5))
    c = Corpus([Article(text=text, proposals=[plan], events=[ev, other])])
    kinds = [
        (e.kind, getattr(e.item, "id", None)) for e in c.timeline(provision="prisoner_exchange")
    ]
    assert ("event", "event:0-45") in kinds
    assert ("event", "event:0-5") not in kinds
