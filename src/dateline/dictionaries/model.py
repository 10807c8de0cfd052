"""Neutral in-memory form of PETRARCH/CAMEO dictionary entries.

The loaders in this package produce these; the actors stage turns ``DictActor`` and
``DictAgent`` into knowledge-base entries, the events stage uses ``VerbPattern``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# PETRARCH's null code: the entry is known but yields no actor or event.
NULL_CODE = "---"


@dataclass(slots=True)
class CodeRange:
    """An actor code valid between two dates (either end open, both ends inclusive)."""

    code: str  # e.g. "USAGOV", "RUSELI"
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(slots=True)
class DictActor:
    """One actor block: names (phrases, lower-cased, words separated by spaces) and codes."""

    names: list[str]
    codes: list[CodeRange] = field(default_factory=list)  # undated codes have no start/end
    comment: str | None = None
    line: int = 0  # line of the block's first name in its file (1-based), for messages

    def code_on(self, day: dt.date | None) -> str | None:
        """The code in force on ``day``; an undated code is the fallback.

        Dated codes are tried in file order, so an earlier range overrides a later
        overlapping one (PETRARCH's rule).
        """
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
    # True for codes written "NGO~": the agent code goes before the actor's code
    # ("MSF Arnor" -> NGOARN) instead of after it ("Arnor police" -> ARNCOP).
    prefix: bool = False


@dataclass(slots=True)
class VerbPattern:
    """A verb (lemma) with an optional PETRARCH pattern and the CAMEO code it yields.

    A verb dictionary is read into two kinds of entries sharing a ``synset`` (the
    PETRARCH verb block, e.g. ``"ABANDON"``):

    * verb entries (``pattern is None``): one per verb of the block, with the verb's
      own code or the block's; ``forms`` lists its surface forms and ``particles`` /
      ``prefix_words`` the other words of a multi-word verb ("cordon off");
    * pattern entries (``pattern`` set): a pattern line of the block, which applies to
      every verb of the block; ``verb`` is then the block's first verb.

    Codes are kept as written: ``"032:033"`` is an event and its reverse (target to
    source), ``"---"`` a pattern that matches but codes nothing.
    """

    verb: str  # lemma, lower-cased ("meet", "fire")
    code: str  # CAMEO code, e.g. "036" or a test-only code from a validation dictionary
    pattern: str | None = None  # the raw pattern text ("- * TALKS WITH +") or None
    synset: str | None = None  # the verb block the entry belongs to ("MEET")
    forms: list[str] = field(default_factory=list)  # lower-cased surface forms of the verb
    particles: list[str] = field(default_factory=list)  # words right after ("off")
    prefix_words: list[str] = field(default_factory=list)  # words right before ("wire")
    # The &SYNSET word lists the file defines (shared by all entries of one file).
    word_sets: dict[str, list[str]] = field(default_factory=dict)
    line: int = 0


@dataclass(slots=True)
class Discard:
    """A phrase whose presence stops coding of its sentence (or of the whole story)."""

    phrase: str  # lower-cased, words separated by spaces
    story: bool = False  # "+PHRASE": the whole story is not coded
    whole_word: bool = False  # "PHRASE_": must end at a word boundary (else a stem)
