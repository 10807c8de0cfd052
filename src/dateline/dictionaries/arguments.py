"""Source and target actors of a verb, read from the dependency parse.

Given the actor mentions of a sentence (token spans), :func:`verb_arguments` returns
the actors of the verb's subject (the source; the ``by`` agent in the passive) and the
nearest actors in its object, prepositional and complement phrases (the target).
Coordinated actors ("Gondor and Osgiliath") come back together, one per conjunct;
several actors inside one noun phrase ("Bree President Romendacil") count once, the
most informative (highest priority, e.g. longest code), then leftmost, standing for it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from spacy.tokens import Doc, Token

TokenSpan = tuple[int, int]  # token offsets into the Doc, end exclusive

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Dependencies through which a verb without its own subject borrows its head's.
INHERIT_SUBJECT_DEPS = frozenset(
    {"xcomp", "conj", "advcl", "pcomp", "prep", "acomp", "ccomp", "dep", "advmod", "oprd"}
)
# Branches that are not the verb's object: other clauses, function words.
NOT_OBJECT_DEPS = frozenset(
    {
        "conj",
        "cc",
        "punct",
        "advcl",
        "relcl",
        "parataxis",
        "aux",
        "auxpass",
        "neg",
        "mark",
        "agent",
        "npadvmod",
        "nsubj",
        "nsubjpass",
        "csubj",
        "csubjpass",
        "expl",
        "appos",
    }
)
# Inside a noun phrase: words that belong to the same phrase as their head.
NP_INTERNAL_DEPS = frozenset({"compound", "poss", "nmod", "amod", "flat", "case", "det"})
MAX_CLIMB = 5


class ActorIndex:
    """Actor token spans of one sentence with their parse positions."""

    def __init__(
        self, doc: Doc, spans: Sequence[TokenSpan], priorities: Sequence[int] | None = None
    ) -> None:
        self.doc = doc
        self.spans = list(spans)
        # How informative each actor is (e.g. the length of its code): within a noun
        # phrase the most informative stands for it ("Bree President Romendacil").
        self.priorities = list(priorities) if priorities is not None else [0] * len(self.spans)
        self.by_token: dict[int, int] = {}
        for n, (start, end) in enumerate(self.spans):
            for i in range(start, end):
                self.by_token.setdefault(i, n)
        self.roots = [doc[s:e].root for s, e in self.spans]
        self.slots = [_slot(r) for r in self.roots]

    def slot_members(self, slot: Token) -> list[int]:
        return [n for n, s in enumerate(self.slots) if s.i == slot.i]

    def _rank(self, m: int) -> tuple[int, int]:
        return (-self.priorities[m], self.spans[m][0])

    def representative(self, n: int) -> int:
        """The actor standing for actor ``n``'s noun phrase: most informative, leftmost."""
        members = self.slot_members(self.slots[n])
        return min(members, key=self._rank) if members else n

    def group(self, n: int) -> list[int]:
        """Actor ``n`` and the actors coordinated with it, one per noun phrase."""
        slot = self.slots[n]
        conj_slots = {slot.i} | {t.i for t in slot.conjuncts}
        # "the ambassadors of Arnor, Osgiliath and Gondor": one actor span holds the
        # first conjunct; the others hang on a token inside it.
        start, end = self.spans[n]
        for token in self.doc[start:end]:
            conj_slots.update(t.i for t in token.conjuncts if not start <= t.i < end)
        reps: dict[int, int] = {}
        for m, s in enumerate(self.slots):
            if s.i in conj_slots:
                best = reps.get(s.i)
                if best is None or self._rank(m) < self._rank(best):
                    reps[s.i] = m
        return sorted(reps.values(), key=lambda m: self.spans[m][0]) or [n]


def _slot(token: Token) -> Token:
    """The head of the noun phrase ``token`` sits in."""
    for _ in range(3):
        if token.dep_ in NP_INTERNAL_DEPS and token.head is not token:
            token = token.head
        else:
            break
    return token


def find_subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject (borrowed from its head if needed) and whether it is passive."""
    current = verb
    for _ in range(MAX_CLIMB):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child, False
            if child.dep_ in PASSIVE_SUBJECT_DEPS:
                return child, True
        if current.dep_ in ("relcl", "acl") and current.head is not current:
            passive = current.tag_ == "VBN" and current.dep_ == "acl"
            return current.head, passive
        if current.dep_ not in INHERIT_SUBJECT_DEPS or current.head is current:
            return None, False
        current = current.head
    return None, False


def nearest_actor(index: ActorIndex, start: Token, *, skip_deps: frozenset[str]) -> int | None:
    """The first actor met walking down from ``start`` (breadth first, left first)."""
    queue: deque[Token] = deque([start])
    seen: set[int] = set()
    while queue:
        token = queue.popleft()
        if token.i in seen:
            continue
        seen.add(token.i)
        n = index.by_token.get(token.i)
        if n is not None:
            return index.representative(n)
        queue.extend(c for c in token.children if c.dep_ not in skip_deps)
    return None


def resolve_pronoun(index: ActorIndex, pronoun: Token, verb: Token) -> int | None:
    """A subject pronoun ("Ethiopia said it would ...") stands for the subject actor of
    a governing clause; None when there is none (no guessing from mere proximity)."""
    current = verb
    for _ in range(MAX_CLIMB):
        if current.head is current:
            break
        current = current.head
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS and child.i != pronoun.i:
                n = nearest_actor(index, child, skip_deps=frozenset({"relcl", "acl", "punct"}))
                if n is not None:
                    return n
    return None


def _descend(child: Token) -> bool:
    """Whether a target may be looked for under this child of the verb."""
    if child.dep_ == "advcl":
        # "signed an accord to supply Gondor": an infinitive of purpose continues
        # the action; other adverbial clauses are separate events.
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    return child.dep_ not in NOT_OBJECT_DEPS


def verb_arguments(
    index: ActorIndex, verb: Token, trigger_end: int
) -> tuple[list[int], list[int], bool]:
    """(source actors, target actors, passive) as indices into ``index.spans``."""
    subject, passive = find_subject(verb)
    sources: list[int] = []
    targets: list[int] = []
    if subject is not None:
        n = nearest_actor(index, subject, skip_deps=frozenset({"relcl", "acl", "punct"}))
        if n is None and subject.tag_ == "PRP":
            n = resolve_pronoun(index, subject, verb)
        if n is not None:
            (targets if passive else sources).extend(index.group(n))
    if passive:
        for child in verb.children:
            if child.dep_ == "agent":
                n = nearest_actor(index, child, skip_deps=frozenset({"relcl", "punct"}))
                if n is not None:
                    sources = index.group(n)
                    break
    if not targets:
        for child in sorted(verb.children, key=lambda c: c.i):
            # Children inside the trigger (the particle of "cordoned off") still lead on.
            if child.i < verb.i or not _descend(child):
                continue
            n = nearest_actor(index, child, skip_deps=frozenset({"relcl", "punct", "advcl"}))
            if n is not None and n not in sources:
                targets = [m for m in index.group(n) if m not in sources]
                break
    return sources, targets, passive
