"""Event dates: a time expression linked through the parse, else tense and publication date.

A timex is linked when it hangs below the event's own clause ("met Putin in Geneva in
June 2021", "a call on Wednesday", "Trump last week called") without crossing another
verb, and is not the edge of a range ("since 2019", "until May"). Otherwise the date
follows the status: planned, threatened and hypothetical events get FUTURE_REF, a past
tense PAST_REF, the present the publication date, and a negated event no date.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from dateline.record import EventDate, EventStatus, Timex

RANGE_EDGES = frozenset({"since", "until", "till", "before", "after", "by", "from", "ahead"})
_DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?")


def _timex_root(doc: Doc, timex: Timex) -> Token | None:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _distance(root: Token, anchors: set[int], limit: int = 5) -> int | None:
    tok = root
    for step in range(1, limit + 1):
        if tok.head.i == tok.i:
            return None
        if tok.dep_ == "pobj" and tok.head.lower_ in RANGE_EDGES:
            return None
        tok = tok.head
        if tok.i in anchors:
            return step
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return None  # another clause's verb
    return None


def link_timex(doc: Doc, sent: Span, anchors: list[Token]) -> Timex | None:
    anchor_ids = {t.i for t in anchors}
    best: tuple[int, Timex] | None = None
    for timex in doc._.timexes:
        if not (sent.start_char <= timex.start < sent.end_char):
            continue
        if timex.type not in ("DATE", "TIME") or not timex.value:
            continue
        root = _timex_root(doc, timex)
        if root is None:
            continue
        if root.i in anchor_ids:
            dist: int | None = 0
        else:
            dist = _distance(root, anchor_ids)
        if dist is not None and (best is None or dist < best[0]):
            best = (dist, timex)
    return best[1] if best else None


def is_future(value: str, published: dt.date | None) -> bool:
    if value == "FUTURE_REF":
        return True
    if published is None or not _DATE_VALUE.match(value):
        return False
    if "W" in value:
        year, week = value[:4], value[6:8]
        try:
            start = dt.date.fromisocalendar(int(year), int(week), 1)
        except ValueError:
            return False
        return start > published
    pub = published.isoformat()[: len(value[:10])]
    return value[:10] > pub


def event_date(
    timex: Timex | None, status: EventStatus, head: Token, published: dt.date | None
) -> EventDate:
    if timex is not None:
        return EventDate(value=timex.value, timex=timex.id, basis="timex")
    if status in ("planned", "threatened", "hypothetical"):
        return EventDate(value="FUTURE_REF", timex=None, basis="tense")
    if status == "negated":
        return EventDate(value=None, timex=None, basis="tense")
    clause = head
    if head.tag_ in ("VBG", "VB") and head.dep_ in ("advcl", "conj", "xcomp", "pcomp", "acl"):
        clause = head.head  # "..., killing 3": the participle shares its governor's tense
        if clause.dep_ == "prep":
            clause = clause.head
    past = clause.tag_ in ("VBD", "VBN") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD",) for c in clause.children
    )
    if past and status == "occurred":
        return EventDate(value="PAST_REF", timex=None, basis="tense")
    if published is not None:
        return EventDate(value=published.isoformat(), timex=None, basis="published")
    return EventDate(value="PRESENT_REF", timex=None, basis="tense")
