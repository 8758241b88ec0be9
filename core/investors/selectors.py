"""Reads of investor relations, every one scoped by core.access.investors in the database."""

from django.db.models import Q

from .models import DocumentKind, InvestorEvent, Publication

YEARS_SHOWN = 5  # the library always offers at least the last five fiscal years


def library(person, *, year=None, kind: str = "", query: str = ""):
    publications = Publication.objects.visible_to(person)
    if year:
        publications = publications.filter(fiscal_year=year)
    if kind in DocumentKind.values:
        publications = publications.filter(category=kind)
    query = " ".join(query.split())[:100]
    if query:
        for word in query.split()[:8]:
            publications = publications.filter(
                Q(title__icontains=word) | Q(summary__icontains=word)
            )
    return publications.select_related("downloads").newest_first()


def library_years(person, *, now_year: int) -> list[int]:
    """The fiscal years to filter by: every year with visible material, and at least the last
    YEARS_SHOWN years (an empty year says so rather than vanishing)."""
    years = set(
        Publication.objects.visible_to(person).values_list("fiscal_year", flat=True).distinct()
    )
    years |= set(range(now_year - YEARS_SHOWN + 1, now_year + 1))
    return sorted(years, reverse=True)


def latest_releases(person, *, limit: int = 5):
    return list(Publication.objects.visible_to(person).newest_first()[:limit])


def upcoming_events(person, now, *, limit: int | None = None):
    events = InvestorEvent.objects.visible_to(person).upcoming(now)
    return list(events[:limit]) if limit else events


def past_events(person, now):
    return InvestorEvent.objects.visible_to(person).past(now)


def feed_publications(*, limit: int = 30):
    """The RSS feed is public: anonymous visibility only, whoever asks."""
    return Publication.objects.visible_to(None).newest_first()[:limit]


def feed_events():
    return InvestorEvent.objects.visible_to(None).order_by("starts_at", "pk")
