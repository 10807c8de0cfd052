"""How well dateline's HTML ingestion recovers a page's main text and metadata.

    python bench/html_extraction.py [HTML_DIR] --references REF_DIR

HTML_DIR holds the pages and an ``index.json`` (``file``, ``title``, ``published``,
``outlet`` per page), e.g. ``../shared/data/news/html``. REF_DIR holds the reference
main text of each page as ``<page file stem>.txt`` (the texts named in the index's
``reference_text`` field; they are not redistributed with dateline). Word-level
precision/recall/F1 is the bag-of-words overlap used by extraction benchmarks
(e.g. scrapinghub's article-extraction-benchmark): lower-cased word tokens,
counted with multiplicity. Pages without a reference get metadata checks only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from dateline.ingest.html import decode_html, extract_page
from dateline.pipeline import parse_date

DEFAULT_HTML = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "html"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def word_prf(predicted: str, reference: str) -> tuple[float, float, float]:
    pred, ref = words(predicted), words(reference)
    overlap = sum((pred & ref).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(ref.values()) if ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html_dir", nargs="?", type=Path, default=DEFAULT_HTML)
    parser.add_argument("--references", type=Path, help="directory of <stem>.txt references")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    index_path = args.html_dir / "index.json"
    if not index_path.exists():
        print(f"no index.json in {args.html_dir}", file=sys.stderr)
        return 2
    rows = []
    for entry in json.loads(index_path.read_text(encoding="utf-8")):
        page_path = args.html_dir / entry["file"]
        started = time.perf_counter()
        html, error = decode_html(page_path.read_bytes())
        page = extract_page(html, url=entry.get("url")) if html else None
        seconds = time.perf_counter() - started
        row: dict[str, object] = {"file": entry["file"], "seconds": round(seconds, 3)}
        if page is None:
            row["error"] = error or "no main text"
            rows.append(row)
            continue
        expected_date = parse_date(entry.get("published"))
        row.update(
            words=sum(words(page.text).values()),
            title_ok=(page.title or "").strip() == entry.get("title", "").strip(),
            title=page.title,
            date_ok=expected_date is not None and parse_date(page.date) == expected_date,
            date=page.date,
            outlet=page.sitename,
            outlet_ok=(page.sitename or "").lower() == str(entry.get("outlet", "")).lower(),
        )
        reference = args.references / f"{page_path.stem}.txt" if args.references else None
        if reference is not None and reference.exists():
            p, r, f = word_prf(page.text, reference.read_text(encoding="utf-8"))
            row.update(precision=round(p, 4), recall=round(r, 4), f1=round(f, 4))
        rows.append(row)
    scored = [row for row in rows if "f1" in row]
    summary = {
        "pages": len(rows),
        "with_reference": len(scored),
        "mean_f1": round(sum(float(r["f1"]) for r in scored) / len(scored), 4) if scored else None,
        "titles_ok": sum(1 for r in rows if r.get("title_ok")),
        "dates_ok": sum(1 for r in rows if r.get("date_ok")),
        "outlets_ok": sum(1 for r in rows if r.get("outlet_ok")),
    }
    if args.json:
        print(json.dumps({"pages": rows, "summary": summary}, indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        scores = (
            f"P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f}"
            if "f1" in row
            else "no reference"
        )
        print(f"{row['file']}: {scores}; words {row.get('words')}; {row['seconds']:.2f}s")
        print(
            f"    title {'ok' if row.get('title_ok') else 'DIFFERS'}: {row.get('title')!r}; "
            f"date {'ok' if row.get('date_ok') else 'DIFFERS'}: {row.get('date')}; "
            f"outlet {'ok' if row.get('outlet_ok') else 'DIFFERS'}: {row.get('outlet')!r}"
        )
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
