"""The time stage's word lists, loaded once from ``dateline/data/time/lexicon.json``."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    cardinals: dict[str, float]
    vague_quantities: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    set_adverbs: dict[str, str]
    fixed_holidays: dict[str, str]
    deictic_days: dict[str, int]
    present_ref: tuple[str, ...]
    past_ref: tuple[str, ...]
    future_ref: tuple[str, ...]


LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "time" / "lexicon.json"


def _load_json() -> dict[str, Any]:
    path = LEXICON_PATH
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = _load_json()
    return Lexicon(
        months={k: int(v) for k, v in data["months"].items()},
        weekdays={k: int(v) for k, v in data["weekdays"].items()},
        cardinals={k: float(v) for k, v in data["cardinals"].items()},
        vague_quantities=frozenset(data["vague_quantities"]),
        ordinals={k: int(v) for k, v in data["ordinals"].items()},
        units=dict(data["units"]),
        seasons=dict(data["seasons"]),
        parts_of_day=dict(data["parts_of_day"]),
        set_adverbs=dict(data["set_adverbs"]),
        fixed_holidays=dict(data["fixed_holidays"]),
        deictic_days={k: int(v) for k, v in data["deictic_days"].items()},
        present_ref=tuple(data["present_ref"]),
        past_ref=tuple(data["past_ref"]),
        future_ref=tuple(data["future_ref"]),
    )


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any blank."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)
