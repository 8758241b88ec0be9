"""The approvals inbox: one list of what waits for a person's decision, from every area.

Each area registers a provider (in its app's providers.py, found by core.providers) that
knows its own pending items and how to decide one; the inbox in the employee portal only
asks the registry. So partner applications, deal registrations, MDF requests and claims
land in the inbox by registering a provider, without touching the inbox.

A provider's `pending(person, limit)` returns at most `limit` items the person may decide,
newest first, and `count(person)` how many there are: both must cost a fixed number of queries.
`decide(person, item_id, approve, reason)` must check again that the person may decide the
item (raise Http404 when not), act through the area's services, and return a short message.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.http import Http404

from .providers import autodiscover


@dataclass(frozen=True)
class ApprovalItem:
    provider: str
    item_id: str
    kind: str
    title: str
    requested_by: str
    requested_at: datetime
    summary: str = ""
    detail_url: str = ""
    # False when a decision needs more than yes or no (e.g. choosing an organisation):
    # the item then links to where that is done.
    decide_here: bool = True
    reason_required_to_reject: bool = True
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ApprovalProvider:
    key: str
    label: str
    pending: Callable[..., list[ApprovalItem]]
    count: Callable[..., int]
    decide: Callable[..., str]
    order: int = 100


_PROVIDERS: dict[str, ApprovalProvider] = {}


def register(provider: ApprovalProvider) -> None:
    _PROVIDERS[provider.key] = provider


def providers() -> list[ApprovalProvider]:
    autodiscover()
    return sorted(_PROVIDERS.values(), key=lambda p: (p.order, p.key))


def provider(key: str) -> ApprovalProvider:
    autodiscover()
    try:
        return _PROVIDERS[key]
    except KeyError:
        raise Http404 from None


@dataclass
class Inbox:
    items: list[ApprovalItem]
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def inbox_for(person, *, limit_per_provider: int = 50, only: str = "") -> Inbox:
    items: list[ApprovalItem] = []
    counts: dict[str, int] = {}
    for each in providers():
        counts[each.key] = each.count(person)
        if counts[each.key] and (not only or only == each.key):
            items.extend(each.pending(person, limit_per_provider))
    items.sort(key=lambda item: item.requested_at, reverse=True)
    return Inbox(items=items, counts=counts)


def waiting_count(person) -> int:
    return sum(each.count(person) for each in providers())


def decide(person, *, provider_key: str, item_id: str, approve: bool, reason: str) -> str:
    return provider(provider_key).decide(person, item_id, approve, reason)
