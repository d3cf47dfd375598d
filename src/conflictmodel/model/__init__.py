"""The domain model: value types for what a news article says about a conflict.

Every type is a frozen, slotted ``attrs`` class with a keyword-only constructor that validates
its arguments; all are re-exported from ``conflictmodel`` itself.

| module | holds |
| --- | --- |
| `span` | `Span`: character offsets, the provenance of everything |
| `actors` | `Actor`, `ActorKind`, `Role` |
| `territories` | `Territory`, `TerritoryKind`, `TerritorialClaim`, `ClaimKind` |
| `places` | `Place`, `PlaceRole` |
| `events` | `Event`, `EventType`, `EventStatus`, `Casualties` |
| `textdates` | `TextDate`, `DatePrecision` |
| `statements` | `Statement`, `StatementKind`, `SpeakerSource` |
| `proposals` | `Proposal`, `Provision`, `ProvisionKind`, `Condition`, `ProposalStatus` |
| `positions` | `Position`, `Stance` |
| `article` | `Article`: the text and everything found in it |

Example:
    >>> from conflictmodel.model import Span
    >>> Span(start=0, end=4).of("Kyiv said no.")
    'Kyiv'
"""

from conflictmodel.model.actors import Actor, ActorKind, Role
from conflictmodel.model.article import Article
from conflictmodel.model.events import Casualties, Event, EventStatus, EventType
from conflictmodel.model.places import Place, PlaceRole
from conflictmodel.model.positions import Position, Stance
from conflictmodel.model.proposals import (
    Condition,
    Proposal,
    ProposalStatus,
    Provision,
    ProvisionKind,
)
from conflictmodel.model.span import Span
from conflictmodel.model.statements import SpeakerSource, Statement, StatementKind
from conflictmodel.model.territories import ClaimKind, TerritorialClaim, Territory, TerritoryKind
from conflictmodel.model.textdates import DatePrecision, TextDate

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "Casualties",
    "ClaimKind",
    "Condition",
    "DatePrecision",
    "Event",
    "EventStatus",
    "EventType",
    "Place",
    "PlaceRole",
    "Position",
    "Proposal",
    "ProposalStatus",
    "Provision",
    "ProvisionKind",
    "Role",
    "Span",
    "SpeakerSource",
    "Stance",
    "Statement",
    "StatementKind",
    "TerritorialClaim",
    "Territory",
    "TerritoryKind",
    "TextDate",
]
