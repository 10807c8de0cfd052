"""The stages' cost grows linearly with an article's length.

No wall time is measured (the test machines are shared): the work is counted as the
number of Python and spaCy (Cython) function calls cProfile sees while the four dateline
stages run. A per-mention scan over the whole article (``doc.text`` rebuilt per mention,
every entity or mention walked per span) makes that count grow with the square of the
length; four times the text must cost about four times the calls.
"""

from __future__ import annotations

import cProfile
import datetime as dt
import itertools
import pstats
from unittest import mock

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import dateline.pipeline  # registers the stage factories
import dateline.spans
from dateline.pipeline import STAGES
from dateline.record import Actor, TextSpan
from dateline.spans import actor_at, ents_in

pytestmark = pytest.mark.integration

FIRST = ["Anna", "Peter", "Maria", "David", "Laura", "Tomas", "Irina", "Samuel", "Nadia"]
LAST = ["Kowalski", "Brennan", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Varga"]
COUNTRIES = ["France", "Kenya", "Brazil", "Japan", "Poland", "Egypt", "Canada", "Chile"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
# Paragraphs of the kinds a long news story strings together: names, titles, role nouns,
# pronouns, quotations with speakers, dates, places, events.
PARAGRAPHS = (
    "{country}'s foreign minister {name} met the {country2} ambassador on {day} in "
    "the capital. The minister said both sides wanted to end the dispute over "
    "fishing rights before March 3, 2024.",
    '"We will not accept any deal that hurts our farmers," {name} told reporters on '
    "{day}. She added that talks would resume next week.",
    "Mr {last} accused the government of {country2} of blocking aid convoys. He said "
    "police arrested 40 protesters in the city on {day} and that the army fired "
    "tear gas at a crowd of about 2,000 people.",
    "According to a spokesman for the ministry, the president of {country} will visit "
    "{country2} in April. The spokesman declined to say whether a trade agreement "
    "would be signed during the trip.",
    '{name}, a senior aide to the prime minister, said: "The sanctions have failed '
    'and everyone knows it." The aide spoke on condition that her comments be '
    "reported without changes.",
    "Rebels in the north of {country} attacked a military base on {day}, killing "
    "three soldiers, the defence ministry said. The government promised to send "
    "reinforcements within two weeks.",
)


def synthetic_article(paragraphs: int) -> str:
    """A long article of varied paragraphs; new names keep appearing as it grows."""
    names = itertools.cycle(itertools.product(FIRST, LAST))
    out: list[str] = []
    for i in range(paragraphs):
        first, last = next(names)
        out.append(
            PARAGRAPHS[i % len(PARAGRAPHS)].format(
                name=f"{first} {last}",
                last=last,
                country=COUNTRIES[i % len(COUNTRIES)],
                country2=COUNTRIES[(i * 3 + 1) % len(COUNTRIES)],
                day=DAYS[i % len(DAYS)],
            )
        )
    return "\n\n".join(out)


def stage_calls(nlp: Language, text: str) -> int:
    """Function calls made by the four dateline stages on ``text`` (parse not counted)."""
    # The session's model may carry the stages already (a Pipeline added them): parse only.
    disable = [name for name in nlp.pipe_names if name.startswith("dateline_")]
    doc = next(nlp.pipe([text], disable=disable))
    doc._.published = dt.date(2024, 2, 1)
    stages = [nlp.create_pipe(name) for name in STAGES]
    profiler = cProfile.Profile()
    profiler.enable()
    for stage in stages:
        doc = stage(doc)
    profiler.disable()
    assert not doc._.stage_errors
    return int(pstats.Stats(profiler).total_calls)  # type: ignore[attr-defined]


def test_stage_work_grows_linearly_with_length(nlp: Language) -> None:
    stage_calls(nlp, synthetic_article(6))  # lexicons and tables load outside the count
    short = stage_calls(nlp, synthetic_article(24))
    long = stage_calls(nlp, synthetic_article(96))
    # Linear: about 4 (4.9 measured). The quadratic scans this guards against gave 11.6.
    assert long / short < 6, (short, long)


def test_ents_in_is_span_ents(nlp: Language) -> None:
    doc = nlp(synthetic_article(12))
    assert doc.ents
    for start in range(0, len(doc), 7):
        for end in (start, start + 1, start + 9, start + 40, len(doc)):
            expected = [(e.start, e.end, e.label_) for e in doc[start:end].ents]
            assert [(e.start, e.end, e.label_) for e in ents_in(doc, start, end)] == expected


def _brute_actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    best: tuple[int, Actor] | None = None
    for actor in actors:
        for m in actor.mentions:
            if m.start < end and start < m.end:
                slack = abs(m.start - start) + abs(m.end - end)
                if best is None or slack < best[0]:
                    best = (slack, actor)
    return best[1] if best else None


def test_actor_at_reads_only_nearby_mentions(nlp: Language) -> None:
    doc: Doc = nlp("placeholder")
    actors = [
        Actor(
            id=f"a{i}",
            name=f"n{i}",
            kind="person",
            mentions=[
                TextSpan(i * 50, i * 50 + 5 + i % 7, "x"),
                TextSpan(i * 50 + 20, i * 50 + 30, "y"),
            ],
        )
        for i in range(2000)
    ]
    doc._.actors = actors
    queries = [(q, q + length) for q in range(0, 100_000, 997) for length in (1, 6, 12)]
    for start, end in queries:
        assert actor_at(doc, start, end) is _brute_actor_at(actors, start, end)
    # Equally tight mentions: the first actor wins, as in a scan in actor order.
    actors.append(Actor(id="dup", name="dup", kind="person", mentions=[TextSpan(0, 5, "x")]))
    assert actor_at(doc, 0, 5) is actors[0]
    # A mention added to an existing actor counts once the index is told.
    actors[1999].mentions.append(TextSpan(120_000, 120_004, "z"))
    dateline.spans.forget_mentions(doc)
    assert actor_at(doc, 120_001, 120_002) is actors[1999]
    # Each query compares a handful of mentions, not all 4,000 of them.
    with mock.patch.object(dateline.spans, "overlaps", wraps=dateline.spans.overlaps) as seen:
        for start, end in queries:
            actor_at(doc, start, end)
    assert seen.call_count < 10 * len(queries)
