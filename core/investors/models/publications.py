from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from core.uploads.models import PrivateFile, private_file_field

from .choices import Audience, DocumentKind, Period


class PublicationQuerySet(models.QuerySet):
    def visible_to(self, person) -> "PublicationQuerySet":
        from core.access.investors import publications_visible_to

        return self.filter(publications_visible_to(person))

    def newest_first(self) -> "PublicationQuerySet":
        return self.order_by("-first_published_at", "-pk")


class Publication(DraftStateMixin, RevisionMixin, PrivateFile, index.Indexed):
    """A report, presentation, filing or press release, with its file.

    Edited in Wagtail (Investor relations → Publications): drafts, revisions and scheduled
    publishing (set "Go-live date" and publish: on results day it goes live by itself, and its
    alert goes out then). Only live publications exist outside the admin; the file is private
    and served by a view that asks core.access.investors first.
    """

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=2000, blank=True)
    category = models.CharField(_("category"), max_length=16, choices=DocumentKind.choices)
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    period = models.CharField(_("period"), max_length=2, choices=Period.choices, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    audience = models.CharField(
        _("who may read it"), max_length=16, choices=Audience.choices, default=Audience.PUBLIC
    )
    file = private_file_field("investors")

    objects = PublicationQuerySet.as_manager()

    # The admin form (core/investors/forms.py) checks the file by its content.
    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("fiscal_year"), FieldPanel("period")]),
        FieldRowPanel([FieldPanel("language"), FieldPanel("audience")]),
        FieldPanel("file"),
        MultiFieldPanel([FieldPanel("go_live_at"), FieldPanel("expire_at")], _("Scheduling")),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.FilterField("category"),
        index.FilterField("fiscal_year"),
    ]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-first_published_at", "-pk"]
        indexes = [
            models.Index(fields=["live", "audience", "-first_published_at"], name="inv_pub_list"),
            models.Index(fields=["fiscal_year", "category"], name="inv_pub_year_kind"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def topic(self):
        return DocumentKind(self.category).topic

    @property
    def period_label(self) -> str:
        return f"{self.period} {self.fiscal_year}" if self.period else str(self.fiscal_year)

    @property
    def is_restricted(self) -> bool:
        return self.audience != Audience.PUBLIC


class PublicationDownloads(models.Model):
    """Download counts, kept outside the publication so a new revision never resets them."""

    publication = models.OneToOneField(
        Publication, on_delete=models.CASCADE, primary_key=True, related_name="downloads"
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")

    def __str__(self) -> str:
        return f"{self.count} downloads"
