"""Match PETRARCH verb dictionaries against parsed sentences.

:class:`VerbMatcher` is built once from the :class:`VerbPattern` entries of a verb
dictionary (:func:`dateline.dictionaries.petrarch.load_verbs`) and applied to parsed
sentences::

    from dateline.dictionaries.petrarch import load_verbs
    from dateline.dictionaries.verbs import VerbMatcher

    matcher = VerbMatcher(load_verbs("PETR.Validate.verbs.txt"))
    for sent in doc.sents:
        actor_spans = [(m.start, m.end) for m in mentions_in(sent)]   # char offsets
        for match in matcher.match(sent, actor_spans):
            match.code            # "064", or a dictionary's own code ("903")
            match.reverse_code    # "033" for a "[032:033]" entry, else None
            match.trigger_start, match.trigger_end   # the verb (with its particles)
            match.source, match.target                # first actor span of each side
            match.sources, match.targets              # all of them (coordination)
            match.compound        # "%" pattern: the event holds between the sources
            match.pattern         # the pattern line that decided the code, or None

How a sentence is matched (PETRARCH's procedure, approximated on a dependency parse):

1. **Verbs**: a token tagged ``VB*`` whose text is one of a dictionary verb's forms,
   or whose lemma is the verb; multi-word verbs ("cordon off", "wire tap") need their
   other words next to it and win over the single word.
2. **Patterns** of the verb's block are tried; words before ``*`` must occur before the
   verb in the sentence, words after it within the verb's own phrase (its dependency
   subtree without coordinated verbs); ``_`` asks for adjacent words; ``&SYNSET``
   matches any of its phrases; ``+``/``$``/``%`` must match actor mentions. The pattern
   with the most words wins (earlier in the file on ties); without one, the verb's
   own code applies. A null code (``---``) yields no match.
3. **Actors**: ``$``/``+`` of the winning pattern give source/target; otherwise the
   subject (``by`` agent when passive) is the source and the nearest actor of the
   object, prepositional or complement phrases the target (see
   :mod:`dateline.dictionaries.arguments`).

When no actor spans are given, the sentence's named entities and noun chunks stand in.
Offsets in :class:`VerbMatch` are character offsets into ``sent.doc.text``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.dictionaries.arguments import ActorIndex, TokenSpan, verb_arguments
from dateline.dictionaries.model import NULL_CODE, VerbPattern
from dateline.dictionaries.patterns import CompiledPattern, Element, compile_pattern

CharSpan = tuple[int, int]
_STAND_IN_ENTS = frozenset({"GPE", "ORG", "PERSON", "NORP", "LOC", "FAC"})


@dataclass(slots=True)
class VerbMatch:
    """A dictionary verb found in a sentence, with the code its best pattern gives."""

    code: str
    trigger_start: int
    trigger_end: int
    source: CharSpan | None
    target: CharSpan | None
    pattern: str | None
    reverse_code: str | None = None  # "[032:033]": the target does 033 to the source
    sources: list[CharSpan] = field(default_factory=list)
    targets: list[CharSpan] = field(default_factory=list)
    compound: bool = False  # "% *": the event holds between the members of ``sources``
    passive: bool = False
    verb: str = ""  # the dictionary verb that matched
    block: str | None = None  # its verb block
    token: int = 0  # index of the verb token in the Doc
    specificity: int = 0  # words of the pattern that matched (0: the verb alone)


@dataclass(slots=True)
class _Binding:
    roles: dict[str, TokenSpan] = field(default_factory=dict)


def split_code(code: str) -> tuple[str, str | None]:
    """``"032:033"`` -> ("032", "033"); ``"041"`` -> ("041", None)."""
    primary, _, reverse = code.partition(":")
    primary, reverse = primary.strip(), reverse.strip()
    return primary, (reverse or None)


def is_null(code: str) -> bool:
    return not code or code.strip() == NULL_CODE


class VerbMatcher:
    """Verb dictionary matcher; see the module documentation for the procedure."""

    def __init__(self, entries: Iterable[VerbPattern]) -> None:
        self.by_form: dict[str, list[tuple[int, VerbPattern]]] = defaultdict(list)
        self.by_lemma: dict[str, list[tuple[int, VerbPattern]]] = defaultdict(list)
        self.patterns: dict[str, list[CompiledPattern]] = defaultdict(list)
        self.unusable_patterns = 0
        for order, entry in enumerate(entries):
            block = entry.synset or entry.verb.upper()
            if entry.pattern is not None:
                compiled = compile_pattern(entry, order)
                if compiled is None:
                    self.unusable_patterns += 1
                else:
                    self.patterns[block].append(compiled)
                continue
            for form in {entry.verb, *entry.forms}:
                self.by_form[form].append((order, entry))
            self.by_lemma[entry.verb].append((order, entry))

    def __len__(self) -> int:
        return len(self.by_lemma)

    # -- public API -----------------------------------------------------------------
    def match(
        self,
        sent: Span,
        actors: Sequence[CharSpan] | None = None,
        priorities: Sequence[int] | None = None,
    ) -> list[VerbMatch]:
        """Coded verb matches of a parsed sentence (see :class:`VerbMatch`).

        ``actors`` are the character spans of the sentence's actor mentions (None: use
        entities and proper-noun chunks); ``priorities`` (same order) say which actor
        stands for a noun phrase holding several, e.g. the length of their codes.
        """
        doc = sent.doc
        if actors is None:
            token_spans, ranks = _stand_ins(sent), None
        else:
            token_spans, ranks = _to_token_spans(doc, sent, actors, priorities)
        index = ActorIndex(doc, token_spans, ranks)
        view = _View(sent)
        matches: list[VerbMatch] = []
        consumed: set[int] = set()
        for token in sent:
            if token.i in consumed or not token.tag_.startswith("VB"):
                continue
            found = self._verb_at(doc, sent, token)
            if found is None:
                continue
            entry, start, end = found
            consumed.update(range(start, end))
            result = self._code_verb(doc, sent, view, token, entry, start, end, index)
            if result is not None:
                matches.append(result)
        return matches

    # -- steps ------------------------------------------------------------------------
    def _verb_at(self, doc: Doc, sent: Span, token: Token) -> tuple[VerbPattern, int, int] | None:
        candidates: list[tuple[int, int, int, VerbPattern, int, int]] = []
        for rank, pool in (
            (0, self.by_form.get(token.lower_, [])),
            (1, self.by_lemma.get(token.lemma_.lower(), [])),
        ):
            for order, entry in pool:
                span = _multiword_span(doc, sent, token, entry)
                if span is None:
                    continue
                words = len(entry.particles) + len(entry.prefix_words)
                candidates.append((-words, rank, order, entry, span[0], span[1]))
        if not candidates:
            return None
        _, _, _, entry, start, end = min(candidates, key=lambda c: (c[0], c[1], c[2]))
        return entry, start, end

    def _code_verb(
        self,
        doc: Doc,
        sent: Span,
        view: _View,
        verb: Token,
        entry: VerbPattern,
        start: int,
        end: int,
        index: ActorIndex,
    ) -> VerbMatch | None:
        block = entry.synset or entry.verb.upper()
        after_allowed = _after_positions(verb, end, sent)
        best: tuple[CompiledPattern, _Binding] | None = None
        for compiled in self.patterns.get(block, []):
            if best is not None and (compiled.words, -compiled.order) <= (
                best[0].words,
                -best[0].order,
            ):
                continue
            if not view.has_all(compiled):
                continue
            binding = _match_pattern(view, compiled, start, end, after_allowed, index)
            if binding is not None:
                best = (compiled, binding)
        code = best[0].code if best is not None else entry.code
        if is_null(code):
            return None
        primary, reverse = split_code(code)
        if is_null(primary):
            return None
        sources_i, targets_i, passive = verb_arguments(index, verb, end)
        compound = False
        if best is not None:
            roles = best[1].roles
            if "source" in roles:
                sources_i = _group_at(index, roles["source"])
            if "target" in roles:
                targets_i = _group_at(index, roles["target"])
            if "compound" in roles:
                members = _group_at(index, roles["compound"])
                if roles["compound"][0] < start:
                    sources_i, targets_i, compound = members, members, True
                else:
                    targets_i = members
        sources_i = [n for n in sources_i if n not in targets_i or compound]
        sources = [_char_span(doc, index.spans[n]) for n in sources_i]
        targets = [_char_span(doc, index.spans[n]) for n in targets_i]
        return VerbMatch(
            code=primary,
            trigger_start=doc[start].idx,
            trigger_end=doc[end - 1].idx + len(doc[end - 1].text),
            source=sources[0] if sources else None,
            target=targets[0] if targets else None,
            pattern=best[0].entry.pattern if best is not None else None,
            reverse_code=None if reverse is None or is_null(reverse) else reverse,
            sources=sources,
            targets=targets,
            compound=compound,
            passive=passive,
            verb=entry.verb,
            block=block,
            token=verb.i,
            specificity=best[0].words if best is not None else 0,
        )


# -- verbs and their phrases ----------------------------------------------------------


def _multiword_span(doc: Doc, sent: Span, token: Token, entry: VerbPattern) -> TokenSpan | None:
    """Token span of the verb with its particles and prefix words, if they are there."""
    start, end = token.i, token.i + 1
    for word in entry.particles:
        if end >= sent.end or doc[end].lower_ != word:
            return None
        end += 1
    for word in reversed(entry.prefix_words):
        if start - 1 < sent.start or doc[start - 1].lower_ != word:
            return None
        start -= 1
    return start, end


def _after_positions(verb: Token, end: int, sent: Span) -> set[int]:
    """Tokens after the verb that belong to its phrase (coordinated verbs excluded)."""
    excluded: set[int] = set()
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            excluded.update(t.i for t in child.subtree)
    return {t.i for t in verb.subtree if t.i >= end and t.i not in excluded and t.i < sent.end}


# -- pattern matching -------------------------------------------------------------------


class _View:
    """A sentence's lower-cased words by Doc index, and where each word occurs."""

    def __init__(self, sent: Span) -> None:
        self.start = sent.start
        self.end = sent.end
        self.words = [t.lower_ for t in sent]
        self.positions: dict[str, list[int]] = defaultdict(list)
        for offset, word in enumerate(self.words):
            self.positions[word].append(sent.start + offset)

    def word(self, i: int) -> str:
        return self.words[i - self.start]

    def has_all(self, compiled: CompiledPattern) -> bool:
        """Cheap test: every word element can start somewhere in the sentence."""
        return all(any(w in self.positions for w in firsts) for firsts in compiled.first_words)


def _match_pattern(
    view: _View,
    compiled: CompiledPattern,
    start: int,
    end: int,
    after_allowed: set[int],
    index: ActorIndex,
) -> _Binding | None:
    binding = _Binding()
    if not _match_after(view, compiled.after, 0, end, after_allowed, index, binding):
        return None
    before_ok = _match_before(
        view,
        compiled.before,
        len(compiled.before) - 1,
        start,
        compiled.before_touches_verb,
        index,
        binding,
    )
    return binding if before_ok else None


def _starts(view: _View, element: Element, index: ActorIndex) -> list[int]:
    """Positions where ``element`` may start, in text order."""
    if element.kind == "word":
        found: set[int] = set()
        for phrase in element.phrases:
            found.update(view.positions.get(phrase[0], ()))
        return sorted(found)
    return sorted(s for s, _ in index.spans)


def _ends_at(view: _View, element: Element, pos: int, index: ActorIndex, limit: int) -> list[int]:
    """Ends of the matches of ``element`` starting at token ``pos``, longest first."""
    ends: set[int] = set()
    if element.kind == "word":
        for phrase in element.phrases:
            stop = pos + len(phrase)
            if stop <= limit and all(view.word(pos + k) == w for k, w in enumerate(phrase)):
                ends.add(stop)
    elif element.kind in ("target", "source", "compound"):
        n = index.by_token.get(pos)
        starts_here = n is not None and index.spans[n][0] == pos
        if (
            n is not None
            and starts_here
            and (element.kind != "compound" or len(index.group(n)) > 1)
        ):
            ends.add(min(index.spans[n][1], limit))
    return sorted(ends, reverse=True)


def _match_after(
    view: _View,
    elements: list[Element],
    i: int,
    cursor: int,
    allowed: set[int],
    index: ActorIndex,
    binding: _Binding,
) -> bool:
    if i == len(elements):
        return True
    element = elements[i]
    if element.kind == "skip":
        rest = elements[i + 1 :]
        if rest:
            rest = [Element(kind=rest[0].kind, phrases=rest[0].phrases, tight=False), *rest[1:]]
        return _match_after(view, rest, 0, cursor, allowed, index, binding)
    if element.tight:
        positions = [cursor]
    else:
        positions = [p for p in _starts(view, element, index) if p >= cursor]
    for pos in positions:
        if pos not in allowed:
            continue
        for stop in _ends_at(view, element, pos, index, view.end):
            if any(p not in allowed for p in range(pos, stop)):
                continue
            if _match_after(view, elements, i + 1, stop, allowed, index, binding):
                _bind(binding, element, pos, stop)
                return True
    return False


def _match_before(
    view: _View,
    elements: list[Element],
    i: int,
    cursor: int,
    touches: bool,
    index: ActorIndex,
    binding: _Binding,
) -> bool:
    """Match ``elements[:i+1]`` right to left, the last one ending at or before cursor."""
    if i < 0:
        return True
    element = elements[i]
    if element.kind == "skip":
        return _match_before(view, elements, i - 1, cursor, False, index, binding)
    for pos in reversed(_starts(view, element, index)):
        if pos >= cursor:
            continue
        for stop in _ends_at(view, element, pos, index, cursor):
            if touches and stop != cursor:
                continue
            if _match_before(view, elements, i - 1, pos, element.tight, index, binding):
                _bind(binding, element, pos, stop)
                return True
    return False


def _bind(binding: _Binding, element: Element, start: int, end: int) -> None:
    if element.kind in ("target", "source", "compound"):
        binding.roles.setdefault(element.kind, (start, end))


def _group_at(index: ActorIndex, span: TokenSpan) -> list[int]:
    n = index.by_token.get(span[0])
    return index.group(n) if n is not None else []


# -- actor spans ------------------------------------------------------------------------


def _to_token_spans(
    doc: Doc, sent: Span, actors: Sequence[CharSpan], priorities: Sequence[int] | None
) -> tuple[list[TokenSpan], list[int]]:
    best: dict[TokenSpan, int] = {}
    for n, (start, end) in enumerate(actors):
        if end <= sent.start_char or start >= sent.end_char:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            rank = priorities[n] if priorities is not None and n < len(priorities) else 0
            key = (span.start, span.end)
            best[key] = max(rank, best.get(key, rank))
    spans = sorted(best)
    return spans, [best[s] for s in spans]


def _stand_ins(sent: Span) -> list[TokenSpan]:
    """Without actor mentions: named entities, else noun chunks with a proper noun."""
    spans = [(e.start, e.end) for e in sent.ents if e.label_ in _STAND_IN_ENTS]
    taken = {i for s, e in spans for i in range(s, e)}
    try:
        chunks = list(sent.noun_chunks)
    except ValueError:  # no parse
        chunks = []
    for chunk in chunks:
        if any(t.pos_ == "PROPN" for t in chunk) and not any(t.i in taken for t in chunk):
            spans.append((chunk.start, chunk.end))
    return sorted(spans)


def _char_span(doc: Doc, span: TokenSpan) -> CharSpan:
    last = doc[span[1] - 1]
    return doc[span[0]].idx, last.idx + len(last.text)
