"""Find dictionary actors in a text and code them for a date.

:class:`ActorMatcher` runs a spaCy ``PhraseMatcher`` on lower-cased tokens over the
names of :class:`DictActor` blocks and the nouns of :class:`DictAgent` entries, then
combines agents with the actor they qualify, the way PETRARCH does::

    "Arnorian police"            -> ARN + COP = ARNCOP   (actor before the agent)
    "Gondor's main opposition"   -> GON + MOP
    "the government of Gondor"   -> GON + GOV            (agent of/in/from actor)
    "MSF Arnor diplomat"         -> NGO + ARN + GOV      ("NGO~" agents go first)
    "students"                   -> ---EDU               (an agent alone)

Usage (the actors and events stages, the PETRARCH evaluation)::

    from dateline.dictionaries.petrarch import load_dictionaries
    from dateline.dictionaries.actor_matcher import ActorMatcher

    dicts = load_dictionaries(["PETR.Validate.actors.txt", "PETR.Validate.agents.txt"])
    matcher = ActorMatcher(dicts.actors, dicts.agents)     # build once (fast)
    for found in matcher(doc, day=datetime.date(1995, 1, 1)):   # a Doc or a Span
        found.start, found.end, found.code, found.codes     # char offsets, "ARNCOP"

A block coded ``[A/B/C]`` yields one :class:`CodedActor` whose ``codes`` lists the
three members; an actor whose code on that day is the null code ``---`` is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from dateline.dictionaries.model import NULL_CODE, DictActor, DictAgent

# Words allowed between an actor and the agent that follows it ("Gondor's main").
_LINK_POS = frozenset({"PART", "ADJ", "DET"})
# Prepositions after an agent that introduce its actor ("officials in Arnor").
_AGENT_OF = frozenset({"of", "in", "from", "for"})
_UNKNOWN = NULL_CODE


@dataclass(slots=True)
class CodedActor:
    """A coded actor mention: character offsets into the Doc's text and its code(s)."""

    start: int
    end: int
    text: str
    code: str  # the full code, e.g. "ARNCOP"; members joined by "/" for group actors
    codes: list[str] = field(default_factory=list)  # one code per member actor
    actor: DictActor | None = None  # the dictionary actor, when one matched
    agents: list[DictAgent] = field(default_factory=list)  # the agents combined in
    token_start: int = 0  # token offsets into the Doc, end exclusive
    token_end: int = 0


@dataclass(slots=True)
class _Hit:
    start: int  # token offsets
    end: int
    actor: DictActor | None = None
    agent: DictAgent | None = None


class ActorMatcher:
    """Phrase matcher over dictionary actor names and agent nouns (see module doc)."""

    def __init__(
        self,
        actors: Iterable[DictActor] = (),
        agents: Iterable[DictAgent] = (),
        nlp: Language | None = None,
    ) -> None:
        # Any English tokenizer gives the same tokens as the parsing model; a blank one
        # is cheap, and matching on LOWER uses string hashes shared by all vocabularies.
        self.nlp = nlp if nlp is not None else spacy.blank("en")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.actors: list[DictActor] = []
        self.agents: list[DictAgent] = []
        self._actor_by_name: dict[str, DictActor] = {}
        self._agent_by_noun: dict[str, DictAgent] = {}
        self.add(actors, agents)

    def __len__(self) -> int:
        return len(self._actor_by_name) + len(self._agent_by_noun)

    def add(self, actors: Iterable[DictActor] = (), agents: Iterable[DictAgent] = ()) -> None:
        """Add entries; a name already known keeps its first entry (file order wins)."""
        actor_names: list[str] = []
        for actor in actors:
            self.actors.append(actor)
            for name in actor.names:
                if name and name not in self._actor_by_name:
                    self._actor_by_name[name] = actor
                    actor_names.append(name)
        agent_nouns: list[str] = []
        for agent in agents:
            self.agents.append(agent)
            for noun in [agent.noun, *agent.plural]:
                if noun and noun not in self._agent_by_noun:
                    self._agent_by_noun[noun] = agent
                    agent_nouns.append(noun)
        tokenizer: Any = self.nlp.tokenizer  # a spaCy Tokenizer: has .pipe
        for key, names in (("ACTOR", actor_names), ("AGENT", agent_nouns)):
            if names:
                self.matcher.add(key, list(tokenizer.pipe(_case_variants(names))))

    # -- matching -------------------------------------------------------------------
    def __call__(self, doc_or_span: Doc | Span, day: dt.date | None = None) -> list[CodedActor]:
        """Coded actors in ``doc_or_span`` on ``day``, in text order, not overlapping."""
        doc = doc_or_span.doc if isinstance(doc_or_span, Span) else doc_or_span
        lo = doc_or_span.start if isinstance(doc_or_span, Span) else 0
        hi = doc_or_span.end if isinstance(doc_or_span, Span) else len(doc)
        hits = self._hits(doc, lo, hi)
        return self._combine(doc, hits, day)

    def _hits(self, doc: Doc, lo: int, hi: int) -> list[_Hit]:
        actor_key = self.nlp.vocab.strings["ACTOR"]
        found: list[_Hit] = []
        span = doc[lo:hi]
        for key, start, end in self.matcher(span):
            text = span[start:end].text.lower()
            phrase = " ".join(t.lower_ for t in span[start:end])
            if key == actor_key:
                actor = self._actor_by_name.get(phrase) or self._actor_by_name.get(text)
                if actor is not None:
                    found.append(_Hit(lo + start, lo + end, actor=actor))
            else:
                agent = self._agent_by_noun.get(phrase) or self._agent_by_noun.get(text)
                if agent is not None:
                    found.append(_Hit(lo + start, lo + end, agent=agent))
        # Longest first, actors before agents of the same length; then no overlaps.
        found.sort(key=lambda h: (-(h.end - h.start), h.actor is None, h.start))
        taken: set[int] = set()
        kept: list[_Hit] = []
        for hit in found:
            if any(i in taken for i in range(hit.start, hit.end)):
                continue
            taken.update(range(hit.start, hit.end))
            kept.append(hit)
        kept.sort(key=lambda h: h.start)
        return kept

    def _combine(self, doc: Doc, hits: Sequence[_Hit], day: dt.date | None) -> list[CodedActor]:
        out: list[CodedActor] = []
        origins: list[_Hit] = []  # the hit each coded actor grew from
        used: set[int] = set()
        for i, hit in enumerate(hits):
            if i in used or hit.actor is None:
                continue
            used.add(i)
            start, end = hit.start, hit.end
            before: list[DictAgent] = []
            after: list[DictAgent] = []
            # Prefix agents ("MSF Arnor") right before the actor.
            j = i - 1
            while j >= 0 and j not in used and hits[j].agent is not None:
                agent = hits[j].agent
                if agent is None or not agent.prefix or not _linked(doc, hits[j].end, start):
                    break
                before.insert(0, agent)
                used.add(j)
                start = hits[j].start
                j -= 1
            # Agents after the actor ("Arnor security officials", "Gondor's police").
            k = i + 1
            while k < len(hits) and hits[k].agent is not None and _linked(doc, end, hits[k].start):
                agent = hits[k].agent
                if agent is None:
                    break
                (before if agent.prefix else after).append(agent)
                used.add(k)
                end = hits[k].end
                k += 1
            # An agent before the actor with "of/in/from" ("the government of Gondor").
            j = i - 1
            if not before and not after and j >= 0 and j not in used:
                agent = hits[j].agent
                if agent is not None and _agent_of(doc, hits[j].end, start):
                    after.append(agent)
                    used.add(j)
                    start = hits[j].start
            coded = self._code(doc, start, end, hit.actor, before, after, day)
            if coded is not None:
                out.append(coded)
                origins.append(hit)
        # Agents with no actor: PETRARCH codes them with an unknown actor ("---EDU").
        for i, hit in enumerate(hits):
            if i in used or hit.agent is None:
                continue
            coded = self._code(doc, hit.start, hit.end, None, [], [hit.agent], day)
            if coded is not None:
                out.append(coded)
                origins.append(hit)
        self._share_over_coordination(doc, out, origins, day)
        out.sort(key=lambda c: c.start)
        return out

    def _share_over_coordination(
        self, doc: Doc, out: list[CodedActor], origins: list[_Hit], day: dt.date | None
    ) -> None:
        """Coordination shares agents and actors, when the parse shows it:

        "the ambassadors of Arnor, Osgiliath and Gondor" -> ARNGOV, OSGGOV, GONGOV;
        "Danish media and government" -> DNKMED, DNKGOV.
        """
        if not doc.has_annotation("DEP"):
            return
        by_root: dict[int, int] = {}
        for n, hit in enumerate(origins):
            by_root[doc[hit.start : hit.end].root.i] = n
        for n, coded in enumerate(list(out)):
            hit = origins[n]
            if coded.actor is not None and coded.agents:
                for conj in doc[hit.start : hit.end].root.conjuncts:
                    m = by_root.get(conj.i)
                    if m is None or out[m].agents or out[m].actor is None:
                        continue
                    prefix = [a for a in coded.agents if a.prefix]
                    suffix = [a for a in coded.agents if not a.prefix]
                    again = self._code(
                        doc,
                        out[m].token_start,
                        out[m].token_end,
                        out[m].actor,
                        prefix,
                        suffix,
                        day,
                    )
                    if again is not None:
                        out[m] = again
                whole = doc[coded.token_start : coded.token_end].root
                for conj in whole.conjuncts:
                    m = by_root.get(conj.i)
                    if m is None or out[m].actor is not None or len(out[m].agents) != 1:
                        continue
                    again = self._code(
                        doc,
                        out[m].token_start,
                        out[m].token_end,
                        coded.actor,
                        [],
                        out[m].agents,
                        day,
                    )
                    if again is not None:
                        out[m] = again

    def _code(
        self,
        doc: Doc,
        start: int,
        end: int,
        actor: DictActor | None,
        before: list[DictAgent],
        after: list[DictAgent],
        day: dt.date | None,
    ) -> CodedActor | None:
        if actor is not None:
            base = actor.code_on(day)
            if base is None or base == NULL_CODE:
                return None
            members = [m.strip().upper() for m in base.split("/") if m.strip()]
        else:
            members = [_UNKNOWN]
        codes = [combine_codes(m, before, after) for m in members]
        span = doc[start:end]
        return CodedActor(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            code="/".join(codes),
            codes=codes,
            actor=actor,
            agents=[*before, *after],
            token_start=start,
            token_end=end,
        )


def _case_variants(names: list[str]) -> list[str]:
    """Names as written in text: the tokenizer splits "k.u." but not "K.U.", so names
    with abbreviation dots or apostrophes are added in upper and title case too."""
    out: list[str] = []
    for name in names:
        out.append(name)
        if "." in name or "'" in name:
            out.extend({name.upper(), name.title()} - {name})
    return out


def combine_codes(actor_code: str, before: Sequence[DictAgent], after: Sequence[DictAgent]) -> str:
    """PETRARCH's code combination: prefix agents, the actor, then suffix agents.

    A suffix already at the end of the code is not repeated (USAGOV + GOV = USAGOV).
    """
    code = "".join(a.code for a in before) + actor_code
    for agent in after:
        if not code.endswith(agent.code):
            code += agent.code
    return code


def _linked(doc: Doc, left_end: int, right_start: int) -> bool:
    """True when only possessives, determiners or adjectives separate two hits."""
    if right_start - left_end > 3:
        return False
    return all(
        doc[i].pos_ in _LINK_POS or doc[i].lower_ in ("'s", "'") or doc[i].tag_ == "POS"
        for i in range(left_end, right_start)
    )


def _agent_of(doc: Doc, agent_end: int, actor_start: int) -> bool:
    """``agent of|in|from [the] actor``."""
    gap = [doc[i] for i in range(agent_end, actor_start)]
    if not gap or gap[0].lower_ not in _AGENT_OF:
        return False
    return all(t.pos_ == "DET" for t in gap[1:]) and len(gap) <= 2
