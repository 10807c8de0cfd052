"""The events stage's knowledge tables, loaded once from ``dateline/data/events``.

- ``cameo_codes.tsv``: every CAMEO code with its name, Goldstein score, QuadClass,
  Phoenix pentaclass, PLOVER category and mode (built by scripts/build_event_tables.py);
- ``triggers.yaml``: the trigger lexicon of the built-in coder;
- ``fallback_places.yaml``: country names, demonyms and sector nouns, used only when
  the actors stage has no actor for a participant.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    pentaclass: int
    plover: str  # "" when CAMEO's category has no PLOVER equivalent (01)
    mode: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, str]  # "lemma" or "lemma particle" -> CAMEO code
    nouns: dict[str, str]  # noun lemma or two-word compound -> CAMEO code
    support_object: frozenset[str]
    support_subject: frozenset[str]
    noun_verb_codes: dict[str, dict[str, str]]
    verb_only_nouns: frozenset[str]
    carrier_nouns: frozenset[str]
    civilian_codes: dict[str, str]
    state_codes: dict[str, str]
    object_required: dict[str, frozenset[str]]
    plover_overrides: dict[str, str]
    negative: frozenset[str]  # evaluative words: criticism (111)
    positive: frozenset[str]  # evaluative words: praise (051)


def _read_text(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")


@functools.cache
def cameo_codes() -> dict[str, CameoCode]:
    lines = [ln for ln in _read_text("cameo_codes.tsv").splitlines() if not ln.startswith("#")]
    table: dict[str, CameoCode] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        table[row["code"]] = CameoCode(
            code=row["code"],
            root=row["root"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            pentaclass=int(row["pentaclass"]),
            plover=row["plover"],
            mode=row["mode"] or None,
        )
    return table


def code_info(code: str) -> CameoCode | None:
    """The table row of ``code``, falling back to its three- and two-digit parents."""
    table = cameo_codes()
    for length in (len(code), 3, 2):
        row = table.get(code[:length])
        if row is not None:
            return row
    return None


def plover_of(code: str) -> str:
    row = code_info(code)
    return row.plover if row else ""


@functools.cache
def lexicon() -> Lexicon:
    data: dict[str, Any] = yaml.safe_load(_read_text("triggers.yaml"))
    support = data.get("support_verbs", {})
    return Lexicon(
        verbs={str(k).lower(): str(v) for k, v in data.get("verbs", {}).items()},
        nouns={str(k).lower(): str(v) for k, v in data.get("nouns", {}).items()},
        support_object=frozenset(support.get("object", [])),
        support_subject=frozenset(support.get("subject", [])),
        noun_verb_codes={
            str(k): {str(r): str(c) for r, c in v.items()}
            for k, v in data.get("noun_verb_codes", {}).items()
        },
        verb_only_nouns=frozenset(data.get("verb_only_nouns", [])),
        carrier_nouns=frozenset(data.get("carrier_nouns", [])),
        plover_overrides={str(k): str(v) for k, v in data.get("plover_overrides", {}).items()},
        object_required={
            str(k): frozenset(str(w) for w in v) for k, v in data.get("object_required", {}).items()
        },
        state_codes={str(k): str(v) for k, v in data.get("state_codes", {}).items()},
        civilian_codes={str(k): str(v) for k, v in data.get("civilian_codes", {}).items()},
        negative=frozenset(str(w).lower() for w in data.get("evaluative", {}).get("negative", [])),
        positive=frozenset(str(w).lower() for w in data.get("evaluative", {}).get("positive", [])),
    )


@dataclass(frozen=True, slots=True)
class Places:
    countries: dict[str, str]  # lower-cased name/demonym/capital -> ISO alpha-3
    sectors: dict[str, str]  # lower-cased noun -> sector code


@functools.cache
def places() -> Places:
    data: dict[str, Any] = yaml.safe_load(_read_text("fallback_places.yaml"))
    countries = {
        str(name).lower(): iso for iso, names in data["countries"].items() for name in names
    }
    sectors = {str(noun).lower(): sec for sec, nouns in data["sectors"].items() for noun in nouns}
    return Places(countries=countries, sectors=sectors)
