"""Within-document speaker resolution, used when the actors stage has no answer.

Maps a local speaker mention to the fullest name the article gives that person:
pronouns to the most recent person who spoke or was named before (matching gender
when the text shows it), surnames and honorifics ("Mr Zelensky", "Sir Ben") to an
earlier full name containing them, role nouns ("a Kremlin aide", "the US
president") to an earlier name introduced with that role ("Kremlin aide Yuri
Ushakov"). The result is a name string, not an actor id: the actors stage owns ids.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

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


@dataclass(slots=True)
class _People:
    """The PERSON entities of a Doc, read once (in entity order) with the word indexes the
    lookups below use. Each lookup used to walk every entity of the article for every
    speaker, which made the stage quadratic in a long article's length; the indexes give
    the same answers (same entities, same order, same ties) from the entities that can
    match. Holds no reference to the Doc (the cache is keyed weakly by it)."""

    pos: list[int] = field(default_factory=list)  # index in doc_ents(doc)
    starts: list[int] = field(default_factory=list)  # token offsets
    ends: list[int] = field(default_factory=list)
    start_chars: list[int] = field(default_factory=list)
    end_chars: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    tokens: list[list[str]] = field(default_factory=list)  # lower, honorifics left out
    names: list[str] = field(default_factory=list)  # text, honorifics left out
    by_token: dict[str, list[int]] = field(default_factory=dict)
    by_window_word: dict[str, list[int]] = field(default_factory=dict)
    # (entity, lower text, gender) of the entities right after a gendered title.
    titled: list[tuple[int, str, str]] = field(default_factory=list)
    genders: dict[str, str | None] = field(default_factory=dict)  # memo by last word
    heads: dict[tuple[int, int], str | None] = field(default_factory=dict)  # speaker texts

    @classmethod
    def of(cls, doc: Doc) -> _People:
        found = _PEOPLE.get(doc)
        if found is None:
            found = cls()
            found._read(doc)
            _PEOPLE[doc] = found
        return found

    def _read(self, doc: Doc) -> None:
        for p, ent in enumerate(doc_ents(doc)):
            if ent.label_ != "PERSON":
                continue
            k = len(self.pos)
            self.pos.append(p)
            self.starts.append(ent.start)
            self.ends.append(ent.end)
            self.start_chars.append(ent.start_char)
            self.end_chars.append(ent.end_char)
            self.texts.append(ent.text)
            tokens = [t.lower_ for t in ent if t.lower_ not in _HONORIFICS]
            self.tokens.append(tokens)
            self.names.append(" ".join(t.text for t in ent if t.lower_ not in _HONORIFICS))
            for word in set(tokens):
                self.by_token.setdefault(word, []).append(k)
            window = doc[max(0, ent.start - 4) : min(len(doc), ent.end + 5)]
            for word in {t.lower_ for t in window}:
                self.by_window_word.setdefault(word, []).append(k)
            previous = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            if previous in _MALE_TITLES:
                self.titled.append((k, ent.text.lower(), "m"))
            elif previous in _FEMALE_TITLES:
                self.titled.append((k, ent.text.lower(), "f"))

    def count_before(self, end: int) -> int:
        """How many entities end by character ``end`` (a prefix: they are in order)."""
        return bisect_right(self.end_chars, end)


_PEOPLE: weakref.WeakKeyDictionary[Doc, _People] = weakref.WeakKeyDictionary()


def _full_name_for(doc: Doc, words: list[str], before: int) -> str | None:
    """The longest earlier PERSON name containing all ``words`` (a surname, a first name)."""
    people = _People.of(doc)
    n = people.count_before(before)
    # Only entities holding the first word can hold all of them.
    rows = people.by_token.get(words[0], []) if words else range(n)
    best: str | None = None
    for k in rows:
        if k >= n:
            break
        tokens = people.tokens[k]
        if tokens and all(w in tokens for w in words):
            name = people.names[k]
            if best is None or len(name) > len(best):
                best = name
    return best


def _gender_of_name(doc: Doc, name: str) -> str | None:
    last = name.split()[-1].lower()
    people = _People.of(doc)
    if last not in people.genders:
        # The first entity containing the word right after a gendered title decides;
        # entities without such a title never did, so only the titled ones are read.
        people.genders[last] = next((g for _, text, g in people.titled if last in text), None)
    return people.genders[last]


def _role_antecedent(doc: Doc, role_words: list[str], before: int) -> str | None:
    """A name introduced with the role: "Kremlin aide Yuri Ushakov", "Ushakov, an aide"."""
    people = _People.of(doc)
    # The entities with every role word within 4 tokens before / 5 after them.
    lists = [people.by_window_word.get(w, []) for w in role_words]
    if lists:
        matches = sorted(set(lists[0]).intersection(*lists[1:]))
    else:
        matches = list(range(len(people.pos)))
    if not matches:
        return None
    # The first match at or after ``before`` if any, else the last match.
    i = bisect_left([people.start_chars[k] for k in matches], before)
    return people.texts[matches[i] if i < len(matches) else matches[-1]]


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
    # The PERSON entity holding the span's root (entities do not overlap: at most one).
    people = _People.of(doc)
    root = span.root.i
    k = bisect_right(people.starts, root) - 1
    if k >= 0 and root < people.ends[k]:
        name = doc_ents(doc)[people.pos[k]]
        content = [t.lower_ for t in name if t.lower_ not in _HONORIFICS]
        return _full_name_for(doc, content, start) or " ".join(
            t.text for t in name if t.lower_ not in _HONORIFICS
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
    people = _People.of(doc)
    for q in earlier:
        if q.speaker_head is None:
            continue
        # The text of a speaker head, read once per Doc: every pronoun speaker used to
        # rebuild the span of every earlier speaker (quadratic in the number of quotes).
        if q.speaker_head not in people.heads:
            span = doc.char_span(*q.speaker_head, alignment_mode="expand")
            people.heads[q.speaker_head] = None if span is None else span.text
        text = people.heads[q.speaker_head]
        if text is None:
            continue
        head = text.lower()
        if head in _MALE | _FEMALE | _PLURAL:
            continue
        candidates.append((q.speaker_head[0], text))
    for _, name in _latest_first(doc, candidates, position):
        clean = " ".join(w for w in name.split() if w.lower() not in _HONORIFICS)
        if not clean:
            continue
        known = _gender_of_name(doc, clean)
        if known is not None and known != gender:
            continue
        full = _full_name_for(doc, [w.lower() for w in clean.split()], position)
        return full or clean
    return None


def _latest_first(
    doc: Doc, quoted: list[tuple[int, str]], position: int
) -> Iterator[tuple[int, str]]:
    """Earlier speakers (``quoted``) and the PERSON entities ending by ``position``, latest
    first; at equal offsets a speaker before an entity, as a stable sort of the speakers
    followed by the entities gives. Lazy: the caller usually stops at the first one, and
    listing every person of a long article for each pronoun was quadratic."""
    people = _People.of(doc)
    speakers = sorted(quoted, key=lambda c: -c[0])
    k = people.count_before(position) - 1
    i = 0
    while i < len(speakers) or k >= 0:
        if k < 0 or (i < len(speakers) and speakers[i][0] >= people.start_chars[k]):
            yield speakers[i]
            i += 1
        else:
            yield people.start_chars[k], people.texts[k]
            k -= 1
