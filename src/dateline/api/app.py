"""The FastAPI application: extraction, corpus endpoints, health, dashboard.

FastAPI's ``/docs`` and ``/redoc`` pages load their scripts from a CDN, which
dateline never uses (it must work offline), so they are off; the OpenAPI document
is served at ``/openapi.json`` for any local tool to read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from dateline import __version__
from dateline.api import errors
from dateline.api.corpus import CorpusReader
from dateline.api.extraction import Extractor
from dateline.api.limits import BodySizeLimit
from dateline.api.options import ServeOptions
from dateline.api.responses import SafeJSONResponse
from dateline.api.routes_corpus import corpus_router
from dateline.api.routes_extract import extract_router

STATIC = Path(__file__).resolve().parent / "static"


def create_app(options: ServeOptions | None = None) -> FastAPI:
    """The app for ``options``; opens the corpus (read-only) now, so a bad path fails here."""
    options = options or ServeOptions()
    reader = CorpusReader(options.db) if options.db is not None else None
    extractor = Extractor(options.pipeline)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if options.preload:
            extractor.pipeline()
        yield
        if reader is not None:
            reader.close()

    app = FastAPI(
        title="dateline",
        version=__version__,
        summary="Political event data from news reports: actors, dates, quotes and events.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        default_response_class=SafeJSONResponse,
        lifespan=lifespan,
    )
    app.state.options = options
    app.state.reader = reader
    app.state.extractor = extractor
    app.add_middleware(BodySizeLimit, max_bytes=options.max_body_bytes)
    errors.install(app)
    app.include_router(extract_router(extractor, options.max_batch))
    app.include_router(corpus_router(reader, options.max_page))

    @app.get("/health", tags=["meta"], summary="Liveness, version, corpus and limits")
    def health() -> dict[str, Any]:
        corpus: dict[str, Any] | None = None
        if reader is not None:
            with reader.session() as store:
                corpus = {
                    "path": reader.path,
                    "articles": store.scalar("SELECT count(*) FROM articles"),
                    "events": store.scalar("SELECT count(*) FROM events"),
                }
        return {
            "status": "ok",
            "version": __version__,
            "corpus": corpus,
            "pipeline_loaded": extractor.loaded,
            "limits": {
                "max_body_bytes": options.max_body_bytes,
                "max_batch": options.max_batch,
                "max_chars": options.pipeline.max_chars,
                "max_page": options.max_page,
            },
        }

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
