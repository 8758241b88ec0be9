from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Collection, Page

from core.access.roles import PORTALS, Role

from .blocks import BodyBlock

PORTAL_PAGE_DEPTH = 3  # root (1) → home (2) → portal pages (3)


class HomePage(Page):
    """The site's front door: what each portal is for, and the way in."""

    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.PortalPage",
        "cms.ContentPage",
        "learning.CourseIndexPage",
        "knowledge.KnowledgeIndexPage",
        "investors.InvestorHomePage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["all_portals"] = list(PORTALS.values())
        return context


class PortalPage(Page):
    """The root of one portal's pages. Its intro heads the portal's dashboard; the pages
    below it are readable only by people who may enter that portal."""

    portal = models.CharField(_("portal"), max_length=16, choices=Role.choices, unique=True)
    intro = RichTextField(
        _("dashboard introduction"), blank=True, help_text=_("Shown at the top of the dashboard.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("portal"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ContentPage", "staff.NewsIndexPage"]

    class Meta:
        verbose_name = _("portal root page")

    @property
    def portal_info(self):
        return PORTALS[Role(self.portal)]

    @classmethod
    def for_page(cls, page: Page) -> "PortalPage | None":
        """The portal a page belongs to, found from its tree path in one query."""
        if page.depth < PORTAL_PAGE_DEPTH:
            return None
        return cls.objects.filter(path=page.path[: cls.steplen * PORTAL_PAGE_DEPTH]).first()


class ContentPage(Page):
    """A general page: under a portal root it is for that portal's people, elsewhere public."""

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    parent_page_types = ["cms.HomePage", "cms.PortalPage", "cms.ContentPage"]
    subpage_types = ["cms.ContentPage"]

    class Meta:
        verbose_name = _("content page")


class PortalCollection(models.Model):
    """Marks a Wagtail collection (and the collections inside it) as one portal's files:
    its documents are served only to people who may enter that portal."""

    collection = models.OneToOneField(
        Collection, on_delete=models.CASCADE, related_name="portal_link"
    )
    portal = models.CharField(_("portal"), max_length=16, choices=Role.choices, unique=True)

    class Meta:
        verbose_name = _("portal collection")

    def __str__(self) -> str:
        return f"{self.collection} → {self.get_portal_display()}"

    @classmethod
    def for_collection(cls, collection: Collection) -> "PortalCollection | None":
        """The portal owning a collection, looking up its ancestors in one query."""
        paths = [
            collection.path[:i]
            for i in range(Collection.steplen, len(collection.path) + 1, Collection.steplen)
        ]
        return cls.objects.filter(collection__path__in=paths).select_related("collection").first()
