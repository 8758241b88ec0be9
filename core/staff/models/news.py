from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from core.access.roles import Role
from core.access.staff import news_visible_to
from core.cms.blocks import BodyBlock


class NewsIndexPage(Page):
    """Company news, under the employee portal's root (so employees only)."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.PortalPage"]
    subpage_types = ["staff.NewsPage"]
    template = "staff/news_index_page.html"

    class Meta:
        verbose_name = _("company news index")

    @classmethod
    def can_create_at(cls, parent) -> bool:
        specific = parent.specific
        return super().can_create_at(parent) and getattr(specific, "portal", "") == Role.EMPLOYEE

    def get_context(self, request, *args, **kwargs):
        from core.staff.selectors import news_for

        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(news_for(request.user, parent=self), 10)
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        return context


class NewsPage(Page):
    """One piece of company news. With departments chosen, only their people see it."""

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.CharField(_("summary"), max_length=300)
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    departments = ParentalManyToManyField(
        "staff.Department",
        blank=True,
        related_name="news",
        verbose_name=_("audience"),
        help_text=_("Leave empty for everyone; choose departments to address only them."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("departments", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    parent_page_types = ["staff.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "staff/news_page.html"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-date"]

    def serve(self, request, *args, **kwargs):
        # The portal hook has already let only employees in; the audience narrows it further.
        if not NewsPage.objects.filter(news_visible_to(request.user), pk=self.pk).exists():
            raise Http404
        return super().serve(request, *args, **kwargs)
