"""spaCy component ``dateline_actors_v1``: writes ``doc._.actors``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dateline.nlp.extensions import register_extensions

register_extensions()


class ActorsStage:
    def __init__(self, nlp: Language, name: str, dictionaries: list[str]) -> None:
        self.name = name
        # Paths of user dictionaries in PETRARCH/CAMEO format (see dateline.dictionaries).
        self.dictionaries = list(dictionaries)

    def __call__(self, doc: Doc) -> Doc:
        # Placeholder until the actors issue lands.
        doc._.actors = []
        return doc


@Language.factory(
    "dateline_actors_v1",
    requires=["doc.ents", "doc.sents"],
    assigns=["doc._.actors"],
    default_config={"dictionaries": []},
)
def make_actors_stage(nlp: Language, name: str, dictionaries: list[str]) -> ActorsStage:
    return ActorsStage(nlp, name, dictionaries)
