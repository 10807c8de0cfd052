"""Events stage rules for phenomena of one-sentence news leads (sentences we wrote).

The events stage runs alone on the base parse, so participants come from its fallback
(country names, demonyms, sector nouns), whatever the actors stage knows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dateline.events.component import EventsStage
from dateline.record import Event

pytestmark = pytest.mark.integration


def code(nlp: Any, text: str) -> tuple[list[Event], Any]:
    doc = nlp(text)
    doc._.published = dt.date(2024, 3, 14)
    doc._.timexes = []
    doc._.quotes = []
    doc._.actors = []
    EventsStage(nlp, "events", [])(doc)
    return list(doc._.events), doc


def countries(doc: Any, ids: list[str]) -> set[str | None]:
    by_id = {a.id: a for a in doc._.actors}
    return {by_id[i].country for i in ids}


def kinds(events: list[Event]) -> set[str]:
    return {e.plover for e in events}


def only(events: list[Event], kind: str) -> Event:
    matching = [e for e in events if e.plover == kind]
    assert len(matching) == 1, [(e.plover, e.trigger.text) for e in events]
    return matching[0]


# ---------------------------------------------------------------- background clauses
def test_background_clause_of_other_actors_is_not_reported(nlp: Any) -> None:
    events, _ = code(
        nlp, "Italy suspended flights to Serbia one day after a Croatian jet shot down a plane."
    )
    assert kinds(events) == {"SANCTION"}


def test_background_action_of_the_same_actor_stays(nlp: Any) -> None:
    events, _ = code(
        nlp, "Canada and Chile will meet next week after Canada threatened to impose tariffs."
    )
    assert "THREATEN" in kinds(events) and "AGREE" in kinds(events)


def test_precondition_clause_has_not_happened(nlp: Any) -> None:
    events, _ = code(
        nlp, "Chilean rebels demanded a new constitution before they would demobilize."
    )
    assert "RETREAT" not in kinds(events) and "AGREE" not in kinds(events)
    assert "REQUEST" in kinds(events)


# ---------------------------------------------------------------- requests, meetings
def test_argued_that_others_should_misparsed_as_object(nlp: Any) -> None:
    events, doc = code(
        nlp,
        "The minister was sceptical and argued Britain or France, the two nuclear powers, "
        "should be at the summit.",
    )
    event = only(events, "REQUEST")
    assert countries(doc, event.target) & {"GBR"}


def test_meeting_held_with_another_side_has_a_target(nlp: Any) -> None:
    events, doc = code(nlp, "A group of Moroccan diplomats held a meeting with Chilean officials.")
    event = only(events, "CONSULT")
    assert countries(doc, event.source) == {"MAR"}
    assert countries(doc, event.target) == {"CHL"}


def test_coordinated_meeting_keeps_all_sources(nlp: Any) -> None:
    events, doc = code(nlp, "Chile and Peru held talks in Lima.")
    event = only(events, "CONSULT")
    assert countries(doc, event.source) == {"CHL", "PER"} and not event.target


# ---------------------------------------------------------------- countries of participants
def test_misspelt_country_name(nlp: Any) -> None:
    events, doc = code(nlp, "Pakistan rejected an offer from Afganistan for direct talks.")
    event = only(events, "REJECT")
    assert countries(doc, event.target) == {"AFG"}


def test_two_word_demonym(nlp: Any) -> None:
    events, doc = code(nlp, "Soldiers in Guinea tortured Sierra Leonean refugees.")
    event = only(events, "ASSAULT")
    assert countries(doc, event.target) == {"SLE"}


def test_northern_ireland_is_british(nlp: Any) -> None:
    events, doc = code(
        nlp, "The British government outlawed an extremist group in Northern Ireland."
    )
    event = only(events, "COERCE")
    assert "IRL" not in countries(doc, event.target)


def test_reported_it_is_the_reporting_subject(nlp: Any) -> None:
    events, doc = code(nlp, "The Algerian opposition party said it will boycott the elections.")
    event = only(events, "THREATEN")
    assert countries(doc, event.source) == {"DZA"}


def test_elders_take_the_country_of_their_sentence(nlp: Any) -> None:
    events, doc = code(
        nlp, "Ibo elders demanded that the Nigerian ministry be taken away from Hausa politicians."
    )
    event = only(events, "REQUEST")
    assert countries(doc, event.source) == {"NGA"}


def test_unclaimed_attack_is_coded_to_the_country_where_it_happens(nlp: Any) -> None:
    events, doc = code(
        nlp, "Three Chilean soldiers were killed by a roadside bomb outside the Peruvian city."
    )
    event = only(events, "ASSAULT")
    assert countries(doc, event.source) == {"PER"}
    assert countries(doc, event.target) == {"CHL"}


def test_province_name_gives_its_country(nlp: Any) -> None:
    events, doc = code(nlp, "The government of Sindh province ordered patrols by police.")
    event = only(events, "MOBILIZE")
    assert countries(doc, event.source) == {"PAK"}


def test_titled_person_takes_the_country_of_the_title(nlp: Any) -> None:
    events, doc = code(
        nlp,
        "Quatar's emir, Sheikh Hamad al-Thani, launched a mediation effort between Chile and Peru.",
    )
    event = only(events, "CONSULT")
    assert countries(doc, event.source) == {"QAT"}
    assert countries(doc, event.target) == {"CHL", "PER"}


# ---------------------------------------------------------------- targets behind things
def test_target_behind_a_thing_with_its_own_countryless_actor(nlp: Any) -> None:
    events, doc = code(
        nlp, "Palestinian leaders said they would boycott all official contact with Chile."
    )
    event = only(events, "THREATEN")
    assert countries(doc, event.target) == {"CHL"}


def test_target_behind_an_agent_phrase(nlp: Any) -> None:
    events, doc = code(
        nlp, "Chilean students held demonstrations against abuses by the Peruvian military."
    )
    event = only(events, "PROTEST")
    assert countries(doc, event.target) == {"PER"}


def test_supporters_blocking_roads_protest(nlp: Any) -> None:
    events, _ = code(nlp, "About 200 supporters of the former president blocked roads in Lima.")
    assert kinds(events) == {"PROTEST"}


# ---------------------------------------------------------------- subjects
def test_stative_passive_subject_is_the_actor(nlp: Any) -> None:
    events, doc = code(nlp, "Chile is opposed to Peruvian mediation in the dispute.")
    event = only(events, "REJECT")
    assert countries(doc, event.source) == {"CHL"}
    assert countries(doc, event.target) == {"PER"}


def test_verb_coordinated_with_a_passive_shares_its_subject(nlp: Any) -> None:
    events, doc = code(nlp, "Peru's prime minister has been indicted by a court and will resign.")
    resign = next(e for e in events if e.trigger.text == "resign")
    assert countries(doc, resign.source) == {"PER"}


# ---------------------------------------------------------------- rejections
@pytest.mark.parametrize(
    "text",
    [
        "The Chilean minister rejected the accusations.",
        "Peru dismissed the allegations by Chile.",
        "Chilean rebels dismissed an appeal from the president to lay down their arms.",
    ],
)
def test_rejecting_accusations_or_appeals_is_reject(nlp: Any, text: str) -> None:
    events, _ = code(nlp, text)
    assert kinds(events) == {"REJECT"}


def test_denying_accusations_is_no_event(nlp: Any) -> None:
    events, _ = code(nlp, "The Chilean minister denied the accusations.")
    assert not events


# ---------------------------------------------------------------- not events
def test_event_named_as_a_motive_is_not_reported(nlp: Any) -> None:
    events, _ = code(
        nlp,
        "Refugees continued a hunger strike in protest of the Chilean government's refusal "
        "to accept them.",
    )
    assert kinds(events) == {"PROTEST"}


def test_participle_used_as_a_noun_is_no_event(nlp: Any) -> None:
    events, _ = code(nlp, "Chilean helicopters evacuated the wounded from the Peruvian town.")
    assert "ASSAULT" not in kinds(events)


def test_people_sent_on_a_mission_are_not_aid(nlp: Any) -> None:
    events, _ = code(nlp, "Chile sent 21 personnel to Peru to investigate the crash.")
    assert "AID" not in kinds(events)


# ---------------------------------------------------------------- PLOVER conventions
def test_peacekeepers_arriving_are_received_by_the_host(nlp: Any) -> None:
    events, doc = code(
        nlp, "A first group of Chilean peacekeeping troops arrived in Peru on Tuesday."
    )
    event = only(events, "RETREAT")
    assert event.cameo == "0861"
    assert countries(doc, event.source) == {"PER"}
    assert countries(doc, event.target) == {"CHL"}


def test_receiving_observers_allows_international_involvement(nlp: Any) -> None:
    events, _ = code(
        nlp, "The Peruvian prime minister received a mission of observers from the OSCE."
    )
    event = only(events, "RETREAT")
    assert event.cameo == "0862"


def test_call_for_sanctions_is_an_accusation(nlp: Any) -> None:
    events, doc = code(nlp, "The Chilean archbishop called for sanctions against Peru.")
    event = only(events, "ACCUSE")
    assert countries(doc, event.target) == {"PER"}


def test_conditional_withdrawal_is_a_threat(nlp: Any) -> None:
    events, _ = code(
        nlp, "Chile announced that it will withdraw its troops from Peru unless elections are held."
    )
    assert kinds(events) == {"THREATEN"}


def test_army_preparing_to_attack_mobilizes(nlp: Any) -> None:
    events, _ = code(nlp, "The Chilean army prepared to resume shelling Peruvian positions.")
    assert kinds(events) == {"MOBILIZE"}


def test_offered_concessions_is_an_intent(nlp: Any) -> None:
    events, _ = code(nlp, "A Chilean official offered concessions to Peru last year.")
    event = only(events, "AGREE")
    assert event.cameo == "035"


def test_called_off_strike_eases_dissent(nlp: Any) -> None:
    events, _ = code(
        nlp, "The Chilean teachers' union announced that it has called off a four-day strike."
    )
    event = only(events, "CONCEDE")
    assert event.cameo == "082" and event.status == "occurred"


def test_intelligence_provided_to_a_country_is_aid(nlp: Any) -> None:
    events, doc = code(nlp, "Chile is providing aerial photographs and intelligence to Peru.")
    event = only(events, "AID")
    assert countries(doc, event.target) == {"PER"}


# ---------------------------------------------------------------- more participants
def test_praised_for_a_deed_targets_the_object(nlp: Any) -> None:
    events, doc = code(nlp, "Spain praised Morocco for its cooperation in fighting immigration.")
    event = only(events, "SUPPORT")
    assert countries(doc, event.target) == {"MAR"}
    assert "COOPERATE" not in kinds(events)


def test_bomb_exploding_is_an_attack_coded_to_the_place(nlp: Any) -> None:
    events, doc = code(nlp, "A car bomb exploded near a police station in Lisbon.")
    event = only(events, "ASSAULT")
    assert countries(doc, event.source) == {"PRT"}


def test_unclaimed_killing_by_an_explosion(nlp: Any) -> None:
    events, doc = code(nlp, "An explosion at a mosque in northern Nigeria killed 12 worshippers.")
    event = only(events, "ASSAULT")
    assert countries(doc, event.source) == {"NGA"}


def test_protesters_burning_tires_protest(nlp: Any) -> None:
    events, _ = code(nlp, "Opposition supporters in Kenya burned tires in Nairobi.")
    assert kinds(events) == {"PROTEST"}


def test_expulsion_of_people_targets_them(nlp: Any) -> None:
    events, doc = code(nlp, "Angola's government ordered the expulsion of 50 Zairean nationals.")
    event = only(events, "SANCTION")
    assert countries(doc, event.target) == {"COD"}


def test_demand_that_someone_acts_targets_them(nlp: Any) -> None:
    events, doc = code(nlp, "Iran demanded that the United States release the frozen assets.")
    event = only(events, "REQUEST")
    assert countries(doc, event.target) == {"USA"}


def test_accused_as_a_description_is_no_accusation(nlp: Any) -> None:
    events, _ = code(nlp, "Chile expelled five Peruvian nationals accused of spying.")
    assert kinds(events) == {"SANCTION"}


def test_condemned_raid_targets_the_raider(nlp: Any) -> None:
    events, doc = code(nlp, "Arab foreign ministers condemned Israel's raid on Tunisia.")
    event = only(events, "ACCUSE")
    assert countries(doc, event.target) == {"ISR"}


def test_protested_operations_are_the_protest_object(nlp: Any) -> None:
    events, doc = code(
        nlp, "Thousands of Chileans demonstrated in Lima against Peruvian military operations."
    )
    assert kinds(events) == {"PROTEST"}
    assert countries(doc, only(events, "PROTEST").target) == {"PER"}


def test_cutting_ties_reduces_relations(nlp: Any) -> None:
    events, _ = code(nlp, "Chile cut diplomatic ties with Peru on Monday.")
    event = only(events, "SANCTION")
    assert event.cameo == "161"


def test_protesters_storming_a_building_riot(nlp: Any) -> None:
    events, _ = code(nlp, "Protesters in Lima stormed the Peruvian parliament.")
    assert kinds(events) == {"PROTEST"}


def test_missile_test_is_a_show_of_force(nlp: Any) -> None:
    events, _ = code(nlp, "Pakistan test-fired a nuclear-capable missile on Saturday.")
    assert kinds(events) == {"MOBILIZE"}


def test_fighting_a_social_ill_is_no_attack(nlp: Any) -> None:
    events, _ = code(nlp, "Chile and Peru agreed to cooperate in fighting terrorism.")
    assert "ASSAULT" not in kinds(events)


def test_money_in_aid_is_aid(nlp: Any) -> None:
    events, doc = code(nlp, "Germany will provide 50 million euros in humanitarian aid to Sudan.")
    event = only(events, "AGREE")  # a planned aid: the folding rule
    assert event.cameo.startswith("033")
    assert countries(doc, event.source) == {"DEU"}


def test_allowing_inspectors_is_international_involvement(nlp: Any) -> None:
    events, _ = code(
        nlp, "The Iraqi government allowed UN weapons inspectors to resume their work."
    )
    event = only(events, "RETREAT")
    assert event.cameo == "0862"


def test_troops_put_on_alert_are_their_country_mobilizing(nlp: Any) -> None:
    events, doc = code(nlp, "Indian troops were put on high alert along the border.")
    event = only(events, "MOBILIZE")
    assert countries(doc, event.source) == {"IND"}


def test_sentence_initial_country_misparsed_as_adverbial(nlp: Any) -> None:
    events, doc = code(nlp, "Turkey massed troops on its border with Syria.")
    event = only(events, "MOBILIZE")
    assert countries(doc, event.source) == {"TUR"}


def test_closing_a_border_reduces_relations(nlp: Any) -> None:
    events, doc = code(nlp, "Morocco closed its border with Algeria on Monday.")
    event = only(events, "SANCTION")
    assert countries(doc, event.target) == {"DZA"}


def test_inspectors_sent_to_verify_target_the_destination(nlp: Any) -> None:
    events, doc = code(nlp, "The IAEA sent inspectors to North Korea to verify the shutdown.")
    event = only(events, "ACCUSE")
    assert countries(doc, event.target) == {"PRK"}


def test_person_takes_the_country_of_a_title_in_apposition(nlp: Any) -> None:
    events, doc = code(nlp, "Ahmed Qurei, the Palestinian prime minister, accused Israel of lying.")
    event = only(events, "ACCUSE")
    assert countries(doc, event.source) == {"PSE"}


def test_spokesman_for_a_movement_takes_its_country(nlp: Any) -> None:
    events, doc = code(
        nlp, "A spokesman for the Angolan rebel movement accused Zambia of supporting the army."
    )
    event = only(events, "ACCUSE")
    assert countries(doc, event.source) == {"AGO"}


def test_call_on_a_people_targets_their_country(nlp: Any) -> None:
    events, doc = code(nlp, "The opposition leader called on Kenyans to boycott the election.")
    event = only(events, "REQUEST")
    assert countries(doc, event.target) == {"KEN"}


def test_niger_delta_is_not_niger(nlp: Any) -> None:
    events, doc = code(nlp, "Gunmen attacked oil workers in the Niger Delta on Sunday.")
    event = only(events, "ASSAULT")
    assert "NER" not in countries(doc, event.source) | countries(doc, event.target)


def test_fighting_between_sides_as_subject_gives_the_sources(nlp: Any) -> None:
    events, doc = code(
        nlp, "Fighting between Armenian and Azerbaijani forces killed 12 people in the region."
    )
    event = only(events, "ASSAULT")
    assert countries(doc, event.source) == {"ARM", "AZE"}


def test_members_with_their_own_nationality_keep_it(nlp: Any) -> None:
    events, doc = code(nlp, "Iraq expelled American members of the UN inspection team.")
    event = only(events, "SANCTION")
    assert countries(doc, event.target) == {"USA"}


def test_completed_withdrawal_is_a_withdrawal(nlp: Any) -> None:
    events, doc = code(nlp, "Chile completed the withdrawal of its forces from Peru.")
    event = only(events, "RETREAT")
    assert countries(doc, event.target) == {"PER"}


def test_people_acting_in_a_support_verb_clause_are_no_event(nlp: Any) -> None:
    events, _ = code(nlp, "Rebels in Peru freed 50 UN peacekeepers held hostage for two weeks.")
    assert kinds(events) == {"RETREAT"}


def test_legalizing_parties_eases_restrictions(nlp: Any) -> None:
    events, _ = code(nlp, "The Kenyan government legalized opposition parties.")
    event = only(events, "CONCEDE")
    assert event.cameo == "0811"
