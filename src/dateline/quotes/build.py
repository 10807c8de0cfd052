"""Turn found quotes into ``Quote`` records: ids, spans, speaker actor and relay."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from dateline.quotes.cue_model import CueModel
from dateline.quotes.extract import Found, doc_text, extract, trim_marks
from dateline.quotes.resolve import resolve_name
from dateline.quotes.via import find_outlet, is_outlet
from dateline.record import Actor, Quote, TextSpan
from dateline.spans import actor_at

_TRAILING = " ,;:\n\t"


def _clean(doc: Doc, span: tuple[int, int]) -> TextSpan:
    start, end = span
    text = doc_text(doc)
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    while start < end and text[start] in _TRAILING:
        start += 1
    return TextSpan(start=start, end=end, text=text[start:end])


def _actors_resolver() -> Callable[[Doc, int, int], Any] | None:
    """``resolve_mention(doc, start, end)`` from the actors package, if it offers one."""
    try:
        package = importlib.import_module("dateline.actors")
    except ImportError:
        return None
    names = [info.name for info in pkgutil.iter_modules(package.__path__)]
    # The stage module first: that is where the actors helper put it.
    for name in sorted(names, key=lambda n: n != "component"):
        try:
            module = importlib.import_module(f"dateline.actors.{name}")
        except Exception:  # a module of another stage that does not import is not ours to fix
            continue
        resolver = getattr(module, "resolve_mention", None)
        if callable(resolver):
            return resolver
    return None


_RESOLVER: list[Callable[[Doc, int, int], Any] | None] = []


def _resolver() -> Callable[[Doc, int, int], Any] | None:
    if not _RESOLVER:
        _RESOLVER.append(_actors_resolver())
    return _RESOLVER[0]


def _actor_id(doc: Doc, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    # A span already listed among an actor's mentions is that actor: the actors
    # stage's resolver gives the same answer there, at a far higher cost per call
    # (it rebuilds the document text), so it is asked only about the other spans.
    actor = actor_at(doc, span[0], span[1])
    if actor is not None:
        return str(actor.id)
    known = {actor.id for actor in doc._.actors}
    # With no actors listed no resolved id could be kept: spare the resolver's work.
    resolver = _resolver() if known else None
    if resolver is None:
        return None
    try:
        result = resolver(doc, span[0], span[1])
    except Exception:
        result = None
    # Only ids the record will carry: an actor resolved on the fly but never
    # listed in doc._.actors would leave the quote pointing nowhere.
    if isinstance(result, Actor) and result.id in known:
        return str(result.id)
    if isinstance(result, str) and result in known:
        return result
    return None


def _actor_by_name(doc: Doc, name: str | None) -> str | None:
    if not name:
        return None
    wanted = name.lower()
    for actor in doc._.actors:
        if actor.name.lower() == wanted or any(m.text.lower() == wanted for m in actor.mentions):
            return str(actor.id)
    return None


def build_quotes(
    doc: Doc, model: CueModel | None = None
) -> tuple[list[Quote], dict[str, TextSpan], dict[str, str]]:
    """Quotes of ``doc`` in text order, their relay spans and resolved speaker names."""
    found = extract(doc, model)
    quotes: list[Quote] = []
    via_spans: dict[str, TextSpan] = {}
    names: dict[str, str] = {}
    for number, item in enumerate(found, start=1):
        quote_id = f"q{number}"
        quote = _to_quote(doc, quote_id, item)
        via = _via_span(doc, item, found)
        if via is not None:
            via_spans[quote_id] = via
            quote.via = _actor_id(doc, (via.start, via.end))
        if quote.speaker_mention is not None:
            name = resolve_name(doc, item, found)
            if name:
                names[quote_id] = name
            quote.speaker = _speaker_id(doc, item, found[: number - 1], quotes, name)
        quotes.append(quote)
    return quotes, via_spans, names


_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})


def _speaker_id(
    doc: Doc, item: Found, earlier: list[Found], earlier_quotes: list[Quote], name: str | None
) -> str | None:
    """The speaker's actor: a pronoun that speaks again is usually the last speaker."""
    span = item.speaker_head or item.speaker
    assert span is not None
    mention = doc_text(doc)[span[0] : span[1]].strip().lower()
    if mention in _PERSONAL_PRONOUNS:
        previous = _last_speaker(doc, item, earlier, earlier_quotes)
        if previous is not None:
            return previous
    actor = _actor_id(doc, span)
    return actor if actor is not None else _actor_by_name(doc, name)


def _last_speaker(
    doc: Doc, item: Found, earlier: list[Found], earlier_quotes: list[Quote]
) -> str | None:
    """The last quote's person speaker, unless another person became the subject since."""
    for found, quote in zip(reversed(earlier), reversed(earlier_quotes), strict=True):
        if quote.speaker is None or found.speaker is None:
            continue
        actor = next((a for a in doc._.actors if a.id == quote.speaker), None)
        if actor is None or actor.kind != "person":
            return None
        assert item.speaker is not None
        between = doc.char_span(found.end, item.speaker[0], alignment_mode="contract")
        if between is not None and any(
            t.dep_ == "nsubj" and t.ent_type_ == "PERSON" for t in between
        ):
            return None
        return str(actor.id)
    return None


def _to_quote(doc: Doc, quote_id: str, item: Found) -> Quote:
    return Quote(
        id=quote_id,
        start=item.start,
        end=item.end,
        text=doc_text(doc)[item.start : item.end],
        kind=item.kind,
        speaker_mention=_clean(doc, item.speaker) if item.speaker else None,
        cue=_clean(doc, item.cue) if item.cue else None,
        parts=_parts(doc, item),
    )


def _parts(doc: Doc, item: Found) -> list[TextSpan]:
    """The content pieces without marks: the envelope itself when it is one piece."""
    text = doc_text(doc)
    pieces = item.parts if len(item.parts) > 1 else [(item.start, item.end)]
    spans: list[TextSpan] = []
    for start, end in sorted(pieces):
        start, end = max(start, item.start), min(end, item.end)
        start, end = trim_marks(text, start, end)
        if end > start and not (spans and start < spans[-1].end):
            spans.append(TextSpan(start=start, end=end, text=text[start:end]))
    if not spans and item.end > item.start:
        spans.append(TextSpan(start=item.start, end=item.end, text=text[item.start : item.end]))
    return spans


def _via_span(doc: Doc, item: Found, found: list[Found]) -> TextSpan | None:
    if item.via is not None:
        return _clean(doc, item.via)
    if item.speaker is not None and is_outlet(doc, item.speaker):
        return _clean(doc, item.speaker)
    outlet = find_outlet(doc, item, found)
    return _clean(doc, outlet) if outlet is not None else None
