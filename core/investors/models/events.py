import zoneinfo

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin

from .choices import Audience, EventKind

TIME_ZONES = [
    (name, name.replace("_", " "))
    for name in sorted(zoneinfo.available_timezones())
    if "/" in name and not name.startswith(("Etc/", "SystemV/", "posix/", "right/"))
]


class InvestorEventQuerySet(models.QuerySet):
    def visible_to(self, person) -> "InvestorEventQuerySet":
        from core.access.investors import events_visible_to

        return self.filter(events_visible_to(person))

    def upcoming(self, now) -> "InvestorEventQuerySet":
        return self.filter(ends_at__gte=now).order_by("starts_at", "pk")

    def past(self, now) -> "InvestorEventQuerySet":
        return self.filter(ends_at__lt=now).order_by("-starts_at", "-pk")


class InvestorEvent(DraftStateMixin, RevisionMixin, ClusterableModel):
    """An earnings call, AGM, investor day or conference on the financial calendar.

    Times are stored in UTC and shown in the event's own time zone; each event offers an
    .ics file, and the calendar feed carries every public event.
    """

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=TIME_ZONES, default="Asia/Jakarta"
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    webcast_url = models.URLField(_("webcast link"), blank=True)
    dial_in = models.TextField(
        _("dial-in"), max_length=1000, blank=True, help_text=_("Numbers and access codes.")
    )
    audience = models.CharField(
        _("who may see it"), max_length=16, choices=Audience.choices, default=Audience.PUBLIC
    )
    materials = ParentalManyToManyField(
        "investors.Publication", blank=True, related_name="events", verbose_name=_("materials")
    )

    objects = InvestorEventQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("time_zone")]),
        FieldPanel("location"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("webcast_url"), FieldPanel("dial_in")], _("Joining")),
        FieldPanel("materials"),
        MultiFieldPanel([FieldPanel("go_live_at"), FieldPanel("expire_at")], _("Scheduling")),
    ]

    class Meta:
        verbose_name = _("investor event")
        verbose_name_plural = _("investor events")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="investors_event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.tz)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.tz)
