"""The dashboard in a real browser: uvicorn on a free localhost port, Debian's
Chromium driven by Playwright (no browser download), a store built from our own
articles. Skips when Chromium or Playwright is not installed."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.api import ServeOptions, create_app
from dateline.corpus import CorpusStore, ingest_articles
from dateline.corpus.sources import read_articles
from dateline.pipeline import Pipeline

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "api" / "articles.jsonl"
PASTED = (
    "Iranian President Masoud Pezeshkian met Russian President Vladimir Putin in Moscow "
    'on Friday. "We will deepen our cooperation," Putin said.'
)

if not (os.path.exists(CHROMIUM) and shutil.which(CHROMIUM)):
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[str]:
    import uvicorn

    db = tmp_path_factory.mktemp("dashboard") / "events.duckdb"
    with CorpusStore(db) as store:
        ingest_articles(
            store,
            read_articles([ARTICLES]),
            lambda: lambda articles: (r.to_dict() for r in pipeline.pipe(articles)),
        )
    # A socket bound here, handed to uvicorn: no race for the free port.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(ServeOptions(db=db))
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        tab = context.new_page()
        tab.set_default_timeout(30_000)
        tab.requested = []  # every URL the page asks for
        tab.errors = []
        tab.on("request", lambda request: tab.requested.append(request.url))
        tab.on("pageerror", lambda error: tab.errors.append(str(error)))
        tab.goto(server + "/")
        tab.wait_for_selector("body[data-ready=true]")
        yield tab
        context.close()
        browser.close()


def test_chart_tables_and_offline(page: Any, server: str, tmp_path: Path) -> None:
    bars = page.locator("#chart svg rect.bar")
    assert bars.count() > 0
    counts = [int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count())]
    assert sum(counts) == 12  # merged events, all dated
    assert "ASSAULT" in page.locator("#legend").inner_text()
    rows = page.locator("#events tbody tr")
    assert rows.count() == 12
    assert "RUS → UKR" in page.locator("#dyads").inner_text()
    assert page.locator("#actors tbody tr").count() == 10
    assert "12 articles" in page.locator("#corpus-info").inner_text()
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    page.select_option("#series-by", "quad")
    page.wait_for_selector("#chart rect.bar[data-series=quad4]")
    assert "material conflict" in page.locator("#legend").inner_text()
    quads = page.locator("#chart rect.bar")
    assert sum(int(quads.nth(i).get_attribute("data-count")) for i in range(quads.count())) == 12
    page.select_option("#series-by", "type")
    page.wait_for_selector("#chart rect.bar[data-series=ASSAULT]")
    # Offline: nothing was fetched from anywhere but this server (data: URLs aside).
    foreign = [u for u in page.requested if not u.startswith((server, "data:"))]
    assert foreign == [] and page.errors == []


def test_filter_then_click_event_shows_highlighted_evidence(page: Any) -> None:
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 3")
    row = page.locator("#events tbody tr", has_text="Kharkiv on Monday").filter(
        has=page.locator("td.num", has_text="2")
    )
    event_id = row.first.get_attribute("data-id")
    row.first.click()
    page.wait_for_selector(f"#detail[data-loaded='{event_id}'] .report mark.evidence")
    detail = page.locator("#detail .report")
    assert detail.count() == 2  # two outlets, one event
    # The evidence is highlighted in pieces where the trigger and quote nest inside it.
    evidence = "".join(detail.first.locator("mark.evidence").all_inner_texts())
    assert "Russian forces shelled the Ukrainian city of Kharkiv" in evidence
    assert detail.locator(".trigger").first.inner_text() == "shelled"
    assert "Ukrainian officials" in detail.locator(".quote-box").first.inner_text()
    assert detail.locator(".speaker").first.inner_text() == "Ukrainian officials"
    page.click("#reset-filters")
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 12")


def test_paste_an_article_and_see_its_event(page: Any) -> None:
    page.fill("#paste", PASTED)
    page.fill("#extract-form input[name=published]", "2025-01-17")
    page.click("#extract-button")
    page.wait_for_selector("#extract-result .record")
    result = page.locator("#extract-result")
    assert int(result.locator(".record").get_attribute("data-events")) >= 1
    assert "CONSULT" in result.locator(".extracted-events").inner_text()
    assert "2025-01-17" in result.inner_text()  # "on Friday" resolved
    assert "Vladimir Putin" in result.inner_text()
    assert "We will deepen our cooperation" in result.locator(".quote-box").inner_text()
    assert result.locator("mark.evidence").count() >= 1
    assert page.errors == []
