from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Department(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("head of department"),
    )

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class EmployeeProfile(models.Model):
    """What colleagues need to know about an employee. The job title lives on the employee
    RoleAssignment (it changes with the role); everything else about working here is here."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="employee_profile",
        verbose_name=_("person"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("department"),
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="direct_report_profiles",
        verbose_name=_("manager"),
    )
    location = models.CharField(_("location"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    skills = models.CharField(
        _("skills"), max_length=500, blank=True, help_text=_("Separate skills with commas.")
    )
    about = models.TextField(_("about"), max_length=2000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("employee profile")
        verbose_name_plural = _("employee profiles")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(manager=models.F("person")), name="staff_not_own_manager"
            )
        ]
        indexes = [models.Index(fields=["department"], name="staff_profile_dept_idx")]

    def __str__(self) -> str:
        return str(self.person)

    def clean(self) -> None:
        super().clean()
        if self.manager_id and self.manager_id == self.person_id:
            raise ValidationError({"manager": _("Nobody is their own manager.")})

    @property
    def skill_list(self) -> list[str]:
        return [skill.strip() for skill in self.skills.split(",") if skill.strip()]
