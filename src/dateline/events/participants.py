"""Participants of an event: from parse tokens to actors of ``doc._.actors``.

The actors stage is the authority: a participant's noun phrase is looked up with
``dateline.spans.actor_at`` (its mentions include pronouns and role nouns). Only when no
actor covers the phrase does this module guess one from the phrase itself (a country
name, demonym, capital or metonym, and a sector noun) and add it to ``doc._.actors``
with an ``ev-`` id, so that the event still names its participants and their country.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Callable

import pycountry
from spacy.tokens import Doc, Token

from dateline.actors.context_country import ROLE_SECTORS as _ROLE_SECTORS
from dateline.actors.context_country import country_around, eligible, located_mentions
from dateline.events.tables import places
from dateline.record import Actor, TextSpan
from dateline.spans import actor_at, ents_in

# Dependents that are not part of the participant's own noun phrase.
_NOT_IN_PHRASE = frozenset(
    {"prep", "relcl", "acl", "conj", "cc", "punct", "advcl", "appos", "dep", "parataxis"}
)
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "him", "her", "them", "us"})
# Heads that stand for the people they count or group: "a group of Moroccan diplomats".
QUANTIFIER_HEADS = frozenset(
    {
        "group",
        "number",
        "hundred",
        "thousand",
        "ten",
        "dozen",
        "score",
        "million",
        "member",
        "some",
        "many",
        "most",
        "all",
        "part",
        "delegation",
        "team",
        "band",
        "handful",
        "couple",
        "supporter",
        "doctor",
        "leader",
        "representative",
        "crowd",
        "contingent",
        "unit",
    }
)


def of_objects(token: Token, preps: tuple[str, ...] = ("of",)) -> list[Token]:
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def phrase_bounds(token: Token) -> tuple[int, int]:
    """Token indices [start, end) of ``token``'s own noun phrase (no clauses, no conjuncts)."""
    start = end = token.i
    for child in token.children:
        if child.dep_ in _NOT_IN_PHRASE:
            continue
        sub = list(child.subtree)
        start = min(start, sub[0].i)
        end = max(end, sub[-1].i)
    return start, end + 1


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("Trump and Putin", "Britain or France")."""
    out = [token]
    for conj in token.conjuncts:
        if conj not in out:
            out.append(conj)
    return sorted(out, key=lambda t: t.i)


@functools.cache
def country_of_name(name: str) -> str | None:
    """ISO alpha-3 for a country name, demonym, capital or metonym (lower-cased)."""
    name = name.lower().strip().removeprefix("the ")
    table = places().countries
    if name in table:
        return table[name]
    if len(name) < 4:
        return None
    if name.endswith("s") and len(name) > 5 and name[:-1] in table:
        return table[name[:-1]]  # "kenyans" -> "kenyan"
    # the name itself, then demonyms: "haitian" -> "haiti", "rwandan" -> "rwanda",
    # "sudanese" -> "sudan", "iraqi" -> "iraq", "nigerien"/"nigerian" -> "nigeria"
    forms = [name]
    for cut, add in (
        ("ian", "ia"),
        ("an", "a"),
        ("an", ""),
        ("n", ""),
        ("ese", ""),
        ("i", ""),
        ("ian", "y"),
        ("ian", ""),
        ("ean", "e"),  # "sierra leonean", "chilean", "zimbabwean"
        ("ans", "a"),  # "kenyans", "nigerians"
        ("ians", "ia"),
    ):
        if name.endswith(cut) and len(name) - len(cut) + len(add) >= 4:
            forms.append(name[: -len(cut)] + add)
    for form in forms:
        try:
            return str(pycountry.countries.lookup(form).alpha_3)
        except LookupError:
            continue
    return None


def _plain(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


@functools.cache
def _subdivisions() -> dict[str, str | None]:
    """Province, state and region names (ISO 3166-2) -> their country, None if shared."""
    table: dict[str, str | None] = {}
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        iso = country.alpha_3 if country is not None else None
        for name in {_plain(sub.name), _plain(sub.name).split(" and ")[0]}:
            if len(name) >= 4:
                table[name] = iso if table.get(name, iso) == iso else None
    return table


def country_of_region(name: str) -> str | None:
    """Country of a province or region ("Sindh", "Esfahan"), when only one has the name."""
    name = _plain(name).strip().removeprefix("the ")
    name = name.removesuffix(" province").removesuffix(" region").removesuffix(" state")
    return _subdivisions().get(name)


@functools.cache
def _country_names() -> dict[str, str]:
    names = {n: iso for n, iso in places().countries.items() if len(n) >= 5}
    for country in pycountry.countries:
        names.setdefault(country.name.lower(), country.alpha_3)
    return names


@functools.cache
def country_of_misspelt(name: str) -> str | None:
    """A country name written with a slip ("Afganistan", "Quatar"): one close match."""
    name = name.lower().strip()
    if len(name) < 5:
        return None
    close = difflib.get_close_matches(name, list(_country_names()), n=2, cutoff=0.9)
    isos = {_country_names()[c] for c in close}
    return isos.pop() if len(isos) == 1 else None


def _phrase_country(doc: Doc, start: int, end: int) -> str | None:
    # Named entities first ("the United States"), then single words ("US", "Russian").
    for ent in ents_in(doc, start, end):  # doc[start:end].ents, without a full scan
        if ent.label_ in ("GPE", "NORP", "LOC", "ORG"):
            iso = country_of_name(ent.text)
            if iso is None:
                iso = country_of_misspelt(ent.text)
            if iso is None and ent.label_ in ("GPE", "LOC"):
                iso = country_of_region(ent.text)
            if iso:
                return iso
    for tok in doc[start:end]:
        if tok.is_alpha or "." in tok.text:
            iso = country_of_name(tok.text)
            if iso:
                return iso
    for a, b in zip(doc[start : end - 1], doc[start + 1 : end], strict=True):
        if a.is_title and b.is_title:  # "Sierra Leonean", "Costa Rican"
            iso = country_of_name(f"{a.text} {b.text}")
            if iso:
                return iso
    return None


def _phrase_sector(doc: Doc, start: int, end: int, head: Token) -> str | None:
    sectors = places().sectors
    words = doc[start:end].text.lower()
    for size in (3, 2):  # multi-word nouns ("security forces", "prime minister")
        toks = [t.lower_ for t in doc[start:end]]
        for i in range(len(toks) - size + 1):
            key = " ".join(toks[i : i + size])
            if key in sectors:
                return sectors[key]
    if head.lower_ in sectors:
        return sectors[head.lower_]
    if head.lemma_.lower() in sectors:
        return sectors[head.lemma_.lower()]
    for tok in doc[start:end]:
        if tok.lower_ in sectors:
            return sectors[tok.lower_]
    return sectors.get(words)


def _resolver() -> Callable[[Doc, int, int], Actor | None] | None:
    """The actors stage's ``resolve_mention``, when installed and cheap enough to call.

    Its per-Doc caches make repeated calls cheap (bench: the events stage costs 12% of
    the parse with it, 4% without), but on the GSR, ConfliBERT and seed sets it changed
    no score, so it stays off; participants the actors stage did not list fall back to
    the guess below.
    """
    if not USE_RESOLVE_MENTION:
        return None
    try:
        from dateline.actors.component import resolve_mention
    except ImportError:
        return None
    return resolve_mention


USE_RESOLVE_MENTION = False
# Guessed participants that take their sentence's country: role holders, and civilians
# ("people blocked streets in Hong Kong").
_CONTEXT_SECTORS = _ROLE_SECTORS | {"CVL"}
_RESOLVE = _resolver()


class ParticipantResolver:
    """Maps participant tokens of one Doc to actor ids, adding fallback actors as needed."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._fallback: dict[tuple[int, int], Actor] = {}
        self._counter = sum(1 for a in doc._.actors if a.id.startswith("ev-"))

    def actor_for(self, token: Token) -> Actor | None:
        doc = self.doc
        start, end = phrase_bounds(token)
        span = doc[start:end]
        found = actor_at(doc, token.idx, token.idx + len(token.text))
        if found is None:
            found = actor_at(doc, span.start_char, span.end_char)
        if found is None and _RESOLVE is not None:
            found = _RESOLVE(doc, span.start_char, span.end_char)
        if (
            found is not None
            and found.country is None
            and found.kb is None  # a KB entity without a country (the UN, the EU) is right
            and token.lower_ not in _PRONOUNS
            and self._country_near(token, start, end)
        ):
            # the phrase itself says the country ("Iran's religious leader X")
            return self._guess(token, start, end) or found
        if (
            found is not None
            and found.kind == "person"
            and found.country is None
            and found.kb is None
            and token.lower_ not in _PRONOUNS
        ):
            titled = self._titled_by_country(start, end) or self._appositive_country(token)
            if titled is not None:
                found.country = titled  # "Qatar's emir, Sheikh Hamad": the emir's country
                found.cameo = titled + (found.sector or "")
        if found is not None:
            if eligible(found):
                country = self._country_in_sentence(start, end)
                if country is not None:
                    found.country = country
                    found.cameo = country + (found.sector or "")
            return found
        if token.lower_ in _PRONOUNS:
            return None  # pronouns are the actors stage's job (coreference)
        own_nationality = any(
            c.dep_ in ("amod", "compound") and country_of_name(c.text) for c in token.children
        )
        if (token.lemma_.lower() in QUANTIFIER_HEADS or token.pos_ == "NUM") and not (
            own_nationality  # "American members of the UN team" are Americans
        ):
            inner = of_objects(token, ("of", "from"))
            if inner:
                found = self.actor_for(inner[0])
                if found is not None:
                    return found
        return self._guess(token, start, end)

    def country_actor(self, iso: str) -> Actor:
        """A country actor without a mention (a country the event is coded to)."""
        key = (-1, hash(iso))
        if key not in self._fallback:
            self._counter += 1
            name = pycountry.countries.get(alpha_3=iso)
            actor = Actor(
                id=f"ev-a{self._counter}",
                name=name.name if name is not None else iso,
                kind="country",
                country=iso,
                cameo=iso,
                mentions=[],
            )
            self._fallback[key] = actor
            self.doc._.actors.append(actor)
        return self._fallback[key]

    def coordinated_nationalities(self, token: Token) -> list[Actor]:
        """Actors for each country of "US and British forces" beyond the phrase's own."""
        own = self.actor_for(token) if token.pos_ in ("NOUN", "PROPN") else None
        out: list[Actor] = []
        for child in token.children:
            if child.dep_ not in ("amod", "compound", "nmod") or not child.conjuncts:
                continue
            for word in conjuncts(child):
                iso = country_of_name(word.text)
                if iso is None or (own is not None and own.country == iso):
                    continue
                actor = next(
                    (a for a in self.doc._.actors if a.kind == "country" and a.country == iso),
                    None,
                ) or self._guess(word, word.i, word.i + 1)
                if actor is not None and actor not in out:
                    out.append(actor)
        return out

    def _appositive_country(self, token: Token) -> str | None:
        """ "Ahmed Qurei, the Palestinian prime minister,": the apposition's country."""
        sectors = places().sectors
        for other in [c for c in token.children if c.dep_ == "appos"] + (
            [token.head] if token.dep_ == "appos" else []
        ):
            if other.lemma_.lower() not in sectors and other.lower_ not in sectors:
                continue  # a title or role noun, not just any apposition
            lo, hi = phrase_bounds(other)
            country = self._country_near(other, lo, hi)
            if country:
                return country
        return None

    def _titled_by_country(self, start: int, end: int) -> str | None:
        """ "<Country>'s <title>, <Name>" or "<Name>, <Country>'s <title>": the country."""
        doc = self.doc
        sectors = places().sectors
        # before: Qatar 's emir ,   after: , Qatar 's foreign minister
        before = list(doc[max(start - 6, 0) : start])
        after = list(doc[end : min(end + 7, len(doc))])
        for window in (before[::-1], after):
            words = [t for t in window if t.text != ","][:5] if window else []
            if not window or window[0].text != ",":
                continue
            poss = next((i for i, t in enumerate(words) if t.tag_ == "POS"), None)
            if poss is None:
                continue
            if window is after:
                owner, title = words[:poss], words[poss + 1 :]
            else:
                title, owner = words[:poss], words[poss + 1 :]
            if not owner or not title or not any(t.lower_ in sectors for t in title):
                continue
            name = owner[-1] if window is after else owner[0]
            iso = country_of_name(name.text) or (
                country_of_misspelt(name.text) if name.is_title else None
            )
            if iso:
                return iso
        return None

    def _country_near(self, token: Token, start: int, end: int) -> str | None:
        """A country named in the phrase or its "of/in/from" complement."""
        country = _phrase_country(self.doc, start, end)
        for inner in (
            [] if country else of_objects(token, ("of", "in", "from", "throughout", "for"))
        ):
            lo, hi = phrase_bounds(inner)
            country = _phrase_country(self.doc, lo, hi)
            if country:
                break
        return country

    def _country_in_sentence(self, start: int, end: int) -> str | None:
        doc = self.doc
        located = located_mentions(doc._.actors)
        sent = doc[start].sent
        for ent in ents_in(doc, sent.start, sent.end):  # places the actors stage may not list
            iso = country_of_name(ent.text) if ent.label_ in ("GPE", "NORP", "LOC") else None
            if iso:
                located.append((ent.start_char, ent.end_char, iso))
        for tok in sent:  # nationality adjectives the NER missed ("Ugandan opposition")
            if (
                tok.dep_ in ("amod", "compound")
                and tok.is_title
                and tok.ent_type_ not in ("GPE", "LOC", "FAC")  # "the Niger Delta"
            ):
                iso = country_of_name(tok.text)
                if iso:
                    located.append((tok.idx, tok.idx + len(tok.text), iso))
        last = doc[end - 1]
        return country_around(doc, doc[start].idx, last.idx + len(last), located)

    def _guess(self, token: Token, start: int, end: int) -> Actor | None:
        key = (start, end)
        if key in self._fallback:
            return self._fallback[key]
        doc = self.doc
        # "opposition parties in Nepal", "leaders of the Afghan rebels"
        country = self._country_near(token, start, end)
        sector = _phrase_sector(doc, start, end, token)
        ent = token.ent_type_
        if (
            country is None
            and sector is None
            and ent not in _ACTOR_ENTS
            and (token.pos_ != "PROPN" or ent in ("DATE", "TIME", "MONEY", "CARDINAL"))
        ):
            return None
        if country is None and ent == "PERSON":
            country = self._titled_by_country(start, end) or self._appositive_country(token)
        if country is None and (sector in _CONTEXT_SECTORS or ent == "ORG"):
            # "Ousted President X ... returning to Kyrgyzstan": the sentence says where
            country = self._country_in_sentence(start, end)
        if ent == "PERSON":
            kind = "person"
        elif ent == "GPE" and sector is None:
            kind = "country"
        elif sector in ("CVL", "REB", "OPP", "MIL", "COP"):
            kind = "group"
        else:
            kind = "organization"
        self._counter += 1
        span = doc[start:end]
        actor = Actor(
            id=f"ev-a{self._counter}",
            name=span.text,
            kind=kind,  # type: ignore[arg-type]
            country=country,
            sector=sector,
            cameo=(country or "") + (sector or "") or None,
            mentions=[TextSpan(start=span.start_char, end=span.end_char, text=span.text)],
        )
        self._fallback[key] = actor
        doc._.actors.append(actor)
        return actor
