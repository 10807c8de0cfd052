"""Quantities ("25% tariff", "50 killed", "$2bn in aid") and locations of an event."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from dateline.events.participants import country_of_name
from dateline.record import Location, Quantity
from dateline.spans import ents_in

_SCALE = {
    "thousand": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
}
_CURRENCY = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "yuan": "CNY",
    "rouble": "RUB",
    "ruble": "RUB",
    "rupee": "INR",
}
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([a-zA-Z]+)?")
# Nouns that, counted, measure an event's human toll or size.
COUNTED = frozenset(
    {
        "people",
        "person",
        "civilian",
        "soldier",
        "troop",
        "child",
        "protester",
        "demonstrator",
        "militant",
        "fighter",
        "police",
        "policeman",
        "officer",
        "worker",
        "refugee",
        "prisoner",
        "hostage",
        "student",
        "resident",
        "man",
        "woman",
        "member",
        "casualty",
        "death",
        "body",
    }
)
LOCATION_PREPS = frozenset({"in", "at", "near", "outside", "inside", "to"})


def parse_number(text: str) -> float | None:
    t = text.lower().replace(",", "")
    m = _NUMBER.search(t)
    if m:
        unit = (m.group(2) or "").lower()
        return float(m.group(1)) * _SCALE.get(unit, 1.0)
    scale = 1.0
    value: float | None = None
    for word in t.replace("-", " ").split():
        if word in _WORDS:
            number = _WORDS[word]
            if value is None:
                value = float(number)
            elif number >= 100:
                value *= number
            else:
                value += number
        elif word in _SCALE:
            scale = _SCALE[word]
    return None if value is None else value * scale


def _currency(text: str) -> str | None:
    low = text.lower()
    for key, code in _CURRENCY.items():
        if key in low:
            return code
    return None


def quantities(sent: Span, scope: set[int]) -> list[Quantity]:
    """Numbers in the event's own tokens (``scope``, token indices)."""
    out: list[Quantity] = []
    for ent in ents_in(sent.doc, sent.start, sent.end):  # sent.ents scans every entity
        if not any(t.i in scope for t in ent):
            continue
        value = parse_number(ent.text)
        if value is None:
            continue
        if ent.label_ == "PERCENT":
            out.append(Quantity(value=value, unit="%", text=ent.text))
        elif ent.label_ == "MONEY":
            out.append(Quantity(value=value, unit=_currency(ent.text), text=ent.text))
        elif ent.label_ == "CARDINAL":
            noun = _counted_noun(ent.root)
            if noun is not None:
                out.append(Quantity(value=value, unit=noun.lemma_.lower(), text=ent.text))
    return out


def _counted_noun(tok: Token) -> Token | None:
    if tok.dep_ == "nummod" and tok.head.lemma_.lower() in COUNTED:
        return tok.head
    if tok.dep_ in ("nsubjpass", "dobj", "nsubj") and tok.head.lemma_.lower() in (
        "kill",
        "wound",
        "injure",
        "arrest",
        "detain",
        "die",
    ):
        return tok.head
    for c in tok.children:  # "scores of people"
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.lemma_.lower() in COUNTED:
                    return g
    return None


def location(sent: Span, anchors: list[Token], exclude: set[int]) -> tuple[Location, Token] | None:
    """Where the event happened: a place in an "in/at/near" phrase of the event's clause.

    The phrase may hang on the event word or on its object ("fired at targets in X").
    Returns the location and the place's root token.
    """
    anchor_ids = {t.i for t in anchors}
    for ent in ents_in(sent.doc, sent.start, sent.end):  # sent.ents scans every entity
        if ent.label_ not in ("GPE", "LOC", "FAC") or any(t.i in exclude for t in ent):
            continue
        root = ent.root
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in LOCATION_PREPS:
            continue
        holder = prep.head
        if holder.i not in anchor_ids and holder.dep_ in ("dobj", "pobj", "nsubjpass"):
            holder = holder.head.head if holder.dep_ == "pobj" else holder.head
        if holder.i in anchor_ids:
            name = ent.text.removeprefix("the ").removeprefix("The ")
            return Location(name=name, country=country_of_name(name)), root
    return None
