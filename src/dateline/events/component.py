"""spaCy component ``dateline_events_v1``: writes ``doc._.events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dateline.nlp.extensions import register_extensions

register_extensions()


class EventsStage:
    def __init__(self, nlp: Language, name: str, dictionaries: list[str]) -> None:
        self.name = name
        # Paths of user dictionaries in PETRARCH/CAMEO format (see dateline.dictionaries).
        self.dictionaries = list(dictionaries)

    def __call__(self, doc: Doc) -> Doc:
        # Placeholder until the events issue lands.
        doc._.events = []
        return doc


@Language.factory(
    "dateline_events_v1",
    requires=["doc.sents", "doc._.timexes", "doc._.actors", "doc._.quotes"],
    assigns=["doc._.events"],
    default_config={"dictionaries": []},
)
def make_events_stage(nlp: Language, name: str, dictionaries: list[str]) -> EventsStage:
    return EventsStage(nlp, name, dictionaries)
