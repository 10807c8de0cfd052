"""Resolution statistics of the actors stage on a news corpus (no gold needed).

``python -m dateline.evaluation.actors CORPUS.jsonl [--limit N] [--sample 100]
[--sample-out FILE]`` reads articles ``{id, text, published?}``, runs the spaCy model and
the actors stage, and reports:

- ``ner_person_org``: spaCy's PERSON and ORG entities (an independent mention detector),
  and the share of them that overlap a mention of an actor linked to a KB entry;
- ``actor_mentions``: all mentions the stage resolved to a person or organization actor
  (names, titles, role nouns, pronouns) and the share linked to a KB entry;
- a random sample of KB resolutions with their sentence, written as JSONL for a person to
  judge (precision is measured by hand: the file has an empty ``correct`` field).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.evaluation.metrics import Report


@dataclass(slots=True)
class Resolution:
    article: str
    published: str | None
    mention: str
    start: int
    end: int
    actor: str
    kb: str
    cameo: str | None
    sentence: str


@dataclass(slots=True)
class Counts:
    documents: int = 0
    ner_mentions: int = 0
    ner_linked: int = 0
    ner_by_label: Counter[str] = field(default_factory=Counter)
    ner_linked_by_label: Counter[str] = field(default_factory=Counter)
    actor_mentions: int = 0
    actor_linked: int = 0
    resolutions: list[Resolution] = field(default_factory=list)


def read_articles(path: Path, limit: int | None, part: str = "all") -> Iterator[dict[str, Any]]:
    """Articles in file order; ``part`` "dev" keeps every fifth, "test" the others (the
    rules were inspected on "dev" only)."""
    taken = 0
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and taken >= limit:
                return
            if not line.strip():
                continue
            if (part == "dev" and n % 5 != 0) or (part == "test" and n % 5 == 0):
                continue
            taken += 1
            yield json.loads(line)


def _published(value: object) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def measure(
    path: Path, limit: int | None = None, batch_size: int = 32, part: str = "all"
) -> Counts:
    from dateline.actors.component import ActorsStage
    from dateline.nlp.loader import load_base_model

    nlp = load_base_model()
    stage = ActorsStage(nlp, "actors_evaluation", [])
    disable = [n for n in nlp.pipe_names if n.startswith("dateline_")]
    counts = Counts()
    articles = list(read_articles(path, limit, part))
    texts = (str(a.get("text") or "") for a in articles)
    for article, doc in zip(
        articles, nlp.pipe(texts, batch_size=batch_size, disable=disable), strict=True
    ):
        published = _published(article.get("published"))
        doc._.published = published
        stage(doc)
        counts.documents += 1
        linked_spans: list[tuple[int, int]] = []
        for actor in doc._.actors:
            if actor.kind not in ("person", "organization"):
                continue
            for m in actor.mentions:
                counts.actor_mentions += 1
                if actor.kb:
                    counts.actor_linked += 1
                    linked_spans.append((m.start, m.end))
                    sent = doc.char_span(m.start, m.end, alignment_mode="expand")
                    counts.resolutions.append(
                        Resolution(
                            article=str(article.get("id")),
                            published=published.isoformat() if published else None,
                            mention=m.text,
                            start=m.start,
                            end=m.end,
                            actor=actor.name,
                            kb=actor.kb,
                            cameo=actor.cameo,
                            sentence=sent.sent.text if sent is not None else "",
                        )
                    )
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            counts.ner_mentions += 1
            counts.ner_by_label[ent.label_] += 1
            if any(s < ent.end_char and ent.start_char < e for s, e in linked_spans):
                counts.ner_linked += 1
                counts.ner_linked_by_label[ent.label_] += 1
    return counts


def report(counts: Counts, gold: str) -> Report:
    rep = Report(task="actors", gold=gold, documents=counts.documents)
    rep.figures["ner_person_org_mentions"] = counts.ner_mentions
    rep.figures["ner_person_org_linked_share"] = (
        counts.ner_linked / counts.ner_mentions if counts.ner_mentions else 0.0
    )
    for label in ("PERSON", "ORG"):
        total = counts.ner_by_label[label]
        rep.figures[f"ner_{label.lower()}_linked_share"] = (
            counts.ner_linked_by_label[label] / total if total else 0.0
        )
    rep.figures["actor_person_org_mentions"] = counts.actor_mentions
    rep.figures["actor_person_org_linked_share"] = (
        counts.actor_linked / counts.actor_mentions if counts.actor_mentions else 0.0
    )
    rep.notes.append(
        "linked share = mentions overlapping a mention of a person/organization actor "
        "with a knowledge-base id; precision needs the hand-checked sample"
    )
    return rep


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--part", choices=("all", "dev", "test"), default="all")
    parser.add_argument("--sample-out", type=Path, default=None)
    args = parser.parse_args(argv)
    counts = measure(args.corpus, args.limit, part=args.part)
    rep = report(counts, str(args.corpus))
    print(json.dumps(rep.to_dict(), indent=2))
    if args.sample_out is not None:
        rng = random.Random(args.seed)
        pool = counts.resolutions
        sample = rng.sample(pool, min(args.sample, len(pool)))
        with args.sample_out.open("w", encoding="utf-8") as fh:
            for r in sample:
                row = {
                    "article": r.article,
                    "published": r.published,
                    "mention": r.mention,
                    "actor": r.actor,
                    "kb": r.kb,
                    "cameo": r.cameo,
                    "sentence": r.sentence,
                    "correct": None,
                }
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
