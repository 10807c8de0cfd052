"""Role descriptions resolve to the office holder on the article's date (sentences ours)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.actors.component import ActorsStage
from dateline.record import Actor

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def stage(nlp):  # type: ignore[no-untyped-def]
    return ActorsStage(nlp, "actors_roles_test", [])


def actors_of(nlp, stage: ActorsStage, text: str, day: str) -> list[Actor]:  # type: ignore[no-untyped-def]
    disable = [n for n in nlp.pipe_names if n.startswith("dateline_")]
    doc = next(iter(nlp.pipe([text], disable=disable)))
    doc._.published = dt.date.fromisoformat(day)
    stage(doc)
    return list(doc._.actors)


def actor_for(actors: list[Actor], text: str, phrase: str) -> Actor | None:
    start = text.index(phrase)
    end = start + len(phrase)
    for actor in actors:
        for m in actor.mentions:
            if m.start < end and start < m.end:
                return actor
    return None


# (sentence, role phrase, publication date, expected KB id)
CASES: list[tuple[str, str, str, str]] = [
    (
        "The US president said on Monday that talks would continue.",
        "The US president",
        "2025-08-07",
        "person:donald-trump",
    ),
    (
        "The US president said on Monday that talks would continue.",
        "The US president",
        "2021-06-16",
        "person:joe-biden",
    ),
    (
        "The US president said on Monday that talks would continue.",
        "The US president",
        "2016-03-01",
        "person:barack-obama",
    ),
    (
        "The US president said on Monday that talks would continue.",
        "The US president",
        "2019-05-01",
        "person:donald-trump",
    ),
    (
        "The British prime minister flew to Brussels for the summit.",
        "The British prime minister",
        "2016-02-01",
        "person:david-cameron",
    ),
    (
        "The British prime minister flew to Brussels for the summit.",
        "The British prime minister",
        "2018-03-01",
        "person:theresa-may",
    ),
    (
        "The British prime minister flew to Brussels for the summit.",
        "The British prime minister",
        "2020-06-01",
        "person:boris-johnson",
    ),
    (
        "The British prime minister flew to Brussels for the summit.",
        "The British prime minister",
        "2022-10-01",
        "person:liz-truss",
    ),
    (
        "The British prime minister flew to Brussels for the summit.",
        "The British prime minister",
        "2023-06-01",
        "person:rishi-sunak",
    ),
    (
        "The British prime minister flew to Brussels for the summit.",
        "The British prime minister",
        "2025-01-15",
        "person:keir-starmer",
    ),
    (
        "Germany's chancellor met business leaders in Hamburg.",
        "Germany's chancellor",
        "2019-01-10",
        "person:angela-merkel",
    ),
    (
        "Germany's chancellor met business leaders in Hamburg.",
        "Germany's chancellor",
        "2023-02-01",
        "person:olaf-scholz",
    ),
    (
        "Germany's chancellor met business leaders in Hamburg.",
        "Germany's chancellor",
        "2025-08-01",
        "person:friedrich-merz",
    ),
    (
        "The French president called for calm after the riots.",
        "The French president",
        "2016-11-01",
        "person:francois-hollande",
    ),
    (
        "The French president called for calm after the riots.",
        "The French president",
        "2020-11-01",
        "person:emmanuel-macron",
    ),
    (
        "Japan's prime minister announced a new stimulus package.",
        "Japan's prime minister",
        "2018-04-01",
        "person:shinzo-abe",
    ),
    (
        "Japan's prime minister announced a new stimulus package.",
        "Japan's prime minister",
        "2021-03-01",
        "person:yoshihide-suga",
    ),
    (
        "Japan's prime minister announced a new stimulus package.",
        "Japan's prime minister",
        "2023-05-01",
        "person:fumio-kishida",
    ),
    (
        "Japan's prime minister announced a new stimulus package.",
        "Japan's prime minister",
        "2025-03-01",
        "person:shigeru-ishiba",
    ),
    (
        "The Russian foreign minister rejected the proposal.",
        "The Russian foreign minister",
        "2019-09-01",
        "person:sergei-lavrov",
    ),
    (
        "Russia's defence minister inspected the troops.",
        "Russia's defence minister",
        "2020-09-01",
        "person:sergei-shoigu",
    ),
    (
        "Russia's defence minister inspected the troops.",
        "Russia's defence minister",
        "2025-02-01",
        "person:andrei-belousov",
    ),
    (
        "The Ukrainian president addressed parliament on Friday.",
        "The Ukrainian president",
        "2017-05-01",
        "person:petro-poroshenko",
    ),
    (
        "The Ukrainian president addressed parliament on Friday.",
        "The Ukrainian president",
        "2022-05-01",
        "person:volodymyr-zelensky",
    ),
    (
        "Ukraine's foreign minister arrived in Warsaw.",
        "Ukraine's foreign minister",
        "2021-05-01",
        "person:dmytro-kuleba",
    ),
    (
        "Ukraine's foreign minister arrived in Warsaw.",
        "Ukraine's foreign minister",
        "2025-03-01",
        "person:andrii-sybiha",
    ),
    (
        "The Indian prime minister spoke by phone with his counterpart.",
        "The Indian prime minister",
        "2022-03-01",
        "person:narendra-modi",
    ),
    (
        "The Israeli prime minister spoke by phone with his counterpart.",
        "The Israeli prime minister",
        "2022-03-01",
        "person:naftali-bennett",
    ),
    (
        "The Israeli prime minister spoke by phone with his counterpart.",
        "The Israeli prime minister",
        "2024-03-01",
        "person:benjamin-netanyahu",
    ),
    (
        "Iran's president said the sanctions had failed.",
        "Iran's president",
        "2018-03-01",
        "person:hassan-rouhani",
    ),
    (
        "Iran's president said the sanctions had failed.",
        "Iran's president",
        "2022-03-01",
        "person:ebrahim-raisi",
    ),
    (
        "Iran's president said the sanctions had failed.",
        "Iran's president",
        "2025-03-01",
        "person:masoud-pezeshkian",
    ),
    (
        "The Iranian leader gave a televised speech.",
        "The Iranian leader",
        "2020-01-10",
        "person:ali-khamenei",
    ),
    (
        "The US secretary of state arrived in Beijing.",
        "The US secretary of state",
        "2017-06-01",
        "person:rex-tillerson",
    ),
    (
        "The US secretary of state arrived in Beijing.",
        "The US secretary of state",
        "2019-06-01",
        "person:mike-pompeo",
    ),
    (
        "The US secretary of state arrived in Beijing.",
        "The US secretary of state",
        "2023-06-01",
        "person:antony-blinken",
    ),
    (
        "The US secretary of state arrived in Beijing.",
        "The US secretary of state",
        "2025-05-01",
        "person:marco-rubio",
    ),
    (
        "The US defense secretary visited the base.",
        "The US defense secretary",
        "2018-01-01",
        "person:jim-mattis",
    ),
    (
        "The US defense secretary visited the base.",
        "The US defense secretary",
        "2022-01-01",
        "person:lloyd-austin",
    ),
    (
        "The US defense secretary visited the base.",
        "The US defense secretary",
        "2025-06-01",
        "person:pete-hegseth",
    ),
    (
        "Pakistan's prime minister chaired the cabinet meeting.",
        "Pakistan's prime minister",
        "2019-06-01",
        "person:imran-khan",
    ),
    (
        "Pakistan's prime minister chaired the cabinet meeting.",
        "Pakistan's prime minister",
        "2023-01-01",
        "person:shehbaz-sharif",
    ),
    (
        "South Korea's president visited the border.",
        "South Korea's president",
        "2018-06-01",
        "person:moon-jae-in",
    ),
    (
        "South Korea's president visited the border.",
        "South Korea's president",
        "2023-06-01",
        "person:yoon-suk-yeol",
    ),
    (
        "The North Korean leader watched the missile test.",
        "The North Korean leader",
        "2020-06-01",
        "person:kim-jong-un",
    ),
    (
        "The Chinese premier opened the trade fair.",
        "The Chinese premier",
        "2019-06-01",
        "person:li-keqiang",
    ),
    (
        "The Chinese premier opened the trade fair.",
        "The Chinese premier",
        "2024-06-01",
        "person:li-qiang",
    ),
    (
        "The Israeli defence minister toured the north.",
        "The Israeli defence minister",
        "2023-05-01",
        "person:yoav-gallant",
    ),
    (
        "The Israeli defence minister toured the north.",
        "The Israeli defence minister",
        "2025-03-01",
        "person:israel-katz",
    ),
    (
        "The UN secretary-general urged restraint.",
        "The UN secretary-general",
        "2015-06-01",
        "person:ban-ki-moon",
    ),
    (
        "The UN secretary-general urged restraint.",
        "The UN secretary-general",
        "2020-06-01",
        "person:antonio-guterres",
    ),
    (
        "The Turkish president hosted the talks.",
        "The Turkish president",
        "2020-06-01",
        "person:recep-tayyip-erdogan",
    ),
    (
        "The Canadian prime minister answered questions.",
        "The Canadian prime minister",
        "2017-06-01",
        "person:justin-trudeau",
    ),
    (
        "The Canadian prime minister answered questions.",
        "The Canadian prime minister",
        "2025-06-01",
        "person:mark-carney",
    ),
    (
        "The Italian prime minister met union leaders.",
        "The Italian prime minister",
        "2019-06-01",
        "person:giuseppe-conte",
    ),
    (
        "The Italian prime minister met union leaders.",
        "The Italian prime minister",
        "2023-06-01",
        "person:giorgia-meloni",
    ),
    (
        "The British foreign secretary landed in Cairo.",
        "The British foreign secretary",
        "2024-03-01",
        "person:david-cameron",
    ),
    (
        "Britain's chancellor presented the budget.",
        "Britain's chancellor",
        "2023-03-15",
        "person:jeremy-hunt",
    ),
    (
        "The German foreign minister met her counterpart.",
        "The German foreign minister",
        "2022-06-01",
        "person:annalena-baerbock",
    ),
    (
        "Brazil's president criticised the decision.",
        "Brazil's president",
        "2020-06-01",
        "person:jair-bolsonaro",
    ),
    (
        "Brazil's president criticised the decision.",
        "Brazil's president",
        "2024-06-01",
        "person:luiz-inacio-lula-da-silva",
    ),
    (
        "The president of Russia signed the decree.",
        "The president of Russia",
        "2023-06-01",
        "person:vladimir-putin",
    ),
    (
        "NATO's secretary general visited Kyiv.",
        "NATO's secretary general",
        "2022-06-01",
        "person:jens-stoltenberg",
    ),
    (
        "NATO's secretary general visited Kyiv.",
        "NATO's secretary general",
        "2025-06-01",
        "person:mark-rutte",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "day", "expected"), CASES)
def test_role_resolves_at_date(nlp, stage, text, phrase, day, expected) -> None:  # type: ignore[no-untyped-def]
    actor = actor_for(actors_of(nlp, stage, text, day), text, phrase)
    assert actor is not None, f"no actor for {phrase!r}"
    assert actor.kb == expected


def test_role_set_is_large_enough() -> None:
    assert len(CASES) >= 40


def test_former_office_holder_is_elite(nlp, stage) -> None:  # type: ignore[no-untyped-def]
    text = "Former British Defence Secretary Ben Wallace criticised the plan."
    actor = actor_for(actors_of(nlp, stage, text, "2025-08-07"), text, "Ben Wallace")
    assert actor is not None and actor.cameo == "GBRELI"


def test_deputy_title_is_not_the_minister(nlp, stage) -> None:  # type: ignore[no-untyped-def]
    text = "Russia's deputy foreign minister said the talks were over."
    actor = actor_for(actors_of(nlp, stage, text, "2024-05-01"), text, "deputy foreign minister")
    assert actor is None or actor.kb != "person:sergei-lavrov"


def test_codes_follow_the_date(nlp, stage) -> None:  # type: ignore[no-untyped-def]
    text = "Boris Johnson spoke to reporters."
    in_office = actor_for(actors_of(nlp, stage, text, "2021-01-01"), text, "Boris Johnson")
    after = actor_for(actors_of(nlp, stage, text, "2024-01-01"), text, "Boris Johnson")
    assert in_office is not None and in_office.cameo == "GBRGOV"
    assert after is not None and after.cameo == "GBRELI"
