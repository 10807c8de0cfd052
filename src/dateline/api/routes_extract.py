"""``POST /v1/extract`` and ``POST /v1/extract/batch``: articles in, records out.

Content problems (empty, binary, too long, not English, unparsable date or HTML)
are the article's coded ``error`` in a 200 record, exactly as in ``dateline
extract``; a body that is not an article at all is a 422.
"""

# No "from __future__ import annotations": FastAPI reads these annotations at run
# time, and some name values local to the router factory.

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException
from fastapi.concurrency import run_in_threadpool

from dateline.api.extraction import Extractor, parse_item
from dateline.api.models import EXAMPLE, ArticleIn
from dateline.api.responses import SafeJSONResponse


def extract_router(extractor: Extractor, max_batch: int) -> APIRouter:
    router = APIRouter(prefix="/v1", tags=["extract"])

    @router.post(
        "/extract",
        summary="Extract the dateline/1 record of one article",
        response_class=SafeJSONResponse,
    )
    async def extract_one(
        article: Annotated[ArticleIn, Body(openapi_examples={"text": {"value": EXAMPLE}})],
    ) -> SafeJSONResponse:
        records = await run_in_threadpool(extractor.extract, [article])
        return SafeJSONResponse(records[0])

    @router.post(
        "/extract/batch",
        summary=f"Extract records of up to {max_batch} articles, in order",
        response_class=SafeJSONResponse,
    )
    async def extract_batch(
        articles: Annotated[
            list[Any],
            Body(
                description="Articles as for /v1/extract. An item that is not an article "
                "gets an error record in its place; the others are extracted.",
                openapi_examples={"two": {"value": [EXAMPLE, {"id": "empty", "text": ""}]}},
            ),
        ],
    ) -> SafeJSONResponse:
        if len(articles) > max_batch:
            raise HTTPException(
                413, f"{len(articles)} articles in one batch; at most {max_batch} are accepted"
            )
        items = [parse_item(value, position) for position, value in enumerate(articles)]
        return SafeJSONResponse(await run_in_threadpool(extractor.extract, items))

    return router
