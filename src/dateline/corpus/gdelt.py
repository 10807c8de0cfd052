"""The GDELT 2.0 event table layout: 61 tab-separated columns, no header.

The mapping from our fields is documented column by column in docs/corpus.md.
Columns we have no data for (ethnic and religion codes, tone, geocoding beyond a
place name) are left empty rather than guessed. Merged events (``event_clusters``)
are exported by default, so NumMentions/NumSources/NumArticles mean what they mean
in GDELT; raw events can be exported with 1 in each.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator, Mapping
from typing import IO, Any

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

# Rows come from this query (merged events joined to their representative report).
CLUSTERS_SQL = """
SELECT c.cluster_id AS global_id, coalesce(c.event_date, c.first_report) AS day,
       c.actor1_code, c.actor1_name, c.actor1_country, c.actor1_sector,
       c.actor2_code, c.actor2_name, c.actor2_country, c.actor2_sector,
       e.is_lead, c.cameo, c.quad_class, c.goldstein,
       c.num_mentions, c.num_sources, c.num_articles,
       c.location_name, c.location_country, a.ingested_at,
       coalesce(e.url, a.url, e.outlet) AS source_url
FROM (SELECT * FROM event_clusters WHERE {where}) c
JOIN events e ON e.event_uid = c.representative_uid
JOIN articles a ON a.article_key = e.article_key
ORDER BY day, global_id
"""
EVENTS_SQL = """
SELECT e.event_uid AS global_id, coalesce(e.event_date, e.published) AS day,
       e.actor1_code, e.actor1_name, e.actor1_country, e.actor1_sector,
       e.actor2_code, e.actor2_name, e.actor2_country, e.actor2_sector,
       e.is_lead, e.cameo, e.quad_class, e.goldstein,
       1 AS num_mentions, 1 AS num_sources, 1 AS num_articles,
       e.location_name, e.location_country, a.ingested_at,
       coalesce(e.url, a.url, e.outlet) AS source_url
FROM (SELECT * FROM events WHERE {where}) e
JOIN articles a ON a.article_key = e.article_key
ORDER BY day, global_id
"""


def _text(value: Any) -> str:
    if value is None:
        return ""
    # Tabs and newlines would break the layout; GDELT fields never contain them.
    return " ".join(str(value).split())


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value == value else ""  # NaN -> empty
    return str(value)


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return str(country.name) if country else None


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def _actor(code: Any, name: Any, country: Any, sector: Any) -> list[str]:
    return [
        _text(code),
        _text(name).upper(),  # GDELT writes actor names in capitals
        _text(country),
        "",  # KnownGroupCode: dateline has no known-group codes (UNO, NATO...) yet
        "",  # EthnicCode
        "",  # Religion1Code
        "",  # Religion2Code
        _text(sector),  # Type1Code: the PLOVER/CAMEO agent code (GOV, MIL, IGO...)
        "",  # Type2Code
        "",  # Type3Code
    ]


def _action_geo(name: Any, country: Any) -> list[str]:
    if not name and not country:
        return [""] * 8
    country_name = _country_name(country)
    # Type 1 (COUNTRY) only when the place is the country itself; we do not know
    # whether another name is a city or a province, so its type stays empty.
    is_country = country_name is not None and (
        not name or str(name).lower() == country_name.lower()
    )
    full = name or country_name or ""
    if name and country_name and not is_country:
        full = f"{name}, {country_name}"
    # ActionGeo_CountryCode is FIPS 10-4 in GDELT; we carry ISO alpha-3, so it stays empty.
    return ["1" if is_country else "", _text(full), "", "", "", "", "", ""]


def gdelt_row(row: Mapping[str, Any]) -> list[str]:
    """The 61 fields of one event (a row of ``CLUSTERS_SQL`` or ``EVENTS_SQL``)."""
    day = _day(row.get("day"))
    cameo = _text(row.get("cameo"))
    added = row.get("ingested_at")
    fields = [
        _number(row.get("global_id")),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else "",
        *_actor(
            row.get("actor1_code"),
            row.get("actor1_name"),
            row.get("actor1_country"),
            row.get("actor1_sector"),
        ),
        *_actor(
            row.get("actor2_code"),
            row.get("actor2_name"),
            row.get("actor2_country"),
            row.get("actor2_sector"),
        ),
        "" if row.get("is_lead") is None else str(int(bool(row.get("is_lead")))),
        cameo,
        cameo[:3],
        cameo[:2],
        _number(row.get("quad_class")),
        _number(row.get("goldstein")),
        _number(row.get("num_mentions")),
        _number(row.get("num_sources")),
        _number(row.get("num_articles")),
        "",  # AvgTone: dateline does not score tone
        *([""] * 8),  # Actor1Geo_*: actors are not geocoded
        *([""] * 8),  # Actor2Geo_*
        *_action_geo(row.get("location_name"), row.get("location_country")),
        added.strftime("%Y%m%d%H%M%S") if isinstance(added, dt.datetime) else "",
        _text(row.get("source_url")),
    ]
    return fields


def write_gdelt(rows: Iterator[Mapping[str, Any]], stream: IO[str]) -> int:
    writer = csv.writer(
        stream,
        delimiter="\t",
        lineterminator="\n",
        quoting=csv.QUOTE_NONE,
        escapechar=None,
        quotechar=None,
    )
    count = 0
    for row in rows:
        writer.writerow(gdelt_row(row))
        count += 1
    return count
