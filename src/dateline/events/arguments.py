"""Who did it and to whom: source and target tokens of an event candidate.

Source: the subject of the event's clause (the agent of a passive), found by climbing
through control verbs ("threatened to impose" -> subject of "threatened"; "urged Russia
to withdraw" -> "Russia"), relative clauses and participles; for an event noun its
possessor, nationality modifier or "by" phrase ("Putin's demands", "Russian attacks",
"attacks by rebels"). Target: the direct object, or the object of "against", "on", "with",
"to", ... Conjoined actors stay together: "Trump and Putin will meet" has two sources.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.candidates import Candidate, noun_code
from dateline.events.participants import QUANTIFIER_HEADS, conjuncts, country_of_name, of_objects

# Demands, appeals and accusations whose "that" clause names the one they address.
_CONTENT_ROOTS = frozenset({"02", "10", "11"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
TARGET_PREPS = frozenset(
    {"against", "on", "with", "to", "toward", "towards", "at", "into", "upon", "from", "over"}
)
OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "call",
        "force",
        "order",
        "persuade",
        "press",
        "push",
        "invite",
        "tell",
        "encourage",
        "pressure",
        "pressurize",
        "compel",
        "allow",
        "help",
        "lead",
    }
)
# Mediation, mediating, halting or threatening to halt mediation: the parties are targets.
MEDIATION_CODES = frozenset({"045", "039", "164", "165", "134", "135"})
# Judgements of another's action: their target is whoever acted.
_JUDGING = frozenset({"11", "05", "12"})
# Actions done to people or things, whose "of" object is the target.
DONE_TO = frozenset({"08", "16", "17", "18", "19", "20"})
# Events between equals: coordinated subjects are all sources, no target needed.
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
_SKIP_SUBJECTS = frozenset({"it", "this", "that", "which", "there", "who", "what"})


def _children(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _passive(head: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)


def _agent(head: Token) -> list[Token]:
    for c in head.children:
        if c.dep_ == "agent":
            return [g for g in c.children if g.dep_ == "pobj"]
    return []


# Participles that describe their subject's stance or activity, not something done to it:
# "Israel is opposed to", "forces were engaged in ethnic cleansing".
STATIVE_PASSIVES = frozenset({"oppose", "engage", "involve", "commit", "determine", "prepare"})


def subject_of(head: Token, depth: int = 0) -> list[Token]:
    """Subject tokens of the clause headed by ``head``, climbing control and relatives."""
    if _passive(head):
        agent = _agent(head)
        if not agent and head.lemma_.lower() in STATIVE_PASSIVES:
            # (the parser may hang the subject on the auxiliary: "Chile is opposed")
            holders = [head, *_children(head, {"auxpass"})]
            return [s for h in holders for s in _children(h, {"nsubjpass", "nsubj"})]
        return agent
    if (
        head.dep_ == "conj"
        and _passive(head.head)
        and not _children(head, {"nsubj", "nsubjpass"})
        and head.tag_ in ("VB", "VBD", "VBZ", "VBP")
    ):
        # "the minister has been indicted and will resign": the shared subject resigns
        return _children(head.head, {"nsubjpass"})
    subj = [s for s in _children(head, SUBJECT_DEPS) if s.lower_ not in _SKIP_SUBJECTS]
    if subj:
        # "an aide after the president threatened": the subject is the noun just before
        for prep in (c for c in subj[0].children if c.dep_ == "prep"):
            if prep.lower_ in SUBORDINATORS:
                inner = [g for g in prep.children if g.dep_ == "pobj" and g.i == head.i - 1]
                if inner:
                    return inner
        return subj
    reported_it = [s for s in _children(head, {"nsubj"}) if s.lower_ == "it"]
    if reported_it and head.dep_ == "ccomp" and head.lemma_ != "be" and _reported(head):
        return reported_it  # "the party said it will boycott": "it" is the party
    relative = [s for s in _children(head, SUBJECT_DEPS) if s.lower_ in ("who", "which", "that")]
    if head.dep_ == "relcl" and relative:
        return [head.head]
    misparsed = _subject_before(head)
    if misparsed is not None:
        return [misparsed]
    # "Turkey massed troops": a sentence-initial name taken for an adverbial
    adverbial = [
        c
        for c in _children(head, {"npadvmod"})
        if c.i == head.i - 1 and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
    ]
    if adverbial:
        return adverbial
    if depth >= 3 or head.head.i == head.i:
        return []
    gov = head.head
    if head.dep_ == "xcomp" and gov.pos_ in ("NOUN", "PROPN") and gov.i < head.i:
        return [gov]  # a misparse: "Trump last week called ..." with "Trump" as the root
    if head.dep_ == "xcomp":
        objects = _children(gov, {"dobj"})
        if objects and gov.lemma_.lower() in OBJECT_CONTROL:
            return objects
        return subject_of(gov, depth + 1)
    named = gov.pos_ in ("NOUN", "PROPN") or gov.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
    if head.dep_ in ("acl", "xcomp") and named and gov.i < head.i:
        return [gov]  # "forces loyal to X attacking ...", or a misparsed main verb
    if head.dep_ in ("advcl", "conj", "pcomp", "ccomp", "xcomp", "prep", "acl"):
        if head.dep_ == "pcomp":
            gov = gov.head  # "by stepping up" -> the verb the preposition attaches to
        if head.dep_ == "conj" and any(c.dep_ == "nsubj" for c in head.children):
            return []
        if head.dep_ == "ccomp":
            return []
        return subject_of(gov, depth + 1)
    return []


REPORTING = frozenset({"say", "announce", "claim", "insist", "warn", "add", "state", "declare"})


def _reported(clause: Token) -> bool:
    """Is ``clause`` what a named (non-pronoun) subject said?"""
    verb = clause.head
    return verb.lemma_.lower() in REPORTING and any(
        c.dep_ == "nsubj" and c.pos_ != "PRON" for c in verb.children
    )


def noun_sources(noun: Token) -> list[Token]:
    out: list[Token] = []
    for c in noun.children:
        if (c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her")) or (
            c.dep_ in ("amod", "compound", "nmod")
            and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")
        ):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ == "by":
            out += _children(c, {"pobj"})
    return out


def _prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        # ("called on Kenyans" may come parsed with "on" as a particle over its object)
        if c.dep_ in ("prep", "prt") and c.lower_ in preps:
            out += _children(c, {"pobj"})
    return out


def _mediated(cand: Candidate) -> list[Token]:
    """The parties of a mediation: "mediation efforts between X and Y", "among X"."""
    holders = [t for t in (cand.noun, cand.head) if t is not None]
    if cand.noun is not None and cand.noun.dep_ == "compound":
        holders.append(cand.noun.head)  # "a mediation effort between X and Y"
    return [o for h in holders for o in _prep_objects(h, frozenset({"between", "among"}))]


def targets_of(cand: Candidate) -> list[Token]:
    if cand.targets:
        return list(cand.targets)
    _, threatened = ultimatum_parties(cand.head)
    if threatened:
        return threatened
    if cand.code[:3] in MEDIATION_CODES and (parties := _mediated(cand)):
        return parties
    out: list[Token] = []
    noun = cand.noun
    if noun is not None:
        out += _prep_objects(noun, TARGET_PREPS - {"from", "over"})
        if cand.code[:2] in DONE_TO and not cand.code.startswith("087"):
            # "the expulsion of 50 Zairean nationals", "the release of prisoners"
            out += _prep_objects(noun, frozenset({"of"}))
        for c in noun.children:  # "sanctions hitting Russia"
            if c.dep_ == "acl":
                out += _children(c, {"dobj"})
            if c.dep_ in ("acl", "ccomp") and cand.code[:2] in _CONTENT_ROOTS:
                # "its demand that Israel ease restrictions": who is asked or accused
                out += _children(c, {"nsubj"})
        if noun.i != cand.head.i:
            out += _prep_objects(
                cand.head, frozenset({"against", "on", "with", "upon", "at", "into"})
            )
            if noun.dep_ == "nsubj":  # "a roadside bombing killed a US soldier"
                out += _children(cand.head, {"dobj"})
            elif _object_of(noun, cand.head):
                # "rejected a US offer", "rejected X's proposal", "an offer from Y":
                # whoever made the thing rejected or accepted is the event's target
                makers = noun_sources(noun) + _prep_objects(noun, frozenset({"from", "by"}))
                judged = noun_code(noun)
                if makers and cand.code[:2] in _JUDGING and judged and judged[:2] != cand.root:
                    # "condemned Israel's raid on Tunisia": the raider is condemned, not
                    # the one raided
                    return makers
                out += makers
                # "granted asylum to X", "sent aid to Y": the recipient
                out += _prep_objects(cand.head, frozenset({"to"}))
                if cand.code[:2] in _CONTENT_ROOTS:  # "repeated its demand that X ..."
                    for clause in _children(cand.head, {"ccomp"}):
                        if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                            out += _children(clause, {"nsubj"})
        return out
    head = cand.head
    if _passive(head):
        out += _children(head, {"nsubjpass"})
    for obj in _children(head, {"dobj", "dative"}):
        if noun_code(obj) is not None:
            # "rejected a US offer", "dismissed an appeal from the president"
            out += noun_sources(obj) + _prep_objects(obj, frozenset({"from"}))
            out += _prep_objects(obj, TARGET_PREPS - {"from"})
        else:
            out.append(obj)
    out += _prep_objects(head, TARGET_PREPS)
    if cand.code[:2] == "10" and cand.kind == "verb" and not out:
        # "demanded that the United States release the assets": who is asked
        for clause in _children(head, {"ccomp"}):
            out += [s for s in _children(clause, {"nsubj", "nsubjpass"}) if s.pos_ != "PRON"]
    if cand.code.startswith("042"):  # a visit's host: "arrived in Amman"
        out += _prep_objects(head, frozenset({"in"}))
    return out


def _object_of(noun: Token, head: Token) -> bool:
    """Is ``noun`` the object of ``head`` ("rejected the offer", "agreed to the plan")?"""
    if noun.dep_ == "dobj" and noun.head.i == head.i:
        return True
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == head.i


def _or_face(head: Token) -> Token | None:
    """The alternative offered in "agree to peace or face sanctions" (its first verb)."""
    if head.lemma_.lower() != "face" or head.dep_ != "conj":
        return None
    if any(c.dep_ == "cc" and c.lower_ == "or" for c in head.head.children):
        return head.head
    return None


def ultimatum_parties(head: Token) -> tuple[list[Token], list[Token]]:
    """Who threatens whom in "X told Y to comply or face sanctions" / "a deadline set by X".

    The one facing the consequence is the subject of the alternative; the threatener is
    the agent or subject of a verb above it.
    """
    first = _or_face(head)
    if first is None:
        return [], []
    targets = subject_of(first)
    tok = first
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        agent = _agent(tok)
        for acl in (c for c in tok.children if c.dep_ == "acl" and tok.pos_ == "NOUN"):
            agent = agent or _agent(acl)  # "a deadline set by X for Y to comply or face"
        if agent:
            return agent, targets
        subj = [c for c in tok.children if c.dep_ == "nsubj" and c.i not in {t.i for t in targets}]
        if subj and tok.pos_ in ("VERB", "AUX"):
            return subj, targets
    return [], targets


def sources_of(cand: Candidate) -> list[Token]:
    if cand.sources:
        return list(cand.sources)
    head = cand.head
    threatener, _ = ultimatum_parties(head)
    if threatener:
        return threatener
    noun = cand.noun
    if noun is not None and noun is head:
        between = _prep_objects(noun, frozenset({"between"}))
        if between:
            return between
        return noun_sources(noun)
    subj = subject_of(head)
    if len(subj) == 1 and (between := _prep_objects(subj[0], frozenset({"between"}))):
        # "fighting between Armenian and Azerbaijani forces killed 12": an event is the
        # subject; its own participants act
        subj = between
    if not subj and cand.root == "15" and _passive(head):
        subj = _children(head, {"nsubjpass"})  # "troops were put on alert": their own
    if not subj and noun is not None:
        subj = (
            noun_sources(noun)
            or _prep_objects(noun, frozenset({"between"}))
            or _prep_objects(head, frozenset({"between"}))  # "could be held between X and Y"
        )
    if not subj and head.lemma_ == "be":  # "there will be a meeting between X and Y"
        subj = _prep_objects(noun, frozenset({"between"})) if noun is not None else []
    return subj


def expand(tokens: list[Token]) -> list[Token]:
    """Each participant token with its conjuncts, in text order, without repeats."""
    out: list[Token] = []
    for token in tokens:
        inner = of_objects(token) if token.lemma_.lower() in QUANTIFIER_HEADS else []
        if any(c.dep_ in ("amod", "compound") and country_of_name(c.text) for c in token.children):
            inner = []  # "American members of the UN team": their own nationality counts
        # "the leaders of Chile and Peru": the people counted or led are the participants
        for tok in inner[:1] or [token]:
            for t in conjuncts(tok):
                if t not in out and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
                    out.append(t)
    return out


SUBORDINATORS = frozenset({"after", "before", "since", "until", "as", "while", "because", "when"})


def _subject_before(head: Token) -> Token | None:
    """Repair a frequent parse error: in "after the president threatened ...", the
    noun is taken as the object of "after" and the verb is left without a subject."""
    if head.i == 0 or head.pos_ != "VERB":
        return None
    prev = head.doc[head.i - 1]
    if (
        prev.dep_ == "pobj"
        and prev.head.lower_ in SUBORDINATORS
        and prev.pos_ in ("NOUN", "PROPN")
        and head.tag_ in ("VBD", "VBZ", "VBP")
    ):
        return prev
    return None
