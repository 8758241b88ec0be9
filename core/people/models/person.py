import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


def normalise_email(email: str) -> str:
    # Addresses are compared case-insensitively everywhere (sign-in, invitations, matching).
    return (email or "").strip().lower()


class PersonManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields) -> "Person":
        if not email:
            raise ValueError("A person needs an e-mail address.")
        person = self.model(email=normalise_email(email), **fields)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_user(self, email: str, password: str | None = None, **fields) -> "Person":
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "Person":
        fields["is_staff"] = True
        fields["is_superuser"] = True
        return self._create(email, password, **fields)

    def get_by_natural_key(self, username: str) -> "Person":
        return self.get(email=normalise_email(username))


class Person(AbstractBaseUser, PermissionsMixin):
    """Everyone who signs in: one login, whatever roles they hold.

    One name field, not first/last: many Indonesians go by a single name.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    preferred_name = models.CharField(
        _("preferred name"), max_length=80, blank=True, help_text=_("What we call you.")
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=settings.TIME_ZONE, validators=[validate_time_zone]
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("Django admin access"),
        default=False,
        help_text=_("May sign in to the Django admin. Requires two-factor authentication."),
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = PersonManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    @staticmethod
    def label_expression():
        """str(person) in SQL, for lists read with values_list."""
        return Coalesce(NullIf("full_name", Value("")), "email", output_field=models.CharField())

    def clean(self) -> None:
        super().clean()
        self.email = normalise_email(self.email)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.preferred_name or self.full_name.split(" ")[0]


def guardian_anonymous_person(user_model, **_kwargs):
    """The inactive person django-guardian uses for anonymous object permissions."""
    person = user_model(email=settings.ANONYMOUS_USER_NAME, full_name="Anonymous", is_active=False)
    person.set_unusable_password()
    return person
