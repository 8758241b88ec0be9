from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.lookups import StartsWith
from django.http.request import split_domain_port
from wagtail.models import PageViewRestriction, Site
from wagtail.templatetags.wagtailcore_tags import richtext

from core.access import policies
from core.access.roles import Role
from core.generations import Generation

from .models import ContentPage, PortalPage

# Every portal dashboard shows its portal's pages; they change only when an editor saves,
# moves, restricts or deletes a page (or a site), so they are kept in the cache until then.
PAGES = Generation("pages")


def current_site(request) -> Site | None:
    """Wagtail's site for this request, kept with the pages: Wagtail asks the database for it
    on every request that links a page, and building that query costs ~2–4 ms. Kept on the
    request where Wagtail keeps it, so every later link and Wagtail itself read it there."""
    if not hasattr(request, "_wagtail_site"):
        hostname, port = split_domain_port(request.get_host())[0], request.get_port()
        request._wagtail_site = PAGES.kept(
            f"site:{hostname}:{port}", lambda: Site.find_for_request(request)
        )
    return request._wagtail_site


@dataclass(frozen=True)
class ListedPage:
    title: str
    url: str
    summary: str
    content_type_id: int


@dataclass(frozen=True)
class PortalHome:
    intro_html: str  # the editors' introduction, its links expanded


def portal_dashboard_context(person, role: Role) -> dict:
    """What every portal dashboard shows: the editors' introduction, the portal's pages,
    and the organisations the person belongs to in this role."""
    home, pages = PAGES.kept(f"portal:{role}", lambda: _portal_home_and_pages(role))
    return {
        "portal_page": home,
        "portal_pages": pages,
        "memberships": policies.assignments_for(person, role),
    }


def _portal_home_and_pages(role: Role) -> tuple[PortalHome | None, list[ListedPage]]:
    portal_page = PortalPage.objects.filter(portal=role).first()
    if portal_page is None:
        return None, []
    home = PortalHome(intro_html=richtext(portal_page.intro) if portal_page.intro else "")
    return home, _listed_children(portal_page)


def _listed_children(portal_page) -> list[ListedPage]:
    """The live, unrestricted children, with a content page's summary, in one query (Wagtail's
    `.public().specific()` costs three: the restrictions, the types, the rows)."""
    restricted = PageViewRestriction.objects.filter(
        Q(StartsWith(OuterRef("path"), F("page__path")))
    )
    summary = ContentPage.objects.filter(pk=OuterRef("pk")).values("summary")
    return [
        ListedPage(
            title=page.title,
            url=page.url,
            summary=page.summary or "",
            content_type_id=page.content_type_id,
        )
        for page in portal_page.get_children()
        .live()
        .exclude(Exists(restricted))
        .annotate(summary=Subquery(summary))
        .order_by("path")
    ]
