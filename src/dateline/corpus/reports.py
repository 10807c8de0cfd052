"""Rebuild ``event_clusters`` and ``event_reports`` for the blocks marked dirty.

Only blocks that received new events are re-clustered, so an incremental ingest
costs in proportion to what it adds. Everything happens in one transaction together
with clearing ``dirty_blocks``: a crash leaves the previous clusters and the work to
redo, never half-written clusters.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa

from dateline.corpus.cluster import Mention, cluster_block
from dateline.corpus.flatten import SYMMETRIC_TYPES
from dateline.corpus.store import CorpusStore

_MENTION_COLUMNS = (
    "event_uid, article_key, block_key, event_date, event_date_end, date_granularity, "
    "location_name, location_country, source_ids, target_ids, evidence_text, "
    "evidence_names, evidence_tokens, published, type, source_key, target_key, "
    "actor1_sector, actor2_sector"
)

_CLUSTER_SQL = """
WITH stats AS (
    SELECT r.cluster_id,
           count(*) AS num_mentions,
           count(DISTINCT e.article_key) AS num_articles,
           count(DISTINCT coalesce(e.outlet, e.article_key)) AS num_sources,
           min(e.published) AS first_report,
           max(e.published) AS last_report,
           arg_min(e.event_uid, strftime(coalesce(e.published, DATE '9999-12-31'), '%Y%m%d')
                   || lpad(CAST(e.event_uid AS VARCHAR), 20, '0')) AS representative_uid
    FROM event_reports r JOIN events e USING (event_uid)
    WHERE r.block_key IN (SELECT block_key FROM dirty_blocks)
    GROUP BY r.cluster_id
)
INSERT INTO event_clusters BY NAME
SELECT s.cluster_id, e.block_key, e.type, e.plover, e.cameo, e.goldstein, e.quad_class,
       e.status, e.event_date, e.event_date_end,
       e.actor1_name, e.actor1_country, e.actor1_sector, e.actor1_code, e.actor1_kb,
       e.actor2_name, e.actor2_country, e.actor2_sector, e.actor2_code, e.actor2_kb,
       e.location_name, e.location_country,
       s.num_mentions, s.num_articles, s.num_sources, s.first_report, s.last_report,
       s.representative_uid, e.evidence_text, e.url AS source_url
FROM stats s JOIN events e ON e.event_uid = s.representative_uid
"""


def _norm(value: Any) -> str | None:
    return " ".join(str(value).lower().split()) if value else None


def _identified(side_key: str | None) -> bool:
    """A side blocked by country/sector or KB id, not by a bare name (or nobody)."""
    if not side_key or side_key == "-":
        return False
    return not any(part.startswith("nm:") for part in side_key.split("|"))


def _mention(row: dict[str, Any]) -> Mention:
    sides = (tuple(row["source_ids"] or ()), tuple(row["target_ids"] or ()))
    sectors = (row["actor1_sector"], row["actor2_sector"])
    if row["type"] in SYMMETRIC_TYPES and row["source_key"] > row["target_key"]:
        sides = (sides[1], sides[0])  # the order the block key uses
        sectors = (sectors[1], sectors[0])
    return Mention(
        uid=int(row["event_uid"]),
        article_key=row["article_key"],
        start=row["event_date"],
        end=row["event_date_end"],
        inferred=row["date_granularity"] == "published",
        location=_norm(row["location_name"]),
        location_country=row["location_country"],
        source_ids=sides[0],
        target_ids=sides[1],
        tokens=frozenset(row["evidence_tokens"] or ()),
        names=frozenset(row["evidence_names"] or ()),
        order=(row["published"] or dt.date.max,),
        identified=_identified(row["source_key"]) and _identified(row["target_key"]),
        source_sector=sectors[0],
        target_sector=sectors[1],
    )


def rebuild_dirty_clusters(store: CorpusStore) -> int:
    """Re-cluster every dirty block; return the number of blocks processed."""
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        n_blocks = store.scalar("SELECT count(*) FROM dirty_blocks")
        if n_blocks == 0:
            con.execute("COMMIT")
            return 0
        table = con.sql(
            f"SELECT {_MENTION_COLUMNS} FROM events "
            "WHERE block_key IN (SELECT block_key FROM dirty_blocks) ORDER BY block_key"
        ).to_arrow_table()
        by_block: dict[str, list[Mention]] = {}
        for row in table.to_pylist():
            by_block.setdefault(row["block_key"], []).append(_mention(row))
        cluster_ids: list[int] = []
        uids: list[int] = []
        keys: list[str] = []
        blocks: list[str] = []
        for block, mentions in by_block.items():
            for members in cluster_block(mentions):
                cluster_id = min(m.uid for m in members)
                for member in members:
                    cluster_ids.append(cluster_id)
                    uids.append(member.uid)
                    keys.append(member.article_key)
                    blocks.append(block)
        dirty = "WHERE block_key IN (SELECT block_key FROM dirty_blocks)"
        con.execute(f"DELETE FROM event_reports {dirty}")
        con.execute(f"DELETE FROM event_clusters {dirty}")
        reports = pa.table(  # noqa: F841  (read by DuckDB's replacement scan)
            {
                "cluster_id": pa.array(cluster_ids, type=pa.int64()),
                "event_uid": pa.array(uids, type=pa.int64()),
                "article_key": pa.array(keys, type=pa.string()),
                "block_key": pa.array(blocks, type=pa.string()),
            }
        )
        con.execute("INSERT INTO event_reports BY NAME SELECT * FROM reports")
        con.execute(_CLUSTER_SQL)
        con.execute("DELETE FROM dirty_blocks")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return n_blocks
