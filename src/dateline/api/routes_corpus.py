"""Read-only corpus endpoints: the filters and functions of ``dateline query`` and
``dateline aggregate`` over HTTP."""

# No "from __future__ import annotations": FastAPI reads these annotations at run
# time, and some name values local to the router factory.

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query

from dateline.api import corpus as views
from dateline.api.corpus import CorpusReader
from dateline.api.frames import rows
from dateline.api.responses import SafeJSONResponse
from dateline.corpus.aggregate import aggregate, top_actors
from dateline.corpus.query import Filters, count, query
from dateline.corpus.store import CorpusStore

NO_CORPUS = (
    "no corpus database is open: start the server with 'dateline serve --db FILE' "
    "(only /v1/extract works without one)"
)


def filters(
    actor: Annotated[
        str | None, Query(description="Actor name (substring), CAMEO code or KB id.")
    ] = None,
    country: Annotated[
        str | None, Query(description="ISO alpha-3 of an actor or the place.")
    ] = None,
    source_country: Annotated[
        str | None, Query(description="ISO alpha-3 of the source actor.")
    ] = None,
    target_country: Annotated[
        str | None, Query(description="ISO alpha-3 of the target actor.")
    ] = None,
    type: Annotated[str | None, Query(description="PLOVER type(s), comma-separated.")] = None,
    status: Annotated[
        str | None, Query(description="occurred, planned, ... (comma-separated).")
    ] = None,
    since: Annotated[dt.date | None, Query(description="From this date, inclusive.")] = None,
    until: Annotated[dt.date | None, Query(description="Up to this date, inclusive.")] = None,
    text: Annotated[str | None, Query(description="Substring of the evidence sentence.")] = None,
    date: Annotated[
        Literal["event", "published"],
        Query(description="Filter and count by event or publication date."),
    ] = "event",
) -> Filters:
    return Filters(
        actor=actor or None,
        country=country or None,
        source_country=source_country or None,
        target_country=target_country or None,
        type=type or None,
        status=status or None,
        since=since,
        until=until,
        text=text or None,
        date_field=date,
    )


FiltersDep = Annotated[Filters, Depends(filters)]
Merged = Annotated[
    bool, Query(description="One row per merged event (many reports), not per report.")
]


def corpus_router(reader: CorpusReader | None, max_page: int) -> APIRouter:
    router = APIRouter(prefix="/v1", tags=["corpus"])

    def session() -> Iterator[CorpusStore]:
        if reader is None:
            raise HTTPException(503, NO_CORPUS)
        with reader.session() as store:
            yield store

    Store = Annotated[CorpusStore, Depends(session)]

    @router.get("/events", summary="Events matching the filters, a page at a time")
    def events(
        store: Store,
        where: FiltersDep,
        merged: Merged = False,
        limit: Annotated[int, Query(ge=1, le=max_page)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
        order: Annotated[
            Literal["asc", "desc"], Query(description="By date: oldest (asc) or newest first.")
        ] = "asc",
    ) -> SafeJSONResponse:
        table: Literal["events", "clusters"] = "clusters" if merged else "events"
        frame = query(
            store, where, table=table, limit=limit, offset=offset, newest_first=order == "desc"
        )
        items = rows(frame)
        for item in items:
            item["id"] = item.get("cluster_id" if merged else "event_uid")
        total = count(store, where, table=table)
        return SafeJSONResponse(
            {
                "total": total,
                "limit": limit,
                "offset": offset,
                "order": order,
                "merged": merged,
                "items": items,
            }
        )

    @router.get(
        "/events/{event_id}",
        summary="One event (merged) with every report, its evidence and quote",
    )
    def event(store: Store, event_id: str) -> SafeJSONResponse:
        uid = views.parse_uid(event_id)
        found = views.event_detail(store, uid) if uid is not None else None
        if found is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return SafeJSONResponse(found)

    @router.get("/articles/{article_id}", summary="An article's text and record")
    def article(store: Store, article_id: str) -> SafeJSONResponse:
        found = views.article(store, article_id)
        if found is None:
            raise HTTPException(404, f"no article with key or id {article_id!r}")
        return SafeJSONResponse(found)

    @router.get(
        "/aggregates",
        summary="Counts by period (and dyad, and type), Goldstein sums/means, QuadClass",
    )
    def aggregates(
        store: Store,
        where: FiltersDep,
        period: Annotated[
            Literal["day", "week", "month", "year", "all"],
            Query(description="Weeks start on Monday; 'all' = totals over the selection."),
        ] = "week",
        dyad: Literal["country", "actor", "code", "none"] = "none",
        by_type: bool = False,
        merged: Merged = False,
        limit: Annotated[
            int | None, Query(ge=1, description="With period=all: the largest rows only.")
        ] = None,
    ) -> SafeJSONResponse:
        frame = aggregate(
            store,
            period=period,
            dyad=dyad,
            by_type=by_type,
            table="clusters" if merged else "events",
            date_field=where.date_field,
            filters=where,
        )
        if period == "all":  # largest first; ties in a stable, readable order
            keys = [c for c in ("actor1", "actor2", "type") if c in frame.columns]
            frame = frame.sort_values(
                ["events", *keys], ascending=[False] + [True] * len(keys), na_position="last"
            )
        if limit is not None:
            frame = frame.head(limit)
        result: dict[str, Any] = {
            "period": period,
            "dyad": dyad,
            "by_type": by_type,
            "merged": merged,
            "date": where.date_field,
            "rows": rows(frame),
        }
        return SafeJSONResponse(result)

    @router.get("/actors", summary="Actors (source or target) with the most events")
    def actors(
        store: Store,
        where: FiltersDep,
        merged: Merged = False,
        limit: Annotated[int, Query(ge=1, le=1000)] = 20,
    ) -> SafeJSONResponse:
        frame = top_actors(
            store,
            since=str(where.since or ""),
            until=str(where.until or ""),
            limit=limit,
            table="clusters" if merged else "events",
            date_field=where.date_field,
            filters=where,
        )
        return SafeJSONResponse({"rows": rows(frame)})

    @router.get("/stats", summary="Table sizes, date ranges, types, statuses, countries")
    def stats(store: Store) -> SafeJSONResponse:
        return SafeJSONResponse(views.stats(store))

    return router
