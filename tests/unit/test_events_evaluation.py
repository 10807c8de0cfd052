"""Helpers of the event evaluation: gold formats, country codes, triples, splits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluation.events import (
    country_of_code,
    detect_format,
    in_split,
    load_conflibert,
    load_plover,
    macro_f1,
    triples,
)

pytestmark = pytest.mark.unit


def test_country_of_code() -> None:
    assert country_of_code("RUS.GOV") == "RUS"
    assert country_of_code("USAGOV") == "USA"
    assert country_of_code("JAP") == "JPN"
    assert country_of_code("IMG") is None  # transnational groups have no country
    assert country_of_code("IGO") is None
    assert country_of_code(None) is None


def test_triples_expand_compound_actors_and_drop_self_targets() -> None:
    assert triples("CONSULT", ["USA", "RUS"], []) == {
        ("CONSULT", "USA", None),
        ("CONSULT", "RUS", None),
    }
    assert triples("ASSAULT", ["UKR"], ["UKR"]) == {("ASSAULT", "UKR", None)}


def test_splits_are_complementary() -> None:
    texts = [f"sentence number {i}" for i in range(50)]
    dev = {t for t in texts if in_split(t, "dev")}
    test = {t for t in texts if in_split(t, "test")}
    assert dev and test and not dev & test and dev | test == set(texts)


def test_detects_formats_and_maps_old_plover_names(tmp_path: Path) -> None:
    plover = tmp_path / "gsr.jsonl"
    row = {
        "id": "x1",
        "text": "Ruritania condemned Freedonia.",
        "event": "DISAPPROVE",
        "eventText": "condemned",
        "source": [{"actorText": "Ruritania", "code": "RUR"}],
        "target": "",
    }
    plover.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert detect_format(plover) == "plover"
    [sentence] = load_plover(plover, None)
    assert sentence.kinds == {"ACCUSE"}
    tsv = tmp_path / "classes.tsv"
    tsv.write_text("Troops shelled the town.\t4\nThe minister spoke.\t0\n", encoding="utf-8")
    assert detect_format(tsv) == "conflibert"
    assert [s.label for s in load_conflibert(tsv, None)] == [4, 0]


def test_macro_f1() -> None:
    score, per = macro_f1([0, 1, 1, 2], [0, 1, 2, 2], range(3))
    assert per[0].f1 == 1.0
    assert score == pytest.approx((1.0 + 2 / 3 + 2 / 3) / 3)
