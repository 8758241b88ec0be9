from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..blocks import GovernanceBlock, KeyFiguresBlock


class InvestorHomePage(Page):
    """The public IR home: company profile, strategy, key figures (entered by the IR officer),
    the latest releases and next events (from the library and calendar), a subscribe box."""

    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    profile = RichTextField(_("company profile"), blank=True)
    strategy = RichTextField(_("strategy"), blank=True)
    key_figures = StreamField(KeyFiguresBlock(), blank=True, verbose_name=_("key figures"))
    key_figures_note = models.CharField(
        _("key figures note"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Audited figures; IFRS; as reported on 26 February 2026."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("tagline"),
        FieldPanel("profile"),
        FieldPanel("strategy"),
        FieldPanel("key_figures"),
        FieldPanel("key_figures_note"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["investors.GovernancePage"]
    max_count = 1

    class Meta:
        verbose_name = _("investor relations home")

    def get_context(self, request, *args, **kwargs):
        from .. import selectors

        context = super().get_context(request, *args, **kwargs)
        context["latest"] = selectors.latest_releases(request.user, limit=5)
        context["next_events"] = selectors.upcoming_events(request.user, timezone.now(), limit=3)
        context["governance"] = self.get_children().live().public().specific()
        from ..forms import SubscribeForm

        context["subscribe_form"] = SubscribeForm()
        return context


class GovernancePage(Page):
    """Governance: the board, committees and policies."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(GovernanceBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["investors.InvestorHomePage", "investors.GovernancePage"]
    subpage_types = ["investors.GovernancePage"]

    class Meta:
        verbose_name = _("governance page")
