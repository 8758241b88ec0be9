from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.lookups import StartsWith
from wagtail.models import Page, PageViewRestriction

from core.access import policies
from core.access.roles import Role

from .models import ContentPage, PortalPage


def portal_dashboard_context(person, role: Role) -> dict:
    """What every portal dashboard shows: the editors' introduction, the portal's pages,
    and the organisations the person belongs to in this role."""
    portal_page = PortalPage.objects.filter(portal=role).first()
    return {
        "portal_page": portal_page,
        "portal_pages": _listed_children(portal_page) if portal_page is not None else [],
        "memberships": policies.assignments_for(person, role),
    }


def _listed_children(portal_page) -> list[Page]:
    """The live, unrestricted children, with a content page's summary, in one query (Wagtail's
    `.public().specific()` costs three: the restrictions, the types, the rows)."""
    restricted = PageViewRestriction.objects.filter(
        Q(StartsWith(OuterRef("path"), F("page__path")))
    )
    summary = ContentPage.objects.filter(pk=OuterRef("pk")).values("summary")
    return list(
        portal_page.get_children()
        .live()
        .exclude(Exists(restricted))
        .annotate(summary=Subquery(summary))
        .order_by("path")
    )
