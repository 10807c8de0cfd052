"""The ``dateline/1`` record: one JSON object per article.

Field names and meanings follow DESIGN.md section 2 and must not change without a
schema bump. Fields may be added. Offsets are Python ``str`` indices (code points)
into ``Record.text``, end exclusive.

The classes are plain dataclasses so that stages can build them cheaply; ``to_dict``
drops nothing (``None`` stays ``null``) so that consumers see every field.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "dateline/1"

ActorKind = Literal["person", "organization", "country", "group"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect", "mixed", "partial"]
EventStatus = Literal["occurred", "ongoing", "planned", "threatened", "hypothetical", "negated"]
DateBasis = Literal["timex", "tense", "published"]
PublishedBasis = Literal["caller", "jsonl", "metadata", "feed", "none"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(slots=True)
class TextSpan:
    """A span of ``Record.text``: ``text == record.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # PLOVER/CAMEO agent code: GOV, MIL, ELI, ...
    cameo: str | None = None  # e.g. "USAGOV"
    kb: str | None = None  # knowledge-base id
    mentions: list[TextSpan] = field(default_factory=list)


@dataclass(slots=True)
class Timex:
    id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str


@dataclass(slots=True)
class Quote:
    id: str
    start: int
    end: int
    text: str  # content only, without quote marks
    kind: QuoteKind
    speaker: str | None = None  # actor id
    speaker_mention: TextSpan | None = None
    cue: TextSpan | None = None
    via: str | None = None  # actor id of the relaying outlet or agency
    # The content pieces without quote marks: one for an uninterrupted quote, several
    # when the cue interrupts it ('"A," she said. "B."'), while start/end span them all.
    parts: list[TextSpan] = field(default_factory=list)


@dataclass(slots=True)
class EventDate:
    value: str | None
    timex: str | None = None
    basis: DateBasis = "published"


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None


@dataclass(slots=True)
class Quantity:
    value: float
    unit: str | None
    text: str


@dataclass(slots=True)
class Evidence:
    start: int
    end: int


@dataclass(slots=True)
class Event:
    id: str
    type: str  # PLOVER category of the action described
    plover: str  # after PLOVER's folding rule
    status: EventStatus
    trigger: TextSpan
    evidence: Evidence
    date: EventDate
    mode: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    location: Location | None = None
    quantities: list[Quantity] = field(default_factory=list)
    quote: str | None = None
    confidence: float = 0.5


@dataclass(slots=True)
class ModelInfo:
    """Which spaCy model produced the record: results depend on it."""

    name: str
    version: str


@dataclass(slots=True)
class Record:
    id: str
    text: str
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    title: str | None = None
    language: str = "en"
    actors: list[Actor] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    schema: str = SCHEMA
    # Added fields (allowed by the schema): provenance and errors.
    published_basis: PublishedBasis = "none"
    text_basis: Literal["text", "html", "feed-content", "feed-summary"] = "text"
    model: ModelInfo | None = None
    dateline_version: str | None = None
    error: str | None = None  # "E0xx: message" when the article could not be processed

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        # Put the schema tag first, as in DESIGN.md, for readers of raw JSONL.
        return {"schema": data.pop("schema"), **data}

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """Rebuild a record from ``to_dict`` output (as read back from JSONL)."""
        from pydantic import TypeAdapter

        return TypeAdapter(cls).validate_python(data)


def json_schema() -> dict[str, Any]:
    """JSON Schema of the record, generated from the dataclasses above."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Record).json_schema()
    schema["$id"] = "https://dateline.invalid/schema/dateline-1.json"
    schema["title"] = SCHEMA
    return schema
