"""Frames: verbs that take another action as complement, and the merging of nested triggers.

"threatened to impose sanctions" is one event (SANCTION, threatened), "agreed to hold
talks" one event (CONSULT, planned), "called for talks" one REQUEST, "refused to meet"
one REJECT, "denied attacking" one negated ASSAULT, and "condemned the attack" one
ACCUSE: the complement is not a second event. The rules are general: they look at the
frame verb's lemma and the dependency path to the complement, never at sentences.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.candidates import Candidate

THREAT = frozenset({"threaten", "warn", "menace"})
INTENT = frozenset({"agree", "pledge", "promise", "vow", "offer", "propose", "commit", "sign"})
REQUEST = frozenset(
    {"demand", "call", "urge", "ask", "appeal", "request", "press", "push", "implore", "plead"}
)
REJECTION = frozenset(
    {"reject", "refuse", "rule", "decline", "oppose", "resist", "block", "dismiss", "rebuff"}
)
DENIAL = frozenset({"deny"})
VERBAL_ROOTS = frozenset({"01", "02", "09", "10", "11", "12", "13"})
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# Complement links from a frame verb to the action it frames.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pcomp", "pobj", "prep", "conj"})

REQUEST_CODES = {"04": "108", "03": "108", "08": "106", "19": "107", "07": "103", "06": "101"}
APPEAL_CODES = {"04": "026", "03": "027", "08": "025", "07": "023", "06": "021", "05": "022"}
REJECT_CODES = {
    "04": "125",
    "03": "127",
    "07": "122",
    "06": "121",
    "08": "124",
    "05": "120",
    "11": "016",  # "rejected the accusations": denying responsibility (PLOVER REJECT)
    "09": "016",
}
DEMAND_ROOTS = frozenset({"16", "17", "18", "19", "20"})
# Governors that make the framed action an option under consideration or a hope, which
# CAMEO codes as statements (014 consider, 013 optimistic comment): no event.
CONSIDERING = frozenset({"consider", "mull", "weigh", "study", "contemplate", "hope", "wish"})


# Prepositions that add circumstances (means, time, cause), not the content of a frame.
CIRCUMSTANCE_PREPS = frozenset(
    {
        "by",
        "after",
        "before",
        "during",
        "despite",
        "while",
        "since",
        "amid",
        "as",
        "in",
        "at",
        "following",
        "until",
        "through",
        "via",
        "because",
    }
)


def _path_to(frame: Token, node: Token, limit: int = 4) -> list[str] | None:
    """Dependency labels from ``node`` up to ``frame``, or None if it is not below it."""
    labels: list[str] = []
    tok = node
    for _ in range(limit):
        if tok.i == frame.i:
            return labels
        if tok.dep_ == "prep" and tok.lower_ in CIRCUMSTANCE_PREPS:
            return None
        labels.append(tok.dep_)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return labels if tok.i == frame.i else None


def _complement_of(frame: Candidate, other: Candidate) -> bool:
    if other is frame or other.suppressed or other.kind == "user":
        return False
    anchors = [frame.head, frame.trigger]
    for node in (other.head, other.trigger):
        if node.i in (frame.head.i, frame.trigger.i):
            continue
        path = next((p for a in anchors if (p := _path_to(a, node)) is not None), None)
        if path is None or not path:
            continue
        if path[-1] in ("nsubj", "nsubjpass", "parataxis", "npadvmod"):
            continue
        if path[-1] == "relcl" and frame.root != other.root:
            continue
        if path == ["advcl"] and _misattached_infinitive(frame, node):
            return True  # "threatened on Monday to impose sanctions": an xcomp in disguise
        if "advcl" in path and (frame.root != other.root or _own_subject(other)):
            continue  # a separate clause, unless it continues the same action
        if set(path) <= COMPLEMENT_DEPS | {
            "aux",
            "compound",
            "amod",
            "acl",
            "advmod",
            "advcl",
            "relcl",
        }:
            # "condemned ... and said" is coordination, not a complement
            if path[-1] == "conj" and node.pos_ == "VERB":
                continue
            return True
    return False


# Frame verbs whose infinitive is their complement; the parser attaches such an
# infinitive as advcl when a phrase separates it from the verb ("threatened on Monday
# to impose", "agreed last week to hold").
INFINITIVE_FRAMES = THREAT | INTENT | REJECTION | REQUEST | DENIAL


NOT_BASE_FORM_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})


def _misattached_infinitive(frame: Candidate, node: Token) -> bool:
    return (
        frame.trigger.lemma_.lower() in INFINITIVE_FRAMES
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        and node.i > frame.trigger.i
    )


def apply_frames(cands: list[Candidate]) -> list[Candidate]:
    """Merge framed complements into one event; return the surviving candidates."""
    # Innermost frames first, so that "threatened to call for" composes correctly.
    order = sorted(cands, key=lambda c: -_depth(c.head))
    for frame in order:
        if frame.suppressed or frame.kind == "user":
            continue
        lemma = frame.trigger.lemma_.lower()
        # the "or face ..." alternative of an ultimatum stays a threat of its own
        inner = [c for c in cands if _complement_of(frame, c) and not _or_face(c.head)]
        if frame.kind == "noun":
            # "sanctions hitting Russia": a participle describes the noun's own event
            _absorb(
                frame,
                [c for c in inner if c.head.dep_ == "acl" and c.head.head.i == frame.trigger.i],
            )
            inner = [c for c in inner if not c.suppressed]
            _noun_frame(frame, inner)
            continue
        if frame.kind == "request":
            for c in inner:
                c.suppressed = True
            continue
        if not inner:
            continue
        if frame.kind == "evaluation":
            _absorb(frame, inner)  # "called the attacks disgusting": one criticism
        elif lemma in THREAT and (direct := [c for c in inner if _direct(frame, c)]):
            _fold_into(frame, direct, status="threatened")
        elif (
            lemma in INTENT and frame.root in ("03", "05") and any(_direct(frame, c) for c in inner)
        ):
            inner = [c for c in inner if _direct(frame, c)]
            conflict = [c for c in inner if c.root in CONFLICT_ROOTS]
            _fold_into(frame, inner, status="threatened" if conflict else "planned")
        elif lemma in DENIAL:
            if any(c.root in ("09", "11") for c in inner):
                frame.code = "016"  # "denied the charges": denying responsibility, a statement
                _absorb(frame, inner)
            else:
                _fold_into(frame, inner, status="negated")
        elif lemma in REQUEST or frame.root in ("02", "10"):
            if frame.root == "02" and inner[0].root in DEMAND_ROOTS:
                frame.code = "100"  # calling for sanctions or force is a demand, not an appeal
            table = APPEAL_CODES if frame.root == "02" else REQUEST_CODES
            frame.code = table.get(inner[0].root, frame.code)
            _absorb(frame, inner)
        elif lemma in REJECTION or frame.root == "12":
            frame.code = REJECT_CODES.get(inner[0].root, frame.code)
            _absorb(frame, inner)
        elif frame.root in VERBAL_ROOTS or frame.kind == "evaluation":
            _absorb(frame, inner)
        elif frame.root == "14":
            # "demonstrated against Turkish military operations": what is protested is
            # the protest's object, not an event reported (its actor is the target)
            protested = [c for c in inner if c.kind == "noun" and _against(frame, c)]
            same = [c for c in inner if _same_category(frame, c) and not _own_subject(c)]
            _absorb(frame, protested + [c for c in same if c not in protested])
        else:
            # Same kind of action nested ("launched attacks, killing 50"): one event.
            same = [c for c in inner if _same_category(frame, c) and not _own_subject(c)]
            _absorb(frame, same)
    return [
        c
        for c in cands
        if not c.suppressed
        and not _purpose(c)
        and not _condition(c)
        and not _alleged(c)
        and not _considered(c)
        and not _nominal_gerund(c)
        and not _restated(c, cands)
        and not _motive(c)
    ]


# "in protest of X's refusal", "in retaliation for the attack", "in response to the
# sanctions": the event named is the motive of another, told as its cause.
MOTIVE_NOUNS = frozenset({"protest", "retaliation", "response", "reaction", "revenge", "reprisal"})


def _motive(c: Candidate) -> bool:
    if c.kind != "noun" or c.head.i != c.trigger.i:
        return False
    tok = c.trigger
    for _ in range(2):
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return False
        holder = tok.head.head
        if (
            holder.lemma_.lower() in MOTIVE_NOUNS
            and holder.dep_ == "pobj"
            and holder.head.lower_ == "in"
        ):
            return True
        tok = holder
    return False


def _against(frame: Candidate, other: Candidate) -> bool:
    """Is ``other`` the object of "against"/"over" hanging on the frame verb?"""
    tok = other.trigger
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("against", "over", "at")
        and tok.head.head.i == frame.head.i
    )


def _direct(frame: Candidate, other: Candidate) -> bool:
    """Is the action the frame verb's own complement, not something a noun mentions?

    "threatened sanctions", "threatened to impose sanctions", "warned of retaliation" are
    direct; "offered condolences over an attack" is not.
    """
    for node in (other.trigger, other.head):
        tok = node
        for _ in range(5):
            if tok.i in (frame.head.i, frame.trigger.i):
                return True
            if tok.i not in (other.trigger.i, other.head.i) and tok.pos_ in ("NOUN", "PROPN"):
                break
            if tok.head.i == tok.i:
                break
            tok = tok.head
    return False


def _considered(c: Candidate) -> bool:
    gov = c.head
    for _ in range(2):
        if gov.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep") or gov.head.i == gov.i:
            return False
        gov = gov.head
        if gov.lemma_.lower() in CONSIDERING:
            return True
    return False


def _nominal_gerund(c: Candidate) -> bool:
    """An action named, not reported: "pessimism over holding talks"."""
    head = c.head
    return (
        head.tag_ == "VBG"
        and head.dep_ == "pcomp"
        and head.head.dep_ == "prep"
        and head.head.head.pos_ in ("NOUN", "PROPN")
    )


def _condition(c: Candidate) -> bool:
    """The condition of a conditional ("... if war starts") is not itself an event."""
    return any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.head.children)


ALLEGING = frozenset({"suspect", "allege", "rumor", "rumour", "fear", "accuse", "charge"})


def _alleged(c: Candidate) -> bool:
    """An allegation, not a reported event: "nationals suspected of blowing up a plane"."""
    tok = c.head
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in ("pcomp", "pobj", "prep", "xcomp") or tok.head.dep_ in ("acl", "amod"):
            tok = tok.head
            if tok.tag_ == "VBN" and tok.lemma_.lower() in ALLEGING and tok.dep_ in ("acl", "amod"):
                return True
        else:
            return False
    return False


SENDING = frozenset({"send", "dispatch", "deploy", "appoint", "establish", "set", "launch"})


def _purpose(c: Candidate) -> bool:
    """An aim, not an event: "flew to Moscow to discuss trade", "efforts to end the war",
    and whatever such a clause contains ("to prevent them from forcing a deal").

    Sending someone to do something is the exception: "sent experts to investigate".
    """
    if c.status is not None or c.root == "14":
        return False  # "walked out to protest": the protest is what they did
    tok = c.head
    for _ in range(5):
        if (
            tok.dep_ in ("advcl", "acl", "relcl")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)
            and not any(a.dep_ in ("nsubj", "nsubjpass") for a in tok.children)
        ):
            return tok.head.lemma_.lower() not in SENDING
        if (
            tok.dep_ not in ("xcomp", "pcomp", "prep", "pobj", "dobj", "conj")
            or tok.head.i == tok.i
        ):
            return False
        if tok.dep_ == "conj" and tok.head.tag_ == "VB" and tok.tag_ in NOT_BASE_FORM_TAGS:
            # "to encourage X and accused Y": only a base form continues the infinitive
            return False
        tok = tok.head
    return False


def _noun_frame(frame: Candidate, inner: list[Candidate]) -> None:
    """Event nouns that frame another action: "an agreement to hold talks", "the threat of"."""
    if not inner:
        return
    if frame.root == "03":
        frame.code = INTENT_CODES.get(inner[0].root, frame.code)
        _absorb(frame, inner)
    elif frame.root == "13":
        _fold_into(frame, inner, status="threatened")
    elif frame.root in ("02", "10", "11", "12"):
        _absorb(frame, inner)
    else:  # "carried out air attacks, killing scores": one action
        _absorb(frame, [c for c in inner if _same_category(frame, c) and not _own_subject(c)])


def _same_category(a: Candidate, b: Candidate) -> bool:
    from dateline.events.tables import plover_of

    return plover_of(a.code) == plover_of(b.code)


def _own_subject(c: Candidate) -> bool:
    """Does the candidate's clause name its own (non-pronoun) subject?"""
    return (
        any(ch.dep_ in ("nsubj", "nsubjpass") and ch.pos_ != "PRON" for ch in c.head.children)
        and c.head.i != c.trigger.head.i
    )


def _fold_into(frame: Candidate, inner: list[Candidate], *, status: str) -> None:
    """The frame verb disappears into the framed event, setting its status."""
    for c in inner:
        c.status = status if c.status is None or status == "negated" else c.status
        c.frame = frame.trigger
        c.extra.append(frame.trigger)
    frame.suppressed = True


def _absorb(frame: Candidate, inner: list[Candidate]) -> None:
    for c in inner:
        c.suppressed = True
        frame.extra.append(c.trigger)


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def _or_face(head: Token) -> bool:
    from dateline.events.arguments import ultimatum_parties

    return bool(ultimatum_parties(head)[1]) or (
        head.lemma_.lower() == "face" and head.dep_ == "conj"
    )


INTENT_CODES = {"04": "036", "06": "031", "07": "033", "08": "035", "05": "032", "03": "030"}


def _restated(c: Candidate, cands: list[Candidate]) -> bool:
    """An appositive restating an event already there: "an agreement to hold a meeting,
    that is, a meeting between X and Y"."""
    if c.kind != "noun" or c.trigger.dep_ not in ("appos", "npadvmod"):
        return False
    head = c.trigger.head
    return any(o is not c and head.i in (o.trigger.i, o.head.i) for o in cands)
