"""Register the ``Doc._`` attributes through which dateline stages communicate.

Each stage reads what earlier stages wrote and writes its own list of record
objects. Keeping results on the Doc (as spaCy does) lets a stage be tested alone on
a hand-built Doc: set ``doc._.published`` and whatever inputs it declares, call it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

Getter = Callable[[Doc], Any]
Setter = Callable[[Doc, Any], None]

# name -> default getter. Lists need a per-Doc value, hence getters that create
# them lazily via the ``_dateline_store`` dict.
_LIST_ATTRS = ("timexes", "actors", "quotes", "events", "stage_errors")


def _store(doc: Doc) -> dict[str, object]:
    store = doc.user_data.get("_dateline")
    if store is None:
        store = {}
        doc.user_data["_dateline"] = store
    return store


def _make_list_property(name: str) -> tuple[Getter, Setter]:
    def getter(doc: Doc) -> object:
        store = _store(doc)
        if name not in store:
            store[name] = []
        return store[name]

    def setter(doc: Doc, value: object) -> None:
        _store(doc)[name] = value

    return getter, setter


def _make_value_property(name: str) -> tuple[Getter, Setter]:
    def getter(doc: Doc) -> object:
        return _store(doc).get(name)

    def setter(doc: Doc, value: object) -> None:
        _store(doc)[name] = value

    return getter, setter


def register_extensions() -> None:
    """Idempotent: safe to call from every module that needs the attributes."""
    for name in _LIST_ATTRS:
        if not Doc.has_extension(name):
            getter, setter = _make_list_property(name)
            Doc.set_extension(name, getter=getter, setter=setter)
    # published: datetime.date | None, the anchor for relative time expressions.
    # article: dateline.ingest.Article | None, the metadata of the input.
    # actor_index: dict built by the actors stage for span -> actor id lookups.
    for name in ("published", "article", "actor_index"):
        if not Doc.has_extension(name):
            getter, setter = _make_value_property(name)
            Doc.set_extension(name, getter=getter, setter=setter)


register_extensions()
