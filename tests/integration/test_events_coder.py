"""The events stage alone on parsed sentences we wrote (no other dateline stage runs).

Participants come from the stage's fallback (country names, demonyms, sector nouns), so
the expectations hold whatever the actors stage knows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dateline.events.component import EventsStage
from dateline.record import Event, Quote, Timex

pytestmark = pytest.mark.integration

PUBLISHED = dt.date(2024, 3, 14)


def code(
    nlp: Any, text: str, timexes: list[Timex] | None = None, quotes: list[Quote] | None = None
) -> tuple[list[Event], Any]:
    doc = nlp(text)
    doc._.published = PUBLISHED
    doc._.timexes = timexes or []
    doc._.quotes = quotes or []
    doc._.actors = []
    EventsStage(nlp, "events", [])(doc)
    return list(doc._.events), doc


def countries(doc: Any, ids: list[str]) -> set[str | None]:
    by_id = {a.id: a for a in doc._.actors}
    return {by_id[i].country for i in ids}


def only(events: list[Event], kind: str) -> Event:
    matching = [e for e in events if e.type == kind]
    assert len(matching) == 1, [(e.type, e.trigger.text) for e in events]
    return matching[0]


def test_planned_meeting_of_compound_actor_is_one_event(nlp: Any) -> None:
    events, doc = code(nlp, "The leaders of Chile and Peru will meet in Lima next month.")
    event = only(events, "CONSULT")
    assert event.status == "planned"
    assert event.plover == "AGREE" and event.cameo == "036"  # folding rule
    assert countries(doc, event.source) == {"CHL", "PER"}
    assert event.location is not None and event.location.country == "PER"


@pytest.mark.parametrize(
    "text",
    [
        "Norway threatened on Monday to impose sanctions on Belarus.",
        "Canada warned last week to impose tariffs on Chile if talks fail.",
    ],
)
def test_threat_with_a_phrase_before_its_infinitive_is_still_one_threat(
    nlp: Any, text: str
) -> None:
    # The parser attaches a separated infinitive as advcl instead of xcomp.
    events, _ = code(nlp, text)
    assert [(e.type, e.status) for e in events] == [("SANCTION", "threatened")]


def test_threatened_sanctions_fold_into_one_threat(nlp: Any) -> None:
    events, doc = code(nlp, "Norway threatened to impose sanctions on Belarus over the arrests.")
    assert [e.type for e in events] == ["SANCTION"]
    event = events[0]
    assert event.status == "threatened"
    assert event.plover == "THREATEN" and event.cameo == "1312"
    assert countries(doc, event.source) == {"NOR"}
    assert countries(doc, event.target) == {"BLR"}


def test_or_face_is_a_threat(nlp: Any) -> None:
    events, _ = code(nlp, "Canada told Iran to release the sailors or face new sanctions.")
    sanction = only(events, "SANCTION")
    assert sanction.status == "threatened"


def test_hypothetical_and_negated_statuses(nlp: Any) -> None:
    events, _ = code(nlp, "A summit between Kenya and Uganda could be held in Nairobi.")
    assert only(events, "CONSULT").status == "hypothetical"
    events, doc = code(nlp, "Greece and Turkey have not met since the crisis began.")
    event = only(events, "CONSULT")
    assert event.status == "negated"
    assert countries(doc, event.source) == {"GRC", "TUR"}
    assert event.date.value is None


def test_denial_negates_the_denied_action(nlp: Any) -> None:
    events, _ = code(nlp, "Sudan denied that Sudanese troops attacked the camp.")
    assert only(events, "ASSAULT").status == "negated"


def test_ongoing_status(nlp: Any) -> None:
    events, doc = code(nlp, "Ukrainian forces continue to shell Russian positions near the border.")
    event = only(events, "ASSAULT")
    assert event.status == "ongoing"
    assert countries(doc, event.source) == {"UKR"}


def test_quantities_percent_and_casualties(nlp: Any) -> None:
    events, _ = code(nlp, "Mexico imposed a 30% tariff on steel from China.")
    event = only(events, "SANCTION")
    assert [(q.value, q.unit) for q in event.quantities] == [(30.0, "%")]
    events, _ = code(nlp, "Syrian troops attacked the town, killing 12 civilians.")
    event = only(events, "ASSAULT")  # the killing is part of the same attack
    assert (12.0, "civilian") in [(q.value, q.unit) for q in event.quantities]


def test_date_from_linked_timex_else_tense(nlp: Any) -> None:
    text = "Egypt hosted Jordanian officials on Monday. The ministers of Chad and Niger met."
    monday = Timex(
        id="t1",
        start=text.index("Monday"),
        end=text.index("Monday") + 6,
        text="Monday",
        type="DATE",
        value="2024-03-11",
    )
    events, _ = code(nlp, text, timexes=[monday])
    first, second = sorted(events, key=lambda e: e.trigger.start)
    assert first.date.value == "2024-03-11" and first.date.basis == "timex"
    assert first.date.timex == "t1"
    assert second.date.value == "PAST_REF" and second.date.basis == "tense"


def test_future_timex_makes_event_planned(nlp: Any) -> None:
    text = "Brazil meets Argentine negotiators on Friday."
    friday = Timex(
        id="t1",
        start=text.index("Friday"),
        end=text.index("Friday") + 6,
        text="Friday",
        type="DATE",
        value="2024-03-15",
    )
    events, _ = code(nlp, text, timexes=[friday])
    event = only(events, "CONSULT")
    assert event.status == "planned"
    assert event.date.value == "2024-03-15"


def test_event_inside_quote_takes_speaker_as_source(nlp: Any) -> None:
    text = '"We will impose sanctions on them," the Danish minister said.'
    quote = Quote(
        id="q1",
        start=1,
        end=text.index(',"'),
        text="We will impose sanctions on them",
        kind="direct",
        speaker="a1",
    )
    events, _ = code(nlp, text, quotes=[quote])
    event = only(events, "SANCTION")
    assert event.quote == "q1"
    assert event.source == ["a1"]


def test_evaluations_are_accuse_or_support(nlp: Any) -> None:
    events, _ = code(nlp, "The Polish foreign ministry called the decision deeply regrettable.")
    assert only(events, "ACCUSE").cameo == "111"
    events, _ = code(nlp, "The Irish minister said the talks were constructive.")
    assert only(events, "SUPPORT").cameo == "051"


@pytest.mark.parametrize(
    "text",
    [
        "The storm hit the coast on Tuesday.",
        "The company reported strong quarterly earnings.",
        "Fans attacked the referee's decision on social media.",
        "The cat chased the dog around the garden.",
    ],
)
def test_no_events_on_non_political_sentences(nlp: Any, text: str) -> None:
    events, _ = code(nlp, text)
    assert events == []


def test_bad_input_never_raises(nlp: Any) -> None:
    events, _ = code(nlp, "")
    assert events == []
    events, _ = code(nlp, "((( ))) ... ;; --")
    assert events == []


def test_user_verb_dictionary_takes_priority(nlp: Any, tmp_path: Any) -> None:
    verbs = tmp_path / "verbs.txt"
    # a verb the built-in lexicon does not know, and one it codes differently
    verbs.write_text(
        "--- SERENADE [903] ---\nSERENADE\n\n--- MEET [0441] ---\nMEET\n", encoding="utf-8"
    )
    doc = nlp("Chile serenaded Peru. Chile met Peru in Lima.")
    doc._.published = PUBLISHED
    doc._.actors = []
    EventsStage(nlp, "events", [str(verbs)])(doc)
    assert [e.cameo for e in doc._.events] == ["903", "0441"]
    assert countries(doc, doc._.events[0].source) == {"CHL"}
    # without the dictionary, the built-in coder alone
    doc = nlp("Chile serenaded Peru. Chile met Peru in Lima.")
    doc._.actors = []
    EventsStage(nlp, "events", [])(doc)
    assert [e.cameo for e in doc._.events] == ["040"]


def test_subject_of_misparsed_subordinate_clause(nlp: Any) -> None:
    # spaCy often parses "after the president threatened" as a prepositional phrase
    events, doc = code(
        nlp,
        "Talks will resume soon, says a Chilean aide after the Peruvian president threatened "
        "to impose sanctions on Chile.",
    )
    event = only(events, "SANCTION")
    assert event.status == "threatened"
    assert countries(doc, event.source) == {"PER"}


def test_finite_verb_coordinated_under_an_infinitive_is_its_own_event(nlp: Any) -> None:
    # The parser hangs "accused" on "to encourage"; a past-tense verb cannot be part of
    # that purpose infinitive, so the accusation is still reported.
    events, doc = code(
        nlp,
        "Norway said it had done nothing to encourage the protests and accused Sweden "
        "of staging a crisis.",
    )
    event = only(events, "ACCUSE")
    assert countries(doc, event.target) == {"SWE"}
