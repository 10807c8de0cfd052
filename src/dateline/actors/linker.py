"""Link descriptions to actors at the article's date, and resolve coreference.

Order of work for one Doc:

1. every description is read (``phrases.assemble``) and linked on its own: names to KB
   people, titles to the office holder on the publication date ("the US president"),
   bodies to governments and ministries, group nouns to country + sector groups;
2. descriptions that need context are resolved against the document: surnames and
   "Mr X" to the full name used elsewhere, role nouns with a country ("a Kremlin aide")
   to a person of that country holding that role, bare role nouns ("the envoy") and
   pronouns to the nearest fitting person before them (outside quotations when the
   pronoun is outside);
3. mentions with the same identity key become one actor.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dateline.actors.gazetteer import (
    ADJ,
    AGENT,
    BODY,
    CAPITAL,
    COUNTRY,
    NER_ORG,
    ORG,
    PEOPLE,
    PERSON,
    ROLE,
    TITLE,
    Item,
)
from dateline.actors.kb import (
    ROLE_NOUN_OFFICES,
    ActorCode,
    KnowledgeBase,
    PersonEntry,
    make_cameo,
)
from dateline.actors.phrases import Phrase

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MALE_HONORIFICS = frozenset({"mr", "sir", "lord"})
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "dame", "lady"})
# A capital after these words is a place, not a government ("flew to Moscow").
LOCATIVE = frozenset(
    {
        "in",
        "to",
        "at",
        "from",
        "near",
        "outside",
        "across",
        "around",
        "into",
        "via",
        "capital",
        "for",
        "visit",
        "visited",
        "visiting",
        "visits",
        "through",
        "toward",
        "towards",
        "between",
        "of",
        "on",
        "over",
    }
)
MEDIA_TAILS = frozenset(
    {"news", "agency", "newspaper", "daily", "broadcaster", "channel", "television", "radio"}
)
# Titles that name the head of an organization ("UN Secretary-General", "NATO chief").
ORG_HEAD_OFFICES = frozenset(
    {
        "secretary_general",
        "director_general",
        "commission_president",
        "council_president",
        "high_representative",
        "head_of_state",
        "org_head",
        "prosecutor",
        "central_bank_governor",
    }
)
# Offices held by several people at once: a title names one of them only in context.
MULTI_HOLDER_OFFICES = frozenset(
    {
        "aide",
        "envoy",
        "spokesperson",
        "foreign_ministry_spokesperson",
        "ambassador",
        "mayor",
        "rebel_leader",
        "deputy_prime_minister",
        "intelligence_chief",
        "military_commander",
    }
)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(slots=True)
class Mention:
    """One resolved (or pending) mention in the document."""

    start: int  # character offsets
    end: int
    tok_start: int
    tok_end: int
    key: str | None = None  # identity; None while pending
    name: str = ""
    kind: str = "person"
    country: str | None = None
    sector: str | None = None
    cameo: str | None = None
    kb: str | None = None
    person: PersonEntry | None = None
    gender: str | None = None
    roles: set[str] = field(default_factory=set)  # offices and role nouns
    named: bool = False  # carries a proper name
    former: bool = False
    pending: str | None = None  # what coreference must resolve
    pending_country: str | None = None
    surname: str | None = None
    first_name: str | None = None
    honorific: str | None = None
    in_quote: bool = False


class Linker:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    # ------------------------------------------------------------------ pass 1
    def link_phrase(self, doc: Doc, phrase: Phrase, day: dt.date) -> list[Mention]:
        if phrase.name is not None:
            return [self._named(doc, phrase, day)]
        if phrase.head is not None:
            mention = self._described(doc, phrase, day)
            return [mention] if mention is not None else []
        return [m for it in phrase.qualifiers if (m := self._place(doc, phrase, it)) is not None]

    def _span(self, doc: Doc, start: int, end: int) -> Mention:
        return Mention(
            start=doc[start].idx,
            end=doc[end - 1].idx + len(doc[end - 1]),
            tok_start=start,
            tok_end=end,
        )

    def _country_of(self, phrase: Phrase) -> tuple[str | None, str | None]:
        """(country, organization id) named by the description's qualifiers."""
        country = org = None
        for it in phrase.places:
            if it.type in (COUNTRY, ADJ, PEOPLE, CAPITAL):
                country = it.value
            elif it.type == ORG:
                entry = self.kb.organizations.get(it.value)
                if entry is not None and entry.dict_actor is not None and entry.kind == "country":
                    country = self.kb.org_code(entry, None).country  # a user dictionary's
                elif entry is not None and entry.id.startswith("gov:"):
                    country = entry.country
                elif entry is not None:
                    org = entry.id
                    country = entry.country or country
        return country, org

    def _named(self, doc: Doc, phrase: Phrase, day: dt.date) -> Mention:
        assert phrase.name is not None
        m = self._span(doc, phrase.start, phrase.end)
        m.named = True
        m.former = phrase.former
        m.honorific = phrase.honorific
        if phrase.head is not None:
            m.roles.add(_head_word(phrase.head))
            office = self._office(phrase)
            if office:
                m.roles.add(office)
        name_tokens = [t.text for t in doc[phrase.name.start : phrase.name.end]]
        if phrase.name.type == PERSON:
            person = self.kb.pick(phrase.name.value.split("|"), day)
            self._set_person(m, person, day)
            return m
        text = " ".join(name_tokens)
        m.name = text
        m.surname = name_tokens[-1]
        m.first_name = name_tokens[0] if len(name_tokens) > 1 else None
        if phrase.honorific and phrase.honorific.lower() in ("sir", "dame", "lord", "lady"):
            m.first_name = name_tokens[0]
            if len(name_tokens) == 1:
                m.surname = None
        m.gender = _gender_of_honorific(phrase.honorific)
        m.key = "name:" + text.lower()
        country, org = self._country_of(phrase)
        sector = self._sector_of_head(phrase, country, org)
        if phrase.former and sector in (None, "GOV", "MIL"):
            sector = "ELI"
        m.country, m.sector, m.cameo = country, sector, make_cameo(country, sector)
        if org and self.kb.organizations[org].cameo and sector in (None, "IGO"):
            m.cameo = self.kb.organizations[org].cameo
        m.kind = "person"
        return m

    def _set_person(self, m: Mention, person: PersonEntry, day: dt.date) -> None:
        code = self.kb.person_code(person, day, former=m.former)
        m.person = person
        m.key = person.id
        m.kb = None if person.id.startswith("dict:") else person.id
        m.name = person.name
        m.gender = person.gender
        m.kind = "person"
        m.country, m.sector, m.cameo = code.country, code.sector, code.cameo
        m.surname = person.surname
        m.first_name = person.first_name
        m.roles |= {t.office for t in person.tenures_on(day)}

    def _office(self, phrase: Phrase) -> str | None:
        if phrase.head is None or phrase.head.type != TITLE:
            return None
        country, _ = self._country_of(phrase)
        return self.kb.titles.office_for(phrase.head.value, country)

    def _sector_of_head(self, phrase: Phrase, country: str | None, org: str | None) -> str | None:
        head = phrase.head
        if head is None:
            if org:
                return self.kb.organizations[org].sector
            return None
        if head.type == TITLE:
            office = self.kb.titles.office_for(head.value, country)
            if office:
                return self.kb.titles.office_sector.get(office, "GOV")
            return "GOV"
        if head.type == ROLE:
            return self.kb.titles.role_nouns.get(head.value)
        if head.type == AGENT:
            return self.kb.agents.get(head.value)
        if head.type == BODY:
            return self.kb.titles.bodies.get(head.value, {}).get("sector", "GOV")
        return None

    def _described(self, doc: Doc, phrase: Phrase, day: dt.date) -> Mention | None:
        assert phrase.head is not None
        head = phrase.head
        country, org = self._country_of(phrase)
        m = self._span(doc, phrase.start, phrase.end)
        m.former = phrase.former
        word = _head_word(head)
        if head.type == AGENT:
            if org is not None:
                return self._org_mention(m, org)
            if country is None:
                return None
            sector = self.kb.agents.get(head.value)
            m.key = f"group:{country}:{sector}"
            m.kind = "group"
            m.name = _strip_det(doc, phrase)
            m.country, m.sector, m.cameo = country, sector, make_cameo(country, sector)
            return m
        if head.type == BODY:
            body = self.kb.titles.bodies.get(head.value, {})
            office = body.get("office", "ministry")
            if country is None:
                if org is not None:
                    return self._org_mention(m, org)
                if phrase.det == "the":
                    m.pending = f"body:{office}"
                    return m
                return None
            if _modifies_next_noun(doc, head):
                return None  # "a Philippine government consultant", "government bonds"
            if office == "government":
                return self._org_mention(m, f"gov:{country}")
            for entry in self.kb.organizations.values():
                if entry.country == country and entry.office == office and entry.office:
                    return self._org_mention(m, entry.id)
            sector = body.get("sector", "GOV")
            m.key = f"body:{country}:{office}"
            m.kind = "organization"
            m.name = _strip_det(doc, phrase)
            m.country, m.sector, m.cameo = country, sector, make_cameo(country, sector)
            m.roles.add(office)
            return m
        # Person descriptions: titles and role nouns.
        title_office = self._office(phrase) if head.type == TITLE else None
        word = _head_word(head)
        m.roles.add(word)
        if title_office:
            m.roles.add(title_office)
        if org is not None and head.type == TITLE and title_office in ORG_HEAD_OFFICES:
            heads = self.kb.org_heads(org, day)
            if heads and not phrase.degraded and not phrase.former:
                self._set_person(m, heads[0], day)
                return m
        if title_office in MULTI_HOLDER_OFFICES:
            word = title_office  # "Kremlin aide": one of several; the document decides
        elif country is not None and title_office and not phrase.degraded and not phrase.former:
            holders = self.kb.holders(title_office, country, day)
            if holders:
                self._set_person(m, holders[0], day)
                return m
        if country is not None or org is not None:
            # "a Kremlin aide": resolved against the people of the document later.
            m.pending = f"role:{word}"
            m.pending_country = country
            m.kind = "person"
            m.name = _strip_det(doc, phrase)
            sector = self._sector_of_head(phrase, country, org)
            if phrase.former:
                sector = "ELI"
            m.country, m.sector = country, sector
            m.cameo = make_cameo(country, sector)
            if org and self.kb.organizations[org].cameo and not country:
                m.cameo = self.kb.organizations[org].cameo
            return m
        if phrase.det == "the" and not phrase.former:
            m.pending = f"title:{title_office or word}" if head.type == TITLE else f"role:{word}"
            return m
        return None

    def _org_mention(self, m: Mention, org_id: str) -> Mention:
        entry = self.kb.organizations.get(org_id)
        if entry is None:  # the government of a country only a user dictionary knows
            country = org_id.split(":", 1)[1]
            m.key, m.name, m.kind = org_id, f"{country} government", "organization"
            m.country, m.sector, m.cameo = country, "GOV", country + "GOV"
            m.roles.add("government")
            return m
        code = self.kb.org_code(entry, None)
        m.key = entry.id
        m.kb = None if entry.id.startswith("dict:") else entry.id
        m.name = entry.name
        kind = entry.kind if entry.kind in ("organization", "group", "country") else "organization"
        m.kind = kind
        m.country, m.sector, m.cameo = code.country, code.sector, code.cameo
        if entry.office:
            m.roles.add(entry.office)
        return m

    def _place(self, doc: Doc, phrase: Phrase, it: Item) -> Mention | None:
        start = phrase.start if len(phrase.qualifiers) == 1 else it.start
        m = self._span(doc, start, it.end)
        if it.type == COUNTRY:
            entry = self.kb.countries[it.value]
            m.key = f"country:{entry.code}"
            m.kb = m.key
            m.name = entry.name
            m.kind = "group" if entry.is_region else "country"
            m.country, m.cameo = entry.code, entry.code
            return m
        if it.type == PEOPLE:
            entry = self.kb.countries[it.value]
            m.key = f"people:{entry.code}"
            m.name = doc[it.start : it.end].text
            m.kind = "group"
            m.country, m.cameo = entry.code, entry.code
            return m
        if it.type == CAPITAL:
            before = doc[it.start - 1].lower_ if it.start > 0 else ""
            after = doc[it.end].text if it.end < len(doc) else ""
            modifies = (
                doc[it.end - 1].dep_ in ("compound", "amod") and doc[it.end - 1].head.i >= it.end
            )
            if (
                before in LOCATIVE
                or after in ("-", "–")
                or modifies
                or _is_compound_modifier(doc, it)
            ):
                return None
            return self._org_mention(m, f"gov:{it.value}")
        if it.type == ORG:
            if it.end < len(doc) and doc[it.end].lower_ in FINANCIAL_NOUNS:
                return None  # "U.S. Treasury yields" are securities, not the department
            m = self._org_mention(m, it.value)
            self._extend_media(doc, m)
            return m
        if it.type == NER_ORG:
            text = doc[it.start : it.end].text
            m.key = "org-name:" + text.lower()
            m.name = text
            m.kind = "organization"
            self._extend_media(doc, m)
            if m.tok_end > it.end:
                m.sector, m.cameo = "MED", "MED"
            return m
        return None  # bare demonym adjectives ("Russian oil") are not actors

    def _extend_media(self, doc: Doc, m: Mention) -> None:
        """ "Interfax news agency": the mention takes the common-noun tail."""
        j = m.tok_end
        while j < len(doc) and j - m.tok_end < 2 and doc[j].lower_ in MEDIA_TAILS:
            j += 1
        if j > m.tok_end:
            m.tok_end = j
            m.end = doc[j - 1].idx + len(doc[j - 1])

    # ------------------------------------------------------------------ pass 2
    def resolve_context(
        self, doc: Doc, mentions: list[Mention], day: dt.date, quotes: list[tuple[int, int]]
    ) -> None:
        """Surnames, qualified role nouns, bare role nouns and titles, bodies."""
        for m in mentions:
            m.in_quote = _inside(quotes, m.start)
        full = [m for m in mentions if m.named and m.key and " " in m.name]
        for m in mentions:
            if m.named and m.person is None and m.key and m.key.startswith("name:"):
                target = self._same_name(m, full)
                if target is not None:
                    _adopt(m, target)
        persons = [m for m in mentions if m.kind == "person" and m.key]
        for m in mentions:
            if m.pending is None:
                continue
            if m.pending.startswith("role:") and m.pending_country is not None:
                self._qualified_role(m, persons, day)
            elif m.pending.startswith(("role:", "title:")):
                self._bare_role(m, mentions, day)
            elif m.pending.startswith("body:"):
                self._bare_body(m, mentions)
        self._dominant_title_fallback(mentions, day)

    def _same_name(self, m: Mention, full: list[Mention]) -> Mention | None:
        tokens = m.name.split()
        best: Mention | None = None
        for other in full:
            if other is m or other.key == m.key:
                continue
            if len(tokens) == 1:
                hit = (m.surname and other.surname == m.surname) or (
                    m.surname is None and m.first_name and other.first_name == m.first_name
                )
            else:
                hit = other.name.lower().endswith(m.name.lower()) and len(other.name) > len(m.name)
            if hit and (best is None or abs(other.start - m.start) < abs(best.start - m.start)):
                best = other
        return best

    def _qualified_role(self, m: Mention, persons: list[Mention], day: dt.date) -> None:
        assert m.pending is not None
        word = m.pending.split(":", 1)[1]
        offices = ROLE_NOUN_OFFICES.get(word, frozenset({word}))
        candidates = [
            p
            for p in persons
            if p is not m
            and p.named
            and p.country == m.pending_country
            and (p.roles & offices or word in p.roles)
        ]
        if candidates:
            before = [p for p in candidates if p.start < m.start]
            target = before[-1] if before else candidates[0]
            _adopt(m, target)
            return
        holders: list[PersonEntry] = []
        if m.pending_country:
            for office in sorted(offices):
                holders.extend(self.kb.holders(office, m.pending_country, day))
        unique = {p.id: p for p in holders}
        if len(unique) == 1:
            self._set_person(m, next(iter(unique.values())), day)
            m.pending = None
            return
        # An unnamed person: one actor per country and role in the document.
        m.key = f"role:{m.pending_country}:{word}"
        m.pending = None

    def _bare_role(self, m: Mention, mentions: list[Mention], day: dt.date) -> None:
        assert m.pending is not None
        kind, word = m.pending.split(":", 1)
        offices = ROLE_NOUN_OFFICES.get(word, frozenset({word})) if kind == "role" else {word}
        best: Mention | None = None
        for p in mentions:
            if p.start >= m.start:
                break
            if p.kind != "person" or not p.key or p is m:
                continue
            if p.roles & offices or word in p.roles:
                best = p
        if best is not None:
            _adopt(m, best)

    def _bare_body(self, m: Mention, mentions: list[Mention]) -> None:
        assert m.pending is not None
        office = m.pending.split(":", 1)[1]
        best: Mention | None = None
        for p in mentions:
            if p.start >= m.start:
                break
            if p.kind not in ("organization", "group") or not p.key or p is m:
                continue
            if office in p.roles or (
                office == "ministry" and any("ministry" in r for r in p.roles)
            ):
                best = p
        if best is not None:
            _adopt(m, best)

    def _dominant_title_fallback(self, mentions: list[Mention], day: dt.date) -> None:
        """ "the president" with no earlier holder: the office holder of the country the
        article is most about, if that person is mentioned somewhere in it."""
        counts = Counter(m.country for m in mentions if m.key and m.country)
        if not counts:
            return
        present = {m.key for m in mentions if m.key}
        for m in mentions:
            if m.key or not m.pending or not m.pending.startswith("title:"):
                continue
            office = m.pending.split(":", 1)[1]
            for country, _ in counts.most_common(2):
                holders = self.kb.holders(office, country, day)
                if holders and holders[0].id in present:
                    self._set_person(m, holders[0], day)
                    m.pending = None
                    break

    # ------------------------------------------------------------------ pronouns
    def pronouns(
        self, doc: Doc, mentions: list[Mention], quotes: list[tuple[int, int]]
    ) -> list[Mention]:
        """He/she/him/his/her to the nearest fitting person mentioned before.

        The person must be in the same sentence or one of the two before it (sentences
        wholly inside quotations do not count), and no unrecognized proper-noun subject may
        stand between them ("Volker disputed that he ..." when "Volker" is unknown).
        """
        persons = sorted(
            (m for m in mentions if m.kind == "person" and m.key),
            key=lambda m: m.start,
        )
        covered = bytearray(len(doc))
        for m in mentions:
            covered[m.tok_start : m.tok_end] = b"\x01" * (m.tok_end - m.tok_start)
        sent_of = _sentence_numbers(doc, quotes)
        found: list[Mention] = []
        idx = 0
        recent: list[Mention] = []
        for tok in doc:
            lower = tok.lower_
            if lower not in MALE_PRONOUNS and lower not in FEMALE_PRONOUNS:
                continue
            while idx < len(persons) and persons[idx].end <= tok.idx:
                recent.append(persons[idx])
                idx += 1
            if _inside(quotes, tok.idx):
                continue  # "he" inside a quotation usually is not the speaker
            gender = "m" if lower in MALE_PRONOUNS else "f"
            fitting: list[Mention] = []
            for cand in reversed(recent):
                if cand.in_quote:
                    continue
                if sent_of[tok.i] - sent_of[cand.tok_start] > 2:
                    break
                if _unknown_subject_between(doc, covered, cand.tok_end, tok.i):
                    break
                if cand.gender in (None, gender):
                    fitting.append(cand)
            if not fitting:
                continue
            target = fitting[0]
            if tok.dep_ in ("nsubj", "nsubjpass"):
                # A subject pronoun continues the last subject ("Sir Ben argued ...
                # '...,' he added"), not the nearest name inside a clause.
                subjects = [c for c in fitting if _is_subject(doc, c)]
                main = [c for c in subjects if _is_main_subject(doc, c)]
                if main or subjects:
                    target = (main or subjects)[0]
            m = self._span(doc, tok.i, tok.i + 1)
            _adopt(m, target)
            m.named = False
            found.append(m)
        return found


def _is_subject(doc: Doc, m: Mention) -> bool:
    span = doc[m.tok_start : m.tok_end]
    return span.root.dep_ in ("nsubj", "nsubjpass")


def _is_main_subject(doc: Doc, m: Mention) -> bool:
    """The subject of its sentence's main verb, not of a relative or other clause."""
    root = doc[m.tok_start : m.tok_end].root
    return root.head == root.sent.root


def _sentence_numbers(doc: Doc, quotes: list[tuple[int, int]]) -> list[int]:
    """For each token, the number of its sentence, not counting sentences in quotations."""
    numbers = [0] * len(doc)
    n = 0
    for sent in doc.sents:
        if not _inside(quotes, sent.start_char) or not _inside(quotes, sent.end_char - 1):
            n += 1
        for i in range(sent.start, sent.end):
            numbers[i] = n
    return numbers


def _unknown_subject_between(doc: Doc, covered: bytearray, start: int, end: int) -> bool:
    for tok in doc[start:end]:
        if (
            tok.pos_ == "PROPN"
            and tok.dep_ in ("nsubj", "nsubjpass")
            and not covered[tok.i]
            and tok.is_title
        ):
            return True
    return False


def _adopt(m: Mention, target: Mention) -> None:
    """Make ``m`` a mention of ``target``'s actor."""
    m.key = target.key
    m.name = target.name
    m.kind = target.kind
    m.country, m.sector, m.cameo, m.kb = target.country, target.sector, target.cameo, target.kb
    m.person = target.person
    m.gender = m.gender or target.gender
    m.roles |= target.roles
    m.surname, m.first_name = target.surname, target.first_name
    m.pending = None


def _head_word(head: Item) -> str:
    return head.value.split()[-1] if head.type == ROLE else head.value


def _strip_det(doc: Doc, phrase: Phrase) -> str:
    start = phrase.start + (1 if phrase.det else 0)
    return doc[start : phrase.end].text


def _gender_of_honorific(honorific: str | None) -> str | None:
    if honorific is None:
        return None
    h = honorific.lower()
    if h in MALE_HONORIFICS:
        return "m"
    if h in FEMALE_HONORIFICS:
        return "f"
    return None


def _quoted_between(regions: list[tuple[int, int]], start: int, end: int) -> int:
    """Characters inside quotations between two offsets: long quotes do not count as
    distance between a speaker's name and the "he said" after the quote."""
    return sum(max(0, min(b, end) - max(a, start)) for a, b in regions)


def _inside(regions: list[tuple[int, int]], pos: int) -> bool:
    # ``regions`` come from quote_regions: sorted and disjoint, so only the last region
    # starting at or before ``pos`` can hold it (a scan per mention, token and sentence
    # was quadratic over a long article).
    i = bisect_right(regions, (pos, sys.maxsize)) - 1
    return i >= 0 and regions[i][0] <= pos < regions[i][1]


def _modifies_next_noun(doc: Doc, it: Item) -> bool:
    last = doc[it.end - 1]
    if it.end >= len(doc):
        return False
    nxt = doc[it.end]
    return last.dep_ in ("compound", "amod") and last.head.i >= it.end and nxt.pos_ == "NOUN"


FINANCIAL_NOUNS = frozenset(
    {"bond", "bonds", "yield", "yields", "securities", "bill", "bills", "note", "notes", "debt"}
)


def _is_compound_modifier(doc: Doc, it: Item) -> bool:
    """ "Moscow-based", "Beijing time": the capital modifies another noun."""
    if it.end >= len(doc):
        return False
    nxt = doc[it.end]
    return nxt.lower_ in ("time", "-based", "based", "stock", "exchange", "marathon")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges between quotation marks (curly pairs, straight toggles)."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch in "“«":
            open_at = i
        elif ch in "”»" and open_at is not None:
            regions.append((open_at, i + 1))
            open_at = None
        elif ch == '"':
            if open_at is None:
                open_at = i
            else:
                regions.append((open_at, i + 1))
                open_at = None
        elif ch == "\n" and open_at is not None and text[open_at] == '"':
            open_at = None  # an unclosed straight quote ends with its paragraph
    return regions


def sentence_years(doc: Doc, m: Mention) -> list[int]:
    sent = doc[m.tok_start].sent
    return [int(y) for y in YEAR.findall(sent.text)]


def dated_code(
    kb: KnowledgeBase, person: PersonEntry, day: dt.date, years: list[int]
) -> ActorCode | None:
    """The code of a person who holds no office on ``day`` but did in a year the text names."""
    if person.tenures_on(day):
        return None
    for year in years:
        mid = dt.date(year, 7, 1)
        for probe in (mid, dt.date(year, 1, 31), dt.date(year, 12, 31)):
            held = person.tenures_on(probe)
            if held:
                return kb.tenure_code(held[0], person)
    return None
