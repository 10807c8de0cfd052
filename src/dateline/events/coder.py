"""The built-in event coder: sentences of a parsed Doc in, ``dateline.record.Event`` out.

For each sentence: find trigger candidates (``candidates``), add the user's verb
patterns if any, merge frames ("threatened to impose sanctions" is one event: ``frames``),
then give each surviving event its participants (``arguments`` + ``participants``),
status (``status``), CAMEO/PLOVER codes with the folding rule (``folding``), date
(``dating``), location and quantities (``details``), evidence and quote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from dateline.events.arguments import expand, sources_of, targets_of
from dateline.events.candidates import Candidate, asks_for_punishment, find_candidates
from dateline.events.dating import event_date, is_future, link_timex
from dateline.events.details import location, quantities
from dateline.events.folding import COOPERATIVE, fold, refusal_code
from dateline.events.frames import apply_frames
from dateline.events.participants import (
    ParticipantResolver,
    country_of_name,
    country_of_region,
    phrase_bounds,
)
from dateline.events.restatements import drop_restatements
from dateline.events.status import status_of
from dateline.events.tables import code_info, lexicon, places, plover_of
from dateline.record import Event, EventStatus, Evidence, Quote, TextSpan
from dateline.spans import ents_in

# Extra (code, trigger, sources, targets) per sentence from user verb dictionaries.
ExtraTriggers = Callable[[Span], Iterable[tuple[str, Token, list[Token], list[Token]]]]
FIRST_PERSON = frozenset({"we", "i", "us", "me", "our"})
PLACE_TARGETS = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "AID", "RETREAT", "CONCEDE", "MOBILIZE", "REQUEST"}
)
THIRD_PERSON = frozenset({"he", "she", "they", "it"})
UNCLAIMED = frozenset({"ASSAULT"})
REJECTING_VERBS = frozenset({"reject", "dismiss", "rebuff", "spurn"})
BEHIND_PREPS = ("from", "of", "in", "against", "with", "on", "to", "at", "by")
SCENE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around"})
NO_RECIPIENT = frozenset({"PROTEST", "MOBILIZE"})
# Sub-clauses whose actors are not the event's recipient.
_OTHER_CLAUSES = frozenset(
    {"nsubj", "nsubjpass", "csubj", "ccomp", "relcl", "advcl", "parataxis", "appos", "agent"}
)


def code_doc(doc: Doc, extra: ExtraTriggers | None = None) -> list[Event]:
    resolver = ParticipantResolver(doc)
    events: list[Event] = []
    for sent in doc.sents:
        cands = find_candidates(sent)
        if extra is not None:
            cands = _with_user_triggers(cands, extra(sent))
        built: list[tuple[Candidate, Event]] = []
        for cand in apply_frames(cands):
            event = _build(doc, sent, cand, resolver, len(events) + len(built) + 1)
            if event is not None:
                built.append((cand, event))
        events.extend(_foreground(doc, built))
    return drop_restatements(doc, events)


# Clauses that tell what has not happened yet: "before they demobilize", "unless X agrees".
_PRECONDITIONS = frozenset({"before", "until", "till", "unless", "if"})


def _foreground(doc: Doc, built: list[tuple[Candidate, Event]]) -> list[Event]:
    """A sentence's events without those told only as its background.

    "Italy suspended air links one day after a Serbian jet shot down a helicopter",
    "Serbia eased measures as authorities in Croatia cracked down": a clause of time or
    cause, or a relative clause, about other actors sets the scene for the reported
    event; PLOVER codes the reported one. A background action of the reported event's
    own actors continues their story and stays ("X will meet Y after X threatened
    sanctions"); a precondition ("before they demobilize", "until demands are met") has
    not happened and goes. A sentence whose every event is background keeps them all.
    """
    main = [e for c, e in built if c.kind == "user" or not _background(c.head)]
    if not main:
        return [e for _, e in built]
    actors = {c for e in main for c in _countries(doc, e.source)}
    kept: list[Event] = []
    for cand, event in built:
        word = _background(cand.head)
        if (
            cand.kind == "user"
            or not word
            or (word not in _PRECONDITIONS and _countries(doc, event.source) & actors)
        ):
            kept.append(event)
    return kept


def _with_user_triggers(
    cands: list[Candidate], matches: Iterable[tuple[str, Token, list[Token], list[Token]]]
) -> list[Candidate]:
    """User verb patterns take priority over the built-in code of the same trigger.

    A matched pattern is one event: the built-in candidates of the same clause are
    dropped, and the pattern's own source and target are kept.
    """
    matched = list(matches)
    heads = {token.i for _, token, _, _ in matched}
    kept = [c for c in cands if c.trigger.i not in heads and c.head.i not in heads]
    for code, token, sources, targets in matched:
        kept.append(
            Candidate(
                trigger=token,
                head=token,
                code=code,
                kind="user",
                sources=sources,
                targets=targets,
            )
        )
    return kept


def _quote_at(doc: Doc, start: int) -> Quote | None:
    for quote in doc._.quotes:
        if quote.start <= start < quote.end:
            return quote
    return None


def _ids(
    tokens: list[Token], resolver: ParticipantResolver, quote: Quote | None, *, nested: bool = False
) -> tuple[list[str], list[Token]]:
    ids: list[str] = []
    used: list[Token] = []
    for tok in expand(tokens):
        if quote is not None and quote.speaker and _first_person(tok):
            actor_id: str | None = quote.speaker
        else:
            actor = resolver.actor_for(tok)
            if actor is None and tok.lower_ in THIRD_PERSON:
                reporter = _reporting_subject(tok)
                actor = resolver.actor_for(reporter) if reporter is not None else None
            if (actor is None or not actor.country) and nested and tok.pos_ == "NOUN":
                # "a tariff on imports from India", "all official contact with the US",
                # "violations by the Israeli military": the actor behind a thing
                # (a thing's own actor without a country looks only at whose it is, not
                # at places: "a stronghold on the Thai border")
                preps = BEHIND_PREPS if actor is None else ("from", "of", "with", "by")
                inner = [c for c in tok.children if c.dep_ == "poss"] + [
                    g
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ in preps
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                behind = resolver.actor_for(inner[0]) if inner else None
                if behind is not None and (actor is None or behind.country):
                    actor = behind
            actor_id = actor.id if actor else None
        if actor_id and actor_id not in ids:
            ids.append(actor_id)
            used.append(tok)
        for other in resolver.coordinated_nationalities(tok):
            # "US and British forces", "French and Egyptian warships": one per country
            if other.id not in ids:
                ids.append(other.id)
    return ids, used


def _build(
    doc: Doc, sent: Span, cand: Candidate, resolver: ParticipantResolver, number: int
) -> Event | None:
    trigger = cand.trigger
    quote = _quote_at(doc, trigger.idx)
    source_heads = sources_of(cand)
    sources, source_toks = _ids(source_heads, resolver, quote)
    civilian = lexicon().civilian_codes.get(trigger.lemma_.lower())
    if civilian and cand.kind == "verb" and (_civilian(doc, sources) or _crowd(source_heads)):
        cand.code = civilian  # "protesters blocked roads" is a protest, not a rejection
    state = lexicon().state_codes.get(trigger.lemma_.lower())
    if state and cand.kind == "verb" and _state(doc, sources):
        cand.code = state  # "China protested to Japan": a diplomatic complaint
    action_type = lexicon().plover_overrides.get(_trigger_key(cand)) or plover_of(cand.code)
    if cand.code == "016" and cand.head.lemma_.lower() in REJECTING_VERBS:
        # "X rejected the accusations": PLOVER codes the rejection (REJECT); CAMEO keeps
        # 016, denying responsibility, which Phoenix counts as a statement
        action_type = "REJECT"
    if action_type == "COOPERATE" and cand.code.startswith("062") and _alone(cand, sources):
        cand.code, action_type = "150", "MOBILIZE"  # a one-country exercise is a show of force
    if action_type == "REQUEST" and cand.kind == "verb" and asks_for_punishment(cand.head):
        # PLOVER (0.5b1 DISAPPROVE): calling for sanctions or force against someone is
        # an accusation; CAMEO keeps the demand (10)
        action_type = "ACCUSE"
    if action_type == "ASSAULT" and cand.kind != "user" and _readied(cand.head):
        # "the army prepared to resume shelling": a show of force, not yet an attack
        cand.code, action_type = "150", "MOBILIZE"
    if not action_type and cand.kind != "user":
        return None  # CAMEO 01 statements are not PLOVER events
    # a user dictionary's own codes (statements, test-only codes) are kept as given
    targets, target_toks = _ids(targets_of(cand), resolver, quote, nested=True)
    if not sources and quote is not None and quote.speaker:
        sources = [quote.speaker]
    targets = [t for t in targets if t not in sources]
    mission = _mission(cand, source_heads)
    if mission is not None and cand.kind != "user":
        # CAMEO 086x, PLOVER RETREAT: a country receiving peacekeepers or observers
        # allows international involvement; the host is the source, the senders the target
        code, arrived = mission
        host = _scene_country(cand, resolver) if arrived else None
        if arrived and host is not None:
            sources, targets = [_country_actor(doc, resolver, host)], sources
        if host is not None or not arrived:
            cand.code, action_type = code, "RETREAT"
    if len(_countries(doc, sources)) > 1:
        # "Palestinians and Israelis failed to agree on the fate of Palestinian offices":
        # a target of a source's own country would pair it with the other source
        own = _countries(doc, sources)
        targets = [t for t in targets if not (_countries(doc, [t]) & own)]
    if (
        cand.root == "04"
        and cand.code[:3] not in ("042", "043", "045")
        and cand.kind != "user"
        and not (sources and targets and _one_sided(cand))
    ):
        # PLOVER: meetings without a host and a visitor list all participants as actors
        sources, targets = sources + [t for t in targets if t not in sources], []
    if (
        not sources
        and action_type in UNCLAIMED
        and not any(t.pos_ == "PRON" for t in source_heads)  # "they": someone named before
        and (scene := _scene_country(cand, resolver))
    ):
        # an attack nobody claims is coded, as in the PLOVER gold, to the country where
        # it happens ("a roadside bomb near Samarra killed a US soldier")
        sources = [_country_actor(doc, resolver, scene)]
    if not sources and not targets:
        return None  # no actor: not a political event ("the storm hit the coast")
    status: EventStatus = cand.status or status_of(cand.head, cand.noun)  # type: ignore[assignment]
    anchors = [t for t in (cand.head, cand.trigger, cand.noun, cand.frame) if t is not None]
    if cand.head.dep_ == "xcomp" and cand.head.head.pos_ in ("NOUN", "PROPN"):
        anchors.append(cand.head.head)  # misparsed subject-as-root ("Trump last week called")
    timex = link_timex(doc, sent, anchors)
    if timex is None and _when_clause(cand.head):
        # "took a step on Wednesday when he imposed a tariff": the clause shares the date
        timex = link_timex(doc, sent, [cand.head.head])
    published = doc._.published
    if timex is not None and status == "occurred" and is_future(timex.value, published):
        status = "planned"
    date = event_date(timex, status, cand.head, published)
    plover, cameo = fold(action_type, cand.code, status)
    if cand.kind == "user":
        plover, cameo = action_type, cand.code  # the dictionary's code is the user's choice
    elif status == "negated" and action_type in COOPERATIVE and _refused(cand.head):
        # "will not accept refugees", "failed to reach agreement": a rejection
        plover, cameo = "REJECT", refusal_code(cand.code)
    info = code_info(cameo)
    evidence_toks = anchors + cand.extra + source_toks + target_toks
    start, end = _evidence(sent, evidence_toks)
    scope = _scope(cand)
    participant_ids = {t.i for tok in source_toks + target_toks for t in _phrase(tok)}
    place = location(sent, anchors, participant_ids)
    if (
        place is not None
        and (action_type in PLACE_TARGETS or cand.code.startswith("09"))
        and not _countries(doc, targets)
    ):
        # PLOVER practice: a material action's recipient is, failing any other with a
        # country, the country where it is done ("banned voting in East Jerusalem",
        # "fired at targets in X")
        actor = resolver.actor_for(place[1])
        if actor is not None and actor.country and actor.id not in sources:
            targets = [*targets, actor.id]
    if cand.code.startswith("09") and not _countries(doc, targets):
        # "sent inspectors to North Korea to verify ...": where they were sent
        destinations, _ = _ids(_sent_to(cand.head), resolver, quote)
        targets = [*targets, *(t for t in destinations if t not in sources)]
    if not targets and action_type not in NO_RECIPIENT and len(sources) < 2:
        targets = _nearest_recipient(doc, cand, sources, resolver)
    return Event(
        id=f"e{number}",
        type=action_type,
        plover=plover,
        status=status,
        trigger=TextSpan(start=trigger.idx, end=trigger.idx + len(trigger.text), text=trigger.text),
        evidence=Evidence(start=start, end=end),
        date=date,
        mode=info.mode if info else None,
        cameo=cameo,
        goldstein=info.goldstein if info else None,
        quad_class=info.quad_class if info else None,
        source=sources,
        target=targets,
        location=place[0] if place else None,
        quantities=quantities(sent, scope),
        quote=quote.id if quote else None,
        confidence=_confidence(cand, sources, targets),
    )


PEACEKEEPERS = frozenset({"peacekeeper", "peacekeeping", "peace-keeping", "blue helmet"})
OBSERVERS = frozenset({"observer", "monitor", "inspector", "verifier"})
READYING = frozenset({"prepare", "poise", "gear", "ready"})


def _mission(cand: Candidate, source_heads: list[Token]) -> tuple[str, bool] | None:
    """(CAMEO code, arrival?) when peacekeepers or observers arrive or are received."""
    code3 = cand.code[:3]
    if code3 in ("042", "154") and cand.kind == "verb":
        phrase = [t for h in source_heads for t in h.subtree]
        arrived = True
    elif code3 in ("043", "080", "030") and cand.kind == "verb":
        objects = [c for c in cand.head.children if c.dep_ in ("dobj", "nsubjpass")]
        # "allowed UN inspectors to resume": the parser makes them the clause's subject
        objects += [
            s
            for c in cand.head.children
            if c.dep_ in ("ccomp", "xcomp")
            for s in c.children
            if s.dep_ == "nsubj"
        ]
        phrase = [t for o in objects for t in o.subtree]
        arrived = False
    else:
        return None
    lemmas = {t.lemma_.lower() for t in phrase} | {t.lower_ for t in phrase}
    if lemmas & PEACEKEEPERS:
        return "0861", arrived
    if lemmas & OBSERVERS:
        return "0862", arrived
    return None


SENDING_VERBS = frozenset({"send", "dispatch", "deploy", "despatch"})


def _sent_to(head: Token) -> list[Token]:
    """The destination of the sending verb whose purpose clause ``head`` is."""
    gov = head.head
    if head.dep_ not in ("advcl", "xcomp") or gov.lemma_.lower() not in SENDING_VERBS:
        return []
    return [
        g
        for c in gov.children
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _readied(head: Token) -> bool:
    tok = head
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "dobj", "pcomp", "pobj", "prep") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in READYING:
            return True
    return False


def _scene_country(cand: Candidate, resolver: ParticipantResolver) -> str | None:
    """The country where the event happens, from a place phrase of its clause ("near the
    town of Samarra", "outside the Iraqi city of Basra", "when they blew themselves up in
    Tel Aviv"), or None."""
    holders = [t for t in (cand.head, cand.trigger, cand.noun) if t is not None]
    # the object's or the subject's place ("an explosion at a mosque in northern Nigeria
    # killed"), and that of a "when" clause
    holders += [
        c for h in holders for c in h.children if c.dep_ in ("dobj", "advcl", "nsubj", "nsubjpass")
    ]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in SCENE_PREPS:
                continue
            phrase = [t for t in prep.subtree if t.i != prep.i]
            for ent in ents_in(holder.doc, phrase[0].i, phrase[-1].i + 1) if phrase else []:
                if ent.label_ in ("GPE", "LOC", "ORG"):
                    iso = country_of_name(ent.text) or country_of_region(ent.text)
                    actor = resolver.actor_for(ent.root) if iso is None else None
                    if actor is not None and actor.kind == "country":
                        iso = actor.country
                    if iso:
                        return iso
            for tok in phrase:
                if tok.ent_type_ not in ("GPE", "NORP", "LOC") and not tok.is_title:
                    continue
                iso = country_of_name(tok.text) if tok.is_alpha else None
                if iso is None and tok.ent_type_ in ("GPE", "LOC"):
                    actor = resolver.actor_for(tok)
                    iso = actor.country if actor is not None else country_of_region(tok.text)
                if iso:
                    return iso
    return None


def _country_actor(doc: Doc, resolver: ParticipantResolver, iso: str) -> str:
    for actor in doc._.actors:
        if actor.kind == "country" and actor.country == iso:
            return actor.id
    return resolver.country_actor(iso).id


def _first_person(tok: Token) -> bool:
    """ "we", "us", "our" as pronouns: "US" (the country) is no first person."""
    return tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and tok.text != "US"


def _countries(doc: Doc, ids: list[str]) -> set[str]:
    return {a.country for a in doc._.actors if a.id in ids and a.country}


def _phrase(tok: Token) -> list[Token]:
    start, end = phrase_bounds(tok)
    return list(tok.doc[start:end])


def _evidence(sent: Span, toks: list[Token]) -> tuple[int, int]:
    inside = [t for t in toks if sent.start <= t.i < sent.end]
    lo = min(phrase_bounds(t)[0] for t in inside)
    hi = max(phrase_bounds(t)[1] for t in inside)
    doc = sent.doc
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def _scope(cand: Candidate) -> set[int]:
    """Token indices whose numbers belong to the event: its clause minus other clauses."""
    root = cand.noun if cand.noun is not None and cand.noun.i == cand.head.i else cand.head
    out: set[int] = set()
    stack = [root]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        for c in tok.children:
            if c.dep_ in ("ccomp", "relcl", "parataxis") and c.i != cand.trigger.i:
                continue
            stack.append(c)
    return out


def _confidence(cand: Candidate, sources: list[str], targets: list[str]) -> float:
    score = 0.5
    if sources:
        score += 0.2
    if targets:
        score += 0.1
    if cand.kind == "verb":
        score += 0.1
    if cand.kind == "noun" and cand.noun is not None and cand.noun.i == cand.head.i:
        score -= 0.1
    if _background(cand.head):
        score -= 0.15  # told in passing: "... after X had attacked", "troops who fired"
    return round(max(min(score, 0.95), 0.05), 2)


def _background(head: Token) -> str:
    """The word making the event's clause subordinate ("after", "as", "who"...), or ""."""
    tok = head
    for _ in range(4):
        if tok.dep_ == "relcl":
            return "relative"
        if tok.dep_ == "advcl":
            marks = [c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod") and c.i < tok.i]
            if any(c.dep_ == "mark" for c in tok.children):
                return marks[0] if marks else "mark"
        if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in (
            "after",
            "before",
            "following",
            "since",
            "amid",
            "despite",
            "during",
        ):
            return tok.head.lower_
        if tok.head.i == tok.i or tok.dep_ in ("ROOT", "ccomp"):
            return ""
        tok = tok.head
    return ""


REFUSING = frozenset({"refuse", "fail", "decline", "reject"})
MODAL_AUX = frozenset({"will", "would", "shall", "wo", "can", "could", "ca"})


def _refused(head: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in head.children):
        return True
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in REFUSING


def _civilian(doc: Doc, actor_ids: list[str]) -> bool:
    """Are the actors non-state groups (civilians, opposition, rebels, crowds)?"""
    by_id = {a.id: a for a in doc._.actors}
    actors = [by_id[i] for i in actor_ids if i in by_id]
    return any(
        a.sector in ("CVL", "OPP", "REB") or (a.sector is None and a.kind == "group")
        for a in actors
    )


def _crowd(tokens: list[Token]) -> bool:
    """Do the source phrases name civilians ("200 supporters of X", "crowds")?"""
    sectors = places().sectors
    return any(
        sectors.get(t.lemma_.lower()) == "CVL" or sectors.get(t.lower_) == "CVL" for t in tokens
    )


REPORTING_VERBS = frozenset(
    {"say", "announce", "claim", "insist", "warn", "add", "state", "declare", "tell", "vow"}
)


def _reporting_subject(pronoun: Token) -> Token | None:
    """The reporter, for an unresolved subject pronoun of a reported clause.

    "Rebels said they would meet": "they" are the rebels. The actors stage resolves
    pronouns; this covers the common case it leaves open.
    """
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    for _ in range(3):
        if clause.dep_ != "ccomp":
            if clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
                clause = clause.head
                continue
            return None
        verb = clause.head
        if verb.lemma_.lower() in REPORTING_VERBS:
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            return subjects[0] if subjects else None
        clause = verb
    return None


def _nearest_recipient(
    doc: Doc, cand: Candidate, sources: list[str], resolver: ParticipantResolver
) -> list[str]:
    """Failing a grammatical object, the first other country-bearing actor in the event's
    own phrase after the trigger ("threatened further action against the Russians")."""
    by_id = {a.id: a for a in doc._.actors}
    source_countries = {by_id[i].country for i in sources if i in by_id}
    root = cand.noun if cand.noun is not None else cand.head
    stack = [c for c in root.children if c.dep_ not in _OTHER_CLAUSES and c.i > cand.trigger.i]
    seen: list[Token] = []
    while stack:
        tok = stack.pop()
        seen.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _OTHER_CLAUSES)
    for tok in sorted(seen, key=lambda t: t.i):
        if not (tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or tok.pos_ == "PROPN"):
            continue
        actor = resolver.actor_for(tok)
        if (
            actor is not None
            and actor.country
            and actor.country not in source_countries
            and actor.id not in sources
        ):
            return [actor.id]
    return []


def _trigger_key(cand: Candidate) -> str:
    lemma = cand.trigger.lemma_.lower()
    particles = [c.lower_ for c in cand.trigger.children if c.dep_ == "prt"]
    return f"{lemma} {particles[0]}" if particles else lemma


def _alone(cand: Candidate, sources: list[str]) -> bool:
    """An exercise by one party: no "joint", no partner ("with X"), one source."""
    noun = cand.noun
    if noun is None or len(sources) > 1:
        return False
    words = {c.lower_ for c in noun.children} | {c.lower_ for c in cand.head.children}
    return not words & {"joint", "with", "together", "combined", "bilateral", "multinational"}


def _one_sided(cand: Candidate) -> bool:
    """A meeting one side seeks or holds with the other: "X held a meeting with Y",
    "X met with Y", "X offered to negotiate with Y" (the subject acts, "with" names the
    other side). Coordinated or "between" participants stay all sources."""
    for node in (cand.noun, cand.head):
        if node is None:
            continue
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in node.children):
            return True
    return False


def _when_clause(head: Token) -> bool:
    return head.dep_ in ("advcl", "relcl") and any(
        c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in head.children
    )


def _state(doc: Doc, actor_ids: list[str]) -> bool:
    """Are the actors states (countries, governments, diplomats)?"""
    by_id = {a.id: a for a in doc._.actors}
    actors = [by_id[i] for i in actor_ids if i in by_id]
    return bool(actors) and all(a.kind == "country" or a.sector == "GOV" for a in actors)
