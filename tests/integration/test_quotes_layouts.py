"""The quotes stage on every layout news writing uses (sentences written for the tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dateline.quotes.component import QuotesStage
from dateline.record import Quote

pytestmark = pytest.mark.integration

Run = Callable[[str], Doc]


@pytest.fixture(scope="module")
def run(nlp: Language) -> Run:
    stage = QuotesStage(nlp, "quotes_test")

    def _run(text: str) -> Doc:
        return stage(nlp(text))

    return _run


def only(doc: Doc) -> Quote:
    quotes = doc._.quotes
    assert len(quotes) == 1, [(q.text, q.kind) for q in quotes]
    return quotes[0]


def mention(quote: Quote) -> str | None:
    return quote.speaker_mention.text if quote.speaker_mention else None


def test_direct_quote_speaker_after(run: Run) -> None:
    quote = only(
        run('"We will rebuild the bridge within a year," Mayor Anna Ruiz said on Tuesday.')
    )
    assert quote.text == "We will rebuild the bridge within a year"
    assert quote.kind == "direct"
    assert mention(quote) == "Mayor Anna Ruiz"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.id == "q1"


def test_direct_quote_speaker_inverted(run: Run) -> None:
    quote = only(run("“The port will reopen next week,” said Transport Minister Lena Park."))
    assert quote.text == "The port will reopen next week"
    assert mention(quote) == "Transport Minister Lena Park"


def test_colon_introduction(run: Run) -> None:
    quote = only(run('Anna Ruiz said on Monday: "We will rebuild the bridge within a year."'))
    assert quote.text == "We will rebuild the bridge within a year"
    assert quote.kind == "direct"
    assert mention(quote) == "Anna Ruiz"


def test_quote_interrupted_by_its_cue_is_one_quote(run: Run) -> None:
    text = '"We will rebuild the bridge," said Anna Ruiz, the mayor. "Work starts in May."'
    quote = only(run(text))
    assert quote.text.startswith("We will rebuild the bridge")
    assert quote.text.endswith("Work starts in May")
    assert quote.kind == "direct"
    assert mention(quote) == "Anna Ruiz, the mayor"
    # The envelope keeps the cue; the parts are the two pieces of content only.
    assert [p.text for p in quote.parts] == ["We will rebuild the bridge", "Work starts in May"]
    assert all(text[p.start : p.end] == p.text for p in quote.parts)


def test_uninterrupted_quote_has_one_part(run: Run) -> None:
    quote = only(run("The mayor said the bridge would reopen in May."))
    assert [(p.start, p.end, p.text) for p in quote.parts] == [(quote.start, quote.end, quote.text)]


def test_content_never_starts_with_a_wire_dateline(run: Run) -> None:
    text = "LIMA, May 2 (Andes Press) - Peru will hold new elections in June, the president said."
    quote = only(run(text))
    assert quote.text == "Peru will hold new elections in June"
    assert quote.parts[0].text == quote.text


def test_cue_inside_the_first_sentence(run: Run) -> None:
    quote = only(run('"The budget, frankly," the governor said, "is a work of fiction."'))
    assert quote.text == 'The budget, frankly," the governor said, "is a work of fiction'
    assert quote.kind == "direct"
    assert mention(quote) == "the governor"


def test_speaker_in_previous_sentence(run: Run) -> None:
    text = (
        "Anna Ruiz said the bridge would reopen in the spring. "
        '"Work starts in May and the crews are ready to go."'
    )
    quotes = run(text)._.quotes
    assert len(quotes) == 2
    assert quotes[1].kind == "direct"
    assert quotes[1].text == "Work starts in May and the crews are ready to go"
    assert mention(quotes[1]) == "Anna Ruiz"


def test_speaker_introduced_before_a_colon(run: Run) -> None:
    text = 'The mayor, Anna Ruiz, was defiant after the vote:\n\n"We will rebuild the bridge."'
    quote = only(run(text))
    assert quote.text == "We will rebuild the bridge"
    assert mention(quote) == "The mayor, Anna Ruiz,".rstrip(",")


def test_quote_over_several_paragraphs(run: Run) -> None:
    text = (
        '"The first problem is the budget, which is far too small.\n\n'
        '"The second problem is the timetable," the minister said.\n\n'
        "The talks resume on Monday."
    )
    quote = only(run(text))
    assert quote.text.startswith("The first problem")
    assert quote.text.endswith("the timetable")
    assert mention(quote) == "the minister"


def test_partial_quote(run: Run) -> None:
    quote = only(run('The president called the attacks "disgusting" on Friday.'))
    assert quote.kind == "partial"
    assert "disgusting" in quote.text
    assert mention(quote) == "The president"


def test_mixed_quote(run: Run) -> None:
    quote = only(
        run('Zelensky said pressure had "worked" on Russia and Moscow was now ready to talk.')
    )
    assert quote.kind == "mixed"
    assert quote.text.startswith("pressure had")
    assert mention(quote) == "Zelensky"


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "The finance minister said that the budget would be balanced by 2027.",
            "that the budget would be balanced by 2027",
            "The finance minister",
            "said",
        ),
        (
            "Ruiz told reporters the bridge would reopen in May.",
            "the bridge would reopen in May",
            "Ruiz",
            "told",
        ),
        (
            "The general warned that the army would respond to any attack.",
            "that the army would respond to any attack",
            "The general",
            "warned",
        ),
        (
            "Opposition leaders have argued that the election was rigged.",
            "that the election was rigged",
            "Opposition leaders",
            "have argued",
        ),
        (
            "The company insisted it had done nothing wrong.",
            "it had done nothing wrong",
            "The company",
            "insisted",
        ),
    ],
)
def test_indirect_speech(run: Run, text: str, content: str, speaker: str, cue: str) -> None:
    quote = only(run(text))
    assert quote.kind == "indirect"
    assert quote.text == content
    assert mention(quote) == speaker
    assert quote.cue is not None and quote.cue.text == cue


def test_according_to_before_and_after(run: Run) -> None:
    first = only(run("According to the health ministry, 40 people were injured in the blast."))
    assert first.text == "40 people were injured in the blast"
    assert mention(first) == "the health ministry"
    second = only(run("Forty people were injured in the blast, according to local officials."))
    assert second.text == "Forty people were injured in the blast"
    assert mention(second) == "local officials"


def test_apposition_belongs_to_the_speaker(run: Run) -> None:
    quote = only(run("Hugh Hill, a doctor at the clinic, said the patients were stable."))
    assert mention(quote) == "Hugh Hill, a doctor at the clinic"
    assert quote.text == "the patients were stable"


def test_quoted_as_saying_records_the_relay(run: Run) -> None:
    text = (
        "Minister Ivan Petrov spoke after the meeting.\n"
        '"We are ready for talks," the Tass news agency quoted him as saying.'
    )
    doc = run(text)
    quote = next(q for q in doc._.quotes if q.text == "We are ready for talks")
    assert mention(quote) == "him"
    assert doc._.quote_via_spans[quote.id].text == "the Tass news agency"
    assert doc._.quote_speaker_names[quote.id] == "Ivan Petrov"


def test_outlet_reported_that(run: Run) -> None:
    doc = run("The Washington Post reported that the senator would resign next month.")
    quote = doc._.quotes[0]
    assert quote.text == "that the senator would resign next month"
    assert doc._.quote_via_spans[quote.id].text == "The Washington Post"


@pytest.mark.parametrize(
    "text",
    [
        "«We will not give up», the defence minister said.",
        "'We will not give up,' the defence minister said.",
        "“We will not give up,” the defence minister said.",
        "``We will not give up,'' the defence minister said.",
    ],
)
def test_every_kind_of_mark(run: Run, text: str) -> None:
    quote = only(run(text))
    assert quote.text == "We will not give up"
    assert quote.kind == "direct"
    assert mention(quote) == "the defence minister"


def test_dash_opener(run: Run) -> None:
    quote = only(run("— We will not give up, the commander said.\nThe troops stayed."))
    assert quote.text == "We will not give up"
    assert mention(quote) == "the commander"


def test_stray_marks_do_not_derail_the_article(run: Run) -> None:
    text = (
        'Fuel prices rose 5" overnight and the "the market opened late.\n\n'
        'Traders were calm. "We expect prices to fall by Friday," said Omar Haddad, a broker.\n\n'
        "The central bank said it would publish new figures on Monday."
    )
    quotes = run(text)._.quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["We expect prices to fall by Friday"]
    assert mention(direct[0]) == "Omar Haddad, a broker"
    assert any(q.text == "it would publish new figures on Monday" for q in quotes)


def test_unbalanced_marks_never_raise(run: Run) -> None:
    for text in ['"', "“”“", 'He said "', "'''''", "«»«", '"a" "b" "c', "—", ":\n\n:"]:
        doc = run(text)
        for quote in doc._.quotes:
            assert 0 <= quote.start <= quote.end <= len(doc.text)


def test_ids_in_text_order_and_texts_match(run: Run) -> None:
    text = (
        "The mayor said the budget was too small. "
        '"We need more money," she added. According to the council, the vote is on Friday.'
    )
    doc = run(text)
    quotes = doc._.quotes
    assert [q.id for q in quotes] == [f"q{i}" for i in range(1, len(quotes) + 1)]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for quote in quotes:
        assert quote.text == doc.text[quote.start : quote.end]


def test_names_resolved_without_actors(run: Run) -> None:
    text = (
        "Former defence secretary Sir Ben Wallace spoke on Monday.\n"
        '"The deal is rotten," he said.\n'
        "Sir Ben added that Europe should be at the table.\n"
        "Ukraine's president Volodymyr Zelensky agreed.\n"
        '"Pressure works," Mr Zelensky said.'
    )
    doc = run(text)
    names = doc._.quote_speaker_names
    by_text = {q.text: names.get(q.id) for q in doc._.quotes}
    assert by_text["The deal is rotten"] == "Ben Wallace"
    assert by_text["that Europe should be at the table"] == "Ben Wallace"
    assert by_text["Pressure works"] == "Volodymyr Zelensky"


def test_a_failure_inside_the_stage_is_contained(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dateline.quotes.component as component

    def broken(doc: Doc) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(component, "build_quotes", broken)
    doc = QuotesStage(nlp, "quotes_test")(nlp('"Fine," he said.'))
    assert doc._.quotes == []
    assert any(e.startswith("E900") and "boom" in e for e in doc._.stage_errors)


def test_lexicon_alone_still_finds_quotes(nlp: Language) -> None:
    from dateline.quotes.extract import extract

    doc = nlp("The governor said the roads would reopen on Monday.")
    found = extract(doc, use_model=False)
    assert [doc.text[q.start : q.end] for q in found] == ["the roads would reopen on Monday"]


def test_shipped_models_load(nlp: Language) -> None:
    from dateline.quotes.cue_model import FILTER_WEIGHTS_FILE, load_model, token_features

    cue = load_model()
    candidate_filter = load_model(FILTER_WEIGHTS_FILE)
    assert cue is not None and 0 < cue.threshold < 1
    assert candidate_filter is not None and 0 < candidate_filter.threshold < 1
    doc = nlp("The minister said that the talks had failed.")
    said, talks = doc[2], doc[5]
    assert cue.probability(token_features(said, False)) > 0.5
    assert cue.probability(token_features(talks, False)) < cue.threshold


def test_line_label_with_colon_names_the_speaker(run: Run) -> None:
    doc = run("Ortega: New taxes will hurt small farms\n\nThe vote is due in June.")
    quote = only(doc)
    assert quote.text == "New taxes will hurt small farms"
    assert mention(quote) == "Ortega"


def test_material_labels_are_not_speakers(run: Run) -> None:
    doc = run("Transcript as follows:\n\nUpdate: The vote was moved to Friday morning.")
    assert not doc._.quotes


def test_quote_after_its_cue_sentence_joins_the_first_piece(run: Run) -> None:
    text = (
        '"It will not be easy to win," said Ann Lee, who backed the mayor on Tuesday. '
        '"Right now the governor is the favorite."'
    )
    quote = next(q for q in run(text)._.quotes if q.kind == "direct")
    assert (mention(quote) or "").startswith("Ann Lee")
    assert [p.text for p in quote.parts] == [
        "It will not be easy to win",
        "Right now the governor is the favorite",
    ]


def test_stance_noun_clause_is_the_content(run: Run) -> None:
    quote = only(run("The union expressed concern that members could find the plan appealing."))
    assert quote.text == "that members could find the plan appealing"
    assert mention(quote) == "The union"
