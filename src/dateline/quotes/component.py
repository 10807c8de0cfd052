"""spaCy component ``dateline_quotes_v1``: writes ``doc._.quotes``.

Besides ``doc._.quotes`` it registers ``doc._.quote_via_spans`` (quote id -> the
character span of the relaying outlet, whether or not the actors stage knows it) and
``doc._.quote_speaker_names`` (quote id -> the name the local speaker mention was
resolved to inside the document, e.g. "he" -> "Ben Wallace"), so later stages and
users can link them even when no actor was found.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import ErrorCode, message
from dateline.nlp.extensions import register_extensions
from dateline.quotes.build import build_quotes
from dateline.quotes.doc_cache import ENTS_KEY

register_extensions()

for _name in ("quote_via_spans", "quote_speaker_names"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None, force=False)

log = logging.getLogger(__name__)


class QuotesStage:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        try:
            quotes, via_spans, names = build_quotes(doc)
        except Exception as exc:  # bad input degrades to "no quotes", never stops the article
            log.exception("quotes stage failed on a document; no quotes kept")
            doc._.stage_errors.append(
                message(
                    ErrorCode.STAGE_FAILED, stage=self.name, detail=f"{type(exc).__name__}: {exc}"
                )
            )
            quotes, via_spans, names = [], {}, {}
        doc.user_data.pop("_dateline_quotes_text", None)  # caches of build_quotes
        doc.user_data.pop(ENTS_KEY, None)
        doc._.quotes = quotes
        doc._.quote_via_spans = via_spans
        doc._.quote_speaker_names = names
        return doc


@Language.factory(
    "dateline_quotes_v1",
    requires=["doc.sents", "doc._.actors"],
    assigns=["doc._.quotes"],
)
def make_quotes_stage(nlp: Language, name: str) -> QuotesStage:
    return QuotesStage(nlp, name)
