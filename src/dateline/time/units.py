"""Tables of the time grammar's units and words, shared by normalization.

Unit codes: S(econd), MIN(ute), H(our), D(ay), W(eek), WE (weekend), FN (fortnight),
M(onth), Q(uarter), Y(ear), DE (decade), CE (century), L (millennium).
"""

from __future__ import annotations

from dateline.time.calendar import Granularity

UNIT_CODES: dict[str, str] = {
    "second": "S",
    "sec": "S",
    "minute": "MIN",
    "min": "MIN",
    "hour": "H",
    "hr": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "FN",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "yr": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
    "millennium": "L",
    "millennia": "L",
}
# Unit code -> granularity of a point named with that unit ("two weeks ago").
UNIT_GRAN: dict[str, Granularity] = {
    "S": "D",
    "MIN": "D",
    "H": "D",
    "D": "D",
    "W": "W",
    "WE": "W",
    "FN": "W",
    "M": "M",
    "Q": "Q",
    "Y": "Y",
    "DE": "E",
    "CE": "C",
    "L": "C",
}
UNIT_SHIFT: dict[str, tuple[int, str]] = {
    "D": (1, "D"),
    "W": (1, "W"),
    "WE": (1, "W"),
    "FN": (2, "W"),
    "M": (1, "M"),
    "Q": (1, "Q"),
    "Y": (1, "Y"),
    "DE": (1, "E"),
    "CE": (1, "C"),
    "L": (10, "C"),
}
REL_OFFSET = {
    "this": 0,
    "current": 0,
    "same": 0,
    "that": 0,
    "last": -1,
    "past": -1,
    "previous": -1,
    "prior": -1,
    "preceding": -1,
    "latest": -1,
    "recent": -1,
    "next": 1,
    "coming": 1,
    "upcoming": 1,
    "following": 1,
}
# Relative words that refer to the text's reference point, not to the publication.
ANAPHORIC = frozenset({"following", "previous", "preceding", "same", "that", "prior"})
PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
PLURAL_UNITS = {"days": "D", "weeks": "W", "months": "M", "quarters": "Q", "years": "Y"}
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
