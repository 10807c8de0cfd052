"""Read quantities written in digits or words ("2 1/2", "twenty-four", "a couple of")."""

from __future__ import annotations

import re

from dateline.time.lexicon import load_lexicon

_FRACTION = re.compile(r"^(\d+)?[\s-]*(\d)/(\d)$")


def parse_number(text: str) -> float | None:
    """The value of a number phrase; None when it is vague ("several", "a few")."""
    lex = load_lexicon()
    t = re.sub(r"\s+", " ", text.strip().lower())
    half = False
    if t.endswith(" and a half"):
        half = True
        t = t[: -len(" and a half")]
    value = _parse_core(t, lex.cardinals, lex.vague_quantities)
    if value is None:
        return None
    return value + 0.5 if half else value


def _parse_core(t: str, cardinals: dict[str, float], vague: frozenset[str]) -> float | None:
    if t in vague:
        return None
    if t in cardinals:
        return cardinals[t]
    digits = t.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", digits):
        return float(digits)
    m = _FRACTION.match(t)
    if m:
        whole = float(m.group(1) or 0)
        return whole + int(m.group(2)) / int(m.group(3))
    total = 0.0
    current = 0.0
    words = re.split(r"[\s-]+", t.replace(" and ", " "))
    if not words:
        return None
    for word in words:
        if word in ("a", "an") and current == 0:
            current = 1
            continue
        if word not in cardinals:
            return None
        n = cardinals[word]
        if n == 100:
            current = (current or 1) * 100
        elif n == 1000:
            total += (current or 1) * 1000
            current = 0
        else:
            current += n
    return total + current


def duration_amount(value: float | None) -> str:
    """Render an amount for a TIMEX3 duration: ``X`` when vague, no trailing ``.0``."""
    if value is None:
        return "X"
    if value == int(value):
        return str(int(value))
    return f"{value:g}"
