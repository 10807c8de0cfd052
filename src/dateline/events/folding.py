"""PLOVER's folding rule: future cooperation is AGREE, a threatened conflict is THREATEN.

``type`` keeps the action described; ``plover`` and ``cameo`` follow the folded reading
(DESIGN.md section 2): a planned meeting is CONSULT / AGREE / 036, a threatened sanction
SANCTION / THREATEN / 1312.
"""

from __future__ import annotations

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
# (a threatened withdrawal or resignation is a threat too: "will withdraw its
# peacekeepers unless ...", CAMEO 136 threaten to halt international involvement)
THREATENABLE = frozenset(
    {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE", "REJECT", "RETREAT"}
)
MATERIAL_CONFLICT = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"})
# CAMEO code of a cooperative action -> code of refusing it (12x): "will not accept".
REFUSAL = {"04": "125", "03": "127", "07": "122", "06": "121", "08": "124", "05": "120"}

# CAMEO code of the action -> CAMEO code of the intent to do it (03x).
INTENT = {
    "04": "036",
    "045": "039",
    "05": "032",
    "06": "031",
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "07": "033",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "08": "035",
    "081": "0351",
    "0841": "0353",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
    "0871": "0356",
    "0872": "0356",
    "0873": "0356",
    "0874": "0356",
    "03": "03",
}
# CAMEO code of the action -> CAMEO code of the threat to do it (13x).
THREAT = {
    "16": "131",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "17": "132",
    "172": "132",
    "1723": "1323",
    "1724": "1324",
    "175": "137",
    "18": "1383",
    "19": "1384",
    "191": "1381",
    "192": "1382",
    "20": "1384",
    "204": "1385",
    "14": "133",
    "15": "138",
    "12": "130",
    "087": "136",
    "08": "130",
}


def _lookup(table: dict[str, str], code: str) -> str | None:
    for length in (4, 3, 2):
        if len(code) >= length and code[:length] in table:
            return table[code[:length]]
    return None


def fold(action_type: str, code: str, status: str) -> tuple[str, str]:
    """(plover, cameo) for an action of ``action_type``/``code`` with ``status``.

    Future concessions and retreats fold into AGREE as in the PLOVER gold records
    (0.5b1); the 2021 manual would keep them CONCEDE, which scored lower on the
    inspected half of those records.
    """
    if status in ("planned", "hypothetical") and action_type in COOPERATIVE:
        intent = _lookup(INTENT, code)
        if code.startswith("03"):
            return "AGREE", code
        return "AGREE", intent or "030"
    if (status == "threatened" and action_type in THREATENABLE) or (
        status in ("planned", "hypothetical") and action_type in MATERIAL_CONFLICT
    ):
        # a threatened, announced or conditional conflict action is a PLOVER THREATEN
        return "THREATEN", _lookup(THREAT, code) or "130"
    return action_type, code


def refusal_code(code: str) -> str:
    return REFUSAL.get(code[:2], "120")
