"""A PETRARCH-style dictionary coder on spaCy parses: dateline's dictionary baseline.

It uses only user dictionaries: :class:`ActorMatcher` codes the actors, the discard
list silences sentences or stories, :class:`VerbMatcher` finds coded verbs and their
arguments, and every (source, target) pair becomes an event, as PETRARCH writes them::

    coder = DictionaryCoder.from_paths(["PETR.Validate.actors.txt", ...])
    for event in coder.code(doc, day=datetime.date(1995, 1, 1)):
        event.code, event.source, event.target      # "064", "ARN", "GON"

The events stage uses :class:`VerbMatcher` directly; this class serves the PETRARCH
evaluation and users who want dictionary-only coding.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span

from dateline.dictionaries.actor_matcher import ActorMatcher, CodedActor
from dateline.dictionaries.model import Discard
from dateline.dictionaries.petrarch import DictionarySet, load_dictionaries
from dateline.dictionaries.verbs import VerbMatch, VerbMatcher


@dataclass(slots=True)
class CodedEvent:
    """One dyadic event: CAMEO code, source and target actor codes, evidence."""

    code: str
    source: str
    target: str
    sentence: int  # index of the sentence in the Doc
    trigger_start: int
    trigger_end: int
    pattern: str | None = None


class DiscardFilter:
    """PETRARCH discards: phrases that stop coding of a sentence or a whole story.

    Phoenix lists hundreds of phrases; one regex per phrase, looked up by the first
    three letters of its first word, keeps the check proportional to the text.
    """

    def __init__(self, discards: Iterable[Discard]) -> None:
        self._sentence: dict[str, list[re.Pattern[str]]] = defaultdict(list)
        self._story: dict[str, list[re.Pattern[str]]] = defaultdict(list)
        for d in discards:
            body = re.escape(d.phrase).replace(r"\ ", r"\s+")
            regex = re.compile(
                r"(?<![\w])" + body + (r"(?![\w])" if d.whole_word else ""), re.IGNORECASE
            )
            first = re.match(r"\w+", d.phrase)
            key = first.group(0)[:3] if first else ""
            (self._story if d.story else self._sentence)[key].append(regex)

    @staticmethod
    def _found(table: dict[str, list[re.Pattern[str]]], text: str) -> bool:
        if not table:
            return False
        keys = {w[:3] for w in re.findall(r"\w+", text.lower())} | {""}
        return any(r.search(text) for k in keys for r in table.get(k, ()))

    def story_discarded(self, text: str) -> bool:
        return self._found(self._story, text)

    def sentence_discarded(self, text: str) -> bool:
        return self._found(self._sentence, text)


class DictionaryCoder:
    """Dictionary-only event coder (see the module documentation)."""

    def __init__(self, dictionaries: DictionarySet, *, require_dyad: bool = True) -> None:
        self.dictionaries = dictionaries
        self.actors = ActorMatcher(dictionaries.actors, dictionaries.agents)
        self.verbs = VerbMatcher(dictionaries.verbs)
        self.discards = DiscardFilter(dictionaries.discards)
        self.require_dyad = require_dyad

    @classmethod
    def from_paths(
        cls, paths: Iterable[str | Path], *, require_dyad: bool = True
    ) -> DictionaryCoder:
        return cls(load_dictionaries(paths), require_dyad=require_dyad)

    def code(self, doc: Doc, day: dt.date | None = None) -> list[CodedEvent]:
        """Events of a parsed Doc, sentence by sentence, without duplicates."""
        if self.discards.story_discarded(doc.text):
            return []
        events: list[CodedEvent] = []
        seen: set[tuple[str, str, str, int]] = set()
        for n, sent in enumerate(doc.sents):
            if self.discards.sentence_discarded(sent.text):
                continue
            for event in self.code_sentence(sent, n, day):
                key = (event.code, event.source, event.target, n)
                if key not in seen:
                    seen.add(key)
                    events.append(event)
        return events

    def code_sentence(self, sent: Span, n: int, day: dt.date | None) -> list[CodedEvent]:
        coded = self.actors(sent, day)
        by_span = {(c.start, c.end): c for c in coded}
        events: list[CodedEvent] = []
        priorities = [max(len(c) for c in actor.codes) for actor in by_span.values()]
        for match in self.verbs.match(sent, list(by_span), priorities):
            events.extend(self._events_of(match, by_span, n))
        return events

    def _events_of(
        self, match: VerbMatch, by_span: dict[tuple[int, int], CodedActor], n: int
    ) -> list[CodedEvent]:
        sources = [code for span in match.sources for code in by_span[span].codes]
        targets = [code for span in match.targets for code in by_span[span].codes]
        pairs: list[tuple[str, str, str]] = []
        if match.compound:
            members = sources
            for a in members:
                for b in members:
                    if a != b:
                        pairs.append((match.code, a, b))
        else:
            if self.require_dyad and (not sources or not targets):
                return []
            for s in sources or ["---"]:
                for t in targets or ["---"]:
                    if s == t:
                        continue
                    pairs.append((match.code, s, t))
                    if match.reverse_code:
                        pairs.append((match.reverse_code, t, s))
        return [
            CodedEvent(
                code=code,
                source=s,
                target=t,
                sentence=n,
                trigger_start=match.trigger_start,
                trigger_end=match.trigger_end,
                pattern=match.pattern,
            )
            for code, s, t in pairs
        ]
