from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access.roles import ORGANISATION_KIND_FOR_ROLE, ROLES_WITHOUT_ORGANISATION, Role


class RoleAssignmentQuerySet(models.QuerySet):
    def current(self, at=None) -> "RoleAssignmentQuerySet":
        """Assignments in force at `at` (now by default): started, and not yet ended."""
        at = at or timezone.now()
        return self.filter(Q(until__isnull=True) | Q(until__gt=at), since__lte=at)

    def of_role(self, role: Role) -> "RoleAssignmentQuerySet":
        return self.filter(role=role)


class RoleAssignment(models.Model):
    """A person wearing one hat at one organisation, for a period.

    Ending an assignment sets `until`; the row stays, so history reads true.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="role_assignments",
        null=True,
        blank=True,
        verbose_name=_("organisation"),
    )
    is_org_admin = models.BooleanField(
        _("organisation admin"),
        default=False,
        help_text=_("Manages the organisation's people and sees all of its records."),
    )
    title = models.CharField(_("job title"), max_length=120, blank=True)
    since = models.DateTimeField(_("since"), default=timezone.now)
    until = models.DateTimeField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        ordering = ["role", "since"]
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gt=models.F("since")),
                name="roles_until_after_since",
            ),
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(role__in=ROLES_WITHOUT_ORGANISATION),
                name="roles_organisation_required",
            ),
            models.CheckConstraint(
                condition=Q(is_org_admin=False) | Q(organisation__isnull=False),
                name="roles_admin_needs_organisation",
            ),
            models.UniqueConstraint(
                fields=["person", "role", "organisation"],
                condition=Q(until__isnull=True),
                name="roles_one_open_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["person", "role"],
                condition=Q(until__isnull=True, organisation__isnull=True),
                name="roles_one_open_without_organisation",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "until"], name="roles_person_until_idx"),
            models.Index(fields=["organisation", "role"], name="roles_org_role_idx"),
            # Everyone holding a role (every employee, for the directory and the reports).
            models.Index(fields=["role", "person"], name="roles_role_person_idx"),
        ]

    def __str__(self) -> str:
        where = f" @ {self.organisation}" if self.organisation_id else ""
        return f"{self.person} — {self.get_role_display()}{where}"

    def clean(self) -> None:
        super().clean()
        if self.organisation_id is None:
            if self.role not in ROLES_WITHOUT_ORGANISATION:
                raise ValidationError({"organisation": _("This role is held at an organisation.")})
            return
        expected_kind = ORGANISATION_KIND_FOR_ROLE[Role(self.role)]
        if self.organisation.kind != expected_kind:
            raise ValidationError(
                {
                    "organisation": _("A %(role)s role is held at a %(kind)s.")
                    % {"role": self.get_role_display().lower(), "kind": expected_kind.label.lower()}
                }
            )

    def is_current(self, at=None) -> bool:
        at = at or timezone.now()
        return self.since <= at and (self.until is None or self.until > at)
