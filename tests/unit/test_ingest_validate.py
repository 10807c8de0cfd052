"""Text checks before NLP: empty, binary, too long, and not English."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.ingest.validate import check_text, detect_language

pytestmark = pytest.mark.unit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("lang_de.txt", "de"),
        ("lang_fr.txt", "fr"),
        ("lang_es.txt", "es"),
        ("lang_it.txt", "it"),
        ("lang_ru.txt", "und"),
        ("lang_sv.txt", "sv"),
        ("lang_id.txt", "id"),
        ("lang_pl.txt", "und"),  # no Polish list: known by its letters
        ("lang_tr.txt", "und"),
    ],
)
def test_foreign_news_is_flagged(name: str, language: str) -> None:
    error, detected = check_text(_fixture(name), max_chars=100_000)
    assert error is not None and error.startswith("E004")
    assert detected == language


@pytest.mark.parametrize("name", ["lang_en_names.txt", "lang_en_table.txt"])
def test_english_with_many_names_or_figures_passes(name: str) -> None:
    assert check_text(_fixture(name), max_chars=100_000) == (None, "en")


@pytest.mark.parametrize(
    "headline",
    [
        "Putin, Xi meet in Beijing",
        "Macron, Scholz, Sánchez and Meloni agree",
        "Zelenskiy: Kyiv will not cede territory",
        "OPEC+ cuts output",
    ],
)
def test_short_english_headlines_pass(headline: str) -> None:
    assert check_text(headline, max_chars=1000) == (None, "en")


def test_short_text_in_other_script_is_flagged() -> None:
    assert detect_language("Путин встретился с Си")[0] == "und"
    assert detect_language("Путин встретился с Си")[1] == "mostly Cyrillic script"


def test_english_quoting_a_foreign_phrase_passes() -> None:
    text = (
        'The protesters chanted "Wir sind das Volk" outside the ministry on Saturday, and '
        "police said the demonstration, which drew about 3,000 people, ended peacefully."
    )
    assert check_text(text, max_chars=10_000) == (None, "en")


def test_empty_binary_and_too_long() -> None:
    assert (check_text(" \n\t", max_chars=10)[0] or "").startswith("E001")
    assert (check_text("abc\x00\x01\x02def", max_chars=100)[0] or "").startswith("E002")
    error = check_text("word " * 30, max_chars=100)[0] or ""
    assert error.startswith("E003") and "150" in error and "nothing was truncated" in error


def test_a_short_table_with_accented_names_is_english() -> None:
    table = (
        "Nestlé 3.40 vs 2.10\nSociété Générale 1.15 vs 0.98\nL'Oréal 7.02 vs 6.88\n"
        "Zürich Re 4.10 vs 3.95\nCrédit Agricole 0.87 vs 0.91\nPernod 2.2 vs 2.0"
    )
    assert check_text(table, max_chars=10_000) == (None, "en")
