"""The knowledge base's costly reads, kept in the cache for everyone of the same audience until
the knowledge base changes.

Ranking a common word's thousands of matches costs tens of milliseconds however it is indexed,
and so does listing the tags of every article a reader may open. People whose roles let them
read the same articles (`core.access.knowledge.audience_key`) get the same answers, so one
computation serves them all. Each entry is stored under the knowledge base's generation
(core/generations.py), which saving, deleting or moving any knowledge page replaces
(publishing, unpublishing and scheduled publishing all save the page): no one is shown an
answer from before a change.
"""

import hashlib

from core.access.knowledge import audience_key, narrowing_ids
from core.generations import Generation

KNOWLEDGE = Generation("knowledge")
knowledge_changed = KNOWLEDGE.renew


def remembered(person, name: str, parts: tuple, compute):
    """`compute()`'s answer for the person's audience and these parts (which must decide the
    answer together with the audience), from the cache when this generation has it."""
    digest = hashlib.sha256(repr((_audience(person), parts)).encode()).hexdigest()
    return KNOWLEDGE.kept(f"{name}:{digest}", compute)


def _audience(person) -> str:
    """The person's audience key, worked out once a request (a page asks several reads)."""
    token = KNOWLEDGE.current()
    known = person.__dict__.get("_knowledge_audience")
    if known is None or known[0] != token:
        known = (token, audience_key(person, KNOWLEDGE.kept("narrowing", narrowing_ids)))
        person.__dict__["_knowledge_audience"] = known
    return known[1]


def shared(name: str, compute):
    """`compute()`'s answer when it is the same for every reader (the categories), from the
    cache when this generation has it."""
    return KNOWLEDGE.kept(name, compute)
