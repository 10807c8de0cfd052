"""The tense of the clause a time expression belongs to, read from the parse.

Used to decide direction: "Putin met Witkoff on Wednesday" (past: the Wednesday
before publication) vs "Trump will meet Putin on Wednesday" (the coming one).
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Span, Token

Tense = Literal["past", "present", "future", "none"]

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d", "going"})
_MODAL_FUTURE = frozenset({"could", "might", "may", "should", "must", "can"})
# Governing verbs whose infinitive complement is in the future ("plans to meet Friday").
_FUTURE_GOVERNORS = frozenset(
    {
        "plan",
        "expect",
        "schedule",
        "set",
        "intend",
        "hope",
        "aim",
        "want",
        "agree",
        "prepare",
        "promise",
        "threaten",
        "vow",
        "pledge",
        "decide",
        "seek",
        "due",
        "likely",
        "poised",
        "slate",
        "go",
        "propose",
        "offer",
        "try",
    }
)


# Present-tense verbs that do not announce a scheduled event ("says Monday" reports
# the past; "is", "has", "remains" describe a state).
_STATIVE_OR_REPORTING = frozenset(
    {"be", "have", "say", "tell", "report", "announce", "state", "claim", "believe", "think",
     "know", "remain", "seem", "hold", "own", "want", "need", "expect", "add", "note", "insist",
     "argue", "accuse", "deny", "confirm", "show", "indicate", "suggest", "write", "declare",
     "estimate", "predict", "warn", "acknowledge", "admit", "explain", "continue", "mean"}
)  # fmt: skip


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` in the dependency tree."""
    t = token
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux":
            return t
        if t.head is t:
            return None
        t = t.head
    return None


# Verbs of planning in the present point ahead: "plans to hold talks on Tuesday",
# "has scheduled a news conference Thursday" (but "set Friday as the deadline",
# said on Saturday, is past).
_PLANNING = frozenset({"plan", "schedule", "slate", "expect", "set"})


def tense_of(span: Span) -> Tense:
    """Tense of the clause governing ``span`` (past, present, future or none)."""
    root = span.root
    if root.dep_ in ("poss", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
        # "Wednesday's ruling", "the 20 November encounter": the date of a noun. A past
        # clause still places it in the past; a future one says nothing about it
        # ("will appeal Wednesday's ruling").
        clause = _clause_tense(span, root.head)
        return "past" if clause == "past" else "none"
    before = span.doc[max(0, span.start - 3) : span.start]
    if [t.lower_ for t in before] == ["as", "soon", "as"]:
        return "future"  # "as soon as Tuesday"
    if before and before[-1].lower_ in ("effective", "starting", "beginning"):
        return "future"  # "effective Feb. 1": a change that takes effect then
    return _clause_tense(span, root)


def _clause_tense(span: Span, root: Token) -> Tense:
    verb = governing_verb(root)
    if verb is not None and verb.lemma_.lower() in _PLANNING and _present_planning(verb):
        return "future"
    if verb is None:
        verb = next((t for t in span.sent if t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return "none"
    return _verb_tense(verb)


def _present_planning(verb: Token) -> bool:
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBN" and bool(auxes & {"has", "have", "is", "are", "'s", "'re"})


def _verb_tense(verb: Token, depth: int = 0) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if any(a.tag_ == "TO" for a in auxes) or any(a.lower_ == "to" for a in auxes):
        head = verb.head
        if head is not verb and _past_perfect(head):
            # "had been scheduled to expire Friday": a plan the text has overtaken
            return "past"
        if head is not verb and (
            head.lemma_.lower() in _FUTURE_GOVERNORS
            or (head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"))  # "is to resume Tuesday"
            or any(c.lower_ in _FUTURE_AUX for c in head.children)
        ):
            return "future"
        if head is not verb and head.pos_ == "ADJ" and head.head is not head:
            # "would be ready to leave Tuesday": the tense is that of "be ready"
            head = head.head
        if head is not verb and head.pos_ in ("VERB", "AUX", "ADJ"):
            if depth >= 4 or (head.dep_ == "xcomp" and head.head is not head):
                return "future"
            return _verb_tense(head, depth + 1)
        return "future"
    if words & _MODAL_FUTURE:
        # "might come Tuesday" points ahead; "could have met", "could be located
        # Wednesday" (a state reported now) do not.
        if "have" in words:
            return "past"
        return "none" if verb.tag_ == "VBN" else "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        # "was to meet", "were due to" stay past; "had met" is past.
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
        # "is meeting Friday" points ahead; "has been searching since" does not.
        if any(a.lemma_ == "have" for a in auxes):
            return "past"
        return "future"
    if verb.tag_ == "VBN" and any(a.lemma_ == "be" for a in auxes):
        # passive present: "is scheduled for Friday" points ahead.
        if verb.lemma_.lower() in _FUTURE_GOVERNORS:
            return "future"
        return "present"
    if verb.tag_ == "VBP" and _singular_subject(verb):
        # "Weakness in tech stocks hurt the index": a base form with a singular
        # subject cannot be present, so it is the past of hurt/cut/hit/set/put.
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        if verb.lemma_ == "be":
            # "is due/expected/set" (ADJ or VBN complement)
            for c in verb.children:
                if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in _FUTURE_GOVERNORS:
                    return "future"
        if verb.lemma_.lower() not in _STATIVE_OR_REPORTING:
            # News present of a scheduled event: "Arafat meets Albright Monday".
            return "future"
        return "present"
    if verb.tag_ == "VBN":
        return "past"
    if verb.tag_ == "VB" and verb.head is not verb and verb.dep_ in ("xcomp", "ccomp", "conj"):
        return _verb_tense(verb.head, depth + 1) if depth < 4 else "none"
    if verb.tag_ == "VBG" and verb.head is not verb and verb.dep_ in _PARTICIPLE_DEPS:
        # "The stock has fluctuated, rising to $42 in June from $29 in March": a
        # participle clause without auxiliaries takes the tense of the clause it hangs on.
        head = verb.head
        if head.pos_ in ("VERB", "AUX"):
            return _verb_tense(head, depth + 1) if depth < 4 else "none"
    return "none"


_PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj"})


def _past_perfect(head: Token) -> bool:
    """ "had planned", "had been due": the governor of an infinitive in the past perfect."""
    if head.pos_ == "ADJ" and head.head is not head:
        head = head.head  # "had been due (to)": the auxiliaries hang on "been"
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if head.lower_ == "had" and head.pos_ == "AUX":
        return True
    return any(a.lower_ in ("had", "'d") and a.tag_ == "VBD" for a in auxes)


def _singular_subject(verb: Token) -> bool:
    """The verb's subject is a singular noun (not a pronoun that takes the base form)."""
    # "Iran and Iraq meet Monday": a coordinated subject is plural.
    return any(
        c.dep_ == "nsubj"
        and c.tag_ in ("NN", "NNP")
        and not any(g.dep_ == "conj" for g in c.children)
        for c in verb.children
    )
