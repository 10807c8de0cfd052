"""Bad input, each kind: the article gets a clear coded error and the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.ingest.article import Article
from dateline.ingest.readers import read_inputs
from dateline.pipeline import Pipeline
from dateline.record import Record

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
GOOD = (
    "The prime minister said on Tuesday that the government would meet union leaders "
    "next week to end the strike at the country's ports."
)
PAGE = (FIXTURES / "page.html").read_text(encoding="utf-8")


def _run(pipeline: Pipeline, paths: list[Path]) -> list[Record]:
    return list(pipeline.pipe(read_inputs(paths)))


def _code(record: Record) -> str | None:
    return record.error.split(":", 1)[0] if record.error else None


def _sandwich(pipeline: Pipeline, tmp_path: Path, bad: Path) -> Record:
    """Run good, bad, good; the good ones around it must come through untouched."""
    before, after = tmp_path / "0_before.txt", tmp_path / "9_after.txt"
    before.write_text(GOOD, encoding="utf-8")
    after.write_text(GOOD, encoding="utf-8")
    records = _run(pipeline, [before, bad, after])
    assert len(records) == 3
    assert [r.error for r in (records[0], records[2])] == [None, None]
    assert records[0].text == records[2].text == GOOD
    return records[1]


def test_empty_file(pipeline: Pipeline, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert _code(_sandwich(pipeline, tmp_path, bad)) == "E001"


def test_whitespace_only_file(pipeline: Pipeline, tmp_path: Path) -> None:
    bad = tmp_path / "blank.txt"
    bad.write_text("\n\n   \n", encoding="utf-8")
    assert _code(_sandwich(pipeline, tmp_path, bad)) == "E001"


def test_binary_file(pipeline: Pipeline, tmp_path: Path) -> None:
    bad = tmp_path / "photo.txt"  # a misnamed image: the bytes decide
    bad.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    record = _sandwich(pipeline, tmp_path, bad)
    assert _code(record) == "E002"
    assert record.text == ""


def test_random_bytes_without_extension(pipeline: Pipeline, tmp_path: Path) -> None:
    bad = tmp_path / "blob"
    bad.write_bytes(bytes((i * 7919) % 256 for i in range(5000)))
    assert _code(_sandwich(pipeline, tmp_path, bad)) == "E002"


def test_20_mb_text_file_is_refused_whole(pipeline: Pipeline, tmp_path: Path) -> None:
    bad = tmp_path / "huge.txt"
    sentence = "The council met again on Monday and said it would vote next month. "
    bad.write_text(sentence * (20_000_000 // len(sentence)), encoding="utf-8")
    record = _sandwich(pipeline, tmp_path, bad)
    assert _code(record) == "E003"
    assert "nothing was truncated" in (record.error or "")
    assert record.timexes == [] and record.events == []


def test_20_mb_text_given_as_string(pipeline: Pipeline) -> None:
    big = "Talks resumed. " * (20_000_000 // 15)
    records = list(pipeline.pipe([Article(id="big", text=big), Article(id="ok", text=GOOD)]))
    assert _code(records[0]) == "E003"
    assert f"{len(big):,}" in (records[0].error or "")  # says how long it really is
    assert records[1].error is None


def test_latin1_file_is_decoded_and_processed(pipeline: Pipeline, tmp_path: Path) -> None:
    text = (
        "Jürgen Müller, the mayor of Köln, said on Friday that the café owners on the "
        "Domplatz would receive aid next month, and José Núñez of the trade union agreed."
    )
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(text.encode("latin-1"))
    record = _sandwich(pipeline, tmp_path, bad)
    assert record.error is None
    assert record.text == text
    assert record.language == "en"


def test_truncated_html_keeps_what_is_there(pipeline: Pipeline, tmp_path: Path) -> None:
    cut = PAGE[: PAGE.index("Negotiators met")]  # cut inside the second paragraph
    bad = tmp_path / "cut.html"
    bad.write_text(cut, encoding="utf-8")
    record = _sandwich(pipeline, tmp_path, bad)
    assert record.error is None
    assert record.text_basis == "html"
    assert "three coastal states signed an agreement" in record.text
    assert "<" not in record.text


def test_html_cut_before_the_body_is_e006(pipeline: Pipeline, tmp_path: Path) -> None:
    bad = tmp_path / "head_only.html"
    bad.write_text(PAGE[: PAGE.index("<body>")], encoding="utf-8")
    assert _code(_sandwich(pipeline, tmp_path, bad)) == "E006"


def test_broken_feed(pipeline: Pipeline, tmp_path: Path) -> None:
    record = _sandwich(pipeline, tmp_path, FIXTURES / "feed_broken.xml")
    assert _code(record) == "E007"


def test_jsonl_line_that_is_not_json(pipeline: Pipeline, tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        json.dumps({"id": "first", "text": GOOD})
        + "\n{not json at all\n"
        + json.dumps({"id": "third", "text": GOOD})
        + "\n",
        encoding="utf-8",
    )
    records = _run(pipeline, [dump])
    assert [r.id for r in records] == ["first", f"{dump}:2", "third"]
    assert [_code(r) for r in records] == [None, "E008", None]


@pytest.mark.parametrize("name", ["lang_de.txt", "lang_fr.txt", "lang_es.txt", "lang_ru.txt"])
def test_article_in_another_language(pipeline: Pipeline, tmp_path: Path, name: str) -> None:
    record = _sandwich(pipeline, tmp_path, FIXTURES / name)
    assert _code(record) == "E004"
    assert record.language != "en"


def test_bad_published_date_in_jsonl(pipeline: Pipeline, tmp_path: Path) -> None:
    dump = tmp_path / "dates.jsonl"
    dump.write_text(json.dumps({"id": "d", "text": GOOD, "published": "soon-ish"}) + "\n")
    [record] = _run(pipeline, [dump])
    assert _code(record) == "E009"


def test_lone_surrogate_is_e005_not_a_parse_failure(pipeline: Pipeline, tmp_path: Path) -> None:
    # JSON may escape half of a UTF-16 pair; the text is not valid Unicode, like
    # undecodable bytes, and the neighbours in the batch come through untouched.
    dump = tmp_path / "surrogate.jsonl"
    bad = {"id": "bad", "text": GOOD.replace("Tuesday", "Tues\ud800day")}
    lines = [{"id": "a", "text": GOOD}, bad, {"id": "b", "text": GOOD}]
    dump.write_text("".join(json.dumps(obj) + "\n" for obj in lines), encoding="utf-8")
    records = _run(pipeline, [dump])
    assert [_code(r) for r in records] == [None, "E005", None]
    assert "U+D800" in (records[1].error or "")
    [record] = pipeline.pipe([Article(id="s", text="\udfff" + GOOD)])
    assert _code(record) == "E005"
