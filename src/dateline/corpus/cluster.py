"""One event, many reports: group event mentions from different articles.

Two mentions are reports of the same event when they have the same PLOVER type, the
same kind of status (occurred/ongoing vs planned vs ...), the same source and target
actors (blocked by country, then no conflicting sector, KB id or person name), dates
that agree (same day, or a coarser TIMEX interval that contains it; a date inferred
from the publication date may be the day before; vaguer than a month never), no
conflicting place, and similar evidence (token Jaccard on the evidence sentences with
actor mentions and dates blanked). Clustering is greedy and *complete-link*: a mention joins a
cluster only if it is compatible with every member, so a chain of look-alikes cannot
pull two distinct events together. Precision matters more than recall here: a merged
pair of distinct events silently loses an event from every count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from dateline.corpus.similarity import jaccard

# Minimum token Jaccard of the evidence sentences (content words). Chosen on the dev
# half of the merge test set (see docs/corpus.md), not on the test half.
MIN_SIMILARITY = 0.05
# Content words two different evidence sentences must share when an actor is known
# only by name (see ``similarity``).
MIN_SHARED_TOKENS_UNIDENTIFIED = 2
# Dates vaguer than this ("in 2018", "this spring") agree with too much to merge on.
MAX_DATE_SPAN = dt.timedelta(days=31)
# Undated reports merge only on identical evidence with at least this many content words.
MIN_UNDATED_TOKENS = 3
# A date only inferred from the publication date (no TIMEX) may be the day before.
INFERRED_SLACK = dt.timedelta(days=1)


@dataclass(slots=True)
class Mention:
    """One event of one article, as the clusterer sees it."""

    uid: int
    article_key: str
    start: dt.date | None
    end: dt.date | None
    inferred: bool  # date comes from the publication date, not a TIMEX
    location: str | None
    location_country: str | None
    source_ids: tuple[str, ...]
    target_ids: tuple[str, ...]
    tokens: frozenset[str]
    names: frozenset[str]
    order: tuple[Any, ...] = ()
    identified: bool = True  # both sides have a country, sector or KB id
    source_sector: str | None = None  # sector of the first source actor
    target_sector: str | None = None

    @property
    def window(self) -> tuple[dt.date | None, dt.date | None]:
        if self.start is None or self.end is None:
            return None, None
        return (self.start - INFERRED_SLACK if self.inferred else self.start), self.end


def _ids_match(a: str, b: str) -> bool | None:
    """True/False when two identities can be compared, None when they cannot."""
    if a.startswith("kb:") and b.startswith("kb:"):
        return a == b
    if a.startswith("nm:") and b.startswith("nm:"):
        return bool(set(a[3:].split()) & set(b[3:].split()))
    return None


def sides_agree(a: Sequence[str], b: Sequence[str]) -> bool:
    """No evidence that the two actor sets are different people/organizations."""
    if not a or not b:
        return True
    return any(_ids_match(x, y) is not False for x in a for y in b)


def compatible(m: Mention, n: Mention) -> bool:
    (m_start, m_end), (n_start, n_end) = m.window, n.window
    if m_start is None or n_start is None or m_end is None or n_end is None:
        # No date at all: only two undated copies of the same, not too generic,
        # evidence can merge ("who is accused" in two unrelated articles cannot).
        if not (
            m_start is None
            and n_start is None
            and m.tokens == n.tokens
            and len(m.tokens) >= MIN_UNDATED_TOKENS
        ):
            return False
    else:
        if m_start > n_end or n_start > m_end:
            return False
        too_vague = m_end - m_start > MAX_DATE_SPAN or n_end - n_start > MAX_DATE_SPAN
        if too_vague and m.tokens != n.tokens:
            return False
    if m.location and n.location and m.location != n.location:
        return False
    if m.location_country and n.location_country and m.location_country != n.location_country:
        return False
    if m.names and n.names and not (m.names & n.names):
        return False
    # Same country, two different known sectors (the army vs the government): distinct.
    for a, b in ((m.source_sector, n.source_sector), (m.target_sector, n.target_sector)):
        if a and b and a != b:
            return False
    return sides_agree(m.source_ids, n.source_ids) and sides_agree(m.target_ids, n.target_ids)


@dataclass(slots=True)
class _Cluster:
    members: list[Mention] = field(default_factory=list)
    last_end: dt.date | None = None

    @property
    def first_start(self) -> dt.date | None:
        return self.members[0].start if self.members else None

    def add(self, mention: Mention) -> None:
        self.members.append(mention)
        if mention.end is not None and (self.last_end is None or mention.end > self.last_end):
            self.last_end = mention.end


def _can_join(members: list[Mention], others: list[Mention], threshold: float) -> float | None:
    """The best similarity between the two groups if every pair is compatible, else None."""
    if not all(compatible(m, n) for m in members for n in others):
        return None
    score = max(similarity(m, n) for m in members for n in others)
    return score if score >= threshold else None


def similarity(m: Mention, n: Mention) -> float:
    """Token Jaccard of the two evidence sentences (actor mentions and dates blanked).

    When an actor is known only by a name without country or sector ("Amazon",
    "people"), the block says little, so the text must: one common word ("offering")
    is then chance, and two are required.
    """
    if m.tokens == n.tokens:
        return 1.0 if m.tokens else 0.0
    needed = 1 if m.identified and n.identified else MIN_SHARED_TOKENS_UNIDENTIFIED
    if len(m.tokens & n.tokens) < needed:
        return 0.0
    return jaccard(m.tokens, n.tokens)


def _merge_pass(clusters: list[_Cluster], threshold: float) -> list[_Cluster]:
    """Merge clusters the greedy pass kept apart only because of the order it saw
    the mentions in (B arrived before A, the report that links it to C)."""
    changed = True
    while changed:
        changed = False
        for i, cluster in enumerate(clusters):
            for other in clusters[i + 1 :]:
                start, end = other.first_start, cluster.last_end
                if start is not None and end is not None and start - INFERRED_SLACK > end:
                    break  # clusters are in date order: nothing later can overlap
                if _can_join(cluster.members, other.members, threshold) is not None:
                    for mention in other.members:
                        cluster.add(mention)
                    clusters.remove(other)
                    changed = True
                    break
            if changed:
                break
    return clusters


def cluster_block(
    mentions: Iterable[Mention], *, min_similarity: float | None = None
) -> list[list[Mention]]:
    """Greedy complete-link clustering of the mentions of one block."""
    threshold = MIN_SIMILARITY if min_similarity is None else min_similarity
    ordered = sorted(mentions, key=lambda m: (m.start or dt.date.min, m.order, m.uid))
    clusters: list[_Cluster] = []
    active: list[_Cluster] = []  # clusters whose dates can still overlap what comes next
    for mention in ordered:
        if mention.start is not None:
            horizon = mention.start - INFERRED_SLACK
            active = [c for c in active if c.last_end is None or c.last_end >= horizon]
        best: _Cluster | None = None
        best_score = -1.0
        for candidate in active:
            score = _can_join([mention], candidate.members, threshold)
            if score is not None and score > best_score:
                best, best_score = candidate, score
        if best is None:
            best = _Cluster()
            clusters.append(best)
            active.append(best)
        best.add(mention)
    return [c.members for c in _merge_pass(clusters, threshold)]
