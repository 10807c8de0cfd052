"""spaCy component ``dateline_quotes_v1``: writes ``doc._.quotes``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dateline.nlp.extensions import register_extensions

register_extensions()


class QuotesStage:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # Placeholder until the quotes issue lands.
        doc._.quotes = []
        return doc


@Language.factory(
    "dateline_quotes_v1",
    requires=["doc.sents", "doc._.actors"],
    assigns=["doc._.quotes"],
)
def make_quotes_stage(nlp: Language, name: str) -> QuotesStage:
    return QuotesStage(nlp, name)
