"""Records -> columns of the store's tables (bulk insert through Arrow, not row by row).

Works on the JSON form of a record (``Record.to_dict()`` or a parsed JSONL line), so
records produced by any version of the pipeline, or written by other tools, can be
stored. Missing optional fields become NULL; a malformed part of a record is skipped
rather than failing the batch.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dateline.corpus.dates import timex_interval
from dateline.corpus.keys import event_uid, normalize_published
from dateline.corpus.similarity import blank_out, content_tokens, other_names, used_as_place

Columns = dict[str, list[Any]]
Row = Mapping[str, Any]

# Statuses that describe the same kind of reality: "is fighting" and "fought" can be
# reports of one event; a planned or a negated one never merges with them.
STATUS_GROUP = {"occurred": "real", "ongoing": "real"}


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _mapping(data: Any) -> Mapping[str, Any]:
    return data if isinstance(data, Mapping) else {}


def _span(data: Any) -> tuple[int | None, int | None, str | None]:
    if not isinstance(data, Mapping):
        return None, None, None
    return data.get("start"), data.get("end"), data.get("text")


def actor_identity(actor: Row) -> str | None:
    """What tells two same-country, same-sector actors apart: KB id, else person name."""
    if actor.get("kb"):
        return f"kb:{actor['kb']}"
    # Only a person's name identifies: groups and unlinked organizations are named
    # by the phrase that mentions them ("12 people", "Kyiv", "the rescuers").
    if actor.get("kind") == "person" and actor.get("name"):
        return "nm:" + " ".join(str(actor["name"]).lower().split())
    return None


def actor_block_key(actor: Row) -> str:
    """Coarse actor key used to block events: the country, else sector, KB id or name.

    Not country *and* sector: reports of one event often name a side differently
    ("Kyiv" in one, "12 people in Kyiv" in another), so sectors are compared inside
    the block instead, where only two different known sectors keep reports apart.
    """
    country, sector = actor.get("country"), actor.get("sector")
    if country:
        return str(country)
    if sector:
        return f"-.{sector}"
    if actor.get("kb"):
        return f"kb:{actor['kb']}"
    return "nm:" + " ".join(str(actor.get("name") or "?").lower().split())


def side_key(actors: list[Row]) -> str:
    return "|".join(sorted({actor_block_key(a) for a in actors})) or "-"


# Types whose two sides usually play the same role: "A met B" and "B held talks with
# A" are one meeting, "A and B signed a deal" one agreement; the dyad is unordered.
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})


def block_key(event_type: str, status: str, source_key: str, target_key: str) -> str:
    sides = (source_key, target_key)
    if event_type in SYMMETRIC_TYPES:
        sides = (min(sides), max(sides))
    return "/".join((event_type, STATUS_GROUP.get(status, status), *sides))


@dataclass(frozen=True, slots=True)
class Masks:
    """Sorted spans of an article blanked in its evidence sentences (see ``add``)."""

    for_tokens: list[tuple[int, int]]
    for_names: list[tuple[int, int]]


class Flattener:
    """Accumulates the rows of many records, then hands out one column dict per table."""

    def __init__(self) -> None:
        self.tables: dict[str, Columns] = defaultdict(lambda: defaultdict(list))

    def _add(self, table: str, **values: Any) -> None:
        columns = self.tables[table]
        for name, value in values.items():
            columns[name].append(value)

    def add(self, key: str, record: Row, *, ingested_at: dt.datetime) -> None:
        text = record.get("text") or ""
        published_text = normalize_published(record.get("published")) or None
        published = _date(published_text)
        actors = [a for a in record.get("actors") or [] if isinstance(a, Mapping)]
        by_id = {a.get("id"): a for a in actors}
        # Spans blanked before comparing evidence sentences: actor mentions (the block
        # already guarantees the actors agree, so their names would only inflate the
        # similarity) and dates (compared on their own). For "other names", an actor
        # mention used as a place ("detained at Ankara airport", Ankara being also a
        # metonym of Turkey) stays: places tell look-alike events apart.
        dates = [
            (t["start"], t["end"])
            for t in record.get("timexes") or []
            if isinstance(t, Mapping)
            and isinstance(t.get("start"), int)
            and isinstance(t.get("end"), int)
        ]
        mention_spans = [
            (m["start"], m["end"], used_as_place(text, m["start"], m.get("text"), a.get("name")))
            for a in actors
            for m in a.get("mentions") or []
            if isinstance(m, Mapping)
            and isinstance(m.get("start"), int)
            and isinstance(m.get("end"), int)
        ]
        masks = Masks(
            for_tokens=sorted(dates + [(m[0], m[1]) for m in mention_spans]),
            for_names=sorted(dates + [(m[0], m[1]) for m in mention_spans if not m[2]]),
        )
        model = record.get("model")
        model_name = (
            f"{model.get('name')}=={model.get('version')}" if isinstance(model, Mapping) else None
        )
        self._add(
            "articles",
            article_key=key,
            id=record.get("id"),
            published=published,
            source=record.get("source"),
            url=record.get("url"),
            title=record.get("title"),
            language=record.get("language"),
            text=text,
            error=record.get("error"),
            published_basis=record.get("published_basis"),
            text_basis=record.get("text_basis"),
            model=model_name,
            dateline_version=record.get("dateline_version"),
            n_actors=len(actors),
            n_timexes=len(record.get("timexes") or []),
            n_quotes=len(record.get("quotes") or []),
            n_events=len(record.get("events") or []),
            ingested_at=ingested_at,
            record=json.dumps(record, ensure_ascii=False, default=str),
        )
        for actor in actors:
            mentions = [m for m in actor.get("mentions") or [] if isinstance(m, Mapping)]
            self._add(
                "actors",
                article_key=key,
                actor_id=actor.get("id"),
                name=actor.get("name"),
                kind=actor.get("kind"),
                country=actor.get("country"),
                sector=actor.get("sector"),
                cameo=actor.get("cameo"),
                kb=actor.get("kb"),
                n_mentions=len(mentions),
            )
            for mention in mentions:
                self._add(
                    "mentions",
                    article_key=key,
                    actor_id=actor.get("id"),
                    start=mention.get("start"),
                    end=mention.get("end"),
                    text=mention.get("text"),
                )
        for timex in record.get("timexes") or []:
            if isinstance(timex, Mapping):
                self._add(
                    "timexes",
                    article_key=key,
                    timex_id=timex.get("id"),
                    start=timex.get("start"),
                    end=timex.get("end"),
                    text=timex.get("text"),
                    type=timex.get("type"),
                    value=timex.get("value"),
                )
        for quote in record.get("quotes") or []:
            if isinstance(quote, Mapping):
                self._add_quote(key, quote, by_id)
        for event in record.get("events") or []:
            if isinstance(event, Mapping):
                self._add_event(key, record, event, by_id, text, published, masks)

    def _add_quote(self, key: str, quote: Row, by_id: Mapping[Any, Row]) -> None:
        s_start, s_end, s_text = _span(quote.get("speaker_mention"))
        c_start, c_end, c_text = _span(quote.get("cue"))
        speaker = by_id.get(quote.get("speaker"))
        self._add(
            "quotes",
            article_key=key,
            quote_id=quote.get("id"),
            start=quote.get("start"),
            end=quote.get("end"),
            text=quote.get("text"),
            kind=quote.get("kind"),
            speaker=quote.get("speaker"),
            speaker_name=speaker.get("name") if speaker else None,
            speaker_start=s_start,
            speaker_end=s_end,
            speaker_text=s_text,
            cue_start=c_start,
            cue_end=c_end,
            cue_text=c_text,
            via=quote.get("via"),
        )

    def _add_event(
        self,
        key: str,
        record: Row,
        event: Row,
        by_id: Mapping[Any, Row],
        text: str,
        published: dt.date | None,
        masks: Masks,
    ) -> None:
        sources = [by_id[a] for a in event.get("source") or [] if a in by_id]
        targets = [by_id[a] for a in event.get("target") or [] if a in by_id]
        date = _mapping(event.get("date"))
        interval = timex_interval(date.get("value"))
        start: dt.date | None = published
        end: dt.date | None = published
        # Unresolved date: the report's day is the best we know.
        granularity: str | None = "published" if published else None
        if interval is not None:
            start, end, granularity = interval.start, interval.end, interval.granularity
            if date.get("basis") in ("published", "tense") and granularity == "day":
                granularity = "published"  # a default from the report, not read in the text
        evidence = _mapping(event.get("evidence"))
        ev_start, ev_end = evidence.get("start"), evidence.get("end")
        evidence_text: str | None = None
        names: list[str] = []
        tokens: list[str] = []
        is_lead: bool | None = None
        if isinstance(ev_start, int) and isinstance(ev_end, int) and 0 <= ev_start <= ev_end:
            evidence_text = text[ev_start:ev_end]
            names = other_names(blank_out(text, ev_start, ev_end, masks.for_names))
            tokens = sorted(content_tokens(blank_out(text, ev_start, ev_end, masks.for_tokens)))
            # GDELT's IsRootEvent: the event is told in the lead paragraph.
            is_lead = "\n" not in text[:ev_start].strip()
        t_start, t_end, t_text = _span(event.get("trigger"))
        location = _mapping(event.get("location"))
        event_type = str(event.get("type") or "")
        status = str(event.get("status") or "")
        source_key, target_key = side_key(sources), side_key(targets)
        actor1 = sources[0] if sources else {}
        actor2 = targets[0] if targets else {}
        goldstein = event.get("goldstein")
        self._add(
            "events",
            event_uid=event_uid(key, str(event.get("id"))),
            article_key=key,
            event_id=event.get("id"),
            type=event_type,
            plover=event.get("plover"),
            mode=event.get("mode"),
            cameo=event.get("cameo"),
            goldstein=float(goldstein) if isinstance(goldstein, int | float) else None,
            quad_class=event.get("quad_class"),
            status=status,
            date_value=date.get("value"),
            date_timex=date.get("timex"),
            date_basis=date.get("basis"),
            event_date=start,
            event_date_end=end,
            date_granularity=granularity,
            published=published,
            outlet=record.get("source"),
            url=record.get("url"),
            source_actors=[a.get("name") for a in sources],
            target_actors=[a.get("name") for a in targets],
            source_ids=[i for i in map(actor_identity, sources) if i],
            target_ids=[i for i in map(actor_identity, targets) if i],
            actor1_name=actor1.get("name"),
            actor1_country=actor1.get("country"),
            actor1_sector=actor1.get("sector"),
            actor1_code=actor1.get("cameo"),
            actor1_kb=actor1.get("kb"),
            actor2_name=actor2.get("name"),
            actor2_country=actor2.get("country"),
            actor2_sector=actor2.get("sector"),
            actor2_code=actor2.get("cameo"),
            actor2_kb=actor2.get("kb"),
            source_key=source_key,
            target_key=target_key,
            location_name=location.get("name"),
            location_country=location.get("country"),
            quantities=(
                json.dumps(event["quantities"], ensure_ascii=False)
                if event.get("quantities")
                else "[]"
            ),
            trigger_start=t_start,
            trigger_end=t_end,
            trigger_text=t_text,
            evidence_start=ev_start,
            evidence_end=ev_end,
            evidence_text=evidence_text,
            evidence_names=names,
            evidence_tokens=tokens,
            is_lead=is_lead,
            quote_id=event.get("quote"),
            confidence=event.get("confidence"),
            block_key=block_key(event_type, status, source_key, target_key),
        )


def flatten(records: Iterable[tuple[str, Row]], *, ingested_at: dt.datetime) -> dict[str, Columns]:
    """Columns per table for ``(article_key, record dict)`` pairs."""
    flattener = Flattener()
    for key, record in records:
        flattener.add(key, record, ingested_at=ingested_at)
    return {name: dict(cols) for name, cols in flattener.tables.items()}
