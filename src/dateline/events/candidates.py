"""Trigger detection: the event candidates of one sentence, before frames and merging.

A candidate is a trigger word with its CAMEO code and the *head* that carries its clause
(status, subject, date): the trigger verb itself, or for an event noun the support verb
that governs it ("held talks", "talks were held", "imposed sanctions") or, for a noun that
names its own participants ("Russian attacks on Ukraine"), the noun.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Span, Token

from dateline.events.tables import Lexicon, lexicon, places

CandidateKind = Literal["verb", "noun", "evaluation", "request", "user"]

# Prepositions through which a noun names its participants ("attacks on Ukraine").
PARTICIPANT_PREPS = frozenset({"between", "by", "against", "on", "with", "to", "toward", "towards"})
# Verbs that report or describe rather than act: they never carry an event noun.
REPORTING = frozenset({"say", "tell", "report", "add", "note", "quote", "write", "claim"})
DESCRIBING = frozenset({"call", "describe", "brand", "label", "term", "dub"})
ARGUING = frozenset(
    {
        "say",
        "argue",
        "insist",
        "stress",
        "suggest",
        "believe",
        "tell",
        "add",
        "reiterate",
        "announce",
        "declare",
        "state",
        "repeat",
        "write",
        "warn",
        "urge",
    }
)
# Prepositions through which a verb carries an event noun, and the verbs that do.
SUPPORT_PREPS: dict[str, frozenset[str]] = {
    "on": frozenset({"go", "be", "remain", "stay", "put", "place", "keep"}),
    "in": frozenset({"participate", "engage", "join", "take", "stop", "be", "involve"}),
    "as": frozenset({"hold", "use", "keep", "take"}),
    "into": frozenset({"launch", "open", "order", "begin", "start"}),
}


@dataclass(slots=True)
class Candidate:
    trigger: Token
    head: Token
    code: str
    kind: CandidateKind
    noun: Token | None = None
    frame: Token | None = None  # verb that frames the event ("threatened", "agreed")
    status: str | None = None  # forced status (set by frames)
    extra: list[Token] = field(default_factory=list)  # tokens that extend the evidence
    sources: list[Token] = field(default_factory=list)  # set by frames/special rules
    targets: list[Token] = field(default_factory=list)
    suppressed: bool = False

    @property
    def root(self) -> str:
        return self.code[:2]


MEASURE_NOUNS = frozenset(
    {
        "ton",
        "tonne",
        "million",
        "billion",
        "thousand",
        "hundred",
        "amount",
        "worth",
        "package",
        "shipment",
        "batch",
        "consignment",
        "round",
        "wave",
        "series",
        "day",
        "week",
        "kind",
        "type",
        "form",
        "number",
        "lot",
        "load",
        "truckload",
        "plane",
        "planeload",
        "convoy",
    }
)


def verb_lemma(tok: Token, known: frozenset[str] | dict[str, str]) -> str:
    """The token's lemma, repaired when the model's lemmatizer missed ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    if lemma in known:
        return lemma
    low = tok.lower_
    for cut, add in (("ed", ""), ("d", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("s", "")):
        if low.endswith(cut) and (low[: -len(cut)] + add) in known:
            return low[: -len(cut)] + add
    return lemma


def _verb_code(tok: Token, lex: Lexicon) -> str | None:
    lemma = verb_lemma(tok, lex.verbs)
    particles = [c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")]
    for i, first in enumerate(particles):
        for second in particles[i + 1 :]:
            code = lex.verbs.get(f"{lemma} {first} {second}")
            if code:
                return code
        code = lex.verbs.get(f"{lemma} {first}")
        if code:
            return code
    # "go on strike", "open fire": verb + object noun phrases
    for c in tok.children:
        if c.dep_ in ("dobj", "prep"):
            code = lex.verbs.get(f"{lemma} {c.lower_}")
            if code:
                return code
        if c.dep_ == "prep":  # "put on alert", "put on high alert"
            for g in (g for g in c.children if g.dep_ == "pobj"):
                mods = " ".join(m.lower_ for m in g.children if m.dep_ == "amod" and m.i < g.i)
                for key in (
                    f"{lemma} {c.lower_} {mods} {g.lower_}",
                    f"{lemma} {c.lower_} {g.lower_}",
                ):
                    code = lex.verbs.get(key.replace("  ", " "))
                    if code:
                        return code
    return lex.verbs.get(lemma)


def noun_code(tok: Token, lex: Lexicon | None = None) -> str | None:
    lex = lex or lexicon()
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP"):
        return None
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i == tok.i - 1:
            code = lex.nouns.get(f"{c.lower_} {lemma}")
            if code:
                return code
    code = lex.nouns.get(lemma) or lex.nouns.get(tok.lower_)
    if lemma == "state":  # "a state of emergency", "a state of siege"
        of = [g.lemma_.lower() for c in tok.children if c.lower_ == "of" for g in c.children]
        code = "1724" if set(of) & {"emergency", "siege"} else None
    if code and lemma == "strike" and _labour_strike(tok):
        return "143"
    return code


STRIKE_VERBS = frozenset({"go", "on", "call", "stage", "hold", "end", "suspend", "join", "declare"})


def _labour_strike(tok: Token) -> bool:
    mods = {c.lower_ for c in tok.children}
    if mods & {"general", "national", "nationwide", "hunger", "labour", "labor", "indefinite"}:
        return True
    # "a four-day strike", "a 24-hour strike": strikes by workers last a set time
    if any(w.lower_ in ("day", "hour", "week") for c in tok.children for w in c.subtree):
        return True
    return tok.head.lemma_.lower() in STRIKE_VERBS and tok.dep_ in ("dobj", "pobj")


def _has_participant(noun: Token) -> bool:
    """Does the noun name its own participants ("Putin's demands", "US sanctions")?"""
    names = places().countries
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return True
        if c.dep_ in ("amod", "compound", "nmod") and (
            c.ent_type_ in ("NORP", "GPE", "ORG") or c.lower_ in names
        ):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in PARTICIPANT_PREPS
            and any(g.dep_ == "pobj" and (g.ent_type_ or g.pos_ == "PROPN") for g in c.children)
        ):
            return True
    return False


def _passive_verb(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)


def _noun_head(tok: Token, lex: Lexicon) -> Token | None:
    """The verb that carries an event noun, the noun itself, or None (not an event)."""
    node = tok
    # "25,000 tons of food aid", "$5 million worth of arms": the measure carries the noun
    if (
        node.dep_ == "pobj"
        and node.head.lower_ == "of"
        and (node.head.head.lemma_.lower() in MEASURE_NOUNS or node.head.head.like_num)
    ):
        node = node.head.head
    if node.dep_ == "compound" and node.head.lemma_.lower() in lex.carrier_nouns:
        node = node.head  # "launched a mediation effort"
    # "imposed sanctions and tariffs": a conjunct shares its first conjunct's governor
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head
    gov = node.head
    glemma = verb_lemma(gov, lex.support_object | lex.support_subject)
    if node.dep_ in ("dobj", "attr", "oprd") and gov.pos_ in ("VERB", "AUX"):
        if glemma in lex.support_object or glemma in lex.noun_verb_codes or glemma == "face":
            return gov
        if node.dep_ == "attr" and any(c.dep_ == "expl" for c in gov.children):
            return gov  # "there will be a meeting"
    if (
        node.dep_ in ("nsubjpass", "nsubj")
        and gov.pos_ in ("VERB", "AUX")
        and (
            glemma in lex.support_subject
            # "talks were held"; not "peacekeepers held hostage", where they act
            or (glemma in lex.support_object and (node.dep_ == "nsubjpass" or _passive_verb(gov)))
        )
    ):
        return gov
    if node.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in SUPPORT_PREPS:
        verb = gov.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in SUPPORT_PREPS[gov.lower_]:
            return verb  # "went on strike", "took part in talks", "held them as human shields"
    if (
        node.dep_ == "pobj"
        and gov.dep_ == "prep"
        and gov.lower_ == "in"
        and (
            gov.head.like_num
            or gov.head.ent_type_ == "MONEY"
            or any(c.dep_ == "nummod" for c in gov.head.children)  # "50 million euros"
        )
        and gov.head.head.pos_ == "VERB"
        and gov.head.head.lemma_.lower() in lex.support_object
    ):
        return gov.head.head  # "provided $5 million in aid"
    if node.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in ("during", "for"):
        verb = gov.head
        reporting = verb.lemma_.lower() in REPORTING | {"call"}
        # "praised Morocco for its cooperation", "condemned the US for its support":
        # with an object, "for" gives the reason, an event of the object's own
        reason = gov.lower_ == "for" and any(c.dep_ == "dobj" for c in verb.children)
        if verb.pos_ == "VERB" and (gov.lower_ == "during" or not (reporting or reason)):
            return verb
    if tok.lemma_.lower() not in lex.verb_only_nouns and _has_participant(node):
        return tok
    return None


def find_candidates(sent: Span) -> list[Candidate]:
    lex = lexicon()
    out: list[Candidate] = []
    noun_heads: set[int] = set()
    for tok in sent:
        if tok.pos_ in ("NOUN", "PROPN"):
            code = noun_code(tok, lex)
            if code is None:
                continue
            head = _noun_head(tok, lex)
            if head is None:
                continue
            if head.i != tok.i:
                table = lex.noun_verb_codes.get(head.lemma_.lower(), {})
                particles = [c.lower_ for c in head.children if c.dep_ == "prt"]
                if particles:  # "called off a strike" is not "called a strike"
                    table = lex.noun_verb_codes.get(f"{head.lemma_.lower()} {particles[0]}", table)
                code = table.get(code[:2], table.get("*", code))
                noun_heads.add(head.i)
            out.append(Candidate(trigger=tok, head=head, code=code, kind="noun", noun=tok))
    for tok in sent:
        if tok.pos_ != "VERB" or tok.dep_ == "amod":
            continue
        if tok.tag_ in ("VBN", "VBG") and tok.head.i == tok.i + 1 and tok.head.pos_ == "NOUN":
            continue  # adjectival participle: "seized territory"
        if (
            tok.tag_ == "VBN"
            and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
            and any(c.dep_ == "det" for c in tok.children)
        ):
            continue  # a participle used as a noun: "evacuated the wounded"
        lemma = tok.lemma_.lower()
        if lemma in DESCRIBING | {"be"} or lemma in ARGUING:
            special = _special(tok, lex)
            if special is not None:
                out.append(special)
                continue
        if tok.i in noun_heads:
            continue  # the noun carries the event ("launched an attack")
        code = _verb_code(tok, lex)
        if code is not None and not _object_allowed(tok, lex):
            code = None
        if code is not None and _fights_a_scourge(tok):
            continue  # "cooperate in fighting terrorism": a policy, not an attack
        if tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.lemma_.lower() in ALLEGING_VERBS:
            continue  # "nationals accused of spying": a description, not an accusation
        code = code or _money_given(tok) or _phoned(tok) or _exploded(tok)
        if code is not None and code[:2] in ("18", "19", "20") and _tested(tok):
            code = "150"  # "test-fired a missile": a show of force, not an attack
        if code is None:
            continue
        if code.startswith("02") and asks_for_punishment(tok, lex):
            code = "100"  # "called for sanctions against X" is a demand, not an appeal
        out.append(Candidate(trigger=tok, head=tok, code=code, kind="verb"))
    for tok in sent:  # copular evaluations: "the talks were constructive"
        if tok.lemma_ == "be" and tok.pos_ in ("AUX", "VERB") and tok.dep_ != "relcl":
            special = _evaluation(tok, lex)
            if special is not None:
                out.append(special)
    return out


def _special(tok: Token, lex: Lexicon) -> Candidate | None:
    lemma = tok.lemma_.lower()
    if lemma in DESCRIBING:
        return _described(tok, lex)
    if lemma in ARGUING:
        return _should_request(tok) or _ordered(tok)
    return None


def _ordered(tok: Token) -> Candidate | None:
    """An order is a demand (CAMEO 10): "told Iran to release the sailors"."""
    if tok.lemma_.lower() != "tell":
        return None
    objects = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    action = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
    if objects and action and any(a.dep_ == "aux" and a.lower_ == "to" for a in action[0].children):
        return Candidate(trigger=tok, head=tok, code="100", kind="request", targets=objects)
    return None


def _evaluative_code(word: Token, lex: Lexicon) -> str | None:
    words = {word.lower_, word.lemma_.lower()}
    for c in word.children:
        if c.dep_ in ("amod", "compound", "acomp", "conj"):
            words |= {c.lower_, c.lemma_.lower()}
    if any(c.dep_ == "neg" for c in word.head.children):
        return None
    if words & lex.negative:
        return "111"
    if words & lex.positive:
        return "051"
    return None


def _described(tok: Token, lex: Lexicon) -> Candidate | None:
    """An evaluation by the subject: "called the decision 'extremely unfortunate'"."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    predicates = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")]
    predicates += objects[1:]  # "called them bullies": a second object
    # "called the decision unfortunate" parsed with a post-nominal adjective
    predicates += [a for o in objects[:1] for a in o.children if a.dep_ == "amod" and a.i > o.i]
    for c in predicates:
        code = _evaluative_code(c, lex)
        if code:
            return Candidate(
                trigger=tok,
                head=tok,
                code=code,
                kind="evaluation",
                extra=[c],
                targets=_event_participants(objects[:1]),
            )
    return None


def _evaluation(tok: Token, lex: Lexicon) -> Candidate | None:
    for c in tok.children:
        if c.dep_ in ("acomp", "attr"):
            code = _evaluative_code(c, lex)
            if code:
                # "X said the talks were constructive": X evaluates the talks' participants
                subj = [s for s in tok.children if s.dep_ in ("nsubj", "nsubjpass")]
                gov = tok.head
                if tok.dep_ == "xcomp":  # "are known to be bullies"
                    subj = subj or [s for s in gov.children if s.dep_ in ("nsubj", "nsubjpass")]
                    gov = gov.head
                speaker: list[Token] = []
                if gov.i != tok.i and gov.lemma_.lower() in REPORTING | ARGUING:
                    speaker = [s for s in gov.children if s.dep_ == "nsubj"]
                return Candidate(
                    trigger=c,
                    head=tok,
                    code=code,
                    kind="evaluation",
                    targets=_event_participants(subj),
                    sources=speaker,
                    extra=[tok],
                )
    return None


def _should_request(tok: Token) -> Candidate | None:
    """Saying what others should do is a demand (CAMEO 10): "argued that X should attend"."""
    for c in tok.children:
        if c.dep_ == "ccomp" and any(
            a.dep_ == "aux" and a.lower_ in ("should", "must", "ought") for a in c.children
        ):
            targets = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
            return Candidate(
                trigger=tok, head=tok, code="100", kind="request", extra=[c], targets=targets
            )
    # "argued Britain or France, the two powers, should be at it": the parser takes the
    # subject for an object and hangs the modal clause elsewhere
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        nxt = obj.right_edge.i + 1
        doc = tok.doc
        while nxt < len(doc) and doc[nxt].is_punct:
            nxt += 1
        if nxt < len(doc) and doc[nxt].lower_ in ("should", "must") and doc[nxt].dep_ == "aux":
            clause = doc[nxt].head
            if not any(s.dep_ in ("nsubj", "nsubjpass") for s in clause.children):
                return Candidate(
                    trigger=tok, head=tok, code="100", kind="request", extra=[clause], targets=[obj]
                )
    return None


def _event_participants(tokens: list[Token]) -> list[Token]:
    """An evaluated event stands for its participants ("the talks" -> between whom)."""
    out: list[Token] = []
    for tok in tokens:
        if noun_code(tok) is None:
            out.append(tok)
            continue
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "with"):
                out += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ == "poss" or (
                c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")
            ):
                out.append(c)  # "the Russian attacks": the attackers are evaluated
    return out


def _object_allowed(tok: Token, lex: Lexicon) -> bool:
    """Verbs whose reading needs a certain object: troops are mobilized, not lobby groups."""
    allowed = lex.object_required.get(tok.lemma_.lower())
    if allowed is None:
        return True
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return not objects or any(o.lemma_.lower() in allowed for o in objects)


GIVING = frozenset(
    {
        "give",
        "provide",
        "donate",
        "allocate",
        "earmark",
        "contribute",
        "grant",
        "transfer",
        "lend",
        "send",
        "disburse",
        "release",
        "approve",
        "extend",
    }
)


# People sent somewhere are a mission, not aid: "sent 21 personnel to Bosnia to investigate".
SENT_PEOPLE = frozenset(
    {
        "personnel",
        "expert",
        "inspector",
        "observer",
        "monitor",
        "staff",
        "team",
        "mission",
        "delegation",
        "envoy",
        "official",
        "investigator",
        "troop",
        "soldier",
        "peacekeeper",
        "officer",
    }
)


def _money_given(tok: Token) -> str | None:
    """Giving as aid: money is economic aid (071, "Germany gave 350 million euros"),
    other things given to a country are aid (070, "provided photographs to Macedonia")."""
    if tok.lemma_.lower() not in GIVING | {"supply", "deliver", "ship", "hand"}:
        return None
    for obj in tok.children:
        if obj.dep_ == "dobj" and (
            obj.ent_type_ == "MONEY" or any(t.ent_type_ == "MONEY" for t in obj.subtree)
        ):
            return "071"
    to_country = any(
        c.dep_ in ("prep", "dative")
        and c.lower_ == "to"
        and any(g.dep_ == "pobj" and g.ent_type_ in ("GPE", "NORP") for g in c.children)
        for c in tok.children
    )
    sectors = places().sectors
    things = [
        c
        for c in tok.children
        if c.dep_ == "dobj"
        and c.ent_type_ not in ("PERSON", "NORP")
        and c.lemma_ not in sectors
        and c.lemma_.lower() not in SENT_PEOPLE
    ]
    if to_country and things:
        return "070"
    return None


ALLEGING_VERBS = frozenset({"accuse", "suspect", "charge", "allege", "blame"})
EXPLOSIVES = frozenset(
    {"bomb", "device", "explosive", "mine", "landmine", "grenade", "shell", "rocket", "car"}
)


SCOURGES = frozenset(
    {
        "terrorism",
        "crime",
        "corruption",
        "poverty",
        "drug",
        "trafficking",
        "smuggling",
        "disease",
        "epidemic",
        "inflation",
        "piracy",
        "extremism",
        "hunger",
        "famine",
        "malaria",
        "aids",
        "fraud",
        "unemployment",
        "impunity",
        "racism",
    }
)


def _fights_a_scourge(tok: Token) -> bool:
    """ "fight terrorism", "combat drug trafficking": policy against a social ill."""
    if tok.lemma_.lower() not in ("fight", "combat", "battle", "tackle", "attack", "target"):
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(o.lemma_.lower() in SCOURGES for o in objects)


def _tested(tok: Token) -> bool:
    """A weapons test: "test-fired", "test fired", "fired ... in a test"."""
    doc = tok.doc
    before = doc[max(tok.i - 2, 0) : tok.i]
    return any(t.lower_ == "test" for t in before) or any(
        c.lower_ in ("test", "tests") for c in tok.subtree if c.i > tok.i
    )


def _exploded(tok: Token) -> str | None:
    """A bomb going off is a bombing (183): "a car bomb exploded near a police station"."""
    if tok.lemma_.lower() not in ("explode", "detonate", "blast") and not (
        tok.lemma_.lower() == "go" and any(c.lower_ == "off" for c in tok.children)
    ):
        return None
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lemma_.lower() in EXPLOSIVES for s in subjects):
        return "183"
    return None


def _phoned(tok: Token) -> str | None:
    """A call to a person or country is a telephone consultation (041): "Biden called Macron"."""
    if tok.lemma_.lower() not in ("call", "ring"):
        return None
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    predicates = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")]
    if len(objects) == 1 and not predicates and objects[0].ent_type_ in ("PERSON", "GPE"):
        return "041"
    return None


def asks_for_punishment(tok: Token, lex: Lexicon | None = None) -> bool:
    lex = lex or lexicon()
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            code = noun_code(obj, lex)
            if code is not None and code[:2] in ("16", "17", "18", "19", "20"):
                return True
    return False
