"""Pair quotation marks into quoted segments, robust to stray and unbalanced marks.

News text mixes straight and curly quotes, guillemets, doubled apostrophes (''...''),
single quotes in headlines, apostrophes that look like closing single quotes, and
typos that leave a mark unpaired. Pairing works paragraph by paragraph, so a stray
mark can at worst swallow the rest of its own paragraph, never the article. A quote
opened and not closed at the end of a paragraph continues into the next paragraph
when that one opens with a mark (the convention for quotes running over several
paragraphs); otherwise the unpaired mark is ignored unless it opens the paragraph.
A paragraph opened by a dialogue dash is a quote up to its end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Family = Literal["double", "single", "guillemet", "dash"]
Role = Literal["open", "close", "either"]

# Characters that may precede an opening mark / follow a closing one.
_BEFORE_OPEN = set(" \t\n([{—–-/:;,\u00a0") | {""}
_AFTER_CLOSE = set(" \t\n)]}.,;:!?—–-…\u00a0") | {""}

_MARK_RE = re.compile(r"``|''|[\"“”„‟«»‹›‘’']")
_DASH_OPENERS = ("— ", "– ", "―")


@dataclass(slots=True, frozen=True)
class Mark:
    start: int
    end: int
    family: Family
    role: Role


@dataclass(slots=True, frozen=True)
class Segment:
    """A quoted stretch of text.

    ``open_start``..``close_end`` includes the marks; ``start``..``end`` is the
    content. ``closed`` is False when the quote ran to the end of its paragraph
    without a closing mark (multi-paragraph quotes, dialogue dashes, typos).
    """

    open_start: int
    start: int
    end: int
    close_end: int
    closed: bool = True
    family: Family = "double"


def _char(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else ""


def _classify(text: str, match: re.Match[str]) -> Mark | None:
    mark = match.group()
    start, end = match.span()
    before, after = _char(text, start - 1), _char(text, end)
    if mark in ("“", "„", "‟", "``"):
        return Mark(start, end, "double", "open")
    if mark == "”":
        return Mark(start, end, "double", "close")
    if mark == "«":
        return Mark(start, end, "guillemet", "open")
    if mark == "»":
        return Mark(start, end, "guillemet", "close")
    if mark == "‹":
        return Mark(start, end, "guillemet", "open")
    if mark == "›":
        return Mark(start, end, "guillemet", "close")
    if mark in ('"', "''"):
        return Mark(start, end, "double", _role_from_context(before, after))
    # Single marks: a mark between two letters is an apostrophe (don't, Trump’s), and
    # so is one after a letter or digit followed by a space when it could be a
    # possessive plural (voters’ concerns): only a pending opener makes it a closer.
    if before.isalnum() and after.isalnum():
        return None
    if mark == "‘":
        return Mark(start, end, "single", "open") if not before.isalnum() else None
    if mark == "’" or mark == "'":
        role = _role_from_context(before, after)
        if role == "open" and mark == "’":
            return None  # a leading ’ is an elision ('’90s'), not an opener
        return Mark(start, end, "single", role)
    return None


def _role_from_context(before: str, after: str) -> Role:
    opens = before in _BEFORE_OPEN or before in "“‘«"
    closes = after in _AFTER_CLOSE or after in "”’»\"'"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if before.isalnum() or before in ".,!?…":
        return "close"
    if after.isalnum():
        return "open"
    return "either"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append(match.span())
    return spans


def _pair_family(
    text: str, marks: list[Mark], para_start: int, para_end: int
) -> tuple[list[Segment], Mark | None]:
    """Pair the marks of one family within a paragraph; return the dangling opener."""
    segments: list[Segment] = []
    pending: Mark | None = None
    for mark in marks:
        if pending is None:
            if mark.role in ("open", "either"):
                pending = mark
            # a closer with nothing open is stray: ignore it
            continue
        if mark.role in ("close", "either") or (
            # “...“ typed twice: a second opener right after text closes the quote
            mark.role == "open" and _char(text, mark.end) in _AFTER_CLOSE
        ):
            segments.append(
                Segment(pending.start, pending.end, mark.start, mark.end, True, mark.family)
            )
            pending = None
        else:
            pending = mark  # the earlier opener was stray
    return segments, pending


def find_segments(text: str) -> list[Segment]:
    """All quoted segments of ``text`` in order; never raises on odd input."""
    paragraphs = _paragraphs(text)
    all_marks = [m for m in (_classify(text, match) for match in _MARK_RE.finditer(text)) if m]
    segments: list[Segment] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        marks = [m for m in all_marks if p_start <= m.start < p_end]
        stripped_start = p_start + (len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip()))
        content_end = p_start + len(text[p_start:p_end].rstrip())
        outer: list[Segment] = []
        for family in ("double", "guillemet"):
            found, dangling = _pair_family(
                text, [m for m in marks if m.family == family], p_start, p_end
            )
            outer.extend(found)
            if dangling is not None and _continues(text, dangling, paragraphs, index):
                outer.append(
                    Segment(dangling.start, dangling.end, content_end, content_end, False, family)
                )
        outer = _drop_nested(outer)
        singles = [
            m
            for m in marks
            if m.family == "single"
            and not any(s.open_start <= m.start < s.close_end for s in outer)
        ]
        single_segments, _ = _pair_family(text, singles, p_start, p_end)
        found_here = _drop_nested(outer + single_segments)
        if not found_here and text.startswith(_DASH_OPENERS, stripped_start):
            dash_len = 2 if text[stripped_start + 1 : stripped_start + 2] == " " else 1
            found_here = [
                Segment(
                    stripped_start,
                    stripped_start + dash_len,
                    content_end,
                    content_end,
                    False,
                    "dash",
                )
            ]
        segments.extend(found_here)
    segments.sort(key=lambda s: s.open_start)
    return [s for s in segments if s.end > s.start]


def _continues(text: str, opener: Mark, paragraphs: list[tuple[int, int]], index: int) -> bool:
    """Does an unclosed opener run to the end of its paragraph?"""
    p_start, _ = paragraphs[index]
    opens_paragraph = not text[p_start : opener.start].strip()
    if index + 1 < len(paragraphs):
        n_start, n_end = paragraphs[index + 1]
        nxt = text[n_start:n_end].lstrip()
        if nxt[:1] in ('"', "“", "«", "„") or nxt.startswith("``"):
            return True
    return opens_paragraph


def _drop_nested(segments: list[Segment]) -> list[Segment]:
    ordered = sorted(segments, key=lambda s: (s.open_start, -s.close_end))
    kept: list[Segment] = []
    for seg in ordered:
        if kept and seg.open_start < kept[-1].close_end:
            continue
        kept.append(seg)
    return kept
