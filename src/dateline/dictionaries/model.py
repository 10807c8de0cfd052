"""Neutral in-memory form of PETRARCH/CAMEO dictionary entries.

The loaders in this package produce these; the actors stage turns ``DictActor`` and
``DictAgent`` into knowledge-base entries, the events stage uses ``VerbPattern``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class CodeRange:
    """An actor code valid between two dates (either end open)."""

    code: str  # e.g. "USAGOV", "RUSELI"
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class DictActor:
    """One actor block: names (phrases, lower-cased, words separated by spaces) and codes."""

    names: list[str]
    codes: list[CodeRange] = field(default_factory=list)  # undated codes have no start/end
    comment: str | None = None

    def code_on(self, day: dt.date | None) -> str | None:
        """The code in force on ``day``; an undated code is the fallback."""
        undated = [c.code for c in self.codes if c.start is None and c.end is None]
        if day is not None:
            for c in self.codes:
                if (c.start is not None or c.end is not None) and c.covers(day):
                    return c.code
        return undated[0] if undated else (self.codes[0].code if self.codes else None)


@dataclass(slots=True)
class DictAgent:
    """A common noun ("soldiers", "police") and the agent code it carries ("MIL", "COP")."""

    noun: str  # lower-cased phrase
    code: str  # without the leading "~"
    plural: list[str] = field(default_factory=list)


@dataclass(slots=True)
class VerbPattern:
    """A verb (lemma) with an optional PETRARCH pattern and the CAMEO code it yields."""

    verb: str  # lemma, lower-cased ("meet", "fire")
    code: str  # CAMEO code, e.g. "036" or a test-only code from a validation dictionary
    pattern: str | None = None  # the raw pattern text ("- * TALKS WITH +") or None
    synset: str | None = None
