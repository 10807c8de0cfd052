"""Readers: every input format becomes Articles; bad input becomes an error, never an exception."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dateline.ingest.decode import decode_bytes
from dateline.ingest.formats import detect_format, sniff_format
from dateline.ingest.html import fragment_to_text
from dateline.ingest.readers import count_articles, iter_files, read_inputs, read_stream

pytestmark = pytest.mark.unit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
STORY = "The finance minister said on Monday that talks with the unions would resume next week."


def _only(paths: list[Path], **kwargs: object) -> list:  # type: ignore[type-arg]
    return list(read_inputs(paths, **kwargs))  # type: ignore[arg-type]


def test_text_file_is_read_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("  " + STORY + "\n\n", encoding="utf-8")
    [article] = _only([path])
    assert article.id == str(path)
    assert article.text == "  " + STORY + "\n\n"  # offsets refer to the text as given
    assert article.error is None
    assert article.published_basis == "none"


def test_caller_date_overrides_and_is_marked(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    [article] = _only([path], published="2024-05-06")
    assert (article.published, article.published_basis) == ("2024-05-06", "caller")


def test_latin1_bytes_are_decoded_not_mangled() -> None:
    text = "The café owner in Zürich, José Muñoz, said the naïve plan would fail."
    decoded = decode_bytes(text.encode("latin-1"))
    assert decoded.text == text
    assert decoded.error is None


def test_cp1251_russian_is_not_read_as_latin() -> None:
    text = "Министр заявил во вторник, что переговоры будут продолжены в следующем месяце."
    assert decode_bytes(text.encode("cp1251")).text == text


def test_utf16_with_bom_is_text_not_binary() -> None:
    assert decode_bytes(STORY.encode("utf-16")).text == STORY


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), b"%PDF-1.7\n" + bytes(200), bytes(range(256)) * 4],
)
def test_binary_bytes_give_e002(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert decoded.text is None
    assert decoded.error is not None and decoded.error.startswith("E002")


def test_jsonl_lines_bad_line_and_missing_text(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": STORY, "published": "2024-02-03", "source": "Wire"}),
        "{this is not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": "a5", "title": "no body"}),
        json.dumps({"text": STORY, "url_or_origin": "https://x.example/1"}),
        json.dumps({"id": 7, "html": "<html><body><p>" + STORY + "</p></body></html>"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = _only([path])
    assert [a.id for a in articles] == ["a1", f"{path}:2", f"{path}:4", "a5", f"{path}:6", "7"]
    first = articles[0]
    assert (first.published, first.published_basis, first.source) == ("2024-02-03", "jsonl", "Wire")
    assert articles[1].error is not None and articles[1].error.startswith("E008")
    assert articles[2].error is not None and articles[2].error.startswith("E008")
    assert articles[3].error is not None and articles[3].error.startswith("E011")
    assert articles[4].url == "https://x.example/1"
    assert articles[5].html is not None and articles[5].text is None
    assert count_articles([path]) == 6


def test_jsonl_caller_date_wins(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"id": "a", "text": STORY, "published": "2020-01-01"}) + "\n")
    [article] = _only([path], published="2021-12-31")
    assert (article.published, article.published_basis) == ("2021-12-31", "caller")


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "x", "text": STORY}, 3]), encoding="utf-8")
    articles = _only([path])
    assert [a.id for a in articles] == ["x", f"{path}:2"]
    assert articles[1].error is not None and articles[1].error.startswith("E008")


def test_rss_feed_content_and_summary() -> None:
    articles = _only([FIXTURES / "feed_rss.xml"])
    assert len(articles) == 2
    full, teaser = articles
    assert full.text_basis == "feed-content"
    assert full.text is not None and full.text.startswith("Farm ministers from Ruritania")
    assert "<p>" not in full.text and "track()" not in full.text  # markup and scripts stripped
    assert "\u201cWe have no time to lose,\u201d" in full.text  # entities decoded
    assert (full.published, full.published_basis) == ("2025-02-04", "feed")
    assert full.source == "Harbor Daily World"
    assert full.url == "https://harbor-daily.example/world/grain-talks"
    assert teaser.text_basis == "feed-summary"
    assert teaser.text == (
        "Dock workers in the capital ended a three-day strike on Wednesday after the "
        "government promised higher wages."
    )
    assert teaser.id == "https://harbor-daily.example/world/port-strike"  # link when no guid


def test_atom_feed() -> None:
    [entry] = _only([FIXTURES / "feed_atom.xml"])
    assert entry.id == "urn:example:capital-bulletin:budget-vote"
    assert entry.text_basis == "feed-content"
    assert entry.text is not None and entry.text.startswith("Parliament delayed its vote")
    assert entry.published == "2024-11-19"  # published, not the later update
    assert entry.title == "Parliament delays vote on budget"


def test_broken_feed_is_one_e007_error() -> None:
    [article] = _only([FIXTURES / "feed_broken.xml"])
    assert article.id.endswith("feed_broken.xml")
    assert article.error is not None and article.error.startswith("E007")


def test_bozo_feed_with_entries_is_read() -> None:
    # An unescaped "&" makes the XML malformed; feedparser still recovers the item.
    [article] = _only([FIXTURES / "feed_bozo.xml"])
    assert article.error is None
    assert article.text is not None and article.text.startswith("The governor accused")


def test_directory_is_walked_recursively_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for name in ("b/2.txt", "a/deep/1.txt", "z.txt", "a/0.txt", ".hidden.txt"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path)]
    assert names == ["a/0.txt", "a/deep/1.txt", "b/2.txt", "z.txt"]
    assert count_articles([tmp_path]) == 4


def test_missing_or_oversized_files_become_errors(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5000)
    articles = _only([tmp_path / "gone.txt", big], max_chars=1000)
    assert articles[0].error is not None and articles[0].error.startswith("E010")
    assert articles[1].error is not None and articles[1].error.startswith("E003")
    assert "nothing was truncated" in articles[1].error


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"<html>", "text"),  # the extension decides when it is clear
        ("a.html", b"plain", "html"),
        ("a.xml", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        ("a.xml", b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        ("story", b"<!DOCTYPE html><html>", "html"),
        ("story", b'{"id": 1, "text": "x"}\n', "jsonl"),
        ("story", b"Plain words.", "text"),
        ("a.rss", b"", "feed"),
    ],
)
def test_format_detection(name: str, head: bytes, expected: str) -> None:
    assert detect_format(Path(name), head) == expected


def test_sniff_ignores_bom_and_space() -> None:
    assert sniff_format(b"\xef\xbb\xbf  \n<feed xmlns='http://www.w3.org/2005/Atom'>") == "feed"


def test_fragment_to_text_keeps_paragraphs_and_drops_markup() -> None:
    html = "<p>One <b>bold</b> claim.</p><!-- note --><div>Two &amp; three<br>Four</div>"
    assert fragment_to_text(html) == "One bold claim.\n\nTwo & three\n\nFour"


def test_stream_jsonl_longer_than_the_sniffed_head() -> None:
    # Lines cross the 4 KB head read off to sniff the format: none may be split or merged.
    rows = [json.dumps({"id": f"r{i}", "text": STORY * (i % 7 + 1)}) for i in range(60)]
    stream = io.BytesIO("\n".join(rows).encode("utf-8"))
    articles = list(read_stream(stream, origin="<stdin>"))
    assert [a.id for a in articles] == [f"r{i}" for i in range(60)]
    assert all(a.error is None for a in articles)


def test_stream_of_a_feed_is_sniffed() -> None:
    data = (FIXTURES / "feed_atom.xml").read_bytes()
    [article] = list(read_stream(io.BytesIO(data), origin="<stdin>"))
    assert article.text_basis == "feed-content"


def test_absurdly_deep_markup_keeps_its_words() -> None:
    deep = "<div>" * 5000 + "Deep &amp; nested." + "</div>" * 5000
    assert fragment_to_text(deep) == "Deep & nested."


def test_a_reader_crash_becomes_that_files_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.ingest import readers

    def exploding(path: Path, **_: object) -> object:
        if path.name == "bad.txt":
            raise RuntimeError("boom")
        return iter([readers.Article(id=str(path), text=STORY)])

    for name in ("a.txt", "bad.txt", "c.txt"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    monkeypatch.setattr(readers, "read_file", exploding)
    articles = list(readers.read_inputs([tmp_path]))
    assert [Path(a.id).name for a in articles] == ["a.txt", "bad.txt", "c.txt"]
    assert articles[1].error is not None and "RuntimeError: boom" in articles[1].error


def test_html_in_its_declared_legacy_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Café talks</title></head>'
        "<body><p>The mayor of Málaga met union leaders on Monday.</p></body></html>"
    )
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("latin-1"))
    [article] = _only([path])
    assert article.error is None
    assert article.html is not None and "Málaga" in article.html


def test_a_big_page_is_judged_by_its_text_not_its_bytes(tmp_path: Path) -> None:
    # 3,000 bytes of script around a short story: above 4 x max_chars bytes, but the
    # article text itself is short, so the page must be read.
    page = f"<html><body><script>{'x' * 3000}</script><p>{STORY}</p></body></html>"
    path = tmp_path / "heavy.html"
    path.write_text(page, encoding="utf-8")
    [article] = _only([path], max_chars=500)
    assert article.error is None and article.html == page
