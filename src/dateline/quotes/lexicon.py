"""Word lists of the quotes stage, read from ``dateline/data/quotes/*.txt``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "quotes"


def _read_lines(name: str) -> list[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    lines = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip().lower()
        if line:
            lines.append(line)
    return lines


@dataclass(frozen=True, slots=True)
class Lexicon:
    cue_verbs: frozenset[str]
    multiword_cues: tuple[tuple[str, ...], ...]
    outlet_words: frozenset[str]


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(
        cue_verbs=frozenset(_read_lines("cue_verbs.txt")),
        multiword_cues=tuple(tuple(line.split()) for line in _read_lines("according.txt")),
        outlet_words=frozenset(_read_lines("outlets.txt")),
    )
