"""Linking and within-document coreference on news-style text we wrote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.tokens import Doc

from dateline.actors.component import ActorsStage, resolve_mention
from dateline.record import Actor
from dateline.spans import actor_at

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "actors"

STORY = (
    "Donald Trump and Vladimir Putin could hold talks within days, a Kremlin aide said on "
    "Tuesday, after US special envoy Steve Witkoff met the Russian president in Moscow.\n"
    '"The meeting was useful," said Kremlin aide Yuri Ushakov. The TASS news agency quoted '
    "him as saying preparations had begun.\n"
    "Former British Defence Secretary Sir Ben Wallace said Britain should take part. "
    '"Nobody trusts Putin," he said. Sir Ben added that Ukrainian officials had not been '
    "invited.\n"
    "The White House said the US president wanted a deal, while the Kremlin said Russian "
    "forces would keep advancing. Mr Witkoff declined to comment, and the envoy flew home.\n"
    "India's foreign ministry called the tariffs unfair. The ministry said it would respond."
)


@pytest.fixture(scope="module")
def stage(nlp):  # type: ignore[no-untyped-def]
    return ActorsStage(nlp, "actors_linking_test", [])


def run(nlp, stage: ActorsStage, text: str, day: str = "2025-08-07") -> Doc:  # type: ignore[no-untyped-def]
    disable = [n for n in nlp.pipe_names if n.startswith("dateline_")]
    doc = next(iter(nlp.pipe([text], disable=disable)))
    doc._.published = dt.date.fromisoformat(day)
    stage(doc)
    return doc


def find(doc: Doc, phrase: str, nth: int = 0) -> Actor | None:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    return actor_at(doc, start, start + len(phrase))


@pytest.fixture(scope="module")
def story(nlp, stage) -> Doc:  # type: ignore[no-untyped-def]
    return run(nlp, stage, STORY)


def test_ids_are_sequential(story: Doc) -> None:
    assert [a.id for a in story._.actors] == [f"a{i + 1}" for i in range(len(story._.actors))]


def test_each_person_is_one_actor(story: Doc) -> None:
    names = [a.name for a in story._.actors if a.kind == "person"]
    assert len(names) == len(set(names))
    for name in ("Donald Trump", "Vladimir Putin", "Steve Witkoff", "Yuri Ushakov", "Ben Wallace"):
        assert name in names


def test_codes(story: Doc) -> None:
    by_name = {a.name: a for a in story._.actors}
    assert by_name["Donald Trump"].cameo == "USAGOV"
    assert by_name["Vladimir Putin"].cameo == "RUSGOV"
    assert by_name["Steve Witkoff"].cameo == "USAGOV"
    assert by_name["Yuri Ushakov"].cameo == "RUSGOV"
    assert by_name["Ben Wallace"].cameo == "GBRELI"


def test_role_nouns_and_titles(story: Doc) -> None:
    assert find(story, "a Kremlin aide").name == "Yuri Ushakov"  # type: ignore[union-attr]
    assert find(story, "the Russian president").name == "Vladimir Putin"  # type: ignore[union-attr]
    assert find(story, "the US president").name == "Donald Trump"  # type: ignore[union-attr]
    assert find(story, "the envoy").name == "Steve Witkoff"  # type: ignore[union-attr]


def test_honorifics_and_pronouns(story: Doc) -> None:
    assert find(story, "Sir Ben", 1).name == "Ben Wallace"  # type: ignore[union-attr]
    assert find(story, "Mr Witkoff").name == "Steve Witkoff"  # type: ignore[union-attr]
    assert find(story, "he said").name == "Ben Wallace"  # type: ignore[union-attr]
    assert find(story, "him as saying").name == "Yuri Ushakov"  # type: ignore[union-attr]


def test_governments_groups_and_media(story: Doc) -> None:
    assert find(story, "The White House").cameo == "USAGOV"  # type: ignore[union-attr]
    assert find(story, "the Kremlin said").cameo == "RUSGOV"  # type: ignore[union-attr]
    officials = find(story, "Ukrainian officials")
    assert officials is not None and officials.cameo == "UKRGOV" and officials.kind == "group"
    forces = find(story, "Russian forces")
    assert forces is not None and forces.cameo == "RUSMIL"
    tass = find(story, "TASS")
    assert tass is not None and tass.sector == "MED" and tass.country == "RUS"
    assert find(story, "Britain").kind == "country"  # type: ignore[union-attr]


def test_ministry_and_its_coreference(story: Doc) -> None:
    ministry = find(story, "India's foreign ministry")
    assert ministry is not None and ministry.cameo == "INDGOV"
    assert find(story, "The ministry") is ministry


def test_place_after_preposition_is_not_an_actor(story: Doc) -> None:
    assert find(story, "Moscow") is None


def test_unknown_person_keeps_name_country_and_sector(nlp, stage) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian Deputy Foreign Minister Sergei Ryabkov warned Washington on Monday. "
        "Ryabkov said the treaty was dead."
    )
    doc = run(nlp, stage, text)
    actor = find(doc, "Sergei Ryabkov")
    assert actor is not None and actor.name == "Sergei Ryabkov"
    assert actor.country == "RUS" and actor.sector == "GOV" and actor.kb is None
    assert find(doc, "Ryabkov said") is actor


def test_stated_year_gives_past_office(nlp, stage) -> None:  # type: ignore[no-untyped-def]
    text = "The two leaders last met when Joe Biden hosted Putin in Geneva in June 2021."
    doc = run(nlp, stage, text)
    assert find(doc, "Joe Biden").cameo == "USAGOV"  # type: ignore[union-attr]


def test_resolve_mention_on_unlisted_spans(story: Doc) -> None:
    actor = resolve_mention(story, 0, 12)
    assert actor is not None and actor.name == "Donald Trump"
    assert resolve_mention(story, -5, 3) is None
    assert resolve_mention(story, 10, 5) is None


def test_resolve_mention_creates_new_actor(nlp, stage) -> None:  # type: ignore[no-untyped-def]
    doc = run(nlp, stage, "Talks resumed. Officials said nothing.")
    before = len(doc._.actors)
    doc2 = run(nlp, stage, "The Chinese premier spoke. Later he left.", "2024-06-01")
    premier = find(doc2, "The Chinese premier")
    assert premier is not None and premier.kb == "person:li-qiang"
    assert before == 0
    start = doc2.text.index("he left")
    assert resolve_mention(doc2, start, start + 2) is premier


def test_user_kb_file(nlp) -> None:  # type: ignore[no-untyped-def]
    stage = ActorsStage(nlp, "actors_user_kb_test", [str(FIXTURES / "user_people.yaml")])
    doc = run(nlp, stage, "Ada Quill met the New Zealand foreign minister.", "2032-01-01")
    quill = find(doc, "Ada Quill")
    assert quill is not None and quill.cameo == "NZLGOV"
    assert find(doc, "the New Zealand foreign minister") is quill


def test_bad_input_never_raises(nlp, stage) -> None:  # type: ignore[no-untyped-def]
    for text in ("", "   ", "\u201c\u201c\u201d", "he he he said she", "The the the."):
        doc = run(nlp, stage, text)
        assert isinstance(doc._.actors, list)
    doc = run(nlp, stage, "Mr Nobody said.")
    doc._.published = None
    stage(doc)
    assert isinstance(doc._.actors, list)


def test_subject_pronoun_follows_the_last_subject(nlp, stage) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Former Defence Secretary Ben Wallace said that Putin's demands were unrealistic. "
        '"Europe will pay for a bad deal," he added.'
    )
    doc = run(nlp, stage, text)
    assert find(doc, "he added").name == "Ben Wallace"  # type: ignore[union-attr]


def test_unknown_subject_blocks_a_distant_pronoun(nlp, stage) -> None:  # type: ignore[no-untyped-def]
    text = "Joe Biden spoke on Monday. Zorbulak disputed that he had been involved."
    doc = run(nlp, stage, text, "2022-01-01")
    start = doc.text.index("he had")
    biden = find(doc, "Joe Biden")
    assert biden is not None
    assert not any(m.start == start for m in biden.mentions)


def test_kb_name_inside_a_longer_name(nlp, stage) -> None:  # type: ignore[no-untyped-def]
    doc = run(nlp, stage, "The International Labour Organisation and the Liberal Democrats met.")
    assert all(a.kb != "org:gbr-labour" for a in doc._.actors)
    assert all(a.kb != "org:usa-democratic-party" for a in doc._.actors)


def test_resolve_mention_reuses_the_stage_mentions(nlp, stage, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc = run(
        nlp, stage, "The Chinese premier spoke in Beijing. Later he left for Hanoi.", "2024-06-01"
    )
    calls: list[int] = []
    original = stage.mentions

    def counting(d: Doc):  # type: ignore[no-untyped-def]
        calls.append(1)
        return original(d)

    monkeypatch.setattr(stage, "mentions", counting)
    start = doc.text.index("he left")
    for _ in range(3):  # span after span, as the events stage asks
        assert resolve_mention(doc, start, start + 2) is not None
        assert resolve_mention(doc, doc.text.index("Later"), doc.text.index("Later") + 5) is None
    assert calls == []  # the mentions of the stage's own run were kept


def test_unknown_titled_person_takes_an_adjacent_country(nlp, stage) -> None:  # type: ignore[no-untyped-def]
    doc = run(
        nlp,
        stage,
        "Chile's interior minister, Rodrigo Albornoz Vial, met envoys from Peru and Bolivia.",
    )
    person = find(doc, "Rodrigo Albornoz Vial")
    assert person is not None and person.country == "CHL"
