"""spaCy component ``dateline_time_v1``: writes ``doc._.timexes`` (TIMEX3, text order)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dateline.nlp.extensions import register_extensions
from dateline.record import Timex, TimexType
from dateline.spans import doc_text
from dateline.time.extractor import TimexExtractor

register_extensions()

# Extra information per timex (granularity, resolved date) for later stages.
if not Doc.has_extension("timex_info"):
    Doc.set_extension("timex_info", default=None)


class TimeStage:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        # Compiles every pattern once, here, not per document.
        self.extractor = TimexExtractor()

    def __call__(self, doc: Doc) -> Doc:
        found = self.extractor.extract(doc, doc._.published)
        timexes: list[Timex] = []
        info: dict[str, dict[str, object]] = {}
        text = doc_text(doc)
        for i, f in enumerate(found, start=1):
            tid = f"t{i}"
            timex_type: TimexType = f.type  # type: ignore[assignment]
            timexes.append(
                Timex(
                    id=tid,
                    start=f.start,
                    end=f.end,
                    text=text[f.start : f.end],
                    type=timex_type,
                    value=f.value,
                )
            )
            info[tid] = {
                "kind": f.kind,
                "date": f.point.date if f.point else None,
                "granularity": f.point.gran if f.point else None,
            }
        doc._.timexes = timexes
        doc._.timex_info = info
        return doc


@Language.factory(
    "dateline_time_v1",
    requires=["doc.sents"],
    assigns=["doc._.timexes"],
)
def make_time_stage(nlp: Language, name: str) -> TimeStage:
    return TimeStage(nlp, name)
