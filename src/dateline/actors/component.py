"""spaCy component ``dateline_actors_v1``: writes ``doc._.actors``.

Every actor mention becomes an :class:`~dateline.record.Actor` ("a1", "a2", ... in order
of first mention) whose ``mentions`` list every span resolved to it: names, surnames,
"Mr X", titles ("the US president"), role nouns ("a Kremlin aide", "the envoy"), bodies
("the ministry") and pronouns. Codes (country, sector, CAMEO) are those in force on
``doc._.published``; a person who held an office only in a year the sentence names
("Joe Biden met Putin in Geneva in June 2021") gets that office's code.

Other stages use two entry points:

* ``dateline.spans.actor_at(doc, start, end)``: the actor with a mention at a span;
* :func:`resolve_mention` ``(doc, start, end) -> Actor | None``: resolves any span, even
  one the stage did not list ("he", "the Russian leader", "Ukrainian officials"); a new
  actor it finds is appended to ``doc._.actors`` so that its id can be referenced.
  It never raises.

The stage's ``dictionaries`` config takes user files: PETRARCH/CAMEO actor and agent
dictionaries (read with ``dateline.dictionaries.petrarch``) and dateline KB files
(people/organizations YAML, countries/agents TSV), see docs/knowledge-base.md.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from bisect import bisect_left, bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dateline.actors.context_country import infer_countries
from dateline.actors.dating import estimate_day
from dateline.actors.gazetteer import Gazetteer, Item
from dateline.actors.kb import ActorCode, KnowledgeBase, PersonEntry, get_kb
from dateline.actors.linker import Linker, Mention, dated_code, quote_regions, sentence_years
from dateline.actors.phrases import assemble
from dateline.errors import ErrorCode, message
from dateline.nlp.extensions import register_extensions
from dateline.record import Actor, TextSpan
from dateline.spans import actor_at, doc_text, forget_mentions, overlaps

register_extensions()
log = logging.getLogger(__name__)

# Stages by name, so that resolve_mention can find the one that processed a Doc without
# storing an object on the Doc (Docs must stay serializable).
_STAGES: dict[str, ActorsStage] = {}
# Where the estimated date of an undated Doc is kept (a string: Docs stay serializable).
_DAY_KEY = "_dateline_actors_day"


class ActorsStage:
    def __init__(self, nlp: Language, name: str, dictionaries: list[str]) -> None:
        self.name = name
        # Paths of user dictionaries in PETRARCH/CAMEO format (see dateline.dictionaries).
        self.dictionaries = list(dictionaries)
        self.kb: KnowledgeBase = get_kb(tuple(self.dictionaries))
        self.gazetteer = Gazetteer(nlp, self.kb)
        self.linker = Linker(self.kb)
        _STAGES[name] = self

    def __call__(self, doc: Doc) -> Doc:
        try:
            mentions = self.mentions(doc)
            _remember(doc, mentions=list(mentions))
            doc._.actors, keys = self.build_actors(doc, mentions)
            infer_countries(doc, doc._.actors)
        except Exception as exc:  # one odd article must not lose the others' results
            log.warning("actors stage failed on a document: %s: %s", type(exc).__name__, exc)
            doc._.stage_errors.append(
                message(
                    ErrorCode.STAGE_FAILED, stage=self.name, detail=f"{type(exc).__name__}: {exc}"
                )
            )
            doc._.actors, keys = [], {}
        doc._.actor_index = {"stage": self.name, "keys": keys}
        return doc

    # ------------------------------------------------------------------
    def day(self, doc: Doc) -> dt.date:
        """The date roles are resolved at: the publication date, else an estimate."""
        published = doc._.published
        if isinstance(published, dt.date):
            return published
        cached = doc.user_data.get(_DAY_KEY)
        if isinstance(cached, str):
            return dt.date.fromisoformat(cached)
        day = estimate_day(doc, self.gazetteer.items(doc), self.linker)
        doc.user_data[_DAY_KEY] = day.isoformat()
        return day

    def mentions(self, doc: Doc) -> list[Mention]:
        day = self.day(doc)
        items = _cached_items(self, doc)
        mentions: list[Mention] = []
        for phrase in assemble(doc, items):
            mentions.extend(self.linker.link_phrase(doc, phrase, day))
        quotes = quote_regions(doc_text(doc))
        self.linker.resolve_context(doc, mentions, day, quotes)
        mentions = [m for m in mentions if m.key]
        mentions.extend(self.linker.pronouns(doc, mentions, quotes))
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions

    def build_actors(self, doc: Doc, mentions: list[Mention]) -> tuple[list[Actor], dict[str, str]]:
        day = self.day(doc)
        actors: list[Actor] = []
        by_key: dict[str, Actor] = {}
        groups: dict[str, list[Mention]] = {}
        text = doc_text(doc)
        for m in mentions:
            assert m.key is not None
            groups.setdefault(m.key, []).append(m)
            actor = by_key.get(m.key)
            if actor is None:
                actor = Actor(
                    id=f"a{len(actors) + 1}",
                    name=m.name,
                    kind=m.kind,  # type: ignore[arg-type]
                    country=m.country,
                    sector=m.sector,
                    cameo=m.cameo,
                    kb=m.kb,
                )
                by_key[m.key] = actor
                actors.append(actor)
            actor.mentions.append(TextSpan(m.start, m.end, text[m.start : m.end]))
        for key, group in groups.items():
            self._settle(doc, by_key[key], group, day)
        return actors, {key: actor.id for key, actor in by_key.items()}

    def _settle(self, doc: Doc, actor: Actor, group: list[Mention], day: dt.date) -> None:
        """Name and codes from all mentions: "former" and stated years count."""
        person = next((m.person for m in group if m.person is not None), None)
        if person is not None:
            if any(m.former for m in group if m.named):
                code = self.kb.person_code(person, day, former=True)
            else:
                code = self.kb.person_code(person, day)
                if code.sector == "ELI":
                    titled = titled_code(self.kb, person, group)
                    code = titled or code
                if code.sector == "ELI":
                    for m in group:
                        if not m.named:
                            continue
                        dated = dated_code(self.kb, person, day, sentence_years(doc, m))
                        if dated is not None:
                            code = dated
                            break
            actor.country, actor.sector, actor.cameo = code.country, code.sector, code.cameo
            return
        named = [m for m in group if m.named and m.name]
        if named:
            actor.name = max(named, key=lambda m: len(m.name)).name
            # Country and sector from whichever mention says them.
            for m in named:
                if actor.country is None and m.country:
                    actor.country = m.country
                if actor.sector is None and m.sector:
                    actor.sector = m.sector
            if actor.cameo is None:
                actor.cameo = (actor.country or "") + (actor.sector or "") or None


def titled_code(kb: KnowledgeBase, person: PersonEntry, group: list[Mention]) -> ActorCode | None:
    """ "UK Foreign Secretary Jack Straw": the text gives an office the person held; its
    code beats "former official" when the date says the person is out of office."""
    for m in group:
        for tenure in person.tenures:
            if m.named and tenure.office in m.roles:
                return kb.tenure_code(tenure, person)
    return None


def _stage_for(doc: Doc) -> ActorsStage | None:
    index = doc._.actor_index
    if isinstance(index, dict) and index.get("stage") in _STAGES:
        return _STAGES[index["stage"]]
    return next(reversed(_STAGES.values()), None) if _STAGES else None


def resolve_mention(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor a span refers to, resolving it on the fly if the stage did not list it.

    Never raises: any failure gives None.
    """
    try:
        return _resolve_mention(doc, start, end)
    except Exception as exc:  # callers rely on a total function
        log.debug("resolve_mention failed: %s", exc)
        return None


def _resolve_mention(doc: Doc, start: int, end: int) -> Actor | None:
    if start >= end or start < 0 or end > len(doc_text(doc)):
        return None
    found = actor_at(doc, start, end)
    if found is not None:
        return found
    stage = _stage_for(doc)
    if stage is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    day = stage.day(doc)
    items = _items_within(stage, doc, span.start, span.end)
    existing = _cached_mentions(stage, doc)
    entry = _entry(doc)
    if "quotes" not in entry:
        entry["quotes"] = quote_regions(doc_text(doc))
    quotes = entry["quotes"]
    candidates: list[Mention] = []
    for phrase in assemble(doc, items, span.start, span.end):
        candidates.extend(stage.linker.link_phrase(doc, phrase, day))
    if candidates:
        mention = max(candidates, key=lambda m: m.end - m.start)
        context = sorted([*existing, mention], key=lambda m: m.start)
        stage.linker.resolve_context(doc, context, day, quotes)
    elif len(span) == 1:
        if "pronouns" not in entry:  # the same for every span of this Doc
            entry["pronouns"] = stage.linker.pronouns(doc, existing, quotes)
        if "pronoun_at" not in entry:  # the first pronoun mention at each offset
            at: dict[int, Mention] = {}
            for m in entry["pronouns"]:
                at.setdefault(m.start, m)
            entry["pronoun_at"] = at
        mention_or_none = entry["pronoun_at"].get(span.start_char)
        if mention_or_none is None:
            return None
        mention = mention_or_none
    else:
        return None
    if not mention.key:
        return None
    return _attach(doc, mention, start, end)


# Per-Doc results that resolve_mention reuses span after span (gazetteer items, the
# stage's mentions, quote regions, resolved pronouns), for the last few Docs; kept off
# the Doc so that Docs stay serializable.
_CACHE: dict[str, dict[str, Any]] = {}


_CACHE_KEY = "_dateline_actors_cache"


def _entry(doc: Doc) -> dict[str, Any]:
    # A string key in user_data names the Doc's entry: cheap to check (building
    # ``doc.text`` on every call cost more than the lookups it saved) and serializable.
    key = doc.user_data.get(_CACHE_KEY)
    entry = _CACHE.get(key) if isinstance(key, str) else None
    if entry is None or entry["length"] != len(doc):
        if len(_CACHE) >= 8:
            _CACHE.pop(next(iter(_CACHE)))
        key = uuid.uuid4().hex
        doc.user_data[_CACHE_KEY] = key
        entry = {"length": len(doc)}
        _CACHE[key] = entry
    return entry


def _remember(doc: Doc, **values: Any) -> None:
    _entry(doc).update(values)


def _cached_items(stage: ActorsStage, doc: Doc) -> list[Item]:
    entry = _entry(doc)
    if "items" not in entry:
        entry["items"] = stage.gazetteer.items(doc)
    items: list[Item] = entry["items"]
    return items


def _items_within(stage: ActorsStage, doc: Doc, lo: int, hi: int) -> list[Item]:
    """The gazetteer items inside tokens ``lo``..``hi``, in their original order.

    Found by bisection over the items' starts (sorted once per Doc): filtering every item
    of the article for each span other stages ask about was quadratic in its length.
    """
    items = _cached_items(stage, doc)
    entry = _entry(doc)
    if "item_starts" not in entry:
        entry["item_starts"] = sorted((it.start, i) for i, it in enumerate(items))
    starts: list[tuple[int, int]] = entry["item_starts"]
    first = bisect_left(starts, (lo, -1))
    last = bisect_right(starts, (hi, len(items)))
    inside = sorted(i for _, i in starts[first:last] if items[i].end <= hi)
    return [items[i] for i in inside]


def _cached_mentions(stage: ActorsStage, doc: Doc) -> list[Mention]:
    """The stage's mentions of a Doc (computed once): callers ask span after span."""
    entry = _entry(doc)
    if "mentions" not in entry:
        entry["mentions"] = stage.mentions(doc)
    mentions: list[Mention] = entry["mentions"]
    return list(mentions)


def _attach(doc: Doc, mention: Mention, start: int, end: int) -> Actor:
    """Add the mention to its actor (created if new), so ids stay valid for references."""
    index: dict[str, Any] = doc._.actor_index if isinstance(doc._.actor_index, dict) else {}
    keys: dict[str, str] = index.setdefault("keys", {})
    actors: list[Actor] = doc._.actors
    assert mention.key is not None
    actor_id = keys.get(mention.key)
    actor = next((a for a in actors if a.id == actor_id), None) if actor_id else None
    if actor is None:
        actor = Actor(
            id=_next_id(actors),
            name=mention.name,
            kind=mention.kind,  # type: ignore[arg-type]
            country=mention.country,
            sector=mention.sector,
            cameo=mention.cameo,
            kb=mention.kb,
        )
        actors.append(actor)
        keys[mention.key] = actor.id
    m_start, m_end = mention.start, mention.end
    if not overlaps(m_start, m_end, start, end):
        m_start, m_end = start, end
    if not any(s.start == m_start and s.end == m_end for s in actor.mentions):
        actor.mentions.append(TextSpan(m_start, m_end, doc_text(doc)[m_start:m_end]))
        forget_mentions(doc)
    doc._.actor_index = index
    return actor


def _next_id(actors: list[Actor]) -> str:
    numbers = [int(a.id[1:]) for a in actors if a.id[1:].isdigit()]
    return f"a{max(numbers, default=0) + 1}"


@Language.factory(
    "dateline_actors_v1",
    requires=["doc.ents", "doc.sents"],
    assigns=["doc._.actors"],
    default_config={"dictionaries": []},
)
def make_actors_stage(nlp: Language, name: str, dictionaries: list[str]) -> ActorsStage:
    return ActorsStage(nlp, name, dictionaries)
