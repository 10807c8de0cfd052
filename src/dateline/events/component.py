"""spaCy component ``dateline_events_v1``: writes ``doc._.events``.

Reads what the earlier stages wrote (``doc._.timexes``, ``doc._.actors``,
``doc._.quotes``, ``doc._.published``) and codes the political events of each sentence
with the built-in rule coder (:mod:`dateline.events.coder`). Verb dictionaries among
the user's ``dictionaries`` add patterns that take priority over the built-in lexicon.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import ErrorCode, message
from dateline.events.coder import code_doc
from dateline.events.user_verbs import load_user_triggers
from dateline.nlp.extensions import register_extensions

register_extensions()
log = logging.getLogger(__name__)

# Evaluations set this so that a bug shows as an article error (E900) instead of
# silently costing that article its events.
STRICT = False


class EventsStage:
    def __init__(self, nlp: Language, name: str, dictionaries: list[str]) -> None:
        self.name = name
        # Paths of user dictionaries in PETRARCH/CAMEO format (see dateline.dictionaries).
        self.dictionaries = list(dictionaries)
        self.user_triggers = load_user_triggers(self.dictionaries)

    def __call__(self, doc: Doc) -> Doc:
        try:
            events = code_doc(doc, self.user_triggers)
            # Candidates dropped while coding leave gaps; ids are e1..eN in text order.
            for number, event in enumerate(events, start=1):
                event.id = f"e{number}"
            doc._.events = events
        except Exception as exc:  # bad input never raises out of a stage
            if STRICT:
                raise
            log.warning("events stage failed on a document: %s: %s", type(exc).__name__, exc)
            doc._.events = []
            doc._.stage_errors.append(
                message(
                    ErrorCode.STAGE_FAILED, stage=self.name, detail=f"{type(exc).__name__}: {exc}"
                )
            )
        return doc


@Language.factory(
    "dateline_events_v1",
    requires=["doc.sents", "doc._.timexes", "doc._.actors", "doc._.quotes"],
    assigns=["doc._.events"],
    default_config={"dictionaries": []},
)
def make_events_stage(nlp: Language, name: str, dictionaries: list[str]) -> EventsStage:
    return EventsStage(nlp, name, dictionaries)
