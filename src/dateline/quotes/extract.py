"""Find attributed statements in a parsed Doc.

Two sources of evidence are combined:

1. **cues in the parse**: a reporting, belief or stance verb ("said", "argued",
   "warned", "believes") with its complement clause, object or quoted clause as the
   content and its subject as the speaker; "according to X" with the clause it
   modifies; "X quoted Y as saying" (X relays, Y speaks); raising verbs ("seemed",
   "is expected") whose content is the subject plus the infinitive.
2. **quotation marks** (:mod:`dateline.quotes.marks`): a quoted segment that no cue
   claimed is attached to a cue with no complement in its sentence ("he said:"),
   continues the quote before it (interrupted by its cue, or running over several
   paragraphs), or, when it reads as a sentence, is a further direct quote of the
   last speaker. Short quoted words with no cue are titles or scare quotes: skipped.

Kinds: content fully inside marks is ``direct``; content containing quoted pieces is
``mixed``; a short quoted fragment inside a narrated sentence with a cue is
``partial``; the rest is ``indirect``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.quotes.cue_model import (
    FILTER_WEIGHTS_FILE,
    CueModel,
    is_candidate,
    load_model,
    token_features,
)
from dateline.quotes.doc_cache import ents_within
from dateline.quotes.lead_in import after_lead_in
from dateline.quotes.lexicon import lexicon
from dateline.quotes.marks import Segment, find_segments
from dateline.quotes.outlets import is_outlet
from dateline.record import QuoteKind

# Complement relations whose subtree is the content of a cue verb.
_CLAUSE_DEPS = frozenset({"ccomp"})
_OBJECT_DEPS = frozenset({"dobj", "xcomp", "prep", "dative", "oprd", "attr", "ccomp", "obj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_INHERIT_SUBJECT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp"})
_RAISING = frozenset({"seem", "appear", "expect"})
_PRONOUN_OBJECTS = frozenset({"it", "so", "this", "that", "nothing", "something", "anything"})
_TRIM = set(" \t\n\u00a0\"'“”‘’«»‹›„`,.;:!?—–-()[]")
_QUOTE_CHARS = set("\"'“”‘’«»‹›„`")


@dataclass(slots=True)
class Found:
    """A quote before it becomes a record: character spans into ``doc_text(doc)``."""

    start: int
    end: int
    kind: QuoteKind = "indirect"
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    speaker_head: tuple[int, int] | None = None  # the name or noun heading the speaker
    via: tuple[int, int] | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)
    cue_after: bool = False  # the cue follows the content ("...," he said)
    clausal: bool = False  # the content is a clause (said that ...), not an object
    open_ended: bool = False  # last quoted part ran to the end of its paragraph
    score: float = 1.0  # the cue model's probability for the cue word
    cue_lemma: str = ""
    origin: str = "cue"  # cue | quote-after-cue | colon-intro | same-speaker
    same_paragraph: bool = False  # a same-speaker quote right after its speaker's quote
    # A bare cue's content when no quotation claims it: (content, speaker or None).
    fallback: tuple[tuple[int, int], tuple[int, int] | None] | None = None


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy rebuilds the string from tokens on every access
    (a Doc's text never changes, so the copy kept in ``user_data`` stays right)."""
    cached = doc.user_data.get("_dateline_quotes_text")
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data["_dateline_quotes_text"] = cached
    return cached


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def trim_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` without quote marks, spaces and punctuation at either end."""
    return _trim(text, start, end)


def _subtree_span(token: Token) -> tuple[int, int]:
    tokens = list(token.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _span_of_tokens(tokens: list[Token]) -> tuple[int, int]:
    start = min(t.left_edge.idx for t in tokens)
    last = max((t.right_edge for t in tokens), key=lambda t: t.i)
    return start, last.idx + len(last)


def _speaker_tokens_span(token: Token) -> tuple[int, int] | None:
    """The speaker phrase headed by ``token``; a relative pronoun ("who said") is the
    local mention itself, its antecedent is found through ``_head_span``."""
    if token.lower_ == "it" and token.dep_ == "nsubj" and _expletive_it(token):
        return None
    return _subtree_span(token)


def _expletive_it(token: Token) -> bool:
    """'It seems that', 'it is clear', 'it was reported': no one speaks. 'It slams
    Trump', 'it reads': the ad or document does."""
    verb = token.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() in _RAISING or verb.lemma_.lower() == "be":
        return True
    return any(c.dep_ in ("acomp", "auxpass", "expl") for c in verb.children)


def _head_span(token: Token) -> tuple[int, int]:
    """The head word of a speaker phrase with its compound name parts ("Yuri Ushakov")."""
    if token.lower_ in ("who", "that", "which") and token.head.dep_ == "relcl":
        token = token.head.head
    first = token
    for child in sorted(token.lefts, key=lambda t: -t.i):
        if child.dep_ in ("compound", "flat") and child.i == first.i - 1:
            first = child
    return first.idx, token.idx + len(token)


def _set_speaker(found: Found, token: Token | None) -> None:
    if token is None:
        return
    span = _speaker_tokens_span(token)
    if span is None:
        return
    found.speaker = span
    found.speaker_head = _head_span(token)


def _subject_of(verb: Token, depth: int = 0) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    if verb.pos_ in ("NOUN", "PROPN"):
        return next((c for c in verb.children if c.dep_ == "poss"), None)
    csubj = next((c for c in verb.lefts if c.dep_ == "csubj"), None)
    if csubj is not None:
        return csubj
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head  # "candidates proposing tax cuts"
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        return _subject_of(verb.head.head, depth + 1)  # "after announcing X, Rubio ..."
    if depth < 3 and verb.dep_ in _INHERIT_SUBJECT_DEPS and verb.head is not verb:
        return _subject_of(verb.head, depth + 1)
    return None


def _cue_span(verb: Token) -> tuple[int, int]:
    """The cue with its auxiliaries and particles ("has also called for")."""
    tokens = [verb]
    tokens += [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]
    tokens = [t for t in tokens if abs(t.i - verb.i) <= 3]
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _is_cue_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon().cue_verbs


def _content_children(verb: Token, speaker: Token | None) -> list[Token]:
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
    if clauses:
        right = [c for c in clauses if c.i > verb.i]
        # Clauses on both sides ("It costs a lot, he suggested that ..."): the one the
        # cue introduces follows it.
        chosen = right if right and len(right) < len(clauses) else clauses
        # "made it clear that X": the small clause "it clear" only frames X
        return _narrow_objects(verb, chosen)
    objects: list[Token] = []
    # "asked them to leave": who is asked to do something is part of the request
    addressee_verb = verb.lemma_.lower() in _ADDRESSEE_VERBS and not any(
        c.dep_ == "xcomp" and c.i > verb.i for c in verb.children
    )
    for child in verb.children:
        if child.i < verb.i or child is speaker or child.dep_ not in _OBJECT_DEPS:
            continue
        # "accused it of lying": the pronoun is part of what is said; "said it" is not
        if (
            child.dep_ == "dobj"
            and child.lower_ in _PRONOUN_OBJECTS
            and child.n_rights == 0
            and not _frames_object(verb, child)
        ):
            continue
        if child.dep_ in ("dobj", "dative") and addressee_verb and _is_addressee(child):
            continue
        if child.dep_ == "prep" and _circumstantial(verb, child):
            continue
        if child.dep_ == "prep" and not objects:
            # "talked about immigration": the preposition belongs to the cue
            inner = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            objects.extend(inner or [child])
            continue
        objects.append(child)
    return _narrow_objects(verb, objects)


# Verbs whose object noun only carries the act ("made a call for", "made no
# apologies for"): "offer", "express", "voice", "issue" tried, no gain on PolNeAR train.
_LIGHT_VERBS = frozenset({"make"})


def _light_noun_complement(noun: Token) -> list[Token]:
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("about", "for", "on", "of", "against", "to"):
            return [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        if child.dep_ in ("acl", "ccomp"):
            return [child]
    return []


def _frames_object(verb: Token, obj: Token) -> bool:
    """A complement after the object that says something about it ("accused it of
    lying", "called it a mistake", "asked them to leave")."""
    return any(
        c.i > obj.i
        and (c.dep_ in ("xcomp", "oprd") or (c.dep_ == "prep" and not _circumstantial(verb, c)))
        for c in verb.children
    )


def _narrow_objects(verb: Token, objects: list[Token]) -> list[Token]:
    """What is said inside a cue's object: 'expressed concern that X' says X."""
    predicate = next((o for o in objects if o.dep_ in ("oprd", "ccomp") and o.i > verb.i), None)
    if predicate is not None and verb.lemma_.lower() in _NAMING_VERBS:
        # "called it a disgrace": the pronoun belongs to the naming (PolNeAR train).
        pronoun = next(
            (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PRON" and c.i > verb.i),
            None,
        )
        if pronoun is not None:
            return [pronoun, predicate]
    for obj in objects:
        if obj.dep_ not in ("dobj", "oprd", "ccomp") or obj.lemma_.lower() not in _STANCE_NOUNS:
            continue
        clause = [c for c in obj.children if c.dep_ in ("acl", "ccomp", "advcl") and c.i > obj.i]
        if clause and next(clause[0].subtree).lower_ == "that":
            return clause
        later = [o for o in objects if o.i > obj.i]
        if obj.n_rights == 0 and later and next(later[0].subtree).lower_ == "that":
            return later  # "made clear that X"
    if len(objects) == 1 and objects[0].dep_ == "dobj" and verb.lemma_.lower() in _LIGHT_VERBS:
        # "made no apologies for X", "made an impassioned call for X", "made the
        # decision to X": the light verb and its noun are the cue, X the content.
        inner = _light_noun_complement(objects[0])
        if inner:
            return inner
    if len(objects) == 1 and objects[0].dep_ == "dobj":
        # 'raised questions about X', 'made no mention of X': what is said is X.
        obj = objects[0]
        if obj.lemma_.lower() in _ABOUT_NOUNS:
            prep = next((c for c in obj.rights if c.dep_ == "prep"), None)
            if prep is not None and prep.lower_ in ("about", "of", "on", "against", "over"):
                inner = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                if inner:
                    return inner
    return objects


_NAMING_VERBS = frozenset({"call", "label", "dub", "brand", "deem", "name", "term"})


# Nouns whose "about/of/on" object is what the statement is about. Chosen on PolNeAR
# train, where "support for", "ban on", "issue of" keep the noun but these do not.
_ABOUT_NOUNS = frozenset(
    {
        "concern",
        "concerns",
        "question",
        "mention",
        "defense",
        "defence",
        "detail",
        "attack",
        "sign",
        "comment",
        "comments",
        "remark",
        "remarks",
        "thought",
        "thoughts",
        "testimony",
    }
)


# Nouns of attitude whose "that" clause is the attributed content.
_STANCE_NOUNS = frozenset(
    {
        "confidence",
        "skepticism",
        "scepticism",
        "amusement",
        "concern",
        "concerns",
        "hope",
        "fear",
        "fears",
        "doubt",
        "doubts",
        "worry",
        "worries",
        "frustration",
        "optimism",
        "belief",
        "view",
        "clear",
        "certain",
        "sure",
        "confident",
        "surprise",
        "regret",
        "case",
        "point",
        "argument",
    }
)


def _is_addressee(token: Token) -> bool:
    """'told reporters', 'told him', 'told CNN': the hearer, not what was said."""
    return (
        token.pos_ == "PRON"
        or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or token.lemma_.lower() in _HEARERS
    )


_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "remind", "assure", "reassure"})
_HEARERS = frozenset(
    {
        "reporter",
        "journalist",
        "audience",
        "crowd",
        "supporter",
        "voter",
        "lawmaker",
        "member",
        "interviewer",
        "viewer",
        "listener",
        "reader",
        "people",
        "student",
        "official",
        "host",
        "colleague",
        "staff",
        "aide",
        "delegate",
        "donor",
        "leader",
        "committee",
        "panel",
    }
)


_CIRCUMSTANCE_PREPS = frozenset(
    {"in", "at", "during", "after", "before", "since", "by", "from", "through", "via", "while"}
)
_ON_VERBS = frozenset(
    {"call", "comment", "focus", "insist", "agree", "report", "weigh", "elaborate"}
)


def _circumstantial(verb: Token, prep: Token) -> bool:
    """'said in a statement', 'said on Tuesday': circumstances, not content."""
    if any(c.ent_type_ in ("DATE", "TIME") for c in prep.children if c.dep_ == "pobj"):
        return True
    if prep.lower_ == "on":
        return verb.lemma_.lower() not in _ON_VERBS
    return prep.lower_ in _CIRCUMSTANCE_PREPS


def _from_verb(doc: Doc, verb: Token) -> Found | None:
    lemma = verb.lemma_.lower()
    if lemma == "quote":
        return _from_quoted_as_saying(doc, verb)
    if lemma in _RAISING:
        raised = _from_raising(doc, verb)
        if raised is not None:
            return raised
    if lemma in _PASSIVE_RAISING and any(c.dep_ == "auxpass" for c in verb.children):
        passive = _from_passive_raising(doc, verb)
        if passive is not None:
            return passive
    if lemma in _CHAIN_VERBS:
        chained = _from_chain(doc, verb)
        if chained is not None:
            return chained
    subject = _subject_of(verb)
    children = _content_children(verb, subject)
    cue = _cue_span(verb)
    if not children and verb.dep_ == "parataxis":
        return _from_parenthetical(doc, verb, subject, cue)
    if not children:
        children = _misattached_that_clause(verb)
    if not children:
        # A bare cue ("he said:", "said Ushakov"): content may come from quote marks.
        found = Found(start=cue[0], end=cue[0], cue=cue)
        _set_speaker(found, subject if subject is not None else _inverted_speaker(verb))
        found.fallback = _fallback_content(doc, verb, subject, cue)
        return found
    start, end = _clip(doc, verb, cue, _span_of_tokens(children))
    if end <= start:
        return None
    found = Found(start=start, end=end, cue=cue)
    found.clausal = any(c.dep_ in ("ccomp", "conj") or c.pos_ in ("VERB", "AUX") for c in children)
    found.cue_after = cue[0] >= end
    _set_speaker(found, subject)
    if found.speaker is None and found.cue_after:
        _set_speaker(found, _inverted_speaker(verb))
    if found.speaker is None:
        _speaker_from_misparse(found, verb)
    if found.speaker is None and not found.cue_after:
        _set_speaker(found, _speaker_left_of(verb))
    return found


# Verbs of phase and effort ("continued to call for", "tried to discuss", "went on to
# praise"): what is attributed is what the verb after "to" says, and that verb belongs
# to the cue. Chosen on PolNeAR train (where the annotation runs the cue into the
# second verb for these, but not for "wanted to", "refused to", "vowed to").
_CHAIN_VERBS = frozenset(
    {
        "try",
        "continue",
        "go",
        "need",
        "have",
        "move",
        "set",
        "struggle",
        "fail",
        "tend",
        "attempt",
        "hesitate",
        "begin",
        "start",
        "keep",
        "use",
        "proceed",
        "choose",
        "manage",
    }
)


def _from_chain(doc: Doc, verb: Token) -> Found | None:
    """'Sanders continued to call for a single-payer system': content of "call for",
    cue "continued to call for", speaker the subject of "continued"."""
    inner = next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.i > verb.i),
        None,
    )
    if inner is None or inner.i - verb.i > 4:
        return None
    found = _from_verb(doc, inner)
    if found is None or found.end <= found.start or found.cue is None:
        return None
    if found.start < verb.idx:
        return None
    found.cue = (_cue_span(verb)[0], found.cue[1])
    if found.speaker is None:
        _set_speaker(found, _subject_of(verb))
    return found


# Prepositions whose object is what a cue with no other complement is about ("went
# after X", "pushed back on X", "sounded off on X"); place and time prepositions
# ("in", "at", "during") are circumstances.
_FALLBACK_PREPS = frozenset(
    {"on", "after", "about", "against", "over", "into", "toward", "towards"}
)

# An attitude adjective's preposition ("leery of", "angry at", "outspoken on").
_ADJ_PREPS = frozenset({"of", "at", "with", "to", "for"})


def _fallback_content(
    doc: Doc, verb: Token, subject: Token | None, cue: tuple[int, int]
) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """What a bare cue says when no quotation follows it: the object of its
    preposition ("pushed back on the charges"), or, for a passive, its subject ("The
    plan was rejected by the mayor", the mayor speaking)."""
    text = doc_text(doc)
    preps = _FALLBACK_PREPS | _ADJ_PREPS if verb.pos_ == "ADJ" else _FALLBACK_PREPS
    for child in verb.rights:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        inner = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        if not inner or any(c.ent_type_ in ("DATE", "TIME") for c in inner):
            continue
        span = _trim(text, *_span_of_tokens(inner))
        return (span, None) if span[1] > span[0] else None
    if subject is not None and subject.dep_ == "nsubjpass" and subject.i < verb.i:
        if subject.pos_ == "PRON" and subject.lower_ not in ("who", "which", "that"):
            return None
        span = _trim(text, *_subtree_span(subject))
        if span[1] > cue[0]:
            return None
        agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        return (span, _subtree_span(by) if by is not None else None)
    return None


def _speaker_left_of(verb: Token) -> Token | None:
    """'Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said
    ...' with the name parsed as a conjunct of "Nevada": the name right before the
    verb (past its apposition) speaks, when it is a person or organisation."""
    i = verb.i - 1
    while i >= verb.sent.start and (
        verb.doc[i].is_punct or verb.doc[i].dep_ in ("punct", "aux", "neg")
    ):
        i -= 1
    if i < verb.sent.start:
        return None
    token = verb.doc[i]
    while token.dep_ in ("compound", "flat") and token.head.i > token.i and token.head.i < verb.i:
        token = token.head
    if token.dep_ == "appos" and token.head.i < token.i:
        token = token.head
    if token.dep_ not in ("conj", "npadvmod", "dep", "nmod", "appos", "pobj", "dobj"):
        return None
    if token.ent_type_ not in ("PERSON", "ORG", "NORP") or token.right_edge.i >= verb.i:
        return None
    return token


def _speaker_from_misparse(found: Found, verb: Token) -> None:
    """'Trump last week called ...' parsed with "Trump" as root and the verb under it."""
    head = verb.head
    if head is verb or head.i > verb.i or head.pos_ not in ("PROPN", "PRON", "NOUN"):
        return
    if head.dep_ not in ("ROOT", "nsubj"):
        return
    first = head.left_edge
    found.speaker = (first.idx, head.idx + len(head))
    found.speaker_head = _head_span(head)


def _from_parenthetical(
    doc: Doc, verb: Token, subject: Token | None, cue: tuple[int, int]
) -> Found | None:
    """'Many of the closures, he said, were public': the cue clause interrupts the
    statement, which is the rest of its sentence on both sides."""
    text = doc_text(doc)
    outer = _subtree_span(verb.head)
    inner = _subtree_span(verb)
    left = _trim(text, outer[0], inner[0])
    right = _trim(text, inner[1], outer[1])
    parts = [p for p in (left, right) if p[1] > p[0]]
    if not parts:
        return None
    found = Found(
        start=parts[0][0],
        end=parts[-1][1],
        cue=cue,
        parts=parts if len(parts) > 1 else [],
        clausal=True,
        cue_after=right[1] <= right[0],
    )
    _set_speaker(found, subject)
    return found


def _misattached_that_clause(verb: Token) -> list[Token]:
    """'told leaders during a call that he intended ...': the parser often hangs the
    "that" clause on the nearest noun; it still belongs to the cue verb."""
    sent = verb.sent
    for token in sent:
        if token.i <= verb.i or token.i - verb.i > 12:
            continue
        if token.lower_ == "that" and token.dep_ == "mark" and token.head.i > token.i:
            later = [c for c in verb.children if c.dep_ == "conj" and c.i > token.head.i]
            return [token.head, *later]
        if token.pos_ in ("VERB", "AUX") and token.dep_ in ("ROOT", "ccomp", "conj"):
            break
    return []


def _clip(doc: Doc, verb: Token, cue: tuple[int, int], span: tuple[int, int]) -> tuple[int, int]:
    """Content stays in the cue's paragraph and on one side of the cue."""
    text = doc_text(doc)
    start, end = span
    para_start = text.rfind("\n", 0, cue[0]) + 1
    para_end = text.find("\n", cue[1])
    para_end = len(text) if para_end < 0 else para_end
    start, end = max(start, para_start), min(end, para_end)
    if start < cue[0] < end:
        # the cue sits inside: keep the larger side ('"A," he said, adding B')
        if cue[0] - start >= end - cue[1]:
            end = cue[0]
        else:
            start = cue[1]
    return _trim(text, start, end)


def _inverted_speaker(verb: Token) -> Token | None:
    """'"...," said Kremlin aide Yuri Ushakov' sometimes parses the name as an object."""
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "appos") and child.pos_ in (
            "PROPN",
            "NOUN",
            "PRON",
        ):
            return child
    return None


def _from_raising(doc: Doc, verb: Token) -> Found | None:
    """'Trump seemed to relish the fight': the content is the subject and infinitive."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if xcomp is None and verb.lemma_.lower() != "expect":
        # 'The plan seemed like a long shot', 'she appeared confident'
        xcomp = next(
            (
                c
                for c in verb.rights
                if c.dep_ in ("acomp", "attr", "oprd") or (c.dep_ == "prep" and c.lower_ == "like")
            ),
            None,
        )
    if subject is None or xcomp is None or subject.lower_ == "it":
        return None
    s_start, s_end = _subtree_span(subject)
    x_start, x_end = _trim(doc_text(doc), *_subtree_span(xcomp))
    found = Found(
        start=s_start,
        end=x_end,
        cue=_cue_span(verb),
        parts=[(s_start, s_end), (x_start, x_end)],
        clausal=True,
    )
    _set_speaker(found, subject)
    return found


# Passive verbs of repute: "X is known for Y", "X was said to have Y", "X is seen as
# Y" attribute the whole of "X ... Y" (PolNeAR train).
_PASSIVE_RAISING = frozenset(
    {
        "know",
        "say",
        "report",
        "believe",
        "think",
        "consider",
        "see",
        "view",
        "regard",
        "rumor",
        "rumour",
        "deem",
        "perceive",
        "understand",
        "estimate",
        "project",
    }
)


def _from_passive_raising(doc: Doc, verb: Token) -> Found | None:
    """'Ginsburg is known for speaking her mind': content is subject and predicate,
    the speaker the "by" agent if there is one."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ == "it" or subject.i > verb.i:
        return None
    predicate = next(
        (
            c
            for c in verb.rights
            if c.dep_ in ("xcomp", "oprd", "acomp", "attr")
            or (c.dep_ == "prep" and c.lower_ in ("as", "for", "like"))
        ),
        None,
    )
    if predicate is None:
        return None
    text = doc_text(doc)
    s_start, s_end = _subtree_span(subject)
    p_start, p_end = _trim(text, *_subtree_span(predicate))
    found = Found(
        start=s_start,
        end=p_end,
        cue=_cue_span(verb),
        parts=[(s_start, s_end), (p_start, p_end)],
        clausal=True,
    )
    agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    _set_speaker(found, by)
    return found


def _from_quoted_as_saying(doc: Doc, verb: Token) -> Found | None:
    """'Interfax news agency quoted him as saying': him speaks, Interfax relays."""
    relay = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    speaker = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if speaker is None:
        speaker = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    saying = next((t for t in verb.subtree if t.lemma_.lower() == "say" and t.i > verb.i), None)
    cue_end = saying.idx + len(saying) if saying is not None else verb.idx + len(verb)
    found = Found(
        start=verb.idx,
        end=verb.idx,
        cue=(verb.idx, cue_end),
        via=_subtree_span(relay) if relay is not None else None,
    )
    _set_speaker(found, speaker)
    if saying is not None:
        clause = [c for c in saying.children if c.dep_ in ("ccomp", "dobj")]
        if clause:
            found.start, found.end = _trim(doc_text(doc), *_span_of_tokens(clause))
    return found


# Sentence connectives that tie a statement to the narration ("Still, ...", "In fact,
# ..."): not part of what the source says.
_CONNECTIVES = frozenset(
    {
        "still",
        "however",
        "but",
        "and",
        "yet",
        "meanwhile",
        "indeed",
        "instead",
        "moreover",
        "nonetheless",
        "nevertheless",
        "also",
        "so",
        "even so",
        "in fact",
        "in addition",
        "at the same time",
        "by contrast",
        "in contrast",
    }
)


def _skip_connective(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """'Still, almost two in three voters ...' -> 'almost two in three voters ...'."""
    text = doc_text(doc)
    start, end = span
    if text[start:end].lower() in _CONNECTIVES:
        return end, end  # "Still, according to X, ...": nothing before the cue
    first = text[start:end].split(" ", 1)
    if len(first) == 2 and first[0] in ("But", "And", "Yet", "So"):
        return _trim(text, start + len(first[0]) + 1, end)  # "But HarperCollins declined"
    comma = text.find(",", start, min(end, start + 20))
    if comma < 0 or text[start:comma].strip().lower() not in _CONNECTIVES:
        return span
    return _trim(text, comma + 1, end)


def _from_according(doc: Doc, token: Token) -> Found | None:
    """'According to X, Y' / 'Y, according to X': X is the source of Y."""
    to = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if to is None or to.lower_ != "to":
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    sent = token.sent
    text = doc_text(doc)
    phrase_start = token.idx
    phrase_end = _subtree_span(pobj)[1] if pobj is not None else to.idx + len(to)
    # the sentence, within the cue's paragraph ("7:05 p.m.\n\nAccording to ...")
    sent_start = max(sent.start_char, text.rfind("\n", 0, phrase_start) + 1)
    sent_end = text.find("\n", phrase_end, sent.end_char)
    sent_end = sent.end_char if sent_end < 0 else sent_end
    before = _skip_connective(doc, _trim(text, sent_start, phrase_start))
    after = _skip_connective(doc, _trim(text, phrase_end, sent_end))
    content = after if after[1] - after[0] >= before[1] - before[0] else before
    if content[1] <= content[0]:
        return None
    found = Found(
        start=content[0],
        end=content[1],
        cue=(token.idx, to.idx + len(to)),
        cue_after=content == before,
        clausal=True,
    )
    if before[1] > before[0] and after[1] > after[0] and not _is_clause(doc, before):
        # "Other cleavages, according to the poll, include ideology": the phrase
        # interrupts one statement, whose subject comes before it.
        found.start, found.end = before[0], after[1]
        found.parts = [before, after]
        found.cue_after = False
    _set_speaker(found, pobj)
    return found


def _is_clause(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the text holds a verb with its own subject (a sentence of its own)."""
    part = doc.char_span(span[0], span[1], alignment_mode="expand")
    return part is not None and any(
        t.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECT_DEPS for c in t.children) for t in part
    )


_SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "declare",
        "announce",
        "claim",
        "insist",
        "argue",
        "warn",
        "write",
        "tweet",
        "explain",
        "reply",
        "respond",
        "stress",
        "report",
    }
)


def find_cues(doc: Doc, model: CueModel | None = None) -> list[Found]:
    """Quotes anchored on cue words: scored by the cue model, else by the lexicon."""
    mask = quoted_mask(doc) if model is not None else []
    found: list[Found] = []
    for token in doc:
        if token.text == ":" and _headline_colon(doc, token):
            score = 1.0  # "Joe Smith: Trump Is Wrong" needs no model to be read
        elif model is not None:
            if not is_candidate(token):
                continue
            threshold = model.threshold
            if token.pos_ == "VERB" and token.lemma_.lower() in _SPEECH_VERBS:
                threshold /= 2  # verbs of saying need less evidence from context
            score = model.probability(token_features(token, mask[token.i]))
            if score < threshold:
                continue
        elif not (_is_cue_verb(token) or token.lower_ == "according"):
            continue
        else:
            score = 1.0
        item: Found | None
        if token.lower_ == "according":
            item = _from_according(doc, token)
        elif token.text == ":":
            item = _from_colon(doc, token)
        else:
            item = _from_verb(doc, token)
        if item is not None:
            item.score = score
            item.cue_lemma = token.lemma_.lower()
            found.append(item)
    return found


def _headline_colon(doc: Doc, colon: Token) -> bool:
    """A short name opening its line, then a colon: "Senator Ann Lee: Trump Is Wrong"."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, colon.idx) + 1
    before = doc.char_span(line_start, colon.idx, alignment_mode="contract")
    if before is None or not 0 < len(before) <= 5:
        return False
    if _short_line_label(text, before, colon):
        return True
    if not all(t.pos_ == "PROPN" or t.is_punct or t.is_title for t in before):
        return False
    return any(
        e.label_ in ("PERSON", "ORG") for e in ents_within(doc, before.start, before.end)
    ) or (sum(t.pos_ == "PROPN" for t in before) >= 2)


def _short_line_label(text: str, before: Span, colon: Token) -> bool:
    """'Lynch: No outside influence on probe', 'Clinton camp: ...', 'JAKE TAPPER: ...':
    a capitalised label opening its line, then a statement of several words."""
    first = before[0]
    if not (first.is_title or first.is_upper) or first.lower_ in _NOT_SPEAKERS:
        return False
    if any(t.lower_ in _NOT_SPEAKERS or t.is_digit for t in before):
        return False
    line_end = text.find("\n", colon.idx)
    rest = text[colon.idx + 1 : len(text) if line_end < 0 else line_end].split()
    return len(rest) >= 3 and rest[0][:1].isupper()


# Line labels that introduce material, not a speaker's words.
_NOT_SPEAKERS = frozenset(
    {
        "transcript",
        "partial",
        "update",
        "updated",
        "note",
        "editor",
        "photo",
        "photos",
        "video",
        "watch",
        "read",
        "related",
        "source",
        "sources",
        "correction",
        "top",
        "full",
        "abstract",
        "by",
        "q",
        "a",
        "listen",
        "see",
        "more",
        "here",
        "where",
        "when",
        "what",
        "the",
        "this",
        "these",
        "that",
        "his",
        "her",
        "their",
        "it",
    }
)


def _from_colon(doc: Doc, colon: Token) -> Found | None:
    """'Elizabeth Warren: Trump is a failure' (headlines), 'He said: ...' is a verb's."""
    sent = colon.sent
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, colon.idx) + 1
    label = doc.char_span(line_start, colon.idx, alignment_mode="contract")
    if label is not None and len(label) > 0 and _short_line_label(text, label, colon):
        # A line label: the statement is the rest of its line.
        line_end = text.find("\n", colon.idx)
        start, end = _trim(text, colon.idx + 1, len(text) if line_end < 0 else line_end)
        found = Found(start=start, end=end, cue=(colon.idx, colon.idx + 1))
        found.speaker = (label.start_char, label.end_char)
        found.speaker_head = (label.root.idx, label.root.idx + len(label.root))
        return found if end > start else None
    before = doc[sent.start : colon.i]
    if not 0 < len(before) <= 6 or not any(t.pos_ == "PROPN" for t in before):
        return None
    start, end = _trim(text, colon.idx + 1, sent.end_char)
    if end <= start:
        return None
    found = Found(start=start, end=end, cue=(colon.idx, colon.idx + 1))
    found.speaker = (before.start_char, before.end_char)
    found.speaker_head = (before.root.idx, before.root.idx + len(before.root))
    return found


# -- combining cues with quotation marks -------------------------------------


def _segment_words(doc: Doc, seg: Segment) -> int:
    return len(doc_text(doc)[seg.start : seg.end].split())


def _sentence_of(doc: Doc, char: int) -> Span | None:
    token = _token_at(doc, char)
    return token.sent if token is not None else None


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0]


def _kind_for(text: str, start: int, end: int, segments: list[Segment]) -> QuoteKind:
    inside = [s for s in segments if s.start < end and start < s.end]
    if not inside:
        return "indirect"
    quoted = [False] * (end - start)
    for seg in inside:
        for i in range(max(start, seg.start), min(end, seg.end)):
            quoted[i - start] = True
    unquoted = "".join(text[start + i] for i, q in enumerate(quoted) if not q)
    if not unquoted.strip(" \n,.;:!?\"'“”‘’«»-—"):
        return "direct"
    return "mixed"


def _snap_to_segments(text: str, found: Found, segments: list[Segment]) -> None:
    """Make content boundaries follow quotation marks it overlaps."""
    overlapping = [s for s in segments if s.open_start < found.end and found.start < s.close_end]
    if not overlapping:
        return
    if found.cue is not None:
        cue_start, cue_end = found.cue
        # A quote that contains the cue is the content only on one side of the cue.
        overlapping = [s for s in overlapping if not (s.start <= cue_start and cue_end <= s.end)]
        if not overlapping:
            return
    found.start = min(found.start, overlapping[0].start)
    found.end = max(found.end, overlapping[-1].end)
    last = overlapping[-1]
    if found.start >= overlapping[0].start and found.end > last.close_end:
        # Content that opens with a quote and runs on past the closing mark into
        # ', said X, whose ...' or the next sentence: the quote is the content.
        after = text[last.close_end : found.end]
        if after.lstrip()[:1] in (",", ";") or ". " in after or text[last.end - 1] in ".?!":
            found.end = last.end
    found.start, found.end = _trim(text, found.start, found.end)


def _attach_free_segments(doc: Doc, cues: list[Found], segments: list[Segment]) -> list[Found]:
    """Give every quoted segment not covered by a cue a home, or skip it."""
    text = doc_text(doc)
    quotes = [c for c in cues if c.end > c.start]
    bare = [c for c in cues if c.end <= c.start and c.cue is not None]
    for seg in segments:
        if any(q.start < seg.end and seg.start < q.end for q in quotes):
            continue
        words = _segment_words(doc, seg)
        host = _bare_cue_for(doc, seg, bare)
        if host is not None:
            bare.remove(host)
            host.start, host.end = seg.start, seg.end
            host.start, host.end = _trim(text, host.start, host.end)
            host.cue_after = host.cue is not None and host.cue[0] >= seg.end
            host.open_ended = not seg.closed
            host.parts = [(host.start, host.end)]
            host.kind = "direct"
            host.origin = "quote-after-cue"
            quotes.append(host)
            continue
        previous = _previous_quote(quotes, seg)
        introduced = _colon_introduction(doc, seg, previous)
        if introduced is not None:
            quotes.append(introduced)
            continue
        if previous is not None and _continues_previous(doc, previous, seg, cues):
            if not previous.parts:
                previous.parts = [(previous.start, previous.end)]
            start, end = _trim(text, seg.start, seg.end)
            previous.parts.append((start, end))
            previous.end = max(previous.end, end)
            previous.open_ended = not seg.closed
            continue
        if words < 4:
            continue  # a title or scare quote with nothing to attribute it
        host = _previous_direct(quotes, seg)
        if host is not None and _follows_in_paragraph(text, host, seg) and _sentence_like(doc, seg):
            # '"A," said X, who ... . "B."': one statement around its cue sentence.
            start, end = _trim(text, seg.start, seg.end)
            host.parts = [*(host.parts or [(host.start, host.end)]), (start, end)]
            host.end = max(host.end, end)
            host.open_ended = not seg.closed
            continue
        if previous is not None and previous.speaker is not None and _sentence_like(doc, seg):
            start, end = _trim(text, seg.start, seg.end)
            quotes.append(
                Found(
                    start=start,
                    end=end,
                    kind="direct",
                    cue=None,
                    speaker=previous.speaker,
                    speaker_head=previous.speaker_head,
                    via=previous.via,
                    parts=[(start, end)],
                    open_ended=not seg.closed,
                    origin="same-speaker",
                    same_paragraph="\n" not in text[previous.end : seg.open_start],
                    score=previous.score,
                    cue_lemma=previous.cue_lemma,
                )
            )
    _merge_open_ended_into_next(text, quotes, segments)
    for cue in bare:
        if cue.fallback is None or cue.end > cue.start:
            continue
        (start, end), speaker = cue.fallback
        if any(q.start < end and start < q.end for q in quotes):
            continue
        cue.start, cue.end = start, end
        cue.cue_after = cue.cue is not None and cue.cue[0] >= end
        cue.origin = "fallback"
        if speaker is not None or cue.cue_after:
            cue.speaker = speaker
            cue.speaker_head = None
            if speaker is not None:
                token = _token_at(doc, speaker[1] - 1)
                cue.speaker_head = _head_span(token) if token is not None else None
        quotes.append(cue)
    return quotes


def _previous_direct(quotes: list[Found], seg: Segment) -> Found | None:
    before = [q for q in quotes if q.end <= seg.open_start and q.kind != "indirect"]
    return max(before, key=lambda q: q.end) if before else None


def _follows_in_paragraph(text: str, previous: Found, seg: Segment) -> bool:
    """A quoted sentence after a direct quote and its cue sentence, in the same
    paragraph: PolNeAR-style envelopes run over the cue sentence to the second piece."""
    if previous.kind == "indirect" or previous.cue is None or not previous.cue_after:
        return False
    gap = text[previous.end : seg.open_start]
    return "\n" not in gap and len(gap) <= 200


def _merge_open_ended_into_next(text: str, quotes: list[Found], segments: list[Segment]) -> None:
    """'"First paragraph ... / "Second paragraph," she said.': the quote starts earlier."""
    for seg in reversed(segments):
        if any(q.start < seg.end and seg.start < q.end for q in quotes):
            continue
        following = [q for q in quotes if q.start >= seg.end]
        if not following:
            continue
        nxt = min(following, key=lambda q: q.start)
        gap = text[seg.end : nxt.start]
        if seg.closed:
            # '"That," he said, "is the point."': the cue interrupts one quote.
            if not _only_cue_between(gap, seg.end, nxt):
                continue
        elif gap.strip(" \n\t\"“”'‘’«»„") or nxt.kind != "direct":
            continue
        start, end = _trim(text, seg.start, seg.end)
        nxt.parts = [(start, end), *(nxt.parts or [(nxt.start, nxt.end)])]
        nxt.start = start


def _only_cue_between(gap: str, offset: int, quote: Found) -> bool:
    """The text between two quoted pieces is just the second one's cue and speaker."""
    if quote.cue is None or quote.speaker is None or "\n" in gap or len(gap) > 120:
        return False
    stripped = gap
    for start, end in sorted((quote.cue, quote.speaker), reverse=True):
        if not (offset <= start and end <= offset + len(gap)):
            return False
        stripped = stripped[: start - offset] + " " * (end - start) + stripped[end - offset :]
    return not stripped.strip(" \t\"“”'‘’«»„,")


def _colon_introduction(doc: Doc, seg: Segment, previous: Found | None) -> Found | None:
    """'The mayor was defiant:' followed by a quote: the subject of that clause speaks."""
    text = doc_text(doc)
    before = text[: seg.open_start].rstrip()
    if not before.endswith(":") or (previous is not None and previous.end >= len(before) - 1):
        return None
    colon = _token_at(doc, len(before) - 1)
    if colon is None:
        return None
    clause = colon.head if colon.head.i < colon.i else colon.sent.root
    subject = _subject_of(clause)
    if subject is None or subject.i > colon.i:
        return None
    start, end = _trim(text, seg.start, seg.end)
    found = Found(
        start=start,
        end=end,
        kind="direct",
        cue=(colon.idx, colon.idx + 1),
        parts=[(start, end)],
        open_ended=not seg.closed,
        origin="colon-intro",
    )
    _set_speaker(found, subject)
    return found if found.speaker is not None else None


def _bare_cue_for(doc: Doc, seg: Segment, bare: list[Found]) -> Found | None:
    """A cue without content next to the segment: same sentence, or ``said:`` before."""
    text = doc_text(doc)
    best: tuple[int, Found] | None = None
    for cue in bare:
        assert cue.cue is not None
        c_start, c_end = cue.cue
        if c_end <= seg.open_start:
            gap = text[c_end : seg.open_start]
        elif c_start >= seg.close_end:
            gap = text[seg.close_end : c_start]
        else:
            continue
        if "\n\n" in gap.strip(" ") and not gap.rstrip().endswith(":"):
            continue
        distance = len(gap)
        # Between the cue and the mark there may be the speaker and a few words
        # ("he said in a statement:"), but not another sentence with a verb.
        if distance > 120 or _has_sentence_break(gap):
            continue
        if best is None or distance < best[0]:
            best = (distance, cue)
    return best[1] if best else None


def _has_sentence_break(gap: str) -> bool:
    """A cue and a quote separated by the end of a sentence do not belong together."""
    stripped = gap.strip(" \n\t\u00a0\"'“”‘’«»")
    if stripped.endswith(":"):
        return False
    if stripped.endswith((".", "?", "!")):
        return True
    return any(mark in stripped for mark in (". ", "? ", "! ", "\n"))


def _previous_quote(quotes: list[Found], seg: Segment) -> Found | None:
    before = [q for q in quotes if q.end <= seg.open_start]
    return max(before, key=lambda q: q.end) if before else None


def _continues_previous(doc: Doc, previous: Found, seg: Segment, cues: list[Found]) -> bool:
    """Interrupted ('"A," he said. "B."') or multi-paragraph quotes are one quote."""
    text = doc_text(doc)
    if previous.kind == "indirect":
        return False
    gap = text[previous.end : seg.open_start]
    if previous.open_ended:
        return gap.strip(" \n\"“”'’«»") == ""
    if "\n" in gap or len(gap) > 300:
        return False
    # Another speaker's cue between the two pieces starts a new quote.
    speaker = previous.speaker or (0, 0)
    for cue in cues:
        if cue is previous or cue.cue is None:
            continue
        if speaker[0] <= cue.cue[0] and cue.cue[1] <= speaker[1]:
            continue  # a verb inside the speaker's description ("X, who endorsed Y,")
        if previous.end <= cue.cue[0] and cue.cue[1] <= seg.open_start:
            return False
    return True


def _sentence_like(doc: Doc, seg: Segment) -> bool:
    content = doc_text(doc)[seg.start : seg.end].strip()
    if not content or not (content[0].isupper() or content[0].isdigit()):
        return False
    span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _relayed_inside(doc: Doc, inner: Found, outer: Found) -> bool:
    if inner.cue is None or outer.speaker is None:
        return False
    if not (outer.start <= inner.cue[0] and inner.end <= outer.end):
        return False
    if _nested_attribution(inner, outer):
        return True
    return is_outlet(doc, outer.speaker)


# A cue this sure of itself inside another quote's content opens an attribution of
# its own ("aides said Trump called the plan a disaster"): both stand, as in the
# PolNeAR annotation. Chosen on PolNeAR train documents 0-400 (0.5-0.9 tried).
_NESTED_CUE_SCORE = 0.8


def _nested_attribution(inner: Found, outer: Found) -> bool:
    return inner.origin == "cue" and inner.cue != outer.cue and inner.score >= _NESTED_CUE_SCORE


def _merge_overlaps(doc: Doc, quotes: list[Found]) -> list[Found]:
    """One quote per stretch of content: the larger of overlapping ones wins."""
    # Confident cues first ("described as 'great progress'" beats a doubtful
    # "emerged" whose object swallows it), then the longer content.
    ordered = sorted(quotes, key=lambda q: (q.score < 0.5, -(q.end - q.start), q.start))
    kept: list[Found] = []
    # Kept quotes by start, with their place in ``kept``: the first kept quote that a new
    # one overlaps by more than half is looked for among those overlapping it at all
    # (starting before its end and less than the longest length before its start), not
    # among every kept quote, which was quadratic in the quotes of a long article.
    starts: list[int] = []
    places: list[int] = []
    longest = 0
    for quote in ordered:
        lo = bisect_right(starts, quote.start - longest)
        hi = bisect_left(starts, quote.end)
        hits = [k for k in places[lo:hi] if _overlap_ratio(quote, kept[k]) > 0.5]
        clash = kept[min(hits)] if hits else None
        if clash is not None and (_relayed_inside(doc, quote, clash)):
            # "The Times reported that Trump told leaders that ...": both attributions
            # stand; the inner one is the statement, the outer names the relay.
            clash = None
        if clash is None:
            i = bisect_right(starts, quote.start)
            starts.insert(i, quote.start)
            places.insert(i, len(kept))
            longest = max(longest, quote.end - quote.start)
            kept.append(quote)
        elif clash.speaker is None and quote.speaker is not None:
            clash.speaker, clash.speaker_head = quote.speaker, quote.speaker_head
    return sorted(kept, key=lambda q: q.start)


def _overlap_ratio(a: Found, b: Found) -> float:
    overlap = min(a.end, b.end) - max(a.start, b.start)
    shorter = min(a.end - a.start, b.end - b.start)
    return overlap / shorter if shorter > 0 else 0.0


def quoted_mask(doc: Doc, segments: list[Segment] | None = None) -> list[bool]:
    """For each token, whether it lies inside quotation marks."""
    mask = [False] * len(doc)
    for seg in find_segments(doc_text(doc)) if segments is None else segments:
        if seg.family == "dash":
            continue  # a dialogue dash quote holds its own cue ("— No, he said.")
        span = doc.char_span(seg.start, seg.end, alignment_mode="contract")
        if span is None:
            continue
        for i in range(span.start, span.end):
            mask[i] = True
    return mask


def extract(
    doc: Doc,
    model: CueModel | None = None,
    use_model: bool = True,
    filter_model: CueModel | None = None,
) -> list[Found]:
    """All quotes of ``doc`` in text order.

    ``model`` scores cue words, ``filter_model`` keeps or drops whole candidates
    (both default to the shipped weights; ``use_model=False`` runs on the lexicon
    alone and keeps every candidate).
    """
    text = doc_text(doc)
    segments = find_segments(text)
    if model is None and use_model:
        model = load_model()
    if filter_model is None and use_model:
        filter_model = load_model(FILTER_WEIGHTS_FILE)
    cues = find_cues(doc, model)
    for cue in cues:
        if cue.end > cue.start:
            _snap_to_segments(text, cue, segments)
            cue.kind = _kind_for(text, cue.start, cue.end, segments)
    quotes = _attach_free_segments(doc, cues, segments)
    quotes = _merge_overlaps(doc, [q for q in quotes if q.end > q.start])
    for quote in quotes:
        _skip_lead_in(text, quote)
        pieces = quote.parts if len(quote.parts) > 1 else [(quote.start, quote.end)]
        kinds = {_kind_for(text, start, end, segments) for start, end in pieces}
        quote.kind = kinds.pop() if len(kinds) == 1 else "mixed"
        if quote.kind == "mixed" and not quote.clausal and _short_fragments(text, quote, segments):
            quote.kind = "partial"
    if filter_model is not None:
        quotes = [
            q
            for q in quotes
            # A quoted sentence right after its speaker's statement, in the same
            # paragraph, is the speaker's too, whatever the corpus habits.
            if q.same_paragraph
            or filter_model.probability(candidate_features(doc, q)) >= filter_model.threshold
        ]
    for quote in quotes:
        # After the filter, which learned on whole clauses.
        _drop_trailing_relative(doc, quote, segments)
    return quotes


# Relative pronouns of a non-restrictive clause that comments on the last noun of the
# content (", which was passed in 2010"): the narrator's aside, not the statement.
_ASIDE_PRONOUNS = frozenset({"which", "whose"})


def _drop_trailing_relative(doc: Doc, quote: Found, segments: list[Segment]) -> None:
    """'... repeal the Dodd-Frank Act, which was passed in 2010': the content ends at
    the comma. Only outside quotation marks and for single-piece content."""
    if len(quote.parts) > 1:
        return
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return
    for token in span[1:-1]:
        if token.text != "," or token.i + 1 >= span.end:
            continue
        pronoun = doc[token.i + 1]
        if pronoun.lower_ not in _ASIDE_PRONOUNS:
            continue
        clause = pronoun
        while clause.dep_ != "relcl" and clause.head is not clause and clause.head.i > token.i:
            clause = clause.head
        if clause.dep_ != "relcl" or clause.right_edge.i < span.end - 2:
            continue
        if any(_is_cue_verb(t) for t in clause.subtree):
            return  # "which he said runs the risk": an attribution of its own
        if any(s.start <= token.idx < s.end for s in segments):
            return
        start, end = _trim(doc_text(doc), quote.start, token.idx)
        if end > start:
            quote.end = end
            if quote.parts:
                quote.parts = [(quote.start, quote.end)]
        return


def _skip_lead_in(text: str, quote: Found) -> None:
    """Content never starts with a wire dateline ("BRUSSELS, March 11 (Reuters) - ")."""
    start = after_lead_in(text, quote.start, quote.end)
    if start == quote.start:
        return
    quote.start = start
    if quote.parts:
        parts = [(max(s, start), e) for s, e in quote.parts if e > start]
        quote.parts = parts if parts else [(quote.start, quote.end)]


def candidate_features(doc: Doc, quote: Found) -> dict[str, float]:
    """What the candidate filter sees: how the quote was found and what it looks like."""
    text = doc_text(doc)
    content = text[quote.start : quote.end]
    words = content.split()
    first = words[0].lower() if words else ""
    speaker = text[quote.speaker[0] : quote.speaker[1]].lower() if quote.speaker else ""
    features: dict[str, float] = {
        "bias": 1.0,
        "score": quote.score,
        f"score_bin={min(9, int(quote.score * 10))}": 1.0,
        f"origin={quote.origin}": 1.0,
        f"kind={quote.kind}": 1.0,
        f"cue_lemma={quote.cue_lemma}": 1.0,
        f"cue_lemma_kind={quote.cue_lemma}|{quote.kind}": 1.0,
        f"has_speaker={quote.speaker is not None}": 1.0,
        f"speaker_pronoun={speaker in _PRONOUNS}": 1.0,
        f"clausal={quote.clausal}": 1.0,
        f"cue_after={quote.cue_after}": 1.0,
        f"parts={min(len(quote.parts), 3)}": 1.0,
        f"length={min(6, len(words).bit_length())}": 1.0,
        f"first_word={first if first in _FIRST_WORDS else 'other'}": 1.0,
        f"first_upper={content[:1].isupper()}": 1.0,
    }
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is not None and len(span) > 0:
        features[f"first_pos={span[0].pos_}"] = 1.0
        features[f"root_pos={span.root.pos_}"] = 1.0
        features[f"has_verb={any(t.pos_ in ('VERB', 'AUX') for t in span)}"] = 1.0
        features[f"ents={min(3, len(ents_within(doc, span.start, span.end)))}"] = 1.0
    if quote.speaker is not None:
        head = doc.char_span(*quote.speaker, alignment_mode="expand")
        if head is not None and len(head) > 0:
            features[f"speaker_ent={head.root.ent_type_ or 'none'}"] = 1.0
            features[f"speaker_pos={head.root.pos_}"] = 1.0
    return features


_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "who"})
_FIRST_WORDS = frozenset(
    {
        "that",
        "to",
        "the",
        "a",
        "he",
        "she",
        "they",
        "it",
        "i",
        "we",
        "what",
        "how",
        "whether",
        "his",
        "her",
        "if",
        "there",
        "this",
    }
)


def _short_fragments(text: str, quote: Found, segments: list[Segment]) -> bool:
    """Quoted words used inside a narrated phrase: 'called the attacks "disgusting"'."""
    inside = [s for s in segments if quote.start <= s.end and s.start <= quote.end]
    return bool(inside) and all(len(text[s.start : s.end].split()) <= 4 for s in inside)
