"""Event status from the parse: occurred, ongoing, planned, threatened, hypothetical, negated.

The status is read off the clause that carries the event (its *head*: the trigger verb,
or the support verb of an event noun): its auxiliaries, negation, the verbs that govern
it ("threatened to", "agreed to", "could"), conditional clauses and the modifiers of an
event noun ("possible summit", "no talks").
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.record import EventStatus

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "must", "'d", "can"})
THREAT_GOVERNORS = frozenset({"threaten", "warn", "menace"})
PLAN_GOVERNORS = frozenset(
    {
        "plan",
        "intend",
        "decide",
        "prepare",
        "expect",
        "schedule",
        "agree",
        "pledge",
        "promise",
        "vow",
        "offer",
        "set",
        "due",
        "aim",
        "propose",
        "arrange",
        "announce",
        "resolve",
        "commit",
        "go",  # "is going to"
        "willing",
        "ready",
        "prepared",
        "determined",
    }
)
HYPOTHETICAL_GOVERNORS = frozenset(
    {"want", "hope", "seek", "consider", "wish", "like", "need", "mull"}
)
NEGATING_GOVERNORS = frozenset({"deny", "refuse", "fail", "decline", "stop", "avoid"})
ONGOING_GOVERNORS = frozenset({"continue", "keep", "step", "intensify", "escalate", "persist"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
THREAT_MARKS = frozenset({"unless"})  # "will withdraw unless ...": a conditional threat
HYPOTHETICAL_AMODS = frozenset(
    {"possible", "potential", "proposed", "likely", "prospective", "planned", "future"}
)
PLANNED_AMODS = frozenset({"planned", "upcoming", "scheduled", "forthcoming", "expected"})
ONGOING_AMODS = frozenset({"ongoing", "continuing", "continued"})
# Clause links through which the governing verb's modality reaches the event.
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "conj", "advcl", "acl", "relcl"})


def _aux_words(head: Token) -> set[str]:
    return {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}


def _negated(token: Token) -> bool:
    return any(
        c.dep_ == "neg" or (c.lower_ in ("never",) and c.dep_ == "advmod") for c in token.children
    )


def _governors(head: Token, limit: int = 3) -> list[Token]:
    """The verbs governing ``head`` through complement clauses, nearest first."""
    out: list[Token] = []
    tok = head
    while (
        len(out) < limit
        and tok.dep_ in ("xcomp", "ccomp", "pcomp", "prep", "pobj")
        and tok.head.i != tok.i
    ):
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX", "ADJ"):
            out.append(tok)
        if tok.dep_ not in ("xcomp", "ccomp", "pcomp", "prep", "pobj"):
            break
    return out


def status_of(head: Token, noun: Token | None = None) -> EventStatus:
    """Status of the event carried by ``head`` (and the event noun, if any)."""
    if noun is not None:
        det_words = {c.lower_ for c in noun.children if c.dep_ in ("det", "neg")}
        if "no" in det_words:
            return "negated"
        amods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
        if noun.i == head.i:
            if amods & HYPOTHETICAL_AMODS - PLANNED_AMODS:
                return "hypothetical"
            if amods & PLANNED_AMODS:
                return "planned"
            if amods & ONGOING_AMODS:
                return "ongoing"
    aux = _aux_words(head)
    if _negated(head):
        return "negated"
    governors = _governors(head)
    direct = governors[0] if governors and head.dep_ == "xcomp" else None
    for gov in governors:
        if _negated(gov) and gov.lemma_.lower() not in ("say", "tell"):
            return "negated"
    lemmas = [g.lemma_.lower() for g in governors]
    if any(lemma in THREAT_GOVERNORS for lemma in lemmas):
        return "threatened"
    if _or_face(head):
        return "threatened"
    if direct is not None and direct.lemma_.lower() in NEGATING_GOVERNORS:
        return "negated"
    conditional = _conditional(head)
    if conditional == "unless":
        return "threatened"
    if conditional:
        return "hypothetical"
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    for gov in governors:
        if _aux_words(gov) & HYPOTHETICAL_AUX and gov.lemma_.lower() not in ("say", "tell"):
            return "hypothetical"
    if direct is not None and direct.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
        return "hypothetical"
    if aux & FUTURE_AUX or (aux & {"to"} and _is_be_to(head)):
        return "planned"
    if any(lemma in PLAN_GOVERNORS for lemma in lemmas[:1]) and not _done(head):
        return "planned"
    for gov in governors[:1]:
        if _aux_words(gov) & FUTURE_AUX:
            return "planned"
    if any(lemma in ONGOING_GOVERNORS for lemma in lemmas[:1]):
        return "ongoing"
    if head.lemma_.lower() in ONGOING_GOVERNORS and noun is not None:
        return "ongoing"
    if head.tag_ == "VBG" and aux & {"is", "are", "am", "'s", "'re"}:
        return "ongoing"
    return "occurred"


def _done(head: Token) -> bool:
    """A finite past or perfect clause tells what happened, whatever governs it:
    "announced that it has called off the strike"."""
    if head.dep_ != "ccomp":
        return False
    aux = _aux_words(head)
    return head.tag_ == "VBD" or (head.tag_ == "VBN" and bool(aux & {"has", "have", "had"}))


def _is_be_to(head: Token) -> bool:
    """An infinitive governed by a form of "be" is planned: "X is to meet Y"."""
    gov = head.head
    return head.dep_ == "xcomp" and gov.lemma_ == "be"


def _conditional(head: Token) -> str | None:
    """The conditional conjunction governing the event's clause ("if", "unless"), if any."""
    tok = head
    for _ in range(4):
        for c in tok.children:
            if c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS:
                return c.lower_
            # "will withdraw unless X agrees": the condition hangs below the event
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in THREAT_MARKS for m in c.children
            ):
                return "unless"
        if tok.dep_ not in _COMPLEMENT_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _or_face(head: Token) -> bool:
    """The alternative of an ultimatum is a threat: "agree to peace or face sanctions"."""
    if head.lemma_.lower() != "face" or head.dep_ != "conj":
        return False
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in head.head.children)
