"""The page tree every installation starts with: a home page and one root page per portal."""

from django.conf import settings
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from core.access.roles import PORTALS

from .models import HomePage, PortalCollection, PortalPage


@transaction.atomic
def ensure_site_structure() -> HomePage:
    """Idempotent: creates what is missing, never touches what editors changed."""
    ensure_wagtail_roots()
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
    ensure_portal_collections()
    return home


def ensure_wagtail_roots() -> None:
    """What Wagtail's migrations create, recreated after a database flush (test runs)."""
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(instance=Collection(name="Root"))


def ensure_portal_collections() -> None:
    """One collection per portal for files only its people may download."""
    root = Collection.get_first_root_node()
    linked = set(PortalCollection.objects.values_list("portal", flat=True))
    for role, portal in PORTALS.items():
        if role.value in linked:
            continue
        collection = root.add_child(instance=Collection(name=f"{portal.label} files"))
        PortalCollection.objects.create(collection=collection, portal=role)
        root.refresh_from_db()


def bootstrap_after_migrate(**kwargs) -> None:
    from core.access.duties import ensure_duty_groups

    ensure_site_structure()
    ensure_duty_groups()
