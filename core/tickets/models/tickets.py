from itertools import islice

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access.roles import Role

from ..lifecycle import ACTIVE, SLA_PAUSED, SLA_RUNNING, Status
from .choices import PRIORITY_RANK, Priority

REFERENCE_PREFIX = "TCK"


def format_reference(number: int) -> str:
    return f"{REFERENCE_PREFIX}-{number:06d}"


# What list rows read (for_lists): lists of both sides, the dashboards' panels.
LIST_COLUMNS = (
    "reference",
    "subject",
    "portal",
    "priority",
    "status",
    "created_at",
    "updated_at",
    "sla_due_at",
    "first_response_breached",
    "resolution_breached",
    "requester__full_name",
    "assignee__full_name",
    "queue__name",
    "queue__slug",
    "organisation_id",
    "on_behalf_of_id",
)


ORGANISATION_RELATIONS = ("organisation", "on_behalf_of")


def attach_organisation_names(tickets) -> None:
    """Give each ticket its organisations (its own and its end customer) as id and name,
    all of them read in one query: what pages show of them. Django's prefetch_related makes
    a query per relation and builds whole organisations, 2.5 ms of a page of 25 rows. The
    other columns stay deferred: reading one costs a query, never a wrong value."""
    ids = {getattr(t, f"{name}_id") for t in tickets for name in ORGANISATION_RELATIONS}
    ids.discard(None)
    if not ids:
        return
    Organisation = apps.get_model("orgs", "Organisation")
    db = tickets[0]._state.db
    named = {
        pk: Organisation.from_db(db, ["id", "name"], [pk, name])
        for pk, name in Organisation.objects.using(db).filter(pk__in=ids).values_list("pk", "name")
    }
    for ticket in tickets:
        for name in ORGANISATION_RELATIONS:
            if (pk := getattr(ticket, f"{name}_id")) is not None:
                setattr(ticket, name, named[pk])


class ListRowIterable(ModelIterable):
    """Ticket rows with attach_organisation_names, one query per hundred rows."""

    BATCH = 100

    def __iter__(self):
        rows = super().__iter__()
        while batch := list(islice(rows, self.BATCH)):
            attach_organisation_names(batch)
            yield from batch


class TicketQuerySet(models.QuerySet):
    def visible_to(self, person, *, as_agent: bool | None = None) -> "TicketQuerySet":
        """The tickets `person` may see, in one query (rules in core/access/tickets.py).
        as_agent=True: only through the queues they work; False: only as requester's side."""
        from core.access.tickets import kept_condition, ticket_visibility

        return self.filter(kept_condition(ticket_visibility, person, as_agent=as_agent))

    def visible_on_portal(self, person, role: Role) -> "TicketQuerySet":
        """What `role`'s requester screens show `person` (core/access/tickets.py)."""
        from core.access.tickets import kept_condition, portal_visibility

        return self.filter(kept_condition(portal_visibility, person, role))

    def active(self) -> "TicketQuerySet":
        return self.filter(status__in=ACTIVE)

    def in_portal(self, role: Role) -> "TicketQuerySet":
        return self.filter(portal=role)

    def for_lists(self, *, with_queue: bool = True) -> "TicketQuerySet":
        """What list rows show, and only that (the queue for the staff's lists): a ticket
        row with its people and queue is 60 columns, of which the rows read 20 (building the
        rest, nine timestamps among them, was a tenth of a list page). The organisations
        come in a query of their own (ListRowIterable): PostgreSQL's join search grows
        exponentially with the joined tables (five took it 3.3 ms to plan, three 1.4 ms),
        more than a query for the page's few organisations."""
        joined = ("queue", "assignee", "requester") if with_queue else ("assignee", "requester")
        columns = [c for c in LIST_COLUMNS if with_queue or not c.startswith("queue__")]
        rows = self.select_related(*joined).only(*columns)
        rows._iterable_class = ListRowIterable
        return rows


class Ticket(models.Model):
    """One request from one person wearing one hat, worked by one queue."""

    reference = models.CharField(
        _("reference"), max_length=20, unique=True, null=True, editable=False
    )
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"), max_length=20000)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="tickets",
        verbose_name=_("requester"),
    )
    requester_role = models.ForeignKey(
        "people.RoleAssignment",
        on_delete=models.PROTECT,
        related_name="tickets",
        verbose_name=_("as"),
        help_text=_("The role the requester held when asking."),
    )
    portal = models.CharField(_("portal"), max_length=16, choices=Role.choices)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tickets",
        verbose_name=_("organisation"),
    )
    on_behalf_of = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tickets_on_behalf",
        verbose_name=_("on behalf of"),
        help_text=_("The end customer a partner asked for (partner tickets only)."),
    )
    queue = models.ForeignKey(
        "tickets.Queue", on_delete=models.PROTECT, related_name="tickets", verbose_name=_("queue")
    )
    category = models.ForeignKey(
        "tickets.Category",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tickets",
        verbose_name=_("category"),
    )
    product_area = models.ForeignKey(
        "tickets.ProductArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tickets",
        verbose_name=_("product or area"),
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_tickets",
        verbose_name=_("assigned to"),
    )
    answer_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answer article"),
    )
    created_at = models.DateTimeField(_("opened"), default=timezone.now)
    updated_at = models.DateTimeField(_("last activity"), default=timezone.now)
    # SLA: targets, when they were met, and whether they were missed.
    first_response_due_at = models.DateTimeField(_("first response due"), null=True, blank=True)
    resolution_due_at = models.DateTimeField(_("resolution due"), null=True, blank=True)
    sla_due_at = models.DateTimeField(
        _("next SLA target"), null=True, blank=True, help_text=_("The nearest unmet target.")
    )
    sla_paused_at = models.DateTimeField(null=True, blank=True)
    sla_paused_hours = models.DecimalField(
        _("time paused (hours)"), max_digits=9, decimal_places=4, default=0
    )
    first_responded_at = models.DateTimeField(_("first response"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    first_response_breached = models.BooleanField(_("first response target missed"), default=False)
    resolution_breached = models.BooleanField(_("resolution target missed"), default=False)
    # The requester's verdict.
    satisfaction_rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    satisfaction_comment = models.TextField(_("comment"), max_length=2000, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)

    objects = TicketQuerySet.as_manager()

    class Meta:
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        ordering = ["-updated_at", "-id"]
        default_permissions = ("add", "change", "delete", "view")
        constraints = [
            models.CheckConstraint(
                condition=Q(satisfaction_rating__isnull=True)
                | Q(satisfaction_rating__gte=1, satisfaction_rating__lte=5),
                name="tickets_rating_1_to_5",
            ),
        ]
        indexes = [
            models.Index(fields=["requester", "-updated_at"], name="tickets_requester_idx"),
            models.Index(fields=["organisation", "-updated_at"], name="tickets_org_idx"),
            models.Index(fields=["queue", "status", "sla_due_at"], name="tickets_queue_due_idx"),
            models.Index(fields=["assignee", "status", "sla_due_at"], name="tickets_assignee_idx"),
            # A queue's running work in SLA order, read a page at a time: a status IN (...)
            # over the index above cannot give that order, so a million tickets get sorted.
            models.Index(
                fields=["queue", "sla_due_at", "-id"],
                condition=Q(status__in=sorted(ACTIVE)),
                name="tickets_queue_active_due_idx",
            ),
            # The breach sweep reads only tickets whose clock runs and whose target is unmet.
            models.Index(
                fields=["first_response_due_at"],
                condition=Q(
                    status__in=SLA_RUNNING,
                    first_responded_at__isnull=True,
                    first_response_breached=False,
                    first_response_due_at__isnull=False,
                ),
                name="tickets_fr_sweep_idx",
            ),
            models.Index(
                fields=["resolution_due_at"],
                condition=Q(
                    status__in=SLA_RUNNING,
                    resolved_at__isnull=True,
                    resolution_breached=False,
                    resolution_due_at__isnull=False,
                ),
                name="tickets_res_sweep_idx",
            ),
            models.Index(
                fields=["resolved_at"], condition=Q(status="resolved"), name="tickets_autoclose_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference or 'TCK-?'} {self.subject}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def sla_paused(self) -> bool:
        return self.status in SLA_PAUSED

    @property
    def breached(self) -> bool:
        return self.first_response_breached or self.resolution_breached

    @property
    def priority_rank(self) -> int:
        return PRIORITY_RANK[Priority(self.priority)]
