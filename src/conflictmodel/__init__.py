"""conflictmodel: news articles about wars and peace talks as a typed domain model.

Example:
    >>> import conflictmodel
    >>> art = conflictmodel.parse_article(
    ...     "Kremlin spokesperson Dmitry Peskov said a ceasefire was not on the table.")
    >>> [(a.name, a.title) for a in art.actors if a.kind is conflictmodel.ActorKind.PERSON]
    [('Dmitry Peskov', 'Kremlin spokesperson')]
"""

from __future__ import annotations

from conflictmodel.batch import parse_many
from conflictmodel.context import Mention, MentionKind, ParseContext
from conflictmodel.corpus import Corpus
from conflictmodel.errors import (
    ConflictModelError,
    InputError,
    ParseError,
    SerializationError,
    UnknownParserError,
    ValidationError,
)
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
from conflictmodel.parse import parse_article
from conflictmodel.pipeline import Parser, Pipeline, default_pipeline, get_parser, register_parser
from conflictmodel.serialization import from_dict, from_json, make_converter, to_dict, to_json

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "Casualties",
    "ClaimKind",
    "Condition",
    "ConflictModelError",
    "Corpus",
    "DatePrecision",
    "Event",
    "EventStatus",
    "EventType",
    "InputError",
    "Mention",
    "MentionKind",
    "ParseContext",
    "ParseError",
    "Parser",
    "Pipeline",
    "Place",
    "PlaceRole",
    "Position",
    "Proposal",
    "ProposalStatus",
    "Provision",
    "ProvisionKind",
    "Role",
    "SerializationError",
    "Span",
    "SpeakerSource",
    "Stance",
    "Statement",
    "StatementKind",
    "TerritorialClaim",
    "Territory",
    "TerritoryKind",
    "TextDate",
    "UnknownParserError",
    "ValidationError",
    "__version__",
    "default_pipeline",
    "from_dict",
    "from_json",
    "get_parser",
    "make_converter",
    "parse_article",
    "parse_many",
    "register_parser",
    "to_dict",
    "to_json",
]
