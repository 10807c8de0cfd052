"""The HTTP API (``dateline.api``) on a small store built from our own articles.

The store is built once per module with the real pipeline through the corpus
ingest API, so the corpus endpoints are checked against what ``dateline query``
and ``dateline aggregate`` compute on the same file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dateline.api import ServeOptions, create_app
from dateline.cli.main import register_subcommands
from dateline.corpus import CorpusStore, Filters, aggregate, ingest_articles, query
from dateline.corpus.sources import read_articles
from dateline.pipeline import Pipeline, PipelineOptions

pytestmark = pytest.mark.integration

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "api" / "articles.jsonl"
GOOD = (
    "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on "
    "Tuesday to discuss military aid to Ukraine."
)


def build_store(path: Path, pipeline: Pipeline) -> Path:
    """Our fixture articles through the pipeline into a DuckDB corpus at ``path``."""
    with CorpusStore(path) as store:
        stats = ingest_articles(
            store,
            read_articles([ARTICLES]),
            lambda: lambda articles: (r.to_dict() for r in pipeline.pipe(articles)),
        )
    assert stats.stored == 12 and stats.failed == 0
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "events.duckdb", pipeline)


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ServeOptions(db=db))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def small_client() -> Iterator[TestClient]:
    """No corpus, and small limits so the limit paths are cheap to reach."""
    options = ServeOptions(
        pipeline=PipelineOptions(max_chars=2_000), max_body_bytes=50_000, max_batch=4
    )
    with TestClient(create_app(options)) as test_client:
        yield test_client


def _code(record: dict[str, Any]) -> str | None:
    error = record.get("error")
    return error.split(":", 1)[0] if error else None


# -- meta ------------------------------------------------------------------------------
def test_health_openapi_and_no_cdn_docs(client: TestClient) -> None:
    health = client.get("/health").json()
    assert health["status"] == "ok"
    assert health["corpus"]["articles"] == 12
    spec = client.get("/openapi.json").json()
    for path in ("/v1/extract", "/v1/extract/batch", "/v1/events", "/v1/events/{event_id}"):
        assert path in spec["paths"]
    for path in ("/v1/articles/{article_id}", "/v1/aggregates", "/v1/actors", "/v1/stats"):
        assert path in spec["paths"]
    # FastAPI's Swagger/ReDoc pages pull scripts from a CDN: they must be off.
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_dashboard_is_served_with_local_assets_only(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/static/dashboard.js" in page.text and "/static/dashboard.css" in page.text
    for asset in ("dashboard.js", "dashboard.css"):
        response = client.get(f"/static/{asset}")
        assert response.status_code == 200
        # No external URL anywhere but the SVG namespace name (not fetched).
        text = response.text.replace("http://www.w3.org/2000/svg", "")
        assert "http://" not in text and "https://" not in text, asset
    assert "https://" not in page.text and "http://" not in page.text


# -- corpus endpoints ----------------------------------------------------------------------
def test_events_match_the_query_function(client: TestClient, db: Path) -> None:
    data = client.get("/v1/events", params={"limit": 100}).json()
    with CorpusStore(db, read_only=True) as store:
        expected = query(store)
    assert data["total"] == len(expected) == len(data["items"]) == 13
    assert [item["id"] for item in data["items"]] == [str(u) for u in expected["event_uid"]]
    # 63-bit ids travel as strings (JavaScript numbers would round them).
    assert all(isinstance(item["event_uid"], str) for item in data["items"])


@pytest.mark.parametrize(
    ("params", "filters"),
    [
        ({"type": "ASSAULT"}, Filters(type="ASSAULT")),
        ({"country": "ukr"}, Filters(country="UKR")),
        ({"status": "planned,threatened"}, Filters(status="planned,threatened")),
        ({"actor": "United States"}, Filters(actor="United States")),
        (
            {"since": "2025-03-10", "until": "2025-03-31"},
            Filters(since="2025-03-10", until="2025-03-31"),
        ),
        ({"text": "sanctions"}, Filters(text="sanctions")),
        (
            {"since": "2025-04-01", "date": "published"},
            Filters(since="2025-04-01", date_field="published"),
        ),
    ],
)
def test_event_filters_are_the_cli_filters(
    client: TestClient, db: Path, params: dict[str, str], filters: Filters
) -> None:
    for merged in (False, True):
        data = client.get("/v1/events", params={**params, "merged": merged}).json()
        with CorpusStore(db, read_only=True) as store:
            expected = query(store, filters, table="clusters" if merged else "events")
        assert data["total"] == len(expected) > 0, (params, merged)
        assert len(data["items"]) == len(expected)


def test_events_paging(client: TestClient) -> None:
    whole = client.get("/v1/events", params={"merged": True}).json()["items"]
    pages = [
        client.get("/v1/events", params={"merged": True, "limit": 5, "offset": o}).json()
        for o in (0, 5, 10)
    ]
    assert [p["total"] for p in pages] == [12, 12, 12]
    assert [i["id"] for p in pages for i in p["items"]] == [i["id"] for i in whole]
    newest = client.get("/v1/events", params={"merged": True, "order": "desc"}).json()["items"]
    dates = [i["event_date"] for i in newest]
    assert dates == sorted(dates, reverse=True) and {i["id"] for i in newest} == {
        i["id"] for i in whole
    }


@pytest.mark.parametrize(
    "params",
    [
        {"since": "yesterday-ish"},
        {"until": "2025-13-45"},
        {"limit": 0},
        {"limit": 100_000},
        {"offset": -1},
        {"date": "ingested"},
        {"merged": "perhaps"},
        {"order": "random"},
    ],
)
def test_bad_query_parameters_are_422(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/v1/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "E422" and body["message"].startswith("The request is not valid")


def test_event_detail_has_reports_evidence_and_quote(client: TestClient) -> None:
    items = client.get("/v1/events", params={"merged": True, "type": "ASSAULT"}).json()["items"]
    wire = next(i for i in items if i["num_articles"] == 2)
    detail = client.get(f"/v1/events/{wire['id']}").json()
    assert detail["merged"] and detail["event"]["type"] == "ASSAULT"
    assert {r["outlet"] for r in detail["reports"]} == {"Wire One", "Herald Three"}
    for report in detail["reports"]:
        article = client.get(f"/v1/articles/{report['article_key']}").json()
        text = article["text"]
        assert text[report["evidence_start"] : report["evidence_end"]] == report["evidence_text"]
        assert text[report["trigger_start"] : report["trigger_end"]] == report["trigger_text"]
        assert report["quote_text"] and report["speaker_name"] == "Ukrainian officials"
        assert article["record"]["schema"] == "dateline/1"
    # A report's own uid finds the same merged event.
    other = detail["reports"][-1]["event_uid"]
    assert client.get(f"/v1/events/{other}").json()["id"] == detail["id"]


def test_unknown_ids_are_404(client: TestClient) -> None:
    for url in ("/v1/events/12345", "/v1/events/not-a-number", "/v1/events/99999999999999999999"):
        response = client.get(url)
        assert response.status_code == 404 and response.json()["error"] == "E404"
    assert client.get("/v1/articles/nope").status_code == 404


def test_article_by_key_or_id(client: TestClient) -> None:
    by_id = client.get("/v1/articles/summit-plan").json()
    assert by_id["source"] == "Herald Three" and "Budapest" in by_id["text"]
    by_key = client.get(f"/v1/articles/{by_id['article_key']}").json()
    assert by_key["record"] == by_id["record"]
    assert by_key["record"]["text"] == by_key["text"]


def test_aggregates_are_the_aggregate_function(client: TestClient, db: Path) -> None:
    data = client.get(
        "/v1/aggregates", params={"period": "week", "by_type": True, "merged": True}
    ).json()
    with CorpusStore(db, read_only=True) as store:
        expected = aggregate(store, period="week", dyad="none", by_type=True, table="clusters")
    assert len(data["rows"]) == len(expected)
    assert sum(r["events"] for r in data["rows"]) == int(expected["events"].sum())
    assert all(r["period"] >= "2025-03-03" for r in data["rows"])  # Mondays, as ISO dates
    dyads = client.get(
        "/v1/aggregates", params={"period": "all", "dyad": "country", "limit": 3}
    ).json()["rows"]
    assert len(dyads) == 3 and (dyads[0]["actor1"], dyads[0]["actor2"]) == ("RUS", "UKR")
    assert dyads[0]["events"] >= dyads[1]["events"] >= dyads[2]["events"]
    assert dyads[0]["goldstein_mean"] < 0 and dyads[0]["quad4"] == dyads[0]["events"]
    monthly = client.get("/v1/aggregates", params={"period": "month", "date": "published"})
    assert [r["period"] for r in monthly.json()["rows"]] == ["2025-03-01", "2025-04-01"]
    assert client.get("/v1/aggregates", params={"period": "fortnight"}).status_code == 422


def test_actors_and_stats(client: TestClient) -> None:
    actors = client.get("/v1/actors", params={"limit": 3}).json()["rows"]
    assert len(actors) == 3 and actors[0]["events"] >= actors[-1]["events"]
    only_assaults = client.get("/v1/actors", params={"type": "SANCTION"}).json()["rows"]
    assert {a["actor"] for a in only_assaults} == {"United States", "Iran", "India"}
    stats = client.get("/v1/stats").json()
    assert stats["counts"]["articles"] == 12 and stats["counts"]["event_clusters"] == 12
    assert stats["first_published"] == "2025-03-04" and stats["last_published"] == "2025-04-16"
    assert {t["type"] for t in stats["types"]} >= {"ASSAULT", "SANCTION", "CONSULT"}
    assert any(c["country"] == "UKR" for c in stats["countries"])


# -- extraction ------------------------------------------------------------------------------
def test_extract_one_article(client: TestClient) -> None:
    response = client.post(
        "/v1/extract",
        json={"id": "paris", "text": GOOD, "published": "2025-03-12", "source": "Herald"},
    )
    assert response.status_code == 200
    record = response.json()
    assert record["schema"] == "dateline/1" and record["id"] == "paris"
    assert record["error"] is None and record["published"] == "2025-03-12"
    event = record["events"][0]
    assert event["type"] == "CONSULT" and event["date"]["value"] == "2025-03-11"
    assert {a["name"] for a in record["actors"]} >= {"Emmanuel Macron", "Olaf Scholz"}


def test_extract_html(client: TestClient) -> None:
    page = (
        "<html><head><title>Talks</title></head>"
        f"<body><article><p>{GOOD}</p></article></body></html>"
    )
    record = client.post("/v1/extract", json={"html": page, "published": "2025-03-12"}).json()
    assert record["text_basis"] == "html" and "Macron" in record["text"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"text": ""}, "E001"),
        ({"text": "   \n\t "}, "E001"),
        ({"text": "\x00\x01\x02\x03binary\x00\x00" * 20}, "E002"),
        ({"text": GOOD * 30}, "E003"),  # above small_client's 2,000 characters
        (
            {
                "text": "Der Bundeskanzler traf sich am Dienstag mit dem französischen "
                "Präsidenten in Paris, um über die Hilfe für die Ukraine zu sprechen."
            },
            "E004",
        ),
        ({"text": GOOD, "published": "the day after"}, "E009"),
        ({"html": "<html><body></body></html>"}, "E006"),
    ],
)
def test_bad_articles_get_a_coded_error_record(
    small_client: TestClient, body: dict[str, str], code: str
) -> None:
    response = small_client.post("/v1/extract", json={"id": "bad", **body})
    assert response.status_code == 200
    record = response.json()
    assert _code(record) == code and record["id"] == "bad"
    assert record["events"] == []


@pytest.mark.parametrize(
    ("content", "status"),
    [
        (b"{not json", 422),
        (b'{"text": "unterminated', 422),
        (b"", 422),
        (b"\x80\x81\x00 binary \x9c\x00", 400),  # not UTF-8
        (b"\xff\xfe\x00\x01 binary \x9c\x00", 422),  # a UTF-16 BOM, then garbage
        (b"{}", 422),
        (b'{"text": 5}', 422),
        (b'{"text": "a", "html": "<p>a</p>"}', 422),
        (b'["a list"]', 422),
        (b'{"text": "ok", "id": "' + b"x" * 600 + b'"}', 422),
    ],
)
def test_malformed_bodies_are_client_errors(
    small_client: TestClient, content: bytes, status: int
) -> None:
    response = small_client.post(
        "/v1/extract", content=content, headers={"content-type": "application/json"}
    )
    assert response.status_code == status
    body = response.json()
    assert body["error"] == f"E{status}" and body["detail"]


def test_missing_text_says_which_field(small_client: TestClient) -> None:
    body = small_client.post("/v1/extract", json={"title": "no text"}).json()
    assert "E011" in body["message"] and "text" in body["message"]


def test_huge_body_is_refused_before_parsing(small_client: TestClient) -> None:
    big = json.dumps({"text": "word " * 20_000}).encode()
    response = small_client.post(
        "/v1/extract", content=big, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413 and response.json()["error"] == "E413"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while reading
        yield b'{"text": "'
        for _ in range(100):
            yield b"word " * 200
        yield b'"}'

    response = small_client.post(
        "/v1/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_lone_surrogate_and_control_characters_do_not_break_the_response(
    client: TestClient,
) -> None:
    content = json.dumps({"text": "x\ud800 " + GOOD}).encode()  # \ud800 escaped: valid JSON
    response = client.post(
        "/v1/extract", content=content, headers={"content-type": "application/json"}
    )
    assert response.status_code == 200
    record = response.json()
    # The record echoes the text; whether spaCy can parse it is the pipeline's
    # business (today: a coded E900 for this article), never a 500 here.
    assert record["id"] == "doc"
    assert record["error"] is None or record["error"][:1] == "E"
    assert client.post("/v1/extract", json={"text": GOOD + "\x07\x1b"}).status_code == 200


def test_batch_keeps_order_and_isolates_bad_items(small_client: TestClient) -> None:
    items = [{"id": "good", "text": GOOD}, 42, {"id": "no-text"}, {"id": "empty", "text": ""}]
    response = small_client.post("/v1/extract/batch", json=items)
    assert response.status_code == 200
    records = response.json()
    assert [r["id"] for r in records] == ["good", "item-1", "no-text", "empty"]
    assert [_code(r) for r in records] == [None, "E008", "E011", "E001"]
    assert records[0]["events"]


def test_batch_limits(small_client: TestClient) -> None:
    too_many = small_client.post("/v1/extract/batch", json=[{"text": GOOD}] * 5)
    assert too_many.status_code == 413 and "at most 4" in too_many.json()["detail"]
    assert small_client.post("/v1/extract/batch", json={"text": GOOD}).status_code == 422
    assert small_client.post("/v1/extract/batch", json=[]).json() == []


def test_without_a_corpus_only_extraction_is_served(small_client: TestClient) -> None:
    assert small_client.get("/health").json()["corpus"] is None
    for url in ("/v1/events", "/v1/stats", "/v1/aggregates", "/v1/actors", "/v1/events/1"):
        response = small_client.get(url)
        assert response.status_code == 503 and "--db" in response.json()["detail"]
    assert small_client.get("/").status_code == 200


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        register_subcommands(), ["serve", "--db", str(tmp_path / "nope.duckdb")]
    )
    assert result.exit_code == 2
    assert "no such database" in result.stderr and "dateline ingest" in result.stderr


def test_serve_refuses_a_file_that_is_not_a_corpus(tmp_path: Path) -> None:
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_text("not a database", encoding="utf-8")
    for path, words in ((other, "not a dateline corpus"), (garbage, "cannot open")):
        result = CliRunner().invoke(register_subcommands(), ["serve", "--db", str(path)])
        assert result.exit_code == 2 and words in result.stderr, result.stderr
