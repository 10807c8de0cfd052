"""Wire-story datelines ("BRUSSELS, March 11 (Reuters) - ") are not part of a quote.

The parser reads a dateline as the start of the first sentence, so content that
begins with that sentence would begin with the dateline too. A dateline is a city
in capitals, optionally a date, optionally the agency in parentheses, then a dash;
a city in ordinary case counts only with the agency in parentheses, which is what
tells a dateline from a sentence that opens with a name and a dash.
"""

from __future__ import annotations

import re

_DASH = r"\s*[-—–]{1,2}\s+"
_DATE = r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
_AGENCY = r"\s*\([A-Z][^()\n]{0,40}\)"
_CAPS_CITY = r"[A-Z][A-Z.'’]{2,}(?:[ -][A-Z][A-Z.'’]+){0,3}(?:,\s*[A-Z][A-Za-z.]+){0,2}"
_ANY_CITY = r"[A-Z][\w.'’]+(?:[ -][A-Z][\w.'’]+){0,3}(?:,\s*[A-Z][\w.]+){0,2}"

_LEAD_IN = re.compile(
    rf"(?:{_CAPS_CITY}{_DATE}(?:{_AGENCY})?|{_ANY_CITY}{_DATE}{_AGENCY}){_DASH}(?=\S)"
)


def after_lead_in(text: str, start: int, end: int) -> int:
    """Where content starting at ``start`` begins once a dateline lead-in is skipped."""
    if text[:start].rstrip(" \t\u00a0")[-1:] not in ("", "\n"):
        return start  # a dateline opens its paragraph
    match = _LEAD_IN.match(text, start, end)
    if match is None:
        return start
    if not any(c.isalpha() for c in text[match.end() : end]):
        return start  # nothing would be left: not a lead-in
    return match.end()
