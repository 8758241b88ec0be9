"""The page tree every installation starts with: a home page and one root page per portal."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from core.access.roles import PORTALS

from .models import HomePage, PortalPage


@transaction.atomic
def ensure_site_structure() -> HomePage:
    """Idempotent: creates what is missing, never touches what editors changed."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's first migration leaves a placeholder "welcome" page at the home slug.
        Page.objects.filter(depth=2, slug="home", numchild=0).exclude(
            content_type__model="homepage"
        ).delete()
        root.refresh_from_db()
        home = root.add_child(instance=HomePage(title=settings.SITE_NAME, slug="home"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "site_name": settings.SITE_NAME},
    )
    existing = set(PortalPage.objects.values_list("portal", flat=True))
    for role, portal in PORTALS.items():
        if role.value not in existing:
            home.add_child(
                instance=PortalPage(title=str(portal.label), slug=portal.namespace, portal=role)
            )
            home.refresh_from_db()
    return home


def bootstrap_after_migrate(**kwargs) -> None:
    from core.access.duties import ensure_duty_groups

    ensure_site_structure()
    ensure_duty_groups()
