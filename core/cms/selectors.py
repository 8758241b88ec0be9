from core.access import policies
from core.access.roles import Role

from .models import PortalPage


def portal_dashboard_context(person, role: Role) -> dict:
    """What every portal dashboard shows: the editors' introduction, the portal's pages,
    and the organisations the person belongs to in this role."""
    portal_page = PortalPage.objects.filter(portal=role).first()
    pages = (
        portal_page.get_children().live().public().specific().order_by("path")
        if portal_page is not None
        else []
    )
    return {
        "portal_page": portal_page,
        "portal_pages": pages,
        "memberships": policies.assignments_for(person, role),
    }
