"""Attribution rules of the quotes stage: chained cues, passive cues, trailing asides,
"it" as a speaker, raising verbs, misparsed subjects (sentences written for the tests)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.quotes.component import QuotesStage
from dateline.quotes.extract import (
    Found,
    _content_children,
    _expletive_it,
    _speaker_left_of,
    _subject_of,
    doc_text,
    extract,
)

pytestmark = pytest.mark.integration


def _text(doc: Doc, span: tuple[int, int] | None) -> str | None:
    return doc_text(doc)[span[0] : span[1]] if span is not None else None


def _lexicon_quotes(nlp: Language, text: str) -> tuple[Doc, list[Found]]:
    doc = nlp(text)
    return doc, extract(doc, use_model=False)


def test_phase_verb_chains_into_the_cue_after_it(nlp: Language) -> None:
    doc, quotes = _lexicon_quotes(nlp, "Senator Mara Olsen continued to call for a ban on rifles.")
    assert len(quotes) == 1
    quote = quotes[0]
    assert _text(doc, (quote.start, quote.end)) == "a ban on rifles"
    assert _text(doc, quote.cue) == "continued to call"
    assert _text(doc, quote.speaker) == "Senator Mara Olsen"


def test_passive_cue_without_complement_attributes_its_subject(nlp: Language) -> None:
    doc, quotes = _lexicon_quotes(nlp, "The new stadium plan was criticized by the city council.")
    assert len(quotes) == 1
    quote = quotes[0]
    assert _text(doc, (quote.start, quote.end)) == "The new stadium plan"
    assert _text(doc, quote.speaker) == "the city council"
    assert quote.origin == "fallback"


def test_trailing_which_clause_is_left_out(nlp: Language) -> None:
    stage = QuotesStage(nlp, "quotes_rules_test")
    doc = stage(
        nlp("The governor said that she would repeal the fuel tax, which was passed in 2010.")
    )
    texts = [q.text for q in doc._.quotes]
    assert texts == ["that she would repeal the fuel tax"]


def test_it_speaks_when_it_is_a_document(nlp: Language) -> None:
    stage = QuotesStage(nlp, "quotes_rules_test")
    doc = stage(
        nlp(
            "The new advertisement opens with a farm scene. It accuses Senator Dale Kemp "
            "of lying about his record on water rights."
        )
    )
    speakers = [q.speaker_mention.text for q in doc._.quotes if q.speaker_mention]
    assert "It" in speakers


def test_expletive_it_does_not_speak(nlp: Language) -> None:
    doc = nlp("It seems that the vote will be delayed.")
    it = doc[0]
    assert it.dep_ == "nsubj"
    assert _expletive_it(it)


def test_raising_verb_with_a_predicate_noun(nlp: Language) -> None:
    doc, quotes = _lexicon_quotes(nlp, "The new stadium plan seemed like a long shot to voters.")
    assert len(quotes) == 1
    parts = [_text(doc, p) for p in quotes[0].parts]
    assert parts[0] == "The new stadium plan"
    assert parts[1] is not None and parts[1].startswith("like a long shot")


def test_name_parsed_as_a_conjunct_still_speaks() -> None:
    words = ["Worried", "by", "floods", "in", "Ohio", ",", "Governor", "Ruth", "Adler", ","]
    words += ["said", "that", "dams", "failed", "."]
    heads = [10, 0, 1, 2, 3, 4, 8, 8, 4, 10, 10, 13, 13, 10, 10]
    deps = ["advcl", "prep", "pobj", "prep", "pobj", "punct", "compound", "compound", "conj"]
    deps += ["punct", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    ents = ["O", "O", "O", "O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    ents += ["O", "O", "O"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, ents=ents)
    speaker = _speaker_left_of(doc[10])
    assert speaker is not None and speaker.text == "Adler"


def test_passive_verb_of_repute_attributes_subject_and_predicate(nlp: Language) -> None:
    doc, quotes = _lexicon_quotes(nlp, "Judge Ada Stone is known for speaking her mind on trade.")
    assert len(quotes) == 1
    quote = quotes[0]
    assert _text(doc, (quote.start, quote.end)) == (
        "Judge Ada Stone is known for speaking her mind on trade"
    )
    assert quote.speaker is None


def test_made_it_clear_says_the_that_clause(nlp: Language) -> None:
    doc = nlp("Mr. Cole made it clear that he felt the rivals should drop out.")
    made = next(t for t in doc if t.lower_ == "made")
    children = _content_children(made, _subject_of(made))
    assert children
    start = min(t.left_edge.idx for t in children)
    assert doc_text(doc)[start:].startswith("that he felt")


def test_according_to_leaves_out_a_leading_connective(nlp: Language) -> None:
    doc, quotes = _lexicon_quotes(
        nlp, "Still, according to the latest survey, most farmers back the new tariff."
    )
    assert len(quotes) == 1
    assert _text(doc, (quotes[0].start, quotes[0].end)) == "most farmers back the new tariff"
    assert _text(doc, quotes[0].speaker) == "the latest survey"


def _content_text(nlp: Language, text: str, cue: str) -> str:
    doc = nlp(text)
    verb = next(t for t in doc if t.lower_ == cue)
    children = _content_children(verb, _subject_of(verb))
    assert children
    start = min(t.left_edge.idx for t in children)
    end = max(t.right_edge.idx + len(t.right_edge) for t in children)
    return doc_text(doc)[start:end]


def test_light_verb_object_is_part_of_the_cue(nlp: Language) -> None:
    said = _content_text(nlp, "Mr. Cole made no apologies for his remarks on trade.", "made")
    assert said == "his remarks on trade"


def test_pronoun_object_framed_by_a_complement_stays(nlp: Language) -> None:
    said = _content_text(nlp, "The senator accused it of hiding the report.", "accused")
    assert said.startswith("it of")
