"""spaCy component ``dateline_time_v1``: writes ``doc._.timexes``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dateline.nlp.extensions import register_extensions

register_extensions()


class TimeStage:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # Placeholder until the time issue lands: no time expressions.
        doc._.timexes = []
        return doc


@Language.factory(
    "dateline_time_v1",
    requires=["doc.sents"],
    assigns=["doc._.timexes"],
)
def make_time_stage(nlp: Language, name: str) -> TimeStage:
    return TimeStage(nlp, name)
