"""Estimate the date of an undated article, so that roles resolve at the right time.

Many archive texts carry no publication date. The text itself often dates them: a
person called by an office title ("German Chancellor Gerhard Schroeder") can only be
written while that office was held, and the years a text names cluster around its date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from spacy.tokens import Doc

from dateline.actors.gazetteer import PERSON, TITLE, Item
from dateline.actors.linker import Linker
from dateline.actors.phrases import assemble
from dateline.spans import doc_text

YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def estimate_day(doc: Doc, items: list[Item], linker: Linker) -> dt.date:
    today = dt.date.today()
    kb = linker.kb
    lo, hi = dt.date.min, today
    constrained = False
    for phrase in assemble(doc, items):
        name, head = phrase.name, phrase.head
        if name is None or head is None or name.type != PERSON or head.type != TITLE:
            continue
        if phrase.former or phrase.degraded:
            continue
        country, _ = linker._country_of(phrase)
        office = kb.titles.office_for(head.value, country)
        person = kb.people.get(name.value)  # namesakes ("President Bush") do not date
        if person is None:
            continue
        spans = [
            (t.start or dt.date.min, t.end or today)
            for t in person.tenures
            if t.office == office and (country is None or t.where == country)
        ]
        fitting = [(max(lo, a), min(hi, b)) for a, b in spans if max(lo, a) < min(hi, b)]
        if fitting:
            lo, hi = fitting[0]
            constrained = True
    if constrained and lo > dt.date.min:
        return lo + (hi - lo) / 2
    busiest = _busiest_day(doc, items, linker, today)
    if busiest is not None:
        return busiest
    years = Counter(int(y) for y in YEAR.findall(doc_text(doc)) if int(y) <= today.year)
    if years:
        year = max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]
        return min(dt.date(year, 7, 1), today)
    return today


def _busiest_day(doc: Doc, items: list[Item], linker: Linker, today: dt.date) -> dt.date | None:
    """The middle of the longest period in which most of the people named held office
    (at least two of them): Blair, Brown and Howard together point to 2003-2005."""
    people = {it.value for it in items if it.type == PERSON and "|" not in it.value}
    bounds: list[tuple[dt.date, int]] = []
    for person_id in people:
        person = linker.kb.people.get(person_id)
        if person is None:
            continue
        for t in person.tenures:
            if t.start is None:
                continue
            bounds.append((t.start, 1))
            bounds.append((min(t.end or today, today), -1))
    if not bounds:
        return None
    bounds.sort(key=lambda b: (b[0], b[1]))
    best: tuple[int, int, dt.date, dt.date] | None = None  # (count, days, start, end)
    count = 0
    for (day, delta), nxt in zip(bounds, [*bounds[1:], (today, 0)], strict=True):
        count += delta
        span = (nxt[0] - day).days
        if count >= 2 and span > 0:
            key = (count, span, day, nxt[0])
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None:
        return None
    return best[2] + (best[3] - best[2]) / 2
