"""Normalization: a matched expression, its tense and the reference time -> TIMEX3 value.

Relative expressions are resolved against the publication date; anaphoric ones
("the next day", "two days later", "a year earlier", "the same quarter") against the
reference point the text last set, when there is one. Without a publication date,
anything relative to it keeps X's ("XXXX-WXX-3"): we never guess.
"""

from __future__ import annotations

from dateline.time.resolution import FLIP_DAYS, Context, Resolution, words_of, year_shift
from dateline.time.resolve_durations import DurationRules

__all__ = ["FLIP_DAYS", "Context", "Resolution", "Resolver", "words_of", "year_shift"]


class Resolver(DurationRules):
    """All normalization rules; ``resolve`` dispatches on the grammar family."""

    def resolve(self, kind: str, text: str, ctx: Context) -> Resolution | None:
        handler = getattr(self, f"_r_{kind}", None)
        if handler is None:
            return None
        result: Resolution | None = handler(text, words_of(text), ctx)
        return result
