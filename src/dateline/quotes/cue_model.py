"""Which words are attribution cues: a linear model over parse features.

News attributes statements with far more words than verbs of saying: beliefs
("believes", "hopes"), stances ("opposes", "backs"), nouns ("his criticism of"),
raising verbs ("seemed to"). Whether a word is a cue depends on its lemma and on
its construction (a complement clause, a subject that is a person, being inside a
quotation). A logistic regression over such features, trained with
:mod:`dateline.quotes.train_cues` on an attribution corpus, scores every candidate
word. Its weights ship as JSON (feature name -> weight), so no pickle and no
scikit-learn is needed at run time. Without the weights file the stage falls back
to the hand-written cue lexicon.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from dateline.quotes.lexicon import DATA_DIR, lexicon

WEIGHTS_FILE = DATA_DIR / "cue_weights.json"
# A second linear model keeps or drops whole candidate quotes (see extract.py).
FILTER_WEIGHTS_FILE = DATA_DIR / "filter_weights.json"
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "PROPN", "ADP", "PUNCT", "ADV"})
_PERSONISH = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def is_candidate(token: Token) -> bool:
    if token.pos_ not in CANDIDATE_POS:
        return False
    if token.pos_ == "PUNCT":
        return token.text == ":"
    if token.pos_ in ("ADP", "ADV"):
        return token.lower_ in ("according", "reportedly", "apparently", "allegedly")
    return True


def token_features(token: Token, in_quote: bool) -> dict[str, float]:
    lemma = token.lemma_.lower()
    deps = sorted({c.dep_ for c in token.children})
    features: dict[str, float] = {
        "bias": 1.0,
        f"lemma={lemma}": 1.0,
        f"pos={token.pos_}": 1.0,
        f"tag={token.tag_}": 1.0,
        f"dep={token.dep_}": 1.0,
        f"lemma_dep={lemma}|{token.dep_}": 1.0,
        f"head_lemma={token.head.lemma_.lower()}": 1.0,
        f"lexicon={lemma in lexicon().cue_verbs}": 1.0,
        f"in_quote={in_quote}": 1.0,
        f"n_children={min(len(deps), 4)}": 1.0,
    }
    for dep in deps:
        features[f"child={dep}"] = 1.0
        features[f"lemma_child={lemma}|{dep}"] = 1.0
    for child in token.children:
        if child.dep_ == "prep":
            features[f"prep={lemma}|{child.lower_}"] = 1.0
        if child.dep_ in ("nsubj", "nsubjpass"):
            features[f"subj_pos={child.pos_}"] = 1.0
            features[f"subj_ent={child.ent_type_ in _PERSONISH}"] = 1.0
            if child.pos_ == "PRON":
                features[f"subj_pron={child.lower_}"] = 1.0
        if child.dep_ == "ccomp":
            features[f"ccomp_first={next(child.subtree).lower_}"] = 1.0
            features[f"ccomp_lemma={child.lemma_.lower()}"] = 1.0
        if child.dep_ in ("nsubj", "nsubjpass"):
            features[f"subj_lemma={child.lemma_.lower()}"] = 1.0
            features[f"lemma_subj_ent={lemma}|{child.ent_type_ or '-'}"] = 1.0
        if child.dep_ == "dobj":
            features[f"dobj_lemma={child.lemma_.lower()}"] = 1.0
    features[f"after_quote={left_is_quote_end(token)}"] = 1.0
    left = token.nbor(-1).lower_ if token.i > 0 else "<s>"
    right = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else "</s>"
    features[f"left={left}"] = 1.0
    features[f"right={right}"] = 1.0
    features[f"lemma_right={lemma}|{right}"] = 1.0
    return features


_CLOSERS = frozenset({'"', "”", "''", "’", "»"})


def left_is_quote_end(token: Token) -> bool:
    """'"...," said X' / '"...," X said': a cue right after a closing mark."""
    doc = token.doc
    for offset in (1, 2, 3):
        if token.i - offset < 0:
            return False
        if doc[token.i - offset].text in _CLOSERS:
            return True
    return False


@dataclass(frozen=True, slots=True)
class CueModel:
    weights: dict[str, float]
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        z = max(-30.0, min(30.0, z))
        return 1.0 / (1.0 + math.exp(-z))


def load_model(path: Path | None = None) -> CueModel | None:
    return _load(str(path or WEIGHTS_FILE))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> CueModel | None:
    file = Path(path)
    if not file.is_file():
        return None
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return CueModel(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            threshold=float(data.get("threshold", 0.5)),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
