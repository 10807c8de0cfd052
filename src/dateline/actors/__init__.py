"""Actors stage of the dateline pipeline: KB linking and within-document coreference.

``resolve_mention(doc, start, end) -> Actor | None`` resolves any span to an actor (see
:mod:`dateline.actors.component`); the knowledge base is described in
docs/knowledge-base.md.
"""

from dateline.actors.component import resolve_mention

__all__ = ["resolve_mention"]
