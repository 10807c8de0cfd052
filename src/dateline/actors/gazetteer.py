"""Find knowledge-base names, titles and group nouns in a Doc with spaCy's PhraseMatcher.

The matchers are built once per knowledge base (thousands of phrases) and reused for
every article. Proper names match case-sensitively (``ORTH``): "Turkey" the country, not
"turkey"; titles, role nouns and group nouns match in any case (``LOWER``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from dateline.actors.kb import KnowledgeBase

# Item types: proper names first (they win ties against common nouns).
PERSON = "person"
ORG = "org"
COUNTRY = "country"
ADJ = "adj"  # demonym adjective: "Russian"
PEOPLE = "people"  # plural demonym: "Russians"
CAPITAL = "capital"
TITLE = "title"  # names an office: "prime minister"
ROLE = "role"  # generic person noun: "aide", "envoy"
BODY = "body"  # government body: "ministry", "government"
AGENT = "agent"  # plural group noun: "officials", "forces"
NER_PERSON = "ner_person"
NER_ORG = "ner_org"

PLACE_TYPES = frozenset({COUNTRY, ADJ, PEOPLE, CAPITAL, ORG, NER_ORG})
HEAD_TYPES = frozenset({TITLE, ROLE, BODY, AGENT})
_PROPER_RANK = {PERSON: 0, ORG: 1, COUNTRY: 2, CAPITAL: 3, PEOPLE: 4, ADJ: 5}
_COMMON_RANK = {TITLE: 6, BODY: 7, ROLE: 8, AGENT: 9}


@dataclass(frozen=True, slots=True)
class Item:
    """A matched phrase: token offsets (end exclusive), type and what it stands for."""

    start: int
    end: int
    type: str
    value: str  # KB id, country code, or the lower-cased phrase for common nouns

    def rank(self) -> int:
        if self.value.startswith("dict:"):
            return -1  # a user's dictionary overrides the built-in KB on the same words
        return _PROPER_RANK.get(self.type, _COMMON_RANK.get(self.type, 10))


class Gazetteer:
    """Two PhraseMatchers over the KB, and the lookup from match label to item."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.proper = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.common = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[int, tuple[str, str]] = {}
        self._surnames: set[str] = set()
        proper: dict[str, set[str]] = {}
        common: dict[str, set[str]] = {}

        def add(table: dict[str, set[str]], phrase: str, type_: str, value: str) -> None:
            phrase = phrase.strip()
            if phrase.lower().startswith("the ") and len(phrase) > 4:
                phrase = phrase[4:]  # the phrase assembler absorbs determiners
            if phrase:
                table.setdefault(f"{type_}|{value}", set()).add(phrase)

        for person in kb.people.values():
            target = common if person.dict_actor is not None else proper
            for name in [person.name, *person.aliases]:
                add(target, name, PERSON, person.id)
        for org in kb.organizations.values():
            target = common if org.dict_actor is not None else proper
            for name in org.aliases:
                add(target, name, ORG, org.id)
        for country in kb.countries.values():
            for name in country.names:
                add(proper, name, COUNTRY, country.code)
            for adj in country.adjectives:
                add(proper, adj, ADJ, country.code)
            for people in country.peoples:
                add(proper, people, PEOPLE, country.code)
            if not country.is_region:
                for capital in country.capitals:
                    add(proper, capital, CAPITAL, country.code)
        for title in kb.titles.all_title_phrases():
            add(common, title, TITLE, title)
        for noun in kb.titles.role_nouns:
            add(common, noun, ROLE, noun)
        for body in kb.titles.bodies:
            add(common, body, BODY, body)
        for agent in kb.agents:
            add(common, agent, AGENT, agent)
        self._fill(nlp, self.proper, proper)
        self._fill(nlp, self.common, common)

    def _fill(self, nlp: Language, matcher: PhraseMatcher, table: dict[str, set[str]]) -> None:
        for label, phrases in table.items():
            key = nlp.vocab.strings.add(label)
            type_, value = label.split("|", 1)
            self._labels[key] = (type_, value)
            matcher.add(label, [nlp.make_doc(phrase) for phrase in sorted(phrases)])

    def items(self, doc: Doc) -> list[Item]:
        """Non-overlapping items in token order: longest first, proper names win ties."""
        found: list[Item] = []
        for matcher in (self.proper, self.common):
            for key, start, end in matcher(doc):
                type_, value = self._labels[key]
                if type_ == TITLE and value == "pm" and doc[start].text != "PM":
                    continue
                found.append(Item(start, end, type_, value))
        found = _merge_namesakes(found)
        found = _drop_parts_of_longer_names(doc, found)
        found = [it for it in found if not _compass_in_place_name(doc, it)]
        found.extend(_ner_items(doc, found))
        found.sort(key=lambda it: (-(it.end - it.start), it.rank(), it.start))
        taken = bytearray(len(doc))
        chosen: list[Item] = []
        for it in found:
            if any(taken[it.start : it.end]):
                continue
            chosen.append(it)
            taken[it.start : it.end] = b"\x01" * (it.end - it.start)
        chosen.sort(key=lambda it: it.start)
        return chosen


def _compass_in_place_name(doc: Doc, it: Item) -> bool:
    """ "West" in "West Bank", "West Darfur", "West Africa" is a place, not the West."""
    if it.value != "WST" or it.end >= len(doc):
        return False
    following = doc[it.end]
    return following.is_title and following.is_alpha and doc[it.end - 1].lower_ == "west"


def _drop_parts_of_longer_names(doc: Doc, found: list[Item]) -> list[Item]:
    """A KB organization inside a longer capitalized name is not that organization:
    "Labour" in "International Labour Organisation", "Democrats" in "Liberal Democrats"."""
    drop: set[Item] = set()
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        inner = [
            it for it in found if it.type == ORG and ent.start <= it.start and it.end <= ent.end
        ]
        if not inner:
            continue
        covered = {i for it in inner for i in range(it.start, it.end)}
        extra = [
            t
            for t in doc[ent.start : ent.end]
            if t.i not in covered and t.is_title and t.is_alpha and t.lower_ not in ("the", "a")
        ]
        if extra:
            drop.update(inner)
    starts = {i for it in found for i in range(it.start, it.end)}
    for it in found:
        prev = doc[it.start - 1] if it.start > 0 else None
        if (
            it.type == ORG
            and it.end - it.start == 1
            and prev is not None
            and prev.is_title
            and prev.is_alpha
            and not prev.is_sent_start
            and prev.i not in starts
        ):
            drop.add(it)  # "Liberal Democrats", "New Labour": another name
    return [it for it in found if it not in drop]


def _merge_namesakes(found: list[Item]) -> list[Item]:
    """One item for the same words naming several KB people ("Bush"): ids joined by "|"."""
    people: dict[tuple[int, int], list[str]] = {}
    rest: list[Item] = []
    for it in found:
        if it.type == PERSON and not it.value.startswith("dict:"):
            people.setdefault((it.start, it.end), []).append(it.value)
        else:
            rest.append(it)
    for (start, end), ids in people.items():
        rest.append(Item(start, end, PERSON, "|".join(sorted(set(ids)))))
    return rest


HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor"}
)


def _ner_items(doc: Doc, matched: Iterable[Item]) -> list[Item]:
    """PERSON and ORG entities that no KB phrase accounts for (unknown people and groups)."""
    covered = bytearray(len(doc))
    kb_people: list[Item] = []
    for it in matched:
        if it.type in (PERSON, ORG, COUNTRY, CAPITAL):
            covered[it.start : it.end] = b"\x01" * (it.end - it.start)
        if it.type == PERSON:
            kb_people.append(it)
    extra: list[Item] = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        start, end = ent.start, ent.end
        # Possessive endings, determiners and honorifics are not part of the name.
        while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
            end -= 1
        while start < end and (
            doc[start].lower_ in ("the", "a", "an") or doc[start].lower_.rstrip(".") in HONORIFICS
        ):
            start += 1
        if ent.label_ == "PERSON":
            # Names are capitalized: "versus Zelensky" is "Zelensky".
            while start < end and not doc[start].is_title:
                start += 1
            while end > start and not doc[end - 1].is_title:
                end -= 1
        if start >= end or all(covered[start:end]):
            continue
        if ent.label_ == "ORG":
            if not any(covered[start:end]):
                extra.append(Item(start, end, NER_ORG, ""))
            continue
        if not any(t.is_alpha and t.is_title for t in doc[start:end]):
            continue
        # A KB person of two or more words inside the entity is the same person
        # ("Sir Ben Wallace"); a one-word KB alias inside a longer name is not ("Paul Harris").
        inner = [p for p in kb_people if start <= p.start and p.end <= end]
        if any(p.end - p.start >= 2 for p in inner):
            continue
        extra.append(Item(start, end, NER_PERSON, ""))
    return extra
