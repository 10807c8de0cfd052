"""Train the cue model and the candidate filter from PolNeAR-format JSONL.

    python -m dateline.quotes.train_cues GOLD.jsonl [--docbin PARSED.spacy]
        [--skip N] [--take M] [--out FILE] [--threshold T]
        [--filter [--folds 3 | --folds 1 --cue-weights FILE]]

Cue model: every candidate word (:func:`dateline.quotes.cue_model.is_candidate`) is
an example, positive when it heads the cue span of a gold attribution.

Filter (``--filter``): every candidate quote the extractor produces (without the
filter) is an example, positive when it matches a gold quote (overlap above 0.3 of
the gold span, one-to-one). Cue scores are cross-fitted over ``--folds`` parts, so
that they are as they will be on new text (``--folds 1`` uses ``--cue-weights``).

Only weights are written (JSON, feature names), never the corpus text.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from dateline.evaluation.quotes import greedy_match
from dateline.nlp.loader import load_base_model
from dateline.quotes.cue_model import (
    FILTER_WEIGHTS_FILE,
    WEIGHTS_FILE,
    CueModel,
    is_candidate,
    load_model,
    token_features,
)
from dateline.quotes.extract import candidate_features, extract, quoted_mask


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


def train_filter(
    rows: list[dict[str, Any]],
    docs: list[Doc],
    cue_model: CueModel | None,
    c: float = 0.5,
    folds: int = 3,
    cue_threshold: float = 0.2,
) -> dict[str, float]:
    """Weights of the candidate filter.

    With ``cue_model`` None the cue scores are cross-fitted: the documents are cut
    into ``folds`` parts and each part's candidates come from a cue model trained on
    the other parts, so the filter sees cue scores as they are on unseen text.
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    features: list[dict[str, float]] = []
    labels: list[int] = []
    n = len(rows)
    parts = (
        [set(range(n))]
        if cue_model is not None
        else [set(range(f * n // folds, (f + 1) * n // folds)) for f in range(folds)]
    )
    for part in parts:
        model = cue_model
        if model is None:
            weights = train(
                [r for i, r in enumerate(rows) if i not in part],
                [d for i, d in enumerate(docs) if i not in part],
                c=c,
            )
            model = CueModel(weights, cue_threshold)
        for i in sorted(part):
            candidates = extract(docs[i], model, use_model=False)
            gold = [(int(q["quote_start"]), int(q["quote_end"])) for q in rows[i]["quotes"]]
            spans = [(q.start, q.end) for q in candidates]
            matched = {p for _, p in greedy_match(gold, spans, 0.3)}
            for index, quote in enumerate(candidates):
                features.append(candidate_features(docs[i], quote))
                labels.append(int(index in matched))
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(features)
    classifier = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    classifier.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    return {
        str(name): round(float(w), 4)
        for name, w in zip(names, classifier.coef_[0], strict=True)
        if abs(w) >= 0.01
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--docbin", type=Path, default=None, help="parses of the gold texts")
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="default: the shipped file")
    parser.add_argument(
        "--threshold", type=float, default=None, help="default: 0.2 (cues), 0.4 (filter)"
    )
    parser.add_argument("--c", type=float, default=0.5)
    parser.add_argument("--take", type=int, default=None)
    parser.add_argument("--filter", action="store_true")
    parser.add_argument("--cue-weights", type=Path, default=WEIGHTS_FILE)
    parser.add_argument(
        "--folds", type=int, default=3, help="filter: cross-fitted cue scores (1 = --cue-weights)"
    )
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    nlp = load_base_model()
    if args.docbin is not None:
        docs = list(DocBin().from_disk(args.docbin).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((row["text"] for row in rows), batch_size=16))
    end = len(rows) if args.take is None else args.skip + args.take
    rows, docs = rows[args.skip : end], docs[args.skip : end]
    if args.filter:
        cue_model = None
        if args.folds <= 1:
            cue_model = load_model(args.cue_weights)
            if cue_model is None:
                parser.error(f"no cue weights at {args.cue_weights}")
        weights = train_filter(rows, docs, cue_model, c=args.c, folds=args.folds)
        what = "Candidate-filter weights"
    else:
        weights = train(rows, docs, c=args.c)
        what = "Cue-word weights"
    threshold = args.threshold if args.threshold is not None else (0.4 if args.filter else 0.2)
    payload = {
        "about": (
            f"{what} of dateline's quotes stage (logistic regression), trained by "
            f"dateline.quotes.train_cues on {args.gold.name} (documents {args.skip}..{end}). "
            "Feature names only, no corpus text."
        ),
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }
    out = args.out or (FILTER_WEIGHTS_FILE if args.filter else WEIGHTS_FILE)
    out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights written to {out}")


if __name__ == "__main__":
    main()
