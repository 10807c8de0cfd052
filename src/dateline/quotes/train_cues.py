"""Train the cue model from an attribution corpus in PolNeAR JSONL format.

    python -m dateline.quotes.train_cues GOLD.jsonl [--docbin PARSED.spacy]
        [--skip N] [--out FILE] [--threshold 0.5]

Every candidate word (:func:`dateline.quotes.cue_model.is_candidate`) is an example;
it is positive when it heads the cue span of a gold attribution. Only the weights
are written (JSON), never the corpus text. ``--skip N`` leaves the first N documents
out of training so that they can serve for development.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from dateline.nlp.loader import load_base_model
from dateline.quotes.cue_model import WEIGHTS_FILE, is_candidate, token_features
from dateline.quotes.extract import quoted_mask


def examples(doc: Doc, quotes: Iterable[dict[str, Any]]) -> Iterator[tuple[dict[str, float], int]]:
    positives: set[int] = set()
    for quote in quotes:
        start, end = quote.get("cue_start"), quote.get("cue_end")
        if start is None or end is None:
            continue
        span = doc.char_span(int(start), int(end), alignment_mode="expand")
        if span is not None and len(span) > 0:
            positives.add(span.root.i)
    mask = quoted_mask(doc)
    for token in doc:
        if is_candidate(token):
            yield token_features(token, mask[token.i]), int(token.i in positives)


def train(
    rows: list[dict[str, Any]], docs: list[Doc], c: float = 0.5, min_weight: float = 0.1
) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    features: list[dict[str, float]] = []
    labels: list[int] = []
    for row, doc in zip(rows, docs, strict=True):
        for feats, label in examples(doc, row.get("quotes", [])):
            features.append(feats)
            labels.append(label)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(features)
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    model.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    return {
        str(name): round(float(w), 4)
        for name, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= min_weight
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--docbin", type=Path, default=None, help="parses of the gold texts")
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    parser.add_argument("--threshold", type=float, default=0.3)
    parser.add_argument("--c", type=float, default=0.5)
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    nlp = load_base_model()
    if args.docbin is not None:
        docs = list(DocBin().from_disk(args.docbin).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((row["text"] for row in rows), batch_size=16))
    weights = train(rows[args.skip :], docs[args.skip :], c=args.c)
    payload = {
        "about": (
            "Cue-word weights of dateline's quotes stage (logistic regression over parse "
            f"features), trained by dateline.quotes.train_cues on {args.gold.name} "
            f"(documents {args.skip}..{len(rows)}). Feature names only, no corpus text."
        ),
        "threshold": args.threshold,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights written to {args.out}")


if __name__ == "__main__":
    main()
