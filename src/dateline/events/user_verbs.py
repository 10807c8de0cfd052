"""User verb dictionaries (PETRARCH format) as extra triggers for the built-in coder.

The dictionaries helper package (``dateline.dictionaries``) loads the files and matches
verb patterns; this module only adapts its matches to (CAMEO code, trigger token)
pairs. Imports are guarded: without that package, or without verb dictionaries among
the user's files, the built-in coder runs alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)

# (CAMEO code, trigger token, source tokens, target tokens) per matched verb pattern.
UserMatch = tuple[str, Token, list[Token], list[Token]]
UserTriggers = Callable[[Span], Iterable[UserMatch]]


def load_user_triggers(paths: list[str]) -> UserTriggers | None:
    if not paths:
        return None
    try:
        from dateline.dictionaries.petrarch import load_dictionaries
        from dateline.dictionaries.verbs import VerbMatcher
    except ImportError:  # the dictionaries package is optional for this stage
        log.warning("dateline.dictionaries is not available: verb dictionaries ignored")
        return None
    try:
        verbs = load_dictionaries(paths).verbs
    except Exception as exc:  # a broken user file must not stop the pipeline
        log.warning("could not load verb dictionaries %s: %s", paths, exc)
        return None
    if not verbs:
        return None
    matcher = VerbMatcher(verbs)

    def triggers(sent: Span) -> Iterable[UserMatch]:
        doc = sent.doc
        actors = [
            (m.start, m.end)
            for actor in doc._.actors
            for m in actor.mentions
            if sent.start_char <= m.start < sent.end_char
        ]
        try:
            matches = matcher.match(sent, actors or None)
        except Exception as exc:  # degrade to the built-in coder for this sentence
            log.debug("verb matcher failed on a sentence: %s", exc)
            return []
        out: list[UserMatch] = []
        for m in matches:
            if not m.code or not m.code[:2].isdigit():
                continue
            sources = [
                t for s in (m.sources or ([m.source] if m.source else [])) if (t := _root(doc, s))
            ]
            targets = [
                t for s in (m.targets or ([m.target] if m.target else [])) if (t := _root(doc, s))
            ]
            out.append((m.code, doc[m.token], sources, targets))
        return out

    return triggers


def _root(doc: Doc, span: tuple[int, int]) -> Token | None:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found.root if found is not None and len(found) else None
