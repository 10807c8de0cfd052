"""User dictionaries in the PETRARCH/CAMEO formats (actors, agents, verbs, discards).

dateline's built-in coder does not need them; they let users bring existing
dictionaries (and their date ranges) to the actors and events stages.

* :mod:`.petrarch` -- loaders: ``load_actors``, ``load_agents``, ``load_verbs``,
  ``load_discards``, ``detect_kind``, ``load_dictionaries`` (any mix of files/folders);
* :mod:`.actor_matcher` -- ``ActorMatcher``: coded actor mentions for a date;
* :mod:`.verbs` -- ``VerbMatcher``: coded verbs with source and target spans;
* :mod:`.coder` -- ``DictionaryCoder``: both together, PETRARCH-style events;
  :func:`dictionary_coder` caches one per set of paths for the pipeline stages.

See ``docs/dictionaries.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.dictionaries.coder import DictionaryCoder


def dictionary_coder(paths: Iterable[str | Path]) -> DictionaryCoder | None:
    """The shared coder (actor matcher, verb matcher, discards) for these dictionary
    paths, built once per process; None when the paths hold no dictionary."""
    return _coder_for(tuple(str(p) for p in paths))


@functools.lru_cache(maxsize=8)
def _coder_for(paths: tuple[str, ...]) -> DictionaryCoder | None:
    from dateline.dictionaries.coder import DictionaryCoder
    from dateline.dictionaries.petrarch import load_dictionaries

    if not paths:
        return None
    loaded = load_dictionaries(paths)
    return DictionaryCoder(loaded) if loaded else None
