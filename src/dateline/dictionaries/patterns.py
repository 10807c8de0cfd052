"""Compile PETRARCH verb patterns (``- PRE * POST``) into element sequences.

A pattern is read as TABARI/PETRARCH read it:

* ``*`` is the verb; words before it must occur before the verb, in order, words
  after it after the verb, in order;
* words joined by ``_`` (or joined to ``*`` by ``_``) must be consecutive, words
  separated by spaces may have other words between them;
* ``&NAME`` is any phrase of the synset ``NAME`` (synsets may nest);
* ``+`` is the target, ``$`` the source, ``%`` a compound actor ("Gondor and
  Osgiliath"), ``^`` skips a phrase;
* PETRARCH2 marks phrases with ``{...}`` (noun phrase) and ``(...)`` (prepositional
  phrase); their words are matched as ordinary words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateline.dictionaries.model import VerbPattern

ACTOR_MARKS = frozenset({"+", "$", "%"})
MAX_SYNSET_DEPTH = 4


@dataclass(slots=True)
class Element:
    """One element of a pattern side.

    ``kind`` is ``word`` (``phrases`` holds the alternatives, each a tuple of words),
    ``target``, ``source``, ``compound`` or ``skip``. ``tight`` means the element must
    come right next to the previous one (or to the verb).
    """

    kind: str
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    tight: bool = False


@dataclass(slots=True)
class CompiledPattern:
    entry: VerbPattern
    code: str
    before: list[Element]  # in text order, the last one nearest the verb
    after: list[Element]  # in text order, the first one nearest the verb
    words: int  # literal words in the pattern: its specificity
    order: int  # position in the dictionary (earlier wins ties)
    before_touches_verb: bool = False  # "IN_*": the last pre-verb element is adjacent
    # For each word element, the words its phrases start with (a cheap pre-check).
    first_words: list[frozenset[str]] = field(default_factory=list)


def _split_word(word: str) -> tuple[str, ...]:
    """Pattern words as the tokenizer sees them ("DIDN'T" -> "did", "n't")."""
    word = word.lower()
    if word.endswith("n't") and len(word) > 3 and " " not in word:
        return (word[:-3], "n't")
    return tuple(word.split())


def _expand_synset(
    name: str, word_sets: dict[str, list[str]], depth: int = 0
) -> list[tuple[str, ...]] | None:
    members = word_sets.get(name.upper())
    if members is None or depth > MAX_SYNSET_DEPTH:
        return None
    phrases: list[tuple[str, ...]] = []
    for member in members:
        if member.startswith("&"):
            inner = _expand_synset(member, word_sets, depth + 1)
            if inner:
                phrases.extend(inner)
        else:
            words: tuple[str, ...] = ()
            for w in member.split():
                words += _split_word(w)
            if words:
                phrases.append(words)
    return phrases


_TOKEN = re.compile(r"[^\s_]+|_|\s+")


def compile_side(
    text: str, word_sets: dict[str, list[str]], *, leading_tight: bool
) -> list[Element] | None:
    """Elements of one side of ``*``; None when it uses an undefined synset.

    ``leading_tight`` says whether the first element touches the verb (for the
    post-verb side: ``*_OUT``); for the pre-verb side it says whether the *last*
    element touches it (``IN_*``).
    """
    text = text.replace("{", " ").replace("}", " ").replace("(", " ").replace(")", " ")
    elements: list[Element] = []
    tight_next = False
    for piece in _TOKEN.findall(text):
        if piece == "_":
            tight_next = True
            continue
        if piece.isspace():
            tight_next = False
            continue
        if piece in ACTOR_MARKS or piece == "^":
            kind = {"+": "target", "$": "source", "%": "compound", "^": "skip"}[piece]
            elements.append(Element(kind=kind, tight=tight_next))
        elif piece.startswith("&"):
            phrases = _expand_synset(piece, word_sets)
            if not phrases:
                return None
            elements.append(Element(kind="word", phrases=phrases, tight=tight_next))
        else:
            word = piece.strip("+$%^")
            if not word:
                continue
            elements.append(Element(kind="word", phrases=[_split_word(word)], tight=tight_next))
        tight_next = False
    if elements and leading_tight:
        elements[0].tight = True
    return elements


def compile_pattern(entry: VerbPattern, order: int) -> CompiledPattern | None:
    """Compile a pattern entry; None when it cannot be used (reported by the caller)."""
    if entry.pattern is None:
        return None
    body = entry.pattern.strip()
    if body.startswith("-"):
        body = body[1:]
    if body.count("*") != 1:
        return None
    pre_text, _, post_text = body.partition("*")
    pre_touch = pre_text.endswith("_")
    post_touch = post_text.startswith("_")
    before = compile_side(pre_text.rstrip("_"), entry.word_sets, leading_tight=False)
    after = compile_side(post_text.lstrip("_"), entry.word_sets, leading_tight=post_touch)
    if before is None or after is None:
        return None
    words = sum(
        max((len(p) for p in e.phrases), default=0) for e in (*before, *after) if e.kind == "word"
    ) + sum(1 for e in (*before, *after) if e.kind in ("target", "source", "compound"))
    return CompiledPattern(
        entry=entry,
        code=entry.code,
        before=before,
        after=after,
        words=words,
        order=order,
        before_touches_verb=pre_touch,
        first_words=[
            frozenset(p[0] for p in e.phrases if p) for e in (*before, *after) if e.kind == "word"
        ],
    )
