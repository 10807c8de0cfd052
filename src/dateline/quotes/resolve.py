"""Within-document speaker resolution, used when the actors stage has no answer.

Maps a local speaker mention to the fullest name the article gives that person:
pronouns to the most recent person who spoke or was named before (matching gender
when the text shows it), surnames and honorifics ("Mr Zelensky", "Sir Ben") to an
earlier full name containing them, role nouns ("a Kremlin aide", "the US
president") to an earlier name introduced with that role ("Kremlin aide Yuri
Ushakov"). The result is a name string, not an actor id: the actors stage owns ids.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from dateline.quotes.doc_cache import doc_ents
from dateline.quotes.extract import Found

_MALE = frozenset({"he", "him", "his"})
_FEMALE = frozenset({"she", "her", "hers"})
_PLURAL = frozenset({"they", "them", "we", "i", "you", "it"})
_HONORIFICS = frozenset(
    {
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "sir",
        "dame",
        "lord",
        "lady",
        "dr",
        "dr.",
        "president",
        "senator",
        "sen.",
        "rep.",
        "gov.",
        "governor",
        "secretary",
        "minister",
    }
)
_MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord"})
_FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "dame", "lady"})
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their"})


def _people_before(doc: Doc, end: int) -> list[Span]:
    return [ent for ent in doc_ents(doc) if ent.label_ == "PERSON" and ent.end_char <= end]


def _full_name_for(doc: Doc, words: list[str], before: int) -> str | None:
    """The longest earlier PERSON name containing all ``words`` (a surname, a first name)."""
    best: str | None = None
    for ent in _people_before(doc, before):
        tokens = [t.lower_ for t in ent if t.lower_ not in _HONORIFICS]
        if tokens and all(w in tokens for w in words):
            name = " ".join(t.text for t in ent if t.lower_ not in _HONORIFICS)
            if best is None or len(name) > len(best):
                best = name
    return best


def _gender_of_name(doc: Doc, name: str) -> str | None:
    last = name.split()[-1].lower()
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON" or last not in ent.text.lower():
            continue
        previous = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if previous in _MALE_TITLES:
            return "m"
        if previous in _FEMALE_TITLES:
            return "f"
    return None


def _role_antecedent(doc: Doc, role_words: list[str], before: int) -> str | None:
    """A name introduced with the role: "Kremlin aide Yuri Ushakov", "Ushakov, an aide"."""
    found: str | None = None
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON":
            continue
        window = doc[max(0, ent.start - 4) : min(len(doc), ent.end + 5)]
        words = {t.lower_ for t in window}
        if all(w in words for w in role_words):
            found = ent.text
            if ent.start_char >= before:
                break
    return found


def resolve_name(doc: Doc, item: Found, found: list[Found]) -> str | None:
    if item.speaker_head is None and item.speaker is None:
        return None
    start, end = item.speaker_head or item.speaker  # type: ignore[misc]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    words = [t.lower_ for t in span]
    if len(span) == 1 and words[0] in _MALE | _FEMALE:
        return _pronoun_antecedent(doc, words[0], start, item, found)
    if len(span) == 1 and words[0] in _PLURAL:
        return None
    names = [
        ent
        for ent in doc_ents(doc)
        if ent.label_ == "PERSON" and ent.start <= span.root.i < ent.end
    ]
    if names:
        content = [t.lower_ for t in names[0] if t.lower_ not in _HONORIFICS]
        return _full_name_for(doc, content, start) or " ".join(
            t.text for t in names[0] if t.lower_ not in _HONORIFICS
        )
    if span.root.pos_ == "PROPN":
        content = [t.lower_ for t in span if t.lower_ not in _HONORIFICS and t.pos_ == "PROPN"]
        return _full_name_for(doc, content, start) or span.text
    role = [
        t.lower_
        for t in span
        if t.lower_ not in _DETERMINERS and t.pos_ in ("NOUN", "PROPN", "ADJ")
    ]
    if role:
        return _role_antecedent(doc, role[-2:], start)
    return None


def _pronoun_antecedent(
    doc: Doc, pronoun: str, position: int, item: Found, found: list[Found]
) -> str | None:
    gender = "m" if pronoun in _MALE else "f"
    earlier = [q for q in found if q is not item and q.speaker is not None and q.start < position]
    candidates: list[tuple[int, str]] = []
    for q in earlier:
        if q.speaker_head is None:
            continue
        span = doc.char_span(*q.speaker_head, alignment_mode="expand")
        if span is None:
            continue
        head = span.text.lower()
        if head in _MALE | _FEMALE | _PLURAL:
            continue
        candidates.append((q.speaker_head[0], span.text))
    for ent in _people_before(doc, position):
        candidates.append((ent.start_char, ent.text))
    for _, name in sorted(candidates, key=lambda c: -c[0]):
        clean = " ".join(w for w in name.split() if w.lower() not in _HONORIFICS)
        if not clean:
            continue
        known = _gender_of_name(doc, clean)
        if known is not None and known != gender:
            continue
        full = _full_name_for(doc, [w.lower() for w in clean.split()], position)
        return full or clean
    return None
