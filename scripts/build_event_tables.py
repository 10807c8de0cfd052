"""Build ``src/dateline/data/events/cameo_codes.tsv`` from the CAMEO codebook tables.

Inputs (paths given on the command line, read-only):
- the CAMEO event code table with Goldstein scores, QuadClass and Phoenix pentaclass
  (PETRARCH2 / GDELT codebooks, MIT / free with attribution);
- ``CAMEO2PLOVER-2021.txt`` from the PLOVER project (CC BY-SA 4.0), for modes.

The output is a table of facts (code, name, scores, category) in our own layout. Our
decisions where the mapping leaves a choice, documented as the PLOVER manual asks:
- CAMEO 01 (public statement) has no PLOVER category: events stay uncoded;
- CAMEO 02 (appeal) folds into REQUEST (PLOVER's REQUEST covers all requests);
- CAMEO 163 (embargo, sanctions) is SANCTION, as in the PLOVER gold records
  ("imposed sanctions" is coded SANCTION there), not COERCE as in the 2021 table.

Usage: python scripts/build_event_tables.py CAMEO_TSV CAMEO2PLOVER OUT_TSV
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT_TO_PLOVER = {
    "01": "",
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}
OVERRIDES = {"163": ("SANCTION", "restrict")}


def read_plover_table(path: Path) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?", line)
        if m:
            table.setdefault(m.group(1), (m.group(2), (m.group(3) or "").strip()))
    return table


def main(cameo_tsv: str, cameo2plover: str, out: str) -> None:
    plover = read_plover_table(Path(cameo2plover))
    with Path(cameo_tsv).open(encoding="utf-8") as src:
        rows = list(csv.DictReader(src, delimiter="\t"))
    with Path(out).open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# CAMEO event codes: names, Goldstein scale, GDELT QuadClass, Phoenix pentaclass,\n"
            "# PLOVER category and mode. Facts from the CAMEO codebook (Schrodt et al.), the\n"
            "# GDELT/PETRARCH2 code tables and the PLOVER CAMEO2PLOVER table (Open Event Data\n"
            "# Alliance); layout and the choices listed in scripts/build_event_tables.py ours.\n"
        )
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(
            ["code", "root", "name", "goldstein", "quad_class", "pentaclass", "plover", "mode"]
        )
        for row in rows:
            code, root = row["code"], row["root"]
            category = ROOT_TO_PLOVER[root]
            if root == "08":
                category = "RETREAT" if code[:3] in {"084", "085", "086", "087"} else "CONCEDE"
            mode = ""
            if code in plover:
                mapped, mode = plover[code]
                if root not in ("01", "02") and mapped in ROOT_TO_PLOVER.values():
                    category = mapped
            if "_" in mode:  # a context (e.g. "pro_autocracy"), not a mode
                mode = ""
            if code in OVERRIDES:
                category, mode = OVERRIDES[code]
            writer.writerow(
                [
                    code,
                    root,
                    row["name"].strip('"').replace('""', '"'),
                    row["goldstein"],
                    row["quadclass"],
                    row["phoenix_pentaclass"],
                    category,
                    mode,
                ]
            )


if __name__ == "__main__":
    main(*sys.argv[1:4])
