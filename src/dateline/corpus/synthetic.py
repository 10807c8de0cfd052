"""Build realistic ``dateline/1`` records by hand (tests, the merge set) or in bulk (bench).

:func:`build_record` takes a text and a compact description of its actors and events
and computes every offset by locating the given strings in the text, so fixtures stay
readable and their spans are right by construction.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

# (type, cameo, goldstein, quad_class) for bulk synthetic events.
_CODES: tuple[tuple[str, str, float, int], ...] = (
    ("CONSULT", "036", 4.0, 1),
    ("AGREE", "057", 8.0, 1),
    ("SUPPORT", "051", 3.4, 1),
    ("AID", "073", 7.4, 2),
    ("COOPERATE", "061", 6.4, 2),
    ("REQUEST", "020", 3.0, 1),
    ("ACCUSE", "112", -2.0, 3),
    ("REJECT", "120", -4.0, 3),
    ("THREATEN", "138", -7.0, 3),
    ("PROTEST", "141", -6.5, 4),
    ("SANCTION", "163", -8.0, 4),
    ("ASSAULT", "190", -10.0, 4),
    ("COERCE", "173", -5.0, 4),
    ("MOBILIZE", "154", -7.2, 4),
)
_ACTORS: tuple[tuple[str, str, str, str], ...] = (
    ("United States", "country", "USA", "GOV"),
    ("Russia", "country", "RUS", "GOV"),
    ("China", "country", "CHN", "GOV"),
    ("Ukraine", "country", "UKR", "GOV"),
    ("India", "country", "IND", "GOV"),
    ("Iran", "country", "IRN", "GOV"),
    ("Israel", "country", "ISR", "GOV"),
    ("Germany", "country", "DEU", "GOV"),
    ("France", "country", "FRA", "GOV"),
    ("Turkey", "country", "TUR", "GOV"),
    ("Brazil", "country", "BRA", "GOV"),
    ("Japan", "country", "JPN", "GOV"),
    ("European Union", "organization", "", "IGO"),
    ("United Nations", "organization", "", "IGO"),
    ("Russian army", "group", "RUS", "MIL"),
    ("Ukrainian army", "group", "UKR", "MIL"),
)
# Invented places: one per event sentence, what tells look-alike events apart.
_PLACES = tuple(
    f"{a}{b}"
    for a in ("Zen", "Strel", "Mar", "Tor", "Vel", "Kas", "Dun", "Ost")
    for b in ("da", "sau", "ovo", "grad", "heim", "port")
)
_OUTLETS = ("Wire A", "Daily B", "Herald C", "Times D", "Post E", "Radio F", "Journal G")


def _find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.find(needle, after)
    if start < 0:
        raise ValueError(f"{needle!r} not in text {text[:60]!r}...")
    return start, start + len(needle)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    left = 0 if left < 0 else left + (2 if text[left] == "." else 1)
    right = text.find(". ", end)
    right = len(text) if right < 0 else right + 1
    return left, right


def build_record(
    id: str,
    text: str,
    *,
    published: str | None,
    source: str | None,
    actors: Mapping[str, Mapping[str, Any]],
    events: Sequence[Mapping[str, Any]] = (),
    timexes: Sequence[Mapping[str, Any]] = (),
    quotes: Sequence[Mapping[str, Any]] = (),
    url: str | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """A ``Record.to_dict()``-shaped dict.

    ``actors``: name -> {"kind", "country", "sector", "cameo", "kb", "mentions": [str]}
    (each mention string is located in order of appearance; all occurrences are used).
    ``timexes``: {"text", "type", "value"}. ``quotes``: {"text", "speaker", "cue",
    "kind"}. ``events``: {"type", "trigger", "source": [name], "target": [name],
    "status", "date" (TIMEX value or None), "timex" (text or None), "location",
    "cameo", "goldstein", "quad_class", "plover", "quantities"}.
    """
    actor_list: list[dict[str, Any]] = []
    actor_ids: dict[str, str] = {}
    for n, (name, spec) in enumerate(actors.items(), start=1):
        mentions = []
        for needle in spec.get("mentions", [name]):
            position = 0
            while (found := text.find(needle, position)) >= 0:
                mentions.append({"start": found, "end": found + len(needle), "text": needle})
                position = found + len(needle)
        mentions.sort(key=lambda m: m["start"])
        actor_ids[name] = f"a{n}"
        country, sector = spec.get("country"), spec.get("sector")
        actor_list.append(
            {
                "id": f"a{n}",
                "name": name,
                "kind": spec.get("kind", "country"),
                "country": country,
                "sector": sector,
                "cameo": spec.get("cameo", f"{country or ''}{sector or ''}" or None),
                "kb": spec.get("kb"),
                "mentions": mentions,
            }
        )
    timex_list = []
    timex_ids: dict[str, str] = {}
    for n, spec in enumerate(timexes, start=1):
        start, end = _find(text, spec["text"])
        timex_ids[spec["text"]] = f"t{n}"
        timex_list.append(
            {
                "id": f"t{n}",
                "start": start,
                "end": end,
                "text": spec["text"],
                "type": spec.get("type", "DATE"),
                "value": spec["value"],
            }
        )
    quote_list = []
    for n, spec in enumerate(quotes, start=1):
        start, end = _find(text, spec["text"])
        cue = _find(text, spec["cue"]) if spec.get("cue") else None
        quote_list.append(
            {
                "id": f"q{n}",
                "start": start,
                "end": end,
                "text": spec["text"],
                "kind": spec.get("kind", "direct"),
                "speaker": actor_ids.get(spec.get("speaker", "")),
                "speaker_mention": None,
                "cue": {"start": cue[0], "end": cue[1], "text": spec["cue"]} if cue else None,
                "via": None,
            }
        )
    event_list = []
    for n, spec in enumerate(events, start=1):
        t_start, t_end = _find(text, spec["trigger"], spec.get("after", 0))
        ev_start, ev_end = _sentence_around(text, t_start, t_end)
        timex_text = spec.get("timex")
        date_value = spec.get("date")
        basis = "timex" if timex_text else ("published" if date_value is None else "tense")
        location = spec.get("location")
        event_list.append(
            {
                "id": f"e{n}",
                "type": spec["type"],
                "plover": spec.get("plover", spec["type"]),
                "mode": spec.get("mode"),
                "cameo": spec.get("cameo"),
                "goldstein": spec.get("goldstein"),
                "quad_class": spec.get("quad_class"),
                "source": [actor_ids[a] for a in spec.get("source", [])],
                "target": [actor_ids[a] for a in spec.get("target", [])],
                "status": spec.get("status", "occurred"),
                "date": {
                    "value": date_value if date_value is not None else published,
                    "timex": timex_ids.get(timex_text) if timex_text else None,
                    "basis": basis,
                },
                "location": ({"name": location[0], "country": location[1]} if location else None),
                "quantities": list(spec.get("quantities", [])),
                "trigger": {"start": t_start, "end": t_end, "text": spec["trigger"]},
                "evidence": {"start": ev_start, "end": ev_end},
                "quote": None,
                "confidence": spec.get("confidence", 0.8),
            }
        )
    return {
        "schema": "dateline/1",
        "id": id,
        "published": published,
        "source": source,
        "url": url,
        "title": title,
        "language": "en",
        "text": text,
        "actors": actor_list,
        "timexes": timex_list,
        "quotes": quote_list,
        "events": event_list,
        "published_basis": "jsonl" if published else "none",
        "text_basis": "text",
        "model": None,
        "dateline_version": None,
        "error": None,
    }


def _fresh_article(
    rng: random.Random, article: int, count: int, published: dt.date
) -> dict[str, Any]:
    chosen = rng.sample(range(len(_ACTORS)), k=min(len(_ACTORS), 2 * count))
    sentences: list[str] = []
    actors: dict[str, dict[str, Any]] = {}
    specs = []
    for i in range(count):
        a1 = _ACTORS[chosen[(2 * i) % len(chosen)]]
        a2 = _ACTORS[chosen[(2 * i + 1) % len(chosen)]]
        etype, cameo, goldstein, quad = _CODES[rng.randrange(len(_CODES))]
        verb = etype.lower()
        place = _PLACES[rng.randrange(len(_PLACES))]
        sentence = (
            f"{a1[0]} reported {verb} action toward {a2[0]} near {place}, "
            f"file {rng.randrange(10**6)}."
        )
        sentences.append(sentence)
        for name, kind, country, sector in (a1, a2):
            actors.setdefault(name, {"kind": kind, "country": country or None, "sector": sector})
        days_before = rng.randrange(3)
        specs.append(
            {
                "type": etype,
                "trigger": f"{verb} action",
                "after": sum(len(s) + 1 for s in sentences[:-1]),
                "source": [a1[0]],
                "target": [a2[0]],
                "status": "occurred",
                "date": (published - dt.timedelta(days=days_before)).isoformat(),
                "cameo": cameo,
                "goldstein": goldstein,
                "quad_class": quad,
            }
        )
    return build_record(
        f"syn-{article}",
        " ".join(sentences),
        published=published.isoformat(),
        source=_OUTLETS[rng.randrange(len(_OUTLETS))],
        actors=actors,
        events=specs,
    )


def bulk_records(
    n_events: int,
    *,
    events_per_article: int = 5,
    seed: int = 7,
    start: str = "2020-01-01",
    copy_rate: float = 0.2,
) -> Iterator[dict[str, Any]]:
    """Synthetic records with ``n_events`` events in total (for benchmarks).

    Texts are short templated sentences, one per event, each naming a place, so
    clustering has real text to compare. A share ``copy_rate`` of the articles are
    wire copies of a recent article (same text, another outlet, same or next day):
    their events are reports of events already told, which merging should find.
    """
    rng = random.Random(seed)
    day0 = dt.date.fromisoformat(start)
    recent: list[dict[str, Any]] = []
    copies: set[tuple[str, str, dt.date]] = set()
    made = 0
    article = 0
    while made < n_events:
        count = min(events_per_article, n_events - made)
        original = recent[rng.randrange(len(recent))] if recent else None
        outlet = rng.choice(_OUTLETS)
        published = day0 + dt.timedelta(days=rng.randrange(365 * 5))
        if original is not None:
            published = dt.date.fromisoformat(original["published"]) + dt.timedelta(
                days=rng.randrange(2)
            )
        copy_key = (original["id"] if original else "", outlet, published)
        if (
            original is not None
            and len(original["events"]) == count
            and outlet != original["source"]
            and copy_key not in copies  # the same copy twice would be one article
            and rng.random() < copy_rate
        ):
            copies.add(copy_key)
            record = copy.deepcopy(original)
            record["id"] = f"syn-{article}"
            record["source"] = outlet
            record["published"] = published.isoformat()
        else:
            published = day0 + dt.timedelta(days=rng.randrange(365 * 5))
            published = day0 + dt.timedelta(days=rng.randrange(365 * 5))
            record = _fresh_article(rng, article, count, published)
            recent = [*recent[-49:], record]
        yield record
        made += count
        article += 1
