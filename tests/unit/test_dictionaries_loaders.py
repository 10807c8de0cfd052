"""PETRARCH dictionary loaders on small dictionaries written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.dictionaries.model import CodeRange, DictActor
from dateline.dictionaries.patterns import compile_pattern
from dateline.dictionaries.petrarch import (
    detect_kind,
    load_actors,
    load_agents,
    load_dictionaries,
    load_discards,
    load_verbs,
    parse_code_range,
    parse_petrarch_date,
    plural_of,
    regular_verb_forms,
)
from dateline.dictionaries.reader import LoadReport, content_lines

pytestmark = pytest.mark.unit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "dictionaries"


def test_comments_of_every_kind_are_dropped() -> None:
    text = "A [X] # note\n<!-- one -->\n<!-- two\nthree -->\n# four\nB<!-- five -->[Y]\n\n"
    assert [line for _, line in content_lines(text)] == ["A [X]", "B[Y]"]


def test_petrarch_dates_follow_petrarchs_century_rule() -> None:
    assert parse_petrarch_date("950601") == dt.date(1995, 6, 1)
    assert parse_petrarch_date("110101") == dt.date(2011, 1, 1)
    assert parse_petrarch_date("20121109") == dt.date(2012, 11, 9)
    assert parse_petrarch_date("2012110") is None
    assert parse_petrarch_date("20121341") is None


def test_code_ranges_open_closed_and_strict_bounds() -> None:
    assert parse_code_range("USA") == CodeRange("USA")
    before = parse_code_range("HOB <950601")
    after = parse_code_range("HOBREB > 990816")
    both = parse_code_range("HOBGOV 19950601 - 19990815")
    assert before == CodeRange("HOB", end=dt.date(1995, 5, 31))
    assert after == CodeRange("HOBREB", start=dt.date(1999, 8, 17))
    assert both == CodeRange("HOBGOV", dt.date(1995, 6, 1), dt.date(1999, 8, 15))
    assert parse_code_range("X 1995-06") is None


def test_actor_blocks_synonyms_and_dated_codes() -> None:
    report = LoadReport()
    actors = load_actors(FIXTURES / "sample.actors.txt", report)
    by_name = {a.names[0]: a for a in actors}
    assert by_name["valdoria"].names == ["valdoria", "valdorian", "the valdorian republic"]
    marta = by_name["marta ossenfeld"]
    assert "president ossenfeld" in marta.names
    assert marta.code_on(dt.date(2005, 3, 1)) == "VALELI"
    assert marta.code_on(dt.date(2012, 3, 1)) == "VALGOV"
    assert marta.code_on(dt.date(2016, 1, 1)) == "VALELI"
    old = by_name["old name"]
    assert old.names == ["old name", "formerly old name"]
    assert old.code_on(dt.date(1985, 1, 1)) == "---"
    assert old.code_on(dt.date(1995, 1, 1)) == "OLD"
    assert by_name["the twin cities"].code_on(None) == "VAL/KES"


def test_malformed_actor_lines_are_counted_not_fatal() -> None:
    report = LoadReport()
    actors = load_actors(FIXTURES / "sample.actors.txt", report)
    assert len(actors) == 6
    assert report.skipped >= 2
    assert any("malformed code" in w for w in report.warnings)
    assert any("unbalanced" in w for w in report.warnings)


def test_earlier_dated_code_overrides_a_later_overlapping_one() -> None:
    actor = DictActor(
        names=["x"],
        codes=[
            CodeRange("DEF"),
            CodeRange("SPECIAL", dt.date(2010, 1, 9), dt.date(2010, 1, 12)),
            CodeRange("MIL", dt.date(2008, 1, 20), dt.date(2012, 11, 9)),
        ],
    )
    assert actor.code_on(dt.date(2010, 1, 10)) == "SPECIAL"
    assert actor.code_on(dt.date(2010, 1, 13)) == "MIL"
    assert actor.code_on(dt.date(2001, 1, 1)) == "DEF"


def test_agents_plurals_markers_and_prefix_codes() -> None:
    report = LoadReport()
    agents = load_agents(FIXTURES / "sample.agents.txt", report)
    by_noun = {a.noun: a for a in agents}
    assert by_noun["police"].plural == []
    assert by_noun["soldier"].plural == ["soldiers"]
    assert by_noun["foreign ministry"].plural == ["foreign ministries"]
    assert by_noun["goose"].plural == ["geese"]
    assert {"chairman", "chairwomen"} <= set(by_noun)
    assert by_noun["chairman"].code == "LEG"
    assert by_noun["charity worker"].prefix and by_noun["charity worker"].code == "NGO"
    assert not by_noun["soldier"].prefix
    assert report.skipped == 1


def test_verb_blocks_forms_multiwords_and_patterns() -> None:
    report = LoadReport()
    entries = load_verbs(FIXTURES / "sample.verbs.txt", report)
    verbs = {(e.verb, e.synset): e for e in entries if e.pattern is None}
    meet = verbs[("meet", "MEET")]
    assert meet.code == "031:031" and "met" in meet.forms
    assert verbs[("donate", "GRANT")].code == "070"
    assert "donated" in verbs[("donate", "GRANT")].forms
    seal = verbs[("seal", "CLOSE")]
    assert seal.particles == ["off"] and seal.code == "192" and "sealed" in seal.forms
    patterns = [e for e in entries if e.pattern is not None]
    assert {p.code for p in patterns if p.synset == "RESTORE"} == {"064", "---"}
    assert entries[0].word_sets["&CURRENCY"][:2] == ["dollars", "gold coins"]
    # "&TIETYPES_" asks for no plurals.
    assert entries[0].word_sets["&TIETYPES"] == ["trade", "cultural"]
    assert report.skipped == 3


def test_patterns_compile_with_synsets_and_connectors() -> None:
    entries = load_verbs(FIXTURES / "sample.verbs.txt")
    compiled = {
        e.pattern: compile_pattern(e, n) for n, e in enumerate(entries) if e.pattern is not None
    }
    ties = compiled["- * FULL &TIETYPES TIES"]
    assert ties is not None
    assert [el.kind for el in ties.after] == ["word", "word", "word"]
    assert ("cultural",) in ties.after[1].phrases
    aid = compiled["- * HUMANITARIAN_AID TO +"]
    assert aid is not None
    assert [el.tight for el in aid.after] == [False, True, False, False]
    assert aid.after[-1].kind == "target"
    assert compiled["- % *"] is not None and compiled["- % *"].before[0].kind == "compound"


def test_discards_story_and_whole_word() -> None:
    discards = {d.phrase: d for d in load_discards(FIXTURES / "sample.discards.txt")}
    assert discards["chess olympiad"].story and discards["chess olympiad"].whole_word
    assert not discards["football match"].story
    assert not discards["football match"].whole_word


def test_detect_kind_by_name_and_by_content(tmp_path: Path) -> None:
    assert detect_kind(FIXTURES / "sample.actors.txt") == "actors"
    anonymous = tmp_path / "mine.txt"
    for name in ("actors", "agents", "verbs", "discards"):
        anonymous.write_text((FIXTURES / f"sample.{name}.txt").read_text())
        assert detect_kind(anonymous) == name
    prose = tmp_path / "notes.txt"
    prose.write_text("This is a paragraph of prose that is not any kind of dictionary at all.\n")
    assert detect_kind(prose) == "unknown"
    assert detect_kind(tmp_path / "data.jsonl") == "unknown"


def test_load_dictionaries_merges_a_folder() -> None:
    merged = load_dictionaries([FIXTURES])
    assert merged.actors and merged.agents and merged.verbs and merged.discards
    assert {r.kind for r in merged.reports} == {"actors", "agents", "verbs", "discards"}
    assert merged.skipped >= 6


def test_inflection_helpers() -> None:
    assert plural_of("foreign ministry") == "foreign ministries"
    assert plural_of("police") == "polices"
    assert plural_of("troops") == "troops"
    assert regular_verb_forms("restore") == ["restore", "restores", "restored", "restoring"]
    assert regular_verb_forms("rely")[1:3] == ["relies", "relied"]


def test_unreadable_bytes_do_not_raise(tmp_path: Path) -> None:
    path = tmp_path / "odd.actors.txt"
    path.write_bytes(b"CAF\xe9_NATION [CAF]\n\x00\x00 [\n")
    report = LoadReport()
    actors = load_actors(path, report)
    assert actors[0].codes[0].code == "CAF"
    assert report.skipped == 1


def test_garbage_never_raises(tmp_path: Path) -> None:
    junk = "\n".join(
        [
            "[[[]]] ]][[",
            "--- [",
            "- * [",
            "&",
            "+",
            "{ } [~] !X! = ",
            "!UNDEFINED! [~GOV]",
            "<!-- never closed",
        ]
    )
    path = tmp_path / "junk.txt"
    path.write_text("A [B]\n" + junk)
    for loader in (load_actors, load_agents, load_verbs, load_discards):
        report = LoadReport()
        loader(path, report)
        assert report.lines > 0


def test_braced_notes_are_not_part_of_actor_names(tmp_path: Path) -> None:
    path = tmp_path / "notes.actors.txt"
    path.write_text("HARBOUR_TOWN {capital until 1990} [HBT]\n+PORT_HARBOUR\n")
    actors = load_actors(path)
    assert actors[0].names == ["harbour town", "port harbour"]
    assert actors[0].comment == "capital until 1990"


def test_a_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    merged = load_dictionaries([tmp_path / "absent.actors.txt"])
    assert not merged
    assert merged.reports[0].warnings and "could not read" in merged.reports[0].warnings[0]
