from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.access.roles import Role

from .choices import Priority


class Queue(models.Model):
    """A desk that works tickets: Support, Partner desk, IT/HR helpdesk, Investor relations.

    Who works it is data: the staff groups listed in `agent_groups`. An employee in one of them
    sees the queue's tickets (core/access/tickets.py).
    """

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.CharField(_("description"), max_length=255, blank=True)
    agent_groups = models.ManyToManyField(
        Group,
        related_name="ticket_queues",
        blank=True,
        verbose_name=_("worked by"),
        help_text=_("Staff groups whose members work this queue."),
    )
    intake_role = models.CharField(
        _("takes requests from"),
        max_length=16,
        choices=Role.choices,
        null=True,
        blank=True,
        unique=True,
        help_text=_("New tickets from this portal land here unless their category says otherwise."),
    )
    team_email = models.EmailField(
        _("team e-mail"), blank=True, help_text=_("Receives SLA breach notices for the queue.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("queue")
        verbose_name_plural = _("queues")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    """What a ticket is about, offered in one portal's form (e.g. "Billing", "Integration")."""

    name = models.CharField(_("name"), max_length=80)
    portal = models.CharField(_("offered in"), max_length=16, choices=Role.choices)
    queue = models.ForeignKey(
        Queue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="categories",
        verbose_name=_("routes to"),
        help_text=_("Empty: the portal's intake queue."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("ticket category")
        verbose_name_plural = _("ticket categories")
        ordering = ["portal", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["portal", "name"], name="tickets_category_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class ProductArea(models.Model):
    """The product or area a ticket concerns (e.g. "Warehouse app", "Billing portal")."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("product or area")
        verbose_name_plural = _("products and areas")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class SLAPolicy(models.Model):
    """Targets for one queue and priority: first response and resolution, in business hours of a
    calendar or in calendar (around-the-clock) hours."""

    class Clock(models.TextChoices):
        BUSINESS = "business", _("Business hours")
        CALENDAR = "calendar", _("Calendar hours (around the clock)")

    queue = models.ForeignKey(Queue, on_delete=models.CASCADE, related_name="sla_policies")
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices)
    first_response_hours = models.DecimalField(
        _("first response within (hours)"), max_digits=7, decimal_places=2
    )
    resolution_hours = models.DecimalField(
        _("resolution within (hours)"), max_digits=7, decimal_places=2
    )
    clock = models.CharField(_("clock"), max_length=10, choices=Clock.choices)
    calendar = models.ForeignKey(
        "calendars.BusinessCalendar",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("business calendar"),
    )

    class Meta:
        verbose_name = _("SLA policy")
        verbose_name_plural = _("SLA policies")
        ordering = ["queue", "priority"]
        constraints = [
            models.UniqueConstraint(
                fields=["queue", "priority"], name="tickets_one_sla_per_priority"
            ),
            models.CheckConstraint(
                condition=Q(clock="calendar") | Q(calendar__isnull=False),
                name="tickets_business_sla_needs_calendar",
            ),
            models.CheckConstraint(
                condition=Q(first_response_hours__gt=0, resolution_hours__gt=0),
                name="tickets_sla_hours_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.queue} · {self.get_priority_display()}"
