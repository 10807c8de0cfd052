"""Events that restate or belong to another event of the same document, dropped.

* A future event mentioned again: "Trump and Putin will meet" ... "the two leaders
  could meet as soon as next week" ... "there will be a meeting very soon" is one
  planned meeting, coded at its first mention (same category, not yet happened, and
  no participant the first mention lacks).
* An event named again by an anaphoric noun without an actor: "The new measure raises
  tariffs" after "X imposed a tariff" is the same sanction.
* A protest's own demand: "rallies ... saying he must resign", "a demonstration calling
  for his removal" is part of the protest (PLOVER codes the protest), not a request.
* A participle misparsed as a clause: "recognising seized territory" where the parser
  made "seized" a conjunct of the main verb without any "and"/"or".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.record import Event

_FUTURE = frozenset({"planned", "hypothetical"})
# Nouns that point back to an action already reported ("the move", "this decision").
ANAPHOR_NOUNS = frozenset(
    {"measure", "move", "decision", "step", "action", "order", "policy", "announcement"}
)
_ANAPHOR_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
_DEMAND_TYPES = frozenset({"REQUEST"})
_DEMONSTRATIONS = frozenset({"PROTEST"})


def _token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _participants(event: Event) -> set[str]:
    return set(event.source) | set(event.target)


def _restated_future(event: Event, earlier: list[Event]) -> bool:
    if event.status not in _FUTURE:
        return False
    mine = _participants(event)
    return bool(mine) and any(
        e.plover == event.plover and e.status in _FUTURE and mine <= _participants(e)
        for e in earlier
    )


def _anaphoric_subject(tok: Token) -> bool:
    verb = tok.head if tok.dep_ in ("dobj", "pobj") else tok
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        if subj.lemma_.lower() in ANAPHOR_NOUNS and any(
            c.dep_ == "det" and c.lower_ in _ANAPHOR_DETERMINERS for c in subj.children
        ):
            return True
    return False


def _restated_by_anaphor(event: Event, tok: Token, earlier: list[Event]) -> bool:
    return (
        not event.source
        and _anaphoric_subject(tok)
        and any(e.plover == event.plover for e in earlier)
    )


def _protest_demand(event: Event, tok: Token, protests: set[int]) -> bool:
    if event.plover not in _DEMAND_TYPES or tok.tag_ != "VBG":
        return False
    head = tok
    for _ in range(4):
        if head.dep_ in ("ccomp", "ROOT") or head.head.i == head.i:
            return False
        head = head.head
        if head.i in protests:
            return True
    return False


def _misparsed_participle(tok: Token) -> bool:
    """ "... recognising seized territory": a VBN "conjunct" with no coordinator."""
    if tok.dep_ != "conj" or tok.tag_ not in ("VBN", "VBD") or tok.head.i >= tok.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return False
    between = tok.doc[tok.head.i + 1 : tok.i]
    coordinated = any(t.dep_ == "cc" and t.head.i in (tok.head.i, tok.i) for t in between)
    return not coordinated and tok.doc[tok.i - 1].dep_ != "punct"


def drop_restatements(doc: Doc, events: list[Event]) -> list[Event]:
    tokens = {e.id: _token(doc, e) for e in events}
    protests: set[int] = set()
    for e in events:
        trigger = tokens[e.id]
        if e.plover in _DEMONSTRATIONS and trigger is not None:
            protests |= {trigger.i, trigger.head.i}  # "staged rallies": the verb too
    kept: list[Event] = []
    for event in events:
        tok = tokens[event.id]
        if _restated_future(event, kept):
            continue
        if tok is not None and (
            _restated_by_anaphor(event, tok, kept)
            or _protest_demand(event, tok, protests)
            or _misparsed_participle(tok)
        ):
            continue
        kept.append(event)
    return kept
