"""Customer 360: one page per person or organisation with every role, record and interaction
across the portals. Staff only (core.access.staff).

Each area registers sections and timeline sources (in its app's providers.py, found by
core.providers); the 360 views
only ask this registry, so tickets, deals, leads, investor requests and alert subscriptions
join the page by registering, without touching the views.

A section function takes (subject, limit, viewer) and returns (rows, total): at most `limit`
rows and the full count, in a fixed number of queries whatever the subject's history; rows
about records the viewer may not open (a ticket in a queue they do not work) are left out
or shown without a link. A timeline function takes (subject, limit, viewer) and returns at
most `limit` entries, newest first; the page merges them and keeps the newest.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from .providers import autodiscover

PERSON = "person"
ORGANISATION = "organisation"


@dataclass(frozen=True)
class Row:
    title: str
    detail: str = ""
    url: str = ""
    at: datetime | None = None
    badge: str = ""
    tone: str = ""  # "", "success", "warning", "danger"


@dataclass(frozen=True)
class Entry:
    at: datetime
    kind: str
    title: str
    detail: str = ""
    url: str = ""


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    subject: str  # PERSON or ORGANISATION
    rows: Callable[..., tuple[list[Row], int]]
    order: int = 100
    empty: str = ""


@dataclass(frozen=True)
class TimelineSpec:
    key: str
    subject: str
    entries: Callable[..., list[Entry]]


_SECTIONS: dict[tuple[str, str], SectionSpec] = {}
_TIMELINES: dict[tuple[str, str], TimelineSpec] = {}


def register_section(spec: SectionSpec) -> None:
    _SECTIONS[(spec.subject, spec.key)] = spec


def register_timeline(spec: TimelineSpec) -> None:
    _TIMELINES[(spec.subject, spec.key)] = spec


@dataclass
class Section:
    key: str
    title: str
    rows: list[Row]
    total: int
    empty: str


def sections_for(subject, kind: str, *, viewer, limit: int = 10) -> list[Section]:
    autodiscover()
    found = []
    for spec in sorted(
        (s for s in _SECTIONS.values() if s.subject == kind), key=lambda s: (s.order, s.key)
    ):
        rows, total = spec.rows(subject, limit, viewer)
        found.append(Section(spec.key, str(spec.title), rows, total, str(spec.empty)))
    return found


def timeline_for(subject, kind: str, *, viewer, limit: int = 30) -> list[Entry]:
    autodiscover()
    entries: list[Entry] = []
    for spec in _TIMELINES.values():
        if spec.subject == kind:
            entries.extend(spec.entries(subject, limit, viewer))
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries[:limit]


def registered() -> dict[str, list[str]]:
    """What the 360 page shows, for the report and a test."""
    autodiscover()
    return {
        "sections": sorted(f"{s}:{k}" for s, k in _SECTIONS),
        "timelines": sorted(f"{s}:{k}" for s, k in _TIMELINES),
    }
