"""Actor matcher, verb matcher and dictionary coder on parsed sentences we wrote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from dateline.dictionaries.actor_matcher import ActorMatcher
from dateline.dictionaries.coder import DictionaryCoder
from dateline.dictionaries.petrarch import load_dictionaries
from dateline.dictionaries.verbs import VerbMatcher

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "dictionaries"
DAY = dt.date(2012, 6, 1)


@pytest.fixture(scope="module")
def dicts() -> Any:
    return load_dictionaries([FIXTURES])


@pytest.fixture(scope="module")
def actor_matcher(dicts: Any) -> ActorMatcher:
    return ActorMatcher(dicts.actors, dicts.agents)


@pytest.fixture(scope="module")
def coder(dicts: Any) -> DictionaryCoder:
    return DictionaryCoder(dicts)


def _codes(matcher: ActorMatcher, nlp: Any, text: str, day: dt.date = DAY) -> list[str]:
    return [c.code for c in matcher(nlp(text), day)]


def _events(coder: DictionaryCoder, nlp: Any, text: str, day: dt.date = DAY) -> set[str]:
    return {f"{e.source}>{e.target}:{e.code}" for e in coder.code(nlp(text), day)}


def test_actor_names_are_matched_case_insensitively(actor_matcher: ActorMatcher, nlp: Any) -> None:
    found = actor_matcher(nlp("THE VALDORIAN REPUBLIC and kestreland signed."), DAY)
    assert [(f.text, f.code) for f in found] == [
        ("THE VALDORIAN REPUBLIC", "VAL"),
        ("kestreland", "KES"),
    ]


def test_agents_combine_with_their_country(actor_matcher: ActorMatcher, nlp: Any) -> None:
    assert _codes(actor_matcher, nlp, "Valdorian police arrested them.") == ["VALCOP"]
    assert _codes(actor_matcher, nlp, "Kestreland's government agreed.") == ["KESGOV"]
    assert _codes(actor_matcher, nlp, "The government of Kestreland agreed.") == ["KESGOV"]
    assert _codes(actor_matcher, nlp, "Soldiers from Valdoria left.") == ["VALMIL"]
    assert _codes(actor_matcher, nlp, "Charity workers Valdoria sent help.") == ["NGOVAL"]
    assert _codes(actor_matcher, nlp, "Soldiers arrived.") == ["---MIL"]


def test_actor_codes_follow_the_date(actor_matcher: ActorMatcher, nlp: Any) -> None:
    text = "President Ossenfeld spoke."
    assert _codes(actor_matcher, nlp, text, dt.date(2008, 1, 1)) == ["VALELI"]
    assert _codes(actor_matcher, nlp, text, dt.date(2012, 1, 1)) == ["VALGOV"]
    # A null code on that date means "not an actor".
    assert _codes(actor_matcher, nlp, "Old Name protested.", dt.date(1985, 1, 1)) == []
    assert _codes(actor_matcher, nlp, "Old Name protested.", dt.date(1995, 1, 1)) == ["OLD"]


def test_group_actor_has_one_code_per_member(actor_matcher: ActorMatcher, nlp: Any) -> None:
    found = actor_matcher(nlp("The Twin Cities protested."), DAY)
    assert found[0].codes == ["VAL", "KES"]


def test_verb_base_code_and_most_specific_pattern(coder: DictionaryCoder, nlp: Any) -> None:
    assert _events(coder, nlp, "Valdoria restored relations with Kestreland on Monday.") == {
        "VAL>KES:064"
    }
    assert _events(coder, nlp, "Valdoria granted Kestreland a loan.") == {"VAL>KES:070"}
    assert _events(coder, nlp, "Valdoria granted Kestreland ten million dollars.") == {
        "VAL>KES:071"
    }
    # Multi-word synset phrase and the verb's irregular form.
    assert _events(coder, nlp, "Valdoria granted Kestreland a thousand gold coins.") == {
        "VAL>KES:071"
    }


def test_paired_codes_give_the_reverse_event(coder: DictionaryCoder, nlp: Any) -> None:
    assert _events(coder, nlp, "Valdoria met Kestreland in the capital.") == {
        "VAL>KES:031",
        "KES>VAL:031",
    }
    assert _events(coder, nlp, "Valdoria met Kestreland for talks in the capital.") == {
        "VAL>KES:046"
    }


def test_null_pattern_code_suppresses_the_event(coder: DictionaryCoder, nlp: Any) -> None:
    assert _events(coder, nlp, "Valdoria did not restore relations with Kestreland.") == set()


def test_multiword_verb_wins_over_the_single_word(coder: DictionaryCoder, nlp: Any) -> None:
    assert _events(coder, nlp, "Valdorian soldiers sealed off the border with Kestreland.") == {
        "VALMIL>KES:1721"
    }


def test_pattern_actor_marks_pick_source_and_target(coder: DictionaryCoder, nlp: Any) -> None:
    events = _events(coder, nlp, "Valdoria granted humanitarian aid to Kestreland.")
    assert events == {"VAL>KES:073"}


def test_passive_voice_source_is_the_agent(coder: DictionaryCoder, nlp: Any) -> None:
    assert _events(coder, nlp, "Kestreland was condemned by Valdoria on Friday.") == {"VAL>KES:122"}


def test_coordinated_actors_each_get_an_event(coder: DictionaryCoder, nlp: Any) -> None:
    events = _events(coder, nlp, "Valdoria restored relations with Kestreland and the Twin Cities.")
    assert {"VAL>KES:064"} <= events
    assert "VAL>VAL:064" not in events


def test_compound_subject_pattern_codes_between_members(coder: DictionaryCoder, nlp: Any) -> None:
    events = _events(coder, nlp, "Valdoria and Kestreland agree that the dispute is over.")
    assert events == {"VAL>KES:030", "KES>VAL:030"}


def test_discards_silence_sentences_and_stories(coder: DictionaryCoder, nlp: Any) -> None:
    sentence = "Valdoria restored relations with Kestreland after the football match."
    assert _events(coder, nlp, sentence) == set()
    story = "Valdoria restored relations with Kestreland. The Chess Olympiad opened."
    assert _events(coder, nlp, story) == set()
    # Whole-word discards do not fire inside a longer word.
    assert _events(coder, nlp, "Valdoria restored relations with Kestreland after hailstorms.")


def test_verb_matcher_offsets_and_stand_in_actors(dicts: Any, nlp: Any) -> None:
    matcher = VerbMatcher(dicts.verbs)
    doc = nlp("Valdoria restored full trade ties with Kestreland.")
    sent = next(iter(doc.sents))
    matches = matcher.match(sent)  # no actor spans: entities and proper nouns stand in
    assert len(matches) == 1
    match = matches[0]
    assert doc.text[match.trigger_start : match.trigger_end] == "restored"
    assert match.pattern == "- * FULL &TIETYPES TIES"
    assert match.code == "064" and match.reverse_code is None
    assert match.target is not None and doc.text[match.target[0] : match.target[1]] == "Kestreland"


def test_no_dictionary_means_no_matches(nlp: Any) -> None:
    doc = nlp("Valdoria restored relations with Kestreland.")
    assert VerbMatcher([]).match(next(iter(doc.sents))) == []
    assert ActorMatcher()(doc, DAY) == []


def test_dictionary_coder_is_shared_per_set_of_paths() -> None:
    from dateline.dictionaries import dictionary_coder

    first = dictionary_coder([FIXTURES])
    assert first is not None
    assert dictionary_coder([FIXTURES]) is first
    assert dictionary_coder([]) is None


def test_coordination_shares_agents_and_actors(actor_matcher: ActorMatcher, nlp: Any) -> None:
    assert _codes(actor_matcher, nlp, "Valdorian police and soldiers blocked the road.") == [
        "VALCOP",
        "VALMIL",
    ]
    text = "The soldiers of Valdoria, Kestreland and the Northern League of Ports withdrew."
    assert _codes(actor_matcher, nlp, text) == ["VALMIL", "KESMIL", "IGOPRTMIL"]
