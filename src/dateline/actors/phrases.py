"""Assemble gazetteer items into actor descriptions.

A description is a short noun phrase around an actor, read left to right::

    [det] [former] [qualifier ('s)]* [filler]* [head [of place]] [honorific] [name]
    "the"  "former" "British"          "special"  "Defence Secretary" "Sir"  "Ben Wallace"

where a qualifier is a country, demonym, capital, seat or organization ("Kremlin aide",
"India's external affairs ministry"), a head is a title, role noun, body or group noun,
and the name is a KB person or a spaCy PERSON entity. The linker decides what each
description refers to; this module only reads the shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from dateline.actors.gazetteer import (
    HEAD_TYPES,
    HONORIFICS,
    NER_PERSON,
    PERSON,
    PLACE_TYPES,
    Item,
)

DETERMINERS = frozenset({"the", "a", "an"})
FORMER = frozenset({"former", "ex", "then", "onetime", "one-time", "erstwhile", "late"})
# Words that make a title name someone other than the office holder.
DEGRADERS = frozenset(
    {"deputy", "vice", "assistant", "junior", "state", "shadow", "acting", "interim", "would-be"}
)
FILLERS = frozenset(
    {
        "special",
        "senior",
        "top",
        "chief",
        "presidential",
        "national",
        "current",
        "sitting",
        "new",
        "outgoing",
        "incoming",
        "longtime",
        "long-time",
        "veteran",
        "powerful",
        "military",
        "government",
        "foreign",
        "security",
        "defence",
        "defense",
        "policy",
        "affairs",
        "press",
        "ministry",
        "kremlin",
        "official",
        "two",
        "three",
        "several",
        "some",
        "many",
        "other",
        "unnamed",
        "anonymous",
    }
)
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(slots=True)
class Phrase:
    start: int  # token offsets, end exclusive
    end: int
    det: str | None = None
    former: bool = False
    degraded: bool = False
    qualifiers: list[Item] = field(default_factory=list)
    head: Item | None = None
    of_place: Item | None = None
    honorific: str | None = None
    name: Item | None = None  # a PERSON (KB) or NER_PERSON item

    @property
    def places(self) -> list[Item]:
        return [*self.qualifiers, *([self.of_place] if self.of_place else [])]


def assemble(doc: Doc, items: list[Item], lo: int = 0, hi: int | None = None) -> list[Phrase]:
    """Descriptions in token order over ``doc[lo:hi]``."""
    hi = len(doc) if hi is None else hi
    at = {it.start: it for it in items if lo <= it.start and it.end <= hi}
    phrases: list[Phrase] = []
    i = lo
    while i < hi:
        phrase = _phrase_at(doc, at, i, hi)
        if phrase is None:
            i += 1
            continue
        phrases.append(phrase)
        i = max(phrase.end, i + 1)
    return phrases


def _lower(doc: Doc, j: int, hi: int) -> str:
    return doc[j].lower_ if j < hi else ""


def _phrase_at(doc: Doc, at: dict[int, Item], i: int, hi: int) -> Phrase | None:
    j = i
    det = None
    if _lower(doc, j, hi) in DETERMINERS:
        det = doc[j].lower_
        j += 1
    former = False
    while j < hi:
        word = _lower(doc, j, hi)
        if word in FORMER:
            former = True
            j += 2 if word == "ex" and _lower(doc, j + 1, hi) == "-" else 1
        elif word.startswith("ex-") and word[3:] in ("president", "minister", "leader"):
            break
        else:
            break
    if former and det is None and j == i:
        return None
    first_content = j
    qualifiers: list[Item] = []
    while j < hi:
        it = at.get(j)
        if it is None or it.type not in PLACE_TYPES:
            break
        qualifiers.append(it)
        j = it.end
        if j < hi and doc[j].text in POSSESSIVE:
            j += 1
    # Fillers ("special", "senior") count only when a head follows them.
    k = j
    degraded = False
    while k < hi and k - j < 4 and k not in at:
        word = _lower(doc, k, hi)
        if word in DEGRADERS:
            degraded = True
        elif word not in FILLERS and word != "-":
            break
        k += 1
    head = at.get(k)
    of_place = None
    if head is not None and head.type in HEAD_TYPES:
        j = head.end
        if _lower(doc, j, hi) in ("of", "for"):
            n = j + 1 + (1 if _lower(doc, j + 1, hi) == "the" else 0)
            place = at.get(n)
            # "head of the UN Office for ...": the place is part of a longer name.
            continues = place is not None and place.end < hi and doc[place.end].is_title
            if (
                place is not None
                and place.type in PLACE_TYPES
                and place.type != "adj"
                and not continues
            ):
                of_place = place
                j = place.end
    else:
        head = None
        degraded = False
    # An apposition comma between a title and its name ("the US president, Donald Trump,").
    honorific = None
    h = j
    if head is not None and _lower(doc, h, hi) == "," and _name_at(doc, at, h + 1, hi):
        h += 1
    if doc[h].lower_.rstrip(".") in HONORIFICS if h < hi else False:
        honorific = doc[h].text.rstrip(".")
        h += 1
    name = _name_at(doc, at, h, hi)
    if name is None and honorific and h < hi and doc[h].is_title and doc[h].is_alpha:
        end = h + 1
        while end < hi and doc[end].is_title and doc[end].is_alpha and end - h < 3:
            end += 1
        name = Item(h, end, NER_PERSON, "")
    if name is not None:
        j = name.end
    elif honorific is not None:
        honorific = None
    if head is None and name is None and not qualifiers:
        return None
    if head is None and not qualifiers and not former and name is not None:
        i = name.start if honorific is None else name.start - 1  # "the Trump deal"
    if head is None and name is None:
        # Bare qualifiers are reported one by one by the caller; "the" belongs to a
        # single proper name ("the Kremlin", "the United States").
        start = i if det == "the" and len(qualifiers) == 1 and not former else first_content
        return Phrase(start=start, end=qualifiers[-1].end, det=det, qualifiers=qualifiers)
    return Phrase(
        start=i,
        end=j,
        det=det,
        former=former,
        degraded=degraded,
        qualifiers=qualifiers,
        head=head,
        of_place=of_place,
        honorific=honorific,
        name=name,
    )


def _name_at(doc: Doc, at: dict[int, Item], j: int, hi: int) -> Item | None:
    it = at.get(j)
    if it is not None and it.type in (PERSON, NER_PERSON):
        return it
    return None
