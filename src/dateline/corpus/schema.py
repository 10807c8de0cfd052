"""DuckDB schema of the corpus store (documented in docs/corpus.md).

One row per article in ``articles``; the results of each article live in child tables
keyed by ``article_key`` (the content hash, see :mod:`dateline.corpus.keys`) and the
record-local id (``a1``, ``t3``, ``e2``...). Events are denormalized with their first
source and target actor (``actor1_*``, ``actor2_*``, as GDELT does) so that dyad
queries need no join. ``event_clusters`` / ``event_reports`` hold "one event, many
reports" and are rebuilt per block by :mod:`dateline.corpus.cluster`.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

TABLES: dict[str, str] = {
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (
            key VARCHAR PRIMARY KEY,
            value VARCHAR
        )""",
    "articles": """
        CREATE TABLE IF NOT EXISTS articles (
            article_key VARCHAR PRIMARY KEY,
            id VARCHAR,
            published DATE,
            source VARCHAR,
            url VARCHAR,
            title VARCHAR,
            language VARCHAR,
            text VARCHAR,
            error VARCHAR,
            published_basis VARCHAR,
            text_basis VARCHAR,
            model VARCHAR,
            dateline_version VARCHAR,
            n_actors INTEGER,
            n_timexes INTEGER,
            n_quotes INTEGER,
            n_events INTEGER,
            ingested_at TIMESTAMP,
            record VARCHAR
        )""",
    "actors": """
        CREATE TABLE IF NOT EXISTS actors (
            article_key VARCHAR,
            actor_id VARCHAR,
            name VARCHAR,
            kind VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            cameo VARCHAR,
            kb VARCHAR,
            n_mentions INTEGER
        )""",
    "mentions": """
        CREATE TABLE IF NOT EXISTS mentions (
            article_key VARCHAR,
            actor_id VARCHAR,
            start INTEGER,
            "end" INTEGER,
            text VARCHAR
        )""",
    "timexes": """
        CREATE TABLE IF NOT EXISTS timexes (
            article_key VARCHAR,
            timex_id VARCHAR,
            start INTEGER,
            "end" INTEGER,
            text VARCHAR,
            type VARCHAR,
            value VARCHAR
        )""",
    "quotes": """
        CREATE TABLE IF NOT EXISTS quotes (
            article_key VARCHAR,
            quote_id VARCHAR,
            start INTEGER,
            "end" INTEGER,
            text VARCHAR,
            kind VARCHAR,
            speaker VARCHAR,
            speaker_name VARCHAR,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_text VARCHAR,
            cue_start INTEGER,
            cue_end INTEGER,
            cue_text VARCHAR,
            via VARCHAR
        )""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            event_uid BIGINT,
            article_key VARCHAR,
            event_id VARCHAR,
            type VARCHAR,
            plover VARCHAR,
            mode VARCHAR,
            cameo VARCHAR,
            goldstein DOUBLE,
            quad_class TINYINT,
            status VARCHAR,
            date_value VARCHAR,
            date_timex VARCHAR,
            date_basis VARCHAR,
            event_date DATE,
            event_date_end DATE,
            date_granularity VARCHAR,
            published DATE,
            outlet VARCHAR,
            url VARCHAR,
            source_actors VARCHAR[],
            target_actors VARCHAR[],
            source_ids VARCHAR[],
            target_ids VARCHAR[],
            actor1_name VARCHAR,
            actor1_country VARCHAR,
            actor1_sector VARCHAR,
            actor1_code VARCHAR,
            actor1_kb VARCHAR,
            actor2_name VARCHAR,
            actor2_country VARCHAR,
            actor2_sector VARCHAR,
            actor2_code VARCHAR,
            actor2_kb VARCHAR,
            source_key VARCHAR,
            target_key VARCHAR,
            location_name VARCHAR,
            location_country VARCHAR,
            quantities VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            trigger_text VARCHAR,
            evidence_start INTEGER,
            evidence_end INTEGER,
            evidence_text VARCHAR,
            evidence_names VARCHAR[],
            evidence_tokens VARCHAR[],
            is_lead BOOLEAN,
            quote_id VARCHAR,
            confidence DOUBLE,
            block_key VARCHAR
        )""",
    "event_clusters": """
        CREATE TABLE IF NOT EXISTS event_clusters (
            cluster_id BIGINT,
            block_key VARCHAR,
            type VARCHAR,
            plover VARCHAR,
            cameo VARCHAR,
            goldstein DOUBLE,
            quad_class TINYINT,
            status VARCHAR,
            event_date DATE,
            event_date_end DATE,
            actor1_name VARCHAR,
            actor1_country VARCHAR,
            actor1_sector VARCHAR,
            actor1_code VARCHAR,
            actor1_kb VARCHAR,
            actor2_name VARCHAR,
            actor2_country VARCHAR,
            actor2_sector VARCHAR,
            actor2_code VARCHAR,
            actor2_kb VARCHAR,
            location_name VARCHAR,
            location_country VARCHAR,
            num_mentions INTEGER,
            num_articles INTEGER,
            num_sources INTEGER,
            first_report DATE,
            last_report DATE,
            representative_uid BIGINT,
            evidence_text VARCHAR,
            source_url VARCHAR
        )""",
    "event_reports": """
        CREATE TABLE IF NOT EXISTS event_reports (
            cluster_id BIGINT,
            event_uid BIGINT,
            article_key VARCHAR,
            block_key VARCHAR
        )""",
    # Blocks whose clusters are out of date: written in the same transaction as the
    # events, cleared in the same transaction as the new clusters, so a crash between
    # the two leaves work to do rather than wrong clusters.
    "dirty_blocks": """
        CREATE TABLE IF NOT EXISTS dirty_blocks (
            block_key VARCHAR PRIMARY KEY
        )""",
}

# Child tables in insertion order; ``articles`` goes last in a batch so that an
# article row exists only once all of its children are written (same transaction
# anyway, but this keeps a crash-free order for readers of partial files).
CHILD_TABLES: tuple[str, ...] = ("actors", "mentions", "timexes", "quotes", "events")
