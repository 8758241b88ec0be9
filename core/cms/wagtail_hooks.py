from wagtail import hooks

from core.access import policies
from core.access.guards import respond_to
from core.access.roles import PORTALS, Role

from .models import PortalCollection, PortalPage


@hooks.register("before_serve_page")
def keep_portal_pages_to_their_people(page, request, serve_args, serve_kwargs):
    """Pages under a portal root are for that portal's people. Anyone else signed in is told
    nothing exists here (404): a page's title can say more than its owners want known."""
    portal_page = PortalPage.for_page(page)
    if portal_page is None:
        return None
    request.portal = portal_page.portal_info
    return respond_to(request, policies.portal_entry(request.user, portal_page.portal_info))


@hooks.register("before_serve_document")
def keep_portal_files_to_their_people(document, request):
    """Documents in a portal's collection are that portal's: same rule as its pages."""
    link = PortalCollection.for_collection(document.collection)
    if link is None:
        return None
    portal = PORTALS[Role(link.portal)]
    return respond_to(request, policies.portal_entry(request.user, portal))
