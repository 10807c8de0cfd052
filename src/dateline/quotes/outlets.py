"""Is a phrase a news outlet or agency ("Interfax news agency", "The New York Times")?"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.quotes.doc_cache import ents_within
from dateline.quotes.lexicon import lexicon

_GENERIC_HEADS = frozenset({"agency", "newspaper", "paper", "magazine", "broadcaster", "outlet"})


def is_outlet(doc: Doc, span: tuple[int, int]) -> bool:
    """A phrase names an outlet when a proper name or its head is an outlet word."""
    phrase = doc.char_span(span[0], span[1], alignment_mode="expand")
    if phrase is None or len(phrase) == 0 or len(phrase) > 8:
        return False
    words = lexicon().outlet_words
    head = phrase.root
    if head.lower_ in _GENERIC_HEADS:
        return True
    if any(ent.label_ == "PERSON" for ent in ents_within(doc, phrase.start, phrase.end)):
        return False
    return any(t.pos_ == "PROPN" and t.lower_ in words for t in phrase)
